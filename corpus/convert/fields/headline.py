"""The headline: a title-shaped line above the article that has evidence of being its title.

Plain text gives no <h1>, so a line is chosen only on evidence, scored from what surrounds it:
- it is repeated (a page dump prints the title twice: <title> and <h1>), or another line ends with it
  (a breadcrumb glued to the title: "Home / World / TITLE") or starts with it ("TITLE | Site");
- the lines after it are the article's header: a standfirst sentence, a byline, a date, a picture credit;
  (share buttons between them are looked through), a line of authors ("Jane Roe and John Doe, Agency");
- it does not follow running text, it sits close to the first paragraph and above the byline;
- it is not one of several title-shaped lines in a row (a list of teasers).
With no line scoring above the threshold the headline is null: never invented. Kicker lines (one or two
words, or ending with ":") and standfirsts (a longer line right below a shorter title) do not win.
The chosen line is then adjusted on evidence only: a fuller version of it shortly above (the page's
<title> or breadcrumb: "Kicker: TITLE") replaces it, and a kicker before a dash is cut from a quoted
title ("Kicker - «Quote»"). A title the lead picture's credit took for its caption is given back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from typing import TYPE_CHECKING, Final

from corpus.convert.features import Features
from corpus.convert.fields.dates import find_date
from corpus.convert.fields.names import cjk_name, lead_byline, name_line, parse_names
from corpus.convert.labels import BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATELINE, HEADLINE
from corpus.convert.rules import RULES

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

WINDOW: Final = 40  # non-blank lines above the first paragraph that may hold the title
MIN_WORDS, MAX_WORDS, MAX_CHARS = 3, 30, 250
THRESHOLD: Final = 1.5
BELOW_BYLINE: Final = 1.5
DISTANCE: Final = 0.04  # per line between a title and the first paragraph
TEASER_RUN: Final = 3  # title-shaped lines in a row that make a list of teasers
SIGNED: Final = 1.0
ECHO: Final = 2.0  # weight of a repeated title; buttons repeat too, so the header below weighs as much
_SITE_SEP: Final = re.compile(r"\s+[|–—:-]\s+|\s*\|\s*")
_CRUMB_SEP: Final = re.compile(r"[/›»>|]")
_CRUMB_SEPS: Final = (" / ", " › ", " » ", " > ")  # two of them: a breadcrumb ("News / Cities / Pune")
_QUOTE_DASH: Final = re.compile(r"[-–] [A-ZÀ-ÞØÆÅ]")
_ENDS_WITH_TIME: Final = re.compile(r"\d{1,2}:\d\d$")
_RELATIVE_DAY_WORDS: Final = 6  # "Aangepast vandaag, 08:12"
_DESK_WORDS: Final = 3  # "Redazione ANSA"
_CLOCK_HINT: Final = re.compile(r"\d[:.h]\d")  # what a relative day's clock time holds ("06:30", "14h30")
_CLOCK: Final = re.compile(r"\b\d{1,2}:\d\d\b")
# "Updated 10:42 AM", "Stand: 20:03 Uhr": a line this short with a clock time dates the page
CLOCK_LINE_WORDS: Final = 4
# Digits of any script (\d is Unicode): a four-digit year that int() reads in any script's digits
_ANY_YEAR: Final = re.compile(r"(?<!\d)\d{4}(?!\d)")
_SMALL_NUMBER: Final = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # a day of the month
_SCRIPT_DATE_CHARS: Final = 60
_HEADER: Final = (BYLINE, DATELINE, CREDIT, CAPTION)
_HANDLE: Final = re.compile(r"(?:^|\s)@\w{2,}")
_TIGHT_COMMA: Final = re.compile(r"[^\W\d],[^\W\d]")  # a comma with no space after it, between letters
SIGNATURE_MAX_WORDS: Final = 10
# "Crisis in the region - «The quote that is the title»": a kicker before a dash, the title a whole quote
_KICKER_QUOTE: Final = re.compile(
    r"^(?P<kicker>[^«»„“”\"]{3,60}?) [-–—] (?P<title>(?:«[^«»]+»|„[^„“]+“|“[^“”]+”|\"[^\"]+\"))$"
)
KICKER_MAX_WORDS: Final = 6
FULLER_SPAN: Final = 12  # lines above the title where the page prints its full title


_UNCOLON: Final = "\x00"  # marks the keys of lines counted with their colons dropped


def _key(text: str) -> str:
    return text.lower()  # lines arrive with their spaces already unified (decode.normalise)


def _eligible(d: LineDecision, stop: frozenset[str]) -> bool:
    """Title-shaped; asked of each line several times (as candidate, neighbour, teaser), so kept on the line
    for as long as its label and rule stand."""
    seen = d.data.get("title_shaped")
    if seen is not None and seen[0] == (d.label, d.rule):
        return bool(seen[1])
    got = _title_shaped(d, stop)
    d.data["title_shaped"] = ((d.label, d.rule), got)
    return got


def _title_shaped(d: LineDecision, stop: frozenset[str], min_words: int = MIN_WORDS) -> bool:
    f = d.features
    if f is None or d.label not in (BODY, BOILERPLATE, "", CAPTION):
        return False
    if d.label == CAPTION and (f.ends_sentence or "beside the credit" not in d.rule):
        return False
    if "boilerplate." in d.rule or "copyright" in d.rule or "related" in d.rule:
        return False
    t = d.text
    if not (min_words <= f.words <= MAX_WORDS) or f.chars > MAX_CHARS or f.has_url:
        return False
    if t.endswith((".", ":", ",", ";", "。", "…", "।")) and not _two_sentence_title(t, f):
        return False
    if t.startswith((":", "|", "(")) or t[0].islower():
        return False
    if t.startswith(("-", "–")) and not _QUOTE_DASH.match(t):
        return False  # a list item; "- Fear will grow" is a quote (Nordic titles open quotes with a dash)
    if t[-1].isdecimal() and _ENDS_WITH_TIME.search(t):  # the time's last digit ends the line
        return False  # "… 17:24": an entry of a live blog or a teaser list, stamped with its time
    if _CLOCK.search(t) and (f.words <= CLOCK_LINE_WORDS or find_date(t)):
        return False  # "Updated 10:42 AM", "Edited by Jane Roe | Updated: March 12, 2024 6:05 pm IST": a date line
    if _facts_bar(t):
        return False  # "As of 10:42 | Reading time: 4 minutes": the header's facts
    if t.startswith("+++"):
        return False  # "+++ Roads closed +++": an entry of a live ticker
    if t.isupper():
        return False  # "MIDDLE EAST CRISIS": a kicker or a section label; titles are not set in capitals
    if f.words <= _RELATIVE_DATE_WORDS and _relative_date(t, f.words):
        return False  # "5 Min Read", "Updated 2 hours ago": a reading time or a relative date
    if _player(d):
        return False  # "The video will auto-play soon 8 Cancel": a video player's controls
    if t.endswith(RULES.title_caption_ends):
        return False  # "… (courtesy of the police)": a picture's caption
    if t.rsplit(None, 1)[-1].lower() in RULES.title_never_last:
        return False  # ends with "or", "und", "the": a sentence cut off, not a title
    if RULES.byline_lead.search(t):
        return False  # "… A column by Jane Roe": a standfirst signed by its author; titles carry no byline
    if t.endswith("|") or (t.count(",") >= 2 and len(_TIGHT_COMMA.findall(t)) >= 2):
        return (
            False  # "Saturday, 3 May |", "Retire early,Early retirement,Savings": a date bar, a keyword list
        )
    if t.count("|") >= 2 or sum(map(t.count, _CRUMB_SEPS)) >= 2:
        return False  # "Privacy | Terms | Contact", "Audio | date | author": a bar of links or facts
    low = f.low.split()  # the words in lower case
    content = [w for w in low if w not in stop]  # "the", "der" are in the button tables too: not counted
    ui = sum(map(RULES.ui_words.__contains__, content))
    if ui * 2 >= len(content) and (ui >= 2 or len(content) <= 1):
        return False  # mostly button words ("YouTube removes the videos", "Das ist neu in der App" are not)
    half = t.split()
    if len(half) % 2 == 0 and half[: len(half) // 2] == half[len(half) // 2 :]:
        return False  # "Link kopieren Link kopieren": a button's label twice
    return not (_prefixed_byline(t, f.words) or name_line(d, stop) or _signature(d, stop))


_TWO_SENTENCE_TITLE_WORDS: Final = 16
_TITLE_CASE: Final = 1.0  # every content word capitalised: German capitalises its nouns only


def _two_sentence_title(t: str, f: Features) -> bool:
    """ "The Pier Was Rotting for Years. Officials Knew.": two short sentences in Title Case make a title
    (a sentence of text does not capitalise its words, a caption is one sentence)."""
    return (
        t.endswith(".")
        and ". " in t
        and f.words <= _TWO_SENTENCE_TITLE_WORDS
        and f.title_ratio >= _TITLE_CASE
        and not t.endswith("..")
    )


_PLAYER: Final = tuple(sorted(RULES.player_lines))


def _player(d: LineDecision | None) -> bool:
    """A video player's controls ("Play now", "Click to play"): the line beside them titles the video."""
    return d is not None and d.text.lower().startswith(_PLAYER)


