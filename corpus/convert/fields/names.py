"""Author names: parsing a byline's name part, and telling a line of names (header_bylines.py finds them).

A byline rarely holds names alone: "Von Jane Roe 28.04.2023, 18:11 Uhr", "Jane Roe | Published 2 hours ago",
"Jane Roe Political Correspondent", "Kolumne von Jane Roe - 12 Kommentare". The name part is what comes
before the first date, separator, role or trailer word (rules/*.toml: byline.roles, byline.trailers);
what is left must be name-shaped (capitalised tokens, particles allowed, no stopwords, no digits).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final

from corpus.convert.labels import BODY, BOILERPLATE, BYLINE
from corpus.convert.memo import memo, memo_list
from corpus.convert.rules import RULES

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

_NAME_TOKEN: Final = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΆ-Ω][\w'’.-]*$")
_HANDLE: Final = re.compile(r"\s*(?:@\w+|\S+@\S+\.\w+|https?://\S+)")
_SEP_DASHES: Final = re.compile(r"^[\s|/–—-]+|[\s|/–—,-]+$")
# The name part ends at a date or time, a bullet or bar, or a spaced dash.
_CUT: Final = re.compile(r"\s+\d|(?<=[^\W\d_])\d|\s*[|•·]\s*|\s+[-–—]\s+|\s*\(|\s*;")
# a character every _CUT match holds: most name parts hold none, and _CUT is tried at every place
_CUT_CHARS: Final = re.compile(r"[\d|•·(;–—-]")
# a header line's segments, between bars, bullets and spaced dashes ("3. März 2024 • Jane Roe • 3 Min")
SEGMENTS: Final = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_LEADING_CONNECTOR: Final = re.compile(r"^(?:[,;&]\s*|(?:and|und|y|et)\s+)")
# a publisher by its web address: "Example.com", "example.co.uk"
_DOMAIN: Final = re.compile(r"\w\.[a-z]{2,6}$")
_ACRONYM: Final = re.compile(r"^[A-Z]{2,5}$")
_DESK_MAX_WORDS: Final = 6  # "The Example Times Editorial Board"
_NAME_LINE_MAX_WORDS: Final = 14
# "Press" is a button, and a word of "Associated Press"
_UI_NOT_WIRE: Final = RULES.ui_words - RULES.wire_words


def _uncased(token: str) -> bool:
    """A word of a script without capitals (Arabic, Hebrew, Devanagari, Thai, CJK): in a name as a capitalised
    word is (the prefix or the layout that found the name is the evidence; a capital cannot be)."""
    c = token[:1]
    if not c.isalpha() or c.isupper() or c.islower():
        return False
    # letters and the vowel signs and other marks of abugidas ("शर्मा", "ใจดี"), which str.isalpha refuses
    return token.isalpha() or all(ch.isalpha() or unicodedata.category(ch)[0] == "M" for ch in token)


def _words_ok_for_name(tokens: list[str], stop: frozenset[str], uncased_ok: bool = False) -> bool:
    caps = 0
    prev = ""
    for t in tokens:
        low = t.lower()
        if low in RULES.inner_particles and prev not in RULES.particles:
            return False  # "Kollaps der Silicon Valley Bank": an article, no "von der"
        prev = low
        if low in RULES.particles:
            continue
        if (
            not (_NAME_TOKEN.match(t) or (uncased_ok and not t[:1].islower() and _uncased(t)))
            or any(map(str.isdigit, t))
            or low in stop
            or low in _UI_NOT_WIRE
        ):
            return False  # "By Privacy Policy": a button's word is in no name
        caps += 1
    return caps >= 1


_CJK: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"  # kana, Han, Hangul
_CJK_WORD: Final = re.compile(f"[{_CJK}]{{1,4}}")
_CJK_ROLES: Final = tuple(sorted(RULES.cjk_roles, key=len, reverse=True))


def cjk_signature(text: str) -> list[str]:
    """ "김민수 기자 minsu@example.co.kr" below the last paragraph: a CJK name, its role and its address."""
    name = cjk_name(_HANDLE.sub("", text) if "@" in text else text)
    return [name] if name else []


def cjk_name(text: str) -> str | None:
    """ "大渡 美咲" (family and given name), "记者 王小明", "김민수 기자" (a name beside its role): a name in a
    script without capitals or spaces. A single word counts only beside a role, which is its evidence."""
    if text.isascii() or not _CJK_WORD.search(text):
        return None  # most lines: no CJK letter in them
    text = text.strip()
    role = False
    for r in _CJK_ROLES:
        if text.startswith(r):
            text, role = text[len(r) :].lstrip(), True
            break
    for r in _CJK_ROLES:
        if text.endswith(r):
            text, role = text[: -len(r)].rstrip(), True
            break
    words = text.split()
    if not (len(words) == 2 or (role and len(words) == 1 and len(words[0]) >= 2)):
        return None
    return " ".join(words) if all(_CJK_WORD.fullmatch(w) for w in words) else None


# Name beginnings that carry a capital inside the name ("McDonald", "MacKenzie", "DeVeaux", "van Dyke").
_INNER_CAPITAL_PREFIXES: Final = frozenset(
    {"mac", "van", "von", "del", "des", "der", "den", "fitz", "della", "dal"}
)
_GLUE: Final = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-Þ][^\W\d_]*)")
_GLUE_PAIR: Final = re.compile(r"[^\W\d_][A-ZÀ-ÖØ-Þ]")  # a letter, then a capital: where _GLUE matches


def unglue(text: str) -> str:
    """ "Jane RoeMarch 3", "Ulrich ExnerKorrespondent", "Jane RoeJohn Doe": a dump that joins text pieces glues
    a date, a role or the next name to a name's last letter. Split where the glued word is a known one."""
    if not _GLUE_PAIR.search(text):  # what _GLUE.search finds, from a pattern that opens with a class
        return text
    out = []
    for tok in text.split(" "):
        cut = 0
        pieces = []
        for m in _GLUE.finditer(tok):
            i = m.start()
            if not tok[i - 1].islower():
                continue  # "JANE": capitals in a row are no glue
            left = re.split(r"[^\w]", tok[cut:i])[-1]
            right = re.match(r"[^\W\d_]+", tok[i:])
            word = right.group(0) if right else ""
            if (
                len(left) >= 3
                and left.lower() not in _INNER_CAPITAL_PREFIXES
                and word.lower() in RULES.glue_words
            ):
                pieces.append(tok[cut:i])
                cut = i
        pieces.append(tok[cut:])
        out.append(" ".join(pieces))
    return " ".join(out)


