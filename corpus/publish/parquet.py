"""Pass 3: stream cached records into one Parquet shard; content-addressed name, so nothing loads stale.

`datasets` caches a local folder by its card (datasets issue #2956): a shard's name carries the hash
of its bytes, so a rebuild with other content changes `data_files` and with it the cache key.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pj
import pyarrow.parquet as pq

from corpus.build.cache import SpillReader
from corpus.build.plan import Shard
from corpus.publish.arrow import ARROW_SCHEMA, schema_with_hf_metadata
from corpus.publish.manifest import file_sha256

WRITE_OPTIONS = {
    "compression": "zstd",
    "compression_level": 3,  # zstd's default: a third of level 6's CPU for 17% more bytes on news text
    "write_page_index": True,
    "use_content_defined_chunking": True,
    "write_statistics": True,
}


@dataclass(frozen=True, slots=True)
class WrittenShard:
    split: str
    name: str  # path relative to the output folder, e.g. data/train-00000-of-00001-<hash>.parquet
    rows: int
    num_bytes: int  # Arrow (in-memory) bytes: what `datasets` reports as a split's num_bytes
    sha256: str


def write_shard(shard: Shard, cache_dir: str, out_dir: str, schema: pa.Schema | None = None) -> WrittenShard:
    """Write one shard. Pass `schema` (schema_with_hf_metadata()) from the driver: deriving it imports
    `datasets`, which costs a worker process seconds."""
    data = Path(out_dir) / "data"
    data.mkdir(parents=True, exist_ok=True)
    tmp = data / f".{shard.stem}.parquet.tmp"
    schema = schema if schema is not None else schema_with_hf_metadata()
    rows = num_bytes = 0
    with pq.ParquetWriter(tmp, schema, **WRITE_OPTIONS) as writer, SpillReader(cache_dir) as spills:
        locs = shard.locs()
        for size in shard.row_groups:
            lines = b"".join(spills.read(next(locs)) for _ in range(size))
            table = records_table(lines).replace_schema_metadata(schema.metadata)
            writer.write_table(table, row_group_size=size)
            rows += table.num_rows
            num_bytes += table.nbytes
    digest = file_sha256(tmp)
    name = f"data/{shard.stem}-{digest[:12]}.parquet"
    os.replace(tmp, Path(out_dir) / name)
    return WrittenShard(shard.split, name, rows, num_bytes, digest)


_ENTRY_SCHEMA = pa.schema([("record", pa.struct(list(ARROW_SCHEMA)))])


def records_table(lines: bytes) -> pa.Table:
    """Cache entries (JSON Lines) -> Arrow table of their records, parsed in C++ with the explicit schema.

    About 20x faster and lighter than orjson + Table.from_pylist; the cast restores the non-null fields.
    """
    parse = pj.ParseOptions(explicit_schema=_ENTRY_SCHEMA, unexpected_field_behavior="ignore")
    read = pj.ReadOptions(use_threads=False, block_size=max(len(lines) + 1, 1 << 20))
    entries = pj.read_json(io.BytesIO(lines), parse_options=parse, read_options=read)
    records = entries.column("record").combine_chunks()
    return pa.Table.from_struct_array(records).cast(ARROW_SCHEMA)
