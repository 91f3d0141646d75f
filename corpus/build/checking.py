"""The seam between build and corpus.check: the same per-file checks and duplicate detection as validate.

Build adds one policy on top: exact duplicates are published once (the smallest id), near duplicates
are all published but kept in one split (see plan.py); `D202` therefore never rejects an article here.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from corpus.build.cache import Loc, SpillReader
from corpus.check import sketch
from corpus.check.columns import BandColumns
from corpus.check.dedup import KeyTable, find_duplicates
from corpus.check.problem import Problem
from corpus.check.rules import apply_config, problem
from corpus.check.run import check_file
from corpus.check.sigs import SigSource
from corpus.config import Config
from corpus.convert import CONVERTER_VERSION
from corpus.engines import Engine
from corpus.fsio import UrlRef
from corpus.rawio import RawDoc, RawRef
from corpus.record import SCHEMA_VERSION

CHECKS_VERSION = "check-1"
# config keys that do not change a file's record or problems (so they keep the cache valid)
_NOT_CHECKS = {"raw_dir", "out_dir", "cache_dir", "source", "batch_size", "description", "url", "hub_repo"}
_NOT_CHECKS |= {"tags", "task_categories", "shard_bytes", "row_group_bytes", "splits", "pretty_name"}


@dataclass(slots=True)
class Checked:
    record: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)
    body_hash: int | None = None  # exact-duplicate key (signed 64-bit)
    bands: bytes | None = None  # near-duplicate LSH band keys, uint64 bytes
    sig: bytes | None = None  # MinHash signature bytes (sketch.Keys.sig): pre-filters candidates
    stat: tuple[int, int] | None = None  # the local raw file's (size, mtime_ns), from check_file's lstat


@dataclass(slots=True)
class Duplicates:
    problems: dict[str, list[dict[str, Any]]]  # rel -> D2xx problems (config applied)
    exact_groups: list[list[str]]  # ids with the same normalised body
    clusters: list[list[str]]  # ids that must share a split (exact and near)


def fingerprint(cfg: Config) -> str:
    """What a cached result depends on besides the raw file: versions, the converter's and the checks'
    code and tables (a changed rule changes records even before anyone bumps a version), every check setting.
    """
    settings = {f.name: getattr(cfg, f.name) for f in fields(cfg) if f.name not in _NOT_CHECKS}
    h = hashlib.sha256(
        "\0".join([CONVERTER_VERSION, SCHEMA_VERSION, CHECKS_VERSION, sketch.VERSION]).encode()
    )
    h.update(repr(sorted(settings.items())).encode())
    import corpus.check
    import corpus.convert

    for package in (corpus.convert, corpus.check):
        base = Path(package.__file__).parent  # type: ignore[arg-type]
        for f in sorted(base.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".toml", ".txt", ".json"):
                h.update(f.relative_to(base).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def nbands(cfg: Config) -> int:
    return sketch.lsh_shape(cfg.near_duplicate_threshold)[0]


def check_one(ref: RawRef, cfg: Config, doc: RawDoc | None = None, *, with_keys: bool = True) -> Checked:
    """validate's per-file checks: raw, sidecar, conversion, schema, content; plus duplicate keys.

    check_file reads local files itself; a file read through fsspec (`doc` of a UrlRef) is checked from a
    local copy of its bytes and parsed sidecar, so remote corpora get the very same checks.
    `with_keys=False`: no duplicate keys yet (see `add_keys`).
    """
    if isinstance(ref, UrlRef) and doc is None:
        return Checked(None)  # unreadable through fsspec: the read error itself is the reason
    if isinstance(ref, UrlRef) and doc is not None:
        with tempfile.TemporaryDirectory(prefix="corpus-check-") as tmp:
            local = RawRef(Path(tmp), Path(tmp) / ref.path.name)
            local.path.write_bytes(doc.data)
            if doc.meta is not None:
                local.meta_path.write_bytes(orjson.dumps(doc.meta))
            res = check_file(local, cfg, with_keys=with_keys)
            res.record = (
                replace(res.record, source=replace(res.record.source, file=ref.rel)) if res.record else None
            )
    else:
        res = check_file(ref, cfg, doc, keep_dict=True, with_keys=with_keys)  # read once, by the scan
    bands = np.asarray(res.bands, np.uint64).tobytes() if res.bands is not None else None
    sig = np.asarray(res.sig, np.uint8).tobytes() if res.sig is not None else None
    record = res.record_dict
    if record is None and res.record is not None:
        record = res.record.to_dict()
    stat = None if isinstance(ref, UrlRef) else (res.size, res.mtime_ns)
    return Checked(record, res.problems, res.body_hash, bands, sig, stat)


def add_keys(checked: list[Checked], cfg: Config) -> None:
    """Fill in the duplicate keys of results checked `with_keys=False`, for every one with a record: what
    check_one would have given them, taken of all their bodies at once (sketch.keys_many)."""
    todo = [(c, c.record["body"]) for c in checked if c.record is not None]
    bodies = [body for _, body in todo]
    found = sketch.keys_many(bodies, cfg.shingle_words, cfg.near_duplicate_threshold)
    for (c, _), keys in zip(todo, found, strict=True):
        if keys is not None:
            c.body_hash = keys.body_hash
            c.bands = np.asarray(keys.bands, np.uint64).tobytes()
            c.sig = np.asarray(keys.sig, np.uint8).tobytes()


def duplicate_id(id: str, first: str) -> dict[str, Any]:
    """validate's R030; always an error in a build: a dataset cannot hold two records with one id."""
    return dict(problem("R030", f"id {id!r} is also used by {first}").to_dict(), severity="error")


