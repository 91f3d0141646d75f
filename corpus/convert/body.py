"""Body extraction: which lines are the article's running text (passes 2, 4 and 5 of engine.py).

content_class scores a line on its own (running text, a short sentence or a lead-in ending in ":", or a
title-like short line); teaser_lists removes title / one-line summary alternations, cut_summaries blocks of
summaries cut without a stop; main_run takes the densest contiguous run of text (maximum-sum segment of
per-line weights) and ends it at previous / next links or a comment count, or where a date line starts the
next article or a comment thread; standfirst moves its start up to a lead above the article's header;
label_body makes text in the run body and short lines between paragraphs subheadings, inline links or list
items (a long list or table right after the last paragraph too); body_repeats drops a glued copy of the whole
text; tail keeps bio-like sentences inside the article as text.
"""

from __future__ import annotations

import re

from corpus.convert.decision import LineDecision
from corpus.convert.features import Features
from corpus.convert.labels import BIO, BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATELINE, RELATED
from corpus.convert.rules import RULES, first_word

_GOOD_WORDS = 12
_MEDIUM_WORDS = 5
_LEAD_IN_WORDS = 6  # a line this long ending in ":" introduces a list or a quote
_LONG_WORDS = 25  # a line this long is running text even without a final stop
_TITLE_CASE = 0.8  # share of capitalised content words above which a line reads as a title
_MENU_CASE = 0.9  # a long line of capitalised words with no punctuation: a menu or a tag cloud
_MENU_MARKS = re.compile(r"[.,;:!?]\s")
# Weights of pass 4: text counts by its length, furniture counts against.
_W_SHORT = -60.0
_W_FURNITURE = -30.0
_W_META = -5.0
_NEXT_ARTICLE_AFTER = 4
_PAGER = frozenset({"previous", "next"})
_COMMENTS = re.compile(r"(?i)comment|kommentar|comentario|repl|antwort|respuesta|réponse")
_COMMENT_HEADER_WORDS = 4
_COMMENTER_WORDS = 5
_DATE_SERIES = 3  # date lines of one shape that make a series (comments), not an embed
_SUBHEAD_MAX_WORDS = 16
_TEASER_MIN = 3
_TEASER_GAP = 3
_CUT_MIN = 4
_CUT_WORDS = 15
_STANDFIRST_WINDOW = 8
_LIST_MIN_LINES = 3
_LIST_ITEM_SHARE = 0.6
_TABLE_MIN_LINES = 6
_DUP_PART_WORDS = 6
_GLUED_COPY_WORDS = 60
_GLUED_COPY_SHARE = 0.5
_GLUED_COPY_PARTS = 3
_INLINE_LINK_MIN_WORDS = 6
_SHORT_IN_RUN = "short line in the main run"
_SHORT_OUTSIDE = "short line outside the main run"
_TABLE_ROW = re.compile(r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]?\s)|\d")
# "Jane Roe on <post title>": a recent-comments widget names a commenter, a connector word and a post.
_WIDGET_CONNECTORS = frozenset({"on", "bei", "zu", "sur", "en"})
_WIDGET_NAME_WORDS = 3
_WIDGET_MIN = 3
_SLOGAN_SEPARATORS = (" - ", " – ", " — ", " | ")
_SLOGAN_WORDS = 15
_AUTHOR_PAGE = re.compile(r"(?i)/(?:author|authors|autor|autoren|auteur|autores|journalist)/")
_AUTHOR_BOX_GAP = 2  # lines between the author's name or page link and the box's text
_NUMBERED_HEAD = re.compile(r"\d{1,2}[.)]\s+\w")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]?\s|[A-Z]\s?[:.)]\s)|\d")


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
        while j + 1 < n and _continues(nb[j], nb[j + 1]):
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


def _continues(a: LineDecision, b: LineDecision) -> bool:
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
    last = _LAST_WORD.search(a.text)
    short_link = fb.words <= _LINK_WORDS and not fb.ends_sentence
    return short_link and last is not None and last.group(0).lower() in fa.stopwords


