"""Picture credits that trail a caption without a label, and "Photo by NAME" credits.

- "CAPTION. EFE/ Jane Roe", "CAPTION. JANE ROE / AFP", "CAPTION. AFP": after the caption's last sentence,
  a short tail of capitalised tokens that holds an agency or a slash ("Photographer/Agency");
- "CAPTION Jane Roe/AP" (no final period): the capitalised run ending in a "Name/Agency" token;
- "CAPTION. Photo by Jane Roe / AFP via Getty Images": a credit label followed by "by".
Running text ends with a sentence mark, so these rules only look at lines that do not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corpus.convert.features import Features
from corpus.convert.labels import BODY, BOILERPLATE, CREDIT
from corpus.convert.rules import RULES, alternation
from corpus.convert.scan import agency_named

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

_SENTENCE_END = re.compile(r"[.!?»”\"')]\s+")
_TAIL_MAX_WORDS = 8
_GLUED_END = re.compile(r"(?<=[a-zß-ÿ0-9)])[.!?](?=[A-ZÀ-Þ][^.!?]{1,60}$)")
_CONNECT = frozenset({"via", "/", "|", "-", "–", "and", "und", "y", "et", "de", "von", "van", "der", "del"})
# the label opens the line or follows a space or bracket (the label first: the regex engine skips to its letters)
_BY = re.compile(
    r"(?P<label>"
    + alternation(
        ["Photo", "Photograph", "Photos", "Picture", "Image", "Illustration", "Video"], not_after=r"[^\s(\[]"
    )
    + r")\s+by\s+(?P<credit>[A-ZÀ-Þ].{1,100}?)[)\]]?$"
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
    return "/" in tail or agency_named(tail) or (tail.isupper() and len(tail) > 3)


def trailing(text: str, f: Features) -> tuple[str, str] | None:
    """(caption, credit) when the line is a caption with an unlabelled credit at its end."""
    if f.words < 4 or f.words > 80 or f.ends_sentence or f.has_url or "©" in text:
        return None
    if "/" not in text and not text[-1].isupper() and not agency_named(text, len(text) - 40):
        return None  # every credit shape below needs a slash, an agency or a capital at the end
    for m in _SENTENCE_END.finditer(text):
        tail = text[m.end() :].strip()
        if len(tail.split()) > _TAIL_MAX_WORDS:
            continue
        if _credit_shaped(tail) and m.start() >= 15:
            return text[: m.start() + 1].strip(), tail
        break  # the first short tail decides
    glued = _GLUED_END.search(text)  # "…in Doha.AFP": the credit glued to the caption's last sentence
    if glued and _credit_shaped(text[glued.end() :]) and glued.start() >= 15:
        return text[: glued.end()].strip(), text[glued.end() :].strip()
    # no sentence mark: "CAPTION Jane Roe/AP", "CAPTION Jane Roe/Getty Images Europe", "CAPTION / Jane Roe"
    words = text.split()
    if len(words) < 6 or all(_cap(w) for w in words):
        return None  # a line of credit words only is a bare credit, paired with its caption elsewhere
    slash = next((i for i in range(len(words) - 1, len(words) - 5, -1) if "/" in words[i]), -1)
    if slash < 0 or not all(_cap(w) for w in words[slash + 1 :]):
        return None
    if words[slash] == "/":
        j = slash  # "CAPTION / Jane Roe": the credit is what follows the slash
        credit = " ".join(words[slash + 1 :])
        if not (1 <= len(words) - slash - 1 <= 4):
            return None
        return " ".join(words[:j]), credit
    if not _cap(words[slash]):
        return None
    j = slash
    while j > slash - 2 and _cap(words[j - 1]):
        j -= 1
    return " ".join(words[:j]), " ".join(words[j:])


def _cap(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _CONNECT


def slash_credit(text: str, words: int) -> bool:
    """A bare "Photographer/Agency" line: a few capitalised tokens around a slash."""
    if words > 8 or "/" not in text or "://" in text:
        return False
    toks = text.replace("/", " ").split()
    if not all(_cap(t) for t in toks):
        return False
    return agency_named(text) or (len(toks) >= 2 and text.count("/") == 1)


_BRACKET_END = re.compile(r"(?<=[.!?])\s*\((?P<credit>[^()]{2,60})\)$")
_BRACKET_MAX_WORDS = 5
_BRACKET_CAPTION_MIN_WORDS = 6


def bracketed(text: str, words: int) -> tuple[str, str] | None:
    """(caption, credit) for "A sentence describing a picture. (Jane Roe)": a capitalised name in brackets
    after the last sentence. Running text cites in brackets before its final period; a button ("(More)") is
    no name."""
    if not text.endswith(")") or words < _BRACKET_CAPTION_MIN_WORDS + 1:
        return None
    m = _BRACKET_END.search(text)
    if m is None:
        return None
    credit = m.group("credit").strip()
    toks = credit.split()
    if not toks or len(toks) > _BRACKET_MAX_WORDS or not toks[0][:1].isupper():
        return None
    if not all(_cap(t) or t in ("of", "by") for t in toks) or (len(toks) == 1 and t_ui(toks[0])):
        return None
    caption = text[: m.start()].strip()
    if len(caption.split()) < _BRACKET_CAPTION_MIN_WORDS:
        return None
    return caption, credit


def t_ui(word: str) -> bool:
    return word.lower().strip(".") in RULES.ui_words


def photo_by(text: str) -> tuple[str, str, str] | None:
    """(label, caption, credit) for "… Photo by Jane Roe/Agency"."""
    if " by " not in text:
        return None
    m = _BY.search(text)
    if not m or m.group("credit").endswith("."):
        return None
    return m.group("label"), text[: m.start()].strip(" ([|–—-"), m.group("credit").strip()


def label_lines(nb: list[LineDecision]) -> None:
    """A credit label alone on its line ("Image:", "Foto:") takes the next short line as its credit."""
    for k, d in enumerate(nb[:-1]):
        if len(d.text) > 30 or not d.text.endswith(":") or d.label not in ("", BOILERPLATE, CREDIT):
            continue
        m = RULES.credit_label_alone.match(d.text)
        x = nb[k + 1]
        xf = x.features
        if not m or xf is None or xf.words > 12 or x.label not in ("", BOILERPLATE, BODY, CREDIT):
            continue
        if xf.ends_sentence and not x.text.endswith(")"):
            continue
        kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
        d.label, d.rule = CREDIT, f"credit.label alone: {m.group('label')!r}; the credit is the next line"
        d.data = {"kind": kind, "credit": x.text.removesuffix(")").strip()}
        x.label, x.rule, x.data = (
            CREDIT,
            f"credit: text of the label on line {d.index + 1}",
            {"part_of": d.index},
        )


_YEAR = re.compile(r"^(?:19|20)\d\d\b")


def footer(credit: str) -> bool:
    """ "© 2024 Publisher": a site's copyright footer, not a picture's credit."""
    return bool(_YEAR.match(credit.strip()))


_WEAK_CAPTION_MAX_WORDS = 20


def inline_ok(label: str, caption: str) -> bool:
    """ "Quelle:", "Fuente:" also end a paragraph citing its source: after a long text they are no credit."""
    return label.lower() not in RULES.credit_weak or len(caption.split()) <= _WEAK_CAPTION_MAX_WORDS
