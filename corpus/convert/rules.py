"""Load the rule tables (rules/*.toml, rules/stopwords/*.txt) and compile them once, at import.

Phrase tables of every language are merged into one regex per rule family: the phrases are anchored and
distinctive, so a German "Von" prefix does no harm in an English text, and a page that mixes languages
(an English menu on a Spanish article) is still cleaned. Stopwords stay per language: they measure how
much a line reads like running text, which only works with the text's own language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

_DIR: Final = resources.files("corpus.convert") / "rules"


def _load() -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, frozenset[str]]]:
    common: dict[str, Any] = {}
    langs: dict[str, dict[str, Any]] = {}
    for entry in sorted(_DIR.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            if entry.name == "common.toml":
                common = data
            else:
                langs[str(data["language"])] = data
    stop: dict[str, frozenset[str]] = {}
    for entry in sorted((_DIR / "stopwords").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".txt"):
            words = entry.read_text(encoding="utf-8").split()
            stop[entry.name[:-4]] = frozenset(w.lower() for w in words)
    return common, langs, stop


# Where a label ends inside a token of a script written without spaces: a full-width colon or slash, "=", "/"
_WIDE_KEY_CUT: Final = re.compile(r"[：=／/]")


def first_word(text: str) -> str:
    """The key the starters table is indexed by: first token, lower case, without brackets or colons."""
    i = text.find(" ")
    head = text if i < 0 else text[:i]
    if not (head and head.isprintable()):  # white space in it (all but " " is unprintable): split properly
        parts = text.split(None, 1)
        head = parts[0] if parts else ""
    if head.isascii() or head.isalpha():
        return head.lower().strip("([:")
    # "写真：共同", "사진=홍길동", "图/新华社": scripts without spaces glue the label to the credit
    return _WIDE_KEY_CUT.split(head.lstrip("（"), maxsplit=1)[0].lower().strip("([:")


def _gather(langs: dict[str, dict[str, Any]], section: str, key: str) -> list[str]:
    out: list[str] = []
    for data in langs.values():
        out.extend(data.get(section, {}).get(key, []))
    return out


# Characters from rare to common in the languages of the tables (space last); anything else (digits, accents,
# punctuation) counts as rarer than all of them. Only speed depends on this order, never a match.
_BY_FREQUENCY: Final = "qxjzkwvyfbgpmhucdlsrnoitae "


def phrase_finder(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One regex matching where any of the phrases occurs: the finders of phrase_finders as alternatives."""
    return re.compile("|".join(f.pattern for f in phrase_finders(phrases)) or r"(?!)")


def phrase_finders(phrases: tuple[str, ...] | list[str]) -> tuple[re.Pattern[str], ...]:
    """A few regexes that together find where any of the literal phrases occurs: a pass per anchor character
    over a text instead of one per phrase. Each phrase is anchored on a rare character it holds ("cookies" on
    its "k"), and the phrases of one anchor make one regex that opens with that character: the regex engine
    skips to the next place holding it as fast as it scans (one regex opening with a choice of characters
    tests a character set at every place, and cost more than all the single-character scans together);
    from the anchor it follows the phrases' tails as a trie, and a phrase whose tail matched checks its whole
    text with a lookbehind ("k(?:ies(?<=cookies)|…)"). The anchors are chosen to cover all phrases with
    characters as rare as possible. Which phrase a match belongs to is the caller's business."""
    uniq = sorted({p for p in phrases if p})
    if not uniq:
        return ()

    def rank(ch: str) -> int:
        return _BY_FREQUENCY.find(ch)  # -1: rarer than any listed

    keep = {c for p in uniq for c in p}
    for c in sorted(keep, key=lambda c: (-rank(c), c)):  # most common first: drop it if others cover
        if all(any(d in keep and d != c for d in p) for p in uniq if c in p):
            keep.discard(c)
    groups: dict[str, list[tuple[str, str]]] = {}
    for p in uniq:
        # not on the phrase's last character where another will do: a phrase with no tail after its anchor
        # is a lookbehind tried at each place holding the anchor, while a tail's first letter fails at once
        at = min((i for i, ch in enumerate(p) if ch in keep), key=lambda i: (i == len(p) - 1, rank(p[i]), i))
        groups.setdefault(p[at], []).append((p[at + 1 :], p))

    def tails(items: list[tuple[str, str]]) -> str:
        """(tail still to match, whole phrase) -> a trie of the tails, each ending in its phrase's check."""
        ends = [f"(?<={re.escape(p)})" if len(p) > 1 else "" for rest, p in items if not rest]
        by_char: dict[str, list[tuple[str, str]]] = {}
        for rest, p in items:
            if rest:
                by_char.setdefault(rest[0], []).append((rest[1:], p))
        alts = [re.escape(c) + tails(sub) for c, sub in sorted(by_char.items())]
        alts += [""] if "" in ends else ends
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return tuple(re.compile(re.escape(c) + tails(items)) for c, items in sorted(groups.items()))


