"""Pass 2: global reductions over the small keys of every raw file (columns, never records).

Decides what is published (errors rejected, exact duplicates once, one file per id), which split each
article goes to (its near-duplicate cluster's smallest id decides), the statistics, and which records go
to which shard. Pure: keys and problems in, a Plan out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from corpus.build.cache import Loc
from corpus.build.checking import NUM_PERM, near_duplicate_clusters
from corpus.build.stats import Stats
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
    clusters: list[list[str]]
    raw_files: int
    published: int
    cache_hits: int
    warnings: int


def _problem(code: str, name: str, message: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "severity": "error",
        "message": message,
        "line": None,
        "pointer": None,
        "hint": None,
    }


def _np(table: pa.Table, name: str, fill: Any = 0) -> np.ndarray:
    return table.column(name).fill_null(fill).to_numpy()


def _signatures(column: pa.ChunkedArray) -> np.ndarray:
    """uint32[n, NUM_PERM] from a binary column without a Python object per row."""
    width = NUM_PERM * 4
    arr = column.combine_chunks().cast(pa.binary(width))
    data = np.frombuffer(arr.buffers()[1], dtype=np.uint8)[
        arr.offset * width : (arr.offset + len(arr)) * width
    ]
    return data.view(np.uint32).reshape(len(arr), NUM_PERM)


def plan_build(
    keys: pa.Table,
    problems: Mapping[str, list[dict[str, Any]]],
    ratios: Mapping[str, float],
    near_threshold: float,
    shard_bytes: int,
    row_group_bytes: int,
) -> Plan:
    t = keys.sort_by([("id", "ascending"), ("rel", "ascending")])
    n = t.num_rows
    ids: list[str] = t.column("id").to_pylist()
    ok = _np(t, "has_record", False) & (_np(t, "errors") == 0)
    extra: dict[int, dict[str, Any]] = {}

    # one file per id: the first path (sorted) keeps it
    same_id = np.zeros(n, bool)
    ok_rows = np.flatnonzero(ok)
    if len(ok_rows) > 1:
        dup = np.array(ids, dtype=object)[ok_rows[1:]] == np.array(ids, dtype=object)[ok_rows[:-1]]
        same_id[ok_rows[1:][dup]] = True
    for i in np.flatnonzero(same_id).tolist():
        msg = f"{t['rel'][i].as_py()}: id '{ids[i]}' is already taken by another file; rename one of them"
        extra[i] = _problem("D003", "duplicate-id", msg)
    ok &= ~same_id

    # exact duplicates (same normalised body): the smallest id is published, the others rejected
    ok_rows = np.flatnonzero(ok & t.column("body_hash").is_valid().to_numpy(zero_copy_only=False))
    if len(ok_rows):
        hashes = np.array(t.column("body_hash").take(pa.array(ok_rows)).to_pylist(), dtype="S32")
        _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
        firsts = first[inverse.reshape(-1)]
        for j in np.flatnonzero(firsts != np.arange(len(ok_rows))).tolist():
            i, original = int(ok_rows[j]), ids[int(ok_rows[firsts[j]])]
            msg = f"{t['rel'][i].as_py()}: exact duplicate of {original}; published once, as that id"
            extra[i] = _problem("D001", "exact-duplicate", msg)
            ok[i] = False

    # near-duplicate clusters among the published; a cluster follows its smallest id
    kept = np.flatnonzero(ok)
    with_sig = (
        kept[t.column("signature").take(pa.array(kept)).is_valid().to_numpy(zero_copy_only=False)]
        if len(kept)
        else kept
    )
    clusters = near_duplicate_clusters(
        [ids[i] for i in with_sig.tolist()],
        _signatures(t.column("signature").take(pa.array(with_sig)))
        if len(with_sig)
        else np.zeros((0, NUM_PERM), np.uint32),
        near_threshold,
    )
    leader = {member: c[0] for c in clusters for member in c}
    names = list(ratios)
    split_code = np.array(
        [names.index(split_of(leader.get(ids[i], ids[i]), ratios)) for i in kept.tolist()], np.int32
    )

    stats = Stats.from_columns(
        [names[c] for c in split_code.tolist()],
        _np(t, "size")[kept],
        _np(t, "word_count")[kept],
        t.column("language").take(pa.array(kept)),
        t.column("publisher").take(pa.array(kept)),
    )
    shards: list[Shard] = []
    for code, split in enumerate(names):
        rows = kept[split_code == code]
        shards.extend(_shards(split, t, rows, shard_bytes, row_group_bytes))

    rejected = np.flatnonzero(~ok)
    rels = t.column("rel").take(pa.array(rejected)).to_pylist() if len(rejected) else []
    rejects = []
    for i, rel in zip(rejected.tolist(), rels, strict=True):
        found = [p for p in problems.get(rel, []) if p["severity"] == "error"]
        rejects.append({"file": rel, "id": ids[i], "problems": found + ([extra[i]] if i in extra else [])})
    rejects.sort(key=lambda r: r["file"])
    return Plan(
        shards=shards,
        rejects=rejects,
        stats=stats,
        clusters=clusters,
        raw_files=n,
        published=len(kept),
        cache_hits=int(_np(t, "cached", False).sum()),
        warnings=int(_np(t, "warnings")[kept].sum()),
    )


def _shards(split: str, t: pa.Table, rows: np.ndarray, shard_bytes: int, row_group_bytes: int) -> list[Shard]:
    """Cut a split (rows in id order) into shards and row groups by record size; an empty split gets none.

    `datasets` cannot load a split without rows ("corresponds to no data"), so the card leaves it out.
    """
    if not len(rows):
        return []
    sizes = _np(t, "size")[rows].tolist()
    cuts: list[list[int]] = []  # per shard: its row-group sizes
    shard_size = group_size = 0
    for size in sizes:
        if not cuts or (shard_size and shard_size + size > shard_bytes):
            cuts.append([0])
            shard_size = group_size = 0
        elif group_size and group_size + size > row_group_bytes:
            cuts[-1].append(0)
            group_size = 0
        cuts[-1][-1] += 1
        shard_size += size
        group_size += size
    spill = t.column("spill").take(pa.array(rows)).combine_chunks().dictionary_encode()
    spill_idx = spill.indices.to_numpy().astype(np.int32)
    offsets = _np(t, "offset")[rows]
    lengths = _np(t, "length")[rows]
    out, start = [], 0
    for i, groups in enumerate(cuts):
        end = start + sum(groups)
        out.append(
            Shard(
                split,
                i,
                len(cuts),
                spill.dictionary.to_pylist(),
                spill_idx[start:end],
                offsets[start:end],
                lengths[start:end],
                groups,
            )
        )
        start = end
    return out
