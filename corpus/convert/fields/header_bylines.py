"""Bylines in the article's header: name lines, names beside a date, a wire or a desk alone, CJK names.

The header is what lies between the headline (or a window above the first paragraph) and the first lines of
the text. A name-shaped line there is a byline when it sits just below the headline or beside a date; a
line of the page's top (teasers, menus) is not. The name parsing itself is names.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from corpus.convert.fields.dates import find_date
from corpus.convert.fields.names import (
    SEGMENTS,
    cjk_name,
    covers,
    desk,
    lead_byline,
    more_name_lines,
    name_line,
    name_part,
    names_only,
    parse_names,
    segment_byline,
)
from corpus.convert.labels import BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATELINE, RELATED
from corpus.convert.memo import memo
from corpus.convert.rules import RULES

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

_YEAR_OR_TIME: Final = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
_LEAD_SEPARATORS: Final = re.compile(r"^[\s,|•·–—-]+")
# the lower-case byline prefixes of every table ("by", "von", "por"), in any case: "… 2024 by Jane Roe", "… 2024 By Jane Roe"
_BY_WORD: Final = re.compile(
    r"^(?:" + "|".join(sorted(RULES.byline_words, key=len, reverse=True)) + r")\s+", re.IGNORECASE
)
_HEADER_BEFORE: Final = 10  # name lines this far above the first paragraph…
_HEADER_AFTER: Final = 3  # …or this far below it, beside a date line
_BELOW_HEADLINE: Final = 4  # name lines this close below the headline need no date beside them
_STAMP_MAX_WORDS: Final = 14  # "Published on 3 March 2024 at 10:20 by Jane Roe and John Doe"
_SEGMENT_LINE_MAX_WORDS: Final = (
    40  # "Section | Published: 5 hours ago | Last updated: … | Written by Jane Roe"
)


def _dated(d: LineDecision) -> bool:
    f = d.features
    if d.label == DATELINE:
        return True
    if f is None or f.words > 14:
        return False
    return _holds_date(d.text)


@memo
def _holds_date(t: str) -> bool:
    """A date, a year, a time or a relative time: asked of each line for every header line near it."""
    return find_date(t) is not None or bool(_YEAR_OR_TIME.search(t) or RULES.relative_time.search(t))


def _names_in_dateline(d: LineDecision, stop: frozenset[str]) -> list[str]:
    """ "Jane Roe 28.04.2023", "27. Januar 2026 • Jane Roe • 3 Minuten": the names beside the date."""
    lead = lead_byline(d.text, stop)
    if lead:
        return lead
    for seg in SEGMENTS.split(d.text):
        seg = seg.strip()
        if not seg or seg[0].isdigit():
            continue
        got = segment_byline(seg, stop) or parse_names(seg, stop, max_tokens=9)
        part = name_part(seg)
        if got and (covers(got, part) or RULES.byline.match(seg)):
            return got
        if RULES.agency.fullmatch(part) if part else False:
            return [part]
    return _after_date(d.text, stop)


def _after_date(text: str, stop: frozenset[str]) -> list[str]:
    """ "Posted on March 3, 2024 by Jane Roe", "3 March 2024 Jane Roe": the names after the date."""
    found = find_date(text)
    if found is None:
        return []
    rest = _LEAD_SEPARATORS.sub("", text[found[1].end() :])
    rest = _BY_WORD.sub("", rest)
    return names_only(rest, stop) if rest else []


_LIST_SPAN: Final = 8  # name lines walked back to a list's label


def _listed(nb: list[LineDecision], k: int, stop: frozenset[str]) -> bool:
    """ "Related Topics" / "Jane Roe," / "City Council,": name lines under a list's label are its items."""
    j = k - 1
    while j >= max(0, k - _LIST_SPAN) and nb[j].label in ("", BODY, BOILERPLATE) and name_line(nb[j], stop):
        j -= 1
    return j >= 0 and nb[j].label == RELATED and not nb[j].data.get("title")  # a label, not a link


def _cjk_name(nb: list[LineDecision], k: int) -> list[str]:
    """ "大渡 美咲", "记者 王小明" right beside a date line: a name with no capitals to tell it by."""
    name = None if nb[k].text.isascii() else cjk_name(nb[k].text)
    beside = (nb[k - 1] if k else None, nb[k + 1] if k + 1 < len(nb) else None)
    if name and any(_dated(x) for x in beside if x):
        return [name]
    return []


def _uncaption(nb: list[LineDecision], credit: LineDecision) -> None:
    """The line taken as the caption of a credit that turned out to be a byline goes back to the text."""
    cap = credit.data.get("caption")
    for x in nb:
        if x.label == CAPTION and x.text == cap:
            good = x.content in ("good", "medium")
            x.label, x.rule = (
                (BODY, "text (its credit beside it is a byline)") if good else (BOILERPLATE, "short line")
            )
            return


