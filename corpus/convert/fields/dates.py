"""Dates in a line (published date, date lines): the formats of every language's month table."""

from __future__ import annotations

import re

from corpus.convert.memo import memo
from corpus.convert.rules import RULES

# "03/05/2024": day first as most of the world writes it; month first only where the day cannot be a month
# ("04/28/2023"). Not preceded by a digit or a slash (a path, "2024/03/05" is date_iso's).
_SLASH = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})\b")


@memo
def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date in the text as ISO (year-month-day), with its match."""
    if "19" not in text and "20" not in text:
        return None  # every pattern needs a year
    for pat in (RULES.date_iso, RULES.date_dmy, RULES.date_mdy, RULES.date_num):
        m = pat.search(text)
        if not m:
            continue
        mm = m.group("m")
        month = int(mm) if mm.isdigit() else RULES.month_numbers.get(mm.lower().rstrip("."), 0)
        day, year = int(m.group("d")), int(m.group("y"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}", m
    m = _SLASH.search(text) if "/" in text else None
    if m:
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        day, month = (b, a) if a <= 12 < b else (a, b)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}", m
    return None
