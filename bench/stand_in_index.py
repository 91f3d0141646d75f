"""Give an existing corpus folder a stand-in near-duplicate index: its real files (rel, size, mtime) with
random keys, saved where `corpus validate` (config of the working directory) looks for it.

    cd WORK && python -m bench.stand_in_index /tmp/bench-corpus-1000000

Then `corpus validate NEW` runs the real submission path (walk the corpus, load the index, check NEW, query
the duplicates) against a corpus of that size without checking it all first (an hour of CPU at 1,000,000
articles). Duplicates of corpus articles are not found (the keys are random), so only the timing and the
memory are representative.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from corpus.check import sketch
from corpus.check.columns import BandWriter, StrColumn, scratch_dir
from corpus.check.dedup import KeyTable
from corpus.check.index import _walk, save_index
from corpus.cli import _config


def main() -> int:
    root = Path(sys.argv[1]).resolve()
    cfg = _config()
    t0 = time.perf_counter()
    rels, sizes, mtimes = StrColumn(), [], []
    for rel, size, mtime in _walk(root):
        rels.append(rel)
        sizes.append(size)
        mtimes.append(mtime)
    n = len(rels)
    rng = np.random.default_rng(7)
    nb = sketch.lsh_shape(cfg.near_duplicate_threshold)[0]
    writer = BandWriter(scratch_dir(Path(cfg.cache_dir)), nb)
    for start in range(0, n, 65_536):
        writer.add_rows(rng.integers(0, 2**64 - 1, (min(65_536, n - start), nb), dtype=np.uint64))
    table = KeyTable(
        rels,
        [],
        rng.integers(-(2**63), 2**63 - 1, n, dtype=np.int64),
        writer.finish(owned=True),
        np.array(sizes, np.int64),
        np.array(mtimes, np.int64),
    )
    save_index(table, cfg, root)
    print(f"stand-in index of {n:,} files in {cfg.cache_dir} ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
