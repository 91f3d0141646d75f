"""Document language (ISO 639-1), once per document, on a bounded sample of its longest lines.

Menus and buttons are short and often English on any site, so the sample is the longest lines;
per-line detection would be slow and wrong on short lines. Two steps, cheapest first:
1. stopwords: when one of the languages we keep stopword lists for covers a clear share of the sample's
   words and at least twice the runner-up's, that is the language (no false call on dev: it agrees
   with py3langid wherever it decides);
2. otherwise py3langid on the sample, capped in length: its cost grows with every byte it reads.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Final

import py3langid

from corpus.convert.rules import RULES

_SAMPLE_CHARS: Final = 400
_MIN_CHARS: Final = 40
_MIN_TOKENS: Final = 20
_MAX_TOKENS: Final = 80
_STOP_SHARE: Final = 0.3  # jusText calls a paragraph good at 0.32 stopwords in its own language
_STOP_MARGIN: Final = 2.0
_TOKEN: Final = re.compile(r"[^\W\d_]+")


def sample(lines: list[str]) -> str:
    """The longest lines, up to about _SAMPLE_CHARS characters in all."""
    longest = [ln for ln in lines if len(ln) >= _MIN_CHARS]
    longest.sort(key=len, reverse=True)
    out: list[str] = []
    size = 0
    for ln in longest:
        out.append(ln)
        size += len(ln)
        if size >= _SAMPLE_CHARS:
            break
    return "\n".join(out)[: _SAMPLE_CHARS + 200]


_LANGS: Final = tuple(RULES.stopwords)
_FIELD: Final = 8  # bits per language in a word's vector: counts stay below 2**8 (_MAX_TOKENS tokens at most)


def _vectors() -> dict[str, int]:
    """stopword -> the languages whose list holds it, as one integer with a _FIELD-bit count per language:
    the sample's vectors summed (in C, by `sum`) count each language's stopwords in one pass over the
    tokens, where a pass per language looked every token up in every list."""
    out: dict[str, int] = {}
    for i, lang in enumerate(_LANGS):
        for w in RULES.stopwords[lang]:
            out[w] = out.get(w, 0) | 1 << (_FIELD * i)
    return out


_VECTORS: Final = _vectors()
_MASK: Final = (1 << _FIELD) - 1


def tokens_of(low: str) -> list[str]:
    """_TOKEN.findall(low)[:_MAX_TOKENS], a word at a time: no token spans white space, and a word of letters
    only is one token (the regex costs more per token found than splitting the sample into words)."""
    out: list[str] = []
    for w in low.split():
        if w.isalpha():
            out.append(w)
        else:
            out += _TOKEN.findall(w)
        if len(out) >= _MAX_TOKENS:
            break
    return out[:_MAX_TOKENS]


def by_stopwords(text: str) -> str | None:
    """The stopword list that clearly covers the text, or None when none does."""
    tokens = tokens_of(text.lower())
    if len(tokens) < _MIN_TOKENS:
        return None
    total = sum(map(_VECTORS.get, tokens, repeat(0)))
    shares = sorted(
        ((((total >> (_FIELD * i)) & _MASK) / len(tokens), lang) for i, lang in enumerate(_LANGS)),
        reverse=True,
    )
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= _STOP_SHARE and best >= _STOP_MARGIN * second else None


def detect(lines: list[str]) -> str | None:
    """The language of the running text, or None when there is too little of it to tell."""
    text = sample(lines)
    if len(text) < _MIN_CHARS:
        return None
    fast = by_stopwords(text)
    if fast:
        return fast
    lang, _score = py3langid.classify(text[:_SAMPLE_CHARS])
    return str(lang) if len(str(lang)) == 2 else None
