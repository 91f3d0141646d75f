"""The converter's speed mechanisms (memoised tests, gates, whole-text scans) must not change a decision."""

from __future__ import annotations

import random
import re
from pathlib import Path

from corpus.convert import convert_bytes, explain_bytes, memo
from corpus.convert.decision import LineDecision
from corpus.convert.features import all_features, line_features
from corpus.convert.fields import names
from corpus.convert.fields.dates import find_date
from corpus.convert.pairing import _restated_captions
from corpus.convert.patterns import first_word, name_split_fast, name_split_pattern
from corpus.convert.rules import RULES

_STOP = RULES.stopwords["en"]

_INVENTED = """Harbour Town Opens Its New Bridge After Years of Delay

By Jane Roe and John Doe

March 3, 2024

The long-awaited bridge over the harbour opened on Monday, and the mayor was the first to cross it on foot.

Crowds gathered on both banks of the river to watch the ceremony, which was delayed by an hour of rain.

The mayor cuts the ribbon on the new bridge
Photo: John Doe / Example Agency

Read more

Related: Ferry service ends after eighty years
"""


def test_memo_list_hands_out_fresh_lists() -> None:
    first = names.parse_names("Jane Roe and John Doe", _STOP)
    first.append("changed by the caller")
    assert names.parse_names("Jane Roe and John Doe", _STOP) == ["Jane Roe", "John Doe"]


def test_memoised_tests_agree_with_the_plain_functions() -> None:
    lines = [
        "By Jane Roe and John Doe",
        "Jane Roe, Example Agency",
        "Kolumne von Jana Roth - 28.04.2024",
        "Updated March 3, 2024 at 10:00",
        "The mayor cuts the ribbon (Photo: John Doe / AFP)",
        "",
    ]
    plain_parse = names.parse_names.__wrapped__  # type: ignore[attr-defined]
    plain_only = names.names_only.__wrapped__  # type: ignore[attr-defined]
    for text in lines:
        for _ in range(2):  # the second call is answered from the cache
            assert names.parse_names(text, _STOP) == plain_parse(text, _STOP)
            assert names.parse_names(text, _STOP, single_ok=True) == plain_parse(text, _STOP, single_ok=True)
            assert names.names_only(text, _STOP) == plain_only(text, _STOP)
            got, want = find_date(text), find_date.__wrapped__(text)  # type: ignore[attr-defined]
            assert _date_key(got) == _date_key(want)


def _date_key(found: tuple[str, re.Match[str]] | None) -> tuple[str, tuple[int, int]] | None:
    return (found[0], found[1].span()) if found else None


def test_caches_are_emptied_per_document(seed_path: Path) -> None:
    convert_bytes(_INVENTED.encode(), id="a", file="a.txt")
    assert any(c.cache_info().currsize for c in memo._CACHES)
    memo.clear()
    assert not any(c.cache_info().currsize for c in memo._CACHES)


def test_a_document_converts_alike_whatever_came_before(seed_path: Path) -> None:
    seed = seed_path.read_bytes()
    alone = convert_bytes(seed, id="s", file="s.txt")
    convert_bytes(_INVENTED.encode(), id="a", file="a.txt")
    again = convert_bytes(seed, id="s", file="s.txt")
    assert again == alone
    first = [(d.label, d.rule) for d in explain_bytes(_INVENTED.encode())]
    explain_bytes(seed)
    assert [(d.label, d.rule) for d in explain_bytes(_INVENTED.encode())] == first