_LAST_WORD = re.compile(r"\w+$")
_LINK_WORDS = 8  # the text of an inline link, cut out of its sentence onto a line of its own


def teaser_lists(nb: list[LineDecision]) -> None:
    """Title, one text line, title, one text line, ...: a teaser list (or a comment thread: name and time,
    one comment), however well its summaries read. An article's subheadings are followed by paragraphs,
    rarely by a single line again and again. Runs of _TEASER_MIN such lines are furniture, unless they
    hold most of the text: then the list is the article (a list of deals, a Q&A)."""
    runs: list[list[LineDecision]] = []
    run: list[LineDecision] = []  # the single text lines of the current alternation
    n = len(nb)
    for k, d in enumerate(nb):
        if d.label or d.content == "short":
            continue
        # a title (an unlabelled short line) right above, and no text right below
        single = k > 0 and not nb[k - 1].label and nb[k - 1].content == "short"
        single = single and k + 1 < n and bool(nb[k + 1].label or nb[k + 1].content == "short")
        if not (single and run and _title_between(run[-1], d)):
            if len(run) >= _TEASER_MIN:
                runs.append(run)
            run = []
        if single:
            run.append(d)
    if len(run) >= _TEASER_MIN:
        runs.append(run)
    if not runs:
        return
    in_runs = {x.index for r in runs for x in r}
    listed = sum(x.features.chars for r in runs for x in r if x.features)
    other = sum(
        x.features.chars
        for x in nb
        if x.features and not x.label and x.content == "good" and x.index not in in_runs
    )
    if other < listed:
        return
    for r in runs:
        for x in r:
            x.label, x.rule = BOILERPLATE, f"teaser: one text line between title lines, {len(r)} in a row"


def _widget_connector(d: LineDecision) -> str:
    """The connector word after a commenter's name ("Jane Roe on ..."), or "" when the line has none."""
    words = d.text.split(maxsplit=_WIDGET_NAME_WORDS + 1)
    for w in words[1 : _WIDGET_NAME_WORDS + 1]:
        if w in _WIDGET_CONNECTORS:
            return w
    return ""


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
        _drop_widget(run, conn)
        run, conn = ([d], w) if w else ([], "")
    _drop_widget(run, conn)


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


_ISLAND_WORDS = 40
_PITCH_RULES = ("boilerplate.keyword", "boilerplate.notice")


def furniture_islands(nb: list[LineDecision]) -> None:
    """A short text line with furniture right above and right below, one of them a notice or keyword
    line (a newsletter box, an app or subscription prompt), and a third furniture line beyond: the box's
    own pitch, not a paragraph. An article's paragraphs sit next to paragraphs, a credit or a subheading
    (a short line above text); a paragraph between two ad slots has paragraphs beyond them.
    Run after the main run is chosen: the pitch is dropped, the run's extent is left as it was."""
    for k in range(1, len(nb) - 1):
        d = nb[k]
        f = d.features
        if d.label or d.content == "short" or f is None or f.words > _ISLAND_WORDS:
            continue
        a, b = nb[k - 1], nb[k + 1]
        if not (a.rule.startswith(_PITCH_RULES) or b.rule.startswith(_PITCH_RULES)):
            continue
        around = nb[max(0, k - 2) : k] + nb[k + 1 : k + 3]  # a box has more than one line on a side
        if (
            _furniture(a)
            and _furniture(b)
            and not _heads_text(nb, k + 1)
            and sum(1 for x in around if _furniture(x)) > 2
        ):
            d.label, d.rule = BOILERPLATE, "text between furniture lines, one a notice (a box's pitch)"


_CARD_WORDS = 50
_CARDS_MIN = 2
_LINK_MARKS = " .:»›>→…"


def _card_words(d: LineDecision) -> int:
    return d.features.words if d.features is not None else 0


