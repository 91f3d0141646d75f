"""Compact columns for keys of millions of files: strings in one buffer, band keys on disk, band by band.

A Python `str` costs ~50 bytes plus its text and a list slot 8 more; a row of 21 uint64 band keys costs
168 bytes. At a million files that alone passes the memory budget, so the corpus-wide steps keep:

- `StrColumn`: UTF-8 bytes in one buffer plus an end offset per row (the text + 8 bytes a row);
- `BandFiles`: one file per band, a uint64 per row, appended as results arrive and read back one band at a
  time (duplicate search sorts band by band), so a process holds one band (8 MB a million rows), never the
  matrix. Plain reads, not memory maps: mapped pages would count in the process's RSS.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Protocol, overload

import numpy as np

from corpus.check.chunked import ChunkedWriter


class _Strings(Sequence[str]):
    """A read-only sequence of strings made on access: subclasses give `__len__` and `_at(i)` (0 <= i < len)."""

    def _at(self, i: int) -> str:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._at(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._at(i)


class StrColumn(_Strings):
    """Strings kept as UTF-8 in one buffer (surrogate escapes kept, as in undecodable file names)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._buf = bytearray()
        self._ends = array("q")
        for s in items:
            self.append(s)

    def append(self, s: str) -> None:
        self._buf += s.encode("utf-8", "surrogateescape")
        self._ends.append(len(self._buf))

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, i: int) -> str:
        start = self._ends[i - 1] if i else 0
        return self._buf[start : self._ends[i]].decode("utf-8", "surrogateescape")

    def take(self, rows: Iterable[int]) -> StrColumn:
        out = StrColumn()
        for i in rows:
            out.append(self[i])
        return out

    def hashes(self) -> np.ndarray:
        """Python's hash of every string (this process only): for set-like lookups without a dict of str."""
        return np.fromiter((hash(s) for s in self), np.int64, len(self))

    def save(self, folder: Path, name: str) -> None:
        (folder / f"{name}.utf8").write_bytes(self._buf)
        np.save(folder / f"{name}.ends.npy", np.frombuffer(self._ends, np.int64))

    @classmethod
    def load(cls, folder: Path, name: str) -> StrColumn:
        out = cls()
        out._buf = bytearray((folder / f"{name}.utf8").read_bytes())
        ends = np.load(folder / f"{name}.ends.npy")
        out._ends = array("q", ends.astype(np.int64).tobytes())
        if len(ends) and (int(ends[-1]) != len(out._buf) or (np.diff(ends) < 0).any()):
            raise ValueError("damaged string column")
        return out


class BandColumns(Protocol):
    """Band keys of n rows, handed out one band (a fresh uint64[n]) at a time."""

    @property
    def nbands(self) -> int: ...
    def __len__(self) -> int: ...
    def column(self, b: int) -> np.ndarray: ...


