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
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
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
_LONG_WORDS = 25  # a line this long is running text even without a final stop
_TITLE_CASE = 0.8  # share of capitalised content words above which a line reads as a title
# Weights of pass 4: text counts by its length, furniture counts against.
_W_SHORT = -60.0
_W_FURNITURE = -30.0
_W_META = -5.0
_HEADLINE_WINDOW = 14
_NEXT_ARTICLE_AFTER = 4
_DATE_SERIES = 3  # date lines of one shape that make a series (comments), not an embed
_HEADLINE_MAX_WORDS = 30
_SUBHEAD_MAX_WORDS = 16
_REPEAT_MAX_WORDS = 8
_REPEAT_MIN = 3
_TEASER_MIN = 3
_STANDFIRST_WINDOW = 8
_LIST_MIN_LINES = 3
_LIST_ITEM_SHARE = 0.6
_DUP_PART_WORDS = 6
_GLUED_COPY_WORDS = 60
_GLUED_COPY_SHARE = 0.5
_GLUED_COPY_PARTS = 3
_TEASER_GAP = 3
_INLINE_LINK_MIN_WORDS = 6
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")


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


def _inline_credit_possible(text: str) -> bool:
    """The word before one of the line's colons is a credit label's last word: only then try the regex
    ("Foto: Jane Roe. Styling: John Doe" has the label before its first colon)."""
    i = text.find(":")
    while i >= 0:
        head = text[:i].rstrip()
        if head[head.rfind(" ") + 1 :].lstrip("([|–—-").lower() in _LABEL_TAILS:
            return True
        i = text.find(":", i + 1)
    return False


_LABEL_TAILS = frozenset(k.split()[-1] for k in RULES.credit_kinds) | {"credit", "credits"}


def _keyword_lines(lines: list[str], feats: list[Features | None]) -> dict[int, str]:
    """Lines holding a boilerplate keyword. One search per keyword over the lower-cased short lines joined
    (a per-line loop over every keyword cost more than all other rules together; long lines are skipped,
    the rule only applies to lines of at most keyword_max_words words)."""
    idx = [i for i, f in enumerate(feats) if f is not None and f.words <= RULES.keyword_max_words]
    full = "\n".join(lines[i] for i in idx)
    low = full.lower()
    out: dict[int, str] = {}
    if len(low) != len(full):  # lower() changed lengths (e.g. "İ"): offsets would not map back
        for i in idx:
            ll = lines[i].lower()
            kw = next((k for k in RULES.boiler_keywords if k in ll), None)
            if kw:
                out[i] = kw
        return out
    starts: list[int] | None = None
    for kw in RULES.boiler_keywords:
        pos = low.find(kw)
        while pos >= 0:
            if starts is None:
                starts = list(accumulate((len(lines[i]) + 1 for i in idx[:-1]), initial=0))
            out.setdefault(idx[bisect_right(starts, pos) - 1], kw)
            pos = low.find(kw, pos + len(kw))
    return out


def _repeated_lines(lines: list[str], feats: list[Features | None]) -> dict[str, int]:
    """Short lines that recur in one text ("Article content", a section name above each teaser) are page
    furniture, whatever they say: the in-document form of CCNet's repeated-line filter."""
    seen: dict[str, int] = {}
    for line, f in zip(lines, feats, strict=True):
        if f is not None and f.words <= _REPEAT_MAX_WORDS and not f.ends_sentence:
            seen[line] = seen.get(line, 0) + 1
    return {line: n for line, n in seen.items() if n >= _REPEAT_MIN}