def teaser_cards(nb: list[LineDecision]) -> None:
    """Title line, a summary, then a "more" link alone on its line ("Read more", "mehr"): a teaser card.
    Two or more such cards on a page are a teaser list, whatever their summaries read like; an article
    ends its paragraphs with no link to itself. Run after the main run is chosen (its extent stays)."""
    cards = [
        k
        for k in range(1, len(nb) - 1)
        if not nb[k].label
        and nb[k].content != "short"
        and _card_words(nb[k]) <= _CARD_WORDS
        and _more_link(nb[k + 1])
        and not nb[k - 1].label
        and nb[k - 1].content == "short"
    ]
    if len(cards) < _CARDS_MIN:
        return
    for k in cards:
        nb[k].label, nb[k].rule = (
            BOILERPLATE,
            f"teaser card: a summary above a 'more' link, {len(cards)} cards",
        )


_BOX_LINES = 5  # bullets of a summary box
_BOX_WORDS = 40


def summary_boxes(nb: list[LineDecision]) -> None:
    """ "Key Points" and a few one-sentence bullets under it: the page's summary of the article, set
    apart from it (a picture or the article's first paragraph follows). The bullets repeat the article
    in other words; they are not its text. Runs before the main run: the box does not start the run."""
    for k, d in enumerate(nb):
        if d.text.rstrip(":").lower() not in RULES.summary_boxes:
            continue
        taken = []
        for x in nb[k + 1 : k + 1 + _BOX_LINES]:
            f = x.features
            if x.label or f is None or x.content == "short" or f.words > _BOX_WORDS:
                break
            taken.append(x)
        nxt = k + 1 + len(taken)
        # the box ends at a picture, furniture or a short line: not straight into a paragraph
        ends = nxt < len(nb) and (bool(nb[nxt].label) or nb[nxt].content == "short")
        if taken and ends:
            d.label, d.rule = BOILERPLATE, "summary box header"
            for x in taken:
                x.label, x.rule = BOILERPLATE, f"summary box: under '{d.text}'"


def _more_link(d: LineDecision) -> bool:
    return _furniture(d) and d.text.strip(_LINK_MARKS).lower() in RULES.more_links


def _furniture(d: LineDecision) -> bool:
    return d.label in (BOILERPLATE, RELATED) or (not d.label and d.content == "short")


def _heads_text(nb: list[LineDecision], j: int) -> bool:
    """nb[j] is a short line right above running text: a subheading, not furniture."""
    return not nb[j].label and j + 1 < len(nb) and not nb[j + 1].label and nb[j + 1].content == "good"


def cut_summaries(nb: list[LineDecision]) -> None:
    """_CUT_MIN or more text lines in a row, none ending like a sentence (and not one paragraph wrapped over
    them), maybe each under its title line: summaries cut at a length limit, a teaser block. An article's
    paragraphs end with a stop, if the text uses stops at all (a text with no stopped lines is left alone)."""
    if sum(1 for d in nb if d.features and d.features.words >= _CUT_WORDS and d.features.ends_sentence) < 2:
        return
    group: list[LineDecision] = []
    last = -2  # position of the group's last cut line
    for k, d in enumerate(nb):
        if not _cut_line(d):
            continue
        gap = nb[last + 1 : k]
        joined = k == last + 1 and not _continues(nb[last], d)
        titled = len(gap) == 1 and not gap[0].label and gap[0].content == "short"
        if not (group and (joined or titled)):
            _drop_cut(group)
            group = []
        group.append(d)
        last = k
    _drop_cut(group)


def _drop_cut(group: list[LineDecision]) -> None:
    if len(group) >= _CUT_MIN:
        for x in group:
            x.label, x.rule = BOILERPLATE, f"teaser: {len(group)} text lines without a final stop in a row"


def _cut_line(d: LineDecision) -> bool:
    f = d.features
    return f is not None and not d.label and f.words >= _CUT_WORDS and not f.ends_sentence


