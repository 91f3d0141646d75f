"""`corpus build` as passes over streams (see pipeline.build):

1. scan.py   per raw file: read, convert, check, cache the record; keep only small keys (FileKeys)
2. plan.py   global reductions over the keys: duplicate clusters, splits, rejects, shard plan (stats.py)
3. publish/  stream cached records into per-split Parquet shards, then card, croissant, manifest

Every step is a pure function of its inputs (plus the cache), so any engine (process pool, Dask) can run it.
"""