def _prefixed_byline(t: str, words: int) -> bool:
    """ "By Jane Roe", or longer with the time it was posted ("By Jane Roe On 11/13/19 at 4:00 PM")."""
    if not RULES.byline.match(t):
        return False
    return words <= 6 or bool(_CLOCK.search(t) or find_date(t))


def _signature(d: LineDecision, stop: frozenset[str]) -> bool:
    """ "Jane Roe @janeroe / 2 days", "Jane Roe and John Doe, Agency": authors (a handle, two names), no title."""
    f = d.features
    if f is None or f.words > SIGNATURE_MAX_WORDS:
        return False
    if "@" in d.text and _HANDLE.search(d.text):
        return True
    if sum(1 for w in d.text.split() if w[:1].isupper()) < 4:
        return False  # two names need four capitals (cheap: parse_names is the costly part)
    return len(parse_names(d.text, stop)) >= 2


def _header_like(d: LineDecision, stop: frozenset[str]) -> bool:
    """A byline, a date, a credit: the lines that follow a title."""
    f = d.features
    if d.label in _HEADER:
        return True
    if f is None or f.words > 14:
        return False
    return bool(
        find_date(d.text)
        or (f.words <= CLOCK_LINE_WORDS and _CLOCK.search(d.text))
        or _script_date(d.text)
        or (f.words <= _RELATIVE_DAY_WORDS and _relative_day(d.text))
        or (f.words <= _DESK_WORDS and _desk_or_wire(d.text))
        or RULES.byline.match(d.text)
        or name_line(d, stop)
        or (not d.text.isascii() and cjk_name(d.text))
        or lead_byline(d.text, stop)
        or _signature(d, stop)
        or (f.words <= _RELATIVE_DATE_WORDS and RULES.relative_time.search(d.text) is not None)
    )


