"""`bench.driver_rss` with a timeline, for long runs: one `corpus` command in this process, plus a log of
the build's pass boundaries and of every process's RSS every few seconds.

    python -m bench.scale_timeline --log LOG [--every 5] --items N build CORPUS --out DIST --workers 2

The last line on stderr is driver_rss's (wall, CPU of the driver and the workers it waited for, driver
and tree peaks). LOG gets a `mark` line at each pass boundary of `corpus build` (progress every 5 %, the
cache index and validate's index saved, the near-duplicate step, `plan_build`, worker recycling, freeing
the heap, the metadata) and a `sample` line every `--every` seconds, each with the time, the 1-minute load
average, the driver's RSS and CPU, the workers' CPU (live and ended) and each child's RSS in MB.
"""

from __future__ import annotations

import contextlib
import functools
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import psutil

from bench import driver_rss

T0 = time.perf_counter()
ME = psutil.Process()
_seen: dict[int, float] = {}  # CPU seconds of every child seen alive, by pid
_lock = threading.Lock()


def _line(kind: str, what: str) -> str:
    children = []
    with contextlib.suppress(psutil.Error):
        children = ME.children(recursive=True)
    rss = []
    for c in children:
        with contextlib.suppress(psutil.Error):
            ct = c.cpu_times()
            _seen[c.pid] = ct.user + ct.system
            rss.append(c.memory_info().rss / 2**20)
    own = resource.getrusage(resource.RUSAGE_SELF)
    driver_cpu = own.ru_utime + own.ru_stime
    driver_mb = ME.memory_info().rss / 2**20
    kids = ", ".join(f"{r:.0f}" for r in rss)
    return (
        f"{kind} {time.perf_counter() - T0:9.1f} s  load {os.getloadavg()[0]:5.2f}  driver {driver_mb:5.0f} MB"
        f" CPU {driver_cpu:8.1f} s  workers CPU {sum(_seen.values()):8.1f} s  tree {driver_mb + sum(rss):5.0f} MB"
        f"  children [{kids}]  {what}"
    )


def _write(log: TextIO, kind: str, what: str) -> None:
    with _lock:
        log.write(_line(kind, what) + "\n")
        log.flush()


def _marked(log: TextIO, mod: Any, name: str) -> None:
    f = getattr(mod, name)

    @functools.wraps(f)
    def timed(*a: Any, **k: Any) -> Any:
        _write(log, "mark", f"start {name}")
        r = f(*a, **k)
        _write(log, "mark", f"done {name}")
        return r

    setattr(mod, name, timed)


def instrument(log: TextIO) -> None:
    """Wrap the build's pass boundaries (looked up by module attribute at call time) to write a mark."""
    import corpus.build.keys as keys_mod
    import corpus.build.plan as plan_mod
    import corpus.cli_progress as cli_progress
    import corpus.engines.local as local
    import corpus.heap as heap
    import corpus.pipeline as pipeline

    for mod, name in (
        (keys_mod.KeyCollector, "finish"),
        (keys_mod, "save_dedup_index"),
        (plan_mod, "duplicates"),
        (plan_mod, "plan_build"),
        (local.ProcessPool, "recycle"),
        (heap, "give_back"),
        (pipeline, "_publish_metadata"),
    ):
        _marked(log, mod, name)
    step: dict[str, int] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        every = max(1, (total or 0) // 20)
        if done == 0 or done == total or done // every != step.get(stage, -1):
            step[stage] = done // every
            _write(log, "mark", f"{stage} {done:,}/{total or 0:,}")

    @contextlib.contextmanager
    def reporter() -> Iterator[Callable[[str, int, int | None], None]]:
        yield report

    cli_progress.progress_reporter = reporter  # type: ignore[assignment]


def main() -> int:
    args = sys.argv[1:]
    log_path, every = "timeline.log", 5.0
    while args[:1] in (["--log"], ["--every"]):
        if args[0] == "--log":
            log_path = args[1]
        else:
            every = float(args[1])
        args = args[2:]
    with open(log_path, "a") as log:
        _write(log, "mark", "start " + " ".join(args))
        instrument(log)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(every):
                _write(log, "sample", "")

        threading.Thread(target=sample, daemon=True).start()
        sys.argv = [sys.argv[0], *args]
        try:
            code = driver_rss.main()
        finally:
            done.set()
            _write(log, "mark", "end")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
