"""Classify every line: pattern rules first, then content scores, then context.

The passes, in order (each one linear in the number of lines):
1. patterns   rule tables (rules/*.toml) label credits, bylines, dates, related links, boilerplate, bios;
2. content    the rest are good (running text), medium, or short (jusText's idea, on features);
3. pairing    a credit takes the caption beside it in its block; a bare agency line next to a caption is a credit;
              a caption printed twice, a text beside a gallery counter, a paragraph restated without its
              stop are captions too;
4. main run   teaser lists (title / summary alternations, summaries cut without a stop) are furniture;
              the densest contiguous run of text (maximum-sum segment of per-line weights) is the article,
              which drops menus, teaser lists and footers of whole-page dumps;
5. context    short lines between body paragraphs become subheadings (body) or inline related links;
              the headline is the longest title-like line just above the run; name lines near it are bylines;
              a "NAME is a …" paragraph after the run is the author's bio.
`corpus explain` prints exactly these decisions, so what it shows is what the converter did.
Pass 3 lives in pairing.py, passes 2, 4 and 5 for the body in body/; document-level scans and rule
gates in scan.py; the fields' own passes (headline, names, credits, dates) in fields/.
"""

from __future__ import annotations

import re
from typing import Any, Final

from corpus.convert import memo
from corpus.convert.body import (
    body_repeats,
    closed_boxes,
    comment_widgets,
    content_class,
    cut_summaries,
    furniture_islands,
    kicker_teasers,
    label_body,
    lede_above_box,
    main_run,
    repeated_standfirst,
    site_slogans,
    standfirst,
    summary_boxes,
    tail,
    teaser_cards,
    teaser_credits,
    teaser_lists,
    wrapped_paragraphs,
)
from corpus.convert.decision import LineDecision
from corpus.convert.features import Features, all_features
from corpus.convert.fields import credits, header_bylines, headline, names, signatures
from corpus.convert.fields import names as fnames
from corpus.convert.fields.dates import find_date, native_year
from corpus.convert.fields.names import parse_names
from corpus.convert.labels import (
    BIO,
    BLANK,
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    RELATED,
)
from corpus.convert.pairing import _free, _pair_credits
from corpus.convert.patterns import first_word
from corpus.convert.rules import RULES
from corpus.convert.scan import (
    agency_at_end,
    inline_credit_possible,
    keyword_lines,
    repeated_lines,
    whole_line_key,
)

__all__ = ["LineDecision", "classify", "find_date", "parse_names"]

_DIGITS: Final = re.compile(r"\d+")
# a colon, or a separator of scripts without capitals ("写真：共同", "사진=홍길동", "图/新华社"), after a credit label
_SEPARATOR: Final = re.compile(r"[:：=/／]")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_RANGE_DASH: Final = re.compile(r"\s*[–—-]\s*")
# A caption with its credit can run to a paragraph's length (what, who, where, when, and the story's
# background, then "(Photo: Jane Roe)"): credit rules try lines up to this many words.
_CAPTION_MAX_WORDS: Final = 100
# longer and ending with a stop: a paragraph (a long caption ends with its credit)
_PARAGRAPH_WORDS: Final = 60