class LocNames(Sequence[str]):
    """Cache locations as the 'paths' dedup hands back to its loader, made on access (no string per row)."""

    def __init__(
        self, spills: list[str], spill_idx: np.ndarray, offsets: np.ndarray, lengths: np.ndarray
    ) -> None:
        self.spills, self.idx, self.offsets, self.lengths = spills, spill_idx, offsets, lengths

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return (
            f"{i}:{self.spills[self.idx[i]]}:{self.offsets[i]}:{self.lengths[i]}"  # row:spill:offset:length
        )


@dataclass(frozen=True, slots=True)
class CachedBody:
    """Picklable loader of a cached body by its LocNames name, for confirming pairs here or on a worker
    (each process keeps its own reader, with a few spill files open)."""

    cache_dir: str

    def __call__(self, name: str) -> str | None:
        _, spill, offset, length = name.split(":")
        reader = _READERS.get(self.cache_dir)
        if reader is None:
            for r in _READERS.values():
                r.close()
            _READERS.clear()
            reader = _READERS[self.cache_dir] = SpillReader(self.cache_dir)
        record = orjson.loads(reader.read(Loc(spill, int(offset), int(length))))["record"]
        return record["body"] if record else None


_READERS: dict[str, SpillReader] = {}


def duplicates(
    rels: Sequence[str],
    where: LocNames,
    body_hash: np.ndarray,
    bands: BandColumns,
    cfg: Config,
    cache_dir: str,
    sigs: SigSource | None = None,
    engine: Engine | None = None,
) -> Duplicates:
    """validate's duplicate detection; candidates are confirmed from the cached bodies, not re-converted,
    on the engine's workers when there are many.

    `rels` and `where` are made on access and `bands` read a band at a time: nothing per row is copied."""
    table = KeyTable(rels, where, np.asarray(body_hash, np.int64), bands, sigs=sigs)
    load = CachedBody(cache_dir)
    try:
        found = find_duplicates(
            table,
            None,
            threshold=cfg.near_duplicate_threshold,
            shingle_words=cfg.shingle_words,
            load_words=load,
            engine=engine,
            worker_load=load,
        )
    finally:
        reader = _READERS.pop(cache_dir, None)
        if reader is not None:
            reader.close()
    problems = {rel: [p.to_dict() for p in apply_config(rel, ps, cfg)] for rel, ps in found.problems.items()}
    return Duplicates(problems, found.exact_groups, found.clusters)
