"""Classified lines -> Record fields. Sidecar metadata wins over anything extracted."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from typing import Final

from corpus.convert.engine import LineDecision
from corpus.convert.fields import dates
from corpus.convert.labels import BIO, BODY, BYLINE, CAPTION, CREDIT, DATELINE, HEADLINE, RELATED
from corpus.convert.rules import RULES
from corpus.record import Byline, Credit, RelatedLink

_KINDS: Final = {"photo", "video", "illustration", "graphic", "other"}
_RELS: Final = {"previous", "next", "inline", "related"}


def headline(ds: list[LineDecision]) -> str | None:
    return next((d.data.get("headline", d.text) for d in ds if d.label == HEADLINE), None)


def _runs(ds: list[LineDecision]) -> list[list[LineDecision]]:
    """Runs of adjacent lines that carry authors (byline lines, date lines with names beside the date)."""
    runs: list[list[LineDecision]] = []
    cur: list[LineDecision] = []
    for d in ds:
        if d.label in (BYLINE, DATELINE) and (
            d.data.get("authors") or d.data.get("bare") or d.data.get("role")
        ):
            cur.append(d)
        elif d.label != "blank" and cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


_STRONG_SPAN: Final = 40  # raw lines below a weak byline run where the article's own prefixed byline may sit


def byline(ds: list[LineDecision]) -> Byline:
    # the first run of byline lines is the article's (later ones belong to teasers), unless it holds only name
    # lines taken for their place and a later run has a prefix ("By", "Von") or a lead phrase
    runs = _candidate_runs(ds)
    chosen = runs[0] if runs else []
    if chosen and _weak(chosen):
        near = chosen[0].index + _STRONG_SPAN  # far below, a prefixed byline signs a teaser, not the article
        chosen = next((r for r in runs if not _weak(r) and r[0].index <= near and _in_header(ds, r)), chosen)
    authors: list[str] = []
    for d in chosen:
        for a in d.data.get("authors", []):
            if a not in authors:
                authors.append(a)
    bios = [d for d in ds if d.label == BIO]
    bio = "\n\n".join(d.text for d in bios) or None
    if not authors:
        for d in bios:
            name = d.data.get("name")
            if name:
                authors.append(str(name))
                break
    return Byline(authors=authors, bio=bio)


def _candidate_runs(ds: list[LineDecision]) -> list[list[LineDecision]]:
    """The runs that may sign the article, in order: none between its paragraphs or in a teaser list, none
    above the headline when its header has one, and of prefixed bylines above the text only the nearest."""
    body_at = [d.index for d in ds if d.label == BODY]
    runs = [r for r in _runs(ds) if not _inside_body(body_at, r) and any(d.data.get("authors") for d in r)]
    runs = _without_teaser_lists(runs, body_at[-1] if body_at else -1)
    top = next((d.index for d in ds if d.label == HEADLINE), -1)
    above = [r for r in runs if bisect.bisect_left(body_at, r[0].index) <= 1]  # a standfirst aside
    if any(r[0].index > top for r in above):
        runs = [r for r in runs if r[0].index > top]
        above = [r for r in above if r[0].index > top]
    if len(above) > 1 and not _weak(above[-1]):
        runs = runs[len(above) - 1 :]  # `above` opens `runs`: both are in page order
    return runs


def _inside_body(body_at: list[int], run: list[LineDecision]) -> bool:
    """A prefixed byline between the article's paragraphs (two above, one below) signs an embedded teaser
    or video; the article's own byline sits above its text or below its end."""
    rules = [d.rule for d in run if d.label == BYLINE]
    if not rules or not all("prefix" in r for r in rules):
        return False
    i = bisect.bisect_left(body_at, run[0].index)
    return i >= 2 and i < len(body_at)


_DIGITS: Final = re.compile(r"\d+")
_TEASER_GAP: Final = 12  # raw lines between the bylines of two teasers in a list


