"""Pass 5: the main run's lines become body; short lines between paragraphs are subheadings or links.

A short line inside the run is furniture unless its place says otherwise: between two paragraphs it heads
the next one (a subheading), names a pictured person (a caption) or, in a Title Case language, is an
inline related link. Short runs of item-like lines are handed to lists.py.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from corpus.convert.body.lists import (
    SHORT_IN_RUN,
    SHORT_OUTSIDE,
    list_after_run,
    lists_between_paragraphs,
    priced,
    short_runs,
)
from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE, CAPTION, CREDIT, RELATED
from corpus.convert.rules import RULES
from corpus.convert.scan import GLUED_CASE, glued_buttons, whole_line_key

_TITLE_CASE: Final = 0.8  # share of capitalised content words above which a line reads as a title
_SUBHEAD_MAX_WORDS: Final = 16
_INLINE_LINK_MIN_WORDS: Final = 6
_CAPS_HEADING_WORDS: Final = 8
_NUMBERED_HEAD: Final = re.compile(r"\d{1,2}[.)]\s+\w")
# "1. Charge More Than You Think", "Step 2: Find the App List", "Part 3 – The Road Home": a numbered heading
# of a listicle or a how-to is set in Title Case like a link's title, but no link is numbered
_HEADING_MARK: Final = re.compile(r"(?:\d{1,2}[.):]|[A-Z][a-z]+ \d{1,2}(?:[.):]| [–—-]))\s")
# "Jane Roe, director of …", "Sir John Doe (left) …", "Jane Roe @handle": a person named, then a role or a
# handle, alone between paragraphs; a heading does not start with a name and a comma.
_PERSON_LINE: Final = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]+\s+){1,2}[A-ZÀ-Þ][\w'’-]+(?:,\s|\s+\(|\s+@)")
# A clock time ("14:32", "9:05 pm", "14.45 Uhr", "12.10 GMT", "10h30"): with a relative time ("Updated 2 hours ago"), what
# a live blog's entry stamp or an update line holds. Alone between paragraphs it heads nothing.
_CLOCK: Final = re.compile(
    r"(?<!\d)\d{1,2}(?::\d\d(?:\s*[ap]\.?m\.?)?|[.:h]\d\d\s*(?:Uhr|h|GMT|BST|UTC|CET|CEST)\b|h\d\d)(?!\d)",
    re.IGNORECASE,
)
_STAMP_MAX_WORDS: Final = 2  # words left once the times are taken out: "Updated … ago", "Aktualisiert am"
_LETTERS: Final = re.compile(r"[^\W\d_]{2,}")


def _glued_button_row(text: str) -> bool:
    """Only button phrases, glued as a dump joins a row of them ("CompartirFacebookXWhatsApp", "Comentar0")."""
    got = glued_buttons(text)
    return got >= 2 or (got == 1 and any(ch.isdigit() for ch in text))


def _timestamp(text: str) -> bool:
    """A line that only stamps a time: nothing but a clock or relative time and at most two words around it."""
    rest = RULES.relative_time.sub(" ", _CLOCK.sub(" ", text))
    return rest != text and len(_LETTERS.findall(rest)) <= _STAMP_MAX_WORDS


def label_body(nb: list[LineDecision], s: int, e: int, lang: str | None) -> None:
    """Pass 4/5: text inside the main run is body; short lines between paragraphs are subheadings or links."""
    unstopped = lang in RULES.unstopped_langs
    for k, d in enumerate(nb):
        if d.label:
            continue
        inside = s <= k <= e
        if d.rule:
            d.rule += "; "
        if d.content in ("good", "medium"):
            if inside:
                d.label, d.rule = BODY, f"{d.content} text in the main run"
            else:
                d.label, d.rule = (
                    BOILERPLATE,
                    f"{d.content} text outside the main run (lines {nb[s].index + 1}-{nb[e].index + 1})"
                    if e >= s
                    else "no main run",
                )
            continue
        f = d.features
        assert f is not None
        nxt = _text_below(nb, k) if inside else None  # outside the run no line heads anything
        next_text = nxt is not None and not nxt.label and nxt.content in ("good", "medium")
        if (
            next_text
            and k > 0
            and _body_above(nb, k)
            and f.words <= _SUBHEAD_MAX_WORDS
            and (f.block_size == 1 or _between_paragraphs(d, nb[k - 1], nxt))
            and not f.has_url
        ):
            if _timestamp(d.text):
                d.label, d.rule = (
                    BOILERPLATE,
                    "a time stamp between paragraphs (a live blog's entry, an update line)",
                )
            elif _button_row(d.text):
                d.label, d.rule = BOILERPLATE, "a row of buttons between paragraphs (share, print, mail)"
            elif GLUED_CASE.search(d.text) and _glued_button_row(d.text):
                d.label, d.rule = BOILERPLATE, "a row of buttons glued into one word ('ShareFacebookX')"
            elif _PERSON_LINE.match(d.text) and not d.text.isupper():
                d.label, d.rule = BOILERPLATE, "a name and a role between paragraphs (a portrait's caption)"
            elif _title_case_link(d, lang) and not _HEADING_MARK.match(d.text) and not priced(d.text):
                d.label, d.rule = RELATED, "related.inline: Title Case line between paragraphs"
                d.data = {"rel": "inline", "title": d.text}
            else:
                d.label, d.rule = BODY, _SUBHEADING
            continue
        if inside and unstopped and _unstopped_paragraph(d):
            d.label, d.rule = BODY, "text in the main run (a script that ends sentences without a stop)"
            continue
        d.label, d.rule = BOILERPLATE, SHORT_IN_RUN if inside else SHORT_OUTSIDE
    _stacked_headings(nb, s, e)
    if unstopped:
        _unstopped_tail(nb, e)
    lists_between_paragraphs(nb, s, e)
    list_after_run(nb, e)


_SUBHEADING: Final = "subheading: short line between paragraphs"
_STACKED: Final = "subheading: two or three short lines over a paragraph"
_STACK_MAX: Final = 3


def _stacked_headings(nb: list[LineDecision], s: int, e: int) -> None:
    """A section's heading over its first subheading ("The four stages" / "Stage 1: Plan"), or a short aside
    over a heading, or a deal's offer line ("Get it at Shop for $20") over the next deal's title, between
    paragraphs: two or three short lines that each read as a heading head the text below, though only the
    lowest has text right below it."""
    for k, j in short_runs(nb, s + 1, e):
        below = nb[j + 1] if j + 1 < len(nb) else None
        if (
            j > k
            and j - k < _STACK_MAX
            and below is not None
            and below.label == BODY
            and below.content in ("good", "medium")
            and _body_above(nb, k)
            and all(_heading_like(x) for x in nb[k : j + 1])
            and all(_aside(x.text) or priced(x.text) for x in nb[k:j])
        ):
            for x in nb[k : j + 1]:
                x.label, x.rule = BODY, _STACKED


_ASIDE_ENDS: Final = (".", "!", "?", "…", ":")


def _aside(text: str) -> bool:
    """A short sentence or lead-in ("Really.", "So frustrating …", "Think about it:"): the writer's voice,
    not a kicker, a teaser's title or a name."""
    return text.endswith(_ASIDE_ENDS) and not text.endswith("...")


