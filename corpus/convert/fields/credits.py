"""Picture credits that trail a caption without a label, and "Photo by NAME" credits.

- "CAPTION. EFE/ Jane Roe", "CAPTION. JANE ROE / AFP", "CAPTION. AFP": after the caption's last sentence,
  a short tail of capitalised tokens that holds an agency or a slash ("Photographer/Agency");
- "CAPTION Jane Roe/AP" (no final period): the capitalised run ending in a "Name/Agency" token;
- "CAPTION. Photo by Jane Roe / AFP via Getty Images": a credit label followed by "by".
Running text ends with a sentence mark, so these rules only look at lines that do not.
"""

from __future__ import annotations

import re

from corpus.convert.features import Features
from corpus.convert.rules import RULES

_SENTENCE_END = re.compile(r"[.!?»”\"')]\s+")
_TAIL_MAX_WORDS = 8
_CONNECT = frozenset({"via", "/", "|", "-", "–", "and", "und", "y", "et", "de", "von", "van", "der", "del"})
_BY = re.compile(
    r"(?:^|(?<=[\s(\[]))(?P<label>Photo|Photograph|Photos|Picture|Image|Illustration|Video)\s+by\s+"
    r"(?P<credit>[A-ZÀ-Þ].{1,100}?)[)\]]?$"
)


def _credit_shaped(tail: str) -> bool:
    words = tail.split()
    if not words or len(words) > _TAIL_MAX_WORDS or "©" in tail:
        return False
    for w in words:
        if w.lower() in _CONNECT:
            continue
        if not (w[0].isupper() or w[0].isdigit() or w[0] in "(/"):
            return False
    return "/" in tail or bool(RULES.agency.search(tail)) or (tail.isupper() and len(tail) > 3)


def trailing(text: str, f: Features) -> tuple[str, str] | None:
    """(caption, credit) when the line is a caption with an unlabelled credit at its end."""
    if f.words < 4 or f.words > 80 or f.ends_sentence or f.has_url or "©" in text:
        return None
    for m in _SENTENCE_END.finditer(text):
        tail = text[m.end() :].strip()
        if len(tail.split()) > _TAIL_MAX_WORDS:
            continue
        if _credit_shaped(tail) and m.start() >= 15:
            return text[: m.start() + 1].strip(), tail
        break  # the first short tail decides
    # no sentence mark: "CAPTION Jane Roe/AP"
    words = text.split()
    last = words[-1]
    if "/" not in last or len(words) < 6 or not last[:1].isupper():
        return None
    j = len(words) - 1
    while j > len(words) - 4 and words[j - 1][:1].isupper():
        j -= 1
    credit = " ".join(words[j:])
    if not RULES.agency.search(credit) and not credit.split("/")[-1][:1].isupper():
        return None
    return " ".join(words[:j]), credit


def photo_by(text: str) -> tuple[str, str, str] | None:
    """(label, caption, credit) for "… Photo by Jane Roe/Agency"."""
    if " by " not in text:
        return None
    m = _BY.search(text)
    if not m or m.group("credit").endswith("."):
        return None
    return m.group("label"), text[: m.start()].strip(" ([|–—-"), m.group("credit").strip()
