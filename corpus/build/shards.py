"""What pass 3 is told about one shard: where its rows lie in the cache and how they are cut.

Its own module, light on imports, because a shard-writing worker unpickles it: importing plan.py would load
the converter and the checks (~1 s and ~30 MB a fresh worker) for nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from corpus.build.cache import Loc


@dataclass(slots=True)
class Shard:
    """One Parquet file to write: where its rows lie in the cache (id order) and its row-group sizes."""

    split: str
    index: int
    count: int
    spills: list[str]
    spill_idx: np.ndarray  # int32 per row, into `spills`
    offsets: np.ndarray  # int64 per row
    lengths: np.ndarray  # int64 per row
    row_groups: list[int]

    @property
    def stem(self) -> str:
        return f"{self.split}-{self.index:05d}-of-{self.count:05d}"

    @property
    def rows(self) -> int:
        return len(self.offsets)

    def locs(self) -> Iterator[Loc]:
        for s, o, n in zip(
            self.spill_idx.tolist(), self.offsets.tolist(), self.lengths.tolist(), strict=True
        ):
            yield Loc(self.spills[s], o, n)
