"""Confirming near-duplicate candidates: the signature pre-filter, confirmation on workers, old indexes."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check_dedup import THRESHOLD, VOCAB, doc, mutate

from corpus.check import confirm, sketch
from corpus.check.dedup import Duplicates, KeyTable, find_duplicates
from corpus.check.index import index_dir, load_index
from corpus.check.sigs import SIG_FILE, SigFile, SigMatrix, SigWriter, write_sigs
from corpus.check.validate import validate
from corpus.config import Config
from corpus.engines import InProcess, ProcessPool


def jaccard(a: list[str], b: list[str]) -> float:
    return sketch.jaccard(sketch.shingles(a, 5), sketch.shingles(b, 5))


def keyed(ws: list[str]) -> sketch.Keys:
    k = sketch.keys(" ".join(ws), 5, THRESHOLD)
    assert k is not None
    return k


@dataclass(frozen=True)
class Texts:
    """A picklable loader: the i-th document of a seeded family, by the name `/virtual/d<i>.txt`."""

    docs: tuple[str, ...]

    def __call__(self, name: str) -> str | None:
        i = int(re.findall(r"\d+", name)[-1])
        return self.docs[i] if i < len(self.docs) else None


def table(docs: list[list[str]], sigs: bool = True, rows: list[int] | None = None) -> KeyTable:
    """Keys of `docs`, or of `rows` of them (named by their index in `docs`)."""
    rows = list(range(len(docs))) if rows is None else rows
    ks = [keyed(docs[i]) for i in rows]
    return KeyTable(
        [f"d{i}.txt" for i in rows],
        [f"/virtual/d{i}.txt" for i in rows],
        np.array([k.body_hash for k in ks], np.int64),
        np.stack([k.bands for k in ks]),
        sigs=SigMatrix(np.stack([k.sig for k in ks])) if sigs else None,
    )


def family(seed: int, n: int = 40) -> list[list[str]]:
    """Originals, near copies at several distances (some over, some under the threshold), exact copies."""
    rng = random.Random(seed)
    docs: list[list[str]] = []
    for _ in range(n):
        a = doc(rng, 400)
        docs += [a, mutate(a, rng.choice([2, 5, 8, 12, 30]), rng)]
    docs += [list(docs[0]), list(docs[3])]
    return docs


def outcome(d: Duplicates) -> tuple[object, ...]:
    probs = {rel: [(p.code, p.message) for p in ps] for rel, ps in sorted(d.problems.items())}
    return probs, sorted(map(sorted, d.exact_groups)), sorted(map(sorted, d.clusters))


def test_cutoff_keeps_pairs_at_the_threshold_with_overwhelming_probability() -> None:
    cut = sketch.sig_cutoff(THRESHOLD)
    assert 0 < cut < sketch.SIG_WIDTH * THRESHOLD
    assert sketch._binom_cdf(cut - 1, sketch.SIG_WIDTH, THRESHOLD) <= sketch.SIG_MISS
    assert sketch._binom_cdf(cut, sketch.SIG_WIDTH, THRESHOLD) > sketch.SIG_MISS  # the largest such cutoff
    assert sketch.sig_cutoff(0.9) > cut > sketch.sig_cutoff(0.5)


def test_signature_bytes_agree_about_as_often_as_the_jaccard_says() -> None:
    rng = random.Random(1)
    far, near = [], []
    for _ in range(60):
        a = doc(rng, 400)
        b = mutate(a, 8, rng)  # Jaccard ~0.8
        c = mutate(a, 60, rng)  # Jaccard well under 0.3
        ka, kb, kc = keyed(a), keyed(b), keyed(c)
        near.append((int(sketch.sig_matches(ka.sig[None], kb.sig[None])[0]), jaccard(a, b)))
        far.append((int(sketch.sig_matches(ka.sig[None], kc.sig[None])[0]), jaccard(a, c)))
    cut = sketch.sig_cutoff(THRESHOLD)
    assert all(m >= cut for m, j in near if j >= THRESHOLD)
    assert all(m < cut for m, _ in far)
    est = np.array([m / sketch.SIG_WIDTH for m, _ in near]) - np.array([j for _, j in near])
    assert abs(float(est.mean())) < 0.03  # unbiased up to the 1/256 of equal low bytes by chance


def test_plausible_drops_far_pairs_and_keeps_unknown_rows() -> None:
    rng = random.Random(2)
    a = doc(rng)
    docs = [a, mutate(a, 4, rng), doc(rng)]
    sigs = np.stack([keyed(d).sig for d in docs])
    pairs = np.array([[0, 1], [0, 2], [1, 2]], np.int64)
    assert confirm.plausible(pairs, SigMatrix(sigs), SigMatrix(sigs), THRESHOLD).tolist() == [[0, 1]]
    sigs[2] = 0  # unknown: never filtered
    kept = confirm.plausible(pairs, SigMatrix(sigs), SigMatrix(sigs), THRESHOLD).tolist()
    assert kept == [[0, 1], [0, 2], [1, 2]]
    assert confirm.plausible(pairs, None, SigMatrix(sigs), THRESHOLD) is pairs


def test_the_pre_filter_changes_no_decision() -> None:
    docs = family(3)
    load = Texts(tuple(" ".join(d) for d in docs))
    args = {"threshold": THRESHOLD, "shingle_words": 5, "load_words": load}
    with_sigs = find_duplicates(table(docs), None, **args)  # type: ignore[arg-type]
    without = find_duplicates(table(docs, sigs=False), None, **args)  # type: ignore[arg-type]
    assert outcome(with_sigs) == outcome(without)
    assert any(p.code == "D202" for ps in with_sigs.problems.values() for p in ps)


def test_confirming_on_workers_gives_the_serial_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = family(4)
    load = Texts(tuple(" ".join(d) for d in docs))
    new = table(docs, sigs=False, rows=list(range(1, 80, 2)))  # the near copies, judged against
    old = table(docs, sigs=False, rows=list(range(0, 80, 2)))  # the originals
    args = {"threshold": THRESHOLD, "shingle_words": 5, "load_words": load}
    serial = find_duplicates(table(docs, sigs=False), None, **args)  # type: ignore[arg-type]
    serial_cross = find_duplicates(new, old, **args)  # type: ignore[arg-type]
    monkeypatch.setattr(confirm, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setattr(confirm, "TASK_PAIRS", 3)  # many small tasks, answered out of order by the pool

    serial_confirm = confirm._serial

    def no_serial(pairs: np.ndarray, *a: object) -> object:
        assert not len(pairs), "confirmed in the driver"
        return serial_confirm(pairs, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(confirm, "_serial", no_serial)
    pool = ProcessPool(2, batch_size=1)
    try:
        kw = {"engine": pool, "worker_load": load, **args}
        par = find_duplicates(table(docs, sigs=False), None, **kw)  # type: ignore[arg-type]
        par_cross = find_duplicates(new, old, **kw)  # type: ignore[arg-type]
    finally:
        pool.close()
    assert outcome(par) == outcome(serial) and outcome(par_cross) == outcome(serial_cross)
    assert serial.clusters and any(p.code == "D202" for ps in serial_cross.problems.values() for p in ps)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("ab cdß İ.,ǅﬁ日😀\u0301\n")), max_size=60))
def test_body_shingles_equal_the_shingles_of_the_words(body: str) -> None:
    ws = sketch.words(body)
    assert (sketch.body_shingles(body, 3) == sketch.shingle_hashes(ws, 3)).all()


def test_signature_file_rows_by_few_reads_or_one_pass(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    m = rng.integers(0, 256, (1000, sketch.SIG_WIDTH), dtype=np.uint8)
    w = SigWriter(tmp_path / "a", chunk=7)
    for row in m[:500]:
        w.add(row)
    w.add_rows(m[500:])
    f = w.finish()
    assert f.valid() and len(f) == 1000
    few = np.array([999, 3, 3, 500], np.int64)
    assert (f.rows(few) == m[few]).all()
    many = rng.integers(0, 1000, 900)
    assert (f.rows(many) == m[many]).all()
    copy = write_sigs(tmp_path / "b", [(f, 1000), (None, 2)])
    assert len(copy) == 1002 and (copy.rows(np.arange(1000)) == m).all()
    assert not copy.rows(np.array([1000, 1001])).any()
    assert not SigFile(tmp_path / "b" / SIG_FILE, 1003).valid()


def _article(i: int, rng: random.Random) -> str:
    words = " ".join(rng.choice(VOCAB) for _ in range(300))
    return f"Story number {i} of the harbour\n\n{words}.\n"


def test_an_index_saved_without_signatures_still_judges_submissions(tmp_path: Path) -> None:
    raw, new = tmp_path / "raw", tmp_path / "new"
    raw.mkdir()
    new.mkdir()
    rng = random.Random(9)
    texts = [_article(i, rng) for i in range(12)]
    for i, t in enumerate(texts):
        (raw / f"a{i:02d}.txt").write_text(t)
    ws = texts[4].split(" ")
    ws[40] = ws[90] = "changed"
    (new / "n1.txt").write_text(" ".join(ws))  # a near copy of a04
    (new / "n2.txt").write_text(texts[7])  # an exact copy of a07
    cfg = Config(raw_dir=str(raw), cache_dir=str(tmp_path / "cache"), languages=[])

    def judged() -> dict[str, list[tuple[str, str]]]:
        out = validate([new], cfg, InProcess())
        return {Path(f.path).name: [(p.code, p.message) for p in f.problems] for f in out.files()}

    validate(None, cfg, InProcess())  # whole corpus: saves the index, with signatures
    saved = load_index(cfg, raw.resolve())
    assert saved is not None and saved.sigs is not None and saved.sigs.rows(np.arange(12)).any(axis=1).all()
    first = judged()
    assert [c for c, _ in first["n1.txt"]] == ["D202"] and "a04" in first["n1.txt"][0][1]
    assert [c for c, _ in first["n2.txt"]] == ["D201"]
    (index_dir(cfg) / SIG_FILE).unlink()  # as an older version saved it
    old = load_index(cfg, raw.resolve())
    assert old is not None and old.sigs is None
    assert judged() == first
    (raw / "a12.txt").write_text(_article(12, rng))  # a refresh keeps old rows unknown, new rows known
    assert judged() == first
    refreshed = load_index(cfg, raw.resolve())
    assert refreshed is not None and refreshed.sigs is not None
    known = refreshed.sigs.rows(np.arange(len(refreshed))).any(axis=1)
    assert known.tolist() == [rel == "a12.txt" for rel in refreshed.rels]
