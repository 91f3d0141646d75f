"""Global duplicate detection over compact keys: exact groups, near-duplicate pairs, clusters.

Keys of a whole corpus are columns of numpy arrays (64-bit body hash, uint64 LSH band keys), so
1,000,000 articles take ~200 MB. Candidate pairs come from equal band keys (a sort per band, no
Python dict of sets), pre-filtered by signature bytes and confirmed with the true Jaccard of word
shingles (corpus.check.confirm), re-read through `load_words` only for candidates. Clusters (union-find over exact and confirmed near pairs) tell
the build which articles must share a split.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from corpus.check.columns import BandColumns, BandWriter, PathColumn, Picked, as_columns, scratch_dir
from corpus.check.confirm import Shingles, TextLoader, confirm, plausible
from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.check.sigs import SigSource, SigWriter
from corpus.engines import Engine
from corpus.rawio import RAW_SUFFIX

_ALL_PAIRS_MAX = 32  # buckets larger than this are linked as a chain and a star, not all pairs


@dataclass(slots=True)
class KeyTable:
    """Duplicate keys of many files, one row each. `paths` locate the text when a pair needs confirming.

    `rels` and `paths` may be compact columns (corpus.check.columns) and `bands` band files on disk: the
    search reads one band at a time, so a million rows need not hold 168 MB of band keys in memory.
    `sigs` (signature bytes, corpus.check.sigs) let confirmation skip pairs that cannot reach the threshold.
    """

    rels: Sequence[str]
    paths: Sequence[str]
    body_hash: np.ndarray  # int64[n]
    bands: np.ndarray | BandColumns  # uint64[n, b], or the same band by band
    size: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    mtime_ns: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    sigs: SigSource | None = None

    def __len__(self) -> int:
        return len(self.rels)

    @property
    def ids(self) -> list[str]:
        return [id_of(r) for r in self.rels]

    @property
    def band_columns(self) -> BandColumns:
        return as_columns(self.bands)

    @classmethod
    def empty(cls, nbands: int) -> KeyTable:
        return cls([], [], np.zeros(0, np.int64), np.zeros((0, nbands), np.uint64))

    @classmethod
    def from_results(cls, results: Iterable[object], nbands: int, scratch: Path | None = None) -> KeyTable:
        """Rows for results with keys (FileResult-like: rel, path, body_hash, bands, size, mtime_ns)."""
        b = KeyBuilder(nbands, chunk=1024, scratch=scratch)
        for r in results:
            b.add(r)
        return b.table()


class KeyBuilder:
    """Collects keys as results stream in: numbers in numpy chunks, band keys appended to band files,
    paths as (root, rel) in one buffer; a million rows take ~60 bytes each in memory, not ~1 KB of objects.

    With `names` (the caller's own PathColumn of every file), a row keeps only its index into it.
    """

    def __init__(
        self, nbands: int, chunk: int = 65_536, scratch: Path | None = None, names: PathColumn | None = None
    ) -> None:
        self.nbands, self.chunk = nbands, chunk
        self.names = names if names is not None else PathColumn()
        self._own = names is None
        self._rows = array("q")  # index into `names` (shared names only)
        self._writer = BandWriter(scratch_dir(scratch), nbands, chunk)
        self._sigs = SigWriter(scratch_dir(scratch, "sigs-"))
        self._cols: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.n = 0
        self._new()

    def _new(self) -> None:
        c = self.chunk
        self._cur = (np.zeros(c, np.int64), np.zeros(c, np.int64), np.zeros(c, np.int64))
        self._cols.append(self._cur)
        self._fill = 0

    def add(self, res: object, row: int | None = None) -> None:
        """Add a FileResult-like row if it has keys (files without a body take no part); `row`: its index
        in the shared `names`."""
        h = getattr(res, "body_hash", None)
        if h is None:
            return
        if self._fill == self.chunk:
            self._new()
        i = self._fill
        self._cur[0][i] = h
        self._cur[1][i] = res.size  # type: ignore[attr-defined]
        self._cur[2][i] = res.mtime_ns  # type: ignore[attr-defined]
        self._writer.add(np.asarray(res.bands, np.uint64))  # type: ignore[attr-defined]
        self._sigs.add(getattr(res, "sig", None))
        self._fill += 1
        self.n += 1
        if self._own:
            self.names.append(res.path, res.rel)  # type: ignore[attr-defined]
        else:
            assert row is not None, "a KeyBuilder sharing names needs each row's index"
            self._rows.append(row)

    def table(self) -> KeyTable:
        n = self.n
        cols = [np.concatenate([c[k] for c in self._cols])[:n] for k in range(3)]
        self._cols = []
        bands = self._writer.finish(owned=True)
        sigs = self._sigs.finish(owned=True)
        if self._own:
            rels: Sequence[str] = self.names.rels
            paths: Sequence[str] = self.names
        else:
            rows = np.frombuffer(self._rows, np.int64) if n else np.zeros(0, np.int64)
            rels, paths = Picked(self.names.rels, rows), Picked(self.names, rows)
        return KeyTable(rels, paths, cols[0], bands, cols[1], cols[2], sigs)


def id_of(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return name[: -len(RAW_SUFFIX)] if name.endswith(RAW_SUFFIX) else name


@dataclass(slots=True)
class Duplicates:
    """Problems for the judged files (by the table's rel, which the caller keeps unique) and groups of
    ids for the build."""

    problems: dict[str, list[Problem]]
    exact_groups: list[list[str]]
    clusters: list[list[str]]


# --- candidate generation (vectorised) ------------------------------------------------------------


def _runs(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends (exclusive) of runs of >= 2 equal values in a sorted array."""
    if len(sorted_keys) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))))
    return edges[::2].astype(np.int64), edges[1::2].astype(np.int64) + 1