def _given(token: str) -> bool:
    return token.strip(".,").lower() in RULES.given_names


def split_run_together(part: str) -> list[str]:
    """ "Anna Maria Berg Jan Peter Kohl": names printed without separators split before a given name that
    follows a surname (a given name after a given name is a double first name), each name keeping two words."""
    tokens = part.split()
    if len(tokens) < 4:
        return [part]
    if tokens[-1].lower() in RULES.desk_words and tokens[0] not in RULES.org_articles:
        # "Jane Roe Science Desk": a person and a desk sign it ("The Daily Example Board" is one desk)
        return [*split_run_together(" ".join(tokens[:-2])), " ".join(tokens[-2:])]
    out: list[str] = []
    cur: list[str] = []
    for i, t in enumerate(tokens):
        if (
            len(cur) >= 2
            and len(tokens) - i >= 2
            and _given(t)
            and not _given(cur[-1])
            and cur[-1].lower() not in RULES.particles
        ):
            out.append(" ".join(cur))
            cur = []
        cur.append(t)
    out.append(" ".join(cur))
    return out


def _wire(name: str) -> bool:
    """A wire's or publisher's name ("Associated Press", "dpa") rather than a person's ("Kevin Post")."""
    words = name.split()
    if RULES.agency.fullmatch(name) or _DOMAIN.search(name):
        return True  # "dpa", "Example.com"
    if len(words) >= 2 and _ACRONYM.match(words[0]) and not name.isupper():
        return True  # "CNN Business", "ABC News": a broadcaster's letters open it, no given name
    return bool(words) and not _given(words[0]) and any(w.lower() in RULES.wire_words for w in words)


_PAPER_INITIALS: Final = re.compile(r"^[A-ZÀ-Þ]{2,4}$")
_ROMAN: Final = re.compile(r"^[IVX]+$")  # "John Roe III"


def _caps_wire_tail(words: list[str]) -> list[str]:
    """ "Kevin Roe USA TODAY": a publisher in capitals after a name in mixed case is cut."""
    k = len(words)
    while k > 2 and words[k - 1].isupper() and len(words[k - 1]) > 1:
        k -= 1
    tail = words[k:]
    if tail and not words[k - 1].isupper() and any(w.lower() in RULES.wire_words for w in tail):
        return words[:k]
    if len(tail) == 1 and k >= 2 and _PAPER_INITIALS.match(tail[0]) and not _ROMAN.match(tail[0]):
        return words[:k]  # "Hanna Mäkinen HS": the paper's initials after the name
    return words


