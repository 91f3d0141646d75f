"""Raw-byte and sidecar checks: each hostile input gets its own code, offset or line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.check.raw import _ANY, _surely_clean, check_bytes, check_sidecar, scan_extras
from corpus.rawio import RawRef


def codes(data: bytes) -> list[str]:
    return [p.code for p in check_bytes(data)[1]]


def test_clean_text_has_no_problems() -> None:
    text, problems = check_bytes("Ein ganz normaler Satz, mit Umlauten: äöü.\nZweite Zeile.\n".encode())
    assert problems == [] and text is not None and text.startswith("Ein")


def test_invalid_utf8_gives_byte_offset_and_line() -> None:
    text, problems = check_bytes(b"first line\nsecond \xc3\x28 line\n")
    assert text is None
    [p] = problems
    assert p.code == "R002" and p.severity == "error"
    assert "byte offset 18" in p.message and p.line == 2


def test_nul_bytes_are_binary() -> None:
    [p] = check_bytes(b"text\x00\x00more")[1]
    assert p.code == "R003" and "offset 4" in p.message and "2 in all" in p.message


def test_many_control_characters_are_binary_a_few_are_reported() -> None:
    assert codes(bytes(range(1, 9)) * 50) == ["R003"]
    [p] = check_bytes(b"line one\nline \x07two is fine otherwise\n")[1]
    assert p.code == "R006" and p.line == 2 and "U+0007" in p.message


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\ufeff \n".encode()])
def test_empty_and_whitespace_only(data: bytes) -> None:
    assert codes(data) == ["R004"]


def test_bidi_override_is_trojan_source_error() -> None:
    data = "The total is \u202e01$\u202c today.\nAnd more.\n".encode()
    [p] = check_bytes(data)[1]
    assert p.code == "R007" and p.severity == "error" and "U+202E" in p.message and "2 in all" in p.message


def test_invisible_characters_inside_words_or_tags_are_hidden_text() -> None:
    [p] = check_bytes("Hello\npay\u200bpal account\n".encode())[1]
    assert p.code == "R008" and p.severity == "error" and p.line == 2
    assert codes("tag \U000e0041\U000e0042 smuggled".encode()) == ["R008"]


def test_stray_zero_width_spaces_are_only_a_warning() -> None:
    [p] = check_bytes("A line.\u200b\n\u200b\nNext \ufeff line.\n".encode())[1]
    assert p.code == "R012" and p.severity == "warning" and "3 in all" in p.message


def test_legit_joiners_and_leading_bom_are_fine() -> None:
    assert codes("\ufeffمی\u200cخواهم and 👩\u200d💻 and co\u00adoperate.".encode()) == []


def test_line_endings_are_warnings() -> None:
    [p] = check_bytes(b"a\r\nb\r\n")[1]
    assert p.code == "R009" and p.severity == "warning" and "CRLF" in p.message
    [p] = check_bytes(b"a\r\nb\nc\rd")[1]
    assert "mixed" in p.message and "1 CR" in p.message


def _ref(tmp_path: Path, stem: str = "a") -> RawRef:
    (tmp_path / f"{stem}.txt").write_text("text", encoding="utf-8")
    return RawRef(tmp_path, tmp_path / f"{stem}.txt")


def test_sidecar_bad_json_unknown_keys_bad_values(tmp_path: Path) -> None:
    ref = _ref(tmp_path)
    ref.meta_path.write_text("{not json", encoding="utf-8")
    assert [p.code for p in check_sidecar(ref)[1]] == ["R020"]
    ref.meta_path.write_text("[1, 2]", encoding="utf-8")
    assert [p.code for p in check_sidecar(ref)[1]] == ["R020"]
    ref.meta_path.write_text('{"url": "https://x.test/a", "autor": "X", "published": 2021}', encoding="utf-8")
    meta, problems = check_sidecar(ref)
    assert [(p.code, p.pointer) for p in problems] == [("R021", "/autor"), ("R023", "/published")]
    assert meta == {"url": "https://x.test/a"}


def test_sidecar_symlink_is_refused(tmp_path: Path) -> None:
    ref = _ref(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-secret.json"
    outside.write_text('{"url": "x"}', encoding="utf-8")
    ref.meta_path.symlink_to(outside)
    assert [p.code for p in check_sidecar(ref)[1]] == ["R010"]


def test_scan_finds_orphan_sidecars_and_linked_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lonely.meta.json").write_text("{}", encoding="utf-8")
    _ref(tmp_path, "paired")
    (tmp_path / "paired.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "elsewhere").symlink_to(tmp_path.parent)
    found = {(path.name, p.code) for _, path, p in scan_extras([tmp_path])}
    assert found == {("lonely.meta.json", "R022"), ("elsewhere", "R010")}


_FLAGGED_AND_NEIGHBOURS = [chr(c) for c in (*range(0x20), *range(0x7E, 0xC0), *range(0x2000, 0x2070))]
_FLAGGED_AND_NEIGHBOURS += list(
    "\u180d\u180e\u115f\u1160\u3164\u3165\uffa0\ufeff\U000e0001\U000e007f\U000e0080’“é"
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.one_of(st.sampled_from(_FLAGGED_AND_NEIGHBOURS), st.characters(codec="utf-8")), max_size=30)
)
def test_byte_precheck_agrees_with_the_text_regex(text: str) -> None:
    """The byte-level shortcut says 'clean' exactly when the regex over the decoded text finds nothing."""
    assert _surely_clean(text.encode("utf-8")) == (_ANY.search(text) is None)
