"""Pass 1: per raw file, read -> convert -> check -> cache the record; return only small keys.

`scan_batch` is pure apart from the cache, picklable, and handles a whole batch, so the local
process pool and a Dask cluster run it alike; the driver never holds a record, only FileKeys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus.build.cache import entry_key, load_entry, store_entry
from corpus.build.checking import check_doc
from corpus.check.problem import Problem
from corpus.rawio import RawReadError, RawRef, read_raw


@dataclass(frozen=True, slots=True)
class ScanContext:
    cache_dir: str
    max_bytes: int
    fingerprint: str
    settings: dict[str, Any]


@dataclass(slots=True)
class FileKeys:
    """What the global passes need to know about one raw file (a few hundred bytes)."""

    id: str
    rel: str
    entry: str | None  # cache key of the record; None when the file could not be read
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
        return self.entry is not None and not any(p["severity"] == "error" for p in self.problems)


def _keys(ref: RawRef, key: str, entry: dict[str, Any], cached: bool) -> FileKeys:
    rec = entry["record"]
    sig = entry.get("signature")
    return FileKeys(
        id=ref.id,
        rel=ref.rel,
        entry=key if rec is not None else None,
        cached=cached,
        problems=entry["problems"],
        body_hash=entry.get("body_hash"),
        signature=bytes.fromhex(sig) if sig else None,
        size=entry.get("size", 0),
        word_count=rec["word_count"] if rec else 0,
        language=rec["language"] if rec else None,
        publisher=rec["source"]["publisher"] if rec else None,
    )


def scan_ref(ref: RawRef, ctx: ScanContext) -> FileKeys:
    try:
        doc = read_raw(ref, ctx.max_bytes)
    except RawReadError as e:
        problem = Problem(e.code, "unreadable", "error", e.message, hint=e.hint)
        return FileKeys(ref.id, ref.rel, None, problems=[problem.to_dict()])
    key = entry_key(ctx.fingerprint, ref.id, ref.rel, doc.sha256, doc.meta)
    entry = load_entry(ctx.cache_dir, key)
    if entry is not None:
        return _keys(ref, key, entry, cached=True)
    checked = check_doc(doc, ctx.settings)
    size = len(_dumps(checked.record)) if checked.record is not None else 0
    entry = {
        "record": checked.record,
        "problems": [p.to_dict() for p in checked.problems],
        "body_hash": checked.body_hash,
        "signature": checked.signature.hex() if checked.signature else None,
        "size": size,
    }
    store_entry(ctx.cache_dir, key, entry)
    return _keys(ref, key, entry, cached=False)


def scan_batch(refs: list[RawRef], ctx: ScanContext) -> list[FileKeys]:
    return [scan_ref(ref, ctx) for ref in refs]


def _dumps(obj: Any) -> bytes:
    import orjson

    return orjson.dumps(obj)