def _facts_bar(t: str) -> bool:
    """ "As of 10:42 | Reading time: 4 minutes": a bar of a header's facts, each a time or a reading time."""
    return " | " in t and all(_fact(part) for part in t.split(" | "))


def _fact(part: str) -> bool:
    words = len(part.split())
    return words <= CLOCK_LINE_WORDS and (_CLOCK.search(part) is not None or _relative_date(part, words))


def _relative_day(t: str) -> bool:
    """ "Vandaag, 06:30": the cheap test for a clock time first, the day's name after it."""
    return _CLOCK_HINT.search(t) is not None and RULES.relative_day.search(t) is not None


_RELATIVE_DATE_WORDS: Final = 4  # "3 hours ago", "Published 2 days ago": the date a page prints as an age


def _relative_date(t: str, words: int) -> bool:
    """ "5 Min Read", or a longer line that ends with the age ("Updated 2 hours ago"; not "48 Hours in Rome")."""
    m = RULES.relative_time.search(t)
    return m is not None and (words <= MIN_WORDS or len(t[m.end() :].split()) <= 1)


def _desk_or_wire(t: str) -> bool:
    """ "Redazione", "dpa", "Redazione ANSA": a desk or a wire alone signs an article as a byline does."""
    first = t.partition(" ")[0].lower()
    if first not in RULES.desk_words and first not in RULES.agency_words:
        return False  # the cheap test first: most lines open with neither
    return (
        t.lower() in RULES.desk_words
        or RULES.agency.fullmatch(t) is not None
        or (t.split(maxsplit=1)[0].lower() in RULES.desk_words and RULES.agency.search(t) is not None)
    )


