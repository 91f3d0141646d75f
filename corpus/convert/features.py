"""Per-line features: the measurements every rule and the smoothing step decide on.

Computed once per line in one pass; nothing here looks at neighbours except the block structure
(runs of non-blank lines), which scrapers use to keep a caption beside its credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Scripts written without spaces: their length is counted in characters, not words.
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")
_CLOSERS = "\"'”’»)]"
_ENDS = frozenset(".!?;。！？")
_URL = re.compile(r"https?://|www\.|\S@\S+\.\w")


def ends_like_sentence(text: str) -> bool:
    """Final . ! ? (possibly inside quotes or brackets), but not an ellipsis."""
    t = text.rstrip(_CLOSERS) if text[-1:] in _CLOSERS else text
    if not t or t[-1] not in _ENDS:
        return False
    return not t.endswith("...")


@dataclass(slots=True)
class Features:
    """What one line looks like; `explain` prints these beside the decision."""

    words: int  # whitespace tokens, or dense-script characters / 2
    chars: int
    alpha_words: int
    ends_sentence: bool
    stop_ratio: float  # share of tokens that are stopwords of the text's language
    title_ratio: float  # share of content words that start with a capital
    has_url: bool
    block: int  # index of the run of non-blank lines the line belongs to
    block_size: int
    block_pos: int

    def short(self) -> str:
        return (
            f"w={self.words} stop={self.stop_ratio:.2f} title={self.title_ratio:.2f}"
            f"{' end' if self.ends_sentence else ''}{' url' if self.has_url else ''}"
        )


def line_features(text: str, stopwords: frozenset[str]) -> Features:
    tokens = text.split()
    dense = len(_DENSE.findall(text)) if not text.isascii() else 0
    words = max(len(tokens), dense // 2) if dense else len(tokens)
    alpha = _WORD.findall(text)
    stops = 0
    caps = 0
    content = 0
    for t in alpha:
        if t.lower() in stopwords:
            stops += 1
        elif len(t) > 1:
            content += 1
            caps += t[0].isupper()
    stripped = text.rstrip()
    return Features(
        words=words,
        chars=len(text),
        alpha_words=len(alpha),
        ends_sentence=ends_like_sentence(stripped),
        stop_ratio=stops / len(alpha) if alpha else 0.0,
        title_ratio=caps / content if content else 0.0,
        has_url=("://" in text or "www." in text or "@" in text) and bool(_URL.search(text)),
        block=0,
        block_size=1,
        block_pos=0,
    )


def all_features(lines: list[str], stopwords: frozenset[str]) -> list[Features | None]:
    """Features for each non-blank line (None for blanks), with block indices filled in."""
    out: list[Features | None] = []
    block = -1
    start = 0
    prev_blank = True
    for i, line in enumerate(lines):
        if not line:
            out.append(None)
            prev_blank = True
            continue
        f = line_features(line, stopwords)
        if prev_blank:
            block += 1
            start = i
        f.block = block
        f.block_pos = i - start
        out.append(f)
        prev_blank = False
    # block sizes: a second, backward pass
    size = 0
    for i in range(len(out) - 1, -1, -1):
        g = out[i]
        if g is None:
            size = 0
            continue
        if not (i + 1 < len(out) and out[i + 1] is not None):
            size = g.block_pos + 1
        g.block_size = size
    return out
