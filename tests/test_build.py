"""`corpus build` end to end: real Parquet, loaded back with `datasets` offline."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
import yaml
from buildkit import add_bad_files, article_text, load, make_corpus, run_build, write_article

from corpus.config import Config
from corpus.engines import InProcess
from corpus.pipeline import BuildFailed, build, convert_paths
from corpus.publish.arrow import hf_features


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus20(tmp_path: Path) -> tuple[Path, list[str], dict[str, str]]:
    raw = tmp_path / "raw"
    ids = make_corpus(raw, 20)
    bad = add_bad_files(raw)
    return raw, ids, bad


def test_build_loads_with_every_record_and_rejects(corpus20, tmp_path: Path) -> None:
    raw, ids, bad = corpus20
    out = tmp_path / "dist"
    result = run_build(raw, out, tmp_path / "cache")

    assert result.raw_files == len(ids) + len(bad)
    assert result.raw_files == result.published + result.rejected
    assert result.published == len(ids)

    rejects = [orjson.loads(line) for line in (out / "rejects.jsonl").read_bytes().splitlines()]
    assert {r["file"]: {p["code"] for p in r["problems"]} for r in rejects} == {
        f: {code} for f, code in bad.items()
    }
    assert all(p["message"] for r in rejects for p in r["problems"])

    ds = load(out, tmp_path / "hf")
    assert sum(ds[s].num_rows for s in ds) == len(ids)
    assert set(ds) <= {"train", "validation", "test"} and "train" in ds
    expected = {
        c.id: c.record.to_dict()
        for c in convert_paths([raw], InProcess())
        if c.record is not None and c.id in ids
    }
    loaded = {}
    for split in ds:
        assert ds[split].features == hf_features()
        for row in ds[split]:
            loaded[row["id"]] = row
    assert loaded == expected
    assert [r["id"] for r in ds["train"]] == sorted(r["id"] for r in ds["train"])

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema_version"] == "1.0.0" and manifest["tool_version"]
    assert manifest["counts"]["published"] == len(ids)
    on_disk = {p for p in _files(out) if p != "manifest.json"}
    assert set(manifest["files"]) == on_disk
    card = (out / "README.md").read_text()
    assert "body_lengths.png" in card and (out / "body_lengths.png").read_bytes()[:4] == b"\x89PNG"
    assert "Harbour Times" in card and f"{len(ids)} published" in card


def test_two_builds_are_byte_identical(corpus20, tmp_path: Path) -> None:
    raw, _, _ = corpus20
    run_build(raw, tmp_path / "a", tmp_path / "cache-a")
    run_build(raw, tmp_path / "b", tmp_path / "cache-b")
    # the second build into `a` comes from the cache: still the same bytes
    again = run_build(raw, tmp_path / "a", tmp_path / "cache-a")
    assert again.cache_hits == again.raw_files - 1  # the unreadable sidecar is never cached
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_interrupted_build_leaves_previous_output(corpus20, tmp_path: Path, monkeypatch) -> None:
    raw, _, _ = corpus20
    out = tmp_path / "dist"
    run_build(raw, out, tmp_path / "cache")
    before = _files(out)
    make_corpus(raw, 5, start=100)

    import corpus.publish.card as card

    def boom(*a: object, **k: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(card, "render_card", boom)
    with pytest.raises(KeyboardInterrupt):
        run_build(raw, out, tmp_path / "cache")
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "dist", "raw"]  # no temp folder left


def test_strict_fails_and_publishes_nothing(corpus20, tmp_path: Path) -> None:
    raw, _, bad = corpus20
    out = tmp_path / "dist"
    with pytest.raises(BuildFailed) as e:
        run_build(raw, out, tmp_path / "cache", strict=True)
    assert len(e.value.result.rejects) == len(bad)
    assert not out.exists()


def test_rebuild_never_loads_stale(tmp_path: Path) -> None:
    """datasets issue #2956: same folder, same cache dir, other articles -> the new rows."""
    raw1, raw2 = tmp_path / "raw1", tmp_path / "raw2"
    make_corpus(raw1, 3)
    make_corpus(raw2, 5, start=50)
    out, hf = tmp_path / "dist", tmp_path / "hf"
    run_build(raw1, out, tmp_path / "cache")
    first = load(out, hf)
    assert sorted(r["id"] for s in first for r in first[s]) == ["art0000", "art0001", "art0002"]
    run_build(raw2, out, tmp_path / "cache")
    second = load(out, hf)
    assert sorted(r["id"] for s in second for r in second[s]) == [f"art{i:04d}" for i in range(50, 55)]