def test_fast_name_split_matches_the_plain_pattern() -> None:
    """The name separator regex is compiled in a form that opens with a character class; it must split every
    text where the plain pattern does, at the same places (random texts of separators, spaces and words)."""
    words = ["and", "und", "y", "e", "et", "en", "og", "with"]
    syms = ["&", "+"]
    plain = re.compile(name_split_pattern(syms, words))
    fast = re.compile(name_split_fast(syms, words))
    assert fast.pattern != plain.pattern
    pieces = [
        " ",
        "  ",
        ",",
        ";",
        "&",
        "+",
        "/",
        " / ",
        "\t",
        "\u00a0",
        "and",
        "AND",
        "e",
        "E",
        "et",
        "y",
        "Y",
    ]
    pieces += ["Jane", "Roe", "en", "EN", "with", "x", "-", "og", "und"]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert fast.split(text) == plain.split(text), repr(text)
        a, b = plain.search(text), fast.search(text)
        assert (a.span() if a else None) == (b.span() if b else None), repr(text)
    assert name_split_fast(["&&"], words) == name_split_pattern(["&&"], words)  # a long separator: plain


def test_gates_never_skip_a_match() -> None:
    """Each gate is a necessary condition of the regex it guards: where the gate finds nothing, the regex
    finds nothing either (random texts of names, digits, marks, role and connector words)."""
    pieces = [
        "Jane",
        "Roe",
        "McDonald",
        "JANE",
        " ",
        ",",
        ";",
        "|",
        "•",
        "·",
        "(",
        ")",
        "-",
        "–",
        "—",
        "3",
        "٣",
    ]
    pieces += ["Editor", "editor", "Reporter", "Korrespondentin", "senior", "Redakteur", "@", "@jane", "://"]
    pieces += ["https://x.example/a", "é", "É", "ß", "RoeMarch", "x", "_", "."]
    rnd = random.Random(11)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9)))
        if not names._CUT_CHARS.search(text):
            assert not names._CUT.search(text), repr(text)
        if not RULES.role_words.search(text):
            assert not RULES.roles.search(text), repr(text)
        assert bool(names._GLUE_PAIR.search(text)) == bool(names._GLUE.search(text)), repr(text)
        if "@" not in text and "://" not in text:
            assert names._HANDLE.sub("", text) == text, repr(text)


def test_coverable_holds_wherever_the_names_cover_the_part() -> None:
    """names_only skips parsing a name part that fails _coverable: that must never skip a line of names
    (random parts of names, particles, stopwords, connectors, separators and digits)."""
    words = ["Jane", "Roe", "John", "Doe", "Anna", "Maria", "McDonald", "van", "der", "von", "de", "la"]
    words += ["the", "The", "and", "und", "of", "to", "Review", "Named", "Ana", "JANE", "ROE", "Press"]
    words += ["Associated", "Reuters", "Washington", "Staff", "Jr.", "O'Neil", "Müller", "3", "x", "É"]
    seps = [" ", " ", " ", ", ", " and ", " & ", " / ", "; ", " - ", " | "]
    rnd = random.Random(5)
    covered = 0
    for _ in range(20000):
        n = rnd.randint(1, 7)
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(n)).strip(" ,;/&|-")
        if not text:
            continue
        got = names.parse_names(text, _STOP, max_tokens=9)
        if got and names.covers(got, text):
            covered += 1
            assert names._coverable(text, _STOP), repr(text)
    assert covered > 500  # the sample holds many lines of names


def test_head_or_after_finds_what_the_single_regex_finds() -> None:
    """`byline_lead` split into a head match and a search after a space finds the same leftmost match (span
    and names) as "(?:^|\\s)LEADS…" in one regex, on random texts of lead phrases, names, spaces and marks."""
    lead = RULES.byline_lead
    single = re.compile(r"(?:^|\s)" + lead.head.pattern, lead.head.flags)
    pieces = ["Kolumne von", "A column by", "ANALYSIS BY", "Opinión de", "éditorial de", "by", "von", "de"]
    pieces += ["Jane", "Roe", " ", "  ", "\t", ",", "-", "é", "Ä", "x", "Column", "kolumne"]
    rnd = random.Random(5)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        a, b = single.search(text), lead.search(text)
        assert (a is None) == (b is None), repr(text)
        if a is not None and b is not None:
            assert (a.span(), a.group("names")) == (b.span(), b.group("names")), repr(text)


