"""Headline evidence: the line ends no title has, a video player's controls, the languages that capitalise
headings (and those that end no sentence with a stop)."""

from __future__ import annotations

from typing import TypedDict

from corpus.convert.ruleparts.tables import Tables


class HeadlineRules(TypedDict):
    title_case_langs: frozenset[str]
    unstopped_langs: frozenset[str]
    title_caption_ends: tuple[str, ...]
    title_never_last: frozenset[str]
    player_lines: frozenset[str]
    crumb_roots: frozenset[str]


def headline_rules(t: Tables) -> HeadlineRules:
    return {
        "title_case_langs": frozenset(k for k, v in t.langs.items() if v.get("title_case_headings")),
        "unstopped_langs": frozenset(k for k, v in t.langs.items() if v.get("sentence_stops") is False),
        "title_caption_ends": tuple(t.shared("headline", "caption_ends")),
        "title_never_last": frozenset(w.lower() for w in t.shared("headline", "never_last")),
        "player_lines": frozenset(w.lower() for w in t.shared("headline", "player")),
        "crumb_roots": frozenset(w.lower() for w in t.shared("headline", "crumb_roots")),
    }
