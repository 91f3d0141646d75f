"""The main run: the article is the densest contiguous run of text lines (pass 4 of engine.py).

Page dumps put menus, teaser lists and footers around the article; weighting each line (text by its length,
furniture against) and taking the maximum-sum segment drops them without a rule per layout. The run then
ends early where the next article or a comment thread starts, and its start moves up to a standfirst.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.body.end import follows_article
from corpus.convert.body.furniture import CONTENTS
from corpus.convert.body.lists import item_like, led_list, prose_item
from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATELINE, RELATED

# Weights of pass 4: text counts by its length, furniture counts against.
_W_SHORT: Final = -60.0
_W_FURNITURE: Final = -30.0
_W_META: Final = -5.0
_W_PROSE: Final = -10.0
_NEXT_ARTICLE_AFTER: Final = 4
_DATE_SERIES: Final = 3  # date lines of one shape that make a series (comments), not an embed
_STANDFIRST_WINDOW: Final = 8


def main_run(nb: list[LineDecision]) -> tuple[int, int]:
    """The densest run; a date line after several paragraphs starts the next article of an endless page."""
    weights = _list_items(nb, [_weight(d) for d in nb])
    _list_spans(nb, weights)
    s, e = _max_run(weights)
    while e > s and nb[e].content == "short":
        e -= 1  # a table's rows weigh for the text around them but do not end it: list_after_run takes them
    good = 0
    header: set[str] = set()  # shapes of the date lines above the article's first paragraph: its own
    seen: dict[str, int] = {}  # shapes of date lines inside the run, and how often
    for k in range(0, e + 1):
        d = nb[k]
        if d.label == DATELINE:
            shape = d.data.get("shape", "")
            if good == 0:
                header.add(shape)
            elif (
                k > s
                and good >= _NEXT_ARTICLE_AFTER
                and (shape in header or seen.get(shape, 0) >= _DATE_SERIES - 1)
            ):
                break
            seen[shape] = seen.get(shape, 0) + 1
        elif k > s and good >= _NEXT_ARTICLE_AFTER and follows_article(nb, k):
            break  # pager links, a comment thread or an author box: the article has ended
        elif k >= s and not d.label and d.content == "good":
            good += 1
    else:
        return s, e
    # after the article's text, a date line of the same shape as its own (the next article of an endless
    # page), or the third date line of one shape (a comment thread): the article ends before it
    j = k - 1
    while j > s and not (not nb[j].label and nb[j].content == "good"):
        j -= 1
    return s, j


_SPAN_MIN_LINES: Final = 3
_SPAN_ITEM_SHARE: Final = 0.6


def _list_spans(nb: list[LineDecision], weights: list[float]) -> None:
    """A post's own list between two paragraphs (ingredients, spec rows, steps, items under a lead-in) is
    many short lines: weighed as furniture they outweigh the intro above and cut it off the article. Three
    or more short lines between text lines, most of them items (or announced by a lead-in), weigh nothing:
    the run goes across them."""
    k, n = 0, len(nb)
    while k < n:
        if nb[k].label or nb[k].content != "short":
            k += 1
            continue
        j = k
        while j + 1 < n and not nb[j + 1].label and nb[j + 1].content == "short":
            j += 1
        if (
            j - k + 1 >= _SPAN_MIN_LINES
            and k > 0
            and _text(nb[k - 1])
            and j + 1 < n
            and _text(nb[j + 1])
            and (
                sum(1 for x in nb[k : j + 1] if item_like(x)) >= _SPAN_ITEM_SHARE * (j - k + 1)
                or led_list(nb[k : j + 1])
            )
        ):
            for i in range(k, j + 1):
                weights[i] = 0.0
        k = j + 1


def _text(d: LineDecision) -> bool:
    return not d.label and d.content != "short"


def _list_items(nb: list[LineDecision], weights: list[float]) -> list[float]:
    """A short line that reads like text beside another short line ("A pot of twenty litres for each plant" /
    "Good compost"): a list's item, its bullet dropped, weighs little against the text around it. Alone between
    two text lines it is as often a teaser's title, and keeps a short line's weight."""
    short = [w == _W_SHORT and not d.label for w, d in zip(weights, nb, strict=True)]
    last = len(nb) - 1
    for k, d in enumerate(nb):
        if (
            short[k]
            and ((k > 0 and short[k - 1]) or (k < last and short[k + 1]))
            and prose_item(d)  # last: its word ratios are computed on demand
        ):
            weights[k] = _W_PROSE
            short[k] = False  # an item found no longer makes the next line an item's neighbour
    return weights


def _weight(d: LineDecision) -> float:
    f = d.features
    assert f is not None
    if d.label in (BOILERPLATE, RELATED):
        if d.data:  # most furniture carries no data: one test for them
            if d.data.get(CONTENTS):
                return 0.0  # the article's outline: neither its text nor page furniture
            if d.data.get("section"):
                return _W_SHORT  # "More from Business" weighs as the short line it is: no new evidence
        return _W_FURNITURE
    if d.label:
        return _W_META
    if d.content == "good":
        return float(f.chars)
    if d.content == "medium":
        return f.chars * 0.5
    if d.text[-1].isdigit() and f.words >= _ROW_MIN_CELLS and _table_row(d.text):
        return f.chars * _ROW_SHARE  # a row of a table of figures (results, standings): content, though short
    return _W_SHORT


_ROW_MIN_CELLS: Final = 4  # a name and three figures at least
_ROW_SHARE: Final = 0.25
_FIGURE: Final = re.compile(r"(?<!\S)\d")  # a cell that opens with a digit


def _table_row(text: str) -> bool:
    """Three figures or more, and figures for at least half the cells: "3 Jane Roe 5033 4 6 15" (asked of
    lines that end with a figure, as rows do). Menus and link lists hold no figures, a date line one or two."""
    figures = len(_FIGURE.findall(text))  # in C: most short lines hold no figure at all
    return figures >= 3 and 2 * figures >= len(text.split())


def _max_run(weights: list[float]) -> tuple[int, int]:
    """Maximum-sum contiguous segment (Kadane): the densest run of text."""
    best, best_s, best_e = 0.0, 0, -1
    cur, cur_s = 0.0, 0
    for i, w in enumerate(weights):
        if cur <= 0:
            cur, cur_s = w, i
        else:
            cur += w
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e


def standfirst(nb: list[LineDecision], s: int) -> int:
    """The main run's start, moved up to a standfirst: a text line just above the article's header
    (byline, date, picture credit), which splits it from the body in most layouts."""
    header = False
    for k in range(s - 1, max(-1, s - 1 - _STANDFIRST_WINDOW), -1):
        d = nb[k]
        if d.label in (BYLINE, DATELINE, CREDIT, CAPTION):
            header = True
            continue
        if d.label == BOILERPLATE and d.rule.startswith(_HEADER_FURNITURE):
            continue  # share buttons, a reading time between the header's lines
        if d.label:
            return s
        if d.content == "short":
            if header and _dek(nb, k):
                nb[k].label, nb[k].rule = (
                    BODY,
                    "standfirst: text under the title, above the header, without a stop",
                )
                return k
            continue
        return k if header and d.content == "good" else s
    return s


_HEADER_FURNITURE: Final = ("boilerplate.line", "boilerplate.start", "boilerplate.counter")
_DEK_MIN_WORDS: Final = 10
_TITLE_WORDS: Final = 4
_DEK_STOP: Final = 0.3


def _dek(nb: list[LineDecision], k: int) -> bool:
    """A standfirst printed without its final stop ("Beyond the headlines, some economists argue that …"):
    a line that reads like text (function words), right under a title-shaped line no longer than itself, above
    the header."""
    f = nb[k].features
    if k == 0 or f is None or f.words < _DEK_MIN_WORDS or nb[k].text.endswith(":"):
        return False
    above = nb[k - 1]
    return (
        _title_like(above)  # (a kicker above a title is shorter)
        and above.features is not None
        and above.features.words <= f.words
        and above.text not in nb[k].text  # the title printed again (with its kicker)
        and not (k >= 2 and _title_like(nb[k - 2]))  # a third title above: a list of teasers, no header
        and f.stop_ratio >= _DEK_STOP
    )


def _title_like(d: LineDecision) -> bool:
    return (
        not d.label and d.content == "short" and d.features is not None and d.features.words >= _TITLE_WORDS
    )


_BOX_SPAN: Final = 14  # lines of an in-article box of links between the lede and the rest of the text


def lede_above_box(nb: list[LineDecision], s: int) -> int:
    """The main run's start, moved up past a box of links ("Read also:" and its titles, maybe summaries) to
    the paragraphs above it: a box right after the first paragraph weighs more than that paragraph, and the
    lede was lost. The box must open with its link label right below the paragraph."""
    k = s - 1
    while k >= 0 and s - k <= _BOX_SPAN and (nb[k].label or nb[k].content != "good"):
        if nb[k].label not in ("", BOILERPLATE, RELATED):
            return s  # a byline, a date, a credit: the article's header, not a box inside its text
        k -= 1
    if k < 0 or s - k > _BOX_SPAN or k + 1 >= s or nb[k + 1].label != RELATED:
        return s
    f = nb[k].features
    if f is None or not f.ends_sentence:
        return s
    for x in nb[k + 1 : s]:
        if not x.label:  # the box's titles and summaries
            x.label, x.rule = BOILERPLATE, f"inside a box of links under line {nb[k + 1].index + 1}"
    top = k
    while top - 1 >= 0 and not nb[top - 1].label and nb[top - 1].content == "good":
        top -= 1
    return top