@memo
def name_part(text: str) -> str:
    """The leading part of a byline that can hold names: before dates, bars, roles and trailer words."""
    text = unglue(_HANDLE.sub("", text) if "@" in text or "://" in text else text)  # each handle holds one
    m = _CUT.search(text) if _CUT_CHARS.search(text) else None
    dated = False  # cut at a date or a time: a word before it may belong to the date ("on", "am", "el")
    if m and m.start() > 0:
        text = text[: m.start()]
        dated = any(c.isdigit() for c in m.group(0))
    text = RULES.role_lead.sub("", text)  # "Korrespondentin Jana Roth": the role before the name
    text = RULES.name_places.sub("", text)  # "Jane Roe in Berlin and John Doe in Rome"
    text = RULES.roles.sub("", text) if RULES.role_words.search(text) else text
    text = RULES.name_trailers.sub("", text)
    words = text.split()
    while words and words[-1].lower().rstrip(".,") in RULES.month_numbers:
        words.pop()  # "Jane Roe Apr. 28": the month begins the date
        dated = True
    for _ in range(2):
        if dated and words and words[-1].islower() and len(words[-1]) <= 3:
            words.pop()  # "Jane Roe on 3 March", "Ana Pérez el 3 de marzo": the date's preposition
    words = _caps_wire_tail(words)
    half = len(words) // 2
    if half >= 2 and len(words) == 2 * half and words[:half] == words[half:]:
        words = words[:half]  # "Jane Roe Jane Roe": an author box prints the name twice
    return " ".join(words)


@memo_list
def parse_names(
    text: str, stop: frozenset[str], *, single_ok: bool = False, max_tokens: int = 5, prefixed: bool = False
) -> list[str]:
    """Split a byline's name part into names; anything that is not name-shaped is dropped. `prefixed`: a byline
    prefix or lead phrase ("By", "بقلم", "作者：") stands before the text, the only evidence for a name in a script
    without capitals (a section's name beside a date looks the same)."""
    text = name_part(text)
    names = []
    for piece in RULES.name_split.split(text):
        for part in split_run_together(_SEP_DASHES.sub("", piece.strip())):
            tokens = part.split()
            if not tokens or len(tokens) > max_tokens:
                continue
            if len(tokens) == 1 and not single_ok and not (prefixed and _CJK_WORD.fullmatch(tokens[0])):
                continue  # "王小明": a name of one word in a script written without spaces
            if _words_ok_for_name(tokens, stop, prefixed):
                names.append(part)
    if len(names) > 1 and not names[0].isupper():
        names = [n for n in names if not n.isupper()]  # "Jane Roe, CITY DESK": the desk is not an author
    if len(names) > 1 and not _wire(names[0]):
        names = [n for n in names if not _wire(n)]  # "Jane Roe, Associated Press": her employer, no author
    return names


def covers(names: list[str], part: str) -> bool:
    """The names are all the name part holds (separators and connectors aside), but for a place or desk
    of one word or a wire after a comma ("Jane Roe, Washington", "Jane Roe, Example Today")."""
    got = " ".join(names).split()
    pieces = [p for p in (x.strip() for x in RULES.name_split.split(part)) if p]
    want = " ".join(pieces).split()
    if got == want:
        return True
    if not pieces:
        return False
    last_dropped = len(pieces[-1].split()) == 1 or _wire(pieces[-1])  # "…, Washington", "…, Example Today"
    return len(pieces) >= 2 and last_dropped and got == " ".join(pieces[:-1]).split()


def desk(text: str) -> list[str]:
    """ "By MND Staff", "Von Redaktion Politik": a desk signs the article; it is the author as printed."""
    part = _CUT.split(_HANDLE.sub("", text), maxsplit=1)[0].strip()
    if RULES.agency.fullmatch(part):
        return [part]  # "By Reuters", "Von dpa": the wire signs the article
    words = part.split()
    if not (1 <= len(words) <= _DESK_MAX_WORDS) or not all(w[:1].isupper() for w in words):
        return []
    if any(w.lower() in RULES.desk_words for w in words):
        return [part]
    # "Par Les Echos", "By The Associated Press": an article opening the name is a publisher's
    return [part] if len(words) >= 2 and words[0] in RULES.org_articles else []


def segment_byline(text: str, stop: frozenset[str]) -> list[str]:
    """A prefixed byline as one segment of a bar-separated header line ("News | 5 hours ago | By Jane Roe")."""
    for seg in SEGMENTS.split(text):
        m = RULES.byline.match(seg.strip())
        if m:
            return parse_names(m.group("names"), stop, prefixed=True) or desk(m.group("names"))
    return []


@memo_list
def lead_byline(text: str, stop: frozenset[str]) -> list[str]:
    """Names after a lead phrase inside a short line: "Kolumne von Jane Roe - 28.04.2024"."""
    m = RULES.byline_lead.search(text)
    if not m:
        return []
    return parse_names(m.group("names"), stop, prefixed=True)


