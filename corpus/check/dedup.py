"""Global duplicate detection over compact keys: exact groups, near-duplicate pairs, clusters.

Keys of a whole corpus are columns of numpy arrays (64-bit body hash, uint64 LSH band keys), so
1,000,000 articles take ~200 MB. Candidate pairs come from equal band keys (a sort per band, no
Python dict of sets) and are confirmed with the true Jaccard of word shingles, re-read through
`load_words` only for candidates. Clusters (union-find over exact and confirmed near pairs) tell
the build which articles must share a split.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from corpus.check import sketch
from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.rawio import RAW_SUFFIX

SHINGLE_CACHE_HASHES = 4_000_000  # ~32 MB of shingle hashes (~3,500 articles) kept for confirming pairs
_ALL_PAIRS_MAX = 32  # buckets larger than this are linked as a chain and a star, not all pairs


@dataclass(slots=True)
class KeyTable:
    """Duplicate keys of many files, one row each. `paths` locate the text when a pair needs confirming."""

    rels: list[str]
    paths: Sequence[str]
    body_hash: np.ndarray  # int64[n]
    bands: np.ndarray  # uint64[n, b]
    size: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    mtime_ns: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    def __len__(self) -> int:
        return len(self.rels)

    @property
    def ids(self) -> list[str]:
        return [id_of(r) for r in self.rels]

    @classmethod
    def empty(cls, nbands: int) -> KeyTable:
        return cls([], [], np.zeros(0, np.int64), np.zeros((0, nbands), np.uint64))

    @classmethod
    def from_results(cls, results: Iterable[object], nbands: int) -> KeyTable:
        """Rows for results with keys (FileResult-like: rel, path, body_hash, bands, size, mtime_ns)."""
        b = KeyBuilder(nbands, chunk=1024)
        for r in results:
            b.add(r)
        return b.table()


class KeyBuilder:
    """Collects keys as results stream in, in numpy chunks: a million rows stay ~200 MB, not ~1 GB of objects."""

    def __init__(self, nbands: int, chunk: int = 65_536) -> None:
        self.nbands, self.chunk = nbands, chunk
        self.rels: list[str] = []
        self.paths: list[str] = []
        self._cols: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._new()

    def _new(self) -> None:
        c = self.chunk
        self._cur = (
            np.zeros(c, np.int64),
            np.zeros((c, self.nbands), np.uint64),
            np.zeros(c, np.int64),
            np.zeros(c, np.int64),
        )
        self._cols.append(self._cur)
        self._fill = 0

    def add(self, res: object) -> None:
        """Add a FileResult-like row if it has keys (files without a body take no part)."""
        h = getattr(res, "body_hash", None)
        if h is None:
            return
        if self._fill == self.chunk:
            self._new()
        i = self._fill
        self._cur[0][i] = h
        self._cur[1][i] = res.bands  # type: ignore[attr-defined]
        self._cur[2][i] = res.size  # type: ignore[attr-defined]
        self._cur[3][i] = res.mtime_ns  # type: ignore[attr-defined]
        self._fill += 1
        self.rels.append(res.rel)  # type: ignore[attr-defined]
        self.paths.append(res.path)  # type: ignore[attr-defined]

    def table(self) -> KeyTable:
        n = len(self.rels)
        cols = [np.concatenate([c[k] for c in self._cols])[:n] for k in range(4)]
        return KeyTable(self.rels, self.paths, cols[0], cols[1], cols[2], cols[3])


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


def _runs(sorted_keys: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of runs of ≥ 2 equal values in a sorted array."""
    if len(sorted_keys) < 2:
        return []
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))))
    return [(int(s), int(e) + 1) for s, e in zip(edges[::2], edges[1::2], strict=True)]


def _bucket_pairs(members: np.ndarray) -> list[tuple[int, int]]:
    m = members.tolist()
    if len(m) <= _ALL_PAIRS_MAX:
        return [(a, b) for i, a in enumerate(m) for b in m[i + 1 :]]
    return [(m[0], b) for b in m[1:]] + list(itertools.pairwise(m[1:]))


def _norm_pairs(pairs: list[tuple[int, int]]) -> np.ndarray:
    if not pairs:
        return np.zeros((0, 2), np.int64)
    arr = np.sort(np.array(pairs, np.int64), axis=1)
    arr = arr[arr[:, 0] != arr[:, 1]]
    return np.unique(arr, axis=0) if len(arr) else arr


def _column(keys: np.ndarray, b: int, rows: np.ndarray | None) -> np.ndarray:
    """Band `b` of `rows` (all rows if None) as a contiguous copy: one column, never the whole matrix."""
    return np.ascontiguousarray(keys[:, b]) if rows is None else keys[rows, b]


