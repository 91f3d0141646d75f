"""Pass 1: per batch of raw files, read -> convert -> check, spill the records; return only small keys.

`scan_batch` is picklable and touches nothing but its raw files and the cache, so the local process
pool and a Dask cluster run it alike; the driver never holds a record, only the key columns.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa

from corpus.build.cache import Prior, SpillReader, entry_key, rel_hash, spill_name, write_spill
from corpus.build.checking import Checked, add_keys, check_one
from corpus.build.rowcols import batch_from_rows
from corpus.check.problem import Problem
from corpus.config import Config
from corpus.fsio import UrlRef, read_any
from corpus.rawio import RAW_SUFFIX, RawReadError, RawRef
from corpus.split import bucket, split_codes


@dataclass(frozen=True, slots=True)
class ScanContext:
    cache_dir: str
    cfg: Config
    fingerprint: str


@dataclass(frozen=True, slots=True)
class BatchJob:
    refs: list[RawRef]
    prior: list[Prior | None]  # what the cache index knew about each ref

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as path strings with the roots named once: a pickled Path rebuilds from its parts, which
        cost the driver and each worker ~15 µs a file in all; this ~3 µs."""
        if not all(type(r) is RawRef for r in self.refs):  # URLs and other refs: pickled as they are
            return (BatchJob, (self.refs, self.prior))
        roots: dict[Path, int] = {}
        which = [roots.setdefault(r.root, len(roots)) for r in self.refs]
        paths = [os.fspath(r.path) for r in self.refs]
        return (_job, ([os.fspath(r) for r in roots], which, paths, self.prior))


def _job(roots: list[str], which: list[int], paths: list[str], prior: list[Prior | None]) -> BatchJob:
    rs = [Path(r) for r in roots]
    return BatchJob([RawRef(rs[i], Path(p)) for i, p in zip(which, paths, strict=True)], prior)


LANG = pa.dictionary(pa.int32(), pa.string())
KEY_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("rel", pa.string()),  # null when it is just `id.txt` (a flat folder: nearly always)
        ("split", pa.int8()),  # the split of the id's own bucket (corpus/split.py); clusters move later
        ("rel_hash", pa.uint64()),  # for the cache index (cache.rel_hash)
        ("key16", pa.binary(16)),  # null: the file could not be read
        ("offset", pa.int64()),  # where the entry lies in the batch's spill (ScanResult.spill)
        ("length", pa.int32()),
        ("has_record", pa.bool_()),
        ("ok", pa.bool_()),  # no error
        ("cached", pa.bool_()),
        ("warnings", pa.int32()),
        ("body_hash", pa.int64()),
        ("bands", pa.binary()),  # uint64 LSH band keys
        ("sig", pa.binary()),  # MinHash signature bytes (sketch.Keys.sig)
        ("size", pa.int64()),
        ("word_count", pa.int32()),
        ("language", LANG),
        ("publisher", LANG),
        ("raw_size", pa.int64()),  # lstat of the raw file (-1: none), for validate's dedup index
        ("raw_mtime", pa.int64()),
    ]
)
# what the driver keeps of each row (~70 bytes): the cache-index columns and the band keys go elsewhere
KEPT = [f.name for f in KEY_SCHEMA if f.name not in ("rel_hash", "key16", "bands", "sig")]


@dataclass(slots=True)
class ScanResult:
    """Keys of one batch as columns (KEY_SCHEMA), the batch's spill file, and the problems of its rejected
    files. Columns, not objects: a million files' keys concatenate with Arrow in a few tens of MB."""

    keys: pa.RecordBatch
    spill: str
    problems: dict[str, list[dict[str, Any]]] = field(
        default_factory=dict
    )  # rel -> errors, rejected files only


def _entry(doc_key: bytes, checked: Checked, problems: list[dict[str, Any]]) -> tuple[bytes, int]:
    """The cache entry (one JSON line) and the record's size. The record is serialised once and spliced in
    as the last key: the very bytes `orjson.dumps(entry)` gives, without dumping the record twice."""
    rec = checked.record
    record = orjson.dumps(rec) if rec is not None else b"null"
    size = len(record) if rec is not None else 0
    head = {
        "key": doc_key.hex(),
        "problems": problems,
        "body_hash": checked.body_hash,
        "bands": checked.bands.hex() if checked.bands else None,
        "sig": checked.sig.hex() if checked.sig else None,
        "size": size,
    }
    return orjson.dumps(head)[:-1] + b',"record":' + record + b"}\n", size


def _row(
    ref: RawRef,
    rel: str,
    key: bytes,
    cached: bool,
    problems: list[dict[str, Any]],
    body_hash: int | None,
    bands: bytes | None,
    sig: bytes | None,
    size: int,
    rec: dict[str, Any] | None,
) -> dict[str, Any]:
    return {
        "id": ref.id,
        "rel": rel,
        "key16": key[:16],
        "has_record": rec is not None,
        "ok": not any(p["severity"] == "error" for p in problems),
        "warnings": sum(p["severity"] == "warning" for p in problems),
        "cached": cached,
        "body_hash": body_hash,
        "bands": bands,
        "sig": sig,
        "size": size,
        "word_count": rec["word_count"] if rec else 0,
        "language": rec["language"] if rec else None,
        "publisher": rec["source"]["publisher"] if rec else None,
    }