def _pattern(
    text: str, f: Features, stop: frozenset[str], keyword: str | None = None
) -> tuple[str, str, dict[str, Any]] | None:
    """Pass 1: the rule tables. Returns (label, rule, data) or None. `keyword`: the boilerplate keyword
    the line holds, if any (found for the whole text at once by keyword_lines)."""
    if f.words > _CAPTION_MAX_WORDS or (f.words > _PARAGRAPH_WORDS and f.ends_sentence):
        # a paragraph: only a notice phrase, a credit at its end and the bio apply
        if keyword:
            return BOILERPLATE, f"boilerplate.notice: {keyword!r}", {}
        return _long_caption(text, f) or _bio(text)
    fams = RULES.starter_families.get(first_word(text))  # most lines start with no table phrase
    if fams:
        hit = _anchored(text, f, stop, fams)
        if hit:
            return hit
    if f.words <= _DATE_LINE_WORDS:
        dated = _date_line(text)
        if dated:
            return dated
    if f.words <= _WIRE_DATELINE_WORDS and text[-1] == ")" and _wire_dateline(text):
        # "Lima, 28 nov (EFE)": a wire's dateline with no year, not a caption and its credit
        return DATELINE, "date: a wire's dateline (place, day and month, the agency)", {}
    if f.words <= _CAPTION_MAX_WORDS:
        # the cheap tests of each rule's gate stand here: a call costs more than they do
        colon = ":" in text or "：" in text or "..." in text or "…" in text  # "Credit...Jane Roe"
        sep = colon or "=" in text  # "사진=홍길동": a label's "=" in Korean captions
        m = RULES.credit_inline.search(text) if sep and inline_credit_possible(text) else None
        if m is None and colon:
            m = RULES.credit_glued.search(text)
        if (
            m
            and len(caption := text[: m.start()].strip(" ([|–—-©")) >= 8
            and credits.inline_ok(m.group("label"), caption)
        ):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            return (
                CREDIT,
                f"credit.inline: {m.group('label')!r}",
                {"kind": kind, "credit": m.group("credit").strip(), "caption": caption},
            )
        closes = text[-1] in ")]"
        m = RULES.credit_agency_end.match(text) if closes and agency_at_end(text) else None
        if m:
            return (
                CREDIT,
                "credit.agency at end",
                {
                    "kind": "photo",
                    "credit": m.group("credit").strip(),
                    "caption": m.group("caption").rstrip(" ([|–—-©").strip(),
                },
            )
        m = RULES.credit_courtesy.match(text) if text[-1] == "）" else None
        if m:  # the bracket is printed as the caption's own end: the caption keeps it, no credit is split off
            data = {"kind": "photo", "caption": text}
            return CREDIT, "credit.courtesy: a caption naming who provided the picture, in brackets", data
        br = credits.bracketed(text, f.words) if closes else None
        if br:
            return (
                CREDIT,
                "credit.bracketed: a name in brackets after the caption's last sentence",
                {"kind": "photo", "credit": br[1], "caption": br[0]},
            )
        by = credits.photo_by(text) if " by " in text or " courtesy" in text else None  # its own gate
        if by:
            kind = RULES.credit_kinds.get(by[0].lower(), "photo")
            return CREDIT, f"credit.by: {by[0]!r} by", {"kind": kind, "credit": by[2], "caption": by[1]}
        tl = credits.tail_label(text) if text[-1] not in ".?!" else None  # its own gate
        if tl:
            kind = RULES.credit_kinds.get(tl[0].lower().rstrip("."), "photo")
            return CREDIT, f"credit.tail label: {tl[0]!r}", {"kind": kind, "credit": tl[2], "caption": tl[1]}
        tr = credits.trailing(text, f) if not f.ends_sentence and f.words >= 4 else None  # its own gate
        if tr:
            return (
                CREDIT,
                "credit.trailing: agency or Name/Agency after the caption",
                {
                    "kind": "photo",
                    "credit": tr[1],
                    "caption": tr[0],
                },
            )
    if text[0].isdigit() and RULES.counter.match(text):
        return BOILERPLATE, "boilerplate.counter", {}
    if (
        f.words <= 40
        and not keyword  # "© 2024 Example Daily, all rights reserved": a site's footer, in any language
        and ("©" in text or (text[0] in "(cC" and text[:9].lower().startswith(("(c)", "copyright"))))
    ):
        m2 = RULES.credit_copyright.match(text)
        if m2:
            caption, credit_text = credits.tidy(m2.group("caption"), m2.group("credit"))
            credit = {"kind": "photo", "credit": credit_text, "caption": caption}
            return CREDIT, "credit.copyright", credit
    if keyword:
        kind = "keyword" if f.words <= RULES.keyword_max_words else "notice"
        return BOILERPLATE, f"boilerplate.{kind}: {keyword!r}", {}
    if f.words >= 10:
        return _bio(text)
    return None


def _date_line(text: str) -> tuple[str, str, dict[str, Any]] | None:
    """A line that dates the article, asked of short lines (and of publication stamps up to twice as long)."""
    if not (
        (("19" in text or "20" in text) and _YEAR.search(text)) or (not text.isascii() and native_year(text))
    ):
        return None  # dates have a 4-digit year
    d = find_date(text)
    if d is None or ((dash := _RANGE_DASH.match(text, d[1].end())) and _date_at(text[dash.end() :])):
        return None  # none, or "1 May 2026 – 3 June 2026": an event's dates (a row of its details)
    # the line's shape: what stands around the date, digits blurred ("Name says: D at 0:0 am")
    shape = _DIGITS.sub("0", f"{text[: d[1].start()]}D{text[d[1].end() :]}").strip()
    return DATELINE, f"date: {d[1].group(0)!r}", {"published": d[0], "shape": shape}


