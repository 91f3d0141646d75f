"""Links to other articles: "Previous article" / "Next article" lines and the labels that head related links."""

from __future__ import annotations

import re
from typing import TypedDict

from corpus.convert.patterns import alternation
from corpus.convert.ruleparts.tables import Tables


class RelatedRules(TypedDict):
    prevnext: re.Pattern[str]
    related_label: re.Pattern[str]
    related_header: re.Pattern[str]
    related_inline: re.Pattern[str]


def related_rules(t: Tables) -> RelatedRules:
    flags = re.IGNORECASE
    labels = t.gather("related", "labels")
    return {
        "prevnext": re.compile(
            r"^(?:(?P<previous>"
            + alternation(t.gather("related", "previous"), fold=True)
            + r")|(?P<next>"
            + alternation(t.gather("related", "next"), fold=True)
            + r"))\s*[:：»›>-]?\s*(?P<title>.*)$",
            flags,
        ),
        "related_label": re.compile(
            r"^(?P<label>"
            + alternation(labels, fold=True)
            + r")(?:\s*[:»›|>–—-]\s*(?P<title>\S.*)|\s*(?:[:»›>]|\.\.\.|…)?\s*)$",  # "You may also like…"
            flags,
        ),
        # "More from Business", "Mehr zum Thema bei Plus": a label of two words or more and a short tail (a
        # section or a site) heads a list of links; one-word labels ("More", "Watch") also open sentences
        "related_header": re.compile(
            r"^(?P<label>"
            + alternation([x for x in labels if " " in x.strip()], fold=True)
            + r")\s+[^\s.!?:,;]+(?:\s+[^\s.!?:,;]+){0,2}$",
            flags,
        ),
        # "À lire aussi Title of the link": a label that the page prints before one link's title with only a
        # space between, or none ("À LIRE AUSSIRéforme …"); the engine asks for a capital after it: a sentence
        # goes on in lower case
        "related_inline": re.compile(
            r"^(?P<label>"
            + alternation(t.gather("related", "inline") or ["\x00"], fold=True)
            + r")\s*(?P<title>\S.*)$",
            flags,
        ),
    }
