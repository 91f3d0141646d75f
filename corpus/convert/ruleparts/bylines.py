"""Bylines: the prefixes and leads before the names ("By", "Kommentar von"), the separators between names, the
words after them (places, trailers, desks), and the roles printed beside a name ("Korrespondentin")."""

from __future__ import annotations

import re
from typing import Final, TypedDict

from corpus.convert.patterns import HeadOrAfter, alternation, name_split_fast, name_split_pattern
from corpus.convert.ruleparts.tables import Tables

_CJK_CHARS: Final = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$")


class BylineRules(TypedDict):
    byline: re.Pattern[str]
    byline_words: frozenset[str]
    byline_bare: re.Pattern[str]
    byline_lead: HeadOrAfter
    name_split: re.Pattern[str]
    name_places: re.Pattern[str]
    name_trailers: re.Pattern[str]
    desk_words: frozenset[str]


class RoleRules(TypedDict):
    roles: re.Pattern[str]
    role_words: HeadOrAfter
    role_lead: re.Pattern[str]
    cjk_roles: frozenset[str]
    role_suffixes: tuple[str, ...]


def byline_rules(t: Tables) -> BylineRules:
    flags = re.IGNORECASE
    prefixes = t.gather("byline", "prefixes")
    prefix_alt = alternation(prefixes)  # case-sensitive: "By" is a byline, "by" a sentence
    leads = t.gather("byline", "leads")
    lead_alt = alternation(leads, fold=True)
    connectors = t.gather("byline", "connectors")
    conn_words = [c for c in connectors if c.isalpha()]
    conn_syms = [c for c in connectors if not c.isalpha()]
    return {
        # "By: Jane Roe"; "作者：王小明": no space after a prefix that ends in a full-width colon or a slash
        # "ByJane Roe": a glued dump joins the prefix's span to the name's link
        "byline": re.compile(
            r"^(?P<prefix>"
            + prefix_alt
            + r")(?:\s*:)?(?:\s+|(?<=[：/])|(?<=^By)(?=[A-ZÀ-Þ][a-zß-ÿ]))(?P<names>\S.*)$"
        ),
        "byline_words": frozenset(p for p in prefixes if p.isalpha() and p.islower()),
        "byline_bare": re.compile(r"^(?:" + prefix_alt + "|" + alternation(leads) + r")\s*:?$"),
        "byline_lead": HeadOrAfter(
            re.compile(r"(?:" + lead_alt + r")\s+(?P<names>\S.*)$", flags),
            re.compile(r"\s(?:" + lead_alt + r")\s+(?P<names>\S.*)$", flags),
        ),
        "name_split": re.compile(name_split_fast(conn_syms, conn_words)),
        "name_places": re.compile(
            r"\s+(?:"
            + alternation(t.gather("byline", "places"))
            + r")\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,2}(?=\s*$|\s*[,;|/&]|"
            + name_split_pattern(conn_syms, conn_words)
            + ")"  # the place ends the name: "Jane Roe in Berlin", "… in Rome and John Doe in Bonn"
        ),
        "name_trailers": re.compile(r"\s\s*(?:" + alternation(t.gather("byline", "trailers")) + r")\b.*$"),
        "desk_words": frozenset(w.lower() for w in t.gather("byline", "desks")),
    }


def role_rules(t: Tables) -> RoleRules:
    flags = re.IGNORECASE
    roles = t.gather("byline", "roles")
    qualifiers = t.gather("byline", "role_qualifiers")
    role_alt = alternation(roles, fold=True)
    return {
        "roles": re.compile(
            r"\s*(?:[,|–—-]\s*)?\b(?:(?:"
            + alternation(qualifiers, fold=True)
            + r")\s+)*(?:"
            + role_alt
            + r")\b.*$",
            flags,
        ),
        "role_words": HeadOrAfter(  # `roles` has \b before the role, whose first letter is a word character
            re.compile(role_alt, flags),
            re.compile(r"\W(?:" + role_alt + ")", flags),
        ),
        "role_lead": re.compile(
            r"^(?:(?:"
            + alternation(qualifiers)
            + r")\s+)*(?:"
            + alternation(roles)
            + r")\s*:?\s+(?=[A-ZÀ-Þ])"
        ),
        "cjk_roles": frozenset(r for r in roles if _CJK_CHARS.match(r)),
        "role_suffixes": tuple(sorted({r.lower() for r in roles if len(r) >= 6})),
    }