def _date_at(text: str) -> bool:
    """A date opens the text (the second end of a range; "03.07.2024 - 18:24" is a date and its time)."""
    d = find_date(text)
    return d is not None and d[1].start() == 0


_LONG_CAPTION_MAX_WORDS: Final = 150
_LONG_CAPTION_TAIL: Final = 200  # characters: a credit at the end of a long caption is short


def _long_caption(text: str, f: Features) -> tuple[str, str, dict[str, Any]] | None:
    """A caption as long as a paragraph still ends with its credit ("… in 2025. (Photo: Jane Roe)",
    "… in 2025. Photo by Jane Roe / AFP"): only patterns anchored at the line's end are tried."""
    if f.ends_sentence or f.words > _LONG_CAPTION_MAX_WORDS:
        return None
    cut = max(0, len(text) - _LONG_CAPTION_TAIL)
    tail = text[cut:]
    m = RULES.credit_inline.search(tail) if inline_credit_possible(tail) else None
    if m:
        caption = text[: cut + m.start()].strip(" ([|–—-©")
        if credits.inline_ok(m.group("label"), caption):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            data = {"kind": kind, "credit": m.group("credit").strip(), "caption": caption}
            return CREDIT, f"credit.inline after a long caption: {m.group('label')!r}", data
    by = credits.photo_by(text)
    if by:
        kind = RULES.credit_kinds.get(by[0].lower(), "photo")
        return (
            CREDIT,
            f"credit.by after a long caption: {by[0]!r} by",
            {"kind": kind, "credit": by[2], "caption": by[1]},
        )
    return None


def _wire_dateline(text: str) -> bool:
    m = _WIRE_DATELINE.match(text)
    return (
        m is not None
        and m.group("month").lower() in RULES.month_numbers
        and RULES.agency.fullmatch(m.group("wire")) is not None
    )


def _title_start(title: str) -> bool:
    """A link's title opens with a capital, a digit or a quote; a sentence after the label goes on in lower case."""
    c = title[:1]
    return c.isupper() or c.isdigit() or c in _TITLE_QUOTES


def _bio(text: str) -> tuple[str, str, dict[str, Any]] | None:
    m = RULES.bio.match(text) if text[0].isupper() else None
    return (BIO, f"bio: {m.group(0)!r}", {"name": m.group("name")}) if m else None


_WIRE_DATELINE_WORDS: Final = 8
# "Lima, 28 nov (EFE)": a place, a day, a month's name and a wire in brackets
_WIRE_DATELINE: Final = re.compile(
    r"^[A-ZÀ-Þ][\w.'’-]*(?:\s[\w.'’-]+){0,3},\s\d{1,2}\s(?P<month>[^\W\d_]{3,10})\.?\s\((?P<wire>[^()]{2,30})\)$"
)
_TITLE_QUOTES: Final = "«\"“„‘'"
_ALL_FAMILIES: Final = frozenset(
    {"prevnext", "related", "credit", "byline", "boiler_line", "boiler_start", "caption"}
)


_DATE_LINE_WORDS: Final = 10  # a date line: the date and a few words around it
_STAMP_WORDS: Final = 20  # a publication stamp: its phrase, the date, maybe the update's date
_LABELLED_CAPTION_MIN: Final = 8  # characters of a caption between a label and the credit's own label


