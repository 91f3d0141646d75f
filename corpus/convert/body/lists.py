"""An article's own lists and tables: short lines that are items, between paragraphs or right after the last.

label_body leaves every short line as furniture (SHORT_IN_RUN / SHORT_OUTSIDE); a run of them that looks
like items (bullets, numbers, figures, one punctuation skeleton per row) is the article's list or table and
is won back as body, as jusText re-labels short blocks between good ones.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE, BYLINE

SHORT_IN_RUN: Final = "short line in the main run"
SHORT_OUTSIDE: Final = "short line outside the main run"
_LIST_MIN_LINES: Final = 3
_LIST_ITEM_SHARE: Final = 0.6
_TABLE_MIN_LINES: Final = 6
_TABLE_ROW: Final = re.compile(r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]?\s)|\d")
# an item's mark: a bullet, "1.", "A:", a word and its number or letter ("Step 2:", "Path A:"), or a figure
_LIST_ITEM: Final = re.compile(
    r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]?\s|[A-Z]\s?[:.)]\s|[A-ZÀ-Þ]\w+\s(?:[A-Z]|\d{1,3})[:.)]\s)|\d"
)
_SHAPE_PUNCT: Final = re.compile(r"[\w\s]+")
_ROW_WORDS: Final = 8  # a table row or a list item of one shape: a few words around the same punctuation
_ROW_MARKS: Final = frozenset(":()/|")
_SHAPE_MIN: Final = 3
_COUNTER: Final = "boilerplate.counter"
# short lines that read like prose (bullets dropped): stopwords at least this share, capitals at most this
_PROSE_MIN_WORDS: Final = 4
_PROSE_STOP: Final = 0.3
_PROSE_TITLE: Final = 0.35


def lists_between_paragraphs(nb: list[LineDecision], s: int, e: int) -> None:
    """Short lines between body paragraphs that look like items (bullets, numbers, "Term: value", figures)
    are the article's own list or table (jusText's re-labelling of short blocks between good ones)."""
    for k, j in short_runs(nb, s, e):
        run = nb[k : j + 1]
        items = sum(1 for x in run if _LIST_ITEM.search(x.text)) + _same_shape(run)
        listed = len(run) >= _LIST_MIN_LINES and items >= _LIST_ITEM_SHARE * len(run)
        if (
            (listed or led_list(run) or all(prose_item(x) or _sentence(x) or priced(x.text) for x in run))
            and nb[k - 1].label == BODY
            and j + 1 < len(nb)
            and nb[j + 1].label == BODY
        ):
            for x in run:
                x.label, x.rule = BODY, f"list item: {len(run)} item-like lines between paragraphs"
        elif j + 1 < len(nb) and nb[j + 1].label == BODY:
            _led_tail(run)


def short_runs(nb: list[LineDecision], start: int, end: int) -> Iterator[tuple[int, int]]:
    """(k, j) of each run nb[k..j] of short lines inside the main run that no pass has placed yet; the caller
    may relabel the run before the next one is looked for."""
    k = start
    while k <= end:
        if nb[k].rule != SHORT_IN_RUN:
            k += 1
            continue
        j = k
        while j + 1 <= end and nb[j + 1].rule == SHORT_IN_RUN:
            j += 1
        yield k, j
        k = j + 1


def _led_tail(run: list[LineDecision]) -> None:
    """Short lines, then a lead-in ("Think about it:") and its items right above a paragraph: the lead-in
    and its items are the text's list, whatever the lines above them are."""
    for i in range(len(run) - 1, 0, -1):
        if run[i].text.endswith(":"):
            if led_list(run[i:]):
                for x in run[i:]:
                    x.label, x.rule = BODY, f"list item: {len(run) - i - 1} items under a lead-in"
            return


# an item's opening: a bullet, a number ("1.", "2)"), or a quantity ("2 cups flour", "½ cup sugar")
_ITEM_START: Final = re.compile(
    r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]\s|[\d½¼¾⅓⅔]+(?:[/.,]\d+)?(?:\s\d+/\d+)?\s+[a-zà-ÿ])"
)
_ITEM_TITLE: Final = 0.8  # a numbered line in Title Case is a teaser's title ("10 Strangest Cases Ever")


