"""The incremental cache: spill files of converted records, and an index from raw file to its entry.

Pass 1 writes one spill file per batch (JSON Lines, one entry per readable raw file: the record, its
problems and its duplicate keys). A spill is named by the hash of its entries' keys, and a key covers
everything an entry depends on (raw sha256, sidecar, id, path, converter and check versions), so a
spill with that name never needs writing twice. The index maps each raw path to the key and location
of its last entry; a file whose key is unchanged is copied from there instead of converted again.
Creating a file costs about a millisecond on this machine's filesystem, hence batches, not one file
per article. Pass 3 streams records from the spills, so they double as the build's record store.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

BASE = "build"  # beside validate's dedup-index in the same cache folder
INDEX = "index.parquet"
SPILLS = "spill"


@dataclass(frozen=True, slots=True)
class Loc:
    """Where an entry lies: spill file name, byte offset, byte length."""

    spill: str
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class Prior:
    """The index's word on one raw path: its last key (first 16 bytes) and where that entry lies."""

    key16: bytes
    loc: Loc


class CacheBusy(Exception):
    """Another build holds this cache."""


def entry_key(fingerprint: str, id: str, rel: str, raw_sha256: str, meta: dict[str, Any] | None) -> bytes:
    meta_bytes = orjson.dumps(meta, option=orjson.OPT_SORT_KEYS) if meta is not None else b"-"
    h = hashlib.sha256()
    for part in (fingerprint.encode(), id.encode(), rel.encode(), raw_sha256.encode(), meta_bytes):
        h.update(part)
        h.update(b"\0")
    return h.digest()


def rel_hash(rel: str) -> int:
    return int.from_bytes(hashlib.blake2b(rel.encode(), digest_size=8).digest(), "little")


def spill_dir(cache_dir: str) -> Path:
    return Path(cache_dir) / BASE / SPILLS


