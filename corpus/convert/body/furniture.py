"""Page furniture that reads like text: recent-comments widgets, site slogans, boxes' pitches, summary boxes.

Each is found by where it sits (a connector word in a row of lines, the site's own name, furniture on both
sides, a "Key Points" header) rather than by its words, which are ordinary sentences. is_furniture is the
one test of "this line is furniture" the other passes share.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.labels import BOILERPLATE, RELATED
from corpus.convert.rules import RULES

# "Jane Roe on <post title>": a recent-comments widget names a commenter, a connector word and a post.
_WIDGET_CONNECTORS: Final = frozenset({"on", "bei", "zu", "sur", "en"})
_WIDGET_NAME_WORDS: Final = 3
_WIDGET_MIN: Final = 3
_SLOGAN_SEPARATORS: Final = (" - ", " – ", " — ", " | ")
_SLOGAN_WORDS: Final = 15
_ISLAND_WORDS: Final = 40
_PARAGRAPH_WORDS: Final = 25  # longer than a box's pitch ("Get the day's news in your inbox.")
_AFTER_LINK_WORDS: Final = 15  # a sentence this long right below a link ("Read also: …") goes on the text
_PITCH_RULES: Final = ("boilerplate.keyword", "boilerplate.notice")
_BOX_LINES: Final = 5  # bullets of a summary box
_BOX_WORDS: Final = 40


def comment_widgets(nb: list[LineDecision]) -> None:
    """_WIDGET_MIN lines in a row of "Name on Post title: comment": a recent-comments widget in a page's
    sidebar or footer. Its lines read well and can outweigh a short article; an article's paragraphs do
    not all put one connector word right after one to three words."""
    run: list[LineDecision] = []
    conn = ""
    for d in nb:
        w = "" if d.label else _widget_connector(d)
        if w and w == conn:
            run.append(d)
            continue
        if run:
            _drop_widget(run, conn)
            run, conn = [], ""
        if w:
            run, conn = [d], w
    _drop_widget(run, conn)


def _widget_connector(d: LineDecision) -> str:
    """The connector word after a commenter's name ("Jane Roe on ..."), or "" when the line has none."""
    words = d.text.split(maxsplit=_WIDGET_NAME_WORDS + 1)
    for w in words[1 : _WIDGET_NAME_WORDS + 1]:
        if w in _WIDGET_CONNECTORS:
            return w
    return ""


def _drop_widget(run: list[LineDecision], conn: str) -> None:
    if len(run) >= _WIDGET_MIN:
        for x in run:
            x.label, x.rule = BOILERPLATE, f"recent comments: {len(run)} lines of a name and '{conn}'"


def site_slogans(nb: list[LineDecision]) -> None:
    """ "Site Name - slogan" where the site's name stands alone elsewhere as a repeated line: the page's
    footer or header motto, not the article's text."""
    names = {d.text for d in nb if d.rule.startswith("repeated line")}
    if not names:
        return
    for d in nb:
        f = d.features
        if d.label or f is None or f.words > _SLOGAN_WORDS:
            continue
        for sep in _SLOGAN_SEPARATORS:
            head, found, _ = d.text.partition(sep)
            if found and head in names:
                d.label, d.rule = BOILERPLATE, f"site slogan: after the repeated line '{head}'"
                break


def furniture_islands(nb: list[LineDecision], s: int, e: int) -> None:
    """A short text line with furniture right above and right below, one of them a notice or keyword
    line (a newsletter box, an app or subscription prompt), and a third furniture line beyond: the box's
    own pitch, not a paragraph. An article's paragraphs sit next to paragraphs, a credit or a subheading
    (a short line above text); a paragraph between two ad slots has paragraphs beyond them.
    A paragraph-long line inside the main run (lines s..e) with the article's text above and below it is a
    paragraph between a box and an inline link ("Related: …"), not a pitch: it stays; so does a sentence right
    below a link with the article's text above it (the last paragraph, then the page's boxes).
    Run after the main run is chosen: the pitch is dropped, the run's extent is left as it was."""
    text = [k for k in range(s, e + 1) if not nb[k].label and nb[k].content == "good"]
    first, last = (text[0], text[-1]) if text else (e + 1, s - 1)
    for k in range(1, len(nb) - 1):
        d = nb[k]
        f = d.features
        if d.label or d.content == "short" or f is None or f.words > _ISLAND_WORDS:
            continue
        if f.words >= _PARAGRAPH_WORDS and first < k < last:
            continue
        a, b = nb[k - 1], nb[k + 1]
        if a.label == RELATED and first < k and f.ends_sentence and f.words >= _AFTER_LINK_WORDS:
            continue  # the article's last paragraph after an inline link, above the page's boxes
        if not (a.rule.startswith(_PITCH_RULES) or b.rule.startswith(_PITCH_RULES)):
            continue
        around = nb[max(0, k - 2) : k] + nb[k + 1 : k + 3]  # a box has more than one line on a side
        if (
            is_furniture(a)
            and is_furniture(b)
            and not _heads_text(nb, k + 1)
            and sum(1 for x in around if is_furniture(x)) > 2
        ):
            d.label, d.rule = BOILERPLATE, "text between furniture lines, one a notice (a box's pitch)"


