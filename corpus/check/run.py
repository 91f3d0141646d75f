"""One raw file → FileResult: read safely, raw checks, convert, schema and content checks, dedup keys.

`check_file` is top-level and picklable so any engine (process pool, Dask) can map it over refs.
It never raises for bad data: every failure becomes a Problem.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corpus.check import sketch
from corpus.check.content import check_record
from corpus.check.problem import Problem
from corpus.check.raw import check_bytes, check_meta, check_sidecar
from corpus.check.rules import apply_config, problem
from corpus.check.schema_check import check_schema
from corpus.config import Config
from corpus.convert import ConvertError, convert_doc
from corpus.rawio import RawDoc, RawReadError, RawRef, read_bytes_limited
from corpus.record import Record


@dataclass(slots=True)
class FileResult:
    """What validate and build need of one file; the record may be dropped once keys are taken."""

    path: str
    rel: str
    id: str | None
    record: Record | None
    problems: list[Problem] = field(default_factory=list)
    record_dict: dict[str, Any] | None = None  # record.to_dict() (check_file's keep_dict)
    body_hash: int | None = None  # exact-duplicate key (signed 64-bit)
    bands: np.ndarray | None = None  # near-duplicate LSH band keys, uint64[bands]
    sig: np.ndarray | None = None  # low bytes of the MinHash signature, uint8[128] (sketch.sig_cutoff)
    size: int = -1  # with mtime_ns: tells the persisted index whether the file changed
    mtime_ns: int = -1

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)


def _stat(ref: RawRef) -> tuple[int, int]:
    try:
        st = os.lstat(ref.path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def check_file(
    ref: RawRef, cfg: Config, data: bytes | RawDoc | None = None, *, keep_dict: bool = False
) -> FileResult:
    """`data`: the file's bytes, or the whole RawDoc, when the caller already read them through rawio (the
    build does); a RawDoc's sidecar and sha256 are then taken as read, not read and hashed again.
    `keep_dict`: also return `record.to_dict()` (made anyway for the schema check) as `record_dict`."""
    size, mtime = _stat(ref)
    rel = ref.rel
    res = FileResult(str(ref.path), rel, ref.id, None, size=size, mtime_ns=mtime)
    try:
        found = _check(ref, rel, cfg, res, data, keep_dict)
    except Exception as e:  # a safety net: one file's surprise must not stop the run or print a traceback
        res.record, res.record_dict, res.body_hash, res.bands, res.sig = None, None, None, None, None
        found = [problem("R101", f"checking failed: {type(e).__name__}: {printable(str(e))}")]
    res.problems = apply_config(printable(rel), found, cfg) if found else found
    return res


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def printable(s: str) -> str:
    """File names are bytes to the OS: undecodable ones show with U+FFFD instead of crashing a report."""
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _check(
    ref: RawRef, rel: str, cfg: Config, res: FileResult, data: bytes | RawDoc | None, keep_dict: bool
) -> list[Problem]:
    doc = data if isinstance(data, RawDoc) else None
    if doc is not None:
        data = doc.data
    if data is None:
        try:
            data = read_bytes_limited(ref.path, ref.root, cfg.max_bytes)
        except RawReadError as e:
            msg = _link_detail(ref, e.message.replace(str(ref.path) + ": ", ""))
            return [problem(e.code, msg, hint=e.hint)]
    assert isinstance(data, bytes)
    text, problems = check_bytes(data)
    if printable(rel) != rel:
        return [*problems, problem("R013", f"the path {printable(rel)!r} is not valid UTF-8")]
    if not _ID.fullmatch(ref.id):
        problems.append(problem("R013", f"the file name gives the id {ref.id!r}, which is not a valid id"))
    if text is None or any(p.code in ("R003", "R004") for p in problems):
        return problems
    if doc is not None:
        meta, side = check_meta(doc.meta, ref)
        doc = RawDoc(ref=ref, data=data, sha256=doc.sha256, meta=meta)
    else:
        meta, side = check_sidecar(ref)
        doc = RawDoc(ref=ref, data=data, sha256=hashlib.sha256(data).hexdigest(), meta=meta)
    problems += side
    try:
        record = convert_doc(doc)
    except ConvertError as e:
        return [*problems, problem("R100", str(e))]
    except Exception as e:  # the gate must not crash on hostile input, even if the converter does
        return [*problems, problem("R100", f"the converter failed: {type(e).__name__}: {e}")]
    res.record = record
    as_dict = record.to_dict()
    schema = check_schema(as_dict)
    if schema and any(p.code == "R013" for p in problems):  # the bad id is said once, with how to rename it
        schema = [p for p in schema if p.pointer != "/id"]
    problems += schema
    if keep_dict:
        res.record_dict = as_dict
    problems += check_record(record, cfg, text)
    keys = sketch.keys(record.body, cfg.shingle_words, cfg.near_duplicate_threshold)
    if keys is not None:
        res.body_hash, res.bands, res.sig = keys
    return problems


def _link_detail(ref: RawRef, message: str) -> str:
    """Say where a refused link points (read from the link itself; the target is never touched)."""
    try:
        target = os.readlink(ref.path)
    except OSError:
        return message
    try:
        os.stat(ref.path)
    except OSError as e:
        return (
            f"{message} (to {printable(target)}; {'a link loop' if e.errno == errno.ELOOP else 'dangling'})"
        )
    return f"{message} (to {printable(target)})"


def body_text(ref: RawRef, max_bytes: int) -> str | None:
    """A file's converted body, or None if it cannot be read or converted."""
    try:
        data = read_bytes_limited(ref.path, ref.root, max_bytes)
        meta, _ = check_sidecar(ref)
        record = convert_doc(RawDoc(ref=ref, data=data, sha256=hashlib.sha256(data).hexdigest(), meta=meta))
    except Exception:  # a file that changed or broke since its keys were taken confirms nothing
        return None
    return record.body


def body_words(ref: RawRef, max_bytes: int) -> list[str] | None:
    """The normalised words of a file's body, or None if it cannot be read or converted."""
    body = body_text(ref, max_bytes)
    return None if body is None else sketch.words(body)


@dataclass(frozen=True, slots=True)
class RawText:
    """Picklable loader for dedup confirmation on workers: a raw file's body, re-read and re-converted."""

    max_bytes: int

    def __call__(self, path: str) -> str | None:
        p = Path(path)
        return body_text(RawRef(p.parent, p), self.max_bytes)
