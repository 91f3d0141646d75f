"""The fast paths of the build's per-file work give exactly what the plain code they replace gives."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.build.rowcols import batch_from_rows, column
from corpus.build.scan import KEY_SCHEMA
from corpus.check import sketch
from corpus.check.content import count_tokens


def _key_rows(rng: random.Random, n: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(n):
        row: dict[str, object] = {"id": f"a{i}", "split": rng.randint(0, 2), "has_record": i % 3 > 0}
        row |= {"ok": i % 2 == 0, "warnings": i % 4}
        if i % 5:  # an unreadable file's row has only the keys above
            row |= {
                "rel": rng.choice([None, f"sub/a{i}.txt", "dé/ü.txt"]),
                "rel_hash": rng.getrandbits(64),
                "key16": rng.randbytes(16),
                "offset": i * 7000,
                "length": rng.randint(0, 2**31 - 1),
                "cached": i % 7 == 0,
                "body_hash": rng.getrandbits(64) - 2**63,
                "bands": rng.choice([None, b"", rng.randbytes(160)]),
                "sig": rng.choice([None, rng.randbytes(128)]),
                "size": rng.randint(0, 10**6),
                "word_count": rng.choice([0, 1100]),
                "language": rng.choice([None, "en", "de", "zh"]),
                "publisher": rng.choice([None, "P", "Ünï Times", ""]),
                "raw_size": -1,
                "raw_mtime": 10**18 + i,
            }
        rows.append(row)
    return rows


@pytest.mark.parametrize("n", [0, 1, 7, 300])
def test_key_rows_to_arrow_equal_from_pylist(n: int) -> None:
    rows = _key_rows(random.Random(n), n)
    got = batch_from_rows(rows, KEY_SCHEMA)
    want = pa.RecordBatch.from_pylist(rows, schema=KEY_SCHEMA)
    got.validate(full=True)
    assert got.schema == want.schema
    assert got.equals(want)
    for f in KEY_SCHEMA:
        a, b = got.column(f.name), want.column(f.name)
        assert a.null_count == b.null_count, f.name
        if pa.types.is_dictionary(f.type):  # the same codes, not only the same values
            assert a.dictionary.equals(b.dictionary) and a.indices.equals(b.indices), f.name


def test_row_columns_refuse_what_they_cannot_convert() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        column([b"short"], pa.binary(16))
    with pytest.raises(TypeError, match="no conversion"):
        column([1.5], pa.float32())


def test_a_scan_worker_does_not_import_pandas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a1.txt").write_text("Headline here\n\n" + "Some words of an invented article. " * 30)
    (raw / "a2.txt").write_bytes(b"\xff\xfe not text")
    code = f"""
import sys
from pathlib import Path
from corpus.build.checking import fingerprint
from corpus.build.scan import BatchJob, ScanContext, scan_batch
from corpus.config import Config
from corpus.rawio import RawRef
root = Path({str(raw)!r})
refs = [RawRef(root, root / n) for n in ("a1.txt", "a2.txt")]
cfg = Config()
res = scan_batch(BatchJob(refs, [None, None]), ScanContext({str(tmp_path / "cache")!r}, cfg, fingerprint(cfg)))
assert res.keys.num_rows == 2, res.keys
print("pandas" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


def test_every_white_space_character_is_one_utf16_unit() -> None:
    assert _SPACES and max(_SPACES) < "\ud800"  # what count_tokens relies on


@given(st.text(alphabet=st.sampled_from([*_SPACES, "a", "é", "中", "\U0001f600", "\ud800", "\udfff", "x"])))
def test_count_tokens_is_len_split(text: str) -> None:
    assert count_tokens(text) == len(text.split())


@given(st.text())
def test_count_tokens_is_len_split_on_any_text(text: str) -> None:
    assert count_tokens(text) == len(text.split())


def _general(body: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """sketch._normalised's general path (str.casefold, then a `\\w` test per code point)."""
    cps = np.frombuffer(body.casefold().encode("utf-32-le", "surrogatepass"), np.uint32)
    return sketch._runs(cps, sketch._is_word(cps))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(codec="utf-8"),
            st.sampled_from(list(" _-.,’ßİǅﬁ٣日本😀\U0001d400\u0301\u00a0\n\ud800\udfff\uffff")),
        ),
        max_size=80,
    )
)
def test_normalised_text_equals_the_general_path(body: str) -> None:
    """The UTF-16 table path (uint16 code points) gives the general path's text, spans and keys."""
    norm, starts, ends = sketch._normalised(body)
    want, want_starts, want_ends = _general(body)
    assert norm.tolist() == want.tolist()
    assert starts.tolist() == want_starts.tolist() and ends.tolist() == want_ends.tolist()
    assert sketch._text(norm) == sketch._text(want)
    if len(starts):
        got = sketch._shingle_hashes(norm, starts, ends, 5)
        assert got.tolist() == sketch._shingle_hashes(want, want_starts, want_ends, 5).tolist()


