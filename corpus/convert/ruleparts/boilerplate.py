"""Page furniture: button and menu lines, the phrases a furniture line starts with, counters ("1.2K shares"),
boxes (more links, summaries, contents), and the keywords and notices that mark a line of furniture."""

from __future__ import annotations

import re
from typing import TypedDict

from corpus.convert.patterns import alternation, first_word, phrase_finders
from corpus.convert.ruleparts.tables import Tables


class BoilerplateRules(TypedDict):
    boiler_line: re.Pattern[str]
    boiler_start: re.Pattern[str]
    boiler_line_set: frozenset[str]
    boiler_starts_by_word: dict[str, tuple[str, ...]]
    counter: re.Pattern[str]
    more_links: frozenset[str]
    summary_boxes: frozenset[str]
    ad_markers: frozenset[str]
    contents_headers: frozenset[str]
    box_ends: tuple[str, ...]


class KeywordRules(TypedDict):
    boiler_keywords: tuple[str, ...]
    keywords_by_lang: dict[str, tuple[str, ...]]
    keyword_max_words: int
    notices: dict[str, tuple[str, ...]]
    phrases_any: dict[str, tuple[re.Pattern[str], ...]]


def boilerplate_rules(t: Tables) -> BoilerplateRules:
    flags = re.IGNORECASE
    lines = t.shared("boilerplate", "lines")
    starts = t.shared("boilerplate", "starts")
    return {
        "boiler_line": re.compile(r"^(?:" + alternation(lines, fold=True) + r")\s*[:.!]?$", flags),
        "boiler_start": re.compile(r"^(?:" + alternation(starts, fold=True) + r")", flags),
        "boiler_line_set": frozenset(p.lower() for p in lines if p),
        "boiler_starts_by_word": _starts_by_word(starts),
        "counter": re.compile(
            r"^(?:\d[\d,.\s]*[KkMm]?\+?\s+(?:"
            + alternation(t.common_list("boilerplate", "counter_words"), fold=True)
            + r")\b.{0,30}|\d[\d,.]*[KkMm]?)$",
            flags,
        ),
        "more_links": _lower_set(t.gather("boilerplate", "more_links")),
        "summary_boxes": _lower_set(t.gather("boilerplate", "summary_boxes")),
        "ad_markers": _lower_set(t.gather("boilerplate", "ad_markers")),
        "contents_headers": _lower_set(t.gather("boilerplate", "contents")),
        "box_ends": tuple(sorted({m.lower().strip() + " " for m in t.gather("boilerplate", "box_ends")})),
    }


def keyword_rules(t: Tables) -> KeywordRules:
    shared = t.common_list("boilerplate", "keywords")
    keywords = _lower_sorted(shared + t.gather("boilerplate", "keywords"))
    # a language's keywords: the common and English ones (international page furniture) and its own
    english = list(t.langs.get("en", {}).get("boilerplate", {}).get("keywords", []))
    by_lang = {
        code: _lower_sorted(shared + english + d.get("boilerplate", {}).get("keywords", []))
        for code, d in t.langs.items()
    }
    common_notices = t.common_list("boilerplate", "notices")
    notices = {"": _lower_sorted(common_notices)}  # "": a text of no known language
    for code, d in t.langs.items():
        notices[code] = _lower_sorted(common_notices + list(d.get("boilerplate", {}).get("notices", [])))
    return {
        "boiler_keywords": keywords,
        "keywords_by_lang": by_lang,
        "keyword_max_words": int(t.common.get("boilerplate", {}).get("keyword_max_words", 40)),
        "notices": notices,
        "phrases_any": {
            code: phrase_finders(by_lang.get(code, keywords) + ps) for code, ps in notices.items()
        },
    }


def _starts_by_word(starts: list[str]) -> dict[str, tuple[str, ...]]:
    """First word -> the lower-case phrases a line starting with it may start with, longest first."""
    by_word: dict[str, list[str]] = {}
    for p in starts:
        if p:
            by_word.setdefault(first_word(p), []).append(p.lower())
    return {w: tuple(sorted(set(ps), key=lambda x: (-len(x), x))) for w, ps in by_word.items()}


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(m.lower() for m in items)


def _lower_sorted(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted({k.lower() for k in items}))
