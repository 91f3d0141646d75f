"""The floor: the least work any build must do. Read every raw file (and sidecar), sha256 it, and write
its text to one zstd Parquet file with pyarrow, in one process, in bounded batches.

    python -m bench.floor /tmp/bench-corpus-20000 --out /tmp/floor.parquet
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA = pa.schema(
    [("id", pa.string()), ("sha256", pa.string()), ("meta", pa.string()), ("text", pa.string())]
)
BATCH = 2000


def run(root: Path, out: Path) -> int:
    names = sorted(e.name for e in os.scandir(root) if e.name.endswith(".txt"))
    rows = 0
    with pq.ParquetWriter(out, SCHEMA, compression="zstd") as writer:
        for start in range(0, len(names), BATCH):
            ids, shas, metas, texts = [], [], [], []
            for name in names[start : start + BATCH]:
                with open(root / name, "rb") as fh:
                    data = fh.read()
                stem = name[:-4]
                try:
                    with open(root / f"{stem}.meta.json", "rb") as fh:
                        meta: str | None = fh.read().decode("utf-8", "replace")
                except FileNotFoundError:
                    meta = None
                ids.append(stem)
                shas.append(hashlib.sha256(data).hexdigest())
                metas.append(meta)
                texts.append(data.decode("utf-8", "replace"))
            writer.write_table(pa.table([ids, shas, metas, texts], schema=SCHEMA))
            rows += len(ids)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    rows = run(a.root, a.out)
    print(f"floor: {rows} files -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