def alternation(items: list[str], fold: bool = False, after: str = "", not_after: str = "") -> str:
    """An alternation of the literal phrases that matches what "longest first" matches ("Photo credit" wins
    over "Photo"), written as a trie: "Photo(?: credit)?|Foto" instead of "Photo credit|Photo|Foto". The regex
    engine tries alternatives one by one, so a flat list of 200 agencies cost 200 tests at each place it
    was tried; the trie costs one test per character. Among phrases that match at one place, one is a prefix
    of the other, and the trie's greedy "(?:…)?" tries the longer first, as the flat list did.
    `fold`: for a pattern compiled with re.IGNORECASE (phrases merged by lower case, so that one branch per
    letter can match; when two branches could still match one letter, the flat list is kept).
    `after`: a one-character class the phrase must follow, i.e. "(?<=AFTER)(?:PHRASES)", written as a
    lookbehind at each phrase's end: a pattern that opens with the phrases' first letters lets the engine
    skip the places where none stands, one that opens with a lookbehind is tried at every place.
    `not_after`: likewise "(?<!NOT_AFTER)(?:PHRASES)": the phrase opens the text or follows another character."""
    uniq = sorted({i for i in items if i}, key=lambda s: (-len(s), s))
    trie: dict[str, Any] = {}
    for item in uniq:
        node = trie
        for ch in item:
            key = ch.lower() if fold and len(ch.lower()) == 1 else ch
            node = node.setdefault(key, {})
        node[""] = {}

    def build(node: dict[str, Any], path: str) -> str | None:
        keys = sorted(k for k in node if k)
        if fold and any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in keys for b in keys if a < b):
            return None  # two branches for one letter: which comes first would decide the match
        alts: list[str] = []
        for k in keys:
            sub = build(node[k], path + k)
            if sub is None:
                return None
            alts.append(re.escape(k) + sub)
        end = ""
        if after and "" in node:
            end = f"(?<={after}{re.escape(path)})"
        elif not_after and "" in node:
            end = f"(?<!{not_after}{re.escape(path)})"
        if not alts:
            return end
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    out = build(trie, "")
    if out is None:
        flat = "|".join(re.escape(i) for i in uniq)
        return f"(?<={after})(?:{flat})" if after else f"(?<!{not_after})(?:{flat})" if not_after else flat
    return out


def name_split_pattern(syms: list[str], words: list[str]) -> str:
    """The separators between names: `\\s*(?:,|;|\\s/\\s|SYMS)\\s*|\\s+(?:WORDS)\\s+|\\s+(?:CAPS)\\s+`. CAPS: the
    words in capitals, for "JANE ROE AND JOHN DOE" (a one-letter "E" or "Y" there is an initial)."""
    caps = [w.upper() for w in words if len(w) > 1]
    return (
        r"\s*(?:,|;|\s/\s|"
        + "|".join(re.escape(c) for c in syms)
        + r")\s*"
        + (r"|\s+(?:" + "|".join(re.escape(c) for c in words) + r")\s+" if words else "")
        + (r"|\s+(?:" + "|".join(re.escape(c) for c in caps) + r")\s+" if words else "")
    )


def name_split_fast(syms: list[str], words: list[str]) -> str:
    """name_split_pattern written to match the same spans, opening with one character class: the regex engine
    then tries only the places holding a separator or a white space (name_split_pattern opens with `\\s*`, so
    it is tried at every place). A match opens with a separator mark (then only white space follows in it) or
    a white space (then more white space and a mark, " / " or a connector word); one connector at most can
    match at a place (a word, followed by white space), so the order of the words does not matter. Falls back
    to name_split_pattern for separators of more than one character."""
    marks = [",", ";", *syms]
    caps = [w.upper() for w in words if len(w) > 1]
    if not words or not caps or any(len(m) != 1 or m.isspace() or m.isalnum() or m == "_" for m in marks):
        return name_split_pattern(syms, words)
    cls = "".join(re.escape(m) for m in sorted(set(marks)))
    rest = [f"[{cls}]", r"/\s", f"(?:{alternation(words)})\\s", f"(?:{alternation(caps)})\\s"]
    return rf"[{cls}\s](?:(?<=[{cls}])|(?<=\s)\s*(?:{'|'.join(rest)}))\s*"


