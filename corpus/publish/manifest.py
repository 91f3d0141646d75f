"""manifest.json: the sha256 and size of every output file, with the versions that produced them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from corpus import __version__
from corpus.record import SCHEMA_VERSION

MANIFEST = "manifest.json"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def manifest(out_dir: Path, counts: dict[str, Any]) -> dict[str, Any]:
    # imported here: shard-writing workers import this module for file_sha256, not the converter (~0.3 s)
    from corpus.convert import CONVERTER_VERSION

    files = {
        p.relative_to(out_dir).as_posix(): {"sha256": file_sha256(p), "bytes": p.stat().st_size}
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }
    return {
        "tool": "corpus",
        "tool_version": __version__,
        "converter_version": CONVERTER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "counts": counts,
        "files": files,
    }