def _heading_like(d: LineDecision) -> bool:
    f = d.features
    return (
        f is not None
        and f.words <= _SUBHEAD_MAX_WORDS
        and not f.has_url
        and not _timestamp(d.text)
        and not _PERSON_LINE.match(d.text)
    )


_UNSTOPPED_MIN_WORDS: Final = 8  # as features count a dense script: a character pair a word


def _unstopped_paragraph(d: LineDecision) -> bool:
    """A line of a script without sentence stops (Thai), long enough for a sentence, that ends in a letter."""
    f = d.features
    last = d.text[-1:]
    letter = last.isalpha() or unicodedata.category(last) == "Mn"  # Thai vowel and tone marks are Mn
    return f is not None and f.words >= _UNSTOPPED_MIN_WORDS and not f.has_url and letter


def _unstopped_tail(nb: list[LineDecision], e: int) -> None:
    """Below the main run, the article's short last paragraphs in such a script, up to the first furniture."""
    for d in nb[e + 1 :]:
        if d.rule != SHORT_OUTSIDE or not _unstopped_paragraph(d):
            return
        d.label, d.rule = BODY, "text below the main run (a script that ends sentences without a stop)"


_MEDIA: Final = (CREDIT, CAPTION)
_MEDIA_SPAN: Final = 3  # a picture's credit and caption lines between a paragraph and the next heading


