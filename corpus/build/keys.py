"""What the driver keeps of pass 1, as batches arrive: narrow key columns, band keys on disk, spill names.

Per raw file the driver holds ~70 bytes of Arrow columns (scan.KEPT: id, the rel only when it is not
`id.txt`, split, cache location, flags, sizes, dictionary-coded language and publisher); the band keys go
to band files (bands.py) and the cache index is written as the batches come (cache.IndexWriter), so
neither is held. Problems are kept only for rejected files.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from corpus.build.bands import BandStore
from corpus.build.cache import BASE, IndexWriter
from corpus.build.scan import KEPT, KEY_SCHEMA, ScanResult
from corpus.check.columns import BandFiles

KEPT_SCHEMA = pa.schema([KEY_SCHEMA.field(n) for n in KEPT] + [pa.field("batch", pa.int32())])


@dataclass(slots=True)
class Keys:
    table: pa.Table  # KEPT_SCHEMA, one row per raw file, in discovery order
    bands: BandFiles  # aligned row for row with `table`
    spills: list[str]  # spill file of each batch (the `batch` column)
    problems: dict[str, list[dict[str, Any]]]  # rel -> errors, rejected files only


class KeyCollector:
    def __init__(self, cache_dir: str, width: int) -> None:
        for stale in (Path(cache_dir) / BASE).glob("bands-*"):  # a killed build's (the cache is locked)
            shutil.rmtree(stale, ignore_errors=True)
        self.bands = BandStore(width, cache_dir)
        self.index = IndexWriter(cache_dir)
        self.batches: list[pa.RecordBatch] = []
        self.spills: list[str] = []
        self.problems: dict[str, list[dict[str, Any]]] = {}

    def add(self, res: ScanResult) -> None:
        k = res.keys
        self.bands.add(k.column("bands"))
        self.index.add(
            k.column("rel_hash"), k.column("key16"), res.spill, k.column("offset"), k.column("length")
        )
        batch = np.full(k.num_rows, len(self.spills), np.int32)
        self.batches.append(
            pa.RecordBatch.from_arrays([*(k.column(n) for n in KEPT), pa.array(batch)], schema=KEPT_SCHEMA)
        )
        self.spills.append(res.spill)
        self.problems.update(res.problems)

    def finish(self) -> Keys:
        self.index.close()
        table = pa.Table.from_batches(self.batches, schema=KEPT_SCHEMA)
        self.batches = []
        return Keys(table, self.bands.finish(), self.spills, self.problems)

    def abort(self) -> None:
        self.index.abort()
        self.bands.abort()
