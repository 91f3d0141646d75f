"""Per-line features: the measurements every rule and the smoothing step decide on.

Cheap features (length, sentence end, URL, block structure) are computed for every line in one pass;
the token-level ratios (stopword share, Title Case share) cost a walk over the words, so they are
computed on first use: only lines of middling length need them (long lines are text whatever their
words, one-word lines are furniture whatever their case). Nothing here looks at neighbours except the
block structure (runs of non-blank lines), which scrapers use to keep a caption beside its credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
# Scripts written without spaces: their length is counted in characters, not words.
_DENSE: Final = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\uf900-\ufaff]"
)  # kana, Han, Hangul, Thai and Lao, Myanmar, Khmer
_CLOSERS: Final = "\"'”’»)]“‘›"  # “ and ‘ close German quotes („…“)
_ENDS: Final = frozenset(
    ".!?;。！？।॥؟۔։።។။"
)  # CJK, Devanagari, Arabic, Urdu, Armenian, Ethiopic, Khmer, Burmese stops too
_URL: Final = re.compile(r"https?://|www\.|\S@\S+\.\w")
# Emoji (and their joiners) after a sentence's stop: "… see you soon! 🙂" ends like a sentence
_EMOJI_TAIL: Final = re.compile(r"[\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")
_EMOJI_MIN: Final = "\u2600"  # lines ending below this character hold no emoji at their end (most lines)


def ends_like_sentence(text: str) -> bool:
    """Final . ! ? (possibly inside quotes or brackets), but not an ellipsis."""
    if text[-1:] >= _EMOJI_MIN:
        text = _EMOJI_TAIL.sub("", text)
    t = text.rstrip(_CLOSERS) if text[-1:] in _CLOSERS else text
    if not t or t[-1] not in _ENDS:
        return False
    return not t.endswith("...")


@dataclass(slots=True, init=False)
class Features:
    """What one line looks like; `explain` prints these beside the decision. `__init__` is written out: a
    dataclass's generated one stays interpreted Python under mypyc (CORPUS_COMPILE=1) and cost more than
    the rest of the line's features there; this one compiles like the rest."""

    text: str
    stopwords: frozenset[str]
    words: int  # whitespace tokens, or dense-script characters / 2
    chars: int
    ends_sentence: bool
    has_url: bool
    block: int = 0  # index of the run of non-blank lines the line belongs to
    block_size: int = 1
    block_pos: int = 0
    # the line in lower case, made once: several passes compare lines case-blind (lowering line by line, as
    # an ASCII line lowers many times faster than a text with one non-ASCII character anywhere)
    low: str = ""
    _stop: float = -1.0
    _title: float = -1.0

    def __init__(
        self,
        text: str,
        stopwords: frozenset[str],
        words: int,
        chars: int,
        ends_sentence: bool,
        has_url: bool,
        block: int = 0,
        block_size: int = 1,
        block_pos: int = 0,
        low: str = "",
    ) -> None:
        self.text = text
        self.stopwords = stopwords
        self.words = words
        self.chars = chars
        self.ends_sentence = ends_sentence
        self.has_url = has_url
        self.block = block
        self.block_size = block_size
        self.block_pos = block_pos
        self.low = low
        self._stop = -1.0
        self._title = -1.0

    def _ratios(self) -> None:
        stops = caps = content = 0
        alpha = _WORD.findall(self.text)
        sw = self.stopwords
        for t in alpha:
            if t.lower() in sw:
                stops += 1
            elif len(t) > 1:
                content += 1
                caps += t[0].isupper()
        self._stop = stops / len(alpha) if alpha else 0.0
        self._title = caps / content if content else 0.0

    @property
    def stop_ratio(self) -> float:
        """Share of word tokens that are stopwords of the text's language (jusText's measure)."""
        if self._stop < 0:
            self._ratios()
        return self._stop

    @property
    def title_ratio(self) -> float:
        """Share of content words that start with a capital."""
        if self._title < 0:
            self._ratios()
        return self._title

    def short(self) -> str:
        return (
            f"w={self.words} stop={self.stop_ratio:.2f} title={self.title_ratio:.2f}"
            f"{' end' if self.ends_sentence else ''}{' url' if self.has_url else ''}"
        )


def line_features(text: str, stopwords: frozenset[str]) -> Features:
    words = text.count(" ") + 1  # lines are normalised: single spaces, stripped
    if not text.isascii() and (dense := _DENSE.findall(text)):
        words = max(words, len(dense) // 2)
    return Features(
        text,
        stopwords,
        words,
        len(text),
        ends_like_sentence(text),
        ((":" in text and "://" in text) or "www." in text or "@" in text) and bool(_URL.search(text)),
        low=text.lower(),
    )


def all_features(lines: list[str], stopwords: frozenset[str]) -> list[Features | None]:
    """Features for each non-blank line (None for blanks), with block indices filled in: line_features
    written out in one loop (a call per line costs as much as the measurements)."""
    out: list[Features | None] = []
    starts: list[int] = []  # first line of each block
    block = -1
    start = 0
    prev_blank = True
    dense_find = _DENSE.findall
    url_search = _URL.search
    for i, text in enumerate(lines):
        if not text:
            out.append(None)
            prev_blank = True
            continue
        if prev_blank:
            block += 1
            start = i
            starts.append(i)
            prev_blank = False
        words = text.count(" ") + 1
        if not text.isascii() and (dense := dense_find(text)):
            words = max(words, len(dense) // 2)
        t = _EMOJI_TAIL.sub("", text) if text[-1] >= _EMOJI_MIN else text
        t = t.rstrip(_CLOSERS) if t[-1:] in _CLOSERS else t
        ends = bool(t) and t[-1] in _ENDS and not t.endswith("...")
        # ":" first: one character is found at memchr's speed, and few lines hold one ("://" needs it)
        maybe_url = (":" in text and "://" in text) or "www." in text or "@" in text
        url = maybe_url and url_search(text) is not None
        out.append(Features(text, stopwords, words, len(text), ends, url, block, 1, i - start, text.lower()))
    # block sizes: each block runs from its start to the next blank line
    n = len(out)
    for s in starts:
        e = s
        while e + 1 < n and out[e + 1] is not None:
            e += 1
        size = e - s + 1
        if size > 1:
            for j in range(s, e + 1):
                out[j].block_size = size  # type: ignore[union-attr]
    return out
