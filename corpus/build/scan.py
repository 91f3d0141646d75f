"""Pass 1: per batch of raw files, read -> convert -> check, spill the records; return only small keys.

`scan_batch` is picklable and touches nothing but its raw files and the cache, so the local process
pool and a Dask cluster run it alike; the driver never holds a record, only FileKeys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from corpus.build.cache import Loc, Prior, SpillReader, entry_key, spill_name, write_spill
from corpus.build.checking import check_doc
from corpus.check.problem import Problem
from corpus.fsio import read_any
from corpus.rawio import RawReadError, RawRef


@dataclass(frozen=True, slots=True)
class ScanContext:
    cache_dir: str
    max_bytes: int
    fingerprint: str
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BatchJob:
    refs: list[RawRef]
    prior: list[Prior | None]  # what the cache index knew about each ref


@dataclass(slots=True)
class FileKeys:
    """What the global passes need to know about one raw file (a few hundred bytes)."""

    id: str
    rel: str
    key: bytes | None = None  # cache key; None when the file could not be read
    loc: Loc | None = None  # where its entry lies in the cache
    has_record: bool = False
    cached: bool = False
    problems: list[dict[str, Any]] = field(default_factory=list)
    body_hash: str | None = None
    signature: bytes | None = None
    size: int = 0  # bytes of the record as JSON: sizes shards and row groups
    word_count: int = 0
    language: str | None = None
    publisher: str | None = None

    @property
    def ok(self) -> bool:
        return self.has_record and not any(p["severity"] == "error" for p in self.problems)


def _entry(doc_key: bytes, checked: Any) -> bytes:
    rec = checked.record
    entry = {
        "key": doc_key.hex(),
        "problems": [p.to_dict() for p in checked.problems],
        "body_hash": checked.body_hash,
        "signature": checked.signature.hex() if checked.signature else None,
        "size": len(orjson.dumps(rec)) if rec is not None else 0,
        "record": rec,
    }
    return orjson.dumps(entry) + b"\n"


def _keys(ref: RawRef, key: bytes, line: bytes, cached: bool) -> FileKeys:
    entry = orjson.loads(line)
    rec = entry["record"]
    sig = entry["signature"]
    return FileKeys(
        id=ref.id,
        rel=ref.rel,
        key=key,
        has_record=rec is not None,
        cached=cached,
        problems=entry["problems"],
        body_hash=entry["body_hash"],
        signature=bytes.fromhex(sig) if sig else None,
        size=entry["size"],
        word_count=rec["word_count"] if rec else 0,
        language=rec["language"] if rec else None,
        publisher=rec["source"]["publisher"] if rec else None,
    )


def scan_batch(job: BatchJob, ctx: ScanContext) -> list[FileKeys]:
    out: list[FileKeys] = []
    lines: list[bytes] = []
    with SpillReader(ctx.cache_dir) as old:
        for ref, prior in zip(job.refs, job.prior, strict=True):
            try:
                doc = read_any(ref, ctx.max_bytes)
            except RawReadError as e:
                problem = Problem(e.code, "unreadable", "error", e.message, hint=e.hint)
                out.append(FileKeys(ref.id, ref.rel, problems=[problem.to_dict()]))
                continue
            key = entry_key(ctx.fingerprint, ref.id, ref.rel, doc.sha256, doc.meta)
            line = None
            if prior is not None and prior.key16 == key[:16]:
                try:
                    line = old.read(prior.loc)
                except (OSError, RuntimeError):
                    line = None  # a spill lost or damaged: convert again
                if line is not None and not line.startswith(b'{"key":"' + key.hex().encode() + b'"'):
                    line = None
            cached = line is not None
            if line is None:
                line = _entry(key, check_doc(doc, ctx.settings))
            out.append(_keys(ref, key, line, cached))
            lines.append(line)
    name = spill_name(k.key for k in out if k.key is not None)
    write_spill(ctx.cache_dir, name, lines)
    offset = 0
    for k, line in zip((k for k in out if k.key is not None), lines, strict=True):
        k.loc = Loc(name, offset, len(line))
        offset += len(line)
    return out
