"""Pass 3 of engine.py: a credit and its caption are one item; the page's structure tells which lines pair.

A credit line names who took a picture; the caption is the text beside it in its block (or one blank line
away). Bare agency lines next to a caption are credits too, and captions with no credit are found by how
pages print them: twice, beside a gallery counter, or as a paragraph restated without its stop. Kept out
of engine.py, which only orders the passes; _free is shared with the engine's byline passes.
"""

from __future__ import annotations

import re
from typing import Final

from corpus.convert.decision import LineDecision
from corpus.convert.features import Features
from corpus.convert.fields import credits
from corpus.convert.labels import BIO, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATELINE
from corpus.convert.rules import RULES
from corpus.convert.scan import agency_named

_BARE_MAX_WORDS: Final = 10  # a bare credit line (a slash credit has at most 8 words)


def _is_bare_credit(text: str, f: Features) -> bool:
    if f.words > _BARE_MAX_WORDS or f.ends_sentence or f.chars > 100:
        return False
    return agency_named(text) or ("/" in text and not f.has_url)


def _pair_credits(nb: list[LineDecision]) -> None:
    """Pass 3: a credit and its caption are one item; structure tells which lines belong together."""
    credits.label_lines(nb)
    _glued_signoffs(nb)
    for k, d in enumerate(nb):
        f = d.features
        assert f is not None
        if "part_of" in d.data:
            continue
        if not _free(d) or f.words > _BARE_MAX_WORDS:
            pass  # labelled lines only meet the copyright and caption tests below; longer ones no bare test
        elif f.block_size == 1:
            prev = nb[k - 1] if k else None
            after_text = (
                prev is not None and _free(prev) and (prev.features.words if prev.features else 0) >= 4
            )
            if after_text and credits.slash_credit(d.text, f.words):
                d.label, d.rule = CREDIT, "credit.bare Name/Agency line"
                d.data = {"kind": "photo", "credit": d.text}
            elif (
                _is_bare_credit(d.text, f)
                and agency_named(d.text)
                and credits.credit_words(d.text)
                and not _list_item(nb, k)
            ):
                d.label, d.rule = CREDIT, "credit.agency line"
                d.data = {"kind": "photo", "credit": d.text}
        elif _is_bare_credit(d.text, f) and credits.credit_words(d.text):  # a block of two lines or more
            # a bare agency line in a block with a text line: that line is the caption
            nbr = [x for x in (nb[k - 1] if k else None, nb[k + 1] if k + 1 < len(nb) else None) if x]
            # a title-like caption ("Mayor and aide at the bridge 2024") is short text: then the pair must
            # be alone in its block and the credit "Name/Agency"-shaped (menus put an agency beside a link)
            shaped = f.block_size == 2 and (
                credits.slash_credit(d.text, f.words) or credits.agency_only(d.text)
            )
            if any(
                x.features
                and x.features.block == f.block
                and _free(x)
                and (
                    x.content != "short"
                    or (shaped and x.features.words >= _TITLE_CAPTION_MIN_WORDS and not _CLOCK.search(x.text))
                )
                for x in nbr
            ):
                d.label, d.rule = CREDIT, "credit.bare agency line beside a caption"
                d.data = {"kind": "photo", "credit": d.text}
        if d.rule == "credit.copyright" and credits.footer(d.data.get("credit", "")):
            d.label, d.rule, d.data = BOILERPLATE, "copyright footer: a year, not a picture credit", {}
            continue
        if d.label != CREDIT or d.data.get("caption"):
            continue
        web = _WEB_SOURCE.match(d.data.get("credit", "")) if _weak_label(d.rule) else None
        if web is not None and not agency_named(web.group(0).rstrip(" ,;/")):
            d.label, d.rule, d.data = BOILERPLATE, "source line naming a website (a text's source)", {}
            continue
        cap = _caption_for(nb, k)
        if cap is not None:
            labelled = cap.data.get("caption") if cap.rule.startswith(_CAPTION_LABEL_RULE) else None
            rule = f"caption: beside the credit on line {d.index + 1}"
            if labelled:  # no title then: a title's line carries no caption label
                rule = f"{cap.rule}, paired with the credit on line {d.index + 1}"
            cap.label, cap.rule, cap.data = CAPTION, rule, {}
            d.data["caption"] = (labelled or cap.text.removesuffix("(")).strip()
        elif d.rule == "credit.copyright":
            d.label, d.rule, d.data = BOILERPLATE, "copyright line with no caption beside it", {}
        elif _weak_label(d.rule) and k and _paragraph(nb[k - 1]) and not _text_after(nb, k):
            d.label, d.rule, d.data = (
                BOILERPLATE,
                "source line with no caption beside it (a text's source)",
                {},
            )
    _echoed_captions(nb)
    _gallery_captions(nb)
    _video_captions(nb)
    _restated_captions(nb)