def _cached_row(
    ref: RawRef, rel: str, key: bytes, line: bytes
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    e = orjson.loads(line)
    bands = bytes.fromhex(e["bands"]) if e["bands"] else None
    sig = bytes.fromhex(e["sig"]) if e.get("sig") else None
    problems = e["problems"]
    row = _row(ref, rel, key, True, problems, e["body_hash"], bands, sig, e["size"], e["record"])
    return row, problems


def _keys(fresh: list[_Fresh], cfg: Config) -> None:
    """The batch's duplicate keys, all at once; should that fail, each file read and checked again the whole
    way, so a file's surprise is that file's problem (R101), as in validate. (The raw bytes are not kept
    for this: a batch of large files would hold them twice, as bytes and as records.)"""
    try:
        add_keys([f.checked for f in fresh], cfg)
    except Exception:
        for f in fresh:
            with contextlib.suppress(RawReadError):  # gone since: its record stays, without keys
                f.checked = check_one(f.ref, cfg, read_any(f.ref, cfg.max_bytes))


def _stat(ref: RawRef) -> tuple[int, int]:
    """What validate's index records of a file (check.run's FileResult.size / mtime_ns)."""
    if isinstance(ref, UrlRef):
        return -1, -1
    try:
        st = os.lstat(ref.path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


@dataclass(slots=True)
class _Fresh:
    """A file converted and checked in this batch, waiting for its duplicate keys (taken for all at once)."""

    at: int  # its row
    line_at: int  # its spill line
    ref: RawRef
    rel: str
    key: bytes
    checked: Checked


def scan_batch(job: BatchJob, ctx: ScanContext) -> ScanResult:
    rows: list[dict[str, Any]] = []
    found_of: list[list[dict[str, Any]]] = []  # each row's problems
    lines: list[bytes] = []
    fresh: list[_Fresh] = []
    with SpillReader(ctx.cache_dir) as old:
        for ref, prior in zip(job.refs, job.prior, strict=True):
            rel = ref.rel  # a property that walks the path: once per file
            try:
                doc = read_any(
                    ref, ctx.cfg.max_bytes
                )  # local files through rawio's rules, URLs through fsspec
            except RawReadError as e:
                # validate's own words for why (R0xx, with the configured severities), else the read error
                found = [p.to_dict() for p in check_one(ref, ctx.cfg).problems if p.severity == "error"]
                found_of.append(
                    found or [Problem(e.code, "unreadable", "error", e.message, hint=e.hint).to_dict()]
                )
                rows.append({"id": ref.id, "rel": rel, "has_record": False, "ok": False, "warnings": 0})
                continue
            key = entry_key(ctx.fingerprint, ref.id, rel, doc.sha256, doc.meta)
            line = None
            if prior is not None and prior.key16 == key[:16]:
                try:
                    line = old.read(prior.loc)
                except (OSError, RuntimeError):
                    line = None  # a spill lost or damaged: convert again
                if line is not None and not line.startswith(b'{"key":"' + key.hex().encode() + b'"'):
                    line = None
            if line is not None:
                row, found = _cached_row(ref, rel, key, line)
                rows.append(row)
                found_of.append(found)
                lines.append(line)
            else:
                checked = check_one(ref, ctx.cfg, doc, with_keys=False)
                fresh.append(_Fresh(len(rows), len(lines), ref, rel, key, checked))
                rows.append({})
                found_of.append([])
                lines.append(b"")
    _keys(fresh, ctx.cfg)
    for f in fresh:
        c = f.checked
        found = [p.to_dict() for p in c.problems]
        lines[f.line_at], size = _entry(f.key, c, found)
        rows[f.at] = _row(f.ref, f.rel, f.key, False, found, c.body_hash, c.bands, c.sig, size, c.record)
        found_of[f.at] = found
    problems: dict[str, list[dict[str, Any]]] = {}
    for row, found in zip(rows, found_of, strict=True):
        if not row["ok"]:
            problems[row["rel"]] = [p for p in found if p["severity"] == "error"]
    name = spill_name(r["key16"] for r in rows if "key16" in r)
    write_spill(ctx.cache_dir, name, lines)
    offset = 0
    it = iter(lines)
    for r in rows:
        if "key16" in r:
            line = next(it)
            r["spill"], r["offset"], r["length"] = name, offset, len(line)
            offset += len(line)
    stats: list[tuple[int, int] | None] = [None] * len(rows)
    for f in fresh:  # lstat once a file: check_file took it
        stats[f.at] = f.checked.stat
    codes = split_codes(np.array([bucket(r["id"]) for r in rows], np.float64), ctx.cfg.splits)
    for r, code, ref, st in zip(rows, codes.tolist(), job.refs, stats, strict=True):
        r["raw_size"], r["raw_mtime"] = st if st is not None else _stat(ref)
        r["split"] = code
        r["rel_hash"] = rel_hash(r["rel"])
        if r["rel"] == r["id"] + RAW_SUFFIX:
            r["rel"] = None
    return ScanResult(batch_from_rows(rows, KEY_SCHEMA), name, problems)