def _title_between(a: LineDecision, b: LineDecision) -> bool:
    """Between two single text lines of a teaser list: only a few title/furniture lines, no text."""
    return 1 <= b.index - a.index - 1 <= 2 * _TEASER_GAP  # raw line numbers: blank lines count too


def _weight(d: LineDecision) -> float:
    f = d.features
    assert f is not None
    if d.label in (BOILERPLATE, RELATED):
        return _W_FURNITURE
    if d.label:
        return _W_META
    if d.content == "good":
        return float(f.chars)
    if d.content == "medium":
        return f.chars * 0.5
    return _W_SHORT


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


def main_run(nb: list[LineDecision]) -> tuple[int, int]:
    """The densest run; a date line after several paragraphs starts the next article of an endless page."""
    s, e = _max_run([_weight(d) for d in nb])
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
        elif d.label == RELATED and d.data.get("rel") in _PAGER and k > s and good >= _NEXT_ARTICLE_AFTER:
            break  # previous / next article links come after the article: below them, comments or another one
        elif (
            (d.rule == "boilerplate.counter" or _comment_header(d))
            and k > s
            and good >= _NEXT_ARTICLE_AFTER
            and _COMMENTS.search(d.text)
        ):
            break  # "12 comments", "Comments" after the article's text: the comment thread follows
        elif k > s and good >= _NEXT_ARTICLE_AFTER and _commenter(nb, k):
            break  # "Jane Roe says:" above a date line: a comment thread's first entry
        elif k > s and good >= _NEXT_ARTICLE_AFTER and _author_header(d):
            break  # "About the author", "About Jane Roe": the author box follows the article
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


_AUTHOR_HEADER_WORDS = 6


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


def standfirst(nb: list[LineDecision], s: int) -> int:
    """The main run's start, moved up to a standfirst: a text line just above the article's header
    (byline, date, picture credit), which splits it from the body in most layouts."""
    header = False
    for k in range(s - 1, max(-1, s - 1 - _STANDFIRST_WINDOW), -1):
        d = nb[k]
        if d.label in (BYLINE, DATELINE, CREDIT, CAPTION):
            header = True
            continue
        if d.label:
            return s
        if d.content == "short":
            continue
        return k if header and d.content == "good" else s
    return s


def _title_case_link(d: LineDecision, lang: str | None) -> bool:
    f = d.features
    assert f is not None
    return (
        (lang in RULES.title_case_langs)
        and f.words >= _INLINE_LINK_MIN_WORDS
        and f.title_ratio >= _TITLE_CASE
    )


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
        prev_body = k > 0 and nb[k - 1].label == BODY
        nxt = nb[k + 1] if k + 1 < len(nb) else None
        next_text = nxt is not None and not nxt.label and nxt.content in ("good", "medium")
        if (
            inside
            and prev_body
            and next_text
            and f.words <= _SUBHEAD_MAX_WORDS
            and (f.block_size == 1 or _between_paragraphs(d, nb[k - 1], nxt))
            and not f.has_url
        ):
            if _PERSON_LINE.match(d.text) and not d.text.isupper():
                d.label, d.rule = BOILERPLATE, "a name and a role between paragraphs (a portrait's caption)"
            elif _title_case_link(d, lang):
                d.label, d.rule = RELATED, "related.inline: Title Case line between paragraphs"
                d.data = {"rel": "inline", "title": d.text}
            else:
                d.label, d.rule = BODY, "subheading: short line between paragraphs"
            continue
        d.label, d.rule = BOILERPLATE, _SHORT_IN_RUN if inside else _SHORT_OUTSIDE
    _lists_between_paragraphs(nb, s, e)
    _list_after_run(nb, e)


