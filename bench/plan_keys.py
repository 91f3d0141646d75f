"""Pass 2 of `corpus build` alone, on synthetic keys: time and peak RSS of plan_build for N raw files.

    PYTHONPATH=$PWD python bench/plan_keys.py --n 1000000

No records and no raw files: random ids, sizes and band keys (so no duplicate candidates), one spill name
per batch, as pass 1 would hand them over. Shows how the global step scales with N.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time

import numpy as np
import pyarrow as pa

from corpus.build.bands import BandStore
from corpus.build.checking import nbands
from corpus.build.plan import plan_build
from corpus.build.scan import KEY_SCHEMA
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
    store = BandStore(width, args.n)
    narrow = KEY_SCHEMA.remove(KEY_SCHEMA.get_field_index("bands"))
    batches = []
    for start in range(0, args.n, args.batch):
        m = min(args.batch, args.n - start)
        ids = [f"{i:07d}_{rng.integers(1 << 60):016x}" for i in range(start, start + m)]
        batch = pa.RecordBatch.from_pydict(
            {
                "id": ids,
                "rel": [i + ".txt" for i in ids],
                "bucket": rng.random(m),
                "key16": [rng.bytes(16) for _ in range(m)],
                "spill": pa.array([f"{start:032x}.jsonl"] * m).dictionary_encode(),
                "offset": np.arange(m) * 7000,
                "length": np.full(m, 7000),
                "has_record": np.ones(m, bool),
                "errors": np.zeros(m, np.int32),
                "warnings": np.zeros(m, np.int32),
                "cached": np.zeros(m, bool),
                "body_hash": rng.integers(-(1 << 62), 1 << 62, m),
                "bands": [rng.bytes(width * 8) for _ in range(m)],
                "size": np.full(m, 7000),
                "word_count": rng.integers(100, 2000, m),
                "language": ["en"] * m,
                "publisher": [f"Publisher {k % 7}" for k in range(m)],
            },
            schema=KEY_SCHEMA,
        )
        store.add(batch.column("bands"))
        batches.append(batch.drop_columns(["bands"]))
    keys = pa.Table.from_batches(batches, schema=narrow)
    del batches
    print(f"keys: {keys.nbytes / 2**20:.0f} MB Arrow + {store.rows.nbytes / 2**20:.0f} MB band keys")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        plan = plan_build(keys, store, {}, cfg, cache)
    print(
        f"plan_build: {args.n:,} files in {time.perf_counter() - t0:.1f} s, {len(plan.shards)} shards, "
        f"peak RSS {_rss_mb()} MB (including this script's generator)"
    )


if __name__ == "__main__":
    main()
