"""Document language (ISO 639-1) with py3langid, once per document, on its longest lines.

Menus and buttons are short and often English on any site, so the sample is the longest lines;
per-line detection would be slow and wrong on short lines.
"""

from __future__ import annotations

import py3langid

_SAMPLE_CHARS = 400
_MIN_CHARS = 40


def sample(lines: list[str]) -> str:
    longest = sorted((ln for ln in lines if len(ln) >= _MIN_CHARS), key=len, reverse=True)
    out: list[str] = []
    size = 0
    for ln in longest:
        out.append(ln)
        size += len(ln)
        if size >= _SAMPLE_CHARS:
            break
    return "\n".join(out)


def detect(lines: list[str]) -> str | None:
    """The language of the running text, or None when there is too little of it to tell."""
    text = sample(lines)
    if len(text) < _MIN_CHARS:
        return None
    lang, _score = py3langid.classify(text)
    return str(lang) if len(str(lang)) == 2 else None