_BODY = st.text(
    st.one_of(
        st.sampled_from(list("ab cd EF gh ij  \n\n.,’")),
        st.sampled_from(list("ßİ😀\ud800\u00a0中é")),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


def _same_keys(a: sketch.Keys | None, b: sketch.Keys | None) -> bool:
    if a is None or b is None:
        return a is b
    return (
        a.body_hash == b.body_hash
        and a.bands.tolist() == b.bands.tolist()
        and a.sig.tolist() == b.sig.tolist()
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_BODY, max_size=12), st.sampled_from([1 << 17, 64, 24]))
def test_keys_many_equals_keys_of_each_body(bodies: list[str], group: int) -> None:
    """Grouped or alone (a small GROUP_UNITS splits groups and sends long bodies the one-body way), with
    no words, a few words, or characters that need the general path: the same keys as one at a time."""
    old, sketch.GROUP_UNITS = sketch.GROUP_UNITS, group
    try:
        got = sketch.keys_many(bodies, 3, 0.8)
    finally:
        sketch.GROUP_UNITS = old
    assert all(_same_keys(g, sketch.keys(b, 3, 0.8)) for g, b in zip(got, bodies, strict=True))


def test_keys_many_on_articles() -> None:
    words = [f"w{i}" for i in range(400)] + ["Ünïcode", "naïve", "ÉTÉ"]
    rng = random.Random(3)
    bodies = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 900))) for _ in range(60)]
    bodies += [b.replace("w1", "Straße", 1) for b in bodies[:5]] + ["", "...", "one two"]
    got = sketch.keys_many(bodies, 5, 0.8)
    assert all(_same_keys(g, sketch.keys(b, 5, 0.8)) for g, b in zip(got, bodies, strict=True))


def test_scan_batch_checks_each_file_again_if_batch_keys_fail(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from corpus.build.checking import fingerprint
    from corpus.build.scan import BatchJob, ScanContext, scan_batch
    from corpus.config import Config
    from corpus.rawio import RawRef

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(5):
        (raw / f"a{i}.txt").write_text(f"Headline {i}\n\n" + f"Words of invented article {i}, again. " * 40)
    (raw / "bad.txt").write_bytes(b"")
    refs = [RawRef(raw, p) for p in sorted(raw.iterdir())]
    cfg = Config()

    def scan(cache: str) -> tuple[list[dict[str, object]], dict[str, object]]:
        res = scan_batch(BatchJob(refs, [None] * len(refs)), ScanContext(cache, cfg, fingerprint(cfg)))
        return res.keys.drop_columns(["offset", "length"]).to_pylist(), res.problems

    want = scan(str(tmp_path / "c1"))

    def boom(*a: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sketch, "keys_many", boom)
    assert scan(str(tmp_path / "c2")) == want
    assert sum(r["body_hash"] is not None for r in want[0]) == 5
