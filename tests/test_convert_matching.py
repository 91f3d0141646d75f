"""The converter's matching machinery gives the answers of the plain, slow way of asking the same question."""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.convert.decode import _ANY_ODD, normalise, word_count
from corpus.convert.features import all_features
from corpus.convert.fields import credits
from corpus.convert.language import _MAX_TOKENS, _TOKEN, tokens_of
from corpus.convert.patterns import alternation, phrase_finder, phrase_finders
from corpus.convert.ruleparts.dates import _NUM_START
from corpus.convert.rules import RULES
from corpus.convert.scan import agency_named, keyword_lines

# a small alphabet, so that phrases overlap, share heads and tails, and occur by chance in the text
_ALPHABET = "abkv -é\n"
_phrases = st.lists(st.text(alphabet=_ALPHABET.strip("\n"), min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_phrases, st.text(alphabet=_ALPHABET, max_size=120))
def test_phrase_finder_finds_every_line_holding_a_phrase(phrases: list[str], text: str) -> None:
    finder = phrase_finder(phrases)
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    found = set()
    pos = 0
    while (m := finder.search(text, pos)) is not None:
        line = max(i for i, s in enumerate(starts) if s <= m.start())
        assert any(p in text[max(0, m.start() - len(p) + 1) : m.start() + len(p)] for p in phrases)
        found.add(line)
        pos = m.start() + 1
    assert found == {i for i, x in enumerate(lines) if any(p in x for p in phrases)}


@settings(max_examples=300, deadline=None)
@given(_phrases, st.text(alphabet=_ALPHABET, max_size=120))
def test_phrase_finders_each_open_with_their_anchor_and_find_every_phrase(
    phrases: list[str], text: str
) -> None:
    finders = phrase_finders(phrases)
    assert all(f.pattern[:1] not in "(|[" for f in finders)  # a literal first: the engine skips to it
    lines = text.split("\n")
    hit = {i for i, x in enumerate(lines) if any(f.search(x) for f in finders)}
    assert hit == {i for i, x in enumerate(lines) if any(p in x for p in phrases)}


def _keyword_lines_plainly(lines: list[str], lang: str | None) -> dict[int, str]:
    out: dict[int, str] = {}
    feats = all_features(lines, frozenset())
    notices = RULES.notices.get(lang or "", RULES.notices[""])
    keywords = RULES.keywords_by_lang.get(lang or "", RULES.boiler_keywords)  # a text's own language's
    for i, (line, f) in enumerate(zip(lines, feats, strict=True)):
        if f is None:
            continue
        low = line.lower()
        kw = next((k for k in keywords if k in low), None) if f.words <= RULES.keyword_max_words else None
        kw = kw or next((k for k in notices if k in low), None)
        if kw:
            out[i] = kw
    return out


_pieces = st.sampled_from(
    [
        *RULES.boiler_keywords[:40],
        *RULES.notices["en"],
        "Newsletter",
        "COOKIES",
        "İ",
        "the",
        "word",
        "",
        " ",
        "!",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_pieces, max_size=8).map(" ".join), max_size=12),
    st.sampled_from([None, "en", "de", "xx"]),
)
def test_keyword_lines_match_a_plain_search(lines: list[str], lang: str | None) -> None:
    lines = [" ".join(x.split()) for x in lines]  # normalised lines: single spaces, stripped
    assert keyword_lines(lines, all_features(lines, frozenset()), lang) == _keyword_lines_plainly(lines, lang)


def _flat(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted({i for i in items if i}, key=lambda s: (-len(s), s)))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="aAkK\u212asS\u017f é-", min_size=1, max_size=4), min_size=1, max_size=10),
    st.text(alphabet="aAkK\u212asS\u017f é-,", max_size=30),
    st.booleans(),
    st.sampled_from(["", "[a ]", "[^k]", "!"]),
)
@example(["s", "\u017f a"], "s a", True, "")  # "ſ" and "s" are one letter to re.IGNORECASE, two to the trie
@example(["PA", "PA Images", "P"], "PA Images, PA", False, "")
@example(["PA", "PA Images", "P"], "aPA Images, aPA", False, "[a ]")
def test_phrase_trie_matches_what_the_longest_first_list_matches(
    items: list[str], text: str, fold: bool, after: str
) -> None:
    """The rule tables' alternations are tries (rules.alternation): the same spans and groups as the flat list."""
    flags = re.IGNORECASE if fold else 0
    # a tail that can fail after a phrase matched, so that the engine has to back off to a shorter phrase
    tail = r"(?P<tail>$|[ ,])"
    if after.startswith("!"):  # not_after: the phrase opens the text or follows a character not in the class
        head, alt = "(?<![^ ,])", alternation(items, fold=fold, not_after="[^ ,]")
    else:
        head, alt = (f"(?<={after})" if after else ""), alternation(items, fold=fold, after=after)
    flat = re.compile(f"{head}(?P<p>{_flat(items)}){tail}", flags)
    trie = re.compile(f"(?P<p>{alt}){tail}", flags)
    for pos in range(len(text) + 1):
        for a, b in (
            (flat.match(text, pos), trie.match(text, pos)),
            (flat.search(text, pos), trie.search(text, pos)),
        ):
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    a, b = flat.fullmatch(text), trie.fullmatch(text)
    assert (a and a.span()) == (b and b.span())


