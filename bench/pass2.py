"""Time pass 2 of `corpus build` (plan_build: duplicates, splits, shards) on a real corpus and cache.

    PYTHONPATH=$PWD python -m bench.pass2 CORPUS --cache CACHE [--workers 2] [--serial] [--no-sigs]

Runs pass 1 (warm if CACHE holds this code's entries: a few ms a file), then plan_build alone, and stops
before pass 3. Prints pass 2's wall time, the CPU seconds of this process and of the worker processes
during it, and a digest of the plan (clusters, rejects, shard sizes): the decisions pass 2 makes.
`--serial` confirms near-duplicate candidates in this process; `--no-sigs` ignores the signature bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import time
from pathlib import Path
from typing import Any

import orjson
import psutil

import corpus.build.plan as plan_mod
from corpus.config import load_config
from corpus.engines import make_engine
from corpus.pipeline import build


class _Stop(Exception):
    """Raised after pass 2: pass 3 is not measured here."""


def _cpu(procs: list[psutil.Process]) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def digest(plan: Any) -> str:
    h = hashlib.sha256()
    h.update(orjson.dumps(sorted(sorted(c) for c in plan.clusters)))
    h.update(orjson.dumps(plan.rejects, option=orjson.OPT_SORT_KEYS))
    for s in plan.shards:
        h.update(
            orjson.dumps([s.stem, s.rows, s.row_groups])
        )  # not the cache offsets: entries differ by version
    return h.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--serial", action="store_true")
    ap.add_argument("--no-sigs", action="store_true")
    args = ap.parse_args()
    cfg = load_config()
    engine = make_engine("local", workers=args.workers, batch_size=1)
    original = plan_mod.plan_build
    takes_engine = "engine" in inspect.signature(original).parameters
    me = psutil.Process()

    def timed(keys: Any, cfg: Any, cache: str, *rest: Any) -> Any:
        if args.no_sigs and hasattr(keys, "sigs"):
            keys.sigs = None
        kids = me.children(recursive=True)
        cpu0, kid0, t0 = _cpu([me]), _cpu(kids), time.perf_counter()
        if takes_engine:
            plan = original(keys, cfg, cache, None if args.serial else engine)
        else:
            plan = original(keys, cfg, cache)
        wall = time.perf_counter() - t0
        cpu, kid = _cpu([me]) - cpu0, _cpu(kids) - kid0
        print(
            f"pass 2: {wall:.1f} s wall, driver CPU {cpu:.1f} s, workers CPU {kid:.1f} s, "
            f"{plan.raw_files:,} files, {plan.published:,} published, {len(plan.clusters):,} clusters, "
            f"plan digest {digest(plan)}"
        )
        raise _Stop

    plan_mod.plan_build = timed  # type: ignore[assignment]
    t0 = time.perf_counter()
    try:
        build(
            [Path(args.corpus)], engine, cfg, out=Path(args.cache) / "unused-dist", cache_dir=Path(args.cache)
        )
    except _Stop:
        pass
    finally:
        engine.close()
    print(f"pass 1 + 2: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