def test_first_word_is_the_first_token() -> None:
    def plain(text: str) -> str:
        parts = text.split(None, 1)
        return parts[0].lower().strip("([:") if parts else ""

    pieces = [" ", "\x85", "\u00a0", "\u2009", "\t", "(", ":", "Foto", "By", "É", "x", "\u3000", ""]
    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert first_word(text) == plain(text), repr(text)


def _restated_plainly(nb: list[LineDecision]) -> None:
    """The restated-caption pass as first written: every paragraph's words kept, every candidate compared."""
    last = max((k for k, d in enumerate(nb) if _candidate(d)), default=-1)
    seen: set[tuple[str, ...]] = set()
    for d in nb[: last + 1]:
        f = d.features
        if f is None or f.words < 12:
            continue
        key = tuple(re.findall(r"\w+", d.text.lower()))
        if f.ends_sentence:
            seen.add(key)
        elif key in seen and (not d.label or d.rule.startswith("repeated line")):
            d.label, d.rule = "credit", "caption: an earlier paragraph restated without its stop"
            d.data = {"kind": "photo", "caption": d.text}


def _candidate(d: LineDecision) -> bool:
    f = d.features
    free = not d.label or d.rule.startswith("repeated line")
    return f is not None and f.words >= 12 and not f.ends_sentence and free


def test_restated_captions_match_the_plain_pass() -> None:
    words = ["The", "the", "mayor", "bridge", "opened", "on", "Monday", "crowds", "river", "—", "«", "Ünal"]
    rnd = random.Random(5)
    for _ in range(400):
        texts = []
        for _ in range(rnd.randint(1, 12)):
            text = " ".join(rnd.choice(words) for _ in range(rnd.randint(10, 14)))
            if texts and rnd.random() < 0.3:  # a copy of an earlier line, with or without its stop
                text = rnd.choice(texts).rstrip(".")
            texts.append(text + rnd.choice([".", "", "", "!"]))
        got, want = _decisions(texts, rnd), _decisions(texts, random.Random(0))
        for a, b in zip(got, want, strict=True):
            b.label, b.rule = a.label, a.rule  # the same labels going in
        _restated_captions(got)
        _restated_plainly(want)
        assert [(d.label, d.rule, d.data) for d in got] == [(d.label, d.rule, d.data) for d in want]


def _decisions(texts: list[str], rnd: random.Random) -> list[LineDecision]:
    out = []
    for i, t in enumerate(texts):
        d = LineDecision(i, t, "", "", line_features(t, frozenset()))
        if rnd.random() < 0.2:
            d.label, d.rule = rnd.choice([("boilerplate", "repeated line: 3 times"), ("body", "good")])
        out.append(d)
    return out


def test_all_features_measures_each_line_as_line_features() -> None:
    lines = [
        "Harbour Town Opens Its New Bridge",
        "",
        "«The bridge is open.»",
        "Mehr unter www.example.org und per Mail an x@example.org",
        "Wait for it...",
        "東京都の新しい橋が開通した。",
        "",
        "",
        "(Photo: John Doe / AFP)",
        "One more line in the block?",
        "Last line",
    ]
    stop = RULES.stopwords["en"]
    got = all_features(lines, stop)
    for text, f in zip(lines, got, strict=True):
        if not text:
            assert f is None
            continue
        assert f is not None
        want = line_features(text, stop)
        assert (f.words, f.chars, f.ends_sentence, f.has_url) == (
            want.words,
            want.chars,
            want.ends_sentence,
            want.has_url,
        )
    blocks = [(f.block, f.block_size, f.block_pos) for f in got if f is not None]
    assert blocks == [(0, 1, 0), (1, 4, 0), (1, 4, 1), (1, 4, 2), (1, 4, 3), (2, 3, 0), (2, 3, 1), (2, 3, 2)]
