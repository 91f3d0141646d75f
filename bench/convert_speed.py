"""Converter cost per article, in one process, over a folder of raw files (the dev set by default).

    PYTHONPATH=$PWD python bench/convert_speed.py ../shared/eval/dev/raw --loops 3 [--profile] [--limit N]

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

from corpus.convert import ConvertError, convert_bytes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--loops", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (by name)")
    args = ap.parse_args(argv)
    files = sorted(args.raw.glob("*.txt"))[: args.limit or None]
    data = []
    for p in files:  # a first pass loads the language model outside the timing and drops files that fail
        raw = p.read_bytes()
        try:
            convert_bytes(raw, id=p.stem, file=f"{p.stem}.txt")
        except ConvertError:
            continue  # the benchmark corpora hold empty and undecodable files on purpose
        data.append((p.stem, raw))
    if not data:
        print(f"{args.raw}: no convertible .txt files", file=sys.stderr)
        return 2
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