def _script_date(t: str) -> bool:
    """ "| Saturday, August 29, 2020 | 10:46" in another script's words (and maybe digits), or "2020年8月29日":
    the date tables do not read it, but a short line with a year and a day or a clock time is a date line."""
    if t.isascii() or len(t) > _SCRIPT_DATE_CHARS:
        return False
    years = [m for m in _ANY_YEAR.finditer(t) if 1900 <= int(m.group(0)) <= 2099]
    return bool(years) and (_CLOCK.search(t) is not None or _SMALL_NUMBER.search(t) is not None)


def _signed(nb: list[LineDecision], k: int, stop: frozenset[str]) -> bool:
    """A byline with names: labelled so, or a short line with a lead phrase ("Kolumne von Jana Roth - …")
    right below a title-shaped line (a lead byline may also open the header, above its title)."""
    d = nb[k]
    if d.label == BYLINE:
        return bool(d.data.get("authors"))
    f = d.features
    if f is None or f.words > 14 or d.label not in (BOILERPLATE, "") or not lead_byline(d.text, stop):
        return False
    return k > 0 and _eligible(nb[k - 1], stop)


def _menu_item(d: LineDecision | None, stop: frozenset[str]) -> bool:
    f = d.features if d is not None else None
    if d is None or f is None:
        return False
    return f.words <= 6 and not f.ends_sentence and d.label not in _HEADER and not _header_like(d, stop)


def _teaser(other: LineDecision | None, d: LineDecision, stop: frozenset[str]) -> bool:
    """A title-shaped line about as long as `d` (at most twice as long or half as long): a neighbour in a
    list of teasers."""
    if other is None or other.features is None or other.label == CAPTION or not _eligible(other, stop):
        return False  # a caption beside its credit is a picture's, not a teaser's
    a, b = other.features.words, d.features.words if d.features else 0
    return 2 * min(a, b) >= max(a, b) and not other.features.ends_sentence


def _teaser_run(nb: list[LineDecision], k: int, stop: frozenset[str]) -> int:
    """How many title-shaped lines like nb[k] stand in a row with it (looking a few lines either way)."""
    n = 1
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(nb) and abs(j - k) < TEASER_RUN and _teaser(nb[j], nb[k], stop):
            n, j = n + 1, j + step
    return n


def _dek(d: LineDecision) -> bool:
    """A standfirst or the first paragraph: running text right below the title (not a title-like question)."""
    f = d.features
    if f is None or d.label not in (BODY, BOILERPLATE, "") or f.words < 8 or d.text.endswith(":"):
        return False
    if f.words < 15 and d.text.endswith(("?", "!")):
        return False
    return f.ends_sentence or f.stop_ratio >= 0.2 or f.words >= 25


_DEK_LINES: Final = 3  # lines of a standfirst (a summary's bullets) between a title and its header


def _dek_above_header(nb: list[LineDecision], at: int | None, stop: frozenset[str], words: int) -> bool:
    """A standfirst without a stop (a line, maybe followed by a few bullets), then the article's byline, date
    or picture: the title-shaped line above (of `words` words) is the title, not one of a list of teasers
    (teasers have no byline). A standfirst runs longer than its title, and its further lines are bullets:
    title-length lines below, or lines without a bullet, are the rest of a ticker of teaser titles, or the
    title itself under a breadcrumb or the ticker's last title."""
    n = 0
    while at is not None and n < _DEK_LINES:
        d = nb[at]
        f = d.features
        if f is None or f.ends_sentence or not _dek(d) or f.words <= words:
            break
        if n and not d.text.startswith(_BULLETS):
            break
        at, n = _next_at(nb, at), n + 1
    return n > 0 and at is not None and _header_like(nb[at], stop)