def _with_wire(d: LineDecision, stop: frozenset[str]) -> bool:
    """ "Jean Dupont (avec AFP)", "Jane Roe (with Reuters)": names, then the wire after a lower-case word in
    brackets; a picture's credit never opens with "with". The line becomes the byline."""
    credit, caption = str(d.data.get("credit", "")), str(d.data.get("caption", ""))
    if not credit[:1].islower() or "/" in credit:
        return False
    got = names_only(caption, stop)
    if not got or not covers(got, caption):
        return False
    d.sign(got, "names and the wire they wrote with, beside a date")
    return True


def _wire_segments(part: str, stop: frozenset[str]) -> list[str]:
    """The names of the first segment when a later one is a wire ("Kari Nordby – NTB"), or the wire when it
    opens the line ("EFE | Madrid")."""
    segs = [x.strip() for x in SEGMENTS.split(part) if x.strip()]
    if len(segs) < 2:
        return []
    if RULES.agency.fullmatch(segs[0]):
        return [segs[0]]
    if any(RULES.agency.fullmatch(x) for x in segs[1:]):
        return names_only(segs[0], stop)
    return []


def _source_wire(d: LineDecision) -> str | None:
    """The agency opening a weak credit label's text ("Quelle: dpa Sport" -> "dpa")."""
    label = d.rule.partition("credit.label: ")[2].strip("'").lower()
    if label not in RULES.credit_weak:
        return None
    m = RULES.agency.match(str(d.data.get("credit", "")))
    return m.group(0).strip() if m else None


def header_start(start: int, top: int) -> int:
    """Where the article's header begins: the headline (nb[top]), or a window above the first paragraph."""
    return top if top >= 0 else max(0, start - _HEADER_BEFORE)


def header_names(nb: list[LineDecision], start: int, top: int, stop: frozenset[str]) -> None:
    """Name lines between the headline (nb[top], or a window) and the first paragraph are bylines."""
    lo = top + 1 if top >= 0 else header_start(start, top)
    hi = max(min(len(nb), start + _HEADER_AFTER + 1), _below_standfirst(nb, start))
    prefixed = next((j for j in range(lo, hi) if nb[j].rule.startswith(_PREFIXED)), -1)
    for k in range(lo, hi):
        _header_line(nb, k, start, top, stop, signed_below=k < prefixed)
    if top >= 0 and not any(nb[k].label == BYLINE for k in range(lo, hi)):
        _above_headline(nb, max(0, start - _HEADER_BEFORE), lo, stop)


def _below_standfirst(nb: list[LineDecision], start: int) -> int:
    """When the text opens with a standfirst and the header (date, picture) follows it, the header reaches
    down to the next paragraph: the byline may sit last, right above the article's text."""
    header = False
    for j in range(start + 1, min(len(nb), start + _HEADER_BEFORE)):
        if nb[j].label == BODY and nb[j].content == "good":
            return j if header else 0
        header = header or nb[j].label in (DATELINE, CREDIT, CAPTION)
    return 0


def _above_headline(nb: list[LineDecision], lo: int, hi: int, stop: frozenset[str]) -> None:
    """The line taken for the headline may sit below the real header (a teaser title, a section line):
    above it, a name line or names after a lead phrase, with a date beside them, still sign the article."""
    for k in range(lo, hi):
        d = nb[k]
        if d.label not in (BODY, BOILERPLATE, "") or "boilerplate." in d.rule or d.features is None:
            continue
        if not any(_dated(x) for x in nb[max(0, k - 1) : k + 2]) and not _dated_past_section(nb, k):
            continue  # the line itself ("Jane Roe 3 March 2024") or a line right beside it holds the date
        got = lead_byline(d.text, stop) if d.features.words <= 20 else []
        got = got or name_line(d, stop) or _cjk_name(nb, k)
        if got:
            d.sign(got, "name line beside a date above the headline")
            return


_SECTION_MAX_WORDS: Final = 2


def _dated_past_section(nb: list[LineDecision], k: int) -> bool:
    """ "Jane Roe" / "Science" / "3 March 2024": a section's name between the byline and its date."""
    if k + 2 >= len(nb):
        return False
    f = nb[k + 1].features
    return f is not None and f.words <= _SECTION_MAX_WORDS and not f.ends_sentence and _dated(nb[k + 2])


_PREFIXED: Final = "byline.prefix"