def _sorted_column(keys: np.ndarray, b: int, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(order, sorted keys) of one band: a contiguous copy and quicksort are ~5x a stable sort of a strided
    column; ties are put back in row order where they matter (in the runs), so results stay deterministic."""
    col = _column(keys, b, rows)
    order = np.argsort(col)
    return order, col[order]


def self_candidates(bands: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Pairs (i < j) of rows sharing any band key; with `rows`, of those rows (numbered 0.. in `rows`)."""
    pairs: list[tuple[int, int]] = []
    for b in range(bands.shape[1]):
        order, col = _sorted_column(bands, b, rows)
        for s, e in _runs(col):
            pairs += _bucket_pairs(np.sort(order[s:e]))
    return _norm_pairs(pairs)


def cross_candidates(new: np.ndarray, old: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Pairs (new row, old row) sharing any band key; old is sorted once per band, new is searched.

    With `rows`, only those rows of `new` take part (numbered 0.. in `rows`)."""
    out: list[np.ndarray] = []
    if (len(new) if rows is None else len(rows)) == 0 or len(old) == 0:
        return np.zeros((0, 2), np.int64)
    for b in range(old.shape[1]):
        order, col = _sorted_column(old, b)
        mine = _column(new, b, rows)
        lo = np.searchsorted(col, mine, "left")
        hi = np.searchsorted(col, mine, "right")
        for q in np.flatnonzero(hi > lo):
            hits = np.sort(order[lo[q] : hi[q]])[: _ALL_PAIRS_MAX * 8]
            out.append(np.stack([np.full(len(hits), q), hits], axis=1))
    if not out:
        return np.zeros((0, 2), np.int64)
    return np.unique(np.concatenate(out).astype(np.int64), axis=0)


def exact_self(h: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(h)
    col = h[order]
    return [np.sort(order[s:e]) for s, e in _runs(col)]


# --- confirmation ----------------------------------------------------------------------------------

WordsLoader = Callable[[str], list[str] | None]


class _Shingles:
    """Shingle sets loaded on demand (only for candidates), as hashed arrays in a bounded LRU cache.

    Unbounded, this cache was the build's and validate's memory growth: a set of shingle strings is
    ~100 KB an article and about one article in eight is a candidate. Results do not depend on the bound
    (a set evicted is just loaded again).
    """

    def __init__(self, load_words: WordsLoader, k: int, budget: int = SHINGLE_CACHE_HASHES) -> None:
        self.load, self.k, self.budget = load_words, k, budget
        self.cache: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self.held = 0  # hashes in the cache

    def __call__(self, path: str) -> np.ndarray | None:
        if path in self.cache:
            self.cache.move_to_end(path)
            return self.cache[path]
        ws = self.load(path)
        found = sketch.shingle_hashes(ws, self.k) if ws else None
        self.cache[path] = found
        self.held += len(found) if found is not None else 0
        while self.held > self.budget and len(self.cache) > 2:  # the pair being compared stays
            old = self.cache.popitem(last=False)[1]
            self.held -= len(old) if old is not None else 0
        return found


def _confirm(
    pairs: np.ndarray, path_a: Sequence[str], path_b: Sequence[str], sh: _Shingles, threshold: float
) -> list[tuple[int, int, float]]:
    out = []
    for a, b in pairs.tolist():
        sa, sb = sh(path_a[a]), sh(path_b[b])
        if sa is None or sb is None:
            continue
        j = sketch.jaccard_hashed(sa, sb)
        if j >= threshold:
            out.append((a, b, j))
    return out


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
    load_words: WordsLoader,
) -> Duplicates:
    """Judge `new` rows against each other and against `old` (the rest of the corpus, never reported).

    Within `new`, the row whose id sorts first keeps its place and the others are reported, naming it.
    """
    old = old if old is not None else KeyTable.empty(new.bands.shape[1] if new.bands.ndim == 2 else 0)
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
    sh = _Shingles(load_words, shingle_words)
    is_rep = np.ones(n_new, bool)
    is_rep[list(exact_of)] = False
    reps = np.flatnonzero(is_rep).astype(np.int64)
    if len(reps):
        local = self_candidates(new.bands, reps)  # a column at a time: no copy of every row's band keys
        for a, b, j in _confirm(reps[local] if len(local) else local, new.paths, new.paths, sh, threshold):
            first, second = sorted((a, b), key=lambda i: (new_id(i), new.rels[i]))
            near_edges.append((first, second))
            if j > best_new.get(second, ("", -1.0))[1]:
                best_new[second] = (new_id(first), j)
        if len(old):
            cross = cross_candidates(new.bands, old.bands, reps)
            if len(cross):
                cross[:, 0] = reps[cross[:, 0]]
                for a, b, j in _confirm(cross, new.paths, old.paths, sh, threshold):
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
