"""The benchmark scripts: deterministic corpus generation, and floor, peer and run working on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from bench import floor, generate, peer, run


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.name != generate.MANIFEST}


def test_same_seed_gives_same_bytes_whatever_the_worker_count(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(generate, "CHUNK", 40)  # several chunks, so two workers really split the work
    generate.generate(120, tmp_path / "a", seed=7, workers=1)
    generate.generate(120, tmp_path / "b", seed=7, workers=2)
    generate.generate(120, tmp_path / "c", seed=8, workers=1)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert a == b
    assert a != c
    assert sum(name.endswith(".txt") for name in a) == 120


def test_corpus_has_furniture_duplicates_and_invalid_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(generate, "INVALID", 0.05)
    m = generate.generate(400, tmp_path, seed=1)
    counts = m["counts"]
    assert isinstance(counts, dict)
    assert counts["exact-duplicate"] > 0 and counts["near-duplicate"] > 0 and counts["invalid"] > 0
    texts = [p.read_bytes() for p in tmp_path.glob("*.txt")]
    assert len(set(texts)) < len(texts)  # exact duplicates share bytes
    assert any(b"Previous article" in t for t in texts) and any(b"Photo" in t for t in texts)
    assert (
        any(b"\x00" in t for t in texts) or any(t == b"" for t in texts) or any(b"\xff" in t for t in texts)
    )
    assert 5_000 < counts["bytes"] / 400 < 9_000  # about 7 KB an article
    metas = [json.loads(p.read_text()) for p in tmp_path.glob("*.meta.json")]
    assert metas and all(m["language"] == "en" for m in metas)
    # generating again with the same parameters reuses the corpus
    before = (tmp_path / generate.MANIFEST).read_text()
    assert generate.generate(400, tmp_path, seed=1) == json.loads(before)


def test_floor_and_peer(tmp_path: Path) -> None:
    generate.generate(50, tmp_path / "c", seed=0)
    out = tmp_path / "floor.parquet"
    assert floor.run(tmp_path / "c", out) == 50
    table = pq.read_table(out)
    assert table.num_rows == 50 and table.column_names == ["id", "sha256", "meta", "text"]
    records = tmp_path / "r.jsonl"
    good = {
        "schema_version": "1.0.0", "id": "a1", "headline": None, "byline": {"authors": [], "bio": None},
        "credits": [], "body": "x", "related_links": [], "language": "en", "published": None,
        "source": {"file": "a1.txt", "sha256": "0" * 64, "url": None, "publisher": None},
        "dateline": None, "word_count": 1, "license": None,
    }  # fmt: skip
    records.write_text(json.dumps(good) + "\n" + json.dumps({**good, "word_count": -1}) + "\n")
    assert peer.run(records) == (2, 1)


def test_run_on_a_tiny_corpus(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    argv = [
        "--n",
        "50",
        "--corpus",
        str(tmp_path / "c"),
        "--work",
        str(tmp_path / "w"),
        "--results",
        str(results),
    ]
    assert run.main([*argv, "--new", "20", "--only", "convert,peer,submission"]) == 0
    md = results.read_text()
    assert (
        "| floor |" in md and "| convert |" in md and "| peer (jsonschema) |" in md and "| submission |" in md
    )
    assert (tmp_path / "w" / "records.jsonl").stat().st_size > 0


def test_build_stages_accounts_for_every_stage_and_the_workers(tmp_path: Path, capsys) -> None:
    from bench import build_stages

    generate.generate(40, tmp_path / "c", seed=0)
    assert build_stages.main([str(tmp_path / "c"), "--n", "40"]) == 0
    out = capsys.readouterr().out
    for stage in ("convert (corpus.convert)", "duplicate keys", "content checks", "driver: KeyCollector.add"):
        assert stage in out
    assert build_stages.main([str(tmp_path / "c"), "--timeline", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "published" in out and "plan_build" in out and "done write parquet" in out
    assert out.count("in pass 1:") == 2  # both workers' time split into on-CPU, waiting and idle
