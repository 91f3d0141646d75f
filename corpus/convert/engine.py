"""Classify every line: pattern rules first, then content scores, then context.

The passes, in order (each one linear in the number of lines):
1. patterns   rule tables (rules/*.toml) label credits, bylines, dates, related links, boilerplate, bios;
2. content    the rest are good (running text), medium, or short (jusText's idea, on features);
3. pairing    a credit takes the caption beside it in its block; a bare agency line next to a caption is a credit;
4. main run   the densest contiguous run of text (maximum-sum segment of per-line weights) is the article,
              which drops menus, teaser lists and footers of whole-page dumps;
5. context    short lines between body paragraphs become subheadings (body) or inline related links;
              the headline is the longest title-like line just above the run; name lines near it are bylines;
              a "NAME is a …" paragraph after the run is the author's bio.
`corpus explain` prints exactly these decisions, so what it shows is what the converter did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from corpus.convert.features import Features, all_features
from corpus.convert.fields import credits, headline, names
from corpus.convert.fields import names as fnames
from corpus.convert.fields.dates import find_date
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
from corpus.convert.rules import RULES, first_word

# Content classes (pass 2).
_GOOD_WORDS = 12
_MEDIUM_WORDS = 5
_GOOD_STOP = 0.25
_TITLE_CASE = 0.8  # share of capitalised content words above which a line reads as a title
# Weights of pass 4: text counts by its length, furniture counts against.
_W_SHORT = -25.0
_W_FURNITURE = -30.0
_W_META = -5.0
_HEADLINE_WINDOW = 14
_NEXT_ARTICLE_AFTER = 4
_HEADLINE_MAX_WORDS = 30
_SUBHEAD_MAX_WORDS = 16
_INLINE_LINK_MIN_WORDS = 6
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class LineDecision:
    """One line's class and the evidence behind it: what `corpus explain` prints."""

    index: int
    text: str
    label: str
    rule: str
    features: Features | None = None
    data: dict[str, Any] = field(default_factory=dict)
    content: str = ""  # good | medium | short (pass 2)


def _pattern(text: str, f: Features, stop: frozenset[str]) -> tuple[str, str, dict[str, Any]] | None:
    """Pass 1: the rule tables. Returns (label, rule, data) or None."""
    anchored = first_word(text) in RULES.starters  # most lines start with no table phrase: skip those rules
    if anchored:
        hit = _anchored(text, f, stop)
        if hit:
            return hit
    if f.words <= 10:
        d = find_date(text)
        if d:
            shape = _DIGITS.sub("0", text[: d[1].start()]).strip()
            return DATELINE, f"date: {d[1].group(0)!r}", {"published": d[0], "shape": shape}
    if f.words <= 60:
        m = (RULES.credit_inline.search(text) or RULES.credit_glued.search(text)) if ":" in text else None
        if (
            m
            and len(caption := text[: m.start()].strip(" ([|–—-")) >= 8
            and credits.inline_ok(m.group("label"), caption)
        ):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            return (
                CREDIT,
                f"credit.inline: {m.group('label')!r}",
                {"kind": kind, "credit": m.group("credit").strip(), "caption": caption},
            )
        m = RULES.credit_agency_end.match(text) if text.endswith((")", "]")) else None
        if m:
            return (
                CREDIT,
                "credit.agency at end",
                {"kind": "photo", "credit": m.group("credit").strip(), "caption": m.group("caption").strip()},
            )
        by = credits.photo_by(text)
        if by:
            kind = RULES.credit_kinds.get(by[0].lower(), "photo")
            return CREDIT, f"credit.by: {by[0]!r} by", {"kind": kind, "credit": by[2], "caption": by[1]}
        tr = credits.trailing(text, f) if not f.ends_sentence else None
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
    if f.words <= 40 and ("©" in text or text.lower().startswith(("(c)", "copyright"))):
        m2 = RULES.credit_copyright.match(text)
        if m2:
            credit = {
                "kind": "photo",
                "credit": m2.group("credit").strip(),
                "caption": m2.group("caption").strip(),
            }
            return CREDIT, "credit.copyright", credit
    if f.words <= RULES.keyword_max_words:
        low = text.lower()
        for kw in RULES.boiler_keywords:
            if kw in low:
                return BOILERPLATE, f"boilerplate.keyword: {kw!r}", {}
    if f.words >= 10 and text[0].isupper():
        m = RULES.bio.match(text)
        if m:
            return BIO, f"bio: {m.group(0)!r}", {"name": m.group("name")}
    return None


