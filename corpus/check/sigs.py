"""MinHash signature bytes of many files (uint8[n, 128], sketch.Keys.sig), kept to pre-filter candidates.

A row is 128 bytes (128 MB a million files), so a whole corpus's rows live in one file on disk, appended
as results arrive and read back only for the rows in candidate pairs (a few reads, or one pass in chunks
when most rows are wanted): the process never holds the matrix. A row of zeros means "not known" (a
file checked by a version that kept no signature): pairs with such a row are never filtered out.
"""

from __future__ import annotations

import os
import shutil
import weakref
from pathlib import Path
from typing import IO, Protocol

import numpy as np

from corpus.check.chunked import ChunkedWriter
from corpus.check.sketch import SIG_WIDTH

SIG_FILE = "sig.u8"
_CHUNK_ROWS = 65_536  # 8 MB a read when scanning the file


class SigSource(Protocol):
    """Signature rows of n files, handed out for the rows asked (unknown rows are zeros)."""

    def __len__(self) -> int: ...
    def rows(self, idx: np.ndarray) -> np.ndarray: ...


class SigMatrix:
    """Rows held in memory (a submission's few thousand new files, tests)."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = np.asarray(matrix, np.uint8).reshape(-1, SIG_WIDTH)

    def __len__(self) -> int:
        return len(self.matrix)

    def rows(self, idx: np.ndarray) -> np.ndarray:
        return self.matrix[np.asarray(idx, np.int64)]


class SigFile:
    """Rows in a file of n * SIG_WIDTH bytes; an `owned` file is deleted with this object."""

    def __init__(self, path: Path, n: int, owned: bool = False) -> None:
        self.path, self.n = Path(path), n
        if owned:
            weakref.finalize(self, _remove, str(self.path))

    def __len__(self) -> int:
        return self.n

    def valid(self) -> bool:
        try:
            return self.path.stat().st_size == self.n * SIG_WIDTH
        except OSError:
            return False

    def rows(self, idx: np.ndarray) -> np.ndarray:
        idx = np.asarray(idx, np.int64)
        want, inverse = np.unique(idx, return_inverse=True)
        got = np.zeros((len(want), SIG_WIDTH), np.uint8)
        with self.path.open("rb") as fh:
            if len(want) * 64 < self.n:  # few rows: one read each (no mapped pages counted in RSS)
                fd = fh.fileno()
                for k, r in enumerate(want.tolist()):
                    got[k] = np.frombuffer(os.pread(fd, SIG_WIDTH, r * SIG_WIDTH), np.uint8)
            else:  # most rows: one pass over the file, a chunk at a time
                for start in range(0, self.n, _CHUNK_ROWS):
                    block = np.fromfile(fh, np.uint8, count=_CHUNK_ROWS * SIG_WIDTH).reshape(-1, SIG_WIDTH)
                    lo, hi = np.searchsorted(want, [start, start + len(block)])
                    got[lo:hi] = block[want[lo:hi] - start]
        return got[inverse.reshape(-1)]


def _remove(path: str) -> None:
    shutil.rmtree(os.path.dirname(path), ignore_errors=True)


class SelectedSigs:
    """Some rows of a signature source, in the given order."""

    def __init__(self, source: SigSource, rows: np.ndarray) -> None:
        self.source, self.idx = source, np.asarray(rows, np.int64)

    def __len__(self) -> int:
        return len(self.idx)

    def rows(self, idx: np.ndarray) -> np.ndarray:
        return self.source.rows(self.idx[np.asarray(idx, np.int64)])


class SigWriter(ChunkedWriter):
    """Appends rows to `folder`/sig.u8, buffering `chunk` rows; `finish` hands back the file."""

    def __init__(self, folder: Path, chunk: int = 4096) -> None:
        super().__init__(folder, SIG_WIDTH, np.uint8, chunk)

    def _open(self) -> list[IO[bytes]]:
        return [(self.folder / SIG_FILE).open("wb")]

    def _write(self, block: np.ndarray) -> None:
        self._files[0].write(np.ascontiguousarray(block).tobytes())

    def finish(self, owned: bool = False) -> SigFile:
        """The file written; `owned`: its folder is deleted with the returned object."""
        self._close()
        return SigFile(self.folder / SIG_FILE, self.n, owned)


def write_sigs(folder: Path, parts: list[tuple[SigSource | None, int]]) -> SigFile:
    """`folder`/sig.u8 holding every row of each part in turn; a part without a source gives zero rows
    (unknown). Written a chunk of rows at a time."""
    w = SigWriter(folder)
    for source, n in parts:
        for start in range(0, n, _CHUNK_ROWS):
            stop = min(n, start + _CHUNK_ROWS)
            block = (
                np.zeros((stop - start, SIG_WIDTH), np.uint8)
                if source is None
                else source.rows(np.arange(start, stop))
            )
            w.add_rows(block)
    return w.finish()