@dataclass(frozen=True, slots=True)
class HeadOrAfter:
    """A case-insensitive phrase search split in two so that the regex engine can skip ahead: the phrases
    opening the text (`head.match`) or right after a separator character (`after.search`, a regex that opens
    with a class such as \\s). Phrases that open with letters under re.IGNORECASE give the engine no set of
    first characters, so "(?:^|\\s)PHRASES" was tried in full at every place of the text; a separator class
    is scanned for at C speed. The head is tried first, then separators from place 0 on: the same leftmost
    match, span and groups as "(?:^|SEP)PHRASES"."""

    head: re.Pattern[str]
    after: re.Pattern[str]

    def search(self, text: str) -> re.Match[str] | None:
        return self.head.match(text) or self.after.search(text)


@dataclass(frozen=True, slots=True)
class Rules:
    """Every compiled table the engine uses; one instance, built at import."""

    stopwords: dict[str, frozenset[str]]
    starters: frozenset[
        str
    ]  # first words of every anchored phrase: lines starting otherwise skip those rules
    # first word -> the anchored rule families with a phrase starting with it ("prevnext", "related",
    # "credit", "byline", "boiler_line", "boiler_start"): a line tries only those regexes
    starter_families: dict[str, frozenset[str]]
    # boiler_line / boiler_start as plain lookups: whole lines (lower case, a final ":.!" dropped) and, per
    # first word, the lower-case phrases a line may start with (longest first). Same matches as the regexes,
    # at a fraction of the cost of a 300-way alternation tried phrase by phrase.
    boiler_line_set: frozenset[str]
    boiler_starts_by_word: dict[str, tuple[str, ...]]
    title_case_langs: frozenset[str]
    particles: frozenset[str]
    inner_particles: frozenset[str]  # "der", "den": a particle only right after another one ("von der")
    given_names: frozenset[str]  # lower case: common given names, to split names printed without separators
    # lower case: words that a dump glues to a name's last letter ("RoeMarch 3", "ExnerKorrespondent")
    glue_words: frozenset[str]
    ui_words: frozenset[str]  # words of the button/menu tables and name.non_name_words: never in a name
    title_caption_ends: tuple[str, ...]  # "（警視庁提供）": a caption's courtesy line, never a title's end
    title_never_last: frozenset[
        str
    ]  # conjunctions and articles: a line ending with one is cut text, no title
    player_lines: frozenset[
        str
    ]  # lower case: a video player's controls; the line beside them titles the video
    cjk_roles: frozenset[str]  # "记者", "기자": roles beside a name in scripts without capitals or spaces
    role_suffixes: tuple[str, ...]  # lower-case roles: "Wirtschaftsredakteur" ends with one, so it is no name
    month_numbers: dict[str, int]
    # language -> "day-month" / "month-day": how its slash dates with both parts <= 12 read by default
    # (a language without one, English, takes the order from the document: fields/dates.py)
    slash_dates: dict[str, str]
    credit_kinds: dict[str, str]
    credit_weak: frozenset[
        str
    ]  # labels that also cite a text's source ("Quelle"): inline only after a short caption
    boiler_line: re.Pattern[str]
    boiler_start: re.Pattern[str]
    boiler_keywords: tuple[str, ...]  # lower case; matched as substrings of the lower-cased line
    # boiler_keywords by the text's language: the common and English phrases (international page
    # furniture) and the language's own; a language without a table gets them all. A text is not searched
    # for the phrases of a dozen languages it is not written in.
    keywords_by_lang: dict[str, tuple[str, ...]]
    keyword_max_words: int
    more_links: frozenset[str]  # lower case, no final punctuation: "read more", "weiterlesen"
    summary_boxes: frozenset[str]  # lower case: "key points", "auf einen blick"
    contents_headers: frozenset[str]  # lower case: "table of contents", "inhaltsverzeichnis"
    caption_label: re.Pattern[str]  # "Image caption …", "Media caption …": a caption the page labels so
    # lower case, with their final space: "end of ", "ende der ": a box's closing line, its header's words after it
    box_ends: tuple[str, ...]
    # lower case, by language ("" = any text); like boiler_keywords, but in a line of any length (a long
    # promo). Only the text's own language is searched: the whole text is scanned once per phrase.
    notices: dict[str, tuple[str, ...]]
    # by language code (as `notices`): phrase_finders of boiler_keywords and that language's notices together
    phrases_any: dict[str, tuple[re.Pattern[str], ...]]
    counter: re.Pattern[str]
    prevnext: re.Pattern[str]
    related_label: re.Pattern[str]
    related_header: re.Pattern[str]
    byline: re.Pattern[str]
    byline_bare: re.Pattern[str]
    byline_words: frozenset[str]  # the one-word lower-case prefixes ("by", "von"): "… 2024 by Jane Roe"
    name_split: re.Pattern[str]
    roles: re.Pattern[str]
    role_words: HeadOrAfter  # a role phrase opening a word (as `roles` matches it): a gate before `roles`
    role_lead: re.Pattern[
        str
    ]  # a role before the name ("Korrespondentin Jana Roth"): dropped, the name stays
    name_places: re.Pattern[str]  # "Jane Roe in Berlin", "Jana Roth aus Bonn": where the author writes from
    wire_words: frozenset[str]  # lower case: words of a wire's or publisher's name ("Associated Press")
    org_articles: frozenset[str]  # "The", "Les": a byline opening with one names a publisher
    desk_words: frozenset[str]  # "Staff", "Redaktion": a byline naming a desk, not a person
    name_trailers: re.Pattern[str]  # words after a byline's names that end the name part
    byline_lead: HeadOrAfter  # "Kolumne von", "Analysis by": names follow, anywhere in a short line
    credit_start: re.Pattern[str]
    credit_inline: re.Pattern[str]
    credit_glued: re.Pattern[str]  # "…World CupCredit: PA": a capitalised label glued to the caption's end
    credit_label_alone: re.Pattern[str]  # "Image:" alone: the credit is on the next line
    credit_copyright: re.Pattern[str]
    credit_agency_end: re.Pattern[str]
    # "…を行う吉田技官（警視庁提供）": a caption ending in a full-width bracket that names who provided or took the
    # picture (the tables' credit.courtesy words, CJK captions' way of crediting)
    credit_courtesy: re.Pattern[str]
    agency: re.Pattern[str]
    agency_words: frozenset[str]  # every word of the agency names, lower case ("getty", "images", "dpa")
    # `agency` split in two for a truth test (scan.agency_named): the name opening the text (agency_head.match)
    # or after a separator (agency_sep.search: a regex that opens with the separator, so that the regex engine
    # only tries the places that hold one; `agency` is tried at every place)
    agency_head: re.Pattern[str]
    agency_sep: re.Pattern[str]
    credit_tail_names: frozenset[str]  # lower case: agencies' full names, a credit only after a caption
    date_dmy: re.Pattern[str]
    date_mdy: re.Pattern[str]
    date_dmy_ascii: re.Pattern[str]  # date_dmy and date_mdy for ASCII lines: the same matches, faster
    date_mdy_ascii: re.Pattern[str]
    date_iso: re.Pattern[str]
    date_num: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_time: re.Pattern[str]  # "5 hours ago", "vor 2 Stunden": a date line without a date
    bio: re.Pattern[str]
    bio_header: re.Pattern[str]
    bio_about: re.Pattern[str]  # "About Jane Roe": an author box's header, the person's name after the words
    bio_header_first_words: frozenset[str]  # first words (first_word) of bio_header and bio_about phrases
    dateline: re.Pattern[str]