def item_like(d: LineDecision) -> bool:
    """A list's item that no menu or teaser list holds: a bullet, a number or a quantity at its start in a
    line not set in Title Case, or a fact box's row. (A line of prose is not enough: teaser titles under an
    article read as prose too.)"""
    f = d.features
    if f is None:
        return False
    if _ITEM_START.match(d.text):
        return f.title_ratio < _ITEM_TITLE
    return _FACT_ROW.match(d.text) is not None


# a row of a fact box: a short label, a colon, and a figure in the value ("Battery: 5,000 mAh", "Time: 5 p.m.")
_FACT_ROW: Final = re.compile(r"[A-ZÀ-Þ][\w ]{0,20}:\s[^:]*\d")


_LED_MIN_ITEMS: Final = 2


def led_list(run: list[LineDecision]) -> bool:
    """ "Here's what's included:" and the items under it, none set in Title Case (menus and teaser titles
    are): a list the text itself announces, whatever its items look like."""
    if len(run) <= _LED_MIN_ITEMS or not run[0].text.endswith(":"):
        return False
    return all(
        x.features is not None and (x.features.title_ratio < _ITEM_TITLE or item_like(x)) for x in run[1:]
    )


# an amount of money: "$59.99", "€ 20", "£1,299", "19,99 €", "20 USD"
_PRICE: Final = re.compile(r"[$€£¥₹]\s?\d|\d(?:[.,]\d+)*\s?(?:[€£$]|(?:USD|EUR|GBP)\b)")


def priced(text: str) -> bool:
    """A deal's line ("Get it at Shopmart for $59.99", "Pixel Buds for $99 (was $129)"): a post's own
    offer between the paragraphs that describe it."""
    return _PRICE.search(text) is not None


def _sentence(d: LineDecision) -> bool:
    """A short sentence of the text ("Really.", "Let's get started."): a blogger's aside between paragraphs,
    too short to count as text on its own."""
    f = d.features
    return f is not None and f.ends_sentence and d.text[:1].isupper()


def prose_item(d: LineDecision) -> bool:
    """A short line that reads like running text (function words, few capitals): a list item or a lead-in
    whose bullet the dump dropped ("make a list of what you have"), not a title, a name or a menu. A lead-in
    ending in a colon ("Here is what to know:") has too few content words for their capitals to count."""
    f = d.features
    return (
        f is not None
        and f.words >= _PROSE_MIN_WORDS
        and f.stop_ratio >= _PROSE_STOP
        and (f.title_ratio <= _PROSE_TITLE or d.text.endswith(":"))
    )


def _same_shape(run: list[LineDecision]) -> int:
    """Lines of the run's most common punctuation skeleton ("Name (Group X): 10th", "Term: value"), when
    most lines share it: the rows of a table or the items of a list, not counted by a leading mark.
    Only skeletons with two separators count (brackets and a colon, slashes) and only short lines. Lines already counted as items are not counted twice."""
    shapes: dict[str, int] = {}
    for x in run:
        f = x.features
        if f is None or f.words > _ROW_WORDS or _LIST_ITEM.search(x.text):
            continue
        sk = _SHAPE_PUNCT.sub("", x.text)
        if _separated(sk):
            shapes[sk] = shapes.get(sk, 0) + 1
    best = max(shapes.values(), default=0)
    return best if best >= _SHAPE_MIN else 0


def _row_like_next(nb: list[LineDecision], k: int) -> bool:
    """nb[k] has the punctuation skeleton (with a separator) of the line below: a row, not a heading."""
    if k + 1 >= len(nb):
        return False
    sk = _SHAPE_PUNCT.sub("", nb[k].text)
    return _separated(sk) and sk == _SHAPE_PUNCT.sub("", nb[k + 1].text)


def _separated(skeleton: str) -> bool:
    """Two separators or more ("():", "/|"): a row's columns. A lone colon is as often a teaser's
    "Kicker: title" as a "Term: value" item."""
    return sum(1 for c in skeleton if c in _ROW_MARKS) >= 2


