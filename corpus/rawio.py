"""The I/O edge for raw files: find them, read them safely, pair them with their sidecars.

Safety rules live here so every command shares them: nothing outside the raw root is read,
symlinks are refused (never followed), and no more than `max_bytes + 1` bytes are read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson

RAW_SUFFIX = ".txt"
META_SUFFIX = ".meta.json"
META_KEYS = frozenset({"url", "publisher", "published", "headline", "language", "license"})
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawRef:
    """A raw file found under a root, not yet read."""

    root: Path
    path: Path

    @property
    def rel(self) -> str:
        path, root = str(self.path), str(self.root)
        prefix = root if root.endswith("/") else root + "/"
        if os.sep == "/" and path.startswith(prefix):  # what relative_to gives, without pathlib's cost
            return path[len(prefix) :]
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:  # a named file outside its root: refused when read, but still named
            return Path(os.path.relpath(self.path, self.root)).as_posix()

    @property
    def id(self) -> str:
        return self.path.name[: -len(RAW_SUFFIX)] if self.path.name.endswith(RAW_SUFFIX) else self.path.stem

    @property
    def meta_path(self) -> Path:
        return self.path.with_name(self.id + META_SUFFIX)


@dataclass(frozen=True, slots=True)
class RawDoc:
    """The bytes of one raw file and its parsed sidecar, ready for the pure converter."""

    ref: RawRef
    data: bytes
    sha256: str
    meta: dict[str, object] | None


class RawReadError(Exception):
    """A raw file or sidecar that cannot be read; the message is one line naming what to do."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def too_large(where: object, max_bytes: int, size: int | None = None) -> RawReadError:
    """R005, the same words for local files and URLs; `size` when known without reading."""
    what = f"{size} bytes, over" if size is not None else "over"
    return RawReadError(
        "R005",
        f"{where}: {what} the {max_bytes}-byte limit",
        "split the file or raise [tool.corpus] max_bytes",
    )


