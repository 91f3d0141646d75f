"""Pass 2: global reductions over the small keys of every raw file.

Decides what is published (exact duplicates once, errors rejected), which split each article goes to
(its duplicate cluster's smallest id decides), the statistics, and which records go to which shard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from corpus.build.cache import Loc
from corpus.build.checking import near_duplicate_clusters
from corpus.build.scan import FileKeys
from corpus.build.stats import Stats
from corpus.split import split_of


@dataclass(slots=True)
class Shard:
    """One Parquet file to write: its rows (cache locations, in id order) and where row groups end."""

    split: str
    index: int
    count: int
    entries: list[Loc]
    row_groups: list[int]  # number of rows in each row group

    @property
    def stem(self) -> str:
        return f"{self.split}-{self.index:05d}-of-{self.count:05d}"


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
    split_of_id: dict[str, str] = field(default_factory=dict)


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


def _reject(k: FileKeys, extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    problems = [p for p in k.problems if p["severity"] == "error"] + (extra or [])
    return {"file": k.rel, "id": k.id, "problems": problems}


def plan_build(
    keys: list[FileKeys],
    ratios: Mapping[str, float],
    near_threshold: float,
    shard_bytes: int,
    row_group_bytes: int,
) -> Plan:
    keys = sorted(keys, key=lambda k: (k.id, k.rel))
    rejects: list[dict[str, Any]] = []
    kept: list[FileKeys] = []
    first_by_id: dict[str, str] = {}
    first_by_body: dict[str, str] = {}
    for k in keys:
        if not k.ok:
            rejects.append(_reject(k))
        elif k.id in first_by_id:
            msg = f"{k.rel}: id '{k.id}' is already taken by {first_by_id[k.id]}; rename one of the files"
            rejects.append(_reject(k, [_problem("D003", "duplicate-id", msg)]))
        elif k.body_hash is not None and k.body_hash in first_by_body:
            msg = f"{k.rel}: exact duplicate of {first_by_body[k.body_hash]}; published once, as that id"
            rejects.append(_reject(k, [_problem("D001", "exact-duplicate", msg)]))
        else:
            first_by_id[k.id] = k.rel
            if k.body_hash is not None:
                first_by_body[k.body_hash] = k.id
            kept.append(k)
    rejects.sort(key=lambda r: r["file"])

    clusters = near_duplicate_clusters([(k.id, k.signature) for k in kept if k.signature], near_threshold)
    leader = {i: c[0] for c in clusters for i in c}
    stats = Stats()
    by_split: dict[str, list[FileKeys]] = {name: [] for name in ratios}
    split_of_id: dict[str, str] = {}
    for k in kept:
        split = split_of(leader.get(k.id, k.id), ratios)
        split_of_id[k.id] = split
        by_split[split].append(k)
        stats.add(split, k.size, k.word_count, k.language, k.publisher)

    shards: list[Shard] = []
    for split, members in by_split.items():
        shards.extend(_shards(split, members, shard_bytes, row_group_bytes))
    return Plan(
        shards=shards,
        rejects=rejects,
        stats=stats,
        clusters=clusters,
        raw_files=len(keys),
        published=len(kept),
        cache_hits=sum(k.cached for k in keys),
        warnings=sum(p["severity"] == "warning" for k in kept for p in k.problems),
        split_of_id=split_of_id,
    )


def _shards(split: str, members: list[FileKeys], shard_bytes: int, row_group_bytes: int) -> list[Shard]:
    """Cut a split (in id order) into shards and row groups by record size; an empty split gets none.

    `datasets` cannot load a split without rows ("corresponds to no data"), so the card leaves it out.
    """
    if not members:
        return []
    groups: list[list[list[FileKeys]]] = [[[]]]  # shards -> row groups -> rows
    shard_size = group_size = 0
    for k in members:
        if groups[-1][-1] and shard_size + k.size > shard_bytes:
            groups.append([[]])
            shard_size = group_size = 0
        elif groups[-1][-1] and group_size + k.size > row_group_bytes:
            groups[-1].append([])
            group_size = 0
        groups[-1][-1].append(k)
        shard_size += k.size
        group_size += k.size
    n = len(groups)
    return [
        Shard(
            split,
            i,
            n,
            [k.loc for rg in shard for k in rg if k.loc],
            [len(rg) for rg in shard if rg],
        )
        for i, shard in enumerate(groups)
    ]
