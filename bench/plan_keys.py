"""Pass 2 of `corpus build` alone, on synthetic keys: time and peak RSS of plan_build for N raw files.

    PYTHONPATH=$PWD python bench/plan_keys.py --n 1000000

No records and no raw files: random ids, sizes and band keys (so no duplicate candidates), one spill name
per batch, fed through the driver's KeyCollector as pass 1 would hand them over. Shows how the global step scales with N.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time

import numpy as np
import pyarrow as pa

from corpus.build.checking import nbands
from corpus.build.keys import KeyCollector
from corpus.build.plan import plan_build
from corpus.build.scan import KEY_SCHEMA, ScanResult
from corpus.config import Config


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    cfg = Config()
    width = nbands(cfg)
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as cache:
        collector = KeyCollector(cache, width)
        for start in range(0, args.n, args.batch):
            m = min(args.batch, args.n - start)
            ids = [f"{i:07d}_{rng.integers(1 << 60):016x}" for i in range(start, start + m)]
            batch = pa.RecordBatch.from_pydict(
                {
                    "id": ids,
                    "rel": [None] * m,
                    "split": rng.integers(0, 3, m).astype(np.int8),
                    "rel_hash": rng.integers(0, 1 << 63, m).astype(np.uint64),
                    "key16": [rng.bytes(16) for _ in range(m)],
                    "offset": np.arange(m) * 7000,
                    "length": np.full(m, 7000, np.int32),
                    "has_record": np.ones(m, bool),
                    "ok": np.ones(m, bool),
                    "cached": np.zeros(m, bool),
                    "warnings": np.zeros(m, np.int32),
                    "body_hash": rng.integers(-(1 << 62), 1 << 62, m),
                    "bands": [rng.bytes(width * 8) for _ in range(m)],
                    "sig": [None] * m,
                    "size": np.full(m, 7000),
                    "word_count": rng.integers(100, 2000, m).astype(np.int32),
                    "language": pa.array(["en"] * m).dictionary_encode(),
                    "publisher": pa.array([f"Publisher {k % 7}" for k in range(m)]).dictionary_encode(),
                    "raw_size": np.full(m, 7000),
                    "raw_mtime": np.full(m, 0),
                },
                schema=KEY_SCHEMA,
            )
            collector.add(ScanResult(batch, f"{start:032x}.jsonl"))
        keys = collector.finish()
        print(
            f"keys: {keys.table.nbytes / 2**20:.0f} MB Arrow in memory (band keys on disk); peak {_rss_mb()} MB"
        )
        t0 = time.perf_counter()
        plan = plan_build(keys, cfg, cache)
        print(
            f"plan_build: {args.n:,} files in {time.perf_counter() - t0:.1f} s, {len(plan.shards)} shards, "
            f"peak RSS {_rss_mb()} MB (including this script's generator)"
        )


if __name__ == "__main__":
    main()