_BULLETS: Final = ("•", "·", "▪", "►", "- ", "– ", "* ")


def _standfirst(d: LineDecision | None) -> bool:
    """A standfirst in whole sentences (a teaser's summary is cut off, and every teaser of a list has one)."""
    return d is not None and d.features is not None and d.features.ends_sentence and _dek(d)


def _next_content(nb: list[LineDecision], k: int) -> LineDecision | None:
    j = _next_at(nb, k)
    return nb[j] if j is not None else None


def _next_at(nb: list[LineDecision], k: int) -> int | None:
    """Where the line after nb[k] is, skipping share buttons and a lone place name ("Berlin.") opening the
    lede."""
    for j in range(k + 1, min(len(nb), k + 16)):
        d = nb[j]
        f = d.features
        if "boilerplate.line" in d.rule or "boilerplate.counter" in d.rule or _share_line(d):
            continue
        if f is not None and f.words <= 2 and d.text.endswith(".") and j + 1 < len(nb):
            continue
        return j
    return None


def _kicker_above(nb: list[LineDecision], j: int, stop: frozenset[str]) -> bool:
    """ "European Payments Initiative" / "TITLE": a name-shaped line right above a longer title-shaped one is
    that title's kicker, not a byline signing the line above it."""
    d = nb[j]
    if d.label in _HEADER or j + 1 >= len(nb) or d.features is None or find_date(d.text):
        return False
    if RULES.byline.match(d.text) or not name_line(d, stop):
        return False  # a prefixed byline or a date line is the header whatever follows
    after = nb[j + 1]
    if d.features.words > KICKER_MAX_WORDS or after.features is None or after.features.words < 2 * MIN_WORDS:
        return False
    return after.features.words > d.features.words and _eligible(after, stop)


def _share_line(d: LineDecision) -> bool:
    """ "Per E-Mail teilen E-Mail", "Link kopieren Link kopieren": a share button spelled out."""
    f = d.features
    if f is None or not 2 <= f.words <= 6 or d.label not in (BOILERPLATE, ""):
        return False
    if "boilerplate.start" in d.rule and not find_date(d.text):
        return True  # "Auf X teilen X": a phrase of the button tables (not "Updated: 3 May 2024")
    words = [w.lower().rstrip(":.") for w in d.text.split() if len(w) > 2 and w[0].isalpha()]
    ui = sum(1 for w in words if w in RULES.ui_words)
    return ui >= 2 and ui * 2 >= len(words)


def _repeats(nb: list[LineDecision]) -> tuple[dict[str, int], list[str]]:
    """How often each line's key occurs (counted in C by Counter), and the keys in line order."""
    keys = [d.features.low if d.features else _key(d.text) for d in nb]  # _key, lowered once per text
    counts = Counter(keys)
    for k in [k for k in keys if ": " in k]:
        # "Kicker: Title" (the page's <title>) echoes "Kicker Title" (its visible h1)
        counts[_UNCOLON + k.replace(": ", " ")] += 1
    return counts, keys


def _echoed(key: str, k: int, keys: list[str], counts: dict[str, int]) -> bool:
    """Repeated, or part of a longer line as its tail (breadcrumb) or head ("TITLE | Site")."""
    if counts.get(key, 0) > 1:
        return True
    u = _UNCOLON + key.replace(": ", " ")
    if counts.get(u, 0) + (": " not in key and key in counts) > 1:
        return True
    if "\n".join(keys).count(key) <= 1:
        return False  # no other line holds it (one search in C instead of a loop over the lines)
    for j, other in enumerate(keys):
        if j == k or len(other) <= len(key) or len(other) > len(key) + 80:
            continue
        crumb = other.endswith(key) and not other[-len(key) - 1 :][:1].isalnum()
        head = other[: -len(key)]
        if crumb and (_CRUMB_SEP.search(head) or not _button_tail(head) or _crumb_root(head)):
            return True  # "Home › TITLE", "World TITLE": a breadcrumb; "Facebook Twitter Follow us": buttons
        if other.startswith(key) and _SITE_SEP.match(other[len(key) :]):
            return True
    return False