def _anchored(text: str, f: Features, stop: frozenset[str]) -> tuple[str, str, dict[str, Any]] | None:
    """Rules whose phrase opens the line (related, credit labels, bylines, boilerplate phrases)."""
    m = RULES.prevnext.match(text)
    if m and (not m.group("title") or f.words <= 30):
        rel = "previous" if m.group("previous") else "next"
        return RELATED, f"related.{rel}: {m.group(rel)!r}", {"rel": rel, "title": m.group("title").strip()}
    if f.words <= 30:
        m = RULES.related_label.match(text)
        if m:
            title = (m.group("title") or "").strip()
            return RELATED, f"related.label: {m.group('label')!r}", {"rel": "related", "title": title}
    if f.words <= 25:
        m = RULES.credit_start.match(text)
        if m and (":" in text[m.end("label") : m.start("credit")] or m.group("credit")[:1].isupper()):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            return (
                CREDIT,
                f"credit.label: {m.group('label')!r}",
                {"kind": kind, "credit": m.group("credit").strip()},
            )
        m = RULES.byline.match(text)
        if m:
            names = parse_names(m.group("names"), stop) or fnames.desk(m.group("names"))
            if names:
                return BYLINE, f"byline.prefix: {m.group('prefix')!r}", {"authors": names}
        if RULES.byline_bare.match(text):
            return BYLINE, "byline.prefix alone (names on the next line)", {"authors": [], "bare": True}
    if RULES.boiler_line.match(text):
        return BOILERPLATE, "boilerplate.line", {}
    if f.words <= 40 and not text.startswith("©"):
        m = RULES.boiler_start.match(text)
        if m:
            return BOILERPLATE, f"boilerplate.start: {m.group(0)!r}", {}
    return None


def _content(f: Features) -> str:
    """Pass 2: good = running text, medium = a short sentence, short = anything else."""
    if f.has_url and f.words < 15:
        return "short"
    titled = f.title_ratio >= _TITLE_CASE
    if f.words >= _GOOD_WORDS and (
        f.ends_sentence or (f.stop_ratio >= _GOOD_STOP and not titled) or f.words >= 25
    ):
        return "good"
    if f.words >= _MEDIUM_WORDS and f.ends_sentence:
        return "medium"
    if f.words >= 8 and f.stop_ratio >= 0.3 and not titled:
        return "medium"
    return "short"


def _is_bare_credit(text: str, f: Features) -> bool:
    if f.words > 10 or f.ends_sentence or f.chars > 100:
        return False
    return bool(RULES.agency.search(text)) or ("/" in text and not f.has_url)


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


def classify(lines: list[str], lang: str | None) -> list[LineDecision]:
    stop = RULES.stopwords.get(lang or "", frozenset())
    feats = all_features(lines, stop)
    ds: list[LineDecision] = []
    for i, (text, f) in enumerate(zip(lines, feats, strict=True)):
        if f is None:
            ds.append(LineDecision(i, text, BLANK, "empty line"))
            continue
        d = LineDecision(i, text, "", "", f)
        d.content = _content(f)
        hit = _pattern(text, f, stop)
        if hit:
            d.label, d.rule, d.data = hit
        ds.append(d)
    nonblank = [d for d in ds if d.features is not None]
    _pair_credits(nonblank)
    _bare_bylines(nonblank, stop)
    _related_followers(nonblank)
    s, e = _main_run(nonblank)
    _tail(nonblank, s, e)
    _body(nonblank, s, e, lang)
    _headline_and_names(nonblank, s, e, stop)
    return ds


def _pair_credits(nb: list[LineDecision]) -> None:
    """Pass 3: a credit and its caption are one item; structure tells which lines belong together."""
    credits.label_lines(nb)
    for k, d in enumerate(nb):
        f = d.features
        assert f is not None
        if "part_of" in d.data:
            continue
        prev = nb[k - 1] if k else None
        after_text = (
            prev is not None and not prev.label and (prev.features.words if prev.features else 0) >= 4
        )
        if not d.label and f.block_size == 1 and after_text and credits.slash_credit(d.text, f.words):
            d.label, d.rule = CREDIT, "credit.bare Name/Agency line"
            d.data = {"kind": "photo", "credit": d.text}
        elif not d.label and f.block_size == 1 and _is_bare_credit(d.text, f) and RULES.agency.search(d.text):
            d.label, d.rule = CREDIT, "credit.agency line"
            d.data = {"kind": "photo", "credit": d.text}
        elif not d.label and f.block_size >= 2 and _is_bare_credit(d.text, f):
            # a bare agency line in a block with a text line: that line is the caption
            nbr = [x for x in (nb[k - 1] if k else None, nb[k + 1] if k + 1 < len(nb) else None) if x]
            if any(
                x.features and x.features.block == f.block and not x.label and x.content != "short"
                for x in nbr
            ):
                d.label, d.rule = CREDIT, "credit.bare agency line beside a caption"
                d.data = {"kind": "photo", "credit": d.text}
        if d.label != CREDIT or d.data.get("caption"):
            continue
        if d.rule == "credit.copyright" and credits.footer(d.data.get("credit", "")):
            d.label, d.rule, d.data = BOILERPLATE, "copyright footer: a year, not a picture credit", {}
            continue
        cap = _caption_for(nb, k)
        if cap is not None:
            cap.label, cap.rule = CAPTION, f"caption: beside the credit on line {d.index + 1}"
            d.data["caption"] = cap.text.removesuffix("(").strip()
        elif d.rule == "credit.copyright":
            d.label, d.rule, d.data = BOILERPLATE, "copyright line with no caption beside it", {}


