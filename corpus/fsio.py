"""Raw input and published output through fsspec URLs (s3://, gs://, memory://, ...).

Local paths (and file:// URLs) keep going through corpus/rawio.py and its safety rules; this module only
adds the remote case. A remote file's reference is a `UrlRef`, a `RawRef` whose paths are the URL's path
(bucket/key) plus the protocol, so everything downstream (ids, relative names, records) is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import fsspec

from corpus.rawio import (
    DEFAULT_MAX_BYTES,
    META_SUFFIX,
    RAW_SUFFIX,
    RawDoc,
    RawReadError,
    RawRef,
    discover,
    parse_meta,
    read_raw,
    too_large,
)

PathLike = str | os.PathLike[str]
LAST_UPLOADED = "manifest.json"  # written last, so a reader that sees it sees a complete folder


def is_url(p: PathLike) -> bool:
    """A remote location: has a scheme other than file://."""
    s = os.fspath(p)
    return "://" in s and not s.startswith("file://")


def local_path(p: PathLike) -> Path:
    s = os.fspath(p)
    return Path(s.removeprefix("file://"))


@dataclass(frozen=True, slots=True)
class UrlRef(RawRef):
    """A raw file in a filesystem fsspec knows; `root` and `path` are protocol-less fsspec paths."""

    protocol: str = "file"

    @property
    def url(self) -> str:
        return f"{self.protocol}://{self.path.as_posix()}"

    def __str__(self) -> str:
        return self.url


def _filesystem(protocol: str) -> fsspec.AbstractFileSystem:
    return fsspec.filesystem(protocol)


def discover_url(url: str) -> Iterator[UrlRef]:
    """Every raw `.txt` object under the URL (sorted), or the one object it names."""
    fs, root = fsspec.core.url_to_fs(url)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    root = root.rstrip("/")
    if fs.isdir(root):
        for name in sorted(fs.find(root)):
            if name.endswith(RAW_SUFFIX):
                yield UrlRef(Path(root), Path(name), protocol)
    else:
        yield UrlRef(Path(root).parent, Path(root), protocol)


def discover_any(paths: Iterable[PathLike], default_root: Path | None = None) -> Iterator[RawRef]:
    """Local paths through rawio.discover (all its rules), then URLs through fsspec."""
    given = list(paths)
    local = [local_path(p) for p in given if not is_url(p)]
    if local:
        yield from discover(local, default_root)
    seen: set[str] = set()
    for p in given:
        if is_url(p):
            for ref in discover_url(os.fspath(p)):
                if ref.url not in seen:
                    seen.add(ref.url)
                    yield ref


def _read_limited(fs: fsspec.AbstractFileSystem, path: str, url: str, max_bytes: int) -> bytes:
    try:
        info = fs.info(path)
    except FileNotFoundError:
        raise RawReadError("R001", f"{url}: no such file; check the URL") from None
    except OSError as e:
        raise RawReadError("R001", f"{url}: cannot be read ({e}); check access to the store") from None
    if info.get("type") != "file":
        raise RawReadError("R001", f"{url}: is not a file", "raw files must be plain text files")
    size = info.get("size")
    if isinstance(size, int) and size > max_bytes:
        raise too_large(url, max_bytes, size)
    with fs.open(path, "rb") as fh:
        data: bytes = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(url, max_bytes)
    return data


def read_url(ref: UrlRef, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    """Read a remote raw file and its sidecar with the same limits and error codes as rawio."""
    fs = _filesystem(ref.protocol)
    data = _read_limited(fs, ref.path.as_posix(), ref.url, max_bytes)
    meta_path = ref.meta_path.as_posix()
    meta: dict[str, object] | None = None
    if fs.exists(meta_path):
        murl = f"{ref.protocol}://{meta_path}"
        meta = parse_meta(_read_limited(fs, meta_path, murl, 1024 * 1024), murl)
    return RawDoc(ref=ref, data=data, sha256=hashlib.sha256(data).hexdigest(), meta=meta)


def read_any(ref: RawRef, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc:
    return read_url(ref, max_bytes) if isinstance(ref, UrlRef) else read_raw(ref, max_bytes)


def upload_tree(local_dir: Path, url: str) -> list[str]:
    """Copy a finished local output folder to a URL, `manifest.json` last; return the URLs written.

    Object stores have no atomic rename, so the build still happens in a local temporary folder and
    only a complete folder is uploaded; readers should trust a folder once its manifest is there.
    Files under the URL that the new folder does not have (an older build's shards) are removed after.
    """
    fs, root = fsspec.core.url_to_fs(url)
    root = root.rstrip("/")
    files = sorted(p for p in local_dir.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.relative_to(local_dir).as_posix() == LAST_UPLOADED)
    old = set(fs.find(root)) if fs.isdir(root) else set()
    written, keep = [], set()
    for p in files:
        target = f"{root}/{p.relative_to(local_dir).as_posix()}"
        fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        fs.put_file(str(p), target)
        keep.add(target)
        written.append(fs.unstrip_protocol(target))
    for stale in sorted(old - keep):
        fs.rm_file(stale)
    return written


def check_url_output(url: str) -> None:
    """Refuse a URL whose files a build did not write: the upload removes what the new build lacks."""
    from corpus.publish.swap import MANIFEST, check_replaceable

    fs, root = fsspec.core.url_to_fs(url)
    root = root.rstrip("/")
    if not fs.isdir(root):
        return
    names = (name[len(root) + 1 :] for name in fs.find(root))

    def read() -> bytes | None:
        try:
            data: bytes = fs.cat_file(f"{root}/{MANIFEST}")
        except OSError:
            return None
        return data

    check_replaceable(url, names, read)


@contextmanager
def output_dir(target: PathLike) -> Iterator[Path]:
    """A local folder to build into: the target itself, or for a URL a temporary one uploaded on success."""
    if not is_url(target):
        yield local_path(target)
        return
    check_url_output(os.fspath(target))
    with tempfile.TemporaryDirectory(prefix="corpus-out-") as tmp:
        local = Path(tmp) / "out"
        yield local
        upload_tree(local, os.fspath(target))


__all__ = [
    "META_SUFFIX",
    "UrlRef",
    "discover_any",
    "discover_url",
    "is_url",
    "local_path",
    "output_dir",
    "read_any",
    "read_url",
    "upload_tree",
]
