"""What the driver holds of pass 1 at N files, without converting N files: one real pass 1, replayed.

    PYTHONPATH=$PWD python -m bench.pass1_keys CORPUS --cache CACHE --times 50 [--walk BIG_FOLDER]

Runs pass 1 of `corpus build` on CORPUS (warm if CACHE holds this code's entries) and keeps the key batches
the workers hand back; then feeds them `--times` times (ids made unique per round) through a fresh
`KeyCollector`, as the driver would for a corpus `--times` as large, and prints the process's RSS and
Arrow's allocated bytes every tenth of the way, at `finish()`, and the key table's bytes per file by column.
`--walk` also walks that folder (rawio.discover) a file per key row meanwhile, as the build's listing does.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from corpus.build import keys as keys_mod
from corpus.build.checking import nbands
from corpus.build.scan import ScanResult
from corpus.config import load_config
from corpus.engines import make_engine
from corpus.pipeline import build
from corpus.rawio import discover


class _Stop(Exception):
    """Raised at the end of pass 1."""


def _rss_mb() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20


def record(corpus: str, cache: str, workers: int) -> list[ScanResult]:
    got: list[ScanResult] = []
    original, original_finish = keys_mod.KeyCollector.add, keys_mod.KeyCollector.finish

    def add(self: Any, res: ScanResult) -> None:
        got.append(res)
        original(self, res)

    def finish(self: Any) -> Any:
        raise _Stop

    keys_mod.KeyCollector.add = add  # type: ignore[method-assign]
    keys_mod.KeyCollector.finish = finish  # type: ignore[method-assign]
    engine = make_engine("local", workers=workers, batch_size=1)
    try:
        build([Path(corpus)], engine, load_config(), out=Path(cache) / "unused", cache_dir=Path(cache))
    except _Stop:
        pass
    finally:
        engine.close()
        keys_mod.KeyCollector.add = original  # type: ignore[method-assign]
        keys_mod.KeyCollector.finish = original_finish  # type: ignore[method-assign]
    return got


def _round(res: ScanResult, r: int) -> ScanResult:
    """Round r's copy of a batch: other ids, rel hashes, spill name and problem keys."""
    if r == 0:
        return res
    k = res.keys
    ids = pc.binary_join_element_wise(k.column("id"), pa.scalar(f"-{r}"), "")
    k = k.set_column(k.schema.get_field_index("id"), "id", ids)
    hashes = pc.add(k.column("rel_hash"), pa.scalar(r, pa.uint64()))
    k = k.set_column(k.schema.get_field_index("rel_hash"), "rel_hash", hashes)
    problems = {f"{rel}-{r}": v for rel, v in res.problems.items()}
    return ScanResult(k, f"{r:05d}{res.spill[5:]}", problems)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--times", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--walk", help="a folder to list meanwhile (a file per key row)")
    args = ap.parse_args()
    batches = record(args.corpus, args.cache, args.workers)
    rows_once = sum(b.keys.num_rows for b in batches)
    print(f"recorded {len(batches)} batches, {rows_once:,} files; replaying {args.times} times")
    gc.collect()
    rss0, arrow0 = _rss_mb(), pa.total_allocated_bytes()
    walk = discover([Path(args.walk)]) if args.walk else None
    with tempfile.TemporaryDirectory() as tmp:
        collector = keys_mod.KeyCollector(tmp, nbands(load_config()))
        cpu0, rows, step = time.process_time(), 0, max(1, args.times // 10)
        for r in range(args.times):
            for res in batches:
                if walk is not None:
                    for _ in range(res.keys.num_rows):
                        next(walk, None)
                collector.add(_round(res, r))
                rows += res.keys.num_rows
            if (r + 1) % step == 0 or r + 1 == args.times:
                print(
                    f"{rows:>10,} files: RSS +{_rss_mb() - rss0} MB, Arrow +{(pa.total_allocated_bytes() - arrow0) >> 20}"
                    f" MB, CPU {time.process_time() - cpu0:.1f} s"
                )
        keys = collector.finish()
        t = keys.table
        print(
            f"finish(): RSS +{_rss_mb() - rss0} MB; key table {t.nbytes >> 20} MB, {t.nbytes / rows:.0f} B a file:"
        )
        print("   " + ", ".join(f"{n} {t.column(n).nbytes / rows:.1f}" for n in t.column_names))


if __name__ == "__main__":
    main()
