"""The persisted near-duplicate index of the whole raw corpus, in the cache dir.

Submission mode judges a few new files against a corpus of up to millions: rebuilding every key each
time would cost a full conversion, so keys are kept as .npy columns plus a JSON list of paths and
refreshed incrementally (only new files and files whose size changed are read again). Each file's
signature bytes (sig.u8, corpus.check.sigs) let confirmation drop most candidates without reading the old
article; an index saved without them (an older version) still works, its rows confirmed by re-reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import shutil
from array import array
from collections.abc import Iterator, Sequence
from functools import cache, partial
from pathlib import Path

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from corpus.check import sketch
from corpus.check.columns import BandFiles, Picked, Selected, StrColumn, scratch_dir, write_bands
from corpus.check.dedup import KeyTable, id_of
from corpus.check.run import FileResult, check_file
from corpus.check.sigs import SIG_FILE, SelectedSigs, SigFile, write_sigs
from corpus.config import Config
from corpus.convert import CONVERTER_VERSION
from corpus.engines import Engine
from corpus.rawio import RAW_SUFFIX, RawRef

INDEX_VERSION = 2
_COLUMNS = ("body_hash", "size", "mtime_ns")


class Joined(Sequence[str]):
    """root/rel paths computed on access: a million path strings would cost ~100 MB for nothing."""

    def __init__(self, root: Path, rels: Sequence[str]) -> None:
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
    """The saved index if it was made with the same settings and converter, else None.

    Rels come back as one buffer, the numbers as arrays (~40 bytes a row), and the band keys stay in
    their files, read a band at a time by the duplicate search."""
    d = index_dir(cfg)
    try:
        if orjson.loads((d / "meta.json").read_bytes()) != _meta(cfg, root):
            return None
        rels = StrColumn.load(d, "rels")
        cols = {n: np.load(d / f"{n}.npy") for n in _COLUMNS}
    except (OSError, ValueError, EOFError):
        return None
    bands = BandFiles(d, sketch.lsh_shape(cfg.near_duplicate_threshold)[0], len(rels))
    if not all(len(c) == len(rels) for c in cols.values()) or not bands.valid():
        return None
    sigs = SigFile(d / SIG_FILE, len(rels))  # missing in an older index: every candidate is read then
    return KeyTable(
        rels,
        Joined(root, rels),
        cols["body_hash"],
        bands,
        cols["size"],
        cols["mtime_ns"],
        sigs if sigs.valid() else None,
    )


def _load_keyless(cfg: Config) -> dict[str, list[int]]:
    try:
        data = orjson.loads((index_dir(cfg) / "keyless.json").read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_index(table: KeyTable, cfg: Config, root: Path, keyless: dict[str, list[int]] | None = None) -> bool:
    """Write to a temporary folder and swap it in, so a killed run never leaves half an index.

    Band keys are copied a band at a time; the table's own band files are left as they are."""
    d = index_dir(cfg)
    tmp = d.with_name(d.name + f".tmp{os.getpid()}")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        (tmp / "meta.json").write_bytes(orjson.dumps(_meta(cfg, root)))
        rels = table.rels if isinstance(table.rels, StrColumn) else StrColumn(table.rels)
        rels.save(tmp, "rels")
        del rels
        (tmp / "keyless.json").write_bytes(orjson.dumps(keyless or {}))
        for name in _COLUMNS:
            np.save(tmp / f"{name}.npy", getattr(table, name))
        write_bands(tmp, table.band_columns)
        if table.sigs is not None:
            write_sigs(tmp, [(table.sigs, len(table))])
        old = d.with_name(d.name + f".old{os.getpid()}")
        if d.exists():
            d.rename(old)
        tmp.rename(d)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, TypeError):
        shutil.rmtree(tmp, ignore_errors=True)  # a read-only cache only costs speed next time
        return False
    return True


