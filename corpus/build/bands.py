"""The near-duplicate band keys of every file, appended to band files on disk as batches arrive.

They are the widest key (8 bytes per band, ~170 bytes a file: 170 MB for a million files), and the
duplicate search needs them one band at a time, so the driver never holds them: each batch's `bands`
column goes to one file per band (corpus.check.columns), read back a band at a time in pass 2.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from corpus.check.columns import BandFiles, BandWriter, scratch_dir


def band_matrix(column: pa.Array, width: int) -> np.ndarray:
    """A batch's `bands` column (binary; null rows get zeros and never become candidates) as uint64[m, width]."""
    m = len(column)
    out = np.zeros((m, width), np.uint64)
    valid = np.flatnonzero(column.is_valid().to_numpy(zero_copy_only=False))
    if len(valid):
        nbytes = width * 8
        offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + m + 1]
        if not (np.diff(offsets)[valid] == nbytes).all():
            raise ValueError("band keys of different widths; clear the cache")
        data = np.frombuffer(column.buffers()[2], np.uint8)
        out[valid] = data[offsets[valid][:, None] + np.arange(nbytes)].view(np.uint64)
    return out


class BandStore:
    """Band files in a scratch folder of the cache (deleted with the BandFiles `finish` returns)."""

    def __init__(self, width: int, cache_dir: str | Path | None = None) -> None:
        self.width = width
        self._writer = BandWriter(scratch_dir(Path(cache_dir) / "build" if cache_dir else None), width)

    @property
    def n(self) -> int:
        return self._writer.n

    def add(self, column: pa.Array) -> None:
        """Append one batch's `bands` column."""
        self._writer.add_rows(band_matrix(column, self.width))

    def finish(self) -> BandFiles:
        return self._writer.finish(owned=True)

    def abort(self) -> None:
        self._writer.abort()