# A number's first digit, at a word's start: "\b\d" written digit first, so that the regex engine only tries
# the places that hold a digit (a pattern that opens with \b or a lookbehind is tried at every place).
_NUM_START: Final = r"\d(?<!\w\d)"
# "Foto: Jane Roe. Styling: John Doe. Haare: …": further "Label: value" parts after the credit are not it
_MORE_LABELS: Final = r"(?:\.\s+[A-ZÀ-Þ][\w-]{1,20}(?:\s[\w-]{1,20})?:.*)?"


# Separators after a credit label besides ":" and "by": a full-width colon or slash ("写真：共同"), "=" ("사진=홍길동"),
# a slash after a label in a script without spaces ("图/新华社"), nothing but a space after an abbreviated label
# ending in a period ("Fot. Jan Nowak")
_WIDE_SEPARATORS: Final = r"：|=|／|(?<=[^\x00-\x7f])/|(?<=\.)(?=\s)"

_CJK_CHARS: Final = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$")

_SLASH_ORDERS: Final = ("day-month", "month-day")


def _slash_dates(langs: dict[str, dict[str, Any]]) -> dict[str, str]:
    out = {k: str(v.get("slash_dates", "")) for k, v in langs.items()}
    bad = {k: v for k, v in out.items() if v and v not in _SLASH_ORDERS}
    if bad:
        raise ValueError(f"rules: slash_dates must be one of {_SLASH_ORDERS} or empty, got {bad}")
    return {k: v for k, v in out.items() if v}