def _header_line(
    nb: list[LineDecision], k: int, start: int, top: int, stop: frozenset[str], signed_below: bool = False
) -> None:
    """`signed_below`: a prefixed byline ("By Jane Roe", "Par Le Courrier") follows in the header, so a bare
    name line above it is a tag or a teaser's name, not a second byline."""
    d = nb[k]
    near_date = any(_dated(x) for x in nb[max(0, k - 2) : k + 5])
    after_byline = k > 0 and nb[k - 1].label == BYLINE
    if d.label == DATELINE and d.features is not None and d.features.words <= 14:
        got = _names_in_dateline(d, stop)
        if got:
            d.data["authors"] = got
            d.rule += "; byline beside the date"
        return
    wire = _source_wire(d) if d.label == CREDIT and near_date and not d.data.get("caption") else None
    if wire:  # "Quelle: dpa" under the title: the wire wrote the article, no picture is credited
        d.sign([wire], "a wire named as the source beside a date")
        return
    if d.label == CREDIT and d.rule == "credit.agency at end" and near_date and _with_wire(d, stop):
        return  # "Jean Dupont (avec AFP)": a reporter writing with the wire's copy
    if d.label == CREDIT and d.rule == "credit.agency line" and near_date:
        part = d.text.strip()
        if RULES.roles.match(part):  # "Contributor" beside the date: a role, though pictures credit it too
            _uncaption(nb, d)
            d.label, d.rule, d.data = BOILERPLATE, "a role alone beside a date", {}
            return
        if RULES.agency.fullmatch(part):  # "dpa" alone beside the date: the wire is the author
            _uncaption(nb, d)
            d.label, d.rule, d.data = BYLINE, "byline: agency alone beside a date", {"authors": [part]}
        elif (
            "/" not in part
            and (RULES.name_split.search(part) or "|" in part)
            and (got := names_only(part, stop))
        ):
            # "Jana Roth, dpa" beside the date: a reporter and her wire (a picture credit reads "Jana Roth/dpa")
            _uncaption(nb, d)
            d.label, d.rule, d.data = BYLINE, "byline: a name and a wire beside a date", {"authors": got}
        elif "/" not in part and SEGMENTS.search(part) and (got := _wire_segments(part, stop)):
            # "Kari Nordby – NTB", "EFE | Madrid" beside the date: the reporter (or the wire) and where from
            _uncaption(nb, d)
            d.sign(got, "a name or a wire in segments beside a date")
        elif part.split(maxsplit=1)[0].lower() in RULES.desk_words and (got := desk(part)):
            # "Redazione ANSA" beside the date: the wire's desk signs the article, no picture is credited
            _uncaption(nb, d)
            d.label, d.rule, d.data = BYLINE, "byline: a desk and its wire beside a date", {"authors": got}
        return
    if (
        d.rule.startswith("boilerplate.start")
        and d.features is not None
        and d.features.words <= _STAMP_MAX_WORDS
    ):
        got = _after_date(
            d.text, stop
        )  # "Veröffentlicht am 3. März 2024 von Jana Roth": the stamp names its author
        if got:
            d.sign(got, "names after a publication stamp's date")
            return
    if d.label not in (BODY, BOILERPLATE, "") or "boilerplate." in d.rule:
        return
    alone = d.text.strip()
    if (
        near_date
        and k <= start + _HEADER_AFTER
        and (RULES.agency.fullmatch(alone) or alone.lower() in RULES.desk_words)
    ):
        # "dpa" or "Redaktion" alone beside the date: the wire or the desk signs the article
        d.label, d.rule, d.data = BYLINE, "byline: agency alone beside a date", {"authors": [alone]}
        return
    if "text in the main run" in d.rule and (d.features is None or d.features.words > 10):
        return
    if _listed(nb, k, stop):
        return
    cjk = _cjk_name(nb, k)
    if cjk:
        d.label, d.rule, d.data = BYLINE, "byline: a CJK name beside a date", {"authors": cjk}
        return
    # title / standfirst / (the lead picture's caption and credit) / "Jane Roe": the header's place is evidence
    below_standfirst = (
        top >= 0
        and start == top + 1
        and top + 2 <= k
        and all(x.label in (CREDIT, CAPTION) for x in nb[top + 2 : k])
    )
    if ((k > start and not below_standfirst) or top < 0 or k > top + _BELOW_HEADLINE) and not (
        near_date or after_byline
    ):
        return
    words = d.features.words if d.features else 0
    got, rule = (lead_byline(d.text, stop), "byline: names after a lead phrase") if words <= 20 else ([], "")
    if not got and words <= _SEGMENT_LINE_MAX_WORDS:
        got, rule = segment_byline(d.text, stop), "byline: a prefixed segment of a header line"
    if not got and not signed_below:
        got, rule = name_line(d, stop), "byline: name line in the article's header"
    if got:
        d.label, d.rule, d.data = BYLINE, rule, {"authors": got}
        more_name_lines(nb, k + 1, stop)
        if k - 1 > top:
            more_name_lines(nb, k - 1, stop, step=-1)