def test_exact_duplicates_published_once(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 4)
    write_article(raw, "copy_b", (raw / "art0002.txt").read_text())
    write_article(raw, "art0002_again", (raw / "art0002.txt").read_text())
    result = run_build(raw, tmp_path / "dist", tmp_path / "cache")
    assert result.published == 4 and result.raw_files == 6
    dups = {r["file"]: r["problems"][0] for r in result.rejects}
    assert set(dups) == {"art0002_again.txt", "copy_b.txt"}
    assert all(p["code"] == "D201" and "art0002" in p["message"] for p in dups.values())


def test_one_id_in_several_folders_is_published_once(tmp_path: Path) -> None:
    """The first path (sorted) keeps the id; each later one is rejected naming the ok path before it, and a
    rejected file of that id in between neither keeps the id nor is named."""
    raw = tmp_path / "raw"
    make_corpus(raw, 3)
    for folder, i in (("a", 10), ("c", 12), ("d", 13)):
        write_article(raw / folder, "same", article_text(i))
    write_article(raw / "b", "same", "  \n")  # R004: rejected on its own
    write_article(raw / "e", "art0001", article_text(14))
    result = run_build(raw, tmp_path / "dist", tmp_path / "cache")
    assert result.published == 4 and result.raw_files == 8
    found = {r["file"]: [(p["code"], p["message"]) for p in r["problems"]] for r in result.rejects}
    assert found == {
        "b/same.txt": [("R004", found["b/same.txt"][0][1])],
        "c/same.txt": [("R030", "id 'same' is also used by a/same.txt")],
        "d/same.txt": [("R030", "id 'same' is also used by c/same.txt")],
        "e/art0001.txt": [("R030", "id 'art0001' is also used by art0001.txt")],
    }


def test_seed_alone_builds_and_loads(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent / "raw"
    out = tmp_path / "dist"
    result = run_build(root, out, tmp_path / "cache")
    assert result.raw_files == result.published + result.rejected
    ds = load(out, tmp_path / "hf")
    assert sum(ds[s].num_rows for s in ds) == result.published
    card = (out / "README.md").read_text()
    assert "far too few" in card  # honest about its size
    empty = [s for s, n in result.per_split.items() if n == 0]
    assert all(s not in ds for s in empty)


def test_cache_reused_after_one_changed_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 12)
    first = run_build(raw, tmp_path / "dist", tmp_path / "cache")
    assert first.cache_hits == 0
    (raw / "art0003.txt").write_text((raw / "art0003.txt").read_text() + "\nA late correction was added.\n")
    second = run_build(raw, tmp_path / "dist", tmp_path / "cache")
    assert second.cache_hits == 11
    assert second.published == 12


def test_config_changes_card_and_ratios(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 10)
    cfg = Config(pretty_name="Harbour News", license="cc-by-4.0", splits={"train": 0.5, "test": 0.5})
    result = run_build(raw, tmp_path / "dist", tmp_path / "cache", cfg=cfg)
    assert set(result.per_split) == {"train", "test"}
    card = (tmp_path / "dist" / "README.md").read_text()
    assert "pretty_name: Harbour News" in card and "license: cc-by-4.0" in card
    assert "license_name" not in card


def test_other_license_names_its_terms(tmp_path: Path) -> None:
    """The Hub wants a `license_name` (and a link if any) beside `license: other`."""
    raw = tmp_path / "raw"
    make_corpus(raw, 4)
    cfg = Config(license="other", license_name="harbour-terms-2", license_link="https://example.org/terms")
    run_build(raw, tmp_path / "dist", tmp_path / "cache", cfg=cfg)
    card = (tmp_path / "dist" / "README.md").read_text()
    head = yaml.safe_load(card.split("---")[1])
    assert head["license"] == "other"
    assert head["license_name"] == "harbour-terms-2"
    assert head["license_link"] == "https://example.org/terms"
    assert "The terms: https://example.org/terms." in card


