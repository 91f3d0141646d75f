"""Author bios: "Jane Roe is a reporter …", an author box's header ("About the author", "About Jane Roe")."""

from __future__ import annotations

import re
from typing import Final, TypedDict

from corpus.convert.patterns import alternation, first_word
from corpus.convert.ruleparts.tables import Tables

# possessive: a name token ends where white space or a colon follows, so giving back letters never helps
_NAME_TOK: Final = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]++"


class BioRules(TypedDict):
    bio: re.Pattern[str]
    bio_header: re.Pattern[str]
    bio_about: re.Pattern[str]
    bio_header_first_words: frozenset[str]


def bio_rules(t: Tables) -> BioRules:
    headers = t.gather("bio", "headers")
    about = t.gather("bio", "about")
    return {
        "bio": re.compile(
            r"^(?P<name>"
            + _NAME_TOK
            + r"(?:\s+(?:"
            + _NAME_TOK
            + r"|von|van|de|der|da|di|del|la|le|al|bin)){1,4})\s+(?:"
            + alternation(t.gather("bio", "verbs"))
            + r")\b"
        ),
        "bio_header": re.compile(r"^(?:" + alternation(headers, fold=True) + r")\s*:?$", re.IGNORECASE),
        "bio_about": re.compile(
            r"^(?:"
            + alternation(about)
            + r")\s+"
            + _NAME_TOK
            + r"(?:\s+(?:"
            + _NAME_TOK
            + r"|von|van|de|der|da|di|del|la|le)){1,3}\s*:?$"
        ),
        "bio_header_first_words": frozenset(first_word(p) for p in headers + about if p.strip()),
    }
