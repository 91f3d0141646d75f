"""The I/O edge that publishes a build: Parquet shards, dataset card, croissant.json, manifest, hub upload."""
