"""Pass 2: global reductions over the small keys of every raw file (columns, never records).

Decides what is published (errors rejected, one file per id, exact duplicates once), which split each
article goes to (its duplicate cluster's smallest id decides), the statistics, and which records go to
which shard. Pure apart from re-reading near-duplicate candidates to confirm them (validate's dedup).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus.build.bands import BandStore
from corpus.build.cache import Loc
from corpus.build.checking import LocNames, duplicate_id, duplicates
from corpus.build.stats import Stats
from corpus.check.rules import problem
from corpus.config import Config
from corpus.split import bucket, split_codes


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


def _locations(t: pa.Table, rows: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Where rows lie in the cache, as columns: spill names, spill index per row, offsets, lengths."""
    spill = _take(t, "spill", rows).cast(pa.string()).combine_chunks().dictionary_encode()
    return (
        spill.dictionary.to_pylist(),
        spill.indices.to_numpy().astype(np.int32),
        _np(t, "offset")[rows],
        _np(t, "length")[rows],
    )


def plan_build(
    keys: pa.Table,
    bands: BandStore,
    problems: Mapping[str, list[dict[str, Any]]],
    cfg: Config,
    cache_dir: str,
) -> Plan:
    """`keys` (scan.KEY_SCHEMA without `bands`) and `bands` are aligned row for row; `bands` is consumed."""
    # sort by id, without the band keys: the widest column is only taken for duplicate candidates
    order = pc.sort_indices(keys, [("id", "ascending"), ("rel", "ascending")])
    narrow = keys.drop_columns(["key16"])
    in_order = bool((order.to_numpy() == np.arange(len(order))).all())  # a flat folder: ids come sorted
    t = narrow if in_order else narrow.take(order)
    n = t.num_rows
    id_col = t.column("id")
    ok = _np(t, "has_record", False) & (_np(t, "errors") == 0)
    extra: dict[int, list[dict[str, Any]]] = {}

    # one file per id: the first path (sorted) keeps it (validate's R030, always an error here)
    ok_rows = np.flatnonzero(ok)
    if len(ok_rows) > 1:
        later, earlier = _take(t, "id", ok_rows[1:]), _take(t, "id", ok_rows[:-1])
        same = pc.equal(later, earlier).to_numpy(zero_copy_only=False)
        for j in np.flatnonzero(same).tolist():
            i, prev = int(ok_rows[j + 1]), int(ok_rows[j])
            extra[i] = [duplicate_id(id_col[i].as_py(), t["rel"][prev].as_py())]
            ok[i] = False

    # duplicates among the rest: exact copies are published once, near ones share a split
    cand = np.flatnonzero(ok & t.column("body_hash").is_valid().to_numpy(zero_copy_only=False))
    clusters: list[list[str]] = []
    if len(cand) > 1:
        dups = duplicates(
            _take(t, "rel", cand).to_pylist(),
            LocNames(*_locations(t, cand)),
            _take(t, "body_hash", cand).to_numpy(),
            bands.compact(cand) if in_order else bands.rows[order.to_numpy()[cand]],
            cfg,
            cache_dir,
        )
        # exact copies: every id of a group but the smallest, found with one lookup over the id column
        keep_of = {copy: min(g) for g in dups.exact_groups for copy in sorted(g)[1:]}
        rows, which = _rows_in(id_col, list(keep_of), ok)
        copies = list(keep_of)
        for i, k, rel in zip(rows.tolist(), which.tolist(), _take(t, "rel", rows).to_pylist(), strict=True):
            reasons = [p for p in dups.problems.get(rel, []) if p["code"] == "D201"]
            extra[i] = [dict(p, severity="error") for p in reasons] or [_exact(keep_of[copies[k]])]
        ok[rows] = False
        clusters = [sorted(c) for c in dups.clusters]

    # splits: each article's own bucket, or its cluster leader's (the cluster's smallest id)
    kept = np.flatnonzero(ok)
    buckets = _np(t, "bucket", 0.0).copy()
    near: list[list[str]] = []
    if clusters:
        members = [m for c in clusters for m in c]
        cluster_of = np.repeat(np.arange(len(clusters)), [len(c) for c in clusters])
        rows, which = _rows_in(id_col, members, ok)
        leader_bucket = np.array([bucket(c[0]) for c in clusters])
        buckets[rows] = leader_bucket[cluster_of[which]]
        live = np.bincount(cluster_of[which], minlength=len(clusters))
        published = {members[k] for k in which.tolist()}
        near = [
            [m for m in c if m in published] for c, n in zip(clusters, live.tolist(), strict=True) if n > 1
        ]
    names = list(cfg.splits)
    split_code = split_codes(buckets[kept], cfg.splits)
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
        shards.extend(_shards(split, t, kept[split_code == code], cfg.shard_bytes, cfg.row_group_bytes))

    rejected = np.flatnonzero(~ok)
    rejects = [
        {"file": rel, "id": id_, "problems": list(problems.get(rel, [])) + extra.get(i, [])}
        for i, rel, id_ in zip(
            rejected.tolist(),
            _take(t, "rel", rejected).to_pylist(),
            _take(t, "id", rejected).to_pylist(),
            strict=True,
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


def _shards(split: str, t: pa.Table, rows: np.ndarray, shard_bytes: int, row_group_bytes: int) -> list[Shard]:
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
    names, spill_idx, offsets, lengths = _locations(t, rows)
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
