"""The first words of the anchored rule families: a line whose first word opens no phrase of a family skips
that family's regexes (engine and body passes look the line's first_word up here)."""

from __future__ import annotations

from typing import TypedDict

from corpus.convert.patterns import first_word
from corpus.convert.ruleparts.tables import Tables


class StarterRules(TypedDict):
    starters: frozenset[str]
    starter_families: dict[str, frozenset[str]]


def anchored_families(t: Tables, kinds: dict[str, str]) -> dict[str, list[str]]:
    """Family name -> the phrases its line-start regexes are built of. kinds: credits.credit_kinds."""
    return {
        "prevnext": t.gather("related", "previous") + t.gather("related", "next"),
        "related": t.gather("related", "labels") + t.gather("related", "inline"),
        "credit": list(kinds),
        # a lead alone ("Kommentar von") is a bare prefix: names on the next line
        "byline": t.gather("byline", "prefixes") + t.gather("byline", "leads"),
        "boiler_line": t.shared("boilerplate", "lines"),
        "boiler_start": t.shared("boilerplate", "starts"),
        "caption": t.gather("credit", "caption_labels"),
    }


def starter_rules(t: Tables, kinds: dict[str, str]) -> StarterRules:
    by_word: dict[str, set[str]] = {}
    for fam, phrases in anchored_families(t, kinds).items():
        for p in phrases:
            if p.strip():
                by_word.setdefault(first_word(p), set()).add(fam)
    families = {w: frozenset(fams) for w, fams in by_word.items()}
    return {"starters": frozenset(families), "starter_families": families}