def _anchored(
    text: str, f: Features, stop: frozenset[str], fams: frozenset[str] = _ALL_FAMILIES
) -> tuple[str, str, dict[str, Any]] | None:
    """Rules whose phrase opens the line (related, credit labels, bylines, boilerplate phrases).
    `fams`: the rule families with a phrase that starts with the line's first word; only those are tried."""
    m = RULES.prevnext.match(text) if "prevnext" in fams else None
    if m and (not m.group("title") or f.words <= 30):
        rel = "previous" if m.group("previous") else "next"
        return RELATED, f"related.{rel}: {m.group(rel)!r}", {"rel": rel, "title": m.group("title").strip()}
    if f.words <= 30 and "related" in fams:
        m = RULES.related_label.match(text)
        if m:
            title = (m.group("title") or "").strip()
            return RELATED, f"related.label: {m.group('label')!r}", {"rel": "related", "title": title}
        m = RULES.related_inline.match(text)
        if m and _title_start(m.group("title")):
            title = m.group("title").strip()
            return (
                RELATED,
                f"related.label before a title: {m.group('label')!r}",
                {"rel": "related", "title": title},
            )
        m = RULES.related_header.match(text) if f.words <= 8 else None
        if m:
            return (
                RELATED,
                f"related.label with its section: {m.group('label')!r}",
                {"rel": "related", "title": "", "section": True},
            )
    if f.words <= 25:
        m = RULES.credit_start.match(text) if "credit" in fams else None
        if m and credits.label_title(m.group("credit"), f, m.group("label")):
            m = None  # "VIDEO: Why people in one town are happier than elsewhere.": a teaser's title
        if m and (
            _SEPARATOR.search(text, m.end("label"), m.start("credit")) or m.group("credit")[:1].isupper()
        ):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            rest = m.group("credit")
            inner = RULES.credit_inline.search(rest) if inline_credit_possible(rest) else None
            if inner and inner.start() >= _LABELLED_CAPTION_MIN:  # "Image: CAPTION. Pic: Jane Roe"
                caption = rest[: inner.start()].strip(" ([|–—-")
                return (
                    CREDIT,
                    f"credit.inline: {inner.group('label')!r} after a caption labelled {m.group('label')!r}",
                    {"kind": kind, "credit": inner.group("credit").strip(), "caption": caption},
                )
            data: dict[str, Any] = {"kind": kind, "credit": _closed(rest.lstrip("© ").strip())}  # "Foto: © X"
            captioned = credits.captioned(data["credit"])
            if captioned:  # "Foto: Imagen de archivo. (EFE)": the label's text is the caption and its credit
                data["caption"], data["credit"] = captioned
            return CREDIT, f"credit.label: {m.group('label')!r}", data
        m = RULES.byline.match(text) if "byline" in fams else None
        if m:
            part = m.group("names")
            if ":" in part and (c := RULES.credit_inline.search(part)):
                part = part[: c.start()]  # "Text: Jane Roe Foto: John Doe": the photographer is no author
            names = parse_names(part, stop, prefixed=True) or fnames.desk(part)
            if names:
                return BYLINE, f"byline.prefix: {m.group('prefix')!r}", {"authors": names}
        if "byline" in fams and RULES.byline_bare.match(text):
            return BYLINE, "byline.prefix alone (names on the next line)", {"authors": [], "bare": True}
    m = RULES.caption_label.match(text) if "caption" in fams else None
    if m:  # "Media caption Who is Jane Roe?": a video's or a picture's caption, labelled as such
        return CAPTION, f"caption.label: {m.group('label')!r}", {"caption": m.group("caption")}
    if "boiler_line" in fams and whole_line_key(text) in RULES.boiler_line_set:
        return BOILERPLATE, "boilerplate.line", {}
    if f.words <= 40 and "boiler_start" in fams and not text.startswith("©"):
        low = text.lower()
        for phrase in RULES.boiler_starts_by_word.get(first_word(text), ()):
            if low.startswith(phrase):
                # "Published: March 12, 2024", "Publié le 27 novembre 2026 à 18h05, modifié le …": a date line
                dated = _date_line(text) if f.words <= _STAMP_WORDS else None
                return dated or (BOILERPLATE, f"boilerplate.start: {text[: len(phrase)]!r}", {})
    return None


def _closed(credit: str) -> str:
    """ "Foto: Jane Roe (Symbolbild)": the bracket the credit opened is its own, not one around the line."""
    return credit + ")" if credit.count("(") > credit.count(")") else credit


