"""No bytes make check_file raise: every outcome is a FileResult with problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.check.run import FileResult, check_file
from corpus.config import Config
from corpus.rawio import RawRef

PIECES = st.sampled_from(["\u202e", "\u200b", "\x00", "\r", "\n\n", "Share this article", "©", "By Staff"])
TEXTISH = st.lists(st.text(st.characters(codec="utf-8"), max_size=40) | PIECES, max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300) | TEXTISH.map(lambda s: s.encode("utf-8")))
def test_any_bytes_give_a_result_never_an_exception(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "x.txt").write_bytes(data)
        res = check_file(RawRef(root, root / "x.txt"), Config(languages=["en"]))
    assert isinstance(res, FileResult)
    assert all(p.severity in ("error", "warning") and p.code != "R101" for p in res.problems)
    if res.record is None:
        assert res.body_hash is None and any(p.severity == "error" for p in res.problems)