def _walk(root: Path) -> Iterator[tuple[str, int, int]]:
    """(rel, size, mtime_ns) of every raw file under root, links included but never followed; each
    folder's entries in name order, subfolders after its files (deepest last listed first).

    Plain strings and scandir, not pathlib: a million files walk in seconds, not tens of seconds. A folder's
    names are kept as Arrow columns while it is sorted (~50 bytes a file), not as DirEntry objects (~300).
    """
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            dirs, files = _listing(folder)
        except OSError:
            continue
        for name in dirs:
            stack.append((prefix + name + "/", os.path.join(folder, name)))
        for name, size, mtime in files:
            yield prefix + name, size, mtime


_CHUNK = 65_536


def _listing(folder: str) -> tuple[list[str], Iterator[tuple[str, int, int]]]:
    """Subfolder names (sorted) and (name, size, mtime_ns) of the raw files (sorted by name) of a folder."""
    dirs: list[str] = []
    chunks: list[pa.Array] = []
    sizes, mtimes = array("q"), array("q")
    names: list[str] = []
    plain = True  # every name valid UTF-8: Arrow's byte order is Python's code point order

    def flush() -> None:
        nonlocal plain
        if names and plain:
            try:
                chunks.append(pa.array(names, pa.string()))
            except (UnicodeEncodeError, pa.ArrowException):
                plain = False
        if plain:
            names.clear()

    with os.scandir(folder) as it:
        for e in it:
            if e.is_dir(follow_symlinks=False):
                dirs.append(e.name)
            elif e.name.endswith(RAW_SUFFIX):
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    continue
                names.append(e.name)
                sizes.append(st.st_size)
                mtimes.append(st.st_mtime_ns)
                if len(names) >= _CHUNK:
                    flush()
    flush()
    dirs.sort()
    size_col = np.frombuffer(sizes, np.int64) if len(sizes) else np.zeros(0, np.int64)
    mtime_col = np.frombuffer(mtimes, np.int64) if len(mtimes) else np.zeros(0, np.int64)
    if not plain:  # undecodable names (surrogate escapes): Python's own order, on a list
        every = [n for c in chunks for n in c.to_pylist()] + names
        order = sorted(range(len(every)), key=every.__getitem__)
        return dirs, ((every[i], int(size_col[i]), int(mtime_col[i])) for i in order)
    column = pa.chunked_array(chunks, pa.string())
    order = pc.sort_indices(column).to_numpy()

    def rows() -> Iterator[tuple[str, int, int]]:
        for start in range(0, len(order), _CHUNK):
            idx = order[start : start + _CHUNK]
            got = column.take(pa.array(idx)).to_pylist()
            yield from zip(got, size_col[idx].tolist(), mtime_col[idx].tolist(), strict=True)

    return dirs, rows()


class _Lookup:
    """rel -> row of a saved index, by sorted 64-bit hashes (no dict of a million strings)."""

    def __init__(self, rels: Sequence[str]) -> None:
        self.rels = rels
        hashes = np.fromiter((hash(r) for r in rels), np.int64, len(rels))
        self.order = np.argsort(hashes)
        self.sorted = hashes[self.order]

    def find(self, rels: list[str]) -> np.ndarray:
        """The row of each rel, -1 where there is none."""
        out = np.full(len(rels), -1, np.int64)
        if not len(self.sorted):
            return out
        hashes = np.fromiter((hash(r) for r in rels), np.int64, len(rels))
        pos = np.searchsorted(self.sorted, hashes)
        hit = np.flatnonzero(self.sorted[np.minimum(pos, len(self.sorted) - 1)] == hashes)
        for q in hit.tolist():
            p = int(pos[q])
            while p < len(self.sorted) and self.sorted[p] == hashes[q]:  # equal hashes: compare the text
                i = int(self.order[p])
                if self.rels[i] == rels[q]:
                    out[q] = i
                    break
                p += 1
        return out


