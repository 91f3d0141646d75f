"""`corpus build` as passes over streams (composed by pipeline.build):

1. scan.py      per batch of raw files, on the engine: read, check (checking.py = validate's checks),
                spill the records to the cache (cache.py); return only key columns (scan.KEY_SCHEMA)
2. plan.py      global reductions over the keys: rejects, duplicates, splits (corpus/split.py),
                statistics (stats.py, a mergeable aggregate), shard plan
3. publish/     per shard, on the engine: stream cached records into Parquet; then card, croissant,
                manifest, and the atomic swap

Pass 1 and 3 functions are picklable and touch only files (raw, cache, output), so the process pool and
Dask run them alike; the driver holds keys (a few hundred bytes a file), never the records.
"""
