"""Body → duplicate keys: an exact hash of the normalised body and MinHash LSH band keys.

Normalising (case-folded word characters only) makes whitespace, punctuation and case edits count as
the same text. Near-duplicates use word 5-gram shingles; rensa (Rust) computes MinHash ~15x faster
than datasketch. Band and row counts are chosen from the threshold so recall at the threshold is
≥ 99.5% (datasketch's default choice misses most pairs at exactly 0.8); every candidate is then
confirmed with the true Jaccard, so extra candidates cost time, never precision.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
import rensa

NUM_PERM = 128
SEED = 1_234_567
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)


def words(body: str) -> list[str]:
    return _WORD.findall(body.casefold())


def body_hash(ws: list[str]) -> int:
    """64-bit key of the normalised body (signed, to fit numpy int64 and Parquet)."""
    return int.from_bytes(
        hashlib.blake2b(" ".join(ws).encode(), digest_size=8).digest(), "little", signed=True
    )


def shingles(ws: list[str], k: int) -> set[str]:
    if len(ws) <= k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


def _shingle_list(ws: list[str], k: int) -> list[str]:
    if len(ws) <= k:
        return [" ".join(ws)]
    return [" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)]


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def shingle_hashes(ws: list[str], k: int) -> np.ndarray:
    """The shingle set as sorted distinct 64-bit hashes: ~8 bytes a shingle instead of ~100 for a set of
    strings, so confirming many candidates keeps little in memory. Hashes are only compared within one
    process, so Python's (salted) string hash serves; a collision needs ~2^32 shingles in one pair.
    """
    return np.unique(np.fromiter(map(hash, shingles(ws, k)), np.int64))


def jaccard_hashed(a: np.ndarray, b: np.ndarray) -> float:
    """`jaccard` of two `shingle_hashes` results (same counts, hence the same float)."""
    if not len(a) and not len(b):
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def recall(threshold: float, bands: int, rows: int) -> float:
    """Probability that a pair with Jaccard `threshold` shares at least one band."""
    return 1.0 - (1.0 - threshold**rows) ** bands


@cache
def lsh_shape(threshold: float, num_perm: int = NUM_PERM, target: float = 0.995) -> tuple[int, int]:
    """(bands, rows): the most rows (fewest false candidates) whose recall at the threshold meets target."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if recall(threshold, bands, rows) >= target:
            best = (bands, rows)
    return best


def band_keys(ws: list[str], k: int, threshold: float) -> np.ndarray:
    """uint64 key per LSH band; two documents are candidates when any band key is equal."""
    bands, rows = lsh_shape(threshold)
    m = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    m.update(_shingle_list(ws, k))  # repeats do not change a minimum: no set needed
    sig = np.asarray(m.digest(), dtype=np.uint64)[: bands * rows].reshape(bands, rows)
    key = np.arange(1, bands + 1, dtype=np.uint64) * _MIX  # salt: equal values in different bands differ
    for j in range(rows):
        key = (key ^ sig[:, j]) * np.uint64(0x100000001B3)
    return key


def expected_candidates(threshold: float) -> str:
    b, r = lsh_shape(threshold)
    return f"bands={b} rows={r} recall@{threshold}={recall(threshold, b, r):.4f} recall@0.5={recall(0.5, b, r):.3f}"
