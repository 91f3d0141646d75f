"""The converter's matching machinery gives the answers of the plain, slow way of asking the same question."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.convert.features import all_features
from corpus.convert.rules import RULES, phrase_finder
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
    for i, (line, f) in enumerate(zip(lines, feats, strict=True)):
        if f is None:
            continue
        low = line.lower()
        kw = (
            next((k for k in RULES.boiler_keywords if k in low), None)
            if f.words <= RULES.keyword_max_words
            else None
        )
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