def score(
    nb: list[LineDecision], k: int, start: int, keys: list[str], counts: dict[str, int], stop: frozenset[str]
) -> float:
    d = nb[k]
    f = d.features
    assert f is not None
    s = 0.0
    if (f.words >= 5 or f.chars >= 40) and _echoed(keys[k], k, keys, counts):
        s += ECHO
    at = _next_at(nb, k)
    nxt = nb[at] if at is not None else None
    if nxt is not None and at is not None:
        nf = nxt.features
        assert nf is not None
        if nxt.label in (CREDIT, CAPTION):
            s += 1.0
        elif (_header_like(nxt, stop) and not _kicker_above(nb, at, stop)) or (
            _dek(nxt)
            and not nxt.text.endswith(d.text)  # "Facebook X TITLE": buttons glued to it, no standfirst
        ):
            s += 2.0
            if nxt.label == BYLINE and nxt.data.get("authors") and not (k and _eligible(nb[k - 1], stop)):
                s += SIGNED  # the article's byline right below (and no title right above: a standfirst's)
        elif _eligible(nxt, stop) and nf.words >= 10 and nf.words > f.words:
            s += 1.5  # a standfirst without a final period
    # more header lines (date, byline) just below: a title's company
    s += min(
        1.0, 0.5 * sum(1 for x in nb[k + 2 : k + 5] if x.label in (BYLINE, DATELINE) or _header_like(x, stop))
    )
    prev = nb[k - 1] if k > 0 else None
    if prev is not None:
        pf = prev.features
        assert pf is not None
        if prev.label in (BODY, "") and prev.content == "good" and pf.ends_sentence:
            s -= 1.5  # titles do not follow running text
        if _eligible(prev, stop) and 4 <= pf.words < f.words and f.words >= 12:
            s -= 2.0  # the standfirst below a shorter title
    if _menu_item(prev, stop) and _menu_item(nxt, stop):
        s -= 2.0  # inside a run of short lines: a menu, repeated on the page as menus are
    elif (
        _teaser_run(nb, k, stop) >= TEASER_RUN
        and not _standfirst(nxt)
        and not _byline_below(nxt)
        and not _dek_above_header(nb, at, stop, f.words)
    ):
        s -= 2.0  # one of several title-shaped lines in a row: a list of teasers (the last, above a
        # standfirst or a byline, is the article's title below a list of bare teaser titles)
    elif _dated_teaser(nb, k, stop):
        s -= 2.0  # "TITLE" / "March 3, 2025" beside another title and date: a dated list (a mega menu, a sidebar)
    if 4 <= f.words <= 25:
        s += 0.5
    s -= DISTANCE * max(0, start - k - 1)
    return s


def _byline_below(d: LineDecision | None) -> bool:
    """ "By" alone on its line over the author's name (tagDiv's header) right below: the article's header, not a
    teaser's. (A byline with its names may follow a summary's last bullet, under the title.)"""
    return d is not None and d.label == BYLINE and bool(d.data.get("bare"))


def _dated_teaser(nb: list[LineDecision], k: int, stop: frozenset[str]) -> bool:
    """nb[k] is followed by a date line, and another title-shaped line sits with its own date line just above
    or below it: a title in a list of dated teasers, where the article's title has its byline or one date."""
    if k + 1 >= len(nb) or nb[k + 1].label != DATELINE:
        return False
    above = k >= 2 and nb[k - 1].label == DATELINE and _eligible(nb[k - 2], stop)
    below = k + 3 < len(nb) and nb[k + 3].label == DATELINE and _eligible(nb[k + 2], stop)
    return above or below


def _crumb_root(head: str) -> bool:
    """ "Home News ": a breadcrumb whose links are all menu words, opened by the site's home link."""
    first = head.split(None, 1)[0] if head.strip() else ""
    return first in RULES.crumb_roots or " ".join(head.split()[:2]) in RULES.crumb_roots