_RESTATED_MIN_WORDS: Final = 12
_TOKENS: Final = re.compile(r"\w+")


def _restated_captions(nb: list[LineDecision]) -> None:
    """Some sites caption a picture with a sentence of the text, without its final stop: a line that repeats
    an earlier paragraph's words and lacks the paragraph's stop is a caption (only later copies: a copy above
    the text may be its standfirst or title)."""
    # the keys (every line's words) are costly on long lines: they are made only for lines up to the last
    # candidate, and only where a paragraph and a candidate open with the same word (equal keys do)
    cands = {
        k
        for k, d in enumerate(nb)
        if (f := d.features) is not None
        and f.words >= _RESTATED_MIN_WORDS
        and not f.ends_sentence
        and (
            not d.label or d.rule.startswith("repeated line")
        )  # _free(d), written out: it runs for every line
    }
    if not cands:
        return
    rows: list[tuple[int, str, str]] = []  # (index, lower-case text, first word)
    for k, d in enumerate(nb[: max(cands) + 1]):
        f = d.features
        if f is not None and f.words >= _RESTATED_MIN_WORDS and (f.ends_sentence or k in cands):
            low = f.low
            rows.append((k, low, _first_token(low)))
    cand_heads = {head for k, _, head in rows if k in cands}
    seen_heads: set[str] = set()
    seen: set[tuple[str, ...]] = set()
    for k, low, head in rows:
        if k not in cands:  # a paragraph
            if head in cand_heads:
                seen.add(tuple(_TOKENS.findall(low)))
                seen_heads.add(head)
        elif head in seen_heads and tuple(_TOKENS.findall(low)) in seen:
            d = nb[k]  # a candidate is free, and this pass labels no other line
            d.label, d.rule = CREDIT, "caption: an earlier paragraph restated without its stop"
            d.data = {"kind": "photo", "caption": d.text}


_HEAD: Final = re.compile(r"\W*(\w*)")


def _first_token(low: str) -> str:
    """The first of _TOKENS.findall(low), or "" when there is none."""
    m = _HEAD.match(low)
    return m.group(1) if m else ""


_GALLERY_CAPTION_WORDS: Final = (4, 60)
# a gallery's block: the counter, a caption and a credit or two; a dump without blank lines is one block
_GALLERY_BLOCK_LINES: Final = 6
# a video player's line under its caption: the clip's length ("2:43 min", "26.10.2025 | 2:43 min") or its
# autoplay switch
_VIDEO_MARK: Final = re.compile(
    r"^(?:[^|]{0,40}\|\s*)?\d{1,2}:\d\d(?::\d\d)?\s*min\.?$|^autoplay$", re.IGNORECASE
)
_VIDEO_MARK_ENDS: Final = ("min", "min.", "Min", "Min.", "MIN", "autoplay", "Autoplay", "AUTOPLAY")
_VIDEO_CAPTION_WORDS: Final = (4, 50)
_VIDEO_SENTENCE_WORDS: Final = 8


