"""Dates in a line (published date, date lines): the formats of every language's month table.

Slash dates ("03/04/2024") are read in the order the evidence gives, never by a silent guess: a part above
12 settles it ("28/04/2023", "04/28/2023"); else the date in the article's URL when it is one of the two
readings ("/2024/03/04/"); else the document's other slash dates that are settled; else
its language's default (the rule tables' `slash_dates`); else a date the header writes another way, or
the word order of the document's written-out dates ("April 3, 2024" is month first, "3 April 2024" day
first); else the date is not taken. `find_date` sees one line, so it reads an open slash date day first
(the line is a date line either way); `read_published` settles the order for the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from corpus.convert.memo import memo
from corpus.convert.rules import RULES

DAY_MONTH, MONTH_DAY = "day-month", "month-day"

# "03/05/2024", "04/28/2023". Not preceded by a digit or a slash (a path, "2024/03/05" is date_iso's).
_SLASH: Final = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})\b")

# "2024年4月28日" (Chinese, Japanese), "2024년 4월 28일" (Korean): year, month and day each with its unit
_CJK_DATE: Final = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
)

# Arabic-Indic, Persian and Devanagari digits, read as the ASCII ones (a year in them: "٢٠٢٤", "२०२४")
_NATIVE_DIGITS: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९", "0123456789" * 3)
_NATIVE_YEAR: Final = re.compile("[١۱१][٩۹९][٠-٩۰-۹०-९]{2}|[٢۲२][٠۰०][٠-٩۰-۹०-९]{2}")
_PATTERNS: Final = (RULES.date_iso, RULES.date_dmy_ascii, RULES.date_mdy_ascii, RULES.date_num)
_PATTERNS_CJK: Final = (RULES.date_iso, RULES.date_dmy, RULES.date_mdy, RULES.date_num, _CJK_DATE)


def native_year(text: str) -> bool:
    """A year written in Arabic-Indic, Persian or Devanagari digits."""
    return _NATIVE_YEAR.search(text) is not None


@memo
def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date in the text as ISO (year-month-day), with its match."""
    if "19" not in text and "20" not in text:
        if text.isascii() or not _NATIVE_YEAR.search(text):
            return None  # every pattern needs a year
        text = text.translate(_NATIVE_DIGITS)  # "٢٨ أبريل ٢٠٢٤": digit for digit, so the match's places stand
    for pat in _PATTERNS if text.isascii() else _PATTERNS_CJK:
        m = pat.search(text)
        if not m:
            continue
        mm = m.group("m")
        month = int(mm) if mm.isdigit() else RULES.month_numbers.get(mm.lower().rstrip("."), 0)
        iso = _iso(int(m.group("y")), month, int(m.group("d")))
        if iso:
            return iso, m
    m = _SLASH.search(text) if "/" in text else None
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        iso = _slash_iso(m, MONTH_DAY if a <= 12 < b else DAY_MONTH)
        if iso:
            return iso, m
    return None


def _slash_iso(m: re.Match[str], order: str) -> str | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    month, day = (a, b) if order == MONTH_DAY else (b, a)
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    """The date as ISO if the calendar has it (no 31 April, no 29 February 2023)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _open(m: re.Match[str]) -> bool:
    """A slash date both orders read as a date, and as two different ones."""
    if m.re is not _SLASH:
        return False
    a, b = int(m.group("a")), int(m.group("b"))
    return 1 <= a <= 12 and 1 <= b <= 12 and a != b


def slash_order(texts: Sequence[str], lang: str | None) -> str | None:
    """The order of the document's slash dates: most of its settled ones, else its language's default."""
    votes = {DAY_MONTH: 0, MONTH_DAY: 0}
    for t in texts:
        if "/" in t:
            for m in _SLASH.finditer(t):
                a, b = int(m.group("a")), int(m.group("b"))
                if b <= 12 < a <= 31:
                    votes[DAY_MONTH] += 1
                elif a <= 12 < b <= 31:
                    votes[MONTH_DAY] += 1
    if votes[DAY_MONTH] != votes[MONTH_DAY]:
        return max(votes, key=lambda k: votes[k])
    return RULES.slash_dates.get(lang or "")


def written_order(texts: Sequence[str]) -> str | None:
    """The order the document writes dates in words: "April 3, 2024" month first, "3 April 2024" day first."""
    votes = {DAY_MONTH: 0, MONTH_DAY: 0}
    for t in texts:
        if ("19" in t or "20" in t) and len(t) > 8:
            ascii_ = t.isascii()
            votes[DAY_MONTH] += sum(
                1 for _ in (RULES.date_dmy_ascii if ascii_ else RULES.date_dmy).finditer(t)
            )
            votes[MONTH_DAY] += sum(
                1 for _ in (RULES.date_mdy_ascii if ascii_ else RULES.date_mdy).finditer(t)
            )
    if votes[DAY_MONTH] == votes[MONTH_DAY]:
        return None
    return max(votes, key=lambda k: votes[k])


def settled_date(text: str) -> str | None:
    """The first date in the text as ISO, unless it is a slash date whose order is open."""
    found = find_date(text)
    return found[0] if found and not _open(found[1]) else None


def read_published(
    value: str,
    texts: Callable[[], Sequence[str]],
    lang: str | None,
    header_dates: Callable[[], list[str]],
    url: str | None = None,
) -> str | None:
    """The ISO date in `value` (a date line or a sidecar value) with a slash date's order settled by the
    document (`texts`: its lines; `header_dates`: the dates its header writes without slashes; `url`: the
    article's address, whose date, "/2024/03/04/", settles it when it is one of the two readings), or None.
    They are looked at only for an open slash date: most documents never pay for them."""
    found = find_date(value)
    if found is None:
        return None
    iso, m = found
    if not _open(m):
        return iso
    in_url = settled_date(url) if url and ("/19" in url or "/20" in url) else None
    if in_url in (_slash_iso(m, DAY_MONTH), _slash_iso(m, MONTH_DAY)):
        return in_url
    lines = texts()
    order = slash_order(lines, lang)
    if order is None:
        readings = {_slash_iso(m, DAY_MONTH), _slash_iso(m, MONTH_DAY)}
        other = header_dates()
        matching = [d for d in other if d in readings]
        if matching:
            return matching[0]
        if other:
            return None  # the header's own date is the published date, not this one (assemble takes it)
        order = written_order(lines)
    return _slash_iso(m, order) if order else None
