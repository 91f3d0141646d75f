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

from corpus.build.cache import Loc
from corpus.build.checking import duplicate_id, duplicates, nbands
from corpus.build.stats import Stats
from corpus.check.rules import problem
from corpus.config import Config
from corpus.split import split_of


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


def _bands(column: pa.ChunkedArray, width: int) -> np.ndarray:
    """uint64[n, width] from a binary column, without a Python object per row."""
    arr = column.combine_chunks().cast(pa.binary(width * 8))
    raw = np.frombuffer(arr.buffers()[1], dtype=np.uint8)
    return (
        raw[arr.offset * width * 8 : (arr.offset + len(arr)) * width * 8]
        .view(np.uint64)
        .reshape(len(arr), width)
    )


def plan_build(keys: pa.Table, problems: Mapping[str, list[dict[str, Any]]], cfg: Config) -> Plan:
    t = keys.sort_by([("id", "ascending"), ("rel", "ascending")])
    n = t.num_rows
    ids: list[str] = t.column("id").to_pylist()
    ok = _np(t, "has_record", False) & (_np(t, "errors") == 0)
    extra: dict[int, list[dict[str, Any]]] = {}

    # one file per id: the first path (sorted) keeps it (validate's R030)
    ok_rows = np.flatnonzero(ok)
    for prev, i in zip(ok_rows[:-1].tolist(), ok_rows[1:].tolist(), strict=True):
        if ids[i] == ids[prev]:
            extra[i] = [duplicate_id(ids[i], t["rel"][prev].as_py())]  # one id, one record: never both
            ok[i] = False

    # duplicates among the rest: exact copies are published once, near ones share a split
    cand = np.flatnonzero(ok & t.column("body_hash").is_valid().to_numpy(zero_copy_only=False))
    clusters: list[list[str]] = []
    if len(cand) > 1:
        dups = duplicates(
            _take(t, "rel", cand).to_pylist(),
            _take(t, "path", cand).to_pylist(),
            _take(t, "body_hash", cand).to_numpy(),
            _bands(_take(t, "bands", cand), nbands(cfg)),
            cfg,
        )
        row_of = {ids[i]: i for i in cand.tolist()}
        for group in dups.exact_groups:
            for copy in sorted(group)[1:]:
                i = row_of[copy]
                reasons = [p for p in dups.problems.get(t["rel"][i].as_py(), []) if p["code"] == "D201"]
                extra[i] = [dict(p, severity="error") for p in reasons] or [
                    _exact(t["rel"][i].as_py(), min(group))
                ]
                ok[i] = False
        clusters = [sorted(c) for c in dups.clusters]

    kept = np.flatnonzero(ok)
    published = {ids[i] for i in kept.tolist()} if clusters else set()
    leader: dict[str, str] = {}
    near: list[list[str]] = []
    for c in clusters:
        for member in c:
            leader[member] = c[0]
        live = [m for m in c if m in published]
        if len(live) > 1:
            near.append(live)
    names = list(cfg.splits)
    split_code = np.array(
        [names.index(split_of(leader.get(ids[i], ids[i]), cfg.splits)) for i in kept.tolist()], np.int32
    )
    stats = Stats.from_columns(
        [names[c] for c in split_code.tolist()],
        _np(t, "size")[kept],
        _np(t, "word_count")[kept],
        _take(t, "language", kept),
        _take(t, "publisher", kept),
    )
    shards: list[Shard] = []
    for code, split in enumerate(names):
        shards.extend(_shards(split, t, kept[split_code == code], cfg.shard_bytes, cfg.row_group_bytes))

    rejected = np.flatnonzero(~ok)
    rels = _take(t, "rel", rejected).to_pylist()
    rejects = [
        {"file": rel, "id": ids[i], "problems": list(problems.get(rel, [])) + extra.get(i, [])}
        for i, rel in zip(rejected.tolist(), rels, strict=True)
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


def _exact(rel: str, original: str) -> dict[str, Any]:
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
    spill = _take(t, "spill", rows).combine_chunks().dictionary_encode()
    spill_idx = spill.indices.to_numpy().astype(np.int32)
    offsets = _np(t, "offset")[rows]
    lengths = _np(t, "length")[rows]
    out, start = [], 0
    for i, groups in enumerate(cuts):
        end = start + sum(groups)
        names = spill.dictionary.to_pylist()
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