def _caption_for(nb: list[LineDecision], k: int) -> LineDecision | None:
    """The caption of the credit at nb[k]: its block neighbour, else the line just above it."""
    f = nb[k].features
    assert f is not None
    for j in (k - 1, k + 1):
        if 0 <= j < len(nb):
            x = nb[j]
            xf = x.features
            assert xf is not None
            if xf.block == f.block and not x.label and xf.words >= 3:
                return x
    if k > 0 and f.block_pos == 0:
        x = nb[k - 1]
        xf = x.features
        assert xf is not None
        gap = nb[k].index - x.index
        if gap <= 2 and not x.label and 3 <= xf.words <= 40 and not (xf.ends_sentence and xf.words > 25):
            return x
    return None


def _bare_bylines(nb: list[LineDecision], stop: frozenset[str]) -> None:
    """A "By" line alone takes the names on the next line (tagDiv's layout), and more name lines below."""
    for k, d in enumerate(nb):
        if d.label == BYLINE and d.data.get("bare") and k + 1 < len(nb):
            x = nb[k + 1]
            got = parse_names(x.text, stop, single_ok=True)
            if got and (not x.label or x.label == BYLINE):
                x.label, x.rule, x.data = (
                    BYLINE,
                    f"byline: names after the prefix on line {d.index + 1}",
                    {"authors": got},
                )
                names.more_name_lines(nb, k + 2, stop)
        elif d.label == BYLINE and d.data.get("authors"):
            names.more_name_lines(nb, k + 1, stop)  # "von Jane Roe" / ", John Doe"


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


def _main_run(nb: list[LineDecision]) -> tuple[int, int]:
    """The densest run; a date line after several paragraphs starts the next article of an endless page."""
    s, e = _max_run([_weight(d) for d in nb])
    good = 0
    shapes: set[str] = set()
    for k in range(0, e + 1):
        d = nb[k]
        if d.label == DATELINE:
            shape = d.data.get("shape", "")
            if k > s and good >= _NEXT_ARTICLE_AFTER and shape in shapes:
                break
            shapes.add(shape)
        elif k >= s and not d.label and d.content == "good":
            good += 1
    else:
        return s, e
    # a date line of the same shape as the article's own, after its text: the next article begins
    j = k - 1
    while j > s and not (not nb[j].label and nb[j].content == "good"):
        j -= 1
    return s, j


def _title_case_link(d: LineDecision, lang: str | None) -> bool:
    f = d.features
    assert f is not None
    return (
        (lang in RULES.title_case_langs)
        and f.words >= _INLINE_LINK_MIN_WORDS
        and f.title_ratio >= _TITLE_CASE
    )


def _body(nb: list[LineDecision], s: int, e: int, lang: str | None) -> None:
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
            and f.block_size == 1
            and not f.has_url
        ):
            if _title_case_link(d, lang):
                d.label, d.rule = RELATED, "related.inline: Title Case line between paragraphs"
                d.data = {"rel": "inline", "title": d.text}
            else:
                d.label, d.rule = BODY, "subheading: short line between paragraphs"
            continue
        d.label, d.rule = (
            BOILERPLATE,
            "short line" + (" in the main run" if inside else " outside the main run"),
        )


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
    if any(d.label == BYLINE for d in nb[: start + 3]):
        return
    names.header_names(nb, start, nb.index(best) if best is not None else -1, stop)


def _tail(nb: list[LineDecision], s: int, e: int) -> None:
    """Bio candidates inside the article are just paragraphs; after it they are the bio."""
    for k, d in enumerate(nb):
        if (
            d.label == BIO
            and s <= k < e
            and any(not x.label and x.content == "good" for x in nb[k + 1 : e + 1])
        ):
            d.label, d.rule = "", "bio-like sentence inside the article"


def _related_followers(nb: list[LineDecision]) -> None:
    """A related header ("Read more", "Previous article") with no title takes the title lines below it."""
    for k, d in enumerate(nb):
        if d.label != RELATED or d.data.get("title"):
            continue
        rel = d.data.get("rel", "related")
        limit = 1 if rel in ("previous", "next") else 8
        taken = 0
        for x in nb[k + 1 :]:
            xf = x.features
            assert xf is not None
            if taken >= limit or x.label or xf.words < 3 or xf.words > 30:
                break
            if xf.ends_sentence and x.text.endswith(".") and xf.words > 12:
                break  # a paragraph: the list is over
            x.label, x.rule = RELATED, f"related: listed under line {d.index + 1}"
            x.data = {"rel": rel, "title": x.text}
            taken += 1
        if taken:
            d.data["header"] = True