def _video_captions(nb: list[LineDecision]) -> None:
    """The text right above a video player's length or autoplay line is the clip's caption: a description
    (a sentence), or its title when the line below is the player's autoplay switch. A list of clip titles
    each above its length is a video teaser list: titles without a sentence stop stay furniture."""
    for k, m in enumerate(nb):
        if not m.text.endswith(_VIDEO_MARK_ENDS):
            continue  # most lines: their end looked at
        mf = m.features
        if k == 0 or mf is None or mf.words > 6 or not _VIDEO_MARK.match(m.text):
            continue
        x = nb[k - 1]
        xf = x.features
        lo, hi = _VIDEO_CAPTION_WORDS
        if xf is None or not _free(x) or not lo <= xf.words <= hi or m.index - x.index > _CAPTION_GAP:
            continue
        autoplay = m.text.lower() == "autoplay"
        if autoplay or (xf.ends_sentence and xf.words >= _VIDEO_SENTENCE_WORDS):
            x.label, x.rule = CREDIT, f"caption: above the video player's line {m.index + 1}"
            x.data = {"kind": "video", "caption": x.text}


def _gallery_captions(nb: list[LineDecision]) -> None:
    """A gallery's counter ("Image 3 of 12", "3 / 12") is furniture, and a text line in its block is the
    caption of the picture it counts, credit or not (when the block is a gallery's few lines, not a whole
    dump printed without blank lines)."""
    for k, d in enumerate(nb):
        f = d.features
        if f is None or f.words > 4 or not d.text[-1].isdecimal() or not _free(d):
            continue  # a counter ends with a number ("3 / 12")
        if not credits.gallery_counter(d.text):
            continue
        d.label, d.rule, d.data = BOILERPLATE, "gallery counter", {}
        lo, hi = _GALLERY_CAPTION_WORDS
        for j in (k - 1, k + 1):
            x = nb[j] if 0 <= j < len(nb) else None
            xf = x.features if x is not None else None
            if x is None or xf is None or xf.block != f.block or not _free(x) or not lo <= xf.words <= hi:
                continue
            if xf.block_size > _GALLERY_BLOCK_LINES:
                continue  # no blank lines to tell the gallery's block from the article's paragraphs
            x.label, x.rule = CREDIT, f"caption: beside the gallery counter on line {d.index + 1}"
            x.data = {"kind": "photo", "caption": x.text}


def _echoed_captions(nb: list[LineDecision]) -> None:
    """A gallery prints a caption twice (the picture's text, then the caption under it): the copy beside a
    caption is the caption too, not a paragraph."""
    for k, d in enumerate(nb):
        cap = d.text if d.label == CAPTION else d.data.get("caption") if d.label == CREDIT else None
        if not cap:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(nb) and _free(nb[j]) and nb[j].text.rstrip(".") == cap.rstrip("."):
                nb[j].label, nb[j].rule = CAPTION, f"caption: a copy of the caption on line {d.index + 1}"


_TITLE_CAPTION_MIN_WORDS: Final = 5
# "Posted by Jane Roe on May 2, 2024, 6:21 AM": a post's date line
_CLOCK: Final = re.compile(r"\b\d{1,2}:\d\d\b")
_SKELETON: Final = re.compile(r"[\w\s]+")


def _skeleton(text: str) -> str:
    """A line's punctuation with its words taken out: "9 May – Town, XY @ Hall" reads "–,@"."""
    return _SKELETON.sub("", text)


def _list_item(nb: list[LineDecision], k: int) -> bool:
    """A line shaped like a line beside it (the same punctuation between its words), between lines that
    name no agency, is one item of a list (dates and places, a schedule): an agency's name in it
    ("PA", "AP" as a region or a word) is a coincidence. Glued dumps put every item in a block of its
    own, so the block alone does not tell."""
    shape = _skeleton(nb[k].text)
    if not shape or k == 0 or k + 1 >= len(nb):
        return False
    nbr = (nb[k - 1], nb[k + 1])
    return any(_skeleton(x.text) == shape for x in nbr) and not any(agency_named(x.text) for x in nbr)


_CAPTION_LABEL_RULE: Final = "caption.label"  # engine._anchored's rule for "Image caption, …" lines