def spill_name(keys: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for k in keys:
        h.update(k)
    return h.hexdigest()[:32] + ".jsonl"


def write_spill(cache_dir: str, name: str, lines: Sequence[bytes]) -> None:
    """Write a spill atomically, unless one with this name (hence these contents) is already there, whole:
    a spill cut short (a full disk, a damaged cache) is what pass 1 just re-converted, so it is written again."""
    path = spill_dir(cache_dir) / name
    with contextlib.suppress(OSError):
        if path.stat().st_size == sum(len(line) for line in lines):
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.writelines(lines)
    os.replace(tmp, path)


class SpillReader:
    """Reads entries by location, keeping a few spill files open (reads are mostly sequential)."""

    def __init__(self, cache_dir: str, max_open: int = 8) -> None:
        self.dir = spill_dir(cache_dir)
        self.max_open = max_open
        self._open: dict[str, IO[bytes]] = {}

    def read(self, loc: Loc) -> bytes:
        fh = self._open.get(loc.spill)
        if fh is None:
            if len(self._open) >= self.max_open:
                self._open.pop(next(iter(self._open))).close()
            fh = self._open[loc.spill] = (self.dir / loc.spill).open("rb")
        fh.seek(loc.offset)
        data = fh.read(loc.length)
        if len(data) != loc.length:
            raise RuntimeError(f"cache spill {loc.spill} is truncated; delete the cache folder and rebuild")
        return data

    def close(self) -> None:
        for fh in self._open.values():
            fh.close()
        self._open.clear()

    def __enter__(self) -> SpillReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PriorIndex:
    """The previous build's index as sorted numpy columns (~44 bytes per raw file, no Python object each)."""

    def __init__(self, table: pa.Table | None) -> None:
        if table is None or table.num_rows == 0:
            self.hashes = np.zeros(0, np.uint64)
            return
        hashes = table.column("rel_hash").to_numpy()
        order = np.argsort(hashes, kind="stable")
        self.hashes = hashes[order]
        key16 = table.column("key16").combine_chunks()
        self.key16 = np.frombuffer(key16.buffers()[1], np.uint8)[key16.offset * 16 :][: len(key16) * 16]
        self.key16 = self.key16.reshape(-1, 16)[order]
        spills = table.column("spill")
        if not pa.types.is_dictionary(spills.type):
            spills = spills.dictionary_encode()
        spills = spills.unify_dictionaries() if isinstance(spills, pa.ChunkedArray) else spills
        chunks = spills.chunks if isinstance(spills, pa.ChunkedArray) else [spills]
        self.spill_names = chunks[0].dictionary.to_pylist() if chunks else []
        self.spill_ids = np.concatenate([c.indices.to_numpy() for c in chunks])[order]
        self.offsets = table.column("offset").to_numpy()[order]
        self.lengths = table.column("length").to_numpy()[order]

    @classmethod
    def load(cls, cache_dir: str) -> PriorIndex:
        path = Path(cache_dir) / BASE / INDEX
        try:
            return cls(pq.read_table(path, read_dictionary=["spill"]))
        except (FileNotFoundError, pa.ArrowInvalid, OSError):
            return cls(None)  # no or damaged index: everything converts afresh

    def lookup(self, rels: Sequence[str]) -> list[Prior | None]:
        if not len(self.hashes):
            return [None] * len(rels)
        wanted = np.array([rel_hash(r) for r in rels], np.uint64)
        pos = np.minimum(np.searchsorted(self.hashes, wanted), len(self.hashes) - 1)
        out: list[Prior | None] = []
        for i, p in enumerate(pos.tolist()):
            if self.hashes[p] != wanted[i]:
                out.append(None)
                continue
            loc = Loc(self.spill_names[self.spill_ids[p]], int(self.offsets[p]), int(self.lengths[p]))
            out.append(Prior(self.key16[p].tobytes(), loc))
        return out


INDEX_SCHEMA = pa.schema(
    [
        ("rel_hash", pa.uint64()),
        ("key16", pa.binary(16)),
        ("spill", pa.string()),
        ("offset", pa.int64()),
        ("length", pa.int64()),
    ]
)


class IndexWriter:
    """Writes the new index batch by batch as pass 1 returns, so the driver keeps no column for it;
    `close` swaps it in and deletes the spills nobody points to any more."""

    ROW_GROUP = 16_384

    def __init__(self, cache_dir: str) -> None:
        self.cache_dir = cache_dir
        self.path = Path(cache_dir) / BASE / INDEX
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_suffix(".tmp")
        self._writer = pq.ParquetWriter(self.tmp, INDEX_SCHEMA, compression="zstd")
        self.live: set[str] = set()
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0

    def add(
        self, rel_hash: pa.Array, key16: pa.Array, spill: str, offset: pa.Array, length: pa.Array
    ) -> None:
        """One batch's rows (those with a cache entry: key16 not null) and its spill file."""
        valid = pc.is_valid(key16)
        if not pc.any(valid).as_py():
            return
        self.live.add(spill)
        m = len(key16)
        cols = [rel_hash, key16, pa.array([spill] * m, pa.string()), offset, length]
        batch = pa.RecordBatch.from_arrays(
            [c.cast(f.type) for c, f in zip(cols, INDEX_SCHEMA, strict=True)], schema=INDEX_SCHEMA
        )
        self._pending.append(batch.filter(valid))
        self._pending_rows += self._pending[-1].num_rows
        if self._pending_rows >= self.ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        """One row group per ROW_GROUP rows, not per batch: the writer keeps every row group's metadata
        (a few KB) until it closes: ~20 MB of the driver at a million files in batches of 256."""
        if self._pending:
            self._writer.write_table(pa.Table.from_batches(self._pending, INDEX_SCHEMA))
            self._pending, self._pending_rows = [], 0

    def close(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self.tmp, self.path)
        for f in spill_dir(self.cache_dir).glob("*"):
            if f.name not in self.live:
                f.unlink(missing_ok=True)

    def abort(self) -> None:
        self._writer.close()
        self.tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def locked(cache_dir: str, timeout: float = 3600.0) -> Iterator[None]:
    """One build per cache at a time (a second would delete spills the first still needs): wait for it.

    Builds started together (CI jobs, parallel tests sharing a working directory) run one after the other;
    only a build still waiting after `timeout` seconds gives up.
    """
    (Path(cache_dir) / BASE).mkdir(parents=True, exist_ok=True)
    with open(Path(cache_dir) / BASE / ".lock", "wb") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise CacheBusy(
                        f"{cache_dir}: another build has held this cache for over {timeout:.0f} s; "
                        "wait for it or pass --cache-dir"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