def _figure_cell(nb: list[LineDecision], j: int) -> bool:
    """A glued dump breaks a table at every cell, and a lone figure reads as a counter (shares, comments):
    a block holding figures next to figures is a table's row; a figure beside a title numbers a teaser list."""
    f = nb[j].features
    if nb[j].rule != _COUNTER or f is None:
        return False
    start, end = j - f.block_pos, j - f.block_pos + f.block_size  # the block: one row of the table
    return any(nb[i].rule == nb[i + 1].rule == _COUNTER for i in range(max(0, start), min(len(nb), end) - 1))


def list_after_run(nb: list[LineDecision], e: int) -> None:
    """A table or list right after the last paragraph (standings, dates, results) is the article's:
    _TABLE_MIN_LINES+ lines (fewer are a few links' titles), most of them item-shaped, up to the next
    furniture; under one heading line, or two when the table is twice as long."""
    if e < 0 or nb[e].label != BODY:
        return
    k = e + 1
    while k < len(nb) and k - e <= 2 and _heading(nb[k]) and not _row_like_next(nb, k):
        k += 1
    j = k
    while j < len(nb) and (nb[j].rule == SHORT_OUTSIDE or _figure_cell(nb, j)):
        j += 1
    n = _bullets_under_lead_in(nb, e)
    if n:
        for x in nb[e + 1 : e + 2 + n]:
            x.label, x.rule = BODY, f"list after the article: {n} sentence-like items under a lead-in"
        return
    run = nb[k:j]
    items = sum(1 for x in run if _TABLE_ROW.search(x.text)) + _same_shape(run)
    need = _TABLE_MIN_LINES * max(1, k - e - 1)
    if len(run) < need or items < _LIST_ITEM_SHARE * len(run):
        return
    skeletons = [_SHAPE_PUNCT.sub("", x.text) for x in run]
    shapes = {sk for sk, x in zip(skeletons, run, strict=True) if _TABLE_ROW.search(x.text)}
    shapes |= {sk for sk, n in Counter(skeletons).items() if n >= _SHAPE_MIN and _separated(sk)}
    while (
        j > k and not _TABLE_ROW.search(nb[j - 1].text) and _SHAPE_PUNCT.sub("", nb[j - 1].text) not in shapes
    ):
        j -= 1  # "Jane Roe" / "Staff Writer" / "follow" after the last row: the author's box, not the table
    for x in nb[e + 1 : j]:
        x.label, x.rule = BODY, f"list after the article: {j - k} item-like lines"
    while j < len(nb) and nb[j].text.startswith("*") and nb[j].rule.startswith(_TEXT_OUTSIDE):
        nb[j].label, nb[j].rule = BODY, "a note under the list after the article ('* Prices as of May')"
        j += 1


_TEXT_OUTSIDE: Final = ("medium text outside", "good text outside")


_LEAD_IN_ITEMS: Final = 3


def _bullets_under_lead_in(nb: list[LineDecision], e: int) -> int:
    """ "What the update brings:" and three or more items that read like running text (bullets dropped) right
    after the last paragraph: the article's closing list (how many items). Teaser titles are Title Case,
    menus have no lead-in."""
    if e + 1 >= len(nb) or nb[e + 1].rule != SHORT_OUTSIDE or not nb[e + 1].text.endswith(":"):
        return 0
    n = 0
    for x in nb[e + 2 :]:
        if x.rule != SHORT_OUTSIDE or not prose_item(x):
            break
        n += 1
    return n if n >= _LEAD_IN_ITEMS else 0


def _heading(d: LineDecision) -> bool:
    if d.rule.startswith("medium text outside"):
        return True  # a sentence introducing the table
    if d.label == BYLINE and "name line" in d.rule:
        return True  # a name above the table (its winner, its subject) read as the article's author
    return d.label in (BOILERPLATE, BYLINE) and d.rule == SHORT_OUTSIDE and not _TABLE_ROW.search(d.text)