def _button_tail(rest: str) -> bool:
    words = [w.lower() for w in rest.split() if len(w) > 2]
    return bool(words) and all(w in RULES.ui_words for w in words)


def _unglued(nb: list[LineDecision], best: LineDecision) -> LineDecision:
    """ "TITLE Back to video": a button glued to the title; another line of the page holding the title
    alone is the headline."""
    t = best.text
    for d in nb:
        if d is best or len(d.text) >= len(t) or not t.startswith(d.text):
            continue
        if d.features is not None and d.features.words >= MIN_WORDS and _button_tail(t[len(d.text) :]):
            return d
    return best


def _fuller(nb: list[LineDecision], best: LineDecision, stop: frozenset[str]) -> LineDecision:
    """ "Election in Thuringia: TITLE" or "Switzerland is TITLE" shortly above the title: the page's full title
    (its <title> or breadcrumb), the visible one below it cut to fit. Breadcrumbs ("Home World TITLE") do not
    count: the part before the title must read as words of a sentence (a stopword) or a kicker (a colon)."""
    k = nb.index(best)
    key = _key(best.text)
    for d in nb[max(0, k - FULLER_SPAN) : k]:
        other = _key(d.text)
        if len(other) <= len(key) or not other.endswith(key) or not _eligible(d, stop):
            continue
        head = other[: -len(key)].strip()
        words = head.split()
        if not words or len(words) > KICKER_MAX_WORDS + 2 or _CRUMB_SEP.search(head):
            continue
        if head.endswith(":") or any(w in stop for w in words):
            return d
    return best


def _unkicked(text: str, found: Container[str]) -> str | None:
    """ "Kicker words Title words": a kicker glued to the title with a space (or none: a breadcrumb's links and
    the title printed as they stand). The page shows where the title starts when it prints it alone or as
    "Kicker words: Title words" (its <title>) elsewhere."""
    words = text.split()
    if ":" in text or len(words) < MIN_WORDS + 1:
        return None
    for n in range(1, min(KICKER_MAX_WORDS, len(words) - MIN_WORDS) + 1):
        kicker, title = " ".join(words[:n]), " ".join(words[n:])
        if not title[0].isupper() or _button_tail(kicker):
            continue  # "Switzerland is a playground …": a sentence; "Facebook Twitter …": buttons, no kicker
        if words[n - 1].lower() in RULES.title_never_last:
            continue  # "Council votes for the | New bridge": a kicker does not end with an article
        low = _key(title)
        if low in found or f"{_key(kicker)}: {low}" in found:
            return title
    for m in _GLUED_START.finditer(text):  # "HomeLatest NewsTitle words": glued without a space
        kicker, title = text[: m.start() + 1], text[m.start() + 1 :]
        if (
            len(kicker.split()) <= KICKER_MAX_WORDS
            and len(title.split()) >= MIN_WORDS
            and _key(title) in found
        ):
            return title
    return None


# A lower-case letter straight before a capital or an opening quote: two texts of the page glued together
_GLUED_START: Final = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ„“\"«]")


_SITE_SEPS: Final = (" | ", " - ", " – ", " — ")


class _SiteHeads:
    """ "Kicker: Title | Site" (the page's <title>): holds a text when a line opens with it and the site's name
    follows after a bar or dash. One search of the page's joined lines per text asked about."""

    def __init__(self, keys: list[str]) -> None:
        self.text = "\n" + "\n".join(keys)

    def __contains__(self, head: object) -> bool:
        if not isinstance(head, str) or f"\n{head} " not in self.text:
            return False  # most texts asked about: no line opens with them
        return any(f"\n{head}{sep}" in self.text for sep in _SITE_SEPS)


CAPTIONED: Final = 1.0
TITLE_ABOVE_MIN_WORDS: Final = 5  # a kicker above a title is shorter


def _titled(d: LineDecision, stop: frozenset[str]) -> bool:
    """A title-shaped line of a title's length (no kicker) and no caption itself."""
    f = d.features
    return f is not None and f.words >= TITLE_ABOVE_MIN_WORDS and d.label != CAPTION and _eligible(d, stop)


