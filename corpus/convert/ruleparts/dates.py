"""Dates: month names and numbers, the date patterns of fields/dates.py, weekdays, "5 hours ago", datelines."""

from __future__ import annotations

import re
from typing import Final, TypedDict

from corpus.convert.patterns import alternation
from corpus.convert.ruleparts.tables import Tables

# A number's first digit, at a word's start: "\b\d" written digit first, so that the regex engine only tries
# the places that hold a digit (a pattern that opens with \b or a lookbehind is tried at every place).
_NUM_START: Final = r"\d(?<!\w\d)"
_SLASH_ORDERS: Final = ("day-month", "month-day")
# letters that case folding maps to ASCII letters: a month name holding one can match in an ASCII text
_FOLDS_TO_ASCII: Final = "ıİſK"


class DateRules(TypedDict):
    month_numbers: dict[str, int]
    slash_dates: dict[str, str]
    date_dmy: re.Pattern[str]
    date_mdy: re.Pattern[str]
    date_dmy_ascii: re.Pattern[str]
    date_mdy_ascii: re.Pattern[str]
    date_iso: re.Pattern[str]
    date_num: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_time: re.Pattern[str]
    relative_day: re.Pattern[str]
    dateline: re.Pattern[str]


def month_numbers(t: Tables) -> dict[str, int]:
    """Month names: full names, given abbreviations, and 3+ letter prefixes of full names (unless the table
    says `month_prefixes = false`: prefixes that are common words, as Czech "pro" and "led")."""
    months: dict[str, int] = {}
    for data in t.langs.values():
        prefixes = bool(data.get("month_prefixes", True))
        for name, num in data.get("months", {}).items():
            low = name.lower().rstrip(".")
            months[low] = int(num)
            for k in range(3, len(low) if prefixes else 0):
                months.setdefault(low[:k], int(num))
    return months


def date_rules(t: Tables, months: dict[str, int]) -> DateRules:
    month_alt = alternation(sorted(months), fold=True)
    # the month names an ASCII text can match: the patterns for ASCII lines, most lines, without the branches
    # of other scripts the regex engine would try at each place
    month_ascii = alternation(
        sorted(m for m in months if all(c.isascii() or c in _FOLDS_TO_ASCII for c in m)), fold=True
    )
    units = alternation(t.gather_top("time_units"), fold=True)
    return {
        "month_numbers": months,
        "slash_dates": _slash_dates(t),
        "date_dmy": _date_dmy(month_alt),
        "date_mdy": _date_mdy(month_alt),
        "date_dmy_ascii": _date_dmy(month_ascii),
        "date_mdy_ascii": _date_mdy(month_ascii),
        "date_iso": re.compile(
            r"(?P<y>(?:19|20)(?<!\w\d\d)\d{2})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b"
        ),
        "date_num": re.compile(
            r"(?P<d>" + _NUM_START + r"\d?)\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})\b"
        ),
        "weekday": re.compile(
            r"^(?:" + alternation(t.gather_top("weekdays"), fold=True) + r")\b", re.IGNORECASE
        ),
        "relative_time": re.compile(_NUM_START + r"\d*\s*(?:" + units + r")\b", re.IGNORECASE),
        # "Vandaag, 06:30", "I dag kl. 06.30": a day named relative to today, then a clock time
        "relative_day": re.compile(
            r"(?:^|\s)(?:"
            + alternation(t.gather_top("relative_days") or ["\x00"], fold=True)
            + r")\b[^\d]{0,12}\d{1,2}[:.h]\d\d\b",
            re.IGNORECASE,
        ),
        "dateline": _dateline(t.common_list("dateline", "wires"), t.common_list("dateline", "not_places")),
    }


# A dateline's place: in capitals ("NEW YORK", "RIO DE JANEIRO"), or in Title Case when a wire follows it
# ("Berlin (dpa)", "São Paulo (Reuters)"); then a state, a country or a date after commas ("LAGOS, Nigeria",
# "FRANKFURT, Nov 27", "PARIS, 27 novembre").
_CAPS_PLACE: Final = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3}"
_TITLE_PLACE: Final = r"[A-ZÀ-Þ][\w.'’-]+(?: (?:[A-ZÀ-Þ][\w.'’-]+|de|do|da|am|an|im|on|upon|sur|del|di)){0,3}"
_QUALIFIERS: Final = r"(?:,\s*[\w.'’-]+(?: [\w.'’-]+){0,3}){0,2}"


def _dateline(wires: list[str], not_places: list[str]) -> re.Pattern[str]:
    """The opening of a story that names where it was filed: the place, maybe a date, and the wire in brackets
    ("WASHINGTON (Reuters) -"), or a place in capitals and a dash alone ("LONDON —": a paper's own dateline;
    not a hyphen or a colon, which open "UPDATE: …" and "BREAKING - …" lines as well, nor a flag word of
    common.toml's dateline.not_places)."""
    wire = r"(?i:" + alternation(wires or ["\x00"]) + r")(?:[/-][\w-]+)*"
    with_wire = rf"(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_QUALIFIERS}\s*(?:\({wire}\)|/{wire}(?=\s*[-—–:]))"
    flags = alternation(not_places or ["\x00"])
    dash_only = (
        rf"(?!(?:{flags})\s+[—–]){_CAPS_PLACE}(?:,\s*[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+)?)?(?=\s+[—–]\s)"
    )
    return re.compile(rf"^(?P<dateline>{with_wire}|{dash_only})\s*[-—–:]\s*")


def _slash_dates(t: Tables) -> dict[str, str]:
    out = {k: str(v.get("slash_dates", "")) for k, v in t.langs.items()}
    bad = {k: v for k, v in out.items() if v and v not in _SLASH_ORDERS}
    if bad:
        raise ValueError(f"rules: slash_dates must be one of {_SLASH_ORDERS} or empty, got {bad}")
    return {k: v for k, v in out.items() if v}


def _date_dmy(month_alt: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<d>"
        + _NUM_START
        + r"\d?)(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<m>"
        + month_alt
        + r")\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )


def _date_mdy(month_alt: str) -> re.Pattern[str]:
    return re.compile(
        r"\b(?P<m>" + month_alt + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )
