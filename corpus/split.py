"""Stable split assignment: an id's split depends on the id alone, so adding articles never moves one.

A duplicate cluster follows its smallest id, so near-duplicates never straddle train and test.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import numpy as np

DEFAULT_RATIOS: dict[str, float] = {"train": 0.8, "validation": 0.1, "test": 0.1}
_SCALE = float(1 << 64)


def bucket(id: str) -> float:
    """A uniform number in [0, 1) from the id's hash; the same on every machine and Python."""
    return int.from_bytes(hashlib.sha256(id.encode("utf-8")).digest()[:8], "big") / _SCALE


def split_of(id: str, ratios: Mapping[str, float] = DEFAULT_RATIOS) -> str:
    """The split whose cumulative ratio interval holds the id's bucket (splits in the given order)."""
    x = bucket(id)
    acc = 0.0
    names = [name for name, r in ratios.items() if r > 0]
    for name in names:
        acc += ratios[name]
        if x < acc:
            return name
    return names[-1]  # rounding: ratios sum to 1 within float error


def split_codes(buckets: np.ndarray, ratios: Mapping[str, float] = DEFAULT_RATIOS) -> np.ndarray:
    """Vectorised split_of over precomputed buckets: index into `list(ratios)` for each bucket."""
    names = list(ratios)
    live = [i for i, name in enumerate(names) if ratios[name] > 0]
    cum = np.cumsum([ratios[names[i]] for i in live])  # the same sums, in the same order, as split_of
    pos = np.minimum(np.searchsorted(cum, buckets, side="right"), len(live) - 1)
    return np.asarray(live, np.int32)[pos]


def assign(
    ids: Iterable[str], leader: Mapping[str, str], ratios: Mapping[str, float] = DEFAULT_RATIOS
) -> dict[str, str]:
    """Split of every id; `leader` maps a clustered id to its cluster's smallest id (absent: itself)."""
    return {i: split_of(leader.get(i, i), ratios) for i in ids}
