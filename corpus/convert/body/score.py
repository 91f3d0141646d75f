"""How a line reads on its own: running text, a short sentence, or a title-like short line (pass 2).

jusText's idea on our features: the passes after this one weigh, group and relabel lines by this class, so
it is kept cheap and local; a paragraph hard-wrapped over several lines is scored as a whole, or its pieces
would read as titles.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.features import Features

_GOOD_WORDS: Final = 12
_MEDIUM_WORDS: Final = 5
_LEAD_IN_WORDS: Final = 6  # a line this long ending in ":" introduces a list or a quote
_LONG_WORDS: Final = 25  # a line this long is running text even without a final stop
_MENU_CASE: Final = 0.9  # a long line of capitalised words with no punctuation: a menu or a tag cloud
_MENU_MARKS: Final = re.compile(r"[.,;:!?]\s")
_LAST_WORD: Final = re.compile(r"\w+$")
_LINK_WORDS: Final = 8  # the text of an inline link, cut out of its sentence onto a line of its own


def content_class(f: Features) -> str:
    """Pass 2: good = running text, medium = a short sentence, short = anything else.

    A line under _LONG_WORDS words that does not end like a sentence is short whatever its words: that is
    how titles read (teaser lists, kickers, menus); a real subheading is won back by the context pass."""
    w = f.words
    if f.has_url and w < 15:
        return "short"
    if (
        w >= _LONG_WORDS
        and not f.ends_sentence
        and f.title_ratio >= _MENU_CASE
        and not _MENU_MARKS.search(f.text)
    ):
        return "short"  # names in a row with no punctuation between them: a menu, a tag cloud, a place list
    if w >= _LONG_WORDS or (w >= _GOOD_WORDS and f.ends_sentence):
        return "good"  # long enough that the words need no counting
    if w >= _LEAD_IN_WORDS and f.text.endswith(":"):
        return "medium"  # a sentence that introduces what follows (a list, a quote)
    if w < _MEDIUM_WORDS or not f.ends_sentence:
        return "short"
    return "medium"


def wrapped_paragraphs(nb: list[LineDecision]) -> None:
    """A paragraph hard-wrapped over several lines of one block (a line that does not end a sentence, then a
    line that opens in lower case) is scored as the whole paragraph: each piece gets the paragraph's class."""
    k, n = 0, len(nb)
    while k < n:
        j = k
        # the first tests of `continues` written out: most lines end a sentence or carry a label
        while (
            j + 1 < n
            and not nb[j].label
            and (f := nb[j].features) is not None
            and not f.ends_sentence
            and continues(nb[j], nb[j + 1])
        ):
            j += 1
        if j > k:
            part = nb[k : j + 1]
            words = sum(x.features.words for x in part if x.features)
            last = part[-1].features
            ends = last is not None and last.ends_sentence
            cls = (
                "good"
                if words >= _LONG_WORDS or (words >= _GOOD_WORDS and ends)
                else "medium"
                if ends
                else ""
            )
            if cls:
                for x in part:
                    if x.content == "short" or (cls == "good" and x.content == "medium"):
                        x.content = cls
        k = j + 1


def continues(a: LineDecision, b: LineDecision) -> bool:
    fa, fb = a.features, b.features
    if fa is None or fb is None or fa.ends_sentence or a.label or b.label:
        return False
    if fa.block != fb.block:
        # a glued dump breaks a hard-wrapped paragraph at every piece: a lower-case opening after a
        # line cut mid-sentence goes on with it across the blank line
        return fb.block == fa.block + 1 and b.index == a.index + 2 and b.text[:1].islower()
    if b.text[:1].islower() or a.text.endswith((",", ";", "-", "–")):
        return True
    # a sentence cut before an inline link ("... outpacing the" / "Index Name" / "and" / ...): no sentence
    # or title ends on a function word, so the next line of the block goes on with it
    if fb.words > _LINK_WORDS or fb.ends_sentence:
        return False  # no short link below
    last = _LAST_WORD.search(a.text)
    return last is not None and last.group(0).lower() in fa.stopwords
