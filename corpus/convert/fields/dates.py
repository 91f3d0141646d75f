"""Dates in a line (published date, date lines): the formats of every language's month table."""

from __future__ import annotations

import re

from corpus.convert.memo import memo
from corpus.convert.rules import RULES


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
    return None