def _caption_for(nb: list[LineDecision], k: int) -> LineDecision | None:
    """The caption of the credit at nb[k]: its block neighbour, else the line just above it."""
    f = nb[k].features
    assert f is not None
    if (
        k + 1 < len(nb)
        and nb[k + 1].rule.startswith(_CAPTION_LABEL_RULE)
        and nb[k + 1].index - nb[k].index <= _CAPTION_GAP
    ):
        return nb[
            k + 1
        ]  # "Image source, Getty Images" / "Image caption, CAPTION": the caption says it is one
    up = k - 2 if k > 1 and nb[k - 1].text in _BRACKETS else k - 1  # "CAPTION" / "(" / "Image:"
    for j in (up, k + 1):
        if 0 <= j < len(nb):
            x = nb[j]
            xf = x.features
            assert xf is not None
            if (
                xf.block == f.block
                and _captionable(x)
                and xf.words >= 3
                and not (j == up and _signed_off(nb, k, x))
            ):
                return x
    if k > 0 and f.block_pos == 0:
        x = nb[k - 1]
        max_gap = _CAPTION_GAP
        if x.text in _BRACKETS and k > 1:
            x = nb[k - 2]  # "CAPTION" / "(" / "Image:" / "Getty Images)": the bracket opened the credit
            max_gap += _CAPTION_GAP  # the bracket's own line and its blank line
        xf = x.features
        assert xf is not None
        gap = nb[k].index - x.index
        if (
            gap <= max_gap
            and _captionable(x)
            and 3 <= xf.words <= 40
            and not (xf.ends_sentence and xf.words > _SENTENCE_CAPTION_WORDS)
            and not _signed_off(nb, k, x)
        ):
            return x
        if k + 2 < len(nb) and _paragraph(x) and _paragraph(nb[k + 2]):
            # blocks dumped apart (glued dumps), the credit between paragraphs: its caption may follow it
            below = nb[k + 1]
            bf = below.features
            assert bf is not None
            near = below.index - nb[k].index <= _CAPTION_GAP
            if near and _free(below) and 3 <= bf.words <= 25 and not bf.ends_sentence:
                return below
    return None


_SENTENCE_CAPTION_WORDS: Final = 25  # a caption that is one sentence is shorter than this; a paragraph is not
_TRAILING_RULE: Final = "credit.trailing"
_STOPS: Final = '.!?"”’»'


def _glued_signoffs(nb: list[LineDecision]) -> None:
    """ "… were deported on Tuesday. PTI": a wire's name glued to the end of the article's last paragraph signs
    the text, it does not credit a picture. A paragraph's length of sentences after a paragraph, with no text
    after it and only an agency's name at its end, is that last paragraph (kept whole, the sign-off with it)."""
    for k, d in enumerate(nb):
        if d.label != CREDIT or not d.rule.startswith(_TRAILING_RULE):
            continue
        caption, credit = d.data.get("caption") or "", d.data.get("credit") or ""
        if (
            k > 0
            and len(caption.split()) > _SENTENCE_CAPTION_WORDS
            and caption[-1:] in _STOPS
            and "/" not in credit
            and credits.agency_only(credit)
            and _paragraph(nb[k - 1])
            and not _text_after(nb, k)
        ):
            d.label, d.rule, d.data = "", "text: the last paragraph, signed off by its wire's name", {}


def _signed_off(nb: list[LineDecision], k: int, x: LineDecision) -> bool:
    """The agency line at nb[k] signs off the article ("(dpa)", "Mit Material von AFP", "Quelle: dpa"): the
    sentence above it (x) follows a paragraph and no paragraph follows the credit. It is the article's
    last paragraph, not a picture's caption; a picture between paragraphs has text on both sides. A
    credit labelled for a picture ("Foto: Jane Roe") names its author wherever it stands; a weak label
    ("Quelle", "Source": rules/<lang>.toml, credit.weak) also cites a text's source."""
    rule = nb[k].rule
    # "© Jane Roe" under the last paragraph of a post signs the post (or its last picture, shown above)
    if not (
        _weak_label(rule) or _lead_label(rule) or rule.startswith(_BARE_RULES) or rule == _COPYRIGHT_RULE
    ):
        return False
    pos = k - 1 if nb[k - 1] is x else k - 2
    if pos < 1 or not (x.features and x.features.ends_sentence):
        return False
    above = nb[pos - 1]
    # a copyright signs a post whose last lines are steps or items too ("Boil for 10 minutes" / "Let cool.")
    step = (
        rule == _COPYRIGHT_RULE
        and _free(above)
        and above.features is not None
        and above.features.words >= _STEP_WORDS
    )
    if not (_paragraph(above) or step):
        return False
    if any(_paragraph(y) for y in nb[max(0, pos - 1 - _HEADER_LINES) : pos - 1]):
        return not _text_after(nb, k)  # paragraphs above: the end of the text, and what follows a teaser
    # a standfirst alone above: a lead picture in the header, whose byline and date ("Von Jane Roe" /
    # "28.11.2026") are no text and are looked through
    after = [y for y in nb[k + 1 : k + 1 + _SIGNOFF_LOOKAHEAD + _HEADER_LINES] if y.label not in _HEADER]
    return not any(_paragraph(y) for y in after[:_SIGNOFF_LOOKAHEAD])


