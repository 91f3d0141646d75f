"""What the driver keeps of pass 1, as batches arrive: narrow key columns, band keys on disk, spill names.

Per raw file the driver holds ~70 bytes of Arrow columns (scan.KEPT: id, the rel only when it is not
`id.txt`, split, cache location, flags, sizes, dictionary-coded language and publisher); the band keys go
to band files (bands.py) and the cache index is written as the batches come (cache.IndexWriter), so
neither is held. Problems are kept only for rejected files.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from corpus.build.bands import BandStore, band_matrix
from corpus.build.cache import BASE, IndexWriter
from corpus.build.scan import KEPT, KEY_SCHEMA, ScanResult
from corpus.check.columns import BandFiles, Picked, Selected, StrColumn, scratch_dir
from corpus.check.dedup import KeyTable
from corpus.check.index import save_index
from corpus.check.sigs import SelectedSigs, SigFile, SigWriter
from corpus.check.sketch import SIG_WIDTH
from corpus.config import Config
from corpus.rawio import RAW_SUFFIX

COMPACT = 64  # batches (of batch_size files) between compactions
INDEX_ONLY = ("raw_size", "raw_mtime")  # the raw file's lstat: for validate's index (save_dedup_index) only
KEPT_SCHEMA = pa.schema([KEY_SCHEMA.field(n) for n in KEPT] + [pa.field("batch", pa.int32())])


@dataclass(slots=True)
class Keys:
    table: pa.Table  # KEPT_SCHEMA, one row per raw file, in discovery order
    bands: BandFiles  # aligned row for row with `table`
    spills: list[str]  # spill file of each batch (the `batch` column)
    problems: dict[str, list[dict[str, Any]]]  # rel -> errors, rejected files only
    sigs: SigFile | None = None  # signature bytes, aligned with `table` (zeros: none)


class KeyCollector:
    def __init__(self, cache_dir: str, width: int) -> None:
        for pattern in ("bands-*", "sigs-*"):  # a killed build's (the cache is locked)
            for stale in (Path(cache_dir) / BASE).glob(pattern):
                shutil.rmtree(stale, ignore_errors=True)
        self.bands = BandStore(width, cache_dir)
        self.sigs = SigWriter(scratch_dir(Path(cache_dir) / BASE, "sigs-"))
        self.index = IndexWriter(cache_dir)
        self.batches: list[pa.RecordBatch] = []  # the latest, not yet compacted
        self.parts: list[pa.Table] = []  # compacted: one chunk per COMPACT batches
        self.spills: list[str] = []
        self.problems: dict[str, list[dict[str, Any]]] = {}

    def add(self, res: ScanResult) -> None:
        k = res.keys
        self.bands.add(k.column("bands"))
        self.sigs.add_rows(band_matrix(k.column("sig"), SIG_WIDTH // 8).view(np.uint8))
        self.index.add(
            k.column("rel_hash"), k.column("key16"), res.spill, k.column("offset"), k.column("length")
        )
        batch = np.full(k.num_rows, len(self.spills), np.int32)
        self.batches.append(
            pa.RecordBatch.from_arrays([*(k.column(n) for n in KEPT), pa.array(batch)], schema=KEPT_SCHEMA)
        )
        self.spills.append(res.spill)
        self.problems.update(res.problems)
        if len(self.batches) >= COMPACT:
            self._compact()

    def _compact(self) -> None:
        """Copy the latest batches into one chunk of Arrow's own memory: a million files are ~60 chunks of
        contiguous columns instead of ~4,000 batches of small unpickled buffers (and per-chunk overheads)."""
        if self.batches:
            self.parts.append(pa.Table.from_batches(self.batches, schema=KEPT_SCHEMA).combine_chunks())
            self.batches = []

    def finish(self) -> Keys:
        self.index.close()
        self._compact()
        table = pa.concat_tables(self.parts) if self.parts else KEPT_SCHEMA.empty_table()
        self.parts = []
        return Keys(table, self.bands.finish(), self.spills, self.problems, self.sigs.finish(owned=True))

    def abort(self) -> None:
        self.index.abort()
        self.bands.abort()
        self.sigs.abort()


def for_plan(keys: Keys) -> Keys:
    """The keys without the columns only validate's index needs (16 B a file: 16 MB at a million files
    that would otherwise sit in the driver under pass 2's peak)."""
    return replace(keys, table=keys.table.drop_columns(list(INDEX_ONLY)))


def save_dedup_index(keys: Keys, cfg: Config, cache_dir: str, root: Path) -> None:
    """Leave validate's near-duplicate index (corpus.check.index) of this corpus in the cache, the very one
    a whole-corpus `corpus validate` would save: same keys (the same check_file), same rows in the same
    order, size and mtime from the same lstat. A pull request's `corpus validate NEW` after a build then
    judges the new files against the corpus without checking a million files again."""
    t = keys.table
    has_keys = np.flatnonzero(t.column("body_hash").is_valid().to_numpy(zero_copy_only=False))
    rels = StrColumn()
    for chunk in range(0, t.num_rows, 65_536):
        part = t.slice(chunk, 65_536)
        for r, i in zip(part.column("rel").to_pylist(), part.column("id").to_pylist(), strict=True):
            rels.append(r if r is not None else i + RAW_SUFFIX)
    keyless: dict[str, list[int]] = {}
    sizes, mtimes = t.column("raw_size").to_numpy(), t.column("raw_mtime").to_numpy()
    keyed = np.zeros(t.num_rows, bool)
    keyed[has_keys] = True
    for i in np.flatnonzero(~keyed).tolist():
        keyless[rels[i]] = [int(sizes[i]), int(mtimes[i])]
    table = KeyTable(
        Picked(rels, has_keys),
        [],
        t.column("body_hash").fill_null(0).to_numpy().astype(np.int64)[has_keys],
        Selected(keys.bands, has_keys),
        sizes[has_keys],
        mtimes[has_keys],
        SelectedSigs(keys.sigs, has_keys) if keys.sigs is not None else None,
    )
    save_index(table, replace(cfg, cache_dir=cache_dir), root.resolve(), keyless)