def sorted_names(names: Iterable[str], chunk: int = 65_536) -> Iterator[str]:
    """`sorted(names)`, with the names held as Arrow strings while sorted (~40 bytes each) instead of a list
    of `str` (~80): a flat folder of a million raw files is listed without ~100 MB of name objects.

    The input is consumed before this returns; the output comes a chunk at a time. Names that are not valid
    UTF-8 (surrogate escapes) are sorted as a list, since Arrow's byte order is only Python's order for valid
    UTF-8.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    chunks: list[pa.Array] = []
    buf: list[str] = []
    for name in names:
        buf.append(name)
        if len(buf) >= chunk:
            try:
                chunks.append(pa.array(buf, pa.string()))
            except (UnicodeEncodeError, pa.ArrowException):
                rest = [n for c in chunks for n in c.to_pylist()] + buf
                rest.extend(names)
                return iter(sorted(rest))
            buf = []
    try:
        if buf:
            chunks.append(pa.array(buf, pa.string()))
    except (UnicodeEncodeError, pa.ArrowException):
        return iter(sorted([n for c in chunks for n in c.to_pylist()] + buf))
    if not chunks:
        return iter(())
    column = pa.chunked_array(chunks, pa.string())
    order = pc.sort_indices(column).to_numpy()
    if len(chunks) > 1:
        # the sort's scratch (~2x the names) stays in Arrow's pool as free pages otherwise: ~90 MB of a
        # build driver's RSS all through pass 1 for a flat folder of a million files
        pa.default_memory_pool().release_unused()

    def ordered() -> Iterator[str]:
        for start in range(0, len(order), chunk):
            yield from column.take(pa.array(np.asarray(order[start : start + chunk]))).to_pylist()

    return ordered()


def _walk(root: Path) -> Iterator[str]:
    """Files under root in `os.walk` order (top-down, folders sorted; links to folders listed as folders
    and not entered), each folder's files sorted, without holding a folder's names as a list."""
    folders = [str(root)]
    while folders:
        folder = folders.pop()
        subdirs: list[str] = []

        def files(it: Iterator[os.DirEntry[str]], subdirs: list[str] = subdirs) -> Iterator[str]:
            for e in it:
                try:
                    is_dir = e.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    if not e.is_symlink():
                        subdirs.append(e.name)
                elif e.name.endswith(RAW_SUFFIX):
                    yield e.name

        try:
            with os.scandir(folder) as it:
                names = sorted_names(files(it))
        except OSError:
            continue
        for name in names:
            yield os.path.join(folder, name)
        folders.extend(os.path.join(folder, d) for d in sorted(subdirs, reverse=True))


def discover(paths: Iterable[Path], default_root: Path | None = None) -> Iterator[RawRef]:
    """Yield every raw `.txt` file named or found under the given paths, sorted, once each.

    A folder is its own root; a file's root is `default_root` when it lies inside it, else its folder.
    Symlinks are yielded (so they can be reported) but never followed into folders. Files already seen
    are remembered only when several paths are given (one folder cannot yield a file twice): a set of a
    million paths was most of the memory of listing a large corpus.
    """
    paths = list(paths)
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        p = Path(given)
        if p.is_dir() and not p.is_symlink():
            root = p.resolve()
            for f in _walk(root):
                if seen is not None:
                    if f in seen:
                        continue
                    seen.add(f)
                yield RawRef(root, Path(f))
        else:
            absolute = Path(os.path.abspath(p))
            root = absolute.parent
            inside_default = False
            if default_root is not None:
                dr = Path(os.path.abspath(default_root))
                if absolute.is_relative_to(dr):
                    root, inside_default = dr, True
            climbed = p.parts.index("..") if ".." in p.parts else 0
            if climbed and not inside_default:
                # "raw/../../etc/x" enters a folder and climbs out of it: judged against that folder (R011)
                root = Path(os.path.abspath(Path(*p.parts[:climbed])))
            key = str(absolute)
            if seen is not None:
                if key in seen:
                    continue
                seen.add(key)
            yield RawRef(root, absolute)


def read_bytes_limited(path: Path, root: Path, max_bytes: int, st: os.stat_result | None = None) -> bytes:
    """Read a regular file inside root, refusing symlinks, escapes and oversize files. `st`: the path's
    lstat, when the caller has just taken it."""
    if st is None:
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            raise RawReadError("R001", f"{path}: no such file; check the path") from None
        except OSError as e:
            raise RawReadError(
                "R001", f"{path}: cannot be read ({e.strerror}); check its permissions"
            ) from None
    if stat.S_ISLNK(st.st_mode):
        raise RawReadError(
            "R010",
            f"{path}: is a symbolic link; refused, never read",
            "replace the link with the file itself",
        )
    if stat.S_ISREG(st.st_mode):
        try:
            fd = os.open(path, _FLAGS)
        except OSError:
            pass  # the checks below say why, in their usual order
        else:
            try:
                if not _inside(_fd_realpath(fd, path), _real_root(os.fspath(root))):
                    raise _outside(path, root)
                if st.st_size > max_bytes:
                    raise too_large(path, max_bytes, st.st_size)
                return _read_fd(fd, st.st_size, path, max_bytes)
            finally:
                os.close(fd)
    if not _inside(os.path.realpath(path), _real_root(os.fspath(root))):
        raise _outside(path, root)
    if not stat.S_ISREG(st.st_mode):
        raise RawReadError("R001", f"{path}: is not a regular file", "raw files must be plain text files")
    if st.st_size > max_bytes:
        raise too_large(path, max_bytes, st.st_size)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as e:
        raise RawReadError("R001", f"{path}: cannot be opened ({e.strerror})", "check the file") from None
    try:
        return _read_fd(fd, st.st_size, path, max_bytes)
    finally:
        os.close(fd)


_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
_FD_PATHS = "/proc/self/fd"  # Linux: the kernel's own resolved path of an open file, one syscall


@lru_cache(maxsize=256)
def _real_root(root: str) -> str:
    """A root's resolved path, once per process. Should the root be swapped for a link meanwhile, a stale
    answer only refuses more: files are judged by where they really are."""
    return os.path.realpath(root)


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip("/") + "/")


def _outside(path: Path, root: Path) -> RawReadError:
    return RawReadError(
        "R011", f"{path}: lies outside the raw root {root}; refused", "move it under the root"
    )


def _fd_realpath(fd: int, path: Path) -> str:
    """Where the opened file really is: what `os.path.realpath` says, without a stat per path component."""
    try:
        real = os.readlink(f"{_FD_PATHS}/{fd}")
    except OSError:
        return os.path.realpath(path)
    return real if real.startswith("/") and not real.endswith(" (deleted)") else os.path.realpath(path)


def _read_fd(fd: int, size: int, path: Path, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes, in a buffer of the file's size (a buffered read of max_bytes + 1 allocates
    2 MB a file). Reading exactly the size the stat gave is the whole file; else read on to EOF or the limit."""
    data = os.read(fd, min(size, max_bytes) + 1)
    if len(data) != size:
        parts, have = [data], len(data)
        while have <= max_bytes:
            more = os.read(fd, min(max_bytes + 1 - have, 1 << 20))
            if not more:
                break
            parts.append(more)
            have += len(more)
        data = b"".join(parts)
    if len(data) > max_bytes:
        raise too_large(path, max_bytes)
    return data


def parse_meta(data: bytes, where: str) -> dict[str, object]:
    """A sidecar's bytes as a JSON object, or R020 naming `where` (a path or URL)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RawReadError(
            "R020", f"{where}: not valid UTF-8 at byte offset {e.start}", "re-encode the sidecar as UTF-8"
        ) from None
    try:
        meta = orjson.loads(data)
    except orjson.JSONDecodeError as e:
        raise RawReadError(
            "R020", f"{where}: not valid JSON ({e})", "fix the JSON or delete the sidecar"
        ) from None
    if not isinstance(meta, dict):
        raise RawReadError("R020", f"{where}: must be a JSON object", 'write {"url": ..., "publisher": ...}')
    return meta


def read_meta(ref: RawRef, max_bytes: int = 1024 * 1024) -> dict[str, object] | None:
    """Parse the optional `<id>.meta.json` sidecar; unknown keys are kept for `validate` to report."""
    mp = ref.meta_path
    try:
        st = os.lstat(mp)  # what os.path.lexists asks, kept for the read (one system call, not two)
    except (OSError, ValueError):
        return None
    return parse_meta(read_bytes_limited(mp, ref.root, max_bytes, st), str(mp))


def read_raw(ref: RawRef, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    data = read_bytes_limited(ref.path, ref.root, max_bytes)
    return RawDoc(ref=ref, data=data, sha256=hashlib.sha256(data).hexdigest(), meta=read_meta(ref))
