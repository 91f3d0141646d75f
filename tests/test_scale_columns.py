"""The compact columns behind corpus-wide steps at scale: same answers as the plain Python versions."""

from __future__ import annotations

import itertools
import os
import random
from pathlib import Path

import numpy as np
from buildkit import article_text, make_corpus, run_build, write_article

from corpus.check.columns import BandFiles, BandWriter, MatrixBands, PathColumn, StrColumn, write_bands
from corpus.check.dedup import _ALL_PAIRS_MAX, cross_candidates, self_candidates
from corpus.check.validate import validate
from corpus.config import Config
from corpus.engines import InProcess
from corpus.rawio import sorted_names


def _self_reference(bands: np.ndarray) -> set[tuple[int, int]]:
    """The candidate rule written out with dicts: all pairs of a bucket, or a star and a chain if large."""
    pairs: set[tuple[int, int]] = set()
    for b in range(bands.shape[1]):
        buckets: dict[int, list[int]] = {}
        for row, key in enumerate(bands[:, b].tolist()):
            buckets.setdefault(key, []).append(row)
        for m in buckets.values():
            if len(m) <= _ALL_PAIRS_MAX:
                pairs |= set(itertools.combinations(m, 2))
            else:
                pairs |= {(m[0], x) for x in m[1:]} | set(itertools.pairwise(m[1:]))
    return pairs


def test_vectorised_candidates_match_the_dict_rule() -> None:
    rng = np.random.default_rng(3)
    # few distinct keys per band: buckets of every size, some over the all-pairs limit
    bands = rng.integers(0, 60, size=(1500, 5)).astype(np.uint64)
    bands[:40, 2] = 7  # one large bucket
    got = {tuple(p) for p in self_candidates(bands).tolist()}
    assert got == _self_reference(bands)
    rows = np.sort(rng.choice(1500, 700, replace=False))
    sub = {tuple(p) for p in self_candidates(MatrixBands(bands), rows).tolist()}
    assert sub == _self_reference(bands[rows])


def test_cross_candidates_match_brute_force_with_the_cap() -> None:
    rng = np.random.default_rng(5)
    old = rng.integers(0, 3000, size=(20_000, 4)).astype(np.uint64)
    old[:400, 1] = 42  # a key shared by more old rows than the cap
    new = rng.integers(0, 3000, size=(300, 4)).astype(np.uint64)
    new[0, 1] = 42
    cap = _ALL_PAIRS_MAX * 8
    want = set()
    for q in range(len(new)):
        for b in range(4):
            hits = np.flatnonzero(old[:, b] == new[q, b])[:cap]
            want |= {(q, int(o)) for o in hits}
    got = {tuple(p) for p in cross_candidates(new, old).tolist()}
    assert got == want and any(q == 0 for q, _ in got)


def test_band_files_round_trip(tmp_path: Path) -> None:
    m = np.arange(70, dtype=np.uint64).reshape(10, 7)
    w = BandWriter(tmp_path / "a", 7, chunk=3)
    for row in m[:4]:
        w.add(row)
    w.add(None)
    w.add_rows(m[5:])
    files = w.finish()
    assert len(files) == 10 and files.column(3).tolist() == [3, 10, 17, 24, 0, 38, 45, 52, 59, 66]
    copy = write_bands(tmp_path / "b", files, np.array([9, 0]), extra=MatrixBands(m[:1]))
    assert BandFiles(copy.folder, 7, 3).column(6).tolist() == [69, 6, 6]


def test_string_columns_keep_any_name() -> None:
    names = ["a.txt", "é/ü.txt", "bad\udcff.txt", ""]
    col = StrColumn(names)
    assert list(col) == names and col[-1] == "" and col[1:3] == names[1:3]
    paths = PathColumn()
    for p, r in [("/r/a.txt", "a.txt"), ("/r/x/b.txt", "x/b.txt"), ("/elsewhere/c.txt", "d.txt")]:
        paths.append(p, r)
    assert list(paths) == ["/r/a.txt", "/r/x/b.txt", "/elsewhere/c.txt"]
    assert list(paths.rels) == ["a.txt", "x/b.txt", "d.txt"]


def test_sorted_names_is_sorted_across_chunks_and_odd_names() -> None:
    rnd = random.Random(1)
    names = [f"{rnd.randrange(10**6):06d}_{rnd.choice('aZé_')}.txt" for _ in range(1000)]
    assert list(sorted_names(iter(names), chunk=64)) == sorted(names)
    odd = [*names, "\udcff.txt", "é.txt"]
    assert list(sorted_names(iter(odd), chunk=64)) == sorted(odd)


def test_build_leaves_the_index_validate_would_save(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 12)
    write_article(raw, "copy", article_text(3))  # an exact duplicate
    write_article(raw, "near", article_text(4).replace("Share this", "Share it"))
    write_article(raw, "empty", "  \n")
    cfg = Config(raw_dir=str(raw), cache_dir=str(tmp_path / "b"))
    run_build(raw, tmp_path / "dist", tmp_path / "b", cfg)
    validate(None, Config(raw_dir=str(raw), cache_dir=str(tmp_path / "v")), InProcess())
    built, checked = tmp_path / "b" / "dedup-index", tmp_path / "v" / "dedup-index"
    names = sorted(os.listdir(checked))
    assert sorted(os.listdir(built)) == names and "band-000.u64" in names and "sig.u8" in names
    for name in names:
        assert (built / name).read_bytes() == (checked / name).read_bytes(), name