def _text_after(nb: list[LineDecision], k: int) -> bool:
    return any(_paragraph(y) for y in nb[k + 1 : k + 1 + _SIGNOFF_LOOKAHEAD])


def _weak_label(rule: str) -> bool:
    """A credit labelled by a word that also cites a text's source ("Quelle:", "Source:")."""
    return rule.startswith(_LABEL_RULE) and rule[len(_LABEL_RULE) :].strip("'").lower() in RULES.credit_weak


def _lead_label(rule: str) -> bool:
    """ "Titelbild: Jane Roe" below the text credits the picture at the top, not a sentence above it."""
    return rule.startswith(_LABEL_RULE) and rule[len(_LABEL_RULE) :].strip("'").lower() in RULES.credit_lead


def _paragraph(d: LineDecision) -> bool:
    f = d.features
    return f is not None and _free(d) and f.ends_sentence and f.words >= 12


_BRACKETS: Final = frozenset({"(", "[", "|", "-", "–", "—"})
_CAPTION_GAP: Final = 2  # a caption sits on the line above its credit, or one blank line above
_SIGNOFF_LOOKAHEAD: Final = 2  # lines after a credit where the article's text would go on
# "Quelle: example.de", "Quelle: example.de, dpa": a text's source by its web address, not a picture's credit
# (a picture agency's address, "Quelle: stock.adobe.com", stays a credit)
_WEB_SOURCE: Final = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:$|[\s,;/])")
_HEADER_LINES: Final = 3  # byline and date lines between a lead picture's credit and the text
_HEADER: Final = (BYLINE, DATELINE)
_BARE_RULES: Final = ("credit.agency line", "credit.bare")
_LABEL_RULE: Final = "credit.label: "
_COPYRIGHT_RULE: Final = "credit.copyright"
_STEP_WORDS: Final = 6
_BIO_CAPTION_MAX_WORDS: Final = 25


_ITEM_HEAD: Final = re.compile(r"\d{1,2}[.)]\s")


def _captionable(d: LineDecision) -> bool:
    """Free, or a short line read as a bio only for its opening ("Jane Roe is a …"): next to a credit, a
    caption describing a person or a thing named first ("Aloe vera is a plant that …"). A line ending with a
    colon introduces what follows ("Credits of the shoot:"): no caption."""
    if d.text.endswith(":"):
        return False
    if d.text[:1].isdigit() and _ITEM_HEAD.match(d.text) and not (d.features and d.features.ends_sentence):
        return False  # "1. Elmsworth, Vermont" above an item's picture: the item's heading, not the caption
    if d.label == DATELINE:
        return _dated_caption(d)
    if d.label == BIO:
        return d.features is not None and d.features.words <= _BIO_CAPTION_MAX_WORDS
    return _free(d)


_DATED_CAPTION_WORDS: Final = 6


def _dated_caption(d: LineDecision) -> bool:
    """ "Boats moored at the harbour on March 4, 2024.": a sentence that names its date, next to a credit, is the
    picture's caption; a date line opens with the date (or its weekday) and is no sentence."""
    f = d.features
    if f is None or not f.ends_sentence or f.words < _DATED_CAPTION_WORDS or not d.text[0].isupper():
        return False
    head = d.text.split(None, 1)[0].lower().strip(".,")
    return head not in RULES.month_numbers and RULES.weekday.match(d.text) is None


def _free(d: LineDecision) -> bool:
    """Unlabelled, or only marked as a repeated line: a field may still claim it."""
    return not d.label or d.rule.startswith("repeated line")
