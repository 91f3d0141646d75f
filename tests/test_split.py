"""Stable splits: by id hash, clusters follow their smallest id, adding articles moves nothing."""

from __future__ import annotations

from pathlib import Path

from buildkit import article_text, load, make_corpus, run_build, write_article

from corpus.split import DEFAULT_RATIOS, assign, bucket, split_of


def test_split_depends_on_id_only_and_follows_ratios() -> None:
    ids = [f"id{i}" for i in range(20_000)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    for name, ratio in DEFAULT_RATIOS.items():
        assert abs(splits.count(name) / len(ids) - ratio) < 0.015
    assert all(0 <= bucket(i) < 1 for i in ids[:100])
    assert split_of("x", {"train": 0.0, "test": 1.0}) == "test"


def test_cluster_follows_its_smallest_id() -> None:
    a = next(i for i in (f"a{n}" for n in range(1000)) if split_of(i) == "test")
    b = next(i for i in (f"b{n}" for n in range(1000)) if split_of(i) == "train")
    got = assign([a, b], {a: a, b: a})
    assert got == {a: "test", b: "test"}


def _splits_of(out: Path, hf: Path) -> dict[str, str]:
    ds = load(out, hf)
    return {row["id"]: split for split in ds for row in ds[split]}  # type: ignore[attr-defined]


def test_adding_articles_keeps_existing_splits(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 20)
    run_build(raw, tmp_path / "dist", tmp_path / "cache")
    before = _splits_of(tmp_path / "dist", tmp_path / "hf")
    make_corpus(raw, 15, start=500)
    run_build(raw, tmp_path / "dist", tmp_path / "cache")
    after = _splits_of(tmp_path / "dist", tmp_path / "hf")
    assert len(after) == 35 and len(set(after.values())) > 1
    assert {i: after[i] for i in before} == before


def test_near_duplicate_pair_shares_a_split(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 6)
    # two ids whose own hashes disagree, so only the cluster rule can put them together
    first = next(i for i in (f"near{n:03d}a" for n in range(500)) if split_of(i) == "train")
    second = next(i for i in (f"near{n:03d}b" for n in range(500)) if split_of(i) != "train")
    text = article_text(777, paragraphs=8)
    write_article(raw, first, text)
    write_article(raw, second, text.replace("by the clerk.", "by the town clerk.", 1))
    result = run_build(raw, tmp_path / "dist", tmp_path / "cache")
    assert result.clusters == 1 and result.published == 8
    splits = _splits_of(tmp_path / "dist", tmp_path / "hf")
    leader = min(first, second)
    assert splits[first] == splits[second] == split_of(leader)


def test_stats_are_a_mergeable_aggregate() -> None:
    """Partial statistics of any partition merge to the statistics of the whole (what a Dask reduce needs)."""
    import numpy as np
    import pyarrow as pa

    from corpus.build.stats import Stats

    rng = np.random.default_rng(1)
    n = 500
    codes = rng.integers(0, 3, n)
    sizes = rng.integers(100, 9000, n)
    words = rng.integers(0, 12000, n)
    langs = pa.chunked_array([pa.array(rng.choice(["en", "de", None], n).tolist())])
    pubs = pa.chunked_array([pa.array(rng.choice(["A", "B", "C", None], n).tolist())])
    names = ["train", "validation", "test"]

    def part(sl: slice) -> Stats:
        return Stats.from_columns(codes[sl], names, sizes[sl], words[sl], langs[sl], pubs[sl])

    whole = part(slice(0, n))
    merged = part(slice(0, 123)).merge(part(slice(123, 400))).merge(part(slice(400, n)))
    assert merged == whole
    assert whole.total == n and sum(whole.word_hist) == n
    assert whole.per_language["unknown"] == sum(x is None for x in langs.to_pylist())