class MatrixBands:
    """A uint64[n, bands] matrix (small tables, tests) seen band by band."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = np.asarray(matrix, np.uint64)
        if self.matrix.ndim != 2:
            self.matrix = self.matrix.reshape(len(self.matrix), -1)

    @property
    def nbands(self) -> int:
        return int(self.matrix.shape[1])

    def __len__(self) -> int:
        return len(self.matrix)

    def column(self, b: int) -> np.ndarray:
        return np.ascontiguousarray(self.matrix[:, b])


class Selected:
    """Some rows of a band source, in the given order."""

    def __init__(self, source: BandColumns, rows: np.ndarray) -> None:
        self.source, self.rows = source, np.asarray(rows, np.int64)

    @property
    def nbands(self) -> int:
        return self.source.nbands

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, b: int) -> np.ndarray:
        return self.source.column(b)[self.rows]


def as_columns(bands: np.ndarray | BandColumns) -> BandColumns:
    return MatrixBands(bands) if isinstance(bands, np.ndarray) else bands


def band_file(folder: Path, b: int) -> Path:
    return folder / f"band-{b:03d}.u64"


class BandFiles:
    """Band keys in `folder`, one file per band; `owned` folders are deleted with this object."""

    def __init__(self, folder: Path, nbands: int, n: int, owned: bool = False) -> None:
        self.folder, self._nbands, self.n = Path(folder), nbands, n
        if owned:
            weakref.finalize(self, shutil.rmtree, str(self.folder), True)

    @property
    def nbands(self) -> int:
        return self._nbands

    def __len__(self) -> int:
        return self.n

    def column(self, b: int) -> np.ndarray:
        col = np.fromfile(band_file(self.folder, b), np.uint64, count=self.n)
        if len(col) != self.n:
            raise ValueError(f"{band_file(self.folder, b)}: truncated band file")
        return col

    def valid(self) -> bool:
        return all(
            band_file(self.folder, b).is_file() and band_file(self.folder, b).stat().st_size >= 8 * self.n
            for b in range(self.nbands)
        )


def scratch_dir(parent: Path | str | None, prefix: str = "bands-") -> Path:
    """A fresh folder for band files: inside `parent` when it can be written, else in the temp dir."""
    if parent is not None:
        try:
            Path(parent).mkdir(parents=True, exist_ok=True)
            return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix=prefix))


class BandWriter(ChunkedWriter):
    """Appends rows of band keys to one file per band in `folder`, buffering `chunk` rows (the matrix is
    transposed a chunk at a time, so each band file gets one contiguous write per chunk)."""

    def __init__(self, folder: Path, nbands: int, chunk: int = 65_536) -> None:
        self.nbands, self.chunk = nbands, chunk
        super().__init__(folder, nbands, np.uint64, chunk)

    def _open(self) -> list[IO[bytes]]:
        return [band_file(self.folder, b).open("wb") for b in range(self.nbands)]

    def _write(self, block: np.ndarray) -> None:
        for b, fh in enumerate(self._files):
            fh.write(np.ascontiguousarray(block[:, b]).tobytes())

    def finish(self, owned: bool = False) -> BandFiles:
        self._close()
        return BandFiles(self.folder, self.nbands, self.n, owned)


def write_bands(
    folder: Path, source: BandColumns, rows: np.ndarray | None = None, extra: BandColumns | None = None
) -> BandFiles:
    """Band files in `folder` holding `rows` of `source` (all if None) then every row of `extra`, written
    one band at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    for b in range(source.nbands):
        col = source.column(b)
        with band_file(folder, b).open("wb") as fh:
            fh.write(np.ascontiguousarray(col if rows is None else col[rows], np.uint64).tobytes())
            if extra is not None:
                fh.write(np.ascontiguousarray(extra.column(b), np.uint64).tobytes())
    n = (len(source) if rows is None else len(rows)) + (len(extra) if extra is not None else 0)
    return BandFiles(folder, source.nbands, n)


def move_bands(src: BandFiles, folder: Path) -> BandFiles:
    """Move band files into `folder` (same filesystem: renames)."""
    folder.mkdir(parents=True, exist_ok=True)
    for b in range(src.nbands):
        os.replace(band_file(src.folder, b), band_file(folder, b))
    return BandFiles(folder, src.nbands, src.n)


class PathColumn(_Strings):
    """Paths kept as (root, rel): each root once, each rel in a StrColumn; `rels` is that column.

    A path that is not `root/rel` (submission files named one by one) is kept whole, aside.
    """

    MAX_ROOTS = 65_535

    def __init__(self) -> None:
        self.rels = StrColumn()
        self._roots: list[str] = []
        self._root_idx: dict[str, int] = {}
        self._of = array("H")
        self._odd: dict[int, str] = {}

    def append(self, path: str, rel: str) -> None:
        i = len(self.rels)
        self.rels.append(rel)
        root = path[: -len(rel) - 1] if rel and path.endswith("/" + rel) else None
        k = self._root_idx.get(root) if root is not None else None
        if root is not None and k is None and len(self._roots) < self.MAX_ROOTS:
            k = self._root_idx[root] = len(self._roots)
            self._roots.append(root)
        if k is None:
            self._odd[i] = path
            k = 0
        self._of.append(k)

    def __len__(self) -> int:
        return len(self.rels)

    def _at(self, i: int) -> str:
        odd = self._odd.get(i)
        return odd if odd is not None else self._roots[self._of[i]] + "/" + self.rels[i]


class Picked(_Strings):
    """Rows `rows` of a string sequence, read on access."""

    def __init__(self, source: Sequence[str], rows: np.ndarray | array[int]) -> None:
        self.source, self.rows = source, rows

    def __len__(self) -> int:
        return len(self.rows)

    def _at(self, i: int) -> str:
        return self.source[int(self.rows[i])]
