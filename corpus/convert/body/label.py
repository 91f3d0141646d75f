"""Pass 5: the main run's lines become body; short lines between paragraphs are subheadings or links.

A short line inside the run is furniture unless its place says otherwise: between two paragraphs it heads
the next one (a subheading), names a pictured person (a caption) or, in a Title Case language, is an
inline related link. Short runs of item-like lines are handed to lists.py.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.body.lists import SHORT_IN_RUN, SHORT_OUTSIDE, list_after_run, lists_between_paragraphs
from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE, CAPTION, CREDIT, RELATED
from corpus.convert.rules import RULES
from corpus.convert.scan import whole_line_key

_TITLE_CASE: Final = 0.8  # share of capitalised content words above which a line reads as a title
_SUBHEAD_MAX_WORDS: Final = 16
_INLINE_LINK_MIN_WORDS: Final = 6
_CAPS_HEADING_WORDS: Final = 8
_NUMBERED_HEAD: Final = re.compile(r"\d{1,2}[.)]\s+\w")
# "Jane Roe, director of …", "Sir John Doe (left) …", "Jane Roe @handle": a person named, then a role or a
# handle, alone between paragraphs; a heading does not start with a name and a comma.
_PERSON_LINE: Final = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]+\s+){1,2}[A-ZÀ-Þ][\w'’-]+(?:,\s|\s+\(|\s+@)")
# A clock time ("14:32", "9:05 pm", "14.45 Uhr", "10h30"): with a relative time ("Updated 2 hours ago"), what
# a live blog's entry stamp or an update line holds. Alone between paragraphs it heads nothing.
_CLOCK: Final = re.compile(
    r"(?<!\d)\d{1,2}(?::\d\d(?:\s*[ap]\.?m\.?)?|[.:h]\d\d\s*(?:Uhr|h)\b|h\d\d)(?!\d)", re.IGNORECASE
)
_STAMP_MAX_WORDS: Final = 2  # words left once the times are taken out: "Updated … ago", "Aktualisiert am"
_LETTERS: Final = re.compile(r"[^\W\d_]{2,}")


def _timestamp(text: str) -> bool:
    """A line that only stamps a time: nothing but a clock or relative time and at most two words around it."""
    rest = RULES.relative_time.sub(" ", _CLOCK.sub(" ", text))
    return rest != text and len(_LETTERS.findall(rest)) <= _STAMP_MAX_WORDS


def label_body(nb: list[LineDecision], s: int, e: int, lang: str | None) -> None:
    """Pass 4/5: text inside the main run is body; short lines between paragraphs are subheadings or links."""
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
        nxt = nb[k + 1] if k + 1 < len(nb) else None
        next_text = nxt is not None and not nxt.label and nxt.content in ("good", "medium")
        if (
            inside
            and next_text
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
            elif _PERSON_LINE.match(d.text) and not d.text.isupper():
                d.label, d.rule = BOILERPLATE, "a name and a role between paragraphs (a portrait's caption)"
            elif _title_case_link(d, lang):
                d.label, d.rule = RELATED, "related.inline: Title Case line between paragraphs"
                d.data = {"rel": "inline", "title": d.text}
            else:
                d.label, d.rule = BODY, "subheading: short line between paragraphs"
            continue
        d.label, d.rule = BOILERPLATE, SHORT_IN_RUN if inside else SHORT_OUTSIDE
    lists_between_paragraphs(nb, s, e)
    list_after_run(nb, e)


_MEDIA: Final = (CREDIT, CAPTION)
_MEDIA_SPAN: Final = 3  # a picture's credit and caption lines between a paragraph and the next heading


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
    """The paragraph above, maybe across a picture's caption and credit: a heading often follows a picture
    that closes the previous section."""
    for j in range(k - 1, max(-1, k - 1 - _MEDIA_SPAN), -1):
        if nb[j].label == BODY:
            return True
        if nb[j].label not in _MEDIA:
            return False
    return False


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
