"""Bytes to normalised text: the only place that decides how raw bytes become lines."""

from __future__ import annotations

import re
import unicodedata
from typing import Final


class ConvertError(Exception):
    """Raw input that cannot become a record; the message says what is wrong and what to do."""


# Characters dropped (BOM, soft hyphen, zero-width, left-to-right and right-to-left marks (they steer display
# only, and hide a label such as U+200F "تصوير:" from the tables), ASCII controls but tab and newline), and spaces that
# become a plain space. Most texts have none: one search over the text decides whether to rewrite it.
_DROP: Final = re.compile("[\ufeff\u00ad\u200b\u200e\u200f\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ODD_SPACE: Final = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ANY_ODD: Final = re.compile(_DROP.pattern[:-1] + _ODD_SPACE.pattern[1:])
_RUN: Final = re.compile("  +")


def decode(data: bytes) -> str:
    """Strict UTF-8 (BOM allowed): a wrong guess at an encoding would silently corrupt words."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ConvertError(f"NUL byte at offset {nul}: binary, not text; remove the file or fix the scraper")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConvertError(f"not valid UTF-8 at byte {e.start}; re-encode the file as UTF-8") from None
    return text


def normalise(text: str) -> list[str]:
    """NFC, unified line ends and spaces, control characters removed; words are never rewritten."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # every character _ANY_ODD finds is unprintable (a control, a format character, a space but " "): a text
    # printable but for its line breaks holds none, a test that runs faster than the regex's character set
    if not text.replace("\n", " ").isprintable() and _ANY_ODD.search(text):
        text = _ODD_SPACE.sub(" ", _DROP.sub("", text))
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if "  " in text:
        text = _RUN.sub(" ", text)
    return [ln.strip(" ") for ln in text.split("\n")]  # no run of spaces is left: one space off each end


def word_count(body: str, lines: int) -> int:
    """len(body.split()) for `lines` lines of normalise() joined by blank lines (the record's body, as
    api.py writes it), without building the list of words: such lines are not empty and hold no line
    break, no run of spaces, no space at either end, and of the other white space only NEL, so each space
    ends a word and each line one more. (Each count over a text that is not ASCII costs a pass: one, not
    the three that counting the blank lines took.)"""
    if "\x85" in body:
        return len(body.split())
    return body.count(" ") + lines