def refresh_index(
    cfg: Config, root: Path, engine: Engine, want_ids: set[str] | None = None
) -> tuple[KeyTable, list[str]]:
    """The up-to-date index of every file under root, and the rels of raw files whose case-folded id is
    in `want_ids` (every rel when None): what the id-clash check needs, not a list of a million rels."""
    root = root.resolve()
    saved = load_index(cfg, root)
    known: _Lookup | None = None  # built only if the walk leaves the index's own order
    keyless_before = _load_keyless(cfg) if saved is not None else {}
    keyless: dict[str, list[int]] = {}
    keep = array("q")
    todo: list[RawRef] = []
    found_rels: list[str] = []
    walked = _walk(root)
    ptr = 0  # the index row the walk is expected to reach next
    while chunk := list(itertools.islice(walked, _CHUNK)):  # a chunk at a time: lookups in numpy
        rels = [c[0] for c in chunk]
        if want_ids is None:
            found_rels.extend(rels)
        elif want_ids:
            found_rels.extend(r for r in rels if id_of(r).casefold() in want_ids)
        rows = np.full(len(rels), -1, np.int64)
        if saved is not None:
            # The index lists the files in the order a walk finds them: follow it row by row, and look a
            # rel up by hash only where the walk leaves that order (a new, removed or moved file).
            for q, rel in enumerate(rels):
                if ptr < len(saved) and saved.rels[ptr] == rel:
                    rows[q] = ptr
                    ptr += 1
                    continue
                known = known or _Lookup(saved.rels)
                i = int(known.find([rel])[0])
                if i >= 0:
                    rows[q], ptr = i, i + 1
        sizes = np.fromiter((c[1] for c in chunk), np.int64, len(chunk))
        # The size, not the mtime, says a file changed: a fresh clone in CI gives every file a new
        # mtime, and rebuilding a million keys for that would defeat the cache. An edit that keeps
        # the size exactly is caught by the next whole-corpus run (duplicates are confirmed on the
        # current text anyway, so a stale key can only miss a pair, never invent one).
        same = rows >= 0
        if saved is not None:
            same[same] = sizes[same] == saved.size[rows[same]]
        keep.extend(rows[same].tolist())
        for q in np.flatnonzero(~same).tolist():
            rel, size, mtime = chunk[q]
            if keyless_before.get(rel, [None])[0] == size:
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

    fresh = KeyTable.from_results(checked(), nbands, scratch=Path(cfg.cache_dir))
    if saved is not None and not len(fresh) and len(keep) == len(saved):
        if keyless != keyless_before:
            _save_keyless(cfg, keyless)
        return saved, found_rels  # nothing changed (the common case): no copy of a million rows
    idx = np.frombuffer(keep, np.int64) if len(keep) else np.zeros(0, np.int64)
    kept = subset(saved, idx, root) if saved is not None else KeyTable.empty(nbands)
    del saved
    all_rels = StrColumn(itertools.chain(kept.rels, fresh.rels))
    cols = [np.concatenate([getattr(kept, c), getattr(fresh, c)]) for c in _COLUMNS]
    bands = write_bands(scratch_dir(Path(cfg.cache_dir)), kept.band_columns, extra=fresh.band_columns)
    bands = BandFiles(bands.folder, bands.nbands, bands.n, owned=True)
    sigs = None  # rows of an index saved without signatures stay unknown (zeros): read to confirm them
    if fresh.sigs is not None or kept.sigs is not None:
        sigs = write_sigs(bands.folder, [(kept.sigs, len(kept)), (fresh.sigs, len(fresh))])
    del kept, fresh
    table = KeyTable(all_rels, Joined(root, all_rels), cols[0], bands, cols[1], cols[2], sigs)
    save_index(table, cfg, root, keyless)
    return table, found_rels


def _save_keyless(cfg: Config, keyless: dict[str, list[int]]) -> None:
    with contextlib.suppress(OSError):  # a read-only cache only costs speed next time
        (index_dir(cfg) / "keyless.json").write_bytes(orjson.dumps(keyless))


def subset(table: KeyTable, idx: np.ndarray, root: Path) -> KeyTable:
    """Rows `idx` of an index table, read on access: rels, paths and band keys are not copied."""
    rels = Picked(table.rels, idx)
    return KeyTable(
        rels,
        Joined(root, rels),
        table.body_hash[idx],
        Selected(table.band_columns, idx),
        table.size[idx],
        table.mtime_ns[idx],
        SelectedSigs(table.sigs, idx) if table.sigs is not None else None,
    )