def _run_pairs(order: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Candidate pairs of the runs [start, end) of `order`: all pairs in a run of up to _ALL_PAIRS_MAX
    members, a star from the smallest member and a chain for larger runs (a few huge buckets would
    otherwise give billions of pairs). Numpy throughout: Python tuples were ~100 bytes a pair."""
    out: list[np.ndarray] = []
    lengths = ends - starts
    small = lengths <= _ALL_PAIRS_MAX
    s, ln = starts[small], lengths[small]
    if len(s):
        total = int(ln.sum())
        run = np.repeat(np.arange(len(s)), ln)  # which run each flattened position belongs to
        pos = np.repeat(s, ln) + (np.arange(total) - np.repeat(np.cumsum(ln) - ln, ln))
        members = order[pos]
        for d in range(1, int(ln.max())):
            same = run[d:] == run[:-d]
            out.append(np.stack([members[:-d][same], members[d:][same]], axis=1))
    for st, en in zip(starts[~small].tolist(), ends[~small].tolist(), strict=True):
        m = np.sort(order[st:en])
        out.append(np.stack([np.full(len(m) - 1, m[0]), m[1:]], axis=1))
        out.append(np.stack([m[1:-1], m[2:]], axis=1))
    return np.concatenate(out).astype(np.int64) if out else np.zeros((0, 2), np.int64)


def _pair_keys(pairs: np.ndarray) -> np.ndarray:
    """Pairs as distinct sorted int64 keys `smaller << 32 | larger`, no pair of a row with itself: half the
    bytes of (n, 2) rows, and a plain sort where `np.unique(axis=0)` sorts rows (same order)."""
    lo, hi = np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])
    keys = (lo.astype(np.int64) << 32) | hi
    return np.unique(keys[lo != hi])


def self_candidates(bands: np.ndarray | BandColumns, rows: np.ndarray | None = None) -> np.ndarray:
    """Pairs (i < j) of rows sharing any band key; with `rows`, of those rows (numbered 0.. in `rows`).

    One band at a time: a column, its sort order, and the pairs found so far are all that is held."""
    src = as_columns(bands)
    if (len(src) if rows is None else len(rows)) >= 1 << 31:
        raise ValueError("self_candidates: more than 2**31 rows")  # row numbers are packed into 32 bits
    parts: list[np.ndarray] = []
    for b in range(src.nbands):
        col = src.column(b)
        if rows is not None:
            col = col[rows]
        order = np.argsort(col)  # quicksort; ties' order does not matter (pairs are normalised)
        starts, ends = _runs(col[order])
        del col
        if len(starts):
            parts.append(_pair_keys(_run_pairs(order, starts, ends)))
        del order, starts, ends
    if not parts:
        return np.zeros((0, 2), np.int64)
    keys = np.unique(np.concatenate(parts))
    del parts
    return np.stack([keys >> 32, keys & 0xFFFFFFFF], axis=1)


def cross_candidates(
    new: np.ndarray | BandColumns, old: np.ndarray | BandColumns, rows: np.ndarray | None = None
) -> np.ndarray:
    """Pairs (new row, old row) sharing any band key: per band, the few new keys are sorted and every old
    key is looked up among them (no sort of the large side). At most `_ALL_PAIRS_MAX * 8` old rows (the
    smallest) per new row and band.

    With `rows`, only those rows of `new` take part (numbered 0.. in `rows`)."""
    new_c, old_c = as_columns(new), as_columns(old)
    if (len(new_c) if rows is None else len(rows)) == 0 or len(old_c) == 0:
        return np.zeros((0, 2), np.int64)
    out: list[np.ndarray] = []
    cap = _ALL_PAIRS_MAX * 8
    for b in range(old_c.nbands):
        mine = new_c.column(b)
        if rows is not None:
            mine = mine[rows]
        order = np.argsort(mine, kind="stable")
        keys = mine[order]
        col = old_c.column(b)
        pos = np.minimum(np.searchsorted(keys, col), len(keys) - 1)
        hit = np.flatnonzero(keys[pos] == col)  # old rows whose key some new row has, ascending
        hit_keys = col[hit]
        del col, pos
        if not len(hit):
            continue
        # old rows per key in ascending row order, capped
        by_key = np.argsort(hit_keys, kind="stable")
        hk, ho = hit_keys[by_key], hit[by_key]
        first = np.searchsorted(hk, hk, "left")
        keep = (np.arange(len(hk)) - first) < cap
        hk, ho = hk[keep], ho[keep]
        # every new row with that key, with every kept old row of it
        lo = np.searchsorted(keys, hk, "left")
        hi = np.searchsorted(keys, hk, "right")
        cnt = hi - lo
        q = order[np.repeat(lo, cnt) + (np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt))]
        out.append(np.stack([q, np.repeat(ho, cnt)], axis=1))
    if not out:
        return np.zeros((0, 2), np.int64)
    return np.unique(np.concatenate(out).astype(np.int64), axis=0)


def exact_self(h: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(h)
    starts, ends = _runs(h[order])
    return [np.sort(order[s:e]) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


# --- union-find -------------------------------------------------------------------------------------


def _components(edges: list[tuple[int, int]]) -> list[list[int]]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in sorted({v for e in edges for v in e}):
        groups.setdefault(find(x), []).append(x)
    return [sorted(g) for g in groups.values() if len(g) > 1]


# --- the two passes ---------------------------------------------------------------------------------


def _near_msg(other: str, j: float) -> str:
    return f"near-duplicate of {other} (Jaccard {j:.2f} over word shingles)"


def find_duplicates(
    new: KeyTable,
    old: KeyTable | None,
    *,
    threshold: float,
    shingle_words: int,
    load_words: TextLoader,
    engine: Engine | None = None,
    worker_load: TextLoader | None = None,
) -> Duplicates:
    """Judge `new` rows against each other and against `old` (the rest of the corpus, never reported).

    Within `new`, the row whose id sorts first keeps its place and the others are reported, naming it.
    Candidates are confirmed with `load_words` here, or with `worker_load` (picklable) on the engine's
    workers when there are many; the outcome is the same either way.
    """
    old = old if old is not None else KeyTable.empty(new.band_columns.nbands)
    n_new = len(new)

    def new_id(i: int) -> str:  # on demand, like old_id: a list of every id is ~100 bytes a row
        return id_of(new.rels[i])

    def old_id(i: int) -> str:  # computed only for rows in a pair: the old side may hold millions
        return id_of(old.rels[i])

    problems: dict[str, list[Problem]] = {}
    best_new: dict[int, tuple[str, float]] = {}  # new row -> (other id, jaccard), other among new rows
    best_old: dict[int, tuple[str, float]] = {}  # ... other in the rest of the corpus (preferred)
    exact_edges: list[tuple[int, int]] = []  # in the combined numbering: new rows, then old rows
    near_edges: list[tuple[int, int]] = []

    # exact: new against old, then new among themselves
    exact_of: dict[int, str] = {}
    if len(old):
        order = np.argsort(old.body_hash)
        col = old.body_hash[order]
        pos = np.searchsorted(col, new.body_hash)
        for q in np.flatnonzero((pos < len(col)) & (col[np.minimum(pos, len(col) - 1)] == new.body_hash)):
            ties = order[pos[q] : np.searchsorted(col, new.body_hash[q], "right")]
            o = int(ties.min())  # the same old copy every run, whatever the sort did with ties
            exact_of[int(q)] = old_id(o)
            exact_edges.append((int(q), n_new + o))
    for grp in exact_self(new.body_hash):
        members = sorted(grp.tolist(), key=lambda i: (new_id(i), new.rels[i]))
        for m in members[1:]:
            exact_edges.append((members[0], m))
            exact_of.setdefault(m, new_id(members[0]))
    for row, other in exact_of.items():
        problems.setdefault(new.rels[row], []).append(
            problem("D201", f"exact duplicate of {other} (same normalised body)")
        )

    # near: only representatives of exact groups take part, so identical copies do not flood buckets
    sh = Shingles(load_words, shingle_words)
    is_rep = np.ones(n_new, bool)
    is_rep[list(exact_of)] = False
    reps = np.flatnonzero(is_rep).astype(np.int64)
    if len(reps):
        local = self_candidates(new.bands, reps)  # a column at a time: no copy of every row's band keys
        local = plausible(reps[local] if len(local) else local, new.sigs, new.sigs, threshold)
        for a, b, j in confirm(
            local, new.paths, new.paths, sh, threshold, engine=engine, worker_load=worker_load
        ):
            first, second = sorted((a, b), key=lambda i: (new_id(i), new.rels[i]))
            near_edges.append((first, second))
            if j > best_new.get(second, ("", -1.0))[1]:
                best_new[second] = (new_id(first), j)
        if len(old):
            cross = cross_candidates(new.bands, old.bands, reps)
            if len(cross):
                cross[:, 0] = reps[cross[:, 0]]
                cross = plausible(cross, new.sigs, old.sigs, threshold)
                for a, b, j in confirm(
                    cross, new.paths, old.paths, sh, threshold, engine=engine, worker_load=worker_load
                ):
                    near_edges.append((a, n_new + b))
                    if j > best_old.get(a, ("", -1.0))[1]:
                        best_old[a] = (old_id(b), j)
    for row, (other, j) in sorted((best_new | best_old).items()):
        problems.setdefault(new.rels[row], []).append(problem("D202", _near_msg(other, j)))

    def any_id(i: int) -> str:
        return new_id(i) if i < n_new else old_id(i - n_new)

    exact_groups = [[any_id(i) for i in g] for g in _components(exact_edges)]
    clusters = [[any_id(i) for i in g] for g in _components(exact_edges + near_edges)]
    return Duplicates(problems, exact_groups, clusters)
