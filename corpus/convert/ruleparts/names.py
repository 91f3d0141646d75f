"""Names: the word sets that tell a person's name from other capitalised words (particles, given names, words a
dump glues to a name, words of menus and wires)."""

from __future__ import annotations

from typing import TypedDict

from corpus.convert.ruleparts.tables import Tables


class NameRules(TypedDict):
    particles: frozenset[str]
    inner_particles: frozenset[str]
    given_names: frozenset[str]
    glue_words: frozenset[str]
    ui_words: frozenset[str]
    wire_words: frozenset[str]
    org_articles: frozenset[str]


def name_rules(t: Tables, months: dict[str, int]) -> NameRules:
    given = frozenset(w.lower() for w in t.gather("name", "given"))
    org_articles = t.common_list("name", "org_articles")
    # the first words of roles, their qualifiers, trailers and publishers' articles, month and weekday names,
    # given names
    glued_heads = t.gather("byline", "roles") + t.gather("byline", "role_qualifiers")
    glued_heads += t.gather("byline", "trailers") + org_articles
    return {
        "particles": frozenset(t.common_list("name", "particles")),
        "inner_particles": frozenset(t.common_list("name", "inner_particles")),
        "given_names": given,
        "glue_words": frozenset(w.lower() for phrase in glued_heads for w in phrase.split()[:1])
        | frozenset(m for m in months if len(m) >= 3)
        | frozenset(w.lower() for w in t.gather_top("weekdays") if len(w) >= 3)  # "Jane RoeTue 12 Mar"
        | given,
        # the words of the button and menu lines, and the table's own non-names
        "ui_words": frozenset(
            w.lower()
            for phrase in t.shared("boilerplate", "lines")
            for w in phrase.split()
            if len(w) > 2 and w[0].isalpha()
        )
        | frozenset(w.lower() for w in t.common_list("name", "non_name_words")),
        "wire_words": frozenset(w.lower() for w in t.common_list("name", "wire_words")),
        "org_articles": frozenset(org_articles),
    }
