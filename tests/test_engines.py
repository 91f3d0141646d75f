"""Engines give the same ordered results: in process, process pool and a real Dask LocalCluster of 2 workers."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import psutil
import pytest
from driverkit import left_alive, start_driver

from corpus.engines import EngineError, InProcess, ProcessPool, make_engine, map_reduce
from corpus.engines.base import Engine
from corpus.engines.dask import DaskEngine
from corpus.pipeline import convert_paths


def square_or_fail(x: int) -> tuple[int, int]:
    return (x, x * x)


def concat(a: list[int], b: list[int]) -> list[int]:
    return a + b


def word_counts(batch: list[str]) -> Counter[str]:
    return Counter(w for text in batch for w in text.split())


def add(a: Counter[str], b: Counter[str]) -> Counter[str]:
    return a + b


@pytest.fixture(scope="module")
def dask_engine() -> Iterator[DaskEngine]:
    engine = DaskEngine(workers=2, batch_size=7, fan_in=3)
    try:
        yield engine
    finally:
        engine.close()


@pytest.fixture(params=["in-process", "process-pool", "dask"])
def engine(request: pytest.FixtureRequest, dask_engine: DaskEngine) -> Iterator[Engine]:
    if request.param == "dask":
        yield dask_engine  # shared by the module; closed by its own fixture
        return
    e: Engine = InProcess() if request.param == "in-process" else ProcessPool(2, batch_size=7)
    try:
        yield e
    finally:
        e.close()


def test_map_is_ordered_and_complete(engine: Engine) -> None:
    items = list(range(500))
    assert list(engine.map(square_or_fail, items)) == [(x, x * x) for x in items]
    assert list(engine.map(square_or_fail, [])) == []


def test_map_is_lazy_and_bounded(engine: Engine) -> None:
    consumed = 0

    def items() -> Iterator[int]:
        nonlocal consumed
        for i in range(2_000):
            consumed += 1
            yield i

    results = engine.map(square_or_fail, items())
    assert next(iter(results)) == (0, 0)
    assert consumed < 2_000  # only a few batches were pulled, not the whole input
    assert [x for x, _ in results][-1] == 1_999


def test_map_reduce_keeps_input_order(engine: Engine) -> None:
    items = list(range(100))  # 15 batches of 7: several levels of the dask tree with fan_in 3
    assert map_reduce(engine, list, concat, items, batch_size=7) == items
    assert map_reduce(engine, list, concat, [], batch_size=7) is None
    texts = [f"a b {i % 3}" for i in range(50)]
    assert map_reduce(engine, word_counts, add, texts) == Counter(
        {"a": 50, "b": 50, "0": 17, "1": 17, "2": 16}
    )


def test_convert_gives_identical_records_on_every_engine(
    engine: Engine, tmp_path: Path, seed_path: Path
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    for i in range(30):
        (raw / f"a{i:02d}.txt").write_text(text.replace("Zarif", f"Zarif{i}"), encoding="utf-8")
    (raw / "bad.txt").write_bytes(b"\x00binary")
    want = [(c.id, c.record, c.problems) for c in convert_paths([raw], InProcess())]
    got = [(c.id, c.record, c.problems) for c in convert_paths([raw], engine)]
    assert got == want
    assert [p.code for p in got[-1][2]] == ["R100"]


def test_make_engine_choices() -> None:
    assert isinstance(make_engine("local", workers=1), InProcess)
    pool = make_engine("local", workers=2)
    assert isinstance(pool, ProcessPool)
    pool.close()
    with pytest.raises(EngineError, match="unknown engine"):
        make_engine("spark")
    with pytest.raises(EngineError, match="--engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")


def test_dask_engine_connects_to_a_scheduler_address(dask_engine: DaskEngine) -> None:
    address = dask_engine.client.scheduler.address
    engine = make_engine("dask", scheduler=address, batch_size=5)
    try:
        assert isinstance(engine, DaskEngine)
        assert list(engine.map(partial(pow, 2), range(12))) == [2**i for i in range(12)]
    finally:
        engine.close()


MARK = "as imported"


def mark_and_pid(_: int) -> tuple[str, int]:
    import os

    return MARK, os.getpid()


def test_process_pool_workers_are_spawned_and_recycled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers never inherit the driver's memory (spawned, not forked), and `recycle` replaces them."""
    import sys

    monkeypatch.setattr(sys.modules[__name__], "MARK", "changed in the driver")
    pool = ProcessPool(2, batch_size=1)
    try:
        first = list(pool.map(mark_and_pid, range(4)))
        assert {m for m, _ in first} == {"as imported"}
        pool.recycle()
        second = list(pool.map(mark_and_pid, range(4)))
        assert not {p for _, p in first} & {p for _, p in second}
    finally:
        pool.close()
    InProcess().recycle()  # a no-op, but part of every engine


def test_dask_recycle_restarts_the_owned_cluster_and_leaves_an_external_one(dask_engine: DaskEngine) -> None:
    """The LocalCluster the engine started gets new worker processes; a cluster given by address keeps its."""
    first = {p for _, p in dask_engine.map(mark_and_pid, range(8))}
    address = dask_engine.client.scheduler.address
    external = make_engine("dask", scheduler=address, batch_size=1)
    try:
        assert isinstance(external, DaskEngine)
        external.recycle()
        assert {p for _, p in external.map(mark_and_pid, range(8))} <= first  # the same workers
    finally:
        external.close()
    dask_engine.recycle()
    second = {p for _, p in dask_engine.map(mark_and_pid, range(8))}
    assert second and not first & second
    assert dask_engine.client.scheduler.address != address  # a whole new cluster
    with pytest.raises(RuntimeError, match="closed"):
        external.client  # noqa: B018 - a closed engine does not start a cluster of its own


_DASK_DRIVER = """
import os, time
from workerfn import nap
from corpus.engines.dask import DaskEngine
engine = DaskEngine(workers=2, batch_size=1)
print(" ".join(str(p) for p in sorted(engine.client.run(os.getpid).values())), flush=True)
list(engine.map(nap, range(4)))  # both workers busy in a task when the driver is killed
"""


def test_dask_workers_end_when_the_driver_is_killed(tmp_path: Path) -> None:
    """A CI timeout SIGKILLs the driver: the workers of the LocalCluster it started (and anything else it
    spawned) must not live on, each holding its memory. distributed's worker processes watch a pipe from
    their parent and exit when it closes; this keeps that true of the engine's cluster."""
    driver = start_driver(
        tmp_path,
        "import time\ndef nap(x):\n    time.sleep(60)\n    return x\n",
        _DASK_DRIVER,
        stderr=subprocess.DEVNULL,
    )
    assert driver.stdout is not None
    workers = [int(p) for p in driver.stdout.readline().split()]
    time.sleep(1)  # the naps start
    tree = [p.pid for p in psutil.Process(driver.pid).children(recursive=True)]
    assert len(workers) == 2 and set(workers) <= set(tree)
    os.kill(driver.pid, signal.SIGKILL)
    driver.wait()
    left = left_alive(tree, timeout=10)
    assert not left