# Rule regexes rewritten so that they open with what the regex engine can skip to (a digit, a space): each
# against the form it replaced ("\b\d{1,2}", "\s+"), which reads more plainly.
_REWRITTEN = [
    ("date_dmy", "(?P<d>" + _NUM_START + r"\d?)", r"\b(?P<d>\d{1,2})"),
    ("date_num", "(?P<d>" + _NUM_START + r"\d?)", r"\b(?P<d>\d{1,2})"),
    ("date_iso", r"(?P<y>(?:19|20)(?<!\w\d\d)\d{2})", r"\b(?P<y>(?:19|20)\d{2})"),
    ("relative_time", _NUM_START + r"\d*", r"\b\d+"),
    ("name_trailers", r"\s\s*", r"\s+"),
]
_date_bits = st.sampled_from(
    [
        "1",
        "2",
        "12",
        "2024",
        "1999",
        "2031",
        "-",
        ".",
        ". ",
        " ",
        "a",
        "x1",
        "_",
        "é",
        "3rd",
        "de ",
        "Jan",
        "März",
        "mars",
        "hours",
        "Std.",
        "ago",
        "by",
        "Staff",
        "Reporter",
        ",",
        "\u0663",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_REWRITTEN), st.lists(_date_bits, max_size=12).map("".join))
def test_rewritten_rule_regexes_match_their_plain_forms(case: tuple[str, str, str], text: str) -> None:
    name, new, old = case
    fast = getattr(RULES, name)
    assert new in fast.pattern
    plain = re.compile(fast.pattern.replace(new, old, 1), fast.flags)
    for pos in range(len(text) + 1):
        a, b = plain.search(text, pos), fast.search(text, pos)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert plain.sub("", text) == fast.sub("", text)


_agency_bits = st.sampled_from(
    [
        "AP",
        "AFP",
        "PA Images",
        "dpa",
        "Imago",
        "IMAGO",
        "imago",
        "Getty",
        " ",
        "/",
        "(",
        ")",
        "|",
        ",",
        "x",
        "Foto",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_agency_bits, max_size=10).map("".join), st.integers(-3, 30))
def test_agency_truth_test_agrees_with_the_agency_regex(text: str, start: int) -> None:
    assert agency_named(text) == bool(RULES.agency.search(text))
    assert agency_named(text, start) == bool(RULES.agency.search(text, start))


_WHITE = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u205f\u2028\u2029\ufeff\u00ad"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_WHITE + "ab.,\n\u3000")), max_size=40))
def test_word_count_is_the_number_of_words_of_the_body(text: str) -> None:
    lines = [x for x in normalise(text) if x]
    body = "\n\n".join(lines)
    assert word_count(body, len(lines)) == len(body.split())


def test_every_odd_character_is_unprintable() -> None:
    """normalise looks for odd characters only in a text that is not printable: none may be printable."""
    odd = [c for c in map(chr, range(0x10000)) if _ANY_ODD.match(c)]
    assert len(odd) > 40 and not any(c.isprintable() for c in odd)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_WHITE + "ab_1٣²½'’-.,ÉßД字\x1c")), max_size=400))
def test_tokens_of_a_sample_are_the_regex_tokens(text: str) -> None:
    assert tokens_of(text) == _TOKEN.findall(text)[:_MAX_TOKENS]


def _normalise_plainly(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub("[\ufeff\u00ad\u200b\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(" +", " ", text.replace("\u2028", "\n").replace("\u2029", "\n"))
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_WHITE + "ab.\x00\x07\x7f\u200b\r\u0301e")), max_size=40))
def test_normalise_matches_the_plain_steps(text: str) -> None:
    assert normalise(text) == _normalise_plainly(text)


_PHOTO_BY_PLAINLY = re.compile(
    r"(?:^|(?<=[\s(\[a-zß-ÿ.!?]))(?P<label>Photo|Photograph|Photos|Picture|Image|Illustration|Video)\s+"
    r"(?:by|courtesy(?:\s+of)?)\s+"
    r"(?P<credit>(?:[A-ZÀ-Þ]|[-–—]\s?/|the\s).{1,100}?)[)\]]?$"
)
_by_bits = st.sampled_from(
    ["Photo", "Photos", "Photograph", "Image", " by ", "by", " ", "(", "[", "x", "Jane Roe", ")"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_by_bits, max_size=10).map("".join))
def test_photo_by_regex_matches_its_plain_form(text: str) -> None:
    a, b = _PHOTO_BY_PLAINLY.search(text), credits._BY.search(text)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def _ambiguous_branches(node: object) -> list[list[str]]:
    """Alternations whose branches open with the same letter but for case: compiled with re.IGNORECASE, which
    branch is tried first decides the match, so a trie must be built with fold=True for such a pattern."""
    out: list[list[str]] = []
    for op, av in node.data if hasattr(node, "data") else node:  # type: ignore[attr-defined]
        subs: list[object] = []
        if op is sre_constants.BRANCH:
            firsts = [a.data[0][1] for a in av[1] if a.data and a.data[0][0] is sre_constants.LITERAL]
            low = [chr(c).lower() for c in firsts]
            if len(low) != len(set(low)):
                out.append(sorted(low))
            subs = list(av[1])
        elif op is sre_constants.SUBPATTERN:
            subs = [av[-1]]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            subs = [av[2]]
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            subs = [av[1]]
        for sub in subs:
            out += _ambiguous_branches(sub)
    return out


def test_case_insensitive_rule_regexes_have_folded_tries() -> None:
    assert _ambiguous_branches(
        sre_parse.parse(alternation(["Rep", "reporter"]), re.IGNORECASE)
    )  # the check works
    assert not _ambiguous_branches(
        sre_parse.parse(alternation(["Rep", "reporter"], fold=True), re.IGNORECASE)
    )
    for name in RULES.__dataclass_fields__:
        value = getattr(RULES, name)
        for pat in value.values() if isinstance(value, dict) else [value]:
            if isinstance(pat, re.Pattern) and pat.flags & re.IGNORECASE:
                assert not _ambiguous_branches(sre_parse.parse(pat.pattern, pat.flags)), name
