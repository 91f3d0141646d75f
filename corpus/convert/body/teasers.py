"""Teaser blocks that read like text: title / summary alternations, summaries cut without a stop, cards.

A teaser's summary is a well-formed sentence, so content scores alone keep it; what gives a teaser block
away is its shape (a single line under each title, no final stops, a "more" link under each summary).
teaser_lists and cut_summaries run before the main run is chosen (so teasers do not extend it),
teaser_cards after it (the run's extent stays).
"""

from __future__ import annotations

from typing import Final

from corpus.convert.body.furniture import is_furniture
from corpus.convert.body.score import continues
from corpus.convert.decision import LineDecision
from corpus.convert.labels import BODY, BOILERPLATE, CAPTION, CREDIT, RELATED
from corpus.convert.rules import RULES

_TEASER_MIN: Final = 3
_TEASER_GAP: Final = 3
_TEASER_MAX_WORDS: Final = (
    60  # a teaser's summary is a sentence or two; a longer line is a paragraph under its heading
)
_CUT_MIN: Final = 4
_CUT_WORDS: Final = 15
_CARD_WORDS: Final = 50
_CARDS_MIN: Final = 2
_LINK_MARKS: Final = " .:»›>→…"


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
            if x.features is not None and x.features.words > _TEASER_MAX_WORDS:
                continue  # a paragraph under its heading: an article's sections can alternate like teasers
            x.label, x.rule = BOILERPLATE, f"teaser: one text line between title lines, {len(r)} in a row"


def _title_between(a: LineDecision, b: LineDecision) -> bool:
    """Between two single text lines of a teaser list: only a few title/furniture lines, no text."""
    return 1 <= b.index - a.index - 1 <= 2 * _TEASER_GAP  # raw line numbers: blank lines count too


def cut_summaries(nb: list[LineDecision]) -> None:
    """_CUT_MIN or more text lines in a row, none ending like a sentence (and not one paragraph wrapped over
    them), maybe each under its title line: summaries cut at a length limit, a teaser block. An article's
    paragraphs end with a stop, if the text uses stops at all (a text with no stopped lines is left alone)."""
    if sum(1 for d in nb if d.features and d.features.words >= _CUT_WORDS and d.features.ends_sentence) < 2:
        return
    group: list[LineDecision] = []
    last = -2  # position of the group's last cut line
    for k, d in enumerate(nb):
        f = d.features  # a cut line: text without a final stop
        if f is None or d.label or f.words < _CUT_WORDS or f.ends_sentence:
            continue
        gap = nb[last + 1 : k]
        joined = k == last + 1 and not continues(nb[last], d)
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
        and not nb[k - 1].label
        and nb[k - 1].content == "short"
        and _more_link(nb[k + 1])  # the costliest test last
    ]
    if len(cards) < _CARDS_MIN:
        return
    for k in cards:
        nb[k].label, nb[k].rule = (
            BOILERPLATE,
            f"teaser card: a summary above a 'more' link, {len(cards)} cards",
        )


def _card_words(d: LineDecision) -> int:
    return d.features.words if d.features is not None else 0


def _more_link(d: LineDecision) -> bool:
    return is_furniture(d) and d.text.strip(_LINK_MARKS).lower() in RULES.more_links


_KICKER_WORDS: Final = 5
_KICKER_TITLE_WORDS: Final = 16
_KICKER_SUMMARY_WORDS: Final = 50


def kicker_teasers(nb: list[LineDecision]) -> None:
    """ "Kicker:" / title / one summary sentence, the kicker and title in one block: a teaser of another
    story set into the text ("Rent cap:" / "City votes on new limits" / "The council meets …"). An article's
    own lead-in with a colon introduces a list or more paragraphs; a teaser's summary stands alone, with
    furniture or a heading below it. Run after the main run is chosen (its extent stays)."""
    for k, a in enumerate(nb[:-2], start=2):
        if a.text[-1:] != ":":
            continue  # most lines: one character looked at
        b, c = nb[k - 1], nb[k]
        fa, fb, fc = a.features, b.features, c.features
        if fa is None or fb is None or fc is None or c.label or c.content == "short":
            continue
        if not (fc.ends_sentence and fc.words <= _KICKER_SUMMARY_WORDS):
            continue
        if not (a.text.endswith(":") and fa.words <= _KICKER_WORDS and fa.block == fb.block):
            continue
        if not (
            _kicker_part(a) and _kicker_part(b) and not fb.ends_sentence and fb.words <= _KICKER_TITLE_WORDS
        ):
            continue
        nxt = nb[k + 1] if k + 1 < len(nb) else None
        if nxt is not None and not nxt.label and nxt.content != "short":
            continue  # more text below: the colon line led into the article's own paragraphs
        for x in (a, b, c):
            x.label, x.rule = BOILERPLATE, "teaser: 'Kicker:' line, title and one summary line"


def _kicker_part(d: LineDecision) -> bool:
    return d.label == RELATED or (not d.label and d.content == "short")


def teaser_credits(nb: list[LineDecision]) -> None:
    """Below the article's last paragraph, once a list of links has begun ("Related", "Most read"), picture
    credits and captions belong to the teasers' pictures (a teaser card: picture, credit, title), not to the
    article's: they are furniture. A photographer the article credits above still credits its pictures (the
    shoot's credits printed at the page's end); an agency alone is no such evidence."""
    last = max((k for k, d in enumerate(nb) if d.label == BODY), default=-1)
    if last < 0:
        return
    own = {
        str(d.data.get("credit", "")).lower()
        for d in nb[:last]
        if d.label == CREDIT and not RULES.agency.fullmatch(str(d.data.get("credit", "")))
    }
    first = next((k for k in range(last + 1, len(nb)) if nb[k].label == RELATED), len(nb))
    after = [d for d in nb[first + 1 :] if d.label in (CREDIT, CAPTION)]
    kept = {  # captions of the credits kept
        str(d.data.get("caption", ""))
        for d in after
        if d.label == CREDIT and str(d.data.get("credit", "")).lower() in own
    }
    for d in after:
        if d.label == CREDIT and str(d.data.get("credit", "")).lower() in own:
            continue
        if d.label == CREDIT or d.text not in kept:
            d.label, d.rule, d.data = BOILERPLATE, "a teaser's picture credit: below the article's links", {}
