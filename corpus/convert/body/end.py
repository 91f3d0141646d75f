"""Where the article ends: what follows its last paragraph (pager links, a comment thread, an author box).

A page goes on after the article with lines that read as well as its text (comments, an author's bio); the
main run is cut at the first line that opens one of them (follows_article), and tail() sorts the bio-like
lines on either side of that end. Kept apart from run.py so the list of endings can grow without touching
the run's arithmetic.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.labels import BIO, BODY, BOILERPLATE, BYLINE, DATELINE, RELATED
from corpus.convert.patterns import first_word
from corpus.convert.rules import RULES

_PAGER: Final = frozenset({"previous", "next"})
_COMMENTS: Final = re.compile(r"(?i)comment|kommentar|comentario|repl|antwort|respuesta|réponse")
_COMMENT_HEADER_WORDS: Final = 4
_COMMENTER_WORDS: Final = 5
_AUTHOR_HEADER_WORDS: Final = 6
_SHORT_WORDS: Final = max(_COMMENTER_WORDS, _AUTHOR_HEADER_WORDS)  # longer unlabelled lines open nothing
_AUTHOR_PAGE: Final = re.compile(r"(?i)/(?:author|authors|autor|autoren|auteur|autores|journalist)/")
_AUTHOR_BOX_GAP: Final = 2  # lines between the author's name or page link and the box's text


def follows_article(nb: list[LineDecision], k: int) -> bool:
    """nb[k] opens what comes after an article's text (asked only once several paragraphs are behind)."""
    d = nb[k]
    f = d.features
    if not d.label and not d.rule and f is not None and f.words > _SHORT_WORDS:
        return False  # a text line, as most lines in a run are: none of the tests below can hold
    return (
        # previous / next article links come after the article: below them, comments or another one
        (d.label == RELATED and d.data.get("rel") in _PAGER)
        # "12 comments", "Comments" after the article's text: the comment thread follows
        or ((d.rule == "boilerplate.counter" or _comment_header(d)) and _COMMENTS.search(d.text) is not None)
        # "Jane Roe says:" above a date line: a comment thread's first entry
        or _commenter(nb, k)
        # "About the author", "About Jane Roe": the author box follows the article
        or _author_header(d)
    )


def _author_header(d: LineDecision) -> bool:
    """ "About the author", "Über Jane Roe": the header of an author box, below the article's text."""
    f = d.features
    if f is None or f.words > _AUTHOR_HEADER_WORDS or f.ends_sentence:
        return False
    if first_word(d.text) not in RULES.bio_header_first_words:
        return False  # most short lines: no regex tried
    return bool(RULES.bio_header.match(d.text) or RULES.bio_about.match(d.text))


def _commenter(nb: list[LineDecision], k: int) -> bool:
    """A few words ending in ":" right above a date line: a commenter's name ("Jane Roe says:", "Jane Roe:")
    and the comment's time. An article's quotes are introduced by a sentence, not followed by a date."""
    d = nb[k]
    f = d.features
    return (
        f is not None
        and f.words <= _COMMENTER_WORDS
        and d.text.endswith(":")
        and k + 1 < len(nb)
        and nb[k + 1].label == DATELINE
    )


def _comment_header(d: LineDecision) -> bool:
    """A short furniture line naming the comments ("Comments", "Leave a comment", "All Comments 4")."""
    f = d.features
    return (
        d.label == BOILERPLATE
        and d.rule.startswith("boilerplate.")  # a table phrase; a menu's section name is a repeated line
        and f is not None
        and f.words <= _COMMENT_HEADER_WORDS
    )


def tail(nb: list[LineDecision], s: int, e: int) -> None:
    """Bio candidates inside the article are just paragraphs; after it they are the bio. The run's last
    text line right below the byline's name or a link to the author's page is an author box."""
    _author_box(nb, s, e)
    # the byline's own names: "Jane Roe is a reporter …" about the article's author is her bio wherever it is
    authors = {str(a) for d in nb[: max(s, 0)] if d.label == BYLINE for a in d.data.get("authors", [])}
    if (
        0 < s <= e
        and nb[s - 1].label == BIO
        and nb[s - 1].content == "good"
        and nb[s - 1].data.get("name") not in authors
    ):
        # "Jane Roe has been named …" right above the run: the article's first paragraph, not a bio
        nb[s - 1].label, nb[s - 1].rule = BODY, "bio-like sentence opening the article"
    for k, d in enumerate(nb):
        if (
            d.label == BIO
            and s <= k < e
            and d.data.get("name") not in authors
            and any(not x.label and x.content == "good" for x in nb[k + 1 : e + 1])
        ):
            d.label, d.rule = "", "bio-like sentence inside the article"


def _author_box(nb: list[LineDecision], s: int, e: int) -> None:
    if e <= s or e >= len(nb) or nb[e].label or nb[e].content != "good":
        return
    names = {str(a) for d in nb[:s] if d.label == BYLINE for a in d.data.get("authors", [])}
    for x in nb[max(s, e - _AUTHOR_BOX_GAP) : e]:
        if (x.text in names and x.index < nb[e].index) or _AUTHOR_PAGE.search(x.text):
            nb[e].label, nb[e].rule = BIO, f"author box: below {x.text[:40]!r}"
            return