def test_killed_build_leftovers_are_cleaned(tmp_path: Path) -> None:
    """A hard kill (no exception handler runs) can leave a temp folder or the previous output aside."""
    raw = tmp_path / "raw"
    make_corpus(raw, 3)
    out = tmp_path / "dist"
    run_build(raw, out, tmp_path / "cache")
    before = _files(out)
    # killed between the two renames: the previous output is aside and `dist` is missing
    out.rename(tmp_path / ".dist.previous")
    dead = tmp_path / ".dist.building-999999999-x"
    dead.mkdir()
    from corpus.publish.swap import recover

    recover(out)
    assert _files(out) == before and not dead.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "dist", "raw"]


def test_build_reads_raw_files_from_a_url(corpus20, tmp_path: Path) -> None:
    """Raw files in an fsspec store (memory:// here, s3:// alike) get the same checks and the same output."""
    import uuid

    import fsspec

    from corpus import fsio

    raw, _, _ = corpus20
    run_build(raw, tmp_path / "local", tmp_path / "cache-local")
    src = f"memory://raw-{uuid.uuid4().hex}"
    fsio.upload_tree(raw, src)
    try:
        result = build([src], InProcess(), Config(), out=tmp_path / "url", cache_dir=tmp_path / "cache-url")
    finally:
        fsspec.filesystem("memory").rm(src.removeprefix("memory://"), recursive=True)
    local, remote = _files(tmp_path / "local"), _files(tmp_path / "url")
    assert result.published == 20
    assert sorted(remote) == sorted(local)
    # the shards and card are identical; reject messages name the URL the file was read from
    same = {k for k in local if k.startswith("data/") or k in ("README.md", "croissant.json")}
    assert {k: remote[k] for k in same} == {k: local[k] for k in same}

    def reasons(data: bytes) -> list[tuple[str, list[str]]]:
        return [(r["file"], [p["code"] for p in r["problems"]]) for r in map(orjson.loads, data.splitlines())]

    assert reasons(remote["rejects.jsonl"]) == reasons(local["rejects.jsonl"])


def test_nothing_publishable_keeps_previous_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 3)
    out = tmp_path / "dist"
    run_build(raw, out, tmp_path / "cache")
    before = _files(out)
    bad = tmp_path / "bad"
    add_bad_files(bad)
    with pytest.raises(BuildFailed, match="all 3 raw file"):
        run_build(bad, out, tmp_path / "cache")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BuildFailed, match=r"no raw \.txt files"):
        run_build(empty, out, tmp_path / "cache")
    assert _files(out) == before


def test_builds_sharing_a_cache_wait_for_each_other(tmp_path: Path) -> None:
    from corpus.build.cache import CacheBusy, locked

    cache = str(tmp_path / "cache")
    with locked(cache), pytest.raises(CacheBusy), locked(cache, timeout=0.3):
        pass
    with locked(cache):  # released: free again
        pass


def test_batch_jobs_pickle_compactly_and_round_trip(tmp_path: Path) -> None:
    """Jobs go to worker processes as path strings; they must come back as the very same refs."""
    import pickle

    from corpus.build.cache import Loc, Prior
    from corpus.build.scan import BatchJob
    from corpus.rawio import RawRef

    a, b = tmp_path / "a", tmp_path / "b" / "deeper"
    refs = [RawRef(a, a / "x.txt"), RawRef(b, b / "sub" / "y.txt"), RawRef(a, a / "z.txt")]
    job = BatchJob(refs, [None, Prior(b"k" * 16, Loc("s.jsonl", 3, 9)), None])
    data = pickle.dumps(job)
    back = pickle.loads(data)
    assert back == job and [r.rel for r in back.refs] == ["x.txt", "sub/y.txt", "z.txt"]
    assert b"pathlib" not in data  # strings, not Path objects (slow to rebuild in every worker)
