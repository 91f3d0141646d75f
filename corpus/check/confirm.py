"""Confirming near-duplicate candidate pairs: a signature pre-filter, then the true Jaccard of word shingles,
in this process or on an engine's workers.

LSH hands over every pair sharing a band; at a million articles most share boilerplate, not text (Jaccard
~0.1), and confirming each meant reading, converting and shingling both articles. The signature bytes
kept beside the band keys (sketch.sig_cutoff) drop those pairs first; the rest get the exact Jaccard, here
or, when there are many, in chunks on the engine's workers (each with a small shingle cache). The
Jaccard is a pure function of the two texts, so where a pair is confirmed never changes the outcome.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from corpus.check import sketch
from corpus.check.sigs import SigSource
from corpus.engines import Engine

# A loader gives a candidate's body text (or its words) by the name the key table holds, None if gone.
TextLoader = Callable[[str], str | list[str] | None]

SHINGLE_CACHE_HASHES = 4_000_000  # ~32 MB of shingle hashes (~3,500 articles) kept in the driver
WORKER_CACHE_HASHES = 1_000_000  # ~8 MB on each worker
PARALLEL_MIN_PAIRS = 4096  # fewer pairs are confirmed in the driver: shipping them costs more
TASK_PAIRS = 2048  # pairs per engine task (items are cut so that a batch of them holds about this many)
_FILTER_CHUNK = 131_072  # pairs a step: two 16 MB blocks of signature rows


class Shingles:
    """Shingle sets loaded on demand (only for candidates), as hashed arrays in a bounded LRU cache.

    Unbounded, this cache was the build's and validate's memory growth: a set of shingle strings is
    ~100 KB an article and about one article in eight is a candidate. Results do not depend on the bound
    (a set evicted is just loaded again).
    """

    def __init__(self, load: TextLoader, k: int, budget: int = SHINGLE_CACHE_HASHES) -> None:
        self.load, self.k, self.budget = load, k, budget
        self.cache: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self.held = 0  # hashes in the cache

    def __call__(self, name: str) -> np.ndarray | None:
        if name in self.cache:
            self.cache.move_to_end(name)
            return self.cache[name]
        text = self.load(name)
        found: np.ndarray | None
        if isinstance(text, str):
            found = sketch.body_shingles(text, self.k) if text else None
            if found is not None and not len(found):
                found = None
        else:
            found = sketch.shingle_hashes(text, self.k) if text else None
        self.cache[name] = found
        self.held += len(found) if found is not None else 0
        while self.held > self.budget and len(self.cache) > 2:  # the pair being compared stays
            old = self.cache.popitem(last=False)[1]
            self.held -= len(old) if old is not None else 0
        return found


def plausible(
    pairs: np.ndarray, sig_a: SigSource | None, sig_b: SigSource | None, threshold: float
) -> np.ndarray:
    """The pairs whose signature bytes agree often enough to reach `threshold` (all, without signatures;
    a pair with an unknown row is kept)."""
    if sig_a is None or sig_b is None or not len(pairs):
        return pairs
    cutoff = sketch.sig_cutoff(threshold)
    keep = np.zeros(len(pairs), bool)
    for start in range(0, len(pairs), _FILTER_CHUNK):
        p = pairs[start : start + _FILTER_CHUNK]
        a, b = sig_a.rows(p[:, 0]), sig_b.rows(p[:, 1])
        unknown = ~a.any(axis=1) | ~b.any(axis=1)
        keep[start : start + len(p)] = (sketch.sig_matches(a, b) >= cutoff) | unknown
    return pairs[keep]


@dataclass(frozen=True, slots=True)
class ConfirmJob:
    """What a worker needs to confirm pairs: a picklable loader (hashable: it keys the worker's cache)."""

    load: TextLoader
    k: int
    threshold: float


_WORKER_CACHE: dict[ConfirmJob, Shingles] = {}


def confirm_chunk(job: ConfirmJob, chunk: tuple[list[str], list[str]]) -> list[tuple[int, float]]:
    """(position in the chunk, Jaccard) of the pairs at or over the threshold; runs on a worker.

    Neighbouring pairs (in sorted order) share articles, so a worker keeps a small shingle cache across
    the chunks of one job: 8 MB, which is all it leaves behind for the build's next pass."""
    sh = _WORKER_CACHE.get(job)
    if sh is None:
        _WORKER_CACHE.clear()
        sh = _WORKER_CACHE[job] = Shingles(job.load, job.k, WORKER_CACHE_HASHES)
    out = []
    for i, (a, b) in enumerate(zip(*chunk, strict=True)):
        sa, sb = sh(a), sh(b)
        if sa is None or sb is None:
            continue
        j = sketch.jaccard_hashed(sa, sb)
        if j >= job.threshold:
            out.append((i, j))
    return out


def confirm(
    pairs: np.ndarray,
    names_a: Sequence[str],
    names_b: Sequence[str],
    sh: Shingles,
    threshold: float,
    *,
    engine: Engine | None = None,
    worker_load: TextLoader | None = None,
) -> list[tuple[int, int, float]]:
    """(a, b, Jaccard) of the pairs at or over the threshold, in the pairs' order.

    With an engine of several workers and a picklable `worker_load`, many pairs are confirmed there."""
    workers = int(getattr(engine, "workers", 1)) if engine is not None else 1
    if engine is None or worker_load is None or workers < 2 or len(pairs) < PARALLEL_MIN_PAIRS:
        return _serial(pairs, names_a, names_b, sh, threshold)
    size = max(1, TASK_PAIRS // max(1, int(getattr(engine, "batch_size", 1))))
    job = ConfirmJob(worker_load, sh.k, threshold)

    def chunks() -> Iterator[tuple[list[str], list[str]]]:
        for start in range(0, len(pairs), size):
            p = pairs[start : start + size].tolist()
            yield [names_a[a] for a, _ in p], [names_b[b] for _, b in p]

    out = []
    starts = itertools.count(0, size)
    for start, found in zip(starts, engine.map(partial(confirm_chunk, job), chunks()), strict=False):
        for i, j in found:
            a, b = pairs[start + i].tolist()
            out.append((a, b, j))
    return out


def _serial(
    pairs: np.ndarray, names_a: Sequence[str], names_b: Sequence[str], sh: Shingles, threshold: float
) -> list[tuple[int, int, float]]:
    out = []
    for a, b in (p for start in range(0, len(pairs), 4096) for p in pairs[start : start + 4096].tolist()):
        sa, sb = sh(names_a[a]), sh(names_b[b])
        if sa is None or sb is None:
            continue
        j = sketch.jaccard_hashed(sa, sb)
        if j >= threshold:
            out.append((a, b, j))
    return out