def _text_below(nb: list[LineDecision], k: int) -> LineDecision | None:
    """The line below, or the line below a picture's credit: a heading often has its picture between it
    and its text (a listicle's "1. Name of the place" / "Photo: Jane Roe" / text). A labelled caption
    ("Media caption …") is a player's, under its own furniture."""
    for j in range(k + 1, min(len(nb), k + 1 + _MEDIA_SPAN)):
        if nb[j].label != CREDIT or nb[j].text.endswith(":"):
            return nb[j]
    return None


_BUTTONS_MIN: Final = 2
_BUTTONS_LOOSE: Final = 4  # from this many words, one may be a button the tables do not name ("X.com")


def _button_row(text: str) -> bool:
    """ "Facebook WhatsApp E-Mail": each word a button of the tables; a heading has words of its own."""
    words = text.split()
    if len(words) < _BUTTONS_MIN:
        return False
    misses = 1 if len(words) >= _BUTTONS_LOOSE else 0  # words the tables may not name
    for w in words:
        if whole_line_key(w) not in RULES.boiler_line_set:
            misses -= 1
            if misses < 0:
                return False  # most headings: their first word or two tell
    return True


def _body_above(nb: list[LineDecision], k: int) -> bool:
    """The paragraph above, maybe across a picture's caption and credit, a one-line link ("Read also: …") or an
    ad marker ("- Advertisement -"): a heading often follows a picture, a link or an ad slot that closes the
    previous section."""
    for j in range(k - 1, max(-1, k - 1 - _MEDIA_SPAN), -1):
        if nb[j].label == BODY:
            return True
        if (
            nb[j].label not in _MEDIA
            and not _link_line(nb[j])
            and whole_line_key(nb[j].text) not in RULES.ad_markers
        ):
            return False
    return False


def _link_line(d: LineDecision) -> bool:
    """A link's label, or its title on the label's line or glued below it: a single link, not a list's items."""
    return d.label == RELATED and d.rule.startswith("related.label")


def _title_case_link(d: LineDecision, lang: str | None) -> bool:
    f = d.features
    assert f is not None
    return (
        (lang in RULES.title_case_langs)
        and f.words >= _INLINE_LINK_MIN_WORDS
        and f.title_ratio >= _TITLE_CASE
        # "HOW TO STORE THE JAM": a short heading set in capitals (a link's title in capitals runs longer)
        and not (d.text.isupper() and f.words <= _CAPS_HEADING_WORDS)
    )


def _between_paragraphs(line: LineDecision, prev: LineDecision, nxt: LineDecision | None) -> bool:
    """A dump with a line per paragraph and no blank lines puts subheadings inside one block: a numbered
    short line after a finished paragraph and before running text heads the next one (a listicle's steps),
    as a block of its own would. Unnumbered short lines there are as often photo captions."""
    fp = prev.features
    return (
        _NUMBERED_HEAD.match(line.text) is not None
        and nxt is not None
        and fp is not None
        and fp.ends_sentence
        and prev.content == "good"
        and nxt.content == "good"
    )