def _without_teaser_lists(runs: list[list[LineDecision]], last_body: int) -> list[list[LineDecision]]:
    """Below the article, bylines of one shape a few lines apart ("By" / "Jane Roe", "By" / "John Doe")
    sign the teasers of a list, not the article."""
    shape = [tuple(_DIGITS.sub("", d.rule) for d in r) for r in runs]  # "names after the prefix on line 7"
    teaser: set[int] = set()
    for i in range(len(runs) - 1):
        a, b = runs[i], runs[i + 1]
        if a[0].index > last_body and shape[i] == shape[i + 1] and b[0].index - a[-1].index <= _TEASER_GAP:
            teaser.update((i, i + 1))
    return [r for i, r in enumerate(runs) if i not in teaser]


def _in_header(ds: list[LineDecision], run: list[LineDecision]) -> bool:
    """At most a standfirst above it: a prefixed byline after the article's paragraphs signs a teaser."""
    return sum(1 for d in ds[: run[0].index] if d.label == BODY) <= 1


def _weak(run: list[LineDecision]) -> bool:
    return all("name line" in d.rule or "agency alone" in d.rule for d in run if d.label == BYLINE)


def credits(ds: list[LineDecision]) -> list[Credit]:
    out = []
    for d in ds:
        if d.label == CREDIT:
            kind = d.data.get("kind", "photo")
            credit = (d.data.get("credit") or "").strip() or None
            caption = (d.data.get("caption") or "").strip() or None
            if credit or caption:
                out.append(Credit(kind=kind if kind in _KINDS else "other", credit=credit, caption=caption))
        elif d.label == CAPTION and d.rule.startswith("caption.label") and d.data.get("caption"):
            # "Image caption, CAPTION" with no credit beside it: the page says it is a caption
            out.append(Credit(kind="photo", credit=None, caption=str(d.data["caption"]).strip()))
    return out


def body_lines(ds: list[LineDecision]) -> list[str]:
    """The body's paragraphs; the body is them joined by blank lines."""
    return [d.text for d in ds if d.label == BODY]


def related(ds: list[LineDecision]) -> list[RelatedLink]:
    out = []
    for d in ds:
        if d.label == RELATED:
            title = (d.data.get("title") or "").strip()
            rel = d.data.get("rel", "related")
            if title:
                out.append(RelatedLink(rel=rel if rel in _RELS else "related", title=title, url=None))
    return out


def published(ds: list[LineDecision], lang: str | None, url: str | None = None) -> str | None:
    """The first date line's date; a slash date whose order nothing settles gives way to a date the
    header writes another way, else to none (fields/dates.py)."""
    for d in ds:
        if d.label == DATELINE and d.data.get("published"):
            return dates.read_published(d.text, _texts(ds), lang, _header_dates(ds), url) or next(
                iter(_header_dates(ds)()), None
            )
    return None


def _texts(ds: list[LineDecision]) -> Callable[[], list[str]]:
    return lambda: [d.text for d in ds]


def _header_dates(ds: list[LineDecision]) -> Callable[[], list[str]]:
    """The dates of the date lines above the article's second paragraph that are not open slash dates."""

    def dates_() -> list[str]:
        body_at = [d.index for d in ds if d.label == BODY][:2]
        end = body_at[1] if len(body_at) == 2 else float("inf")
        header = (d for d in ds if d.index <= end and d.label == DATELINE and d.data.get("published"))
        return [iso for d in header if (iso := dates.settled_date(d.text))]

    return dates_


def dateline(ds: list[LineDecision]) -> str | None:
    """The dateline opening the text: the first paragraph's, or the second's when a standfirst is the first."""
    for d in [d for d in ds if d.label == BODY][:2]:
        m = RULES.dateline.match(d.text)
        if m:
            return m.group("dateline").strip()
    return None


def parse_date(
    value: str, ds: list[LineDecision] | None = None, lang: str | None = None, url: str | None = None
) -> str | None:
    """An ISO date from a sidecar value in any format the rules know; the order of a slash date as the
    document settles it (its decisions `ds`, its `url`), none when nothing does."""
    ds = ds or []
    return dates.read_published(value, _texts(ds), lang, _header_dates(ds), url)


def meta_str(meta: Mapping[str, object], key: str) -> str | None:
    v = meta.get(key)
    return v.strip() if isinstance(v, str) and v.strip() else None
