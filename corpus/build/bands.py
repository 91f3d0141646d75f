"""The near-duplicate band keys of every file, in one numpy array the driver fills as batches arrive.

They are the widest key (8 bytes per band, ~170 bytes a file), so they live once, outside the Arrow table,
and the candidates are compacted in place instead of copied (a million files: ~170 MB saved twice).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa


class BandStore:
    def __init__(self, width: int, capacity: int) -> None:
        self.width = width
        self._rows = np.zeros((max(capacity, 1), width), np.uint64)
        self.n = 0

    def add(self, column: pa.Array) -> None:
        """Append one batch's `bands` column (binary; null rows get zeros and never become candidates)."""
        m = len(column)
        if self.n + m > len(self._rows):
            grown = np.zeros((max(self.n + m, len(self._rows) * 3 // 2), self.width), np.uint64)
            grown[: self.n] = self._rows[: self.n]
            self._rows = grown
        valid = np.flatnonzero(column.is_valid().to_numpy(zero_copy_only=False))
        if len(valid):
            nbytes = self.width * 8
            offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + m + 1]
            if not (np.diff(offsets)[valid] == nbytes).all():
                raise ValueError("band keys of different widths; clear the cache")
            data = np.frombuffer(column.buffers()[2], np.uint8)
            picked = data[offsets[valid][:, None] + np.arange(nbytes)]
            self._rows[self.n + valid] = picked.view(np.uint64)
        self.n += m

    @property
    def rows(self) -> np.ndarray:
        return self._rows[: self.n]

    def compact(self, rows: np.ndarray, chunk: int = 65_536) -> np.ndarray:
        """The given rows (ascending) moved to the front, in place, in chunks; returns that view.

        Safe because rows[j] >= j: every row is read before a later chunk could overwrite it.
        """
        out = self._rows
        for start in range(0, len(rows), chunk):
            block = rows[start : start + chunk]
            out[start : start + len(block)] = out[block]
        self.n = len(rows)
        return out[: len(rows)]
