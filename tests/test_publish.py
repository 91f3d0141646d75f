"""The published files themselves: Parquet layout, Arrow schema vs JSON Schema, croissant, push, CLI."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from buildkit import add_bad_files, make_corpus, run_build
from typer.testing import CliRunner

from corpus.cli import app
from corpus.publish.arrow import ARROW_SCHEMA
from corpus.schema import article_schema


@pytest.fixture
def built(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    make_corpus(raw, 12)
    out = tmp_path / "dist"
    run_build(raw, out, tmp_path / "cache")
    return out


def _arrow_shape(t: pa.DataType) -> object:
    if pa.types.is_struct(t):
        return {t.field(i).name: _arrow_shape(t.field(i).type) for i in range(t.num_fields)}
    if pa.types.is_list(t):
        return [_arrow_shape(t.value_type)]
    return "integer" if pa.types.is_integer(t) else "string"


def _json_shape(spec: dict) -> object:
    types = spec.get("type", "string")
    base = next((x for x in ([types] if isinstance(types, str) else types) if x != "null"), "string")
    if base == "object":
        return {k: _json_shape(v) for k, v in spec["properties"].items()}
    if base == "array":
        return [_json_shape(spec["items"])]
    return "integer" if base == "integer" else "string"


def test_arrow_schema_mirrors_json_schema() -> None:
    schema = article_schema()
    assert [f.name for f in ARROW_SCHEMA] == list(schema["properties"])
    assert {f.name: _arrow_shape(f.type) for f in ARROW_SCHEMA} == _json_shape(schema)


def test_parquet_layout(built: Path) -> None:
    shards = sorted((built / "data").glob("*.parquet"))
    assert shards
    for path in shards:
        split, index, _, count, digest = path.stem.split("-")
        assert split in {"train", "validation", "test"} and len(index) == len(count) == 5
        assert len(digest) == 12
        meta = pq.ParquetFile(path).metadata
        assert meta.num_row_groups >= 1
        column = meta.row_group(0).column(0)
        assert column.compression == "ZSTD" and column.has_offset_index
        assert pq.read_schema(path).remove_metadata() == ARROW_SCHEMA
    card = (built / "README.md").read_text()
    front = card.split("---\n")[1]
    assert "sequence" not in front and "list:" in front and "struct:" in front
    assert "num_examples" in front and "num_bytes" in front


def test_small_row_groups_and_shards_are_cut_by_size(tmp_path: Path) -> None:
    from corpus.config import Config

    raw = tmp_path / "raw"
    make_corpus(raw, 30)
    cfg = Config(shard_bytes=20_000, row_group_bytes=6_000, splits={"train": 1.0})
    run_build(raw, tmp_path / "dist", tmp_path / "cache", cfg=cfg)
    shards = sorted((tmp_path / "dist" / "data").glob("train-*.parquet"))
    assert len(shards) > 1
    assert all(f"-of-{len(shards):05d}-" in p.name for p in shards)
    assert all(pq.ParquetFile(p).metadata.num_row_groups > 1 for p in shards[:-1])
    ids = [i for p in shards for i in pq.read_table(p, columns=["id"]).column("id").to_pylist()]
    assert ids == sorted(ids) and len(ids) == 30


def test_croissant_validates_and_reads_records(built: Path) -> None:
    import mlcroissant as mlc

    ds = mlc.Dataset(jsonld=str(built / "croissant.json"))
    records = list(itertools.islice(ds.records("articles"), 2))
    assert records[0]["articles/id"] == b"art0000"
    assert records[0]["articles/split"] in (b"train", b"validation", b"test")
    assert set(records[0]["articles/source"]) == {
        f"articles/source/{k}" for k in ("file", "sha256", "url", "publisher")
    }


def test_push_uploads_the_folder(built: Path, monkeypatch) -> None:
    from huggingface_hub import HfApi

    calls: list[dict] = []
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setattr(
        HfApi, "create_repo", lambda self, repo_id, **kw: calls.append({"create": repo_id, **kw})
    )

    def fake_upload(self, **kw):
        calls.append(kw)
        return "https://huggingface.co/datasets/org/name/commit/abc"

    monkeypatch.setattr(HfApi, "upload_folder", fake_upload)
    result = CliRunner().invoke(app, ["push", "--repo", "org/name", "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert calls[0]["create"] == "org/name" and calls[0]["repo_type"] == "dataset"
    assert calls[1]["folder_path"] == str(built) and calls[1]["repo_id"] == "org/name"
    assert calls[1]["repo_type"] == "dataset"


def test_push_refuses_unbuilt_folder_and_bad_repo(tmp_path: Path, built: Path) -> None:
    r = CliRunner().invoke(app, ["push", "--repo", "org/name", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "corpus build" in r.output
    r = CliRunner().invoke(app, ["push", "--repo", "noslash", "--out", str(built)])
    assert r.exit_code == 2 and "ORG/NAME" in r.output


def test_cli_build_reports_counts_and_exit_code(tmp_path: Path, monkeypatch) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 6)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["build", "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert "6 raw files = 6 published" in r.output and (tmp_path / "dist" / "README.md").is_file()
    add_bad_files(raw)
    r = CliRunner().invoke(app, ["build", str(raw), "--out", "out2", "--workers", "2"])
    assert r.exit_code == 1
    assert "9 raw files = 6 published" in r.output and "+ 3 rejected" in r.output
    assert f"rejected: {raw / 'bad_empty.txt'}: R004" in r.output

    # the process pool (out2) publishes the same shards, byte for byte, as in-process (dist)
    def shards(folder: str) -> dict[str, dict]:
        files = json.loads((tmp_path / folder / "manifest.json").read_text())["files"]
        return {k: v for k, v in files.items() if k.startswith("data/")}

    assert shards("dist") == shards("out2")
    r = CliRunner().invoke(app, ["build", str(raw), "--out", "out3", "--strict"])
    assert r.exit_code == 1 and not (tmp_path / "out3").exists()
    r = CliRunner().invoke(app, ["build", "missing"])
    assert r.exit_code == 2


def test_shard_metadata_features_need_no_datasets_import() -> None:
    """The shards' `huggingface` metadata is made without `datasets`, and says what `datasets` would."""
    from corpus.publish.arrow import features_dict, hf_features, schema_with_hf_metadata

    assert features_dict() == hf_features().to_dict()
    meta = json.loads(schema_with_hf_metadata().metadata[b"huggingface"])
    assert meta == {"info": {"features": hf_features().to_dict()}}


