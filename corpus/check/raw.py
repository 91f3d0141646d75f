"""Checks on the raw bytes and the sidecar, before conversion: encoding, hidden characters, line ends.

Each finding names the first place (byte offset or line) and how many more there are, so one run
says everything about a hostile file without flooding the report.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.rawio import META_KEYS, META_SUFFIX, RAW_SUFFIX, RawReadError, RawRef, read_meta

# C0 controls except tab, LF, CR; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates: the Trojan-source characters (CVE-2021-42574).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Invisible characters that are never innocent: Unicode tags (ASCII smuggling), invisible math
# operators, Hangul fillers, the Mongolian vowel separator.
_HIDDEN = re.compile(r"[\u2061-\u2064\u180e\u115f\u1160\u3164\uffa0\U000e0000-\U000e007f]")
# Zero-width space, word joiner, BOM inside the text: common debris in scraped pages (between words,
# at line ends), but inside a word they hide text from a reader (Trojan-source style).
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
_IN_WORD = re.compile(r"(?<=\w)[\u200b\u2060\ufeff]+(?=\w)")
# ZWJ/ZWNJ (needed by Persian, Indic scripts and emoji) and the soft hyphen are left alone.
_ANY = re.compile(
    "|".join(p.pattern for p in (_CONTROL, _BIDI, _HIDDEN, _INVISIBLE)) + "|\r"
)  # one pass over clean text (the common case) instead of one per check
_BINARY_SHARE = 0.05  # more control characters than this and it is not text at all
# _ANY's characters in UTF-8, by lead byte; the ASCII ones are the bytes left out of _PLAIN
_BY_LEAD = {
    0xC2: re.compile(rb"\xc2[\x80-\x9f]"),
    0xE1: re.compile(rb"\xe1(?:\xa0\x8e|\x85[\x9f\xa0])"),
    0xE2: re.compile(rb"\xe2(?:\x80[\x8b\xaa-\xae]|\x81[\xa0-\xa4\xa6-\xa9])"),
    0xE3: re.compile(rb"\xe3\x85\xa4"),
    0xEF: re.compile(rb"\xef(?:\xbe\xa0|\xbb\xbf)"),
    0xF3: re.compile(rb"\xf3\xa0[\x80\x81]"),
}
_PLAIN = bytes(b for b in range(256) if b not in _BY_LEAD and (b >= 0x20 or b in b"\t\n") and b != 0x7F)


def _surely_clean(data: bytes) -> bool:
    """True when valid UTF-8 bytes cannot hold any of _ANY's characters: a byte-level test several times
    faster than the regex over the text. UTF-8 is self-synchronising, so such a character's bytes can only
    start at its lead byte; only the lead bytes present (usually just the curly quotes' E2) are searched."""
    for lead in set(data.translate(None, _PLAIN)):
        pattern = _BY_LEAD.get(lead)
        if pattern is None or pattern.search(data):
            return False
    return True


def _line_at_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _scan(text: str, pattern: re.Pattern[str]) -> tuple[int, int, str] | None:
    """(first index, count, first char) of the pattern's matches, or None."""
    found = pattern.findall(text)
    if not found:
        return None
    m = pattern.search(text)
    assert m is not None
    return m.start(), len(found), found[0]


def _utf16(data: bytes) -> bool:
    """UTF-16 text (a Windows tool's "Unicode"): a byte order mark, or a NUL beside nearly every ASCII byte."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    half = len(head) // 2
    return half >= 8 and max(head[0::2].count(0), head[1::2].count(0)) > 0.9 * half


def _legacy_encoding(data: bytes) -> str | None:
    """cp1252 (Windows Western), when the bytes read as it and hold no UTF-8 sequence at all: a common
    scraper's default. One stray byte is too little evidence to name an encoding."""
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high < 2 or _UTF8_SEQUENCE.search(data):
        return None
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252"


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _reencode(enc: str) -> str:
    return f"it looks like {enc}: re-encode it as UTF-8, e.g. iconv -f {enc} -t UTF-8 FILE > FILE.new"


def check_bytes(data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode strictly and report what makes the bytes unfit as article text; text is None if undecodable."""
    nul = data.find(b"\x00")
    if nul >= 0 and _utf16(data):
        msg = "UTF-16 text (NUL bytes between the letters), not UTF-8"
        return None, [problem("R002", msg, line=1, hint=_reencode("UTF-16"))]
    if nul >= 0:
        n = data.count(b"\x00")
        msg = f"NUL byte at byte offset {nul} ({n} in all): binary content, not text"
        return None, [problem("R003", msg, line=_line_at_byte(data, nul))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 4].hex(" ")
        msg = f"not valid UTF-8 at byte offset {e.start} (bytes {bad}): {e.reason}"
        enc = "UTF-16" if _utf16(data) else _legacy_encoding(data)
        hint = _reencode(enc) if enc else None
        return None, [problem("R002", msg, line=_line_at_byte(data, e.start), hint=hint)]
    if text.startswith("\ufeff"):
        text = text[1:]  # a leading BOM is harmless
    problems: list[Problem] = []
    if not text or text.isspace():  # `not text.strip()` without copying the text
        what = "empty" if not text else "whitespace only"
        return text, [problem("R004", f"the file is {what}")]
    if _surely_clean(data) or not _ANY.search(text):
        return text, problems
    ctrl = _scan(text, _CONTROL)
    if ctrl:
        i, n, ch = ctrl
        if n > _BINARY_SHARE * len(text):
            problems.append(
                problem("R003", f"{n} control characters in {len(text)}: binary content, not text")
            )
        else:
            msg = f"control character U+{ord(ch):04X} at line {_line_at(text, i)} ({n} in all)"
            problems.append(problem("R006", msg, line=_line_at(text, i)))
    for code, pattern, what in (
        ("R007", _BIDI, "bidirectional control"),
        ("R008", _HIDDEN, "hidden invisible character"),
        ("R008", _IN_WORD, "invisible character inside a word:"),
        ("R012", _INVISIBLE, "stray invisible character"),
    ):
        found = _scan(text, pattern)
        if found and not (code == "R012" and any(p.code == "R008" for p in problems)):
            i, n, ch = found
            line = _line_at(text, i)
            problems.append(
                problem(code, f"{what} U+{ord(ch[0]):04X} at line {line} ({n} in all)", line=line)
            )
    problems.extend(_line_endings(text))
    return text, problems


def _line_endings(text: str) -> list[Problem]:
    if "\r" not in text:
        return []
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [f"{n} {k}" for n, k in ((crlf, "CRLF"), (cr, "CR"), (lf, "LF")) if n]
    line = _line_at(text, text.index("\r"))
    if len(kinds) > 1:
        return [problem("R009", f"mixed line endings: {', '.join(kinds)}", line=line)]
    return [problem("R009", f"{kinds[0]} line endings instead of LF", line=line)]


# Sidecar values that must have a shape, or the record would carry a wrong value silently.
_META_FORMATS: dict[str, tuple[re.Pattern[str], str]] = {
    "language": (re.compile(r"^[a-z]{2}$"), "an ISO 639-1 code such as 'en'"),
    "published": (
        re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"),
        "an ISO 8601 date or datetime such as '2024-05-03' or '2024-05-03T17:47:00+02:00'",
    ),
    "url": (re.compile(r"^https?://\S+$"), "an http(s) URL"),
}


# A sidecar value goes into the record as it is: the raw text's checks (R006-R008) apply to it too, and a
# one-line field has no line break or tab.
_SIDECAR_HOSTILE = re.compile(
    "|".join(p.pattern for p in (_CONTROL, _BIDI, _HIDDEN)) + r"|[\t\n\r\u2028\u2029]"
)


def _in_calendar(value: str) -> bool:
    """The shape is checked by the pattern; this rejects 2024-13-45, 2024-02-30, T25:00 and +24:00, which
    would otherwise be published as they are."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_sidecar(ref: RawRef) -> tuple[dict[str, object] | None, list[Problem]]:
    """Parse `<id>.meta.json` if present; bad JSON, unknown keys and non-string values are problems."""
    try:
        meta = read_meta(ref)
    except RawReadError as e:
        code = e.code if e.code in ("R010", "R011", "R020") else "R020"
        return None, [problem(code, e.message.replace(str(ref.meta_path), ref.meta_path.name), hint=e.hint)]
    return check_meta(meta, ref)


def check_meta(meta: dict[str, object] | None, ref: RawRef) -> tuple[dict[str, object] | None, list[Problem]]:
    """A parsed sidecar (as `read_meta` gives it) -> the values the converter may use, and its problems."""
    if meta is None:
        return None, []
    known = meta.keys() <= META_KEYS and all(isinstance(v, str) for v in meta.values())
    if known and not _meta_problems(meta):  # the common case: every key known, every value well formed
        return dict(meta), []
    problems = []
    name = ref.meta_path.name
    unknown = sorted(set(meta) - META_KEYS)
    if unknown:
        msg = f"{name}: unknown key(s) {', '.join(map(repr, unknown))}"
        problems.append(problem("R021", msg, pointer=f"/{unknown[0]}"))
    problems += _meta_problems(meta, name)
    clean: dict[str, object] = {k: v for k, v in meta.items() if k in META_KEYS and isinstance(v, str)}
    return clean, problems


_JSON_TYPE = {int: "number", float: "number", bool: "true/false", list: "array", dict: "object"}


def _language_codes() -> tuple[frozenset[str], dict[str, str]]:
    """ISO 639-1 (iso639-1.txt) and the codes often written instead of one ("jp" -> "ja")."""
    words = [
        w
        for line in _CODES_FILE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    ]
    hints = {w.partition(">")[0]: w.partition(">")[2] for w in words if ">" in w}
    return frozenset(w for w in words if ">" not in w), hints


_CODES_FILE = Path(__file__).with_name("iso639-1.txt")
LANGUAGES, _LANGUAGE_HINTS = _language_codes()


def _unknown_language(value: str, name: str) -> Problem:
    better = _LANGUAGE_HINTS.get(value)
    msg = f"{name}: 'language' is {value!r}, which is no ISO 639-1 language code"
    return problem("R024", msg + (f" (did you mean {better!r}?)" if better else ""), pointer="/language")


def _meta_problems(meta: dict[str, object], name: str = "") -> list[Problem]:
    problems = []
    for key in sorted(META_KEYS & set(meta)):
        value = meta[key]
        if value is not None and not (isinstance(value, str) and value.strip()):
            got = (
                "an empty string"
                if isinstance(value, str)
                else f"a JSON {_JSON_TYPE.get(type(value), 'value')}"
            )
            msg = f"{name}: {key!r} must be a non-empty string, got {got}"
            problems.append(problem("R023", msg, pointer=f"/{key}"))
        elif isinstance(value, str) and key in _META_FORMATS and not _META_FORMATS[key][0].match(value):
            msg = f"{name}: {key!r} is {value[:40]!r}, not {_META_FORMATS[key][1]}"
            problems.append(problem("R023", msg, pointer=f"/{key}"))
        elif isinstance(value, str) and (bad := _SIDECAR_HOSTILE.search(value)):
            msg = (
                f"{name}: {key!r} holds U+{ord(bad.group()):04X} (a control, line break or hidden character)"
            )
            problems.append(problem("R023", msg, pointer=f"/{key}"))
        elif key == "published" and isinstance(value, str) and not _in_calendar(value):
            msg = f"{name}: 'published' is {value[:40]!r}, which is no real date or time (month, day or hour)"
            problems.append(problem("R023", msg, pointer="/published"))
        elif key == "language" and value not in LANGUAGES:
            problems.append(_unknown_language(str(value), name))
    return problems


def not_raw(path: Path) -> Problem:
    """R014: a file in the raw folder (or named) that no command reads: an article saved as .md or .TXT
    would otherwise vanish from the dataset without a word."""
    return problem("R014", f"not a .txt file ({path.name}): never read as an article")


def is_other_file(name: str) -> bool:
    """Neither a raw file nor a sidecar, nor hidden (.gitkeep, .DS_Store stay quiet)."""
    return not name.endswith((RAW_SUFFIX, META_SUFFIX)) and not name.startswith(".")


def is_hidden_folder(rel: str) -> bool:
    """A folder (relative to the raw root) inside a hidden one, such as .git/: its files are never R014."""
    return any(part.startswith(".") and part not in (".", "..") for part in Path(rel).parts)


def scan_extras(roots: list[Path]) -> list[tuple[Path, Path, Problem]]:
    """What `discover` does not yield but must not be lost silently: orphan sidecars, linked folders and
    other files (R014).

    Returns (root, path, problem) triples. Nothing is read; links are never followed.
    """
    out = []
    for root in roots:
        if not root.is_dir() or root.is_symlink():
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames.sort()
            here = Path(dirpath)
            for d in list(dirnames):
                if (here / d).is_symlink():
                    msg = "is a symbolic link to a folder; refused, never followed"
                    out.append((root, here / d, problem("R010", msg)))
            names = set(filenames)
            hidden = is_hidden_folder(os.path.relpath(dirpath, root))
            for name in sorted(filenames):
                if name.endswith(META_SUFFIX) and name[: -len(META_SUFFIX)] + RAW_SUFFIX not in names:
                    msg = f"sidecar without a raw file ({name[: -len(META_SUFFIX)]}{RAW_SUFFIX} is missing)"
                    out.append((root, here / name, problem("R022", msg)))
                elif not hidden and is_other_file(name):
                    out.append((root, here / name, not_raw(here / name)))
    return out