def classify(lines: list[str], lang: str | None) -> list[LineDecision]:
    memo.clear()
    stop = RULES.stopwords.get(lang or "", frozenset())
    feats = all_features(lines, stop)
    keywords = keyword_lines(lines, feats, lang)
    repeated = repeated_lines(lines, feats)
    ds: list[LineDecision] = []
    for i, (text, f) in enumerate(zip(lines, feats, strict=True)):
        if f is None:
            ds.append(LineDecision(i, text, BLANK, "empty line"))
            continue
        d = LineDecision(i, text, "", "", f)
        d.content = content_class(f)
        hit = _pattern(text, f, stop, keywords.get(i))
        if hit:
            d.label, d.rule, d.data = hit
            if d.label == CREDIT and d.data.get("caption") and d.data.get("credit"):
                d.data["caption"], d.data["credit"] = credits.tidy(d.data["caption"], d.data["credit"], text)
        ds.append(d)
    nonblank = [d for d in ds if d.features is not None]
    _pair_credits(nonblank)
    _bare_bylines(nonblank, stop)
    _related_followers(nonblank)
    for d in nonblank:  # after the fields had their say: a byline's name may repeat in an author box
        if not d.label and d.text in repeated:
            d.label, d.rule = BOILERPLATE, f"repeated line: {repeated[d.text]} times in the text"
    wrapped_paragraphs(nonblank)
    comment_widgets(nonblank)
    site_slogans(nonblank)
    teaser_lists(nonblank)
    cut_summaries(nonblank)
    summary_boxes(nonblank)
    closed_boxes(nonblank)
    s, e = main_run(nonblank)
    s = standfirst(nonblank, lede_above_box(nonblank, s))
    furniture_islands(nonblank, s, e)
    teaser_cards(nonblank)
    kicker_teasers(nonblank)
    tail(nonblank, s, e)
    label_body(nonblank, s, e, lang)
    body_repeats(nonblank)
    repeated_standfirst(nonblank)
    _headline_and_names(nonblank, s, e, stop)
    teaser_credits(nonblank)
    return ds


def _bare_bylines(nb: list[LineDecision], stop: frozenset[str]) -> None:
    """A "By" line alone takes the names on the next line (tagDiv's layout), and more name lines below."""
    for k, d in enumerate(nb):
        if d.label == BYLINE and d.data.get("bare") and k + 1 < len(nb):
            x = nb[k + 1]
            got = parse_names(x.text, stop, single_ok=True, prefixed=True) or names.desk(x.text)
            if got and (_free(x) or x.label == BYLINE):
                x.sign(got, f"names after the prefix on line {d.index + 1}")
                names.more_name_lines(nb, k + 2, stop)
        elif d.label == BYLINE and d.data.get("authors"):
            names.more_name_lines(nb, k + 1, stop)  # "von Jane Roe" / ", John Doe"


def _first_sentence(nb: list[LineDecision], start: int, e: int) -> int:
    """A title glued to its breadcrumb can be long enough to count as text: the article starts at a sentence."""
    for k in range(start, min(e + 1, start + 12)):
        f = nb[k].features
        if nb[k].label == BODY and f is not None and f.ends_sentence:
            return k
    return start


def _headline_and_names(nb: list[LineDecision], s: int, e: int, stop: frozenset[str]) -> None:
    """The headline: the longest title-like line just above the article's first paragraph; never invented."""
    start = next((k for k in range(s, e + 1) if nb[k].label == BODY and nb[k].content == "good"), s)
    best = headline.choose(nb, _first_sentence(nb, start, e), stop)
    if best is None:  # the run may open with a notice ("Your browser is outdated"): try the next text start
        later = _next_start(nb, start, e)
        best = headline.choose(nb, later, stop, _RESTART_THRESHOLD) if later > start else None
        if best is not None:  # the header (byline, date) sits between that headline and that paragraph
            start = later
    top = nb.index(best) if best is not None else -1
    if not any(d.label == BYLINE for d in nb[header_bylines.header_start(start, top) : start + 3]):
        header_bylines.header_names(nb, start, top, stop)  # bylines further up sign teasers, not this article
    if not any(d.label == BYLINE and d.data.get("authors") for d in nb):
        _signature(nb, e, stop)
    if not any(d.data.get("authors") for d in nb if d.label in (BYLINE, DATELINE)):
        signatures.end_initials(nb, e, stop)


_RESTART_THRESHOLD: Final = headline.THRESHOLD + 1.0  # a second look needs more evidence
_RESTART_SPAN: Final = 15  # lines into the run where the article's own start may follow a notice


def _next_start(nb: list[LineDecision], start: int, e: int) -> int:
    """The next good paragraph after a line that is no text, within the run's first lines (or `start`)."""
    for k in range(start + 1, min(e + 1, start + _RESTART_SPAN)):
        if nb[k].label == BODY and nb[k].content == "good" and nb[k - 1].label != BODY:
            return k
    return start


_SIGNATURE_MAX_WORDS: Final = 4