def _pattern(
    text: str, f: Features, stop: frozenset[str], keyword: str | None = None
) -> tuple[str, str, dict[str, Any]] | None:
    """Pass 1: the rule tables. Returns (label, rule, data) or None. `keyword`: the boilerplate keyword
    the line holds, if any (found for the whole text at once by _keyword_lines)."""
    if f.words > 60:  # a paragraph: of all the rules only the bio one can apply
        return _bio(text)
    fams = RULES.starter_families.get(first_word(text))  # most lines start with no table phrase
    if fams:
        hit = _anchored(text, f, stop, fams)
        if hit:
            return hit
    if f.words <= 10 and _YEAR.search(text):  # every date format has a four-digit year
        d = find_date(text)
        if d:
            # the line's shape: what stands around the date, digits blurred ("Name says: D at 0:0 am")
            shape = _DIGITS.sub("0", f"{text[: d[1].start()]}D{text[d[1].end() :]}").strip()
            return DATELINE, f"date: {d[1].group(0)!r}", {"published": d[0], "shape": shape}
    if f.words <= 60:
        m = RULES.credit_inline.search(text) if _inline_credit_possible(text) else None
        if m is None and ":" in text:
            m = RULES.credit_glued.search(text)
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
        m = RULES.credit_agency_end.match(text) if _agency_at_end(text) else None
        if m:
            return (
                CREDIT,
                "credit.agency at end",
                {"kind": "photo", "credit": m.group("credit").strip(), "caption": m.group("caption").strip()},
            )
        br = credits.bracketed(text, f.words)
        if br:
            return (
                CREDIT,
                "credit.bracketed: a name in brackets after the caption's last sentence",
                {"kind": "photo", "credit": br[1], "caption": br[0]},
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
    if keyword:
        return BOILERPLATE, f"boilerplate.keyword: {keyword!r}", {}
    if f.words >= 10:
        return _bio(text)
    return None


def _bio(text: str) -> tuple[str, str, dict[str, Any]] | None:
    m = RULES.bio.match(text) if text[0].isupper() else None
    return (BIO, f"bio: {m.group(0)!r}", {"name": m.group("name")}) if m else None


def _agency_at_end(text: str) -> bool:
    """credit_agency_end can only match a line that ends with a bracket and names an agency after its last
    opening bracket (the credit holds no brackets): a cheap test before that costly regex."""
    if not text.endswith((")", "]")):
        return False
    start = max(text.rfind("("), text.rfind("["), 0)
    return _agency_named(text[start:])


def _whole_line_key(text: str) -> str:
    """What boiler_line phrases are compared with: the line in lower case, without a final ":", "." or "!"."""
    t = text[:-1] if text[-1:] in ":.!" else text
    return t.rstrip().lower()


_ALL_FAMILIES = frozenset({"prevnext", "related", "credit", "byline", "boiler_line", "boiler_start"})


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
    if f.words <= 25:
        m = RULES.credit_start.match(text) if "credit" in fams else None
        if m and (":" in text[m.end("label") : m.start("credit")] or m.group("credit")[:1].isupper()):
            kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
            return (
                CREDIT,
                f"credit.label: {m.group('label')!r}",
                {"kind": kind, "credit": m.group("credit").strip()},
            )
        m = RULES.byline.match(text) if "byline" in fams else None
        if m:
            names = parse_names(m.group("names"), stop) or fnames.desk(m.group("names"))
            if names:
                return BYLINE, f"byline.prefix: {m.group('prefix')!r}", {"authors": names}
        if "byline" in fams and RULES.byline_bare.match(text):
            return BYLINE, "byline.prefix alone (names on the next line)", {"authors": [], "bare": True}
    if "boiler_line" in fams and _whole_line_key(text) in RULES.boiler_line_set:
        return BOILERPLATE, "boilerplate.line", {}
    if f.words <= 40 and "boiler_start" in fams and not text.startswith("©"):
        low = text.lower()
        for phrase in RULES.boiler_starts_by_word.get(first_word(text), ()):
            if low.startswith(phrase):
                return BOILERPLATE, f"boilerplate.start: {text[: len(phrase)]!r}", {}
    return None


def _content(f: Features) -> str:
    """Pass 2: good = running text, medium = a short sentence, short = anything else.

    A line under _LONG_WORDS words that does not end like a sentence is short whatever its words: that is
    how titles read (teaser lists, kickers, menus); a real subheading is won back by the context pass."""
    w = f.words
    if f.has_url and w < 15:
        return "short"
    if w >= _LONG_WORDS or (w >= _GOOD_WORDS and f.ends_sentence):
        return "good"  # long enough that the words need no counting
    if w < _MEDIUM_WORDS or not f.ends_sentence:
        return "short"
    return "medium"


def _is_bare_credit(text: str, f: Features) -> bool:
    if f.words > 10 or f.ends_sentence or f.chars > 100:
        return False
    return _agency_named(text) or ("/" in text and not f.has_url)


_AGENCY_TOKEN = re.compile(r"[^\s/(|),.;:]+")


def _agency_named(text: str) -> bool:
    """RULES.agency.search, after a cheap test: a token of the line must open an agency's name."""
    if RULES.agency_first_words.isdisjoint(_AGENCY_TOKEN.findall(text)):
        return False
    return bool(RULES.agency.search(text))


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
    keywords = _keyword_lines(lines, feats)
    repeated = _repeated_lines(lines, feats)
    ds: list[LineDecision] = []
    for i, (text, f) in enumerate(zip(lines, feats, strict=True)):
        if f is None:
            ds.append(LineDecision(i, text, BLANK, "empty line"))
            continue
        d = LineDecision(i, text, "", "", f)
        d.content = _content(f)
        hit = _pattern(text, f, stop, keywords.get(i))
        if hit:
            d.label, d.rule, d.data = hit
        elif text in repeated:
            d.label, d.rule = (
                BOILERPLATE,
                f"repeated line: {repeated[text]} times in the text (furniture unless a field claims it)",
            )
        ds.append(d)
    nonblank = [d for d in ds if d.features is not None]
    _pair_credits(nonblank)
    _bare_bylines(nonblank, stop)
    _related_followers(nonblank)
    _teaser_lists(nonblank)
    s, e = _main_run(nonblank)
    s = _standfirst(nonblank, s)
    _tail(nonblank, s, e)
    _body(nonblank, s, e, lang)
    _body_repeats(nonblank)
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
        after_text = prev is not None and _free(prev) and (prev.features.words if prev.features else 0) >= 4
        if _free(d) and f.block_size == 1 and after_text and credits.slash_credit(d.text, f.words):
            d.label, d.rule = CREDIT, "credit.bare Name/Agency line"
            d.data = {"kind": "photo", "credit": d.text}
        elif _free(d) and f.block_size == 1 and _is_bare_credit(d.text, f) and RULES.agency.search(d.text):
            d.label, d.rule = CREDIT, "credit.agency line"
            d.data = {"kind": "photo", "credit": d.text}
        elif _free(d) and f.block_size >= 2 and _is_bare_credit(d.text, f):
            # a bare agency line in a block with a text line: that line is the caption
            nbr = [x for x in (nb[k - 1] if k else None, nb[k + 1] if k + 1 < len(nb) else None) if x]
            if any(
                x.features and x.features.block == f.block and _free(x) and x.content != "short" for x in nbr
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
    up = k - 2 if k > 1 and nb[k - 1].text in _BRACKETS else k - 1  # "CAPTION" / "(" / "Image:"
    for j in (up, k + 1):
        if 0 <= j < len(nb):
            x = nb[j]
            xf = x.features
            assert xf is not None
            if xf.block == f.block and _free(x) and xf.words >= 3:
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
        if gap <= max_gap and _free(x) and 3 <= xf.words <= 40 and not (xf.ends_sentence and xf.words > 25):
            return x
    return None


_BRACKETS = frozenset({"(", "[", "|", "-", "–", "—"})
_CAPTION_GAP = 2  # a caption sits on the line above its credit, or one blank line above


def _free(d: LineDecision) -> bool:
    """Unlabelled, or only marked as a repeated line: a field may still claim it."""
    return not d.label or d.rule.startswith("repeated line")


def _bare_bylines(nb: list[LineDecision], stop: frozenset[str]) -> None:
    """A "By" line alone takes the names on the next line (tagDiv's layout), and more name lines below."""
    for k, d in enumerate(nb):
        if d.label == BYLINE and d.data.get("bare") and k + 1 < len(nb):
            x = nb[k + 1]
            got = parse_names(x.text, stop, single_ok=True) or names.desk(x.text)
            if got and (_free(x) or x.label == BYLINE):
                x.label, x.rule, x.data = (
                    BYLINE,
                    f"byline: names after the prefix on line {d.index + 1}",
                    {"authors": got},
                )
                names.more_name_lines(nb, k + 2, stop)
        elif d.label == BYLINE and d.data.get("authors"):
            names.more_name_lines(nb, k + 1, stop)  # "von Jane Roe" / ", John Doe"


def _teaser_lists(nb: list[LineDecision]) -> None:
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


def _main_run(nb: list[LineDecision]) -> tuple[int, int]:
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


def _standfirst(nb: list[LineDecision], s: int) -> int:
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
        d.label, d.rule = BOILERPLATE, _SHORT_IN_RUN if inside else "short line outside the main run"
    _lists_between_paragraphs(nb, s, e)


_SHORT_IN_RUN = "short line in the main run"
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]?\s|[A-Z]\s?[:.)]\s)|\d")


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
        items = sum(1 for x in run if _LIST_ITEM.search(x.text))
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


def _body_repeats(nb: list[LineDecision]) -> None:
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
    if not any(d.label == BYLINE for d in nb[: start + 3]):
        names.header_names(nb, start, nb.index(best) if best is not None else -1, stop)
    if not any(d.label == BYLINE and d.data.get("authors") for d in nb):
        _signature(nb, e, stop)


_SIGNATURE_MAX_WORDS = 4


def _signature(nb: list[LineDecision], e: int, stop: frozenset[str]) -> None:
    """With no byline above, a name alone right below the last paragraph signs the article."""
    for d in nb[e + 1 : e + 3]:
        if "boilerplate.line" in d.rule:
            continue  # a button between the text and the name
        f = d.features
        if f is None or f.words > _SIGNATURE_MAX_WORDS or not (_free(d) or "short line" in d.rule):
            return
        got = names.name_line(d, stop)
        if got:
            d.label, d.rule, d.data = (
                BYLINE,
                "byline: a name alone below the last paragraph",
                {"authors": got},
            )
        return


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
