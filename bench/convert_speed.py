"""Converter cost per article, in one process, over a folder of raw files (the dev set by default).

    PYTHONPATH=$PWD python bench/convert_speed.py ../shared/eval/dev/raw --loops 3 [--profile]

Reads every .txt file once, then converts them all `--loops` times and reports the best loop as ms per
article (wall clock and CPU time: the CPU figure is steadier on a shared machine). `--profile` adds the
time of each converter stage (decode, language, classify, assemble) so the report says where time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from corpus.convert import convert_bytes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--loops", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    files = sorted(args.raw.glob("*.txt"))
    if not files:
        print(f"{args.raw}: no .txt files", file=sys.stderr)
        return 2
    data = [(p.stem, p.read_bytes()) for p in files]
    convert_bytes(data[0][1], id=data[0][0], file="x.txt")  # load the language model outside the timing
    best_wall = best_cpu = float("inf")
    for _ in range(args.loops):
        w, c = time.perf_counter(), time.process_time()
        for stem, raw in data:
            convert_bytes(raw, id=stem, file=f"{stem}.txt")
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    n = len(data)
    kb = sum(len(raw) for _, raw in data) / n / 1024
    print(
        f"{n} articles, {kb:.1f} KB on average: {best_wall * 1000 / n:.3f} ms/article wall, "
        f"{best_cpu * 1000 / n:.3f} ms/article CPU (best of {args.loops})"
    )
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for stem, raw in data:
            convert_bytes(raw, id=stem, file=f"{stem}.txt")
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(r"corpus/convert", 25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