# "Jane Roe, director of …", "Sir John Doe (left) …", "Jane Roe @handle": a person named, then a role or a
# handle, alone between paragraphs; a heading does not start with a name and a comma.
_PERSON_LINE = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]+\s+){1,2}[A-ZÀ-Þ][\w'’-]+(?:,\s|\s+\(|\s+@)")


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


def _lists_between_paragraphs(nb: list[LineDecision], s: int, e: int) -> None:
    """Short lines between body paragraphs that look like items (bullets, numbers, "Term: value", figures)
    are the article's own list or table (jusText's re-labelling of short blocks between good ones)."""
    k = s
    while k <= e:
        if nb[k].rule != _SHORT_IN_RUN:
            k += 1
            continue
        j = k
        while j + 1 <= e and nb[j + 1].rule == _SHORT_IN_RUN:
            j += 1
        run = nb[k : j + 1]
        items = sum(1 for x in run if _LIST_ITEM.search(x.text)) + _same_shape(run)
        if (
            len(run) >= _LIST_MIN_LINES
            and items >= _LIST_ITEM_SHARE * len(run)
            and nb[k - 1].label == BODY
            and j + 1 < len(nb)
            and nb[j + 1].label == BODY
        ):
            for x in run:
                x.label, x.rule = BODY, f"list item: {len(run)} item-like lines between paragraphs"
        k = j + 1


_SHAPE_PUNCT = re.compile(r"[\w\s]+")
_ROW_WORDS = 8  # a table row or a list item of one shape: a few words around the same punctuation
_ROW_MARKS = frozenset(":()/|")
_SHAPE_MIN = 3


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


_COUNTER = "boilerplate.counter"


def _figure_cell(nb: list[LineDecision], j: int) -> bool:
    """A glued dump breaks a table at every cell, and a lone figure reads as a counter (shares, comments):
    a block holding figures next to figures is a table's row; a figure beside a title numbers a teaser list."""
    f = nb[j].features
    if nb[j].rule != _COUNTER or f is None:
        return False
    start, end = j - f.block_pos, j - f.block_pos + f.block_size  # the block: one row of the table
    return any(nb[i].rule == nb[i + 1].rule == _COUNTER for i in range(max(0, start), min(len(nb), end) - 1))


def _list_after_run(nb: list[LineDecision], e: int) -> None:
    """A table or list right after the last paragraph (standings, dates, results) is the article's:
    _TABLE_MIN_LINES+ lines (fewer are a few links' titles), most of them item-shaped, up to the next
    furniture; under one heading line, or two when the table is twice as long."""
    if e < 0 or nb[e].label != BODY:
        return
    k = e + 1
    while k < len(nb) and k - e <= 2 and _heading(nb[k]) and not _row_like_next(nb, k):
        k += 1
    j = k
    while j < len(nb) and (nb[j].rule == _SHORT_OUTSIDE or _figure_cell(nb, j)):
        j += 1
    run = nb[k:j]
    items = sum(1 for x in run if _TABLE_ROW.search(x.text)) + _same_shape(run)
    need = _TABLE_MIN_LINES * max(1, k - e - 1)
    if len(run) < need or items < _LIST_ITEM_SHARE * len(run):
        return
    for x in nb[e + 1 : j]:
        x.label, x.rule = BODY, f"list after the article: {len(run)} item-like lines"


def _heading(d: LineDecision) -> bool:
    if d.rule.startswith("medium text outside"):
        return True  # a sentence introducing the table
    if d.label == BYLINE and "name line" in d.rule:
        return True  # a name above the table (its winner, its subject) read as the article's author
    return d.label in (BOILERPLATE, BYLINE) and d.rule == _SHORT_OUTSIDE and not _TABLE_ROW.search(d.text)


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


def tail(nb: list[LineDecision], s: int, e: int) -> None:
    """Bio candidates inside the article are just paragraphs; after it they are the bio. The run's last
    text line right below the byline's name or a link to the author's page is an author box."""
    _author_box(nb, s, e)
    for k, d in enumerate(nb):
        if (
            d.label == BIO
            and s <= k < e
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
