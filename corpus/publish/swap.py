"""Build into a temporary folder beside the output and swap it in, so a crash never leaves half a dataset.

The previous folder is renamed aside, the new one renamed in, then the old one removed. If the process
dies between the two renames, the next build finds the aside copy and restores it before anything else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out.exists() and not out.is_dir():
        shutil.rmtree(tmp, ignore_errors=True)
        raise NotADirectoryError(f"{out}: exists and is not a folder; choose another --out")
    aside = _aside(out)
    if out.exists():
        os.replace(out, aside)
    os.replace(tmp, out)
    shutil.rmtree(aside, ignore_errors=True)