def test_row_groups_parsed_in_pieces_hold_the_same_rows(tmp_path: Path, monkeypatch) -> None:
    """A row group is parsed from the cache a piece at a time; one record a piece or all at once, the
    shards hold the same rows in the same row groups (row_group_bytes decides those, never the pieces)."""
    import corpus.publish.parquet as parquet
    from corpus.config import Config

    raw = tmp_path / "raw"
    make_corpus(raw, 30)
    cfg = Config(row_group_bytes=6_000, shard_bytes=40_000)
    tables = []
    for piece in (1, 1 << 40):
        monkeypatch.setattr(parquet, "PIECE_BYTES", piece)
        out = tmp_path / f"dist-{piece}"
        run_build(raw, out, tmp_path / f"cache-{piece}", cfg)
        files = [pq.ParquetFile(p) for p in sorted((out / "data").glob("*.parquet"))]
        assert len(files) > 1 and any(f.metadata.num_row_groups > 2 for f in files)
        tables.append([(f.metadata.num_row_groups, f.read()) for f in files])
    (one_each, whole) = tables
    assert [g for g, _ in one_each] == [g for g, _ in whole]
    assert all(a.equals(b) for (_, a), (_, b) in zip(one_each, whole, strict=True))
    assert all(t.schema.equals(ARROW_SCHEMA, check_metadata=False) for _, t in whole)
