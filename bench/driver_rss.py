"""Run one `corpus` command in this process and print its wall time, the driver's own peak RSS and the
peak RSS of the whole process tree (driver + workers, summed, sampled every 50 ms).

    python -m bench.driver_rss validate --format json --workers 2
    python -m bench.driver_rss build CORPUS --out DIST --cache-dir CACHE --workers 2

The tree figure is what a machine must hold; the driver figure isolates what grows with the corpus.
`--items N` adds articles/s and the driver's and tree's peak per article to the line.
"""

from __future__ import annotations

import contextlib
import resource
import sys
import threading
import time

import psutil


class TreePeak(threading.Thread):
    """Samples the summed RSS of this process and all its descendants."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval, self.peak, self._done = interval, 0, threading.Event()
        self.me = psutil.Process()

    def sample(self) -> None:
        total = 0
        with contextlib.suppress(psutil.Error):
            for p in [self.me, *self.me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        self.peak = max(self.peak, total)

    def run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def main() -> int:
    args = sys.argv[1:]
    items = 0
    if args[:1] == ["--items"]:
        items, args = int(args[1]), args[2:]
    start = time.perf_counter()
    tree = TreePeak()
    tree.start()
    code: int | str | None = 0
    try:
        from corpus.cli import app

        app(args=args, prog_name="corpus")
    except SystemExit as e:
        code = e.code
    finally:
        wall = time.perf_counter() - start
        tree.sample()
        tree_peak = tree.stop() / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_s = cpu.ru_utime + cpu.ru_stime + kids.ru_utime + kids.ru_stime
        line = f"driver peak RSS {peak:.0f} MB, tree peak RSS {tree_peak:.0f} MB, {wall:.1f} s, CPU {cpu_s:.1f} s"
        if items:
            line += (
                f", {items / wall:,.0f} articles/s, {peak * 2**20 / items:,.0f} B/article driver,"
                f" {tree_peak * 2**20 / items:,.0f} B/article tree"
            )
        print(line, file=sys.stderr)
    return code if isinstance(code, int) else 1


if __name__ == "__main__":
    raise SystemExit(main())
