"""`--changed-since REF`: the raw files a branch added or changed, according to git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from corpus.check.raw import is_hidden_folder, is_other_file
from corpus.rawio import META_SUFFIX, RAW_SUFFIX


class GitError(Exception):
    """git is missing, this is not a repository, or REF does not exist: a usage error (exit 2)."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as e:
        raise GitError(f"cannot run git ({e.strerror}); install git or name the files instead") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["git failed"])[0]
        raise GitError(f"git {' '.join(args[:2])}: {first}")
    return done.stdout


def changed_files(ref: str, raw_dir: Path) -> list[Path]:
    """Added, copied, modified or renamed raw files and sidecars under raw_dir since REF, plus untracked ones."""
    raw_dir = raw_dir.resolve()
    if not raw_dir.is_dir():
        raise GitError(f"{raw_dir}: raw folder not found; set [tool.corpus] raw_dir")
    top = Path(_git(["rev-parse", "--show-toplevel"], raw_dir).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise GitError(f"unknown git revision {ref!r}; name a branch, tag or commit") from None
    diff = _git(["diff", "--name-only", "-z", "--diff-filter=ACMRT", ref, "--", str(raw_dir)], top)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--", str(raw_dir)], top)
    names = {n for n in (diff + untracked).split("\0") if n}
    out = []
    for n in sorted(names):
        other = is_other_file(Path(n).name) and not is_hidden_folder(str(Path(n).parent))
        if n.endswith((RAW_SUFFIX, META_SUFFIX)) or other:  # other files: R014, not silence
            out.append(top / n)
    return out
