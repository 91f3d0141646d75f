"""Pass 2: global reductions over the small keys of every raw file (columns, never records).

Decides what is published (errors rejected, one file per id, exact duplicates once), which split each
article goes to (its duplicate cluster's smallest id decides), the statistics, and which records go to
which shard. Pure apart from re-reading near-duplicate candidates to confirm them (validate's dedup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus.build.checking import LocNames, duplicate_id, duplicates
from corpus.build.keys import Keys
from corpus.build.shards import Shard
from corpus.build.stats import Stats
from corpus.check.columns import Selected
from corpus.check.rules import problem
from corpus.check.sigs import SelectedSigs
from corpus.config import Config
from corpus.engines import Engine
from corpus.rawio import RAW_SUFFIX
from corpus.split import bucket, split_codes


@dataclass(slots=True)
class Plan:
    shards: list[Shard]
    rejects: list[dict[str, Any]]
    stats: Stats
    clusters: list[list[str]]  # near-duplicate groups among the published articles
    raw_files: int
    published: int
    cache_hits: int
    warnings: int


def _np(table: pa.Table, name: str, fill: Any = 0) -> np.ndarray:
    return table.column(name).fill_null(fill).to_numpy()


def _take(table: pa.Table, name: str, rows: np.ndarray) -> pa.ChunkedArray:
    return table.column(name).take(pa.array(rows, pa.int64()))


class Rels(Sequence[str]):
    """The rel of rows of the sorted key table, made on access (`id.txt` when the column says null)."""

    def __init__(self, t: pa.Table, rows: np.ndarray | None = None) -> None:
        self.t, self.rows = t, rows

    def __len__(self) -> int:
        return self.t.num_rows if self.rows is None else len(self.rows)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        row = i if self.rows is None else int(self.rows[i])
        rel = self.t["rel"][row].as_py()
        return rel if rel is not None else self.t["id"][row].as_py() + RAW_SUFFIX

    def many(self, rows: np.ndarray) -> list[str]:
        rels = _take(self.t, "rel", rows).to_pylist()
        ids = _take(self.t, "id", rows).to_pylist()
        return [r if r is not None else i + RAW_SUFFIX for r, i in zip(rels, ids, strict=True)]


def _locations(
    t: pa.Table, spills: list[str], rows: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Where rows lie in the cache, as columns: spill names, spill index per row, offsets, lengths."""
    batch = _np(t, "batch")[rows]
    used, idx = np.unique(batch, return_inverse=True)
    return (
        [spills[k] for k in used.tolist()],
        idx.reshape(-1).astype(np.int32),
        _np(t, "offset")[rows],
        _np(t, "length")[rows].astype(np.int64),
    )


def _id_order(table: pa.Table) -> np.ndarray | None:
    """Row order by (id, rel); None when the rows already are in it (a flat folder is walked sorted)."""
    ids = table.column("id")
    n = len(ids)
    if n < 2 or pc.all(pc.less_equal(ids[:-1], ids[1:])).as_py():
        # already sorted (a flat folder, walked in name order): what the stable sort would give, without
        # its scratch (~70 MB of Arrow's pool at a million ids, kept by the pool all through pass 2)
        order, in_order, sorted_ids = np.arange(n), True, ids
    else:
        order = pc.sort_indices(ids).to_numpy()  # stable: equal ids stay in discovery order
        in_order = bool((order == np.arange(len(order))).all())
        sorted_ids = ids if in_order else ids.take(pa.array(order))
    ties = (
        pc.equal(sorted_ids[1:], sorted_ids[:-1]).fill_null(False).to_numpy(zero_copy_only=False)
        if n > 1
        else np.zeros(0, bool)
    )
    del sorted_ids
    if ties.any():  # the same id in several folders: those rows by rel (rare, so row by row)
        order = order.copy()
        rels = Rels(table)
        starts, ends = _runs(ties)
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            order[s:e] = sorted(order[s:e].tolist(), key=lambda r: rels[r])
        in_order = bool((order == np.arange(n)).all())
    return None if in_order else order


def _runs(ties: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[start, end) of the runs of equal neighbours, from ties[i] = (row i+1 equals row i)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], ties.astype(np.int8), [0]))))
    return edges[::2], edges[1::2] + 1