def _heads_text(nb: list[LineDecision], j: int) -> bool:
    """nb[j] is a short line right above running text: a subheading, not furniture."""
    return not nb[j].label and j + 1 < len(nb) and not nb[j + 1].label and nb[j + 1].content == "good"


def summary_boxes(nb: list[LineDecision]) -> None:
    """Boxes a header phrase opens: a table of contents (_contents_list), or a summary box.

    "Key Points" and a few one-sentence bullets under it: the page's summary of the article, set
    apart from it (a picture or the article's first paragraph follows). The bullets repeat the article
    in other words; they are not its text. Runs before the main run: the box does not start the run."""
    for k, d in enumerate(nb):
        low = d.features.low if d.features else d.text.lower()
        key = low.rstrip(":")
        if key not in _BOX_HEADERS:
            continue
        if key in RULES.contents_headers:
            _contents_list(nb, k)
            continue
        taken = []
        paragraph = False  # the box's last bullet is followed by a line of several sentences
        for x in nb[k + 1 : k + 1 + _BOX_LINES]:
            f = x.features
            if x.label or f is None or x.content == "short" or f.words > _BOX_WORDS:
                break
            if _sentences(x.text) > 1:
                paragraph = True  # a bullet is one sentence: two or more make the article's paragraph
                break
            taken.append(x)
        nxt = k + 1 + len(taken)
        # the box ends at a picture, furniture or a short line: not straight into a paragraph, unless the
        # bullets (two or more, one sentence each) are followed by a paragraph of several sentences
        ends = nxt < len(nb) and (bool(nb[nxt].label) or nb[nxt].content == "short")
        ends = ends or (paragraph and len(taken) >= _BULLETS_BEFORE_TEXT)
        if taken and ends:
            d.label, d.rule = BOILERPLATE, "summary box header"
            for x in taken:
                x.label, x.rule = BOILERPLATE, f"summary box: under '{d.text}'"


_BULLETS_BEFORE_TEXT: Final = 2
_SENTENCE_BREAK: Final = re.compile(r"[.!?…][»”\"')]?\s+[«“\"(]?[A-ZÀ-Þ]")


def _sentences(text: str) -> int:
    """Sentences in a line, counted by a stop followed by a capital ("… taille. À partir …")."""
    return 1 + len(_SENTENCE_BREAK.findall(text))


_CONTENTS_MIN: Final = 3
_CONTENTS_HEADER_WORDS: Final = 4
_BOX_HEADERS: Final = RULES.summary_boxes | RULES.contents_headers
_CONTENTS_MAX: Final = 30
CONTENTS: Final = "boilerplate.contents"


def _contents_list(nb: list[LineDecision], k: int) -> None:
    """ "Table of Contents" and the section titles below it: the article's own outline, not its text. Its
    lines weigh nothing in the main run (run.py): a long outline must not part the intro from the rest."""
    d = nb[k]
    if d.features is None or d.features.words > _CONTENTS_HEADER_WORDS:
        return
    items = []
    for x in nb[k + 1 : k + 1 + _CONTENTS_MAX]:
        if x.label or x.content != "short":
            break
        items.append(x)
    if len(items) >= _CONTENTS_MIN:
        d.label, d.rule, d.data = BOILERPLATE, f"{CONTENTS}: a table of contents' header", {CONTENTS: True}
        for x in items:
            x.label, x.rule, x.data = BOILERPLATE, f"{CONTENTS}: under line {d.index + 1}", {CONTENTS: True}


def is_furniture(d: LineDecision) -> bool:
    return d.label in (BOILERPLATE, RELATED) or (not d.label and d.content == "short")


_CLOSER_WORDS: Final = 6
_CLOSED_BOX_LINES: Final = 20
_BOX_INITIALS: Final = frozenset(c for p in RULES.box_ends for c in (p[:1].lower(), p[:1].upper()))
# "weitere" / "weiteren": a header's words and the closing line's, inflected, share their start
_STEM: Final = 5


def closed_boxes(nb: list[LineDecision]) -> None:
    """A box that a line closes by name ("Further information" … "End of further information"): the lines
    between its header and that line are the box's (facts, links, an info panel), not the article's text.
    Runs before the main run: the box does not extend it."""
    for k, d in enumerate(nb):
        if d.text[:1] not in _BOX_INITIALS:
            continue  # most lines: one character looked at
        f = d.features
        if f is None or f.words > _CLOSER_WORDS or f.ends_sentence:
            continue
        low = d.text.lower()
        end = next((p for p in RULES.box_ends if low.startswith(p)), None)
        if end is None:
            continue
        key = _stems(low[len(end) :])
        if not key:
            continue
        for j in range(k - 1, max(-1, k - 1 - _CLOSED_BOX_LINES), -1):
            head = _stems(nb[j].text.lower())
            # "Skip X post" … "End of X post": the header may put a word or two before the box's name
            if head == key or (0 < len(head) - len(key) <= _HEADER_EXTRA_WORDS and head[-len(key) :] == key):
                for x in nb[j : k + 1]:
                    if not x.label or x is d or x is nb[j]:
                        x.label, x.rule = (
                            BOILERPLATE,
                            f"box: between its header on line {nb[j].index + 1} and its end",
                        )
                break


_HEADER_EXTRA_WORDS: Final = 2


def _stems(text: str) -> tuple[str, ...]:
    return tuple(w[:_STEM] for w in text.strip(" :.").split())
