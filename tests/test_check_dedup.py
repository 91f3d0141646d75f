"""Duplicate detection on compact keys: recall at the threshold, confirmation, clusters, the index."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.check import sketch
from corpus.check.dedup import KeyTable, find_duplicates, self_candidates
from corpus.check.index import load_index, refresh_index
from corpus.config import Config
from corpus.engines import InProcess

THRESHOLD = 0.8
VOCAB = [f"w{i}" for i in range(50_000)]


def doc(rng: random.Random, n: int = 600) -> list[str]:
    return [rng.choice(VOCAB) for _ in range(n)]


def mutate(ws: list[str], changes: int, rng: random.Random) -> list[str]:
    """Change `changes` words at least 5 apart: each kills 5 shingles and adds 5 new ones."""
    out = list(ws)
    step = len(ws) // changes
    for i in range(changes):
        out[i * step + rng.randrange(step // 2)] = f"x{rng.randrange(10**9)}"
    return out


def table(docs: list[list[str]]) -> KeyTable:
    paths = [f"/virtual/d{i}.txt" for i in range(len(docs))]
    return KeyTable(
        [f"d{i}.txt" for i in range(len(docs))],
        paths,
        np.array([sketch.body_hash(d) for d in docs], np.int64),
        np.stack([sketch.band_keys(d, 5, THRESHOLD) for d in docs]),
        np.zeros(len(docs), np.int64),
        np.zeros(len(docs), np.int64),
    )


def loader(docs: list[list[str]]):  # type: ignore[no-untyped-def]
    by_path = {f"/virtual/d{i}.txt": d for i, d in enumerate(docs)}
    return by_path.get


def test_lsh_shape_recall_at_threshold() -> None:
    bands, rows = sketch.lsh_shape(0.8)
    assert bands * rows <= sketch.NUM_PERM
    assert sketch.recall(0.8, bands, rows) >= 0.995
    assert sketch.recall(0.3, bands, rows) < 0.05  # few useless candidates to confirm


_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(" _-.,ßİǅﬁ٣日本😀\U0001d400\U00010400\u0301\u00a0\n")),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_vectorised_words_and_keys_match_the_regex_definition(body: str) -> None:
    """The fast path tokenises exactly like `\\w+` over the case-folded text and keys the same words."""
    ws = re.findall(r"\w+", body.casefold())
    assert sketch.words(body) == ws
    keys = sketch.keys(body, 5, THRESHOLD)
    if not ws:
        assert keys is None
        return
    assert keys is not None and keys[0] == sketch.body_hash(ws)
    assert keys[1].dtype == np.uint64 and (keys[1] == sketch.band_keys(ws, 5, THRESHOLD)).all()
    assert len(sketch.shingle_hashes(ws, 5)) == len(sketch.shingles(ws, 5))


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(max_codepoint=0xFFFF, exclude_characters="ßİŉǰΐΰﬀﬁﬂﬃﬄﬅﬆ"), max_size=60))
def test_fold_table_path_matches_casefold(body: str) -> None:
    """Bodies of one-code-point folds (nearly all text) take the table path; it must equal `\\w+` of
    `casefold()` exactly, upper case, Greek sigma, Cherokee and Kelvin sign included."""
    body += " ΣΑΣ Ꭰ \u212a Éa"
    assert sketch.words(body) == re.findall(r"\w+", body.casefold())


def test_keys_ignore_case_punctuation_and_spacing_only() -> None:
    a = sketch.keys("The quick brown fox, jumps over the lazy dog!", 5, THRESHOLD)
    b = sketch.keys("the QUICK   brown fox jumps\n\nover the lazy dog", 5, THRESHOLD)
    c = sketch.keys("the quick brown fox jumps over the lazy cat", 5, THRESHOLD)
    assert a is not None and b is not None and c is not None
    assert a[0] == b[0] and (a[1] == b[1]).all()
    assert a[0] != c[0] and not (a[1] == c[1]).all()


def test_near_duplicate_recall_on_synthetic_pairs_at_jaccard_085() -> None:
    rng = random.Random(7)
    docs: list[list[str]] = []
    truths = []
    for _ in range(150):
        a = doc(rng)
        b = mutate(a, 10, rng)
        truths.append(sketch.jaccard(sketch.shingles(a, 5), sketch.shingles(b, 5)))
        docs += [a, b]
    assert 0.82 <= float(np.mean(truths)) <= 0.88
    t = table(docs)
    pairs = {tuple(p) for p in self_candidates(t.bands).tolist()}
    recall = sum((2 * i, 2 * i + 1) in pairs for i in range(150)) / 150
    assert recall >= 0.97
    dups = find_duplicates(t, None, threshold=THRESHOLD, shingle_words=5, load_words=loader(docs))
    found = {rel for rel, ps in dups.problems.items() if any(p.code == "D202" for p in ps)}
    expected = {f"d{2 * i + 1}.txt" for i in range(150) if truths[i] >= THRESHOLD}
    assert len(found & expected) >= 0.97 * len(expected)
    assert found <= {f"d{2 * i + 1}.txt" for i in range(150)}  # confirmed with the true Jaccard: no strangers


def test_below_threshold_pairs_are_not_reported() -> None:
    rng = random.Random(3)
    a = doc(rng)
    b = mutate(a, 40, rng)  # Jaccard ~ 0.5
    assert sketch.jaccard(sketch.shingles(a, 5), sketch.shingles(b, 5)) < 0.7
    dups = find_duplicates(
        table([a, b]), None, threshold=THRESHOLD, shingle_words=5, load_words=loader([a, b])
    )
    assert dups.problems == {} and dups.clusters == []


def test_exact_and_near_groups_name_the_other_id_and_form_clusters() -> None:
    rng = random.Random(11)
    a, c = doc(rng), doc(rng)
    docs = [a, list(a), mutate(a, 5, rng), c, list(c)]
    dups = find_duplicates(table(docs), None, threshold=THRESHOLD, shingle_words=5, load_words=loader(docs))
    msgs = {rel: [(p.code, p.message) for p in ps] for rel, ps in dups.problems.items()}
    assert msgs["d1.txt"] == [("D201", "exact duplicate of d0 (same normalised body)")]
    assert msgs["d4.txt"][0][0] == "D201" and "d3" in msgs["d4.txt"][0][1]
    [(code, msg)] = msgs["d2.txt"]
    assert code == "D202" and "near-duplicate of d0" in msg
    assert "d0.txt" not in msgs and "d3.txt" not in msgs
    assert sorted(map(sorted, dups.exact_groups)) == [["d0", "d1"], ["d3", "d4"]]
    assert sorted(map(sorted, dups.clusters)) == [["d0", "d1", "d2"], ["d3", "d4"]]


def test_cross_mode_reports_only_new_rows_naming_the_old_article() -> None:
    rng = random.Random(5)
    old_docs = [doc(rng) for _ in range(50)]
    old = table(old_docs)
    new_docs = [mutate(old_docs[7], 4, rng), list(old_docs[9]), doc(rng)]
    new = table(new_docs)
    new.rels[:] = ["n0.txt", "n1.txt", "n2.txt"]
    new.paths = [f"/virtual/n{i}.txt" for i in range(3)]
    by_path = {f"/virtual/d{i}.txt": d for i, d in enumerate(old_docs)}
    by_path |= {f"/virtual/n{i}.txt": d for i, d in enumerate(new_docs)}
    dups = find_duplicates(new, old, threshold=THRESHOLD, shingle_words=5, load_words=by_path.get)
    got = dups.problems  # keyed by the new table's rels
    assert [(p.code, p.message[:21]) for p in got["n0.txt"]] == [("D202", "near-duplicate of d7 ")]
    assert [p.code for p in got["n1.txt"]] == ["D201"] and "d9" in got["n1.txt"][0].message
    assert set(got) == {"n0.txt", "n1.txt"}


def test_index_is_persisted_and_refreshed_incrementally(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(3):
        (raw / f"a{i}.txt").write_text(f"Story {i}.\n\n" + f"Sentence number {i} says something new. " * 20)
    cfg = Config(raw_dir=str(raw), cache_dir=str(tmp_path / "cache"), languages=[])
    table1, rels = refresh_index(cfg, raw, InProcess())
    assert sorted(rels) == ["a0.txt", "a1.txt", "a2.txt"] and len(table1) == 3
    saved = load_index(cfg, raw.resolve())
    assert saved is not None and sorted(saved.rels) == sorted(table1.rels)

    calls: list[object] = []

    class Counting(InProcess):
        def map(self, fn, items):  # type: ignore[no-untyped-def, override]
            items = list(items)
            calls.extend(items)
            return super().map(fn, items)

    (raw / "a1.txt").unlink()
    (raw / "broken.txt").write_bytes(b"\xff")
    refresh_index(cfg, raw, InProcess())  # broken files have no keys, but are remembered as checked
    (raw / "b.txt").write_text("Another story.\n\n" + "A fresh line about the harbour today. " * 20)
    table2, rels2 = refresh_index(cfg, raw, Counting())
    assert sorted(table2.rels) == ["a0.txt", "a2.txt", "b.txt"]
    assert sorted(rels2) == ["a0.txt", "a2.txt", "b.txt", "broken.txt"]
    assert [r.rel for r in calls] == ["b.txt"]  # type: ignore[attr-defined]
    assert str(table2.paths[0]).startswith(str(raw.resolve()))
    assert (
        load_index(Config(raw_dir=str(raw), cache_dir=str(tmp_path / "cache"), shingle_words=4), raw) is None
    )


def test_key_builder_streams_rows_across_chunks() -> None:
    from types import SimpleNamespace

    from corpus.check.dedup import KeyBuilder

    b = KeyBuilder(nbands=3, chunk=2)
    for i in range(5):
        bands = np.full(3, i, np.uint64)
        b.add(
            SimpleNamespace(
                rel=f"r{i}.txt", path=f"/p/r{i}.txt", body_hash=i, bands=bands, size=i, mtime_ns=i
            )
        )
    b.add(SimpleNamespace(rel="none.txt", path="/p/none.txt", body_hash=None, bands=None, size=0, mtime_ns=0))
    t = b.table()
    assert list(t.rels) == [f"r{i}.txt" for i in range(5)] and t.ids == [f"r{i}" for i in range(5)]
    assert list(t.paths) == [f"/p/r{i}.txt" for i in range(5)]
    assert t.body_hash.tolist() == [0, 1, 2, 3, 4] and t.band_columns.column(0).tolist() == [0, 1, 2, 3, 4]


def test_keys_of_bodies_longer_than_the_kept_powers_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    body = " ".join(f"word{i % 97} other{i % 13}" for i in range(400))
    kept = sketch.keys(body, 5, THRESHOLD)
    monkeypatch.setattr(sketch, "_POWERS_KEPT", 64)  # this body's powers are now made afresh each time
    monkeypatch.setattr(sketch, "_POWERS", [np.ones(0, np.uint64), np.ones(0, np.uint64)])
    fresh = sketch.keys(body, 5, THRESHOLD)
    assert kept is not None and fresh is not None
    assert kept[0] == fresh[0] and (kept[1] == fresh[1]).all()
    assert len(sketch._POWERS[0]) <= 64