def plan_build(keys: Keys, cfg: Config, cache_dir: str, engine: Engine | None = None) -> Plan:
    """Decide everything from the key columns (keys.KEPT_SCHEMA) and the band files; nothing else read
    but near-duplicate candidates' bodies (from the cache), to confirm them (on the engine's workers when
    there are many: the outcome does not depend on where)."""
    order = _id_order(keys.table)
    t = keys.table if order is None else keys.table.take(pa.array(order))
    problems = keys.problems
    n = t.num_rows
    id_col = t.column("id")
    rels = Rels(t)
    ok = _np(t, "has_record", False) & _np(t, "ok", False)
    extra: dict[int, list[dict[str, Any]]] = {}

    # one file per id: the first path (sorted) keeps it (validate's R030, always an error here); each later
    # one names the ok path before it. The rows are sorted by id, so such files lie in runs of equal ids,
    # found on the column itself (zero-copy slices: no copy of a million ids at the start of pass 2)
    ties = (
        pc.equal(id_col[1:], id_col[:-1]).fill_null(False).to_numpy(zero_copy_only=False)
        if n > 1
        else np.zeros(0, bool)
    )
    for s, e in zip(*_runs(ties), strict=True):
        prev = -1
        for i in range(int(s), int(e)):
            if not ok[i]:
                continue
            if prev >= 0:
                extra[i] = [duplicate_id(id_col[i].as_py(), rels[prev])]
                ok[i] = False
            prev = i
    del ties

    # duplicates among the rest: exact copies are published once, near ones share a split
    cand = np.flatnonzero(ok & t.column("body_hash").is_valid().to_numpy(zero_copy_only=False))
    clusters: list[list[str]] = []
    if len(cand) > 1:
        rows_in_keys = cand if order is None else order[cand]
        dups = duplicates(
            Rels(t, cand),
            LocNames(*_locations(t, keys.spills, cand)),
            _take(t, "body_hash", cand).to_numpy(),
            Selected(keys.bands, rows_in_keys),
            cfg,
            cache_dir,
            sigs=SelectedSigs(keys.sigs, rows_in_keys) if keys.sigs is not None else None,
            engine=engine,
        )
        if engine is not None:  # the confirmation workers (~95 MB each at 1M) are done: not kept beside the
            engine.recycle()  # rest of the plan (its shard columns are the driver's peak), pass 3 starts anew
        # exact copies: every id of a group but the smallest, found with one lookup over the id column
        keep_of = {copy: min(g) for g in dups.exact_groups for copy in sorted(g)[1:]}
        rows, which = _rows_in(id_col, list(keep_of), ok)
        copies = list(keep_of)
        for i, k, rel in zip(rows.tolist(), which.tolist(), rels.many(rows), strict=True):
            reasons = [p for p in dups.problems.get(rel, []) if p["code"] == "D201"]
            extra[i] = [dict(p, severity="error") for p in reasons] or [_exact(keep_of[copies[k]])]
        ok[rows] = False
        clusters = [sorted(c) for c in dups.clusters]
        del dups
    del cand

    # splits: each article's own, or its cluster leader's (the cluster's smallest id)
    kept = np.flatnonzero(ok)
    codes = _np(t, "split").astype(np.int32)
    near: list[list[str]] = []
    if clusters:
        members = [m for c in clusters for m in c]
        cluster_of = np.repeat(np.arange(len(clusters)), [len(c) for c in clusters])
        rows, which = _rows_in(id_col, members, ok)
        leader_code = split_codes(np.array([bucket(c[0]) for c in clusters]), cfg.splits)
        codes[rows] = leader_code[cluster_of[which]]
        live = np.bincount(cluster_of[which], minlength=len(clusters))
        published = {members[k] for k in which.tolist()}
        near = [
            [m for m in c if m in published] for c, n in zip(clusters, live.tolist(), strict=True) if n > 1
        ]
    names = list(cfg.splits)
    split_code = codes[kept]
    del codes
    stats = Stats.from_columns(
        split_code,
        names,
        _np(t, "size")[kept],
        _np(t, "word_count")[kept],
        _take(t, "language", kept),
        _take(t, "publisher", kept),
    )
    shards: list[Shard] = []
    for code, split in enumerate(names):
        rows = kept[split_code == code]
        shards.extend(_shards(split, t, keys.spills, rows, cfg.shard_bytes, cfg.row_group_bytes))

    rejected = np.flatnonzero(~ok)
    rejects = [
        {"file": rel, "id": id_, "problems": list(problems.get(rel, [])) + extra.get(i, [])}
        for i, rel, id_ in zip(
            rejected.tolist(), rels.many(rejected), _take(t, "id", rejected).to_pylist(), strict=True
        )
    ]
    rejects.sort(key=lambda r: r["file"])
    return Plan(
        shards=shards,
        rejects=rejects,
        stats=stats,
        clusters=near,
        raw_files=n,
        published=len(kept),
        cache_hits=int(_np(t, "cached", False).sum()),
        warnings=int(_np(t, "warnings")[kept].sum()),
    )


def _rows_in(ids: pa.ChunkedArray, wanted: list[str], ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows still published whose id is in `wanted`, and each one's index in `wanted`: one hash lookup
    over the whole id column, however many groups are asked about."""
    if not wanted:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pos = pc.index_in(ids, value_set=pa.array(wanted, pa.string()))
    found = pos.is_valid().to_numpy(zero_copy_only=False) & ok
    rows = np.flatnonzero(found)
    return rows, pos.fill_null(0).to_numpy()[rows].astype(np.int64)


def _exact(original: str) -> dict[str, Any]:
    msg = f"exact duplicate of {original} (same normalised body); published once, as that id"
    return dict(problem("D201", msg).to_dict(), severity="error")


def _shards(
    split: str, t: pa.Table, spills: list[str], rows: np.ndarray, shard_bytes: int, row_group_bytes: int
) -> list[Shard]:
    """Cut a split (rows in id order) into shards and row groups by record size; an empty split gets none.

    `datasets` cannot load a split without rows ("corresponds to no data"), so the card leaves it out.
    """
    if not len(rows):
        return []
    cuts: list[list[int]] = []  # per shard: its row-group sizes
    shard_size = group_size = 0
    for size in _np(t, "size")[rows].tolist():
        if not cuts or (shard_size and shard_size + size > shard_bytes):
            cuts.append([0])
            shard_size = group_size = 0
        elif group_size and group_size + size > row_group_bytes:
            cuts[-1].append(0)
            group_size = 0
        cuts[-1][-1] += 1
        shard_size += size
        group_size += size
    names, spill_idx, offsets, lengths = _locations(t, spills, rows)
    out, start = [], 0
    for i, groups in enumerate(cuts):
        end = start + sum(groups)
        out.append(
            Shard(
                split,
                i,
                len(cuts),
                names,
                spill_idx[start:end],
                offsets[start:end],
                lengths[start:end],
                groups,
            )
        )
        start = end
    return out
