"""The converter's matching machinery gives the answers of the plain, slow way of asking the same question."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.convert.features import all_features
from corpus.convert.rules import RULES, _alt, phrase_finder
from corpus.convert.scan import keyword_lines

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
    st.sampled_from(["", "[a ]", "[^k]"]),
)
@example(["s", "\u017f a"], "s a", True, "")  # "ſ" and "s" are one letter to re.IGNORECASE, two to the trie
@example(["PA", "PA Images", "P"], "PA Images, PA", False, "")
@example(["PA", "PA Images", "P"], "aPA Images, aPA", False, "[a ]")
def test_phrase_trie_matches_what_the_longest_first_list_matches(
    items: list[str], text: str, fold: bool, after: str
) -> None:
    """The rule tables' alternations are tries (rules._alt): the same spans and groups as the flat list."""
    flags = re.IGNORECASE if fold else 0
    # a tail that can fail after a phrase matched, so that the engine has to back off to a shorter phrase
    tail = r"(?P<tail>$|[ ,])"
    head = f"(?<={after})" if after else ""
    flat = re.compile(f"{head}(?P<p>{_flat(items)}){tail}", flags)
    trie = re.compile(f"(?P<p>{_alt(items, fold=fold, after=after)}){tail}", flags)
    for pos in range(len(text) + 1):
        for a, b in (
            (flat.match(text, pos), trie.match(text, pos)),
            (flat.search(text, pos), trie.search(text, pos)),
        ):
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    a, b = flat.fullmatch(text), trie.fullmatch(text)
    assert (a and a.span()) == (b and b.span())
