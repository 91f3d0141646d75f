"""A glued copy of the whole text: a long body line holding most of the rest of the body.

Page dumps print an article's summary field in full next to its paragraphs; left in, the body says
everything twice. Exact repeats of single lines are left alone (articles repeat lines on purpose).
"""

from __future__ import annotations

from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE

_DUP_PART_WORDS: Final = 6
_GLUED_COPY_WORDS: Final = 60
_GLUED_COPY_SHARE: Final = 0.5
_GLUED_COPY_PARTS: Final = 3


def body_repeats(nb: list[LineDecision]) -> None:
    """A long line that holds most of the rest of the body is a glued copy of the article (a summary field
    printed by a page dump). A lead made of a few of the body's sentences is not (it holds a small share);
    exact repeats stay too: articles do repeat lines (recipes, lists, a quoted paragraph)."""
    body = [d for d in nb if d.label == BODY and d.features is not None]
    parts = [d for d in body if d.features and d.features.words >= _DUP_PART_WORDS]
    total = sum(d.features.chars for d in parts if d.features)
    for d in body:
        f = d.features
        if d.label != BODY or f is None or f.words < _GLUED_COPY_WORDS:
            continue
        if f.chars < _GLUED_COPY_SHARE * (total - f.chars):
            continue  # too short to hold that much of the rest
        inside = [x.features.chars for x in parts if x is not d and x.features and x.text in d.text]
        if len(inside) >= _GLUED_COPY_PARTS and sum(inside) >= _GLUED_COPY_SHARE * (total - f.chars):
            d.label, d.rule = BOILERPLATE, "glued copy of the rest of the body"


_DEK_WORDS: Final = 8
_DEK_FIRST: Final = 2  # the copy above: among the article's first body lines
_DEK_SPAN: Final = 8  # the copy below: within this many body lines of it


def repeated_standfirst(nb: list[LineDecision]) -> None:
    """A standfirst printed twice (under the title, then again as the text's lead or a pull-quote): the copy
    at the very top goes, one copy stays. Later repeats are left alone (recipes and lists repeat lines)."""
    body: list[LineDecision] = []  # the article's first body lines: all the rule looks at
    for d in nb:
        if d.label == BODY and d.features is not None:
            body.append(d)
            if len(body) > _DEK_FIRST + _DEK_SPAN:
                break
    for i, d in enumerate(body[:_DEK_FIRST]):
        f = d.features
        if f is None or f.words < _DEK_WORDS:
            continue
        for j in range(i + 1, min(len(body), i + 1 + _DEK_SPAN)):
            if body[j].text != d.text:
                continue
            if j + 1 < len(body) and body[i + 1].text == body[j + 1].text:
                return  # the text goes on the same way after both copies: a passage printed twice
            d.label, d.rule = BOILERPLATE, "standfirst printed again below: the copy at the top"
            return
