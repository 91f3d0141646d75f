"""The compiled rules: every table of corpus/convert/rules/ (*.toml, stopwords/) as regexes, word sets and maps,
built once, at import, into one frozen Rules that the converter reads (RULES).

Phrase tables of every language are merged into one regex per rule family: the phrases are anchored and
distinctive, so a German "Von" prefix does no harm in an English text, and a page that mixes languages
(an English menu on a Spanish article) is still cleaned. Stopwords stay per language: they measure how
much a line reads like running text, which only works with the text's own language.

Each theme's fields are built in corpus/convert/ruleparts/ (a builder per theme returns a TypedDict of its
fields); the regex helpers are in corpus/convert/patterns.py. A new rule: its table entry, its field here, the
same field in its theme's TypedDict and its value in the builder; mypy checks that the parts fill Rules, each
field exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from corpus.convert.patterns import (
    HeadOrAfter,
    alternation,
    first_word,
    name_split_fast,
    name_split_pattern,
    phrase_finder,
    phrase_finders,
)
from corpus.convert.ruleparts.bios import bio_rules
from corpus.convert.ruleparts.boilerplate import boilerplate_rules, keyword_rules
from corpus.convert.ruleparts.bylines import byline_rules, role_rules
from corpus.convert.ruleparts.credits import agency_rules, credit_kinds, credit_rules
from corpus.convert.ruleparts.dates import date_rules, month_numbers
from corpus.convert.ruleparts.headline import headline_rules
from corpus.convert.ruleparts.names import name_rules
from corpus.convert.ruleparts.related import related_rules
from corpus.convert.ruleparts.starters import starter_rules
from corpus.convert.ruleparts.tables import load_tables

# the pattern helpers, importable from here as before they moved to patterns.py
__all__ = [
    "RULES",
    "HeadOrAfter",
    "Rules",
    "alternation",
    "first_word",
    "name_split_fast",
    "name_split_pattern",
    "phrase_finder",
    "phrase_finders",
]


@dataclass(frozen=True, slots=True)
class Rules:
    """Every compiled table the engine uses; one instance, built at import."""

    stopwords: dict[str, frozenset[str]]
    starters: frozenset[
        str
    ]  # first words of every anchored phrase: lines starting otherwise skip those rules
    # first word -> the anchored rule families with a phrase starting with it ("prevnext", "related",
    # "credit", "byline", "boiler_line", "boiler_start"): a line tries only those regexes
    starter_families: dict[str, frozenset[str]]
    # boiler_line / boiler_start as plain lookups: whole lines (lower case, a final ":.!" dropped) and, per
    # first word, the lower-case phrases a line may start with (longest first). Same matches as the regexes,
    # at a fraction of the cost of a 300-way alternation tried phrase by phrase.
    boiler_line_set: frozenset[str]
    boiler_starts_by_word: dict[str, tuple[str, ...]]
    title_case_langs: frozenset[str]
    unstopped_langs: frozenset[str]  # "th": sentences end without a stop, so a paragraph may end with none
    particles: frozenset[str]
    inner_particles: frozenset[str]  # "der", "den": a particle only right after another one ("von der")
    given_names: frozenset[str]  # lower case: common given names, to split names printed without separators
    # lower case: words that a dump glues to a name's last letter ("RoeMarch 3", "ExnerKorrespondent")
    glue_words: frozenset[str]
    ui_words: frozenset[str]  # words of the button/menu tables and name.non_name_words: never in a name
    title_caption_ends: tuple[str, ...]  # "（警視庁提供）": a caption's courtesy line, never a title's end
    title_never_last: frozenset[
        str
    ]  # conjunctions and articles: a line ending with one is cut text, no title
    crumb_roots: frozenset[str]  # lower case: "home", "startseite": a breadcrumb's first link
    player_lines: frozenset[
        str
    ]  # lower case: a video player's controls; the line beside them titles the video
    cjk_roles: frozenset[str]  # "记者", "기자": roles beside a name in scripts without capitals or spaces
    role_suffixes: tuple[str, ...]  # lower-case roles: "Wirtschaftsredakteur" ends with one, so it is no name
    month_numbers: dict[str, int]
    # language -> "day-month" / "month-day": how its slash dates with both parts <= 12 read by default
    # (a language without one, English, takes the order from the document: fields/dates.py)
    slash_dates: dict[str, str]
    credit_kinds: dict[str, str]
    credit_weak: frozenset[
        str
    ]  # labels that also cite a text's source ("Quelle"): inline only after a short caption
    credit_lead: frozenset[str]  # the lead picture's labels ("Titelbild"): printed apart from the picture
    boiler_line: re.Pattern[str]
    boiler_start: re.Pattern[str]
    boiler_keywords: tuple[str, ...]  # lower case; matched as substrings of the lower-cased line
    # boiler_keywords by the text's language: the common and English phrases (international page
    # furniture) and the language's own; a language without a table gets them all. A text is not searched
    # for the phrases of a dozen languages it is not written in.
    keywords_by_lang: dict[str, tuple[str, ...]]
    keyword_max_words: int
    more_links: frozenset[str]  # lower case, no final punctuation: "read more", "weiterlesen"
    summary_boxes: frozenset[str]  # lower case: "key points", "auf einen blick"
    # lower case: "advertisement", "anzeige": an ad slot's label between paragraphs
    ad_markers: frozenset[str]
    contents_headers: frozenset[str]  # lower case: "table of contents", "inhaltsverzeichnis"
    caption_label: re.Pattern[str]  # "Image caption …", "Media caption …": a caption the page labels so
    # lower case, with their final space: "end of ", "ende der ": a box's closing line, its header's words after it
    box_ends: tuple[str, ...]
    # lower case, by language ("" = any text); like boiler_keywords, but in a line of any length (a long
    # promo). Only the text's own language is searched: the whole text is scanned once per phrase.
    notices: dict[str, tuple[str, ...]]
    # by language code (as `notices`): phrase_finders of boiler_keywords and that language's notices together
    phrases_any: dict[str, tuple[re.Pattern[str], ...]]
    counter: re.Pattern[str]
    prevnext: re.Pattern[str]
    related_label: re.Pattern[str]
    related_header: re.Pattern[str]
    related_inline: re.Pattern[str]  # "À lire aussi Title": a link's label, a space, the title
    byline: re.Pattern[str]
    byline_bare: re.Pattern[str]
    byline_words: frozenset[str]  # the one-word lower-case prefixes ("by", "von"): "… 2024 by Jane Roe"
    name_split: re.Pattern[str]
    roles: re.Pattern[str]
    role_words: HeadOrAfter  # a role phrase opening a word (as `roles` matches it): a gate before `roles`
    role_lead: re.Pattern[
        str
    ]  # a role before the name ("Korrespondentin Jana Roth"): dropped, the name stays
    name_places: re.Pattern[str]  # "Jane Roe in Berlin", "Jana Roth aus Bonn": where the author writes from
    wire_words: frozenset[str]  # lower case: words of a wire's or publisher's name ("Associated Press")
    org_articles: frozenset[str]  # "The", "Les": a byline opening with one names a publisher
    desk_words: frozenset[str]  # "Staff", "Redaktion": a byline naming a desk, not a person
    name_trailers: re.Pattern[str]  # words after a byline's names that end the name part
    byline_lead: HeadOrAfter  # "Kolumne von", "Analysis by": names follow, anywhere in a short line
    credit_start: re.Pattern[str]
    credit_inline: re.Pattern[str]
    credit_glued: re.Pattern[str]  # "…World CupCredit: PA": a capitalised label glued to the caption's end
    credit_label_alone: re.Pattern[str]  # "Image:" alone: the credit is on the next line
    credit_copyright: re.Pattern[str]
    credit_agency_end: re.Pattern[str]
    # "…を行う吉田技官（警視庁提供）": a caption ending in a full-width bracket that names who provided or took the
    # picture (the tables' credit.courtesy words, CJK captions' way of crediting)
    credit_courtesy: re.Pattern[str]
    credit_tail_label: re.Pattern[str]  # "CAPTION. Foto di Jane Roe": a label opening the credit, no colon
    credit_tail_gate: re.Pattern[str]  # any of its labels: the line must hold one before that regex runs
    agency: re.Pattern[str]
    agency_words: frozenset[str]  # every word of the agency names, lower case ("getty", "images", "dpa")
    # `agency` split in two for a truth test (scan.agency_named): the name opening the text (agency_head.match)
    # or after a separator (agency_sep.search: a regex that opens with the separator, so that the regex engine
    # only tries the places that hold one; `agency` is tried at every place)
    agency_head: re.Pattern[str]
    agency_sep: re.Pattern[str]
    credit_tail_names: frozenset[str]  # lower case: agencies' full names, a credit only after a caption
    credit_agencies: frozenset[str]  # [credit] agencies as printed ("ANP", "Getty Images"), case kept
    date_dmy: re.Pattern[str]
    date_mdy: re.Pattern[str]
    date_dmy_ascii: re.Pattern[str]  # date_dmy and date_mdy for ASCII lines: the same matches, faster
    date_mdy_ascii: re.Pattern[str]
    date_iso: re.Pattern[str]
    date_num: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_time: re.Pattern[str]  # "5 hours ago", "vor 2 Stunden": a date line without a date
    relative_day: re.Pattern[str]  # "Vandaag, 06:30", "I dag kl. 06.30": a date line without a date
    bio: re.Pattern[str]
    bio_header: re.Pattern[str]
    bio_about: re.Pattern[str]  # "About Jane Roe": an author box's header, the person's name after the words
    bio_header_first_words: frozenset[str]  # first words (first_word) of bio_header and bio_about phrases
    dateline: re.Pattern[str]


def _compile() -> Rules:
    t = load_tables()
    months = month_numbers(t)
    kinds = credit_kinds(t)
    return Rules(
        stopwords=t.stopwords,
        **starter_rules(t, kinds),
        **boilerplate_rules(t),
        **keyword_rules(t),
        **headline_rules(t),
        **name_rules(t, months),
        **byline_rules(t),
        **role_rules(t),
        **credit_rules(t, kinds),
        **agency_rules(t),
        **date_rules(t, months),
        **related_rules(t),
        **bio_rules(t),
    )


RULES: Final = _compile()
