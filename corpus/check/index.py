"""The persisted near-duplicate index of the whole raw corpus, in the cache dir.

Submission mode judges a few new files against a corpus of up to millions: rebuilding every key each
time would cost a full conversion, so keys are kept as .npy columns plus a JSON list of paths and
refreshed incrementally (only files whose size or mtime changed are read again).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np
import orjson

from corpus.check import sketch
from corpus.check.dedup import KeyTable
from corpus.check.run import check_file
from corpus.config import Config
from corpus.convert import CONVERTER_VERSION
from corpus.engines import Engine
from corpus.rawio import RawRef, discover

INDEX_VERSION = 1


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


def _meta(cfg: Config, root: Path) -> dict[str, object]:
    bands, rows = sketch.lsh_shape(cfg.near_duplicate_threshold)
    return {
        "version": INDEX_VERSION,
        "root": str(root),
        "threshold": cfg.near_duplicate_threshold,
        "shingle_words": cfg.shingle_words,
        "num_perm": sketch.NUM_PERM,
        "seed": sketch.SEED,
        "bands": bands,
        "rows": rows,
        "converter": CONVERTER_VERSION,
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
    except (OSError, ValueError):
        return None
    if not all(len(c) == len(rels) for c in cols.values()):
        return None
    return KeyTable(
        rels, Joined(root, rels), cols["body_hash"], cols["bands"], cols["size"], cols["mtime_ns"]
    )


def save_index(table: KeyTable, cfg: Config, root: Path) -> None:
    """Write to a temporary folder and swap it in, so a killed run never leaves half an index."""
    d = index_dir(cfg)
    tmp = d.with_name(d.name + f".tmp{os.getpid()}")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        (tmp / "meta.json").write_bytes(orjson.dumps(_meta(cfg, root)))
        (tmp / "rels.json").write_bytes(orjson.dumps(table.rels))
        for name in ("body_hash", "bands", "size", "mtime_ns"):
            np.save(tmp / f"{name}.npy", getattr(table, name))
        old = d.with_name(d.name + f".old{os.getpid()}")
        if d.exists():
            d.rename(old)
        tmp.rename(d)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # a read-only cache only costs speed next time


def refresh_index(cfg: Config, root: Path, engine: Engine) -> tuple[KeyTable, list[str]]:
    """The up-to-date index of every file under root, and every raw file's rel (for id clashes)."""
    root = root.resolve()
    refs = list(discover([root]))
    saved = load_index(cfg, root)
    known = {r: i for i, r in enumerate(saved.rels)} if saved is not None else {}
    keep: list[int] = []
    todo: list[RawRef] = []
    for ref in refs:
        i = known.get(ref.rel)
        if saved is not None and i is not None:
            try:
                st = os.lstat(ref.path)
            except OSError:
                continue
            if st.st_size == saved.size[i] and st.st_mtime_ns == saved.mtime_ns[i]:
                keep.append(i)
                continue
        todo.append(ref)
    nbands = sketch.lsh_shape(cfg.near_duplicate_threshold)[0]
    fresh = KeyTable.from_results(
        (_keys_only(r) for r in engine.map(partial(check_file, cfg=cfg), todo)), nbands
    )
    kept = subset(saved, np.array(keep, np.int64), root) if saved is not None else KeyTable.empty(nbands)
    rels = kept.rels + fresh.rels
    table = KeyTable(
        rels,
        Joined(root, rels),
        *(
            np.concatenate([getattr(kept, c), getattr(fresh, c)])
            for c in ("body_hash", "bands", "size", "mtime_ns")
        ),
    )
    if todo or saved is None or len(keep) != len(saved):
        save_index(table, cfg, root)
    return table, [r.rel for r in refs]


def subset(table: KeyTable, idx: np.ndarray, root: Path) -> KeyTable:
    """Rows `idx` of an index table, paths still computed on access."""
    rels = [table.rels[i] for i in idx.tolist()]
    return KeyTable(
        rels, Joined(root, rels), table.body_hash[idx], table.bands[idx], table.size[idx], table.mtime_ns[idx]
    )


def _keys_only(res):  # type: ignore[no-untyped-def]
    res.record = None
    res.problems = []
    return res