def name_line(d: LineDecision, stop: frozenset[str]) -> list[str]:
    """Names of a line that holds only names (and a date, role or trailer after them)."""
    f = d.features
    if f is None or not (2 <= f.words <= _NAME_LINE_MAX_WORDS):
        return []
    text = d.text
    if text.endswith("."):  # "Jeanne Morel.": a name alone may end with a stop; a longer line is a sentence
        if f.words > _STOPPED_NAME_WORDS or text.endswith("..") or len(text.rsplit(None, 1)[-1]) <= 3:
            return []  # ("J. Roe." ends with an initial or an abbreviation: not judged)
        text = text[:-1]
    if "name_line" in d.data:
        return list(d.data["name_line"])
    got = names_only(text, stop)
    d.data["name_line"] = got
    return list(got)


@memo_list
def names_only(text: str, stop: frozenset[str]) -> list[str]:
    head = text.split(None, 3)[:3]
    if sum(1 for t in head if t[:1].isupper()) < 2 and not text.startswith((",", "&")):
        return []  # a name line opens with capitalised words
    part = name_part(_LEADING_CONNECTOR.sub("", text))
    if not part:
        return []
    # the tests of the name part alone first: parsing the names costs more than all of them
    caps = sum(1 for t in part.split() if t[:1].isupper())
    low = [t.lower() for t in part.split()]
    if part.isupper() or any(t in _UI_NOT_WIRE or t.endswith(RULES.role_suffixes) for t in low):
        return []  # "TARJETA CADUCADA", "Video Loading", "Leitender Wirtschaftsredakteur": not names
    if caps < 2 or not _coverable(part, stop):
        return []
    names = parse_names(part, stop, max_tokens=9)
    if not names or not covers(names, part):
        return []
    if all(sum(1 for t in n.split() if t[:1].isupper()) > _NAME_MAX_CAPS for n in names):
        return []  # "City Announces Night Bus Trial": a title in Title Case, not a person
    return [n for n in names if not _employer(n)]


def _employer(name: str) -> bool:
    """ "da Reuters", "de l'AFP": a particle and a wire after a person's name say where she works."""
    head, _, rest = name.partition(" ")
    return head in RULES.particles and bool(rest) and RULES.agency.fullmatch(rest) is not None


_NAME_MAX_CAPS: Final = (
    4  # capitalised words of one person's name ("Anna Maria de la Cruz Roe": particles apart)
)


def _coverable(part: str, stop: frozenset[str]) -> bool:
    """A necessary condition of covers(parse_names(part, stop), part), without parsing: covers needs every word
    of the part's pieces among the names (of all pieces but the last, when there are several), and a name's
    words are particles or name-shaped words that are no stopword ("Priya Roe Named to Lead Review": "to")."""
    pieces = [p for p in (x.strip() for x in RULES.name_split.split(part)) if p]
    for piece in pieces[:-1] or pieces:
        for t in piece.split():
            low = t.lower()
            if low not in RULES.particles and (low in stop or not _NAME_TOKEN.match(t)):
                return False
    return True


_ROLE_ALONE_WORDS: Final = 3
_STOPPED_NAME_WORDS: Final = 3


def _role_alone(d: LineDecision) -> bool:
    f = d.features
    return f is not None and f.words <= _ROLE_ALONE_WORDS and RULES.roles.match(d.text) is not None


def _names_next(nb: list[LineDecision], k: int, stop: frozenset[str]) -> bool:
    return 0 <= k < len(nb) and nb[k].label in ("", BODY, BOILERPLATE) and bool(name_line(nb[k], stop))


def more_name_lines(nb: list[LineDecision], k: int, stop: frozenset[str], step: int = 1) -> None:
    """Name-only lines next to a byline are more authors ("By" / "Jane Roe" / ", John Doe")."""
    while 0 <= k < len(nb) and nb[k].label in ("", BODY, BOILERPLATE) and "boilerplate." not in nb[k].rule:
        got = name_line(nb[k], stop)
        if not got and _role_alone(nb[k]) and _names_next(nb, k + step, stop):
            nb[k].label, nb[k].rule = BYLINE, "byline: a role alone between two name lines ('Journalist')"
            nb[k].data = {"authors": [], "role": True}  # part of the byline's run, no author of its own
            k += step  # "Jane Roe" / "Journalist" / "John Doe" / "Journalist": a name and a role per author
            continue
        if not got or all(_wire(n) for n in got):
            return  # "By Jane Roe" / "Associated Press": her employer, no second author
        nb[k].label, nb[k].rule, nb[k].data = (
            BYLINE,
            "byline: another name line beside a byline",
            {"authors": got},
        )
        k += step
