"""The persisted near-duplicate index of the whole raw corpus, in the cache dir.

Submission mode judges a few new files against a corpus of up to millions: rebuilding every key each
time would cost a full conversion, so keys are kept as .npy columns plus a JSON list of paths and
refreshed incrementally (only new files and files whose size changed are read again).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator, Sequence
from functools import cache, partial
from pathlib import Path

import numpy as np
import orjson

from corpus.check import sketch
from corpus.check.dedup import KeyTable
from corpus.check.run import FileResult, check_file
from corpus.config import Config
from corpus.convert import CONVERTER_VERSION
from corpus.engines import Engine
from corpus.rawio import RAW_SUFFIX, RawRef

INDEX_VERSION = 1
_COLUMNS = ("body_hash", "bands", "size", "mtime_ns")


class Joined(Sequence[str]):
    """root/rel paths computed on access: a million path strings would cost ~100 MB for nothing."""

    def __init__(self, root: Path, rels: list[str]) -> None:
        self.root, self.rels = root, rels

    def __len__(self) -> int:
        return len(self.rels)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [str(self.root / r) for r in self.rels[i]]
        return str(self.root / self.rels[i])


def index_dir(cfg: Config) -> Path:
    return Path(cfg.cache_dir) / "dedup-index"


@cache
def converter_fingerprint() -> str:
    """Version plus a hash of the converter's code and tables: a changed rule means changed bodies."""
    import corpus.convert as conv

    h = hashlib.sha256(CONVERTER_VERSION.encode())
    base = Path(conv.__file__).parent
    for f in sorted(base.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".toml", ".txt", ".json"):
            h.update(f.relative_to(base).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _meta(cfg: Config, root: Path) -> dict[str, object]:
    bands, rows = sketch.lsh_shape(cfg.near_duplicate_threshold)
    return {
        "version": INDEX_VERSION,
        "root": str(root),
        "threshold": cfg.near_duplicate_threshold,
        "shingle_words": cfg.shingle_words,
        "num_perm": sketch.NUM_PERM,
        "seed": sketch.SEED,
        "sketch": sketch.VERSION,
        "bands": bands,
        "rows": rows,
        "converter": converter_fingerprint(),
        "max_bytes": cfg.max_bytes,
    }


def load_index(cfg: Config, root: Path) -> KeyTable | None:
    """The saved index if it was made with the same settings and converter, else None."""
    d = index_dir(cfg)
    try:
        if orjson.loads((d / "meta.json").read_bytes()) != _meta(cfg, root):
            return None
        rels = orjson.loads((d / "rels.json").read_bytes())
        cols = {n: np.load(d / f"{n}.npy") for n in ("body_hash", "bands", "size", "mtime_ns")}
    except (OSError, ValueError, EOFError):
        return None
    if not all(len(c) == len(rels) for c in cols.values()):
        return None
    return KeyTable(
        rels, Joined(root, rels), cols["body_hash"], cols["bands"], cols["size"], cols["mtime_ns"]
    )


def _load_keyless(cfg: Config) -> dict[str, list[int]]:
    try:
        data = orjson.loads((index_dir(cfg) / "keyless.json").read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_index(table: KeyTable, cfg: Config, root: Path, keyless: dict[str, list[int]] | None = None) -> None:
    """Write to a temporary folder and swap it in, so a killed run never leaves half an index."""
    d = index_dir(cfg)
    tmp = d.with_name(d.name + f".tmp{os.getpid()}")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        (tmp / "meta.json").write_bytes(orjson.dumps(_meta(cfg, root)))
        (tmp / "rels.json").write_bytes(orjson.dumps(table.rels))
        (tmp / "keyless.json").write_bytes(orjson.dumps(keyless or {}))
        for name in ("body_hash", "bands", "size", "mtime_ns"):
            np.save(tmp / f"{name}.npy", getattr(table, name))
        old = d.with_name(d.name + f".old{os.getpid()}")
        if d.exists():
            d.rename(old)
        tmp.rename(d)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, TypeError):
        shutil.rmtree(tmp, ignore_errors=True)  # a read-only cache only costs speed next time


def _walk(root: Path) -> Iterator[tuple[str, int, int]]:
    """(rel, size, mtime_ns) of every raw file under root, links included but never followed.

    Plain strings and scandir, not pathlib: a million files walk in seconds, not tens of seconds.
    """
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                stack.append((prefix + e.name + "/", e.path))
            elif e.name.endswith(RAW_SUFFIX):
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    continue
                yield prefix + e.name, st.st_size, st.st_mtime_ns


def refresh_index(cfg: Config, root: Path, engine: Engine) -> tuple[KeyTable, list[str]]:
    """The up-to-date index of every file under root, and every raw file's rel (for id clashes)."""
    root = root.resolve()
    saved = load_index(cfg, root)
    known = {r: i for i, r in enumerate(saved.rels)} if saved is not None else {}
    keyless_before = _load_keyless(cfg) if saved is not None else {}
    keyless: dict[str, list[int]] = {}
    keep: list[int] = []
    todo: list[RawRef] = []
    all_rels: list[str] = []
    for rel, size, mtime in _walk(root):
        all_rels.append(rel)
        i = known.get(rel)
        # The size, not the mtime, says a file changed: a fresh clone in CI gives every file a new
        # mtime, and rebuilding a million keys for that would defeat the cache. An edit that keeps
        # the size exactly is caught by the next whole-corpus run (duplicates are confirmed on the
        # current text anyway, so a stale key can only miss a pair, never invent one).
        if saved is not None and i is not None and size == saved.size[i]:
            keep.append(i)
        elif keyless_before.get(rel, [None])[0] == size:
            keyless[rel] = [size, mtime]  # unreadable or empty last time and unchanged: no keys still
        else:
            todo.append(RawRef(root, root / rel))
    del known
    nbands = sketch.lsh_shape(cfg.near_duplicate_threshold)[0]

    def checked() -> Iterator[FileResult]:
        for res in engine.map(partial(check_file, cfg=cfg), todo):
            if res.body_hash is None:
                keyless[res.rel] = [res.size, res.mtime_ns]
            res.record, res.problems = None, []
            yield res

    fresh = KeyTable.from_results(checked(), nbands)
    if saved is not None and not len(fresh) and len(keep) == len(saved):
        table, changed = saved, False  # nothing changed (the common case): no copy of a million rows
    else:
        changed = True
        kept = subset(saved, np.array(keep, np.int64), root) if saved is not None else KeyTable.empty(nbands)
        del saved
        rels = kept.rels + fresh.rels
        cols = [np.concatenate([getattr(kept, c), getattr(fresh, c)]) for c in _COLUMNS]
        del kept
        table = KeyTable(rels, Joined(root, rels), *cols)
    if changed or keyless != keyless_before:
        save_index(table, cfg, root, keyless)
    return table, all_rels


def subset(table: KeyTable, idx: np.ndarray, root: Path) -> KeyTable:
    """Rows `idx` of an index table, paths still computed on access."""
    rels = [table.rels[i] for i in idx.tolist()]
    return KeyTable(
        rels, Joined(root, rels), table.body_hash[idx], table.bands[idx], table.size[idx], table.mtime_ns[idx]
    )
