"""Appending fixed-width rows to files in a folder, a chunk at a time (the keys a corpus-wide step keeps on
disk instead of in memory: band keys, signature bytes).

Rows come one at a time (validate, per file) or as a batch's matrix (build, per batch). Single rows are
gathered in a buffer of `chunk` rows so that the files get one write per chunk, not one per row; a
subclass decides how a block of rows is laid out in its files (`_write`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import IO

import numpy as np


class ChunkedWriter:
    """Rows of `width` values of `dtype` appended to the files `_open` makes in `folder`."""

    def __init__(self, folder: Path, width: int, dtype: type[np.generic], chunk: int) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._buf = np.zeros((chunk, width), dtype)
        self._fill = 0
        self.n = 0
        self._files = self._open()

    def _open(self) -> list[IO[bytes]]:
        raise NotImplementedError

    def _write(self, block: np.ndarray) -> None:
        """Write rows block[0..m) (dtype rows of `width`) after those already written."""
        raise NotImplementedError

    def add(self, row: np.ndarray | None) -> None:
        """One row (None: zeros, for a row that is unknown or takes no part)."""
        if self._fill == len(self._buf):
            self._flush()
        self._buf[self._fill] = 0 if row is None else row
        self._fill += 1
        self.n += 1

    def add_rows(self, rows: np.ndarray) -> None:
        """Many rows at once (m x width), written straight through."""
        self._flush()
        self._write(np.asarray(rows, self._buf.dtype))
        self.n += len(rows)

    def _flush(self) -> None:
        if self._fill:
            self._write(self._buf[: self._fill])
            self._fill = 0

    def _close(self) -> None:
        """Flush and close the files (subclasses' `finish` then hand back what was written)."""
        self._flush()
        for fh in self._files:
            fh.close()

    def abort(self) -> None:
        for fh in self._files:
            fh.close()
        shutil.rmtree(self.folder, ignore_errors=True)
