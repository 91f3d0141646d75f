"""Build into a temporary folder beside the output and swap it in, so a crash never leaves half a dataset.

The previous folder is renamed aside, the new one renamed in, then the old one removed. If the process
dies between the two renames, the next build finds the aside copy and restores it before anything else.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

MANIFEST = "manifest.json"  # corpus.publish.manifest's name, without importing the card's dependencies


_OS_LITTER = frozenset(
    {".DS_Store", "Thumbs.db", "desktop.ini"}
)  # a file browser's, not the user's: replaced


class OutputRefused(Exception):
    """The output folder holds what a build did not write; the swap would delete it. One line, what to do."""


def check_replaceable(where: str, names: Iterable[str], read_manifest: Callable[[], bytes | None]) -> None:
    """Refuse to replace anything but nothing, an empty folder or a previous build with nothing added.

    A build replaces its output folder whole, so `--out .`, `--out raw` or a folder of notes must not be
    taken for one. `names` are the folder's files (paths relative to it, '/'-separated); a previous build
    is recognised by its manifest, which lists every file it wrote. `names` is read lazily: a folder that
    is no build (`--out raw` with a million files) is refused at its first file, not after listing it all.
    """
    it = iter(names)
    first = next(it, None)
    if first is None:
        return
    data = read_manifest()
    try:
        doc = orjson.loads(data) if data is not None else None
    except orjson.JSONDecodeError:
        doc = None
    files = doc.get("files") if isinstance(doc, dict) and doc.get("tool") == "corpus" else None
    if not isinstance(files, dict):
        raise OutputRefused(
            f"{where}: holds files (e.g. {first}) and is not the output of a build "
            "(no corpus manifest.json); a build replaces the whole folder: choose a new or empty --out"
        )
    names = itertools.chain([first], it)
    added = sorted(
        n for n in names if n != MANIFEST and n not in files and n.rsplit("/", 1)[-1] not in _OS_LITTER
    )
    if added:
        raise OutputRefused(
            f"{where}: holds {len(added)} file(s) the last build did not write (e.g. {added[0]}); a build "
            "replaces the whole folder: move them elsewhere or choose another --out"
        )


def check_local_output(out: Path) -> None:
    """`check_replaceable` for a local folder (a file in its place is refused too); and that a folder can be
    made beside it (OSError naming the parent), so a build fails before its work, not after."""
    out.parent.mkdir(parents=True, exist_ok=True)
    os.rmdir(tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=out.parent))
    if not os.path.lexists(out):
        return
    if not out.is_dir():
        raise OutputRefused(f"{out}: exists and is not a folder; choose another --out")
    names = (
        Path(os.path.relpath(os.path.join(d, n), out)).as_posix()
        for d, dirs, files in os.walk(out)  # links to folders are listed, never entered
        for n in files + [x for x in dirs if os.path.islink(os.path.join(d, x))]
    )

    def read() -> bytes | None:
        try:
            return (out / MANIFEST).read_bytes()
        except OSError:
            return None

    check_replaceable(str(out), names, read)


def _aside(out: Path) -> Path:
    return out.with_name(f".{out.name}.previous")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(out: Path) -> None:
    """Undo what a killed build left: bring the previous output back, drop dead builds' temp folders."""
    aside = _aside(out)
    if aside.exists() and not out.exists():
        os.replace(aside, out)
    elif aside.exists():
        shutil.rmtree(aside, ignore_errors=True)
    for tmp in out.parent.glob(f".{out.name}.building-*"):
        pid = tmp.name.removeprefix(f".{out.name}.building-").split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside `out`; on success it replaces `out`, on any error it vanishes."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    check_local_output(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:
        check_local_output(out)  # again: files may have been added to it while the build ran
    except OutputRefused:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    aside = _aside(out)
    if out.exists():
        os.replace(out, aside)
    os.replace(tmp, out)
    shutil.rmtree(aside, ignore_errors=True)
