"""`corpus build` on a real Dask LocalCluster (2 workers) gives byte-identical output to the local engines,
and writes the dataset to fsspec URLs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from buildkit import add_bad_files
from typer.testing import CliRunner

from bench.generate import generate
from corpus import fsio
from corpus.cli import app
from corpus.config import Config
from corpus.engines import InProcess, ProcessPool
from corpus.engines.base import Engine
from corpus.engines.dask import DaskEngine
from corpus.pipeline import build


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "raw"
    generate(50, root, seed=3)  # furniture, exact and near duplicates, sidecars
    (root / ".bench-corpus.json").unlink()
    add_bad_files(root)
    return root


@pytest.fixture(scope="module")
def local_build(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("local")
    build([raw], InProcess(), Config(batch_size=16), out=tmp / "dist", cache_dir=tmp / "cache")
    return _files(tmp / "dist")


@pytest.fixture(scope="module")
def dask_engine() -> Iterator[DaskEngine]:
    engine = DaskEngine(workers=2, batch_size=1)
    try:
        yield engine
    finally:
        engine.close()


def test_dask_and_process_pool_builds_are_byte_identical(
    raw: Path, local_build: dict[str, bytes], dask_engine: DaskEngine, tmp_path: Path
) -> None:
    assert any(name.startswith("data/") for name in local_build) and "manifest.json" in local_build
    pool: Engine = ProcessPool(2, batch_size=1)
    try:
        for name, engine in (("dask", dask_engine), ("pool", pool)):
            out = tmp_path / name
            result = build(
                [raw], engine, Config(batch_size=16), out=out, cache_dir=tmp_path / f"cache-{name}"
            )
            assert result.cache_hits == 0  # the cluster really converted everything
            assert _files(out) == local_build, name
    finally:
        pool.close()


def test_dask_build_to_a_url_and_convert_from_one(
    raw: Path, local_build: dict[str, bytes], dask_engine: DaskEngine, tmp_path: Path, monkeypatch
) -> None:
    """The dataset folder is uploaded to a URL (memory:// here, s3:// alike); raw files are read from one."""
    dst = f"memory://dist-{uuid.uuid4().hex}"
    with fsio.output_dir(dst) as local_out:
        build([raw], dask_engine, Config(batch_size=16), out=local_out, cache_dir=tmp_path / "cache")
    fs = fsspec.filesystem("memory")
    root = dst.removeprefix("memory://")
    remote = {p.removeprefix(f"/{root}/"): fs.cat(p) for p in fs.find(root)}
    assert remote == local_build
    fs.rm(root, recursive=True)

    src = f"memory://raw-{uuid.uuid4().hex}"
    fsio.upload_tree(raw, src)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["convert", src, "-o", "remote.jsonl", "--workers", "1"]).exit_code == 1
    assert runner.invoke(app, ["convert", str(raw), "-o", "local.jsonl", "--workers", "1"]).exit_code == 1
    remote_records = (tmp_path / "remote.jsonl").read_bytes()
    assert remote_records and remote_records == (tmp_path / "local.jsonl").read_bytes()
    r = runner.invoke(app, ["build", src, "--out", "from-url", "--workers", "1"])
    assert r.exit_code == 1 and "published" in r.output  # the bad files are rejected, the rest published
    shards = {k: v for k, v in _files(tmp_path / "from-url").items() if k.startswith("data/")}
    assert shards == {k: v for k, v in local_build.items() if k.startswith("data/")}
    fs.rm(src.removeprefix("memory://"), recursive=True)


def test_cli_build_engine_dask(raw: Path, local_build: dict[str, bytes], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.toml").write_text("batch_size = 16\n")
    args = ["build", str(raw), "--out", "dist", "--engine", "dask", "--workers", "2"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 1, r.output  # the bad files are rejected: exit 1, the rest published
    assert "published" in r.output
    assert _files(tmp_path / "dist") == local_build

    bad = CliRunner().invoke(app, ["build", str(raw), "--engine", "spark"])
    assert bad.exit_code == 2 and "unknown engine" in bad.output
    bad = CliRunner().invoke(app, ["build", str(raw), "--scheduler", "tcp://127.0.0.1:1"])
    assert bad.exit_code == 2 and "--engine dask" in bad.output


def test_near_duplicates_confirmed_on_the_workers_give_byte_identical_builds(
    raw: Path, local_build: dict[str, bytes], dask_engine: DaskEngine, tmp_path: Path, monkeypatch
) -> None:
    """Pass 2's candidate pairs go to the Dask workers and the process pool in small tasks: same bytes."""
    import numpy as np

    from corpus.check import confirm, dedup

    monkeypatch.setattr(confirm, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setattr(confirm, "TASK_PAIRS", 2)
    serial, sent = confirm._serial, []

    def driver_only_when_empty(pairs: np.ndarray, *a: object) -> object:
        assert not len(pairs), "confirmed in the driver"
        return serial(pairs, *a)  # type: ignore[arg-type]

    def counting(pairs: np.ndarray, *a: object, **k: object) -> object:
        sent.append(len(pairs))
        return confirm.confirm(pairs, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(confirm, "_serial", driver_only_when_empty)
    monkeypatch.setattr(dedup, "confirm", counting)
    pool: Engine = ProcessPool(2, batch_size=1)
    try:
        for name, engine in (("dask", dask_engine), ("pool", pool)):
            out = tmp_path / name
            build([raw], engine, Config(batch_size=16), out=out, cache_dir=tmp_path / f"cache-{name}")
            assert _files(out) == local_build, name
    finally:
        pool.close()
    assert sum(sent) > 0