def _signature(nb: list[LineDecision], e: int, stop: frozenset[str]) -> None:
    """With no byline above, a name alone right below the last paragraph signs the article."""
    for d in nb[e + 1 : e + 3]:
        if "boilerplate.line" in d.rule:
            continue  # a button between the text and the name
        f = d.features
        if f is None or f.words > _SIGNATURE_MAX_WORDS or not (_free(d) or "short line" in d.rule):
            return
        got = names.name_line(d, stop) or (names.cjk_signature(d.text) if not d.text.isascii() else [])
        if got:
            d.sign(got, "a name alone below the last paragraph")
        return


_SECTION_LINKS: Final = 2
_SENTENCE_AFTER_TITLES: Final = 8
_GLUED_MIN_WORDS: Final = 20
_SENTENCE_STOP: Final = re.compile(r"[.!?…]\s|[.!?…]$")


def _glued_titles(text: str, words: int) -> bool:
    """ "Kicker: A title Another kicker: Another title …": a list of link titles printed as one line, long as
    a paragraph but with no sentence stop anywhere (titles have none); the first line under a link header."""
    return words >= _GLUED_MIN_WORDS and _SENTENCE_STOP.search(text) is None


def _full_stop(text: str) -> bool:
    return text.endswith(".") and not text.endswith("..")


def _glued_title(nb: list[LineDecision], k: int) -> bool:
    """Between paragraphs, the line right below a label, with no blank line between, is the one link's title
    when a blank line follows it: the label and the title were one block ("À lire aussi" + title as pieces of
    one line); a list's items are blocks of their own. Only the labels of one link ([related] inline) do so,
    and a title ends without a full stop ("Read more" above a sentence is a button)."""
    if k < 1 or k + 2 >= len(nb):
        return False
    above, x, after = nb[k - 1], nb[k + 1], nb[k + 2]
    xf = x.features
    return (
        not above.label
        and above.content == "good"
        and x.index == nb[k].index + 1
        and after.index > x.index + 1
        and not x.label
        and xf is not None
        and 3 <= xf.words <= 30
        and _title_start(x.text)
        and not x.text.endswith(".")
        and RULES.related_inline.match(nb[k].text.rstrip(" :") + " " + x.text) is not None
    )


def _related_followers(nb: list[LineDecision]) -> None:
    """A related header ("Read more", "Previous article") with no title takes the title lines below it."""
    for k, d in enumerate(nb):
        if d.label != RELATED or d.data.get("title"):
            continue
        rel = d.data.get("rel", "related")
        limit = 1 if rel in ("previous", "next") else 8
        section = d.data.get("section", False)  # "More from Business": only titles, two or more
        if rel == "related" and not section and _glued_title(nb, k):
            x = nb[k + 1]
            x.label, x.rule = RELATED, f"related.label's title, glued below line {d.index + 1} (one link)"
            x.data = {"rel": rel, "title": x.text}
            d.data["header"] = True
            continue
        taken = 0
        stopped = False  # a title taken so far ends with a full stop
        for x in nb[k + 1 :]:
            xf = x.features
            assert xf is not None
            if not taken and rel == "related" and not x.label and _glued_titles(x.text, xf.words):
                x.label, x.rule = RELATED, f"related: titles glued in one line under line {d.index + 1}"
                x.data = {"rel": rel, "title": x.text}
                taken = _SECTION_LINKS  # as many links as a section's list needs
                break
            if taken >= limit or x.label or xf.words < 3 or xf.words > 30:
                break
            if xf.ends_sentence and x.text.endswith(".") and xf.words > 12:
                break  # a paragraph: the list is over
            if taken and _full_stop(x.text) and xf.words >= _SENTENCE_AFTER_TITLES and not stopped:
                break  # a sentence after titles without a stop: the text goes on below the list (a teaser's
                # cut summary ends with "...")
            stopped = stopped or x.text.endswith(".")
            if xf.ends_sentence and section:
                break
            x.label, x.rule = RELATED, f"related: listed under line {d.index + 1}"
            x.data = {"rel": rel, "title": x.text}
            taken += 1
        if section and taken < _SECTION_LINKS:  # a title and its summary: teaser_lists judges them
            for x in nb[k + 1 : k + 1 + taken]:
                x.label, x.rule, x.data = "", "", {}
            taken = 0
        if taken:
            d.data["header"] = True