SHORT_TITLE_WORDS: Final = 2
SHORT_TITLE_REACH: Final = 4  # lines from a short title to the article's first paragraph


def _short_title(
    nb: list[LineDecision], lo: int, hi: int, keys: list[str], counts: dict[str, int], stop: frozenset[str]
) -> LineDecision | None:
    """ "Bridge reopens" / "By Jane Roe" / text: a two-word title (too short to be chosen on its shape) right
    above the article's byline or date, close to its first paragraph. Asked only when no longer line won: a
    kicker sits above a title, not above the byline; a section's label repeats in the page's menus or
    capitalises both its words ("Local News"); two characters of a dense script are no two words."""
    for k in range(max(lo, hi - 1 - SHORT_TITLE_REACH), hi):
        d = nb[k]
        if d.features is None or d.features.words != SHORT_TITLE_WORDS or counts.get(keys[k], 0) > 1:
            continue
        at = _next_at(nb, k)
        nxt = nb[at] if at is not None else None
        if nxt is None or not ((nxt.label == BYLINE and nxt.data.get("authors")) or nxt.label == DATELINE):
            continue
        if (
            len(d.text.split()) == SHORT_TITLE_WORDS
            and not d.text.istitle()
            and _title_shaped(d, stop, SHORT_TITLE_WORDS)
        ):
            return d
    return None


def choose(
    nb: list[LineDecision], start: int, stop: frozenset[str], threshold: float = THRESHOLD
) -> LineDecision | None:
    """The best-scoring title-shaped line in the window above nb[start], or None without evidence."""
    counts, keys = _repeats(nb)
    best: LineDecision | None = None
    best_score = threshold
    lo, hi = max(0, start - WINDOW), min(start + 1, len(nb))
    byline_at = next((k for k in range(lo, hi) if _signed(nb, k, stop)), hi)
    if not any(_eligible(nb[k], stop) for k in range(lo, byline_at)):
        byline_at = hi  # nothing title-shaped above the byline: it signs the title below (a column's header)
    buttons = [
        k for k in range(lo, hi) if "boilerplate.line" in nb[k].rule or "boilerplate.counter" in nb[k].rule
    ]
    for k in range(lo, hi):
        if (
            not _eligible(nb[k], stop)
            or _player(nb[k - 1] if k else None)
            or _player(nb[k + 1] if k + 1 < len(nb) else None)
        ):
            continue
        sc = score(nb, k, start, keys, counts, stop)
        sc += DISTANCE * sum(1 for b in buttons if b > k)  # share buttons add no distance from the text
        if k > byline_at:
            sc -= BELOW_BYLINE  # the title comes before its byline: below it sit captions, teasers, kickers
        if nb[k].label == CAPTION and k and _titled(nb[k - 1], stop):
            sc -= CAPTIONED  # a lead picture's caption right below the title
        if sc > best_score:
            best, best_score = nb[k], sc
    if best is None:
        best = _short_title(nb, lo, hi, keys, counts, stop)
    if best is not None:
        best = _fuller(nb, _unglued(nb, best), stop)
        if best.label == CAPTION:  # the credit below took the title for its picture's caption
            for d in nb[nb.index(best) + 1 : nb.index(best) + 4]:
                if d.label == CREDIT and d.data.get("caption") == best.text.removesuffix("(").strip():
                    del d.data["caption"]
        best.label, best.rule = (
            HEADLINE,
            f"headline: title-shaped line with evidence (score {best_score:.1f})",
        )
        m = _KICKER_QUOTE.match(best.text)
        if m and len(m.group("kicker").split()) <= KICKER_MAX_WORDS:
            best.data["headline"] = m.group("title")
            best.rule += ", its kicker before the dash cut off"
        else:
            # the keys counted (the lines in lower case), else the lines' heads before a site's name
            title = _unkicked(best.text, counts)
            if title is None and ":" not in best.text:
                title = _unkicked(best.text, _SiteHeads(keys))
            if title:
                best.data["headline"] = title
                best.rule += ", its kicker glued before it cut off"
    return best
