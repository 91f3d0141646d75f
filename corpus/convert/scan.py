"""Document-level scans and cheap gates: work done once per text (or with a C-speed test) so that
the per-line rules only run where they can match. Pure functions of the lines and their features."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Final

from corpus.convert.features import Features
from corpus.convert.memo import memo
from corpus.convert.rules import RULES

_DASHES: Final = frozenset("-–—")
_REPEAT_MAX_WORDS: Final = 8
_REPEAT_MIN: Final = 3
_LABEL_TAILS: Final = frozenset(k.split()[-1] for k in RULES.credit_kinds) | {"credit", "credits"}


def inline_credit_possible(text: str) -> bool:
    """The word before one of the line's colons is a credit label's last word: only then try the regex
    ("Foto: Jane Roe. Styling: John Doe" has the label before its first colon)."""
    i = text.find(":")
    while i >= 0:
        head = text[:i].rstrip()
        if head[max(head.rfind(" "), head.rfind("(")) + 1 :].lstrip("([|–—-").lower() in _LABEL_TAILS:
            return True
        i = text.find(":", i + 1)
    for sep in ("...", "…"):  # "Credit...Jane Roe"
        i = text.find(sep)
        if i >= 0 and text[max(text.rfind(" ", 0, i), text.rfind(".", 0, i)) + 1 : i].lower() in _LABEL_TAILS:
            return True
    for sep in (
        "：",
        "=",
    ):  # a full-width colon or "=" in scripts without spaces: "（写真：共同）", "사진=홍길동"
        i = text.find(sep)
        while i >= 0:
            head = text[:i].rstrip()
            if head[max(head.rfind(" "), head.rfind("("), head.rfind("（")) + 1 :].lower() in _LABEL_TAILS:
                return True
            i = text.find(sep, i + 1)
    return False


def keyword_lines(lines: list[str], feats: list[Features | None], lang: str | None = None) -> dict[int, str]:
    """Lines holding a boilerplate keyword (lines of at most keyword_max_words words) or a notice phrase of
    the text's language (lines of any length: a consent, paywall or donation notice can run to a paragraph's
    length); the first phrase of the table, keywords before notices. One search over the lower-cased text
    finds the few lines holding any of them (RULES.phrases_any: a per-line loop over every phrase cost more
    than all other rules together); only those are tested phrase by phrase."""
    code = lang if lang and lang in RULES.notices else ""
    notices = RULES.notices[code]
    keywords = RULES.keywords_by_lang.get(code, RULES.boiler_keywords)  # "": every table's phrases
    out: dict[int, str] = {}
    for i, low in _lines_holding(feats, RULES.phrases_any[code]):
        f = feats[i]
        short = f is not None and f.words <= RULES.keyword_max_words
        # the first phrase the line holds, each tested in C (filter) rather than by a generator's steps
        kw = next(filter(low.__contains__, keywords), None) if short else None
        kw = kw or next(filter(low.__contains__, notices), None)
        if kw:
            out[i] = kw
    return out


def _lines_holding(
    feats: list[Features | None], finders: tuple[re.Pattern[str], ...]
) -> Iterator[tuple[int, str]]:
    """(index, lower-cased line) of the non-blank lines where one of `finders` matches, in order, from a
    search per finder over all of them joined (in lower case: the features' `low`, lowered once)."""
    lows = [f.low if f is not None else "" for f in feats]  # a phrase holds no line break: blanks never match
    low = "\n".join(lows)
    starts: list[int] = []
    hits: set[int] = set()
    for finder in finders:
        m = finder.search(low)
        if m is not None and not starts:
            starts = list(accumulate((len(x) + 1 for x in lows[:-1]), initial=0))
        while m is not None:
            j = bisect_right(starts, m.start()) - 1
            hits.add(j)
            m = finder.search(low, starts[j] + len(lows[j]) + 1)  # the next line
    for j in sorted(hits):
        yield j, lows[j]


def repeated_lines(lines: list[str], feats: list[Features | None]) -> dict[str, int]:
    """Short lines that recur in one text ("Article content", a section name above each teaser) are page
    furniture, whatever they say: the in-document form of CCNet's repeated-line filter."""
    seen: dict[str, int] = {}
    for line, f in zip(lines, feats, strict=True):
        if f is not None and f.words <= _REPEAT_MAX_WORDS and not f.ends_sentence:
            seen[line] = seen.get(line, 0) + 1
    return {line: n for line, n in seen.items() if n >= _REPEAT_MIN}


@memo
def agency_named(text: str, start: int = 0) -> bool:
    """bool(RULES.agency.search(text, start)): the name opens the text, or follows a separator."""
    if start <= 0 and RULES.agency_head.match(text):
        return True
    return RULES.agency_sep.search(text, max(start, 0)) is not None


def agency_at_end(text: str) -> bool:
    """credit_agency_end can only match a line that ends with a bracket and names an agency after its last
    opening bracket (the credit holds no brackets): a cheap test before that costly regex."""
    if not text.endswith((")", "]")):
        return False
    start = max(text.rfind("("), text.rfind("["), 0)
    return agency_named(text[start:])


def whole_line_key(text: str) -> str:
    """What boiler_line phrases are compared with: the line in lower case, without a final ":", "." or "!",
    and without the dashes a theme sets around an ad marker ("- Advertisement -", "— Anzeige —")."""
    t = text[:-1] if text[-1:] in ":.!" else text
    if t[:1] in _DASHES and t[-1:] in _DASHES and len(t) > 2:
        t = t.strip("".join(_DASHES) + " ") or t
    return t.rstrip().lower()