def _date_dmy(month_alt: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<d>"
        + _NUM_START
        + r"\d?)(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<m>"
        + month_alt
        + r")\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )


def _date_mdy(month_alt: str) -> re.Pattern[str]:
    return re.compile(
        r"\b(?P<m>" + month_alt + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )


def _compile() -> Rules:
    common, langs, stop = _load()
    cb = common.get("boilerplate", {})
    flags = re.IGNORECASE

    # Month names: full names, given abbreviations, and 3+ letter prefixes of full names.
    months: dict[str, int] = {}
    for data in langs.values():
        for name, num in data.get("months", {}).items():
            low = name.lower().rstrip(".")
            months[low] = int(num)
            for k in range(3, len(low)):
                months.setdefault(low[:k], int(num))
    month_alt = alternation(sorted(months), fold=True)
    # the month names an ASCII text can match (case folding maps "ı", "ſ", "K" to ASCII letters): the patterns
    # for ASCII lines, most lines, without the branches of other scripts the regex engine would try at each place
    month_ascii = alternation(
        sorted(m for m in months if all(c.isascii() or c in "ıİſK" for c in m)), fold=True
    )

    kinds: dict[str, str] = {}
    for kind in ("photo", "video", "illustration", "graphic"):
        for label in _gather(langs, "credit", kind):
            kinds[label.lower()] = kind
    label_alt = alternation(list(kinds), fold=True)
    agencies = list(common.get("credit", {}).get("agencies", []))
    # "IMAGO", "Imago", "imago": the agency's name in any of the cases publishers print it (short ones stay exact)
    agencies += [v for a in agencies if len(a) >= 4 for v in (a.upper(), a.capitalize(), a.lower())]
    agency_alt = alternation(agencies)
    marks_alt = alternation(common.get("credit", {}).get("copyright_marks", ["©"]))

    prefixes = _gather(langs, "byline", "prefixes")
    connectors = _gather(langs, "byline", "connectors")
    roles = _gather(langs, "byline", "roles")
    qualifiers = _gather(langs, "byline", "role_qualifiers")
    trailers = _gather(langs, "byline", "trailers")
    leads = _gather(langs, "byline", "leads")
    prefix_alt = alternation(prefixes)  # case-sensitive: "By" is a byline, "by" a sentence

    conn_words = [c for c in connectors if c.isalpha()]
    conn_syms = [c for c in connectors if not c.isalpha()]
    name_split = name_split_pattern(conn_syms, conn_words)

    prev = _gather(langs, "related", "previous")
    nxt = _gather(langs, "related", "next")
    rel_labels = _gather(langs, "related", "labels")
    caption_labels = _gather(langs, "credit", "caption_labels")

    weekdays = [w for d in langs.values() for w in d.get("weekdays", [])]
    bio_verbs = _gather(langs, "bio", "verbs")
    bio_headers = _gather(langs, "bio", "headers")
    # possessive: a name token ends where white space or a colon follows, so giving back letters never helps
    name_tok = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]++"

    families: dict[str, list[str]] = {
        "prevnext": prev + nxt,
        "related": rel_labels,
        "credit": list(kinds),
        "byline": prefixes + leads,  # a lead alone ("Kommentar von") is a bare prefix: names on the next line
        "boiler_line": cb.get("lines", []) + _gather(langs, "boilerplate", "lines"),
        "boiler_start": cb.get("starts", []) + _gather(langs, "boilerplate", "starts"),
        "caption": caption_labels,
    }
    by_word: dict[str, set[str]] = {}
    for fam, phrases in families.items():
        for p in phrases:
            if p.strip():
                by_word.setdefault(first_word(p), set()).add(fam)
    starter_families = {w: frozenset(fams) for w, fams in by_word.items()}
    starts_by_word: dict[str, list[str]] = {}
    for p in families["boiler_start"]:
        if p:
            starts_by_word.setdefault(first_word(p), []).append(p.lower())
    starters = frozenset(starter_families)
    keywords = tuple(
        sorted({k.lower() for k in cb.get("keywords", []) + _gather(langs, "boilerplate", "keywords")})
    )
    english = list(langs.get("en", {}).get("boilerplate", {}).get("keywords", []))
    keywords_by_lang = {
        code: tuple(
            sorted(
                {
                    k.lower()
                    for k in cb.get("keywords", []) + english + d.get("boilerplate", {}).get("keywords", [])
                }
            )
        )
        for code, d in langs.items()
    }
    notices = {
        code: tuple(sorted({k.lower() for k in cb.get("notices", []) + list(extra)}))
        for code, extra in [("", [])]
        + [(c, d.get("boilerplate", {}).get("notices", [])) for c, d in langs.items()]
    }
    return Rules(
        stopwords=stop,
        starters=starters,
        starter_families=starter_families,
        boiler_line_set=frozenset(p.lower() for p in families["boiler_line"] if p),
        boiler_starts_by_word={
            w: tuple(sorted(set(ps), key=lambda x: (-len(x), x))) for w, ps in starts_by_word.items()
        },
        title_case_langs=frozenset(k for k, v in langs.items() if v.get("title_case_headings")),
        slash_dates=_slash_dates(langs),
        particles=frozenset(common.get("name", {}).get("particles", [])),
        inner_particles=frozenset(common.get("name", {}).get("inner_particles", [])),
        given_names=frozenset(w.lower() for w in _gather(langs, "name", "given")),
        glue_words=frozenset(
            w.lower()
            for phrase in roles + qualifiers + trailers + list(common.get("name", {}).get("org_articles", []))
            for w in phrase.split()[:1]
        )
        | frozenset(m for m in months if len(m) >= 3)
        | frozenset(w.lower() for w in _gather(langs, "name", "given")),
        ui_words=frozenset(
            w.lower()
            for phrase in cb.get("lines", []) + _gather(langs, "boilerplate", "lines")
            for w in phrase.split()
            if len(w) > 2 and w[0].isalpha()
        )
        | frozenset(w.lower() for w in common.get("name", {}).get("non_name_words", [])),
        title_caption_ends=tuple(
            common.get("headline", {}).get("caption_ends", []) + _gather(langs, "headline", "caption_ends")
        ),
        title_never_last=frozenset(
            w.lower()
            for w in common.get("headline", {}).get("never_last", [])
            + _gather(langs, "headline", "never_last")
        ),
        player_lines=frozenset(
            w.lower()
            for w in common.get("headline", {}).get("player", []) + _gather(langs, "headline", "player")
        ),
        cjk_roles=frozenset(r for r in _gather(langs, "byline", "roles") if _CJK_CHARS.match(r)),
        role_suffixes=tuple(sorted({r.lower() for r in _gather(langs, "byline", "roles") if len(r) >= 6})),
        month_numbers=months,
        credit_kinds=kinds,
        credit_weak=frozenset(w.lower() for w in _gather(langs, "credit", "weak")),
        boiler_line=re.compile(
            r"^(?:"
            + alternation(cb.get("lines", []) + _gather(langs, "boilerplate", "lines"), fold=True)
            + r")\s*[:.!]?$",
            flags,
        ),
        boiler_start=re.compile(
            r"^(?:"
            + alternation(cb.get("starts", []) + _gather(langs, "boilerplate", "starts"), fold=True)
            + r")",
            flags,
        ),
        boiler_keywords=keywords,
        keywords_by_lang=keywords_by_lang,
        keyword_max_words=int(cb.get("keyword_max_words", 40)),
        more_links=frozenset(m.lower() for m in _gather(langs, "boilerplate", "more_links")),
        summary_boxes=frozenset(m.lower() for m in _gather(langs, "boilerplate", "summary_boxes")),
        contents_headers=frozenset(m.lower() for m in _gather(langs, "boilerplate", "contents")),
        caption_label=re.compile(
            r"^(?P<label>"
            + alternation(caption_labels or ["\x00"], fold=True)
            + r")[,:]?\s*(?P<caption>\S.*)$",
            flags,
        ),
        box_ends=tuple(sorted({m.lower().strip() + " " for m in _gather(langs, "boilerplate", "box_ends")})),
        notices=notices,
        phrases_any={
            code: phrase_finders(keywords_by_lang.get(code, keywords) + ps) for code, ps in notices.items()
        },
        counter=re.compile(
            r"^(?:\d[\d,.\s]*[KkMm]?\+?\s+(?:"
            + alternation(cb.get("counter_words", []), fold=True)
            + r")\b.{0,30}|\d[\d,.]*[KkMm]?)$",
            flags,
        ),
        prevnext=re.compile(
            r"^(?:(?P<previous>"
            + alternation(prev, fold=True)
            + r")|(?P<next>"
            + alternation(nxt, fold=True)
            + r"))\s*[:：»›>-]?\s*(?P<title>.*)$",
            flags,
        ),
        related_label=re.compile(
            r"^(?P<label>"
            + alternation(rel_labels, fold=True)
            + r")(?:\s*[:»›|>–—-]\s*(?P<title>\S.*)|\s*[:»›>]?\s*)$",
            flags,
        ),
        # "More from Business", "Mehr zum Thema bei Plus": a label of two words or more and a short tail (a
        # section or a site) heads a list of links; one-word labels ("More", "Watch") also open sentences
        related_header=re.compile(
            r"^(?P<label>"
            + alternation([x for x in rel_labels if " " in x.strip()], fold=True)
            + r")\s+[^\s.!?:,;]+(?:\s+[^\s.!?:,;]+){0,2}$",
            flags,
        ),
        # "By: Jane Roe"; "作者：王小明": no space after a prefix that ends in a full-width colon or a slash
        byline=re.compile(r"^(?P<prefix>" + prefix_alt + r")(?:\s*:)?(?:\s+|(?<=[：/]))(?P<names>\S.*)$"),
        byline_words=frozenset(p for p in prefixes if p.isalpha() and p.islower()),
        byline_bare=re.compile(r"^(?:" + prefix_alt + "|" + alternation(leads) + r")\s*:?$"),
        name_split=re.compile(name_split_fast(conn_syms, conn_words)),
        roles=re.compile(
            r"\s*(?:[,|–—-]\s*)?\b(?:(?:"
            + alternation(qualifiers, fold=True)
            + r")\s+)*(?:"
            + alternation(roles, fold=True)
            + r")\b.*$",
            flags,
        ),
        role_words=HeadOrAfter(  # `roles` has \b before the role, whose first letter is a word character
            re.compile(alternation(roles, fold=True), flags),
            re.compile(r"\W(?:" + alternation(roles, fold=True) + ")", flags),
        ),
        role_lead=re.compile(
            r"^(?:(?:"
            + alternation(qualifiers)
            + r")\s+)*(?:"
            + alternation(roles)
            + r")\s*:?\s+(?=[A-ZÀ-Þ])"
        ),
        name_places=re.compile(
            r"\s+(?:"
            + alternation(_gather(langs, "byline", "places"))
            + r")\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,2}(?=\s*$|\s*[,;|/&]|"
            + name_split
            + ")"  # the place ends the name: "Jane Roe in Berlin", "… in Rome and John Doe in Bonn"
        ),
        wire_words=frozenset(w.lower() for w in common.get("name", {}).get("wire_words", [])),
        org_articles=frozenset(common.get("name", {}).get("org_articles", [])),
        desk_words=frozenset(w.lower() for w in _gather(langs, "byline", "desks")),
        name_trailers=re.compile(r"\s\s*(?:" + alternation(trailers) + r")\b.*$"),
        byline_lead=HeadOrAfter(
            re.compile(r"(?:" + alternation(leads, fold=True) + r")\s+(?P<names>\S.*)$", flags),
            re.compile(r"\s(?:" + alternation(leads, fold=True) + r")\s+(?P<names>\S.*)$", flags),
        ),
        credit_start=re.compile(
            r"^[(（]?(?P<label>"
            + label_alt
            + r")(?:\s+credits?)?\s*(?::|(?:"
            + alternation(["by", "von", "de", "di", "par", "por", "door", "av", "af"], fold=True)
            + r")\b|"
            + _WIDE_SEPARATORS
            + r")\s*(?P<credit>\S.{0,160}?)[)）]?$",
            flags,
        ),
        credit_glued=re.compile(
            r"(?P<label>"  # "…VALENTINOFoto: X": after a word in capitals too
            + alternation(
                # a glued label shows by its capital: labels of scripts without capitals cannot be told
                [k[:1].upper() + k[1:] for k in kinds if k[:1].upper().isupper()],
                after=r"(?:[\s\S][a-zß-ÿ.!?)\]]|[A-ZÀ-Þ]{2})",
            )
            + r")(?:\s+credits?)?\s*:\s*(?P<credit>[^:]{2,160}?)"
            + _MORE_LABELS
            + r"[)\]]?$"
        ),
        credit_label_alone=re.compile(r"^\(?(?P<label>" + label_alt + r")(?:\s+credits?)?\s*:\s*$", flags),
        credit_inline=re.compile(
            r"(?:^|[\s(\[（|–—-])[(（]?(?P<label>"
            + label_alt
            + r")(?:\s+credits?)?\s*[:：=]\s*(?P<credit>[^:：=]{2,160}?)"
            + _MORE_LABELS
            + r"[)\]）]?$",
            flags,
        ),
        credit_copyright=re.compile(
            r"^(?P<caption>.*?)[\s(|–—-]*(?:" + marks_alt + r")\s*(?P<credit>[^©]{2,120}?)\)?$"
        ),
        credit_courtesy=re.compile(
            r"^.{4,}?（[^（）]{1,40}?\s*(?:"
            + alternation(_gather(langs, "credit", "courtesy") or ["\x00"])
            + r")）$"
        ),
        credit_agency_end=re.compile(
            r"^(?P<caption>.{8,}?)\s*[(\[]?(?P<credit>(?:[^()\[\]]{0,60}/\s*)?\b(?:"
            + agency_alt
            + r")\b(?:\s*(?:Photo|Images?|Foto))?(?:\s*/[^()\[\]]{0,60})?)[)\]]$"
        ),
        agency=re.compile(r"(?:^|[\s/(\[|])(?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),  # "(AFP)", "[Nasa]"
        agency_words=frozenset(w.lower() for a in agencies for w in a.split()),
        agency_head=re.compile(r"(?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),
        agency_sep=re.compile(r"[\s/(\[|](?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),
        credit_tail_names=frozenset(n.lower() for n in common.get("credit", {}).get("tail_names", [])),
        date_dmy=_date_dmy(month_alt),
        date_mdy=_date_mdy(month_alt),
        date_dmy_ascii=_date_dmy(month_ascii),
        date_mdy_ascii=_date_mdy(month_ascii),
        date_iso=re.compile(
            r"(?P<y>(?:19|20)(?<!\w\d\d)\d{2})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b"
        ),
        date_num=re.compile(r"(?P<d>" + _NUM_START + r"\d?)\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})\b"),
        relative_time=re.compile(
            r""
            + _NUM_START
            + r"\d*\s*(?:"
            + alternation([u for d in langs.values() for u in d.get("time_units", [])], fold=True)
            + r")\b",
            flags,
        ),
        weekday=re.compile(r"^(?:" + alternation(weekdays, fold=True) + r")\b", flags),
        bio=re.compile(
            r"^(?P<name>"
            + name_tok
            + r"(?:\s+(?:"
            + name_tok
            + r"|von|van|de|der|da|di|del|la|le|al|bin)){1,4})\s+(?:"
            + alternation(bio_verbs)
            + r")\b"
        ),
        bio_header=re.compile(r"^(?:" + alternation(bio_headers, fold=True) + r")\s*:?$", flags),
        bio_header_first_words=frozenset(
            first_word(p) for p in bio_headers + _gather(langs, "bio", "about") if p.strip()
        ),
        bio_about=re.compile(
            r"^(?:"
            + alternation(_gather(langs, "bio", "about"))
            + r")\s+"
            + name_tok
            + r"(?:\s+(?:"
            + name_tok
            + r"|von|van|de|der|da|di|del|la|le)){1,3}\s*:?$"
        ),
        dateline=re.compile(
            r"^(?P<dateline>[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,}(?:,\s*[A-ZÀ-Þ][\w.]+(?:\s[A-ZÀ-Þ][\w.]+)?)*\s*(?:\((?:Reuters|AP|AFP|UPI|dpa|AFX|EFE|KNA|epd|APA|SID)\)|/(?:Reuters|AP|AFP|UPI|dpa)))\s*[-—–:]\s*"
        ),
    )


RULES: Final = _compile()
