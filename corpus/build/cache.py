"""The incremental cache: one entry per raw file, keyed by its bytes, sidecar, name and the check settings.

An entry holds the converted record and its problems, so pass 3 streams records from here and a rebuild
after one changed file converts one file. Entries are written atomically (temp file + rename), so a
crashed build leaves no half entry; stale entries are harmless (their key can never match again).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson


def entry_key(fingerprint: str, id: str, rel: str, raw_sha256: str, meta: dict[str, Any] | None) -> str:
    meta_bytes = orjson.dumps(meta, option=orjson.OPT_SORT_KEYS) if meta is not None else b"-"
    h = hashlib.sha256()
    for part in (fingerprint.encode(), id.encode(), rel.encode(), raw_sha256.encode(), meta_bytes):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()


def entry_path(cache_dir: str, key: str) -> Path:
    return Path(cache_dir) / "records" / key[:2] / f"{key}.json"


def load_entry(cache_dir: str, key: str) -> dict[str, Any] | None:
    try:
        data = entry_path(cache_dir, key).read_bytes()
    except FileNotFoundError:
        return None
    try:
        entry: dict[str, Any] = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None  # a damaged entry is a miss, never an error
    return entry


def store_entry(cache_dir: str, key: str, entry: dict[str, Any]) -> None:
    path = entry_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(orjson.dumps(entry))
    os.replace(tmp, path)


def load_record(cache_dir: str, key: str) -> dict[str, Any]:
    """The record of an entry pass 1 has just written or confirmed."""
    entry = load_entry(cache_dir, key)
    if entry is None or entry.get("record") is None:
        raise RuntimeError(f"cache entry {key} vanished during the build; run the build again")
    record: dict[str, Any] = entry["record"]
    return record
