"""Raw input and outputs through fsspec URLs: a memory:// round trip gives the same records as local files."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from corpus import fsio
from corpus.engines import InProcess
from corpus.pipeline import convert_ref
from corpus.rawio import RawReadError, discover


@pytest.fixture
def memory_root() -> Iterator[str]:
    root = f"memory://corpus-test-{uuid.uuid4().hex}"
    yield root
    fs = fsspec.filesystem("memory")
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _local_corpus(tmp_path: Path, seed_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    text = seed_path.read_bytes()
    (raw / "a1.txt").write_bytes(text)
    (raw / "a1.meta.json").write_text('{"publisher": "Example Daily", "language": "en"}')
    (raw / "sub" / "b2.txt").write_bytes(text.replace(b"Zarif", b"Zeta"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.md").write_text("not a raw file")
    return raw


def test_url_detection() -> None:
    assert fsio.is_url("s3://bucket/raw") and fsio.is_url("memory://x")
    assert not fsio.is_url("raw") and not fsio.is_url(Path("/tmp/raw")) and not fsio.is_url("file:///tmp/raw")
    assert fsio.local_path("file:///tmp/raw") == Path("/tmp/raw")


def test_memory_round_trip_matches_local(tmp_path: Path, seed_path: Path, memory_root: str) -> None:
    raw = _local_corpus(tmp_path, seed_path)
    written = fsio.upload_tree(raw, memory_root)
    assert written[-1].endswith("sub/b2.txt") or all(not w.endswith("manifest.json") for w in written)

    remote = list(fsio.discover_any([memory_root]))
    local = list(discover([raw]))
    assert [r.rel for r in remote] == [r.rel for r in local] == ["a1.txt", "empty.txt", "sub/b2.txt"]
    assert all(isinstance(r, fsio.UrlRef) for r in remote)
    assert str(remote[0]) == f"{memory_root.rstrip('/')}/a1.txt".replace("memory://", "memory:///")

    doc = fsio.read_any(remote[0])
    assert doc.data == seed_path.read_bytes() and doc.meta == {"publisher": "Example Daily", "language": "en"}

    engine = InProcess()
    from_remote = [convert_ref(r) for r in remote]
    from_local = list(engine.map(convert_ref, local))
    assert [c.record for c in from_remote] == [c.record for c in from_local]
    assert from_remote[0].record is not None and from_remote[0].record.source.publisher == "Example Daily"
    assert [p.code for p in from_remote[1].problems] == [p.code for p in from_local[1].problems]


def test_remote_limits_and_errors(memory_root: str) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe(f"{memory_root}/big.txt", b"x" * 100)
    fs.pipe(f"{memory_root}/m.txt", b"fine text.")
    fs.pipe(f"{memory_root}/m.meta.json", b"[1, 2]")
    refs = {r.id: r for r in fsio.discover_url(memory_root)}
    with pytest.raises(RawReadError) as big:
        fsio.read_url(refs["big"], max_bytes=10)
    assert big.value.code == "R005" and "big.txt" in big.value.message
    with pytest.raises(RawReadError) as meta:
        fsio.read_url(refs["m"])
    assert meta.value.code == "R020"
    missing = fsio.UrlRef(Path(memory_root[len("memory://") :]), Path("/nowhere/x.txt"), "memory")
    with pytest.raises(RawReadError) as gone:
        fsio.read_any(missing)
    assert gone.value.code == "R001"


def test_upload_writes_the_manifest_last(tmp_path: Path, memory_root: str) -> None:
    out = tmp_path / "dist"
    (out / "data").mkdir(parents=True)
    (out / "manifest.json").write_text("{}")
    (out / "README.md").write_text("card")
    (out / "data" / "train-00000-of-00001.parquet").write_bytes(b"PAR1")
    written = fsio.upload_tree(out, memory_root)
    assert written[-1].endswith("/manifest.json") and len(written) == 3
    fs = fsspec.filesystem("memory")
    assert fs.cat(f"{memory_root}/data/train-00000-of-00001.parquet") == b"PAR1"
