"""What an ML practitioner reads: every number and name in the dataset card equals what `load_dataset` gives."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import yaml
from buildkit import add_bad_files, article_text, load, make_corpus, run_build, write_article

from corpus.publish.arrow import hf_features


def test_card_numbers_equal_the_data(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 14)
    for i in range(4):  # a second language and publisher, from sidecars
        write_article(raw, f"de{i}", article_text(100 + i), {"language": "de", "publisher": "Bergblatt"})
    write_article(raw, "plain", article_text(200))  # no sidecar: publisher unknown
    bad = add_bad_files(raw)
    out = tmp_path / "dist"
    result = run_build(raw, out, tmp_path / "cache")
    ds = load(out, tmp_path / "hf")

    card = (out / "README.md").read_text()
    _, front, body = card.split("---\n", 2)
    meta = yaml.safe_load(front)
    rows = {split: list(ds[split]) for split in ds}
    every = [r for split in rows.values() for r in split]

    # YAML: splits, files, sizes, languages and features as loaded
    assert {s["name"]: s["num_examples"] for s in meta["dataset_info"]["splits"]} == {
        s: len(r) for s, r in rows.items()
    }
    listed = {f["split"]: f["path"] for f in meta["configs"][0]["data_files"]}
    assert set(listed) == set(rows)
    assert sorted(p for paths in listed.values() for p in paths) == sorted(
        p.relative_to(out).as_posix() for p in (out / "data").glob("*.parquet")
    )
    assert sorted(meta["language"]) == sorted({r["language"] for r in every})
    for split in ds:
        assert ds[split].features == hf_features()

    # prose: counts per split, raw files, rejects, languages and publishers
    per_split = Counter({s: len(r) for s, r in rows.items()})
    splits_inline = ", ".join(f"{s} {per_split[s]}" for s in ("train", "validation", "test"))
    rejects = (out / "rejects.jsonl").read_text().splitlines()
    assert len(rejects) == len(bad) == result.rejected
    assert (
        f"- **Articles:** {len(every)} published ({splits_inline}), from {len(every) + len(rejects)} raw files "
        f"({len(rejects)} rejected, see `rejects.jsonl`)."
    ) in body
    languages = Counter(r["language"] for r in every)
    assert languages == {"en": 15, "de": 4}
    assert f"- **Languages:** de ({languages['de']}), en ({languages['en']})" in body
    publishers = Counter(r["source"]["publisher"] or "unknown" for r in every)
    line = next(x for x in body.splitlines() if x.startswith("- **Publishers:**"))
    assert dict(re.findall(r" ([^,:*]+?) \((\d+)\)", line.removeprefix("- **Publishers:**"))) == {
        k: str(v) for k, v in publishers.items()
    }
    assert (
        f"Counts reconcile: {len(every) + len(rejects)} raw files = {len(every)} published + {len(rejects)} rejected"
        in body
    )

    # every field, nested ones too, is described in the card's table
    table = body.split("### Data Fields", 1)[1].split("###", 1)[0]
    field_rows = [r.split("|")[1:-1] for r in table.splitlines() if r.startswith("| `")]
    assert len(field_rows) >= 25 and all(d.strip() for _, _, d in field_rows), field_rows

    # the field table says where `license` comes from, and it is so: no sidecar here declares one
    assert "| `license` | string (nullable) | The license the sidecar declared for this article;" in body
    assert {r["license"] for r in every} == {None}

    words = sorted(r["word_count"] for r in every)
    assert f"Words per body: min {words[0]}, max {words[-1]}," in body

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["per_split"] == {s: per_split[s] for s in ("train", "validation", "test")}


def test_splits_are_stable_across_rebuilds_and_additions(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 16)
    run_build(raw, tmp_path / "dist", tmp_path / "cache")
    before = load(tmp_path / "dist", tmp_path / "hf")
    where = {r["id"]: s for s in before for r in before[s]}
    make_corpus(raw, 10, start=16)
    (raw / "art0002.txt").unlink()
    run_build(raw, tmp_path / "dist", tmp_path / "cache")
    after = load(tmp_path / "dist", tmp_path / "hf2")
    moved = {r["id"]: s for s in after for r in after[s]}
    assert all(moved[i] == s for i, s in where.items() if i != "art0002")
    assert "art0002" not in moved and len(moved) == 25
