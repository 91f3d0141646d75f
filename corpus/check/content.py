"""Record → problems: does the record look like a clean news article? Patterns live in content.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.config import Config
from corpus.record import Record

_SENTENCE_END = re.compile(r"[a-z0-9\u00c0-\uffff]\.[\"'”’“»)]?$", re.IGNORECASE)
# Scripts written without spaces: a character is closer to a word than a whitespace token is.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(^|\s)@\w{2,}")
_URLISH = re.compile(r"https?://|www\.|\d")
_WORD = re.compile(r"\w+")
# UTF-8 bytes that are not the lead byte of a character in U+0800..U+DFFF, where all of _UNSPACED lies
_NOT_WIDE_LEAD = bytes(b for b in range(256) if not 0xE0 <= b <= 0xED)
# the only characters whose lower case holds ASCII (İ -> i̇, Kelvin sign -> k)
_LOWER_TO_ASCII = ("\u0130", "\u212a")
# per UTF-16 code unit: is it white space to str.split()? (none lies outside the BMP, none is a surrogate)
_SPACE16 = np.zeros(0x10000, np.bool_)
_SPACE16[[c for c in range(0x10000) if chr(c).isspace()]] = True
BOILERPLATE_MAX_CHARS = 400  # page furniture comes in short paragraphs; long ones are prose


_Anywhere = tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]  # (name, needles, pattern)


@dataclass(frozen=True, slots=True)
class _Tables:
    starts: re.Pattern[str]  # anchored patterns as one alternation of named groups, tried at position 0
    anywhere: _Anywhere
    generic: frozenset[str]
    particles: frozenset[str]
    max_words: int
    needle_bytes: tuple[tuple[bytes, ...], ...] | None  # `anywhere`'s needles, when all are ASCII


@cache
def _tables() -> _Tables:
    data = tomllib.loads(Path(__file__).with_name("content.toml").read_text(encoding="utf-8"))
    a, bp = data["authors"], data["boilerplate"]
    anywhere = tuple(
        (k, tuple(v["needles"]), re.compile(v["anywhere"], re.I)) for k, v in bp.items() if "anywhere" in v
    )
    ascii_only = all(n.isascii() and n == n.lower() for _, needles, _ in anywhere for n in needles)
    return _Tables(
        re.compile(
            "|".join(f"(?P<{k.replace('-', '_')}>{v['start']})" for k, v in bp.items() if "start" in v),
            re.IGNORECASE,
        ),
        anywhere,
        frozenset(a["generic"]),
        frozenset(a["particles"]),
        int(a["max_words"]),
        tuple(tuple(n.encode() for n in needles) for _, needles, _ in anywhere) if ascii_only else None,
    )


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.casefold()))


def _line_of(text: str | None, needle: str) -> int | None:
    """The 1-based line of the raw text where a record's piece comes from, when it can be found."""
    if not text or not needle:
        return None
    i = text.find(needle[:80])
    return None if i < 0 else text.count("\n", 0, i) + 1


def check_record(record: Record, cfg: Config, raw_text: str | None = None) -> list[Problem]:
    out: list[Problem] = []
    out += _body(record, cfg, raw_text)
    out += _headline(record, cfg, raw_text)
    out += _authors(record, raw_text)
    out += _credits(record)
    out += _language(record, cfg)
    return out


def word_estimate(text: str, tokens: int | None = None, utf8: bytes | None = None) -> int:
    """Whitespace tokens, or for CJK/Thai text half the characters (~ words in those scripts).

    `tokens`: `len(text.split())` when the caller has it already; `utf8`: the text's UTF-8, to skip the
    character scan when too few characters could be CJK/Thai at all (one lead byte E0-ED each)."""
    tokens = len(text.split()) if tokens is None else tokens
    if utf8 is not None and len(utf8.translate(None, _NOT_WIDE_LEAD)) <= len(text) // 4:
        return tokens
    unspaced = len(_UNSPACED.findall(text))
    return tokens + unspaced // 2 if unspaced > len(text) // 4 else tokens


def count_tokens(text: str) -> int:
    """`len(text.split())` without a string per word (~9 µs instead of ~28 on an article): the non-space
    UTF-16 code units that start the text or follow a space. Exact for any string: every white space
    character is one code unit (all lie in the BMP), a surrogate pair two non-space ones."""
    space = _SPACE16.take(np.frombuffer(text.encode("utf-16-le", "surrogatepass"), np.uint16))
    if not len(space):
        return 0
    return int(np.count_nonzero(space[:-1] > space[1:])) + (not space[0])


def _body(record: Record, cfg: Config, raw_text: str | None) -> list[Problem]:
    tokens = count_tokens(record.body)
    utf8 = record.body.encode("utf-8", "surrogatepass")
    words = word_estimate(record.body, tokens, utf8)
    out = []
    if tokens != record.word_count:
        out.append(
            problem(
                "C103",
                f"word_count is {record.word_count} but body has {tokens} words",
                pointer="/word_count",
            )
        )
    if tokens == 0:
        return [*out, problem("C100", "the body is empty", pointer="/body")]
    if words < cfg.body_min_words:
        out.append(
            problem("C101", f"body has {words} words, fewer than {cfg.body_min_words}", pointer="/body")
        )
    elif words > cfg.body_max_words:
        out.append(
            problem("C102", f"body has {words} words, more than {cfg.body_max_words}", pointer="/body")
        )
    anywhere = _anywhere_in(record.body, utf8)
    for para in record.body.split("\n\n"):
        para = para.strip()
        if len(para) > BOILERPLATE_MAX_CHARS:
            continue
        name = _boilerplate(para, anywhere)
        if name:
            shown = para if len(para) <= 60 else para[:57] + "..."
            line = _line_of(raw_text, para)
            out.append(problem("C110", f"{name} left in the body: {shown!r}", line=line, pointer="/body"))
    return out


def _anywhere_in(body: str, utf8: bytes | None = None) -> _Anywhere:
    """The `anywhere` rules whose needles occur in the body at all (usually none): a paragraph's lower-case
    text is part of the body's, so the others cannot match any paragraph and are not tried per paragraph.

    ASCII needles are looked for in the UTF-8 with ASCII lower-cased (a third of `str.lower`'s time): the
    same answer, since no other character lowers to ASCII than the two of _LOWER_TO_ASCII."""
    t = _tables()
    if t.needle_bytes is not None and utf8 is not None and not any(c in body for c in _LOWER_TO_ASCII):
        low_bytes = utf8.lower()
        return tuple(
            rule
            for rule, needles in zip(t.anywhere, t.needle_bytes, strict=True)
            if any(n in low_bytes for n in needles)
        )
    low = body.lower()
    return tuple(rule for rule in t.anywhere if any(n in low for n in rule[1]))


def _boilerplate(para: str, anywhere: _Anywhere | None = None) -> str | None:
    t = _tables()
    m = t.starts.match(para)
    if m:
        return (m.lastgroup or "boilerplate").replace("_", "-")
    rules = t.anywhere if anywhere is None else anywhere
    if not rules:
        return None
    low = para.lower()
    for name, needles, pattern in rules:
        if any(n in low for n in needles) and pattern.search(para):
            return name
    return None


def _headline(record: Record, cfg: Config, raw_text: str | None) -> list[Problem]:
    h = (record.headline or "").strip()
    if not h:
        return []
    line = _line_of(raw_text, h)
    out = []
    n = len(h.split())
    if n > cfg.headline_max_words:
        out.append(
            problem(
                "C120",
                f"headline has {n} words, more than {cfg.headline_max_words}",
                line=line,
                pointer="/headline",
            )
        )
    if n >= 4 and _SENTENCE_END.search(h) and not re.search(r"\b[A-Z]\.$|\.\.\.$|…$", h):
        out.append(
            problem("C121", f"headline ends like a sentence: {h[-30:]!r}", line=line, pointer="/headline")
        )
    first = _norm(record.body.split("\n\n", 1)[0])
    if first and first == _norm(h):
        out.append(
            problem(
                "C122", "headline is the same as the first body paragraph", line=line, pointer="/headline"
            )
        )
    return out


def _authors(record: Record, raw_text: str | None) -> list[Problem]:
    t = _tables()
    out = []
    for i, name in enumerate(record.byline.authors):
        ptr = f"/byline/authors/{i}"
        line = _line_of(raw_text, name)
        words = name.split()
        lower = [w for w in words if w[:1].islower() and w.strip(".,").casefold() not in t.particles]
        if _EMAIL.search(name):
            out.append(
                problem("C131", f"author {name!r} holds an e-mail address or handle", line=line, pointer=ptr)
            )
        elif _norm(name) in t.generic:
            out.append(
                problem("C132", f"author {name!r} is a desk or role, not a name", line=line, pointer=ptr)
            )
        elif (
            len(words) > t.max_words
            or lower
            or _URLISH.search(name)
            or (_SENTENCE_END.search(name) and len(words) > 3)
        ):
            shown = name if len(name) <= 50 else name[:47] + "..."
            out.append(
                problem(
                    "C130", f"author {shown!r} does not look like a person's name", line=line, pointer=ptr
                )
            )
    return out


def _credits(record: Record) -> list[Problem]:
    return [
        problem("C140", "credit with neither a credit nor a caption", pointer=f"/credits/{i}")
        for i, c in enumerate(record.credits)
        if not (c.credit or "").strip() and not (c.caption or "").strip()
    ]


def _language(record: Record, cfg: Config) -> list[Problem]:
    if not cfg.languages:
        return []
    if record.language is None:
        return [problem("C151", "the article's language could not be identified", pointer="/language")]
    if record.language not in cfg.languages:
        allowed = ", ".join(cfg.languages)
        msg = f"language {record.language!r} is not one of the corpus's languages ({allowed})"
        return [problem("C150", msg, pointer="/language")]
    return []
