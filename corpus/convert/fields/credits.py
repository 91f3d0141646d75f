"""Picture credits that trail a caption without a label, "Photo by NAME" credits, and the shape tests the
pairing pass asks about (is this line a credit's words, a copyright footer, a gallery counter).

- "CAPTION. EFE/ Jane Roe", "CAPTION. JANE ROE / AFP", "CAPTION. AFP", "CAPTION. The Associated Press": after
  the caption's last sentence, a short tail of capitalised tokens that holds an agency or a slash;
- "CAPTION Jane Roe/AP", "CAPTION / dpa", "CAPTION | EFE" (no final period): the capitalised run ending in a
  "Name/Agency" token, or an agency after a separator;
- "CAPTION. Photo by Jane Roe / AFP via Getty Images", "CAPTION. Photo courtesy of X": a label and "by";
- "CAPTION. (Jane Roe)", "CAPTION (Foto Ansa)": a name or a credit in brackets at the end.
Running text ends with a sentence mark, so these rules only look at lines that do not. A bare credit line
must read like one (names and agencies, no sentence words, no menu words, not a shouted button), and a
"© 2024 Publisher GmbH" line is a footer whatever stands beside it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from corpus.convert.features import Features
from corpus.convert.labels import BODY, BOILERPLATE, CREDIT
from corpus.convert.patterns import alternation
from corpus.convert.rules import RULES
from corpus.convert.scan import agency_named

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

_SENTENCE_END: Final = re.compile(r"[.!?»”\"')]\s+")
_TAIL_MAX_WORDS: Final = 8
# the stop first, its lookbehind after it: the regex engine then tries only the places holding a stop
_GLUED_END: Final = re.compile(r"[.!?](?<=[a-zß-ÿ0-9)][.!?])(?=[A-ZÀ-Þ][^.!?]{1,60}$)")
_SITE_NAME: Final = re.compile(
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/[A-ZÀ-Þ]"
)  # "site.com/Jane": site, photographer
_CONNECT: Final = frozenset(
    {"via", "/", "|", "-", "–", "and", "und", "y", "et", "de", "von", "van", "der", "del", "of"}
)
# the label opens the line or follows a space, a bracket or a word's end (the label first: the regex engine skips
# to its letters)
_BY: Final = re.compile(
    r"(?P<label>"
    + alternation(
        ["Photo", "Photograph", "Photos", "Picture", "Image", "Illustration", "Photo illustration", "Video"],
        not_after=r"[^\s(\[a-zß-ÿ.!?]",
    )
    + r")\s+(?:by|courtesy(?:\s+of)?)\s+"  # "Photo courtesy of the city"
    r"(?P<credit>(?:[A-ZÀ-Þ]|[-–—]\s?/|the\s).{1,100}?)[)\]]?$"  # "Photo by - / AFP": the photographer left blank
)


_TAIL_NAMES: Final = tuple(RULES.credit_tail_names)
_NAME_PARTICLES: Final = ("da", "de", "del", "den", "der", "di", "la", "le", "ter", "van", "von")
# "CAPTION. Beeld Jan Jansen": after the caption's stop, a credit label, a space and a name (no colon)
_BARE_LABEL_END: Final = re.compile(
    r"[.!?]\s*(?P<label>[A-ZÀ-Þ][a-zß-ÿ]{3,12})\s+(?P<credit>[A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ][\w'’-]+|"
    + "|".join(_NAME_PARTICLES)
    + r")){1,4})$"
)


def _credit_shaped(tail: str) -> bool:
    if tail.lower() in RULES.credit_tail_names:
        return True
    words = tail.split()
    if not words or len(words) > _TAIL_MAX_WORDS or "©" in tail:
        return False
    for w in words:
        if w.lower() in _CONNECT:
            continue
        if not (w[0].isupper() or w[0].isdigit() or w[0] in "(/" or _SITE_NAME.match(w) or _agency_word(w)):
            return False
    return (
        "/" in tail or agency_named(tail) or (tail.isupper() and len(tail) > 3) or bool(_NAME_ORG.match(tail))
    )


# "Jane Roe, USA TODAY": a photographer and the paper, set in capitals, after the caption
_NAME_ORG: Final = re.compile(
    r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,2}, [A-ZÀ-Þ]{2,}(?: [A-ZÀ-Þ]{2,}){0,3}$"
)


_SEPARATORS: Final = (" | ", " / ", " – ", " — ", " - ")
_SEPARATED_MAX_WORDS: Final = 6
_SEPARATED_CAPTION_MIN_WORDS: Final = 4


def trailing(text: str, f: Features) -> tuple[str, str] | None:
    """(caption, credit) when the line is a caption with an unlabelled credit at its end."""
    if f.words < 4 or f.words > 80 or f.ends_sentence or f.has_url or "©" in text:
        return None
    glued = _GLUED_END.search(text)  # "…in Doha.AFP": the credit glued to the caption's last sentence
    camel = _CAMEL_TAIL.search(text, max(0, len(text) - _CAMEL_SPAN))  # "…on TuesdayGetty Images"
    stop = "." in text or "!" in text or "?" in text  # most such lines (titles, teasers, menus) hold none
    bare = _BARE_LABEL_END.search(text) if stop and text[-1].islower() else None
    if bare and bare.group("label").lower() in RULES.credit_kinds and bare.start() >= _NAME_MIN_CAPTION:
        return text[: bare.start() + 1].strip(), bare.group("credit")  # "CAPTION. Beeld Jan Jansen"
    if (
        "/" not in text
        and not text[-1].isupper()
        and not agency_named(text, len(text) - 40)
        and not glued
        and not f.low.endswith(_TAIL_NAMES)
        and not (camel and agency_only(camel.group("credit")))
    ):
        return None  # every credit shape below needs a slash, an agency or a capital at the end
    for m in _SENTENCE_END.finditer(text):
        tail = text[m.end() :].strip()
        if len(tail.split()) > _TAIL_MAX_WORDS:
            continue
        if _credit_shaped(tail.lstrip("|–—- ")) and m.start() >= 15 and not text[: m.start()].isupper():
            return text[: m.start() + 1].strip(), _unlabelled(
                tail.lstrip("/|–—- ")
            )  # (capitals: a button row)
        if _SENTENCE_END.search(tail):
            continue  # a quote closed inside the caption's last sentence ("the 'old' bridge. AFP")
        break  # the first short tail decides
    if glued and _credit_shaped(text[glued.end() :]) and glued.start() >= 15:
        return text[: glued.end()].strip(), _unlabelled(text[glued.end() :].strip())
    # no sentence mark: "CAPTION Jane Roe/AP", "CAPTION Jane Roe/Getty Images Europe", "CAPTION / Jane Roe"
    words = text.split()
    if len(words) < 6 or all(_cap(w) for w in words):
        return None  # a line of credit words only is a bare credit, paired with its caption elsewhere
    last = _agency_last(words[-1]) if "/" not in text else ""
    if last:  # "CAPTION ANP", "CAPTIONANP": an agency's name as the line's last word, or glued to it
        caption = text[: len(text) - len(last)].rstrip(" |–—-")
        return (caption, last) if _caption_words(caption) else None
    sep = max(text.rfind(s) for s in _SEPARATORS)  # "CAPTION | EFE", "CAPTION – Jane Roe/AP"
    if sep >= 15:
        tail, caption = text[sep + 3 :].strip(), text[:sep].strip()
        if (
            1 <= len(tail.split()) <= _SEPARATED_MAX_WORDS
            and len(caption.split()) >= _SEPARATED_CAPTION_MIN_WORDS
            and text[sep : sep + 3] not in caption  # "Jane Roe | Bloomberg | Getty Images": all credit
            and ("/" in tail or RULES.agency.search(tail))
            and _credit_shaped(tail)
        ):
            return caption, tail
    if (
        camel and camel.start() >= 15 and agency_only(camel.group("credit"))
    ):  # glued to the caption's last word
        return text[: camel.start()].strip(), camel.group("credit")
    caps = _CAPS_TAIL.search(text)  # "CAPTION GETTY IMAGES", glued "…market shareJOHN ROE/ALAMY"
    if caps and caps.start() >= 15:
        tail = caps.group("credit")
        stuck = not text[caps.start()].isspace()  # no word ends in capitals: there the caption ended
        if (stuck or "/" in tail or agency_named(tail)) and _credit_shaped(tail):
            return text[: caps.start()].strip(), tail
    slash = next((i for i in range(len(words) - 1, len(words) - 5, -1) if "/" in words[i]), -1)
    if slash < 0 or not all(_cap(w) or _agency_word(w) for w in words[slash + 1 :]):
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
    for i in range(j, slash):
        glued = _GLUED_CAPS.search(words[i])
        if glued:  # "… de MinistrosJOSÉ SENA/LUSA": a credit in capitals glued to the caption's last word
            head, tail = words[i][: glued.start()], words[i][glued.start() :]
            return " ".join([*words[:i], head]), " ".join([tail, *words[i + 1 :]])
    mark = 1 if words[j].lower() in _COPYRIGHT_WORDS and j < slash else 0
    # "CAPTION Copyright Jane Roe/AP": the mark opens the credit, it is not the photographer's name
    caption, credit = " ".join(words[:j]), " ".join(words[j + mark :])
    glued = _CAMEL_HEAD.match(credit)  # "…on TuesdayJane Roe/AP": the name glued to the caption's last word
    if glued:
        caption, credit = f"{caption} {glued.group(1)}".strip(), credit[glued.end(1) :]
    return caption, credit


# a credit glued to the caption's last word: at a lower-case letter's end (four of them: "McGill", "MacLeod",
# "DeSantis" keep their inner capital) a capitalised name begins
# (the capital first, then the lookbehind: the engine skips to capitals instead of testing every place)
_CAMEL_TAIL: Final = re.compile(
    r"(?P<credit>[A-ZÀ-Þ](?<=[a-zß-ÿ]{4}[A-ZÀ-Þ])[\w'’-]*(?: [A-ZÀ-Þ][\w'’-]*){0,3})$"
)
_CAMEL_SPAN: Final = 40  # characters at the line's end where a glued credit may begin
_CAMEL_HEAD: Final = re.compile(r"([A-ZÀ-Þa-zß-ÿ]?[a-zß-ÿ]{3,})(?=[A-ZÀ-Þ][a-zß-ÿ])")
# a credit set in capitals after the caption's last (lower-case) word, maybe glued to it
_CAPS_TAIL: Final = re.compile(r"(?<=[a-zß-ÿ])\s?(?P<credit>[A-ZÀ-Þ]{2,}(?:[ /&'’-]+[A-ZÀ-Þ]{2,}){0,5})$")


_COPYRIGHT_WORDS: Final = frozenset({"copyright", "©", "(c)"})  # common.toml credit.copyright_marks


def _brand(w: str) -> bool:
    """ "20min", "3sat": a publisher's name opening with its figure, then letters."""
    return w[:1].isdigit() and w.isalnum() and w[-1].isalpha()


_AGENCY_WORD_MIN: Final = 3  # "ANP", "AFP", "EFE": shorter ones ("AP", "PA") end ordinary words
_CAPTION_MIN_WORDS: Final = 5


def _agency_last(word: str) -> str:
    """The agency a caption's last word is, or ends in when glued ("CentraalANP"), in the case the table
    prints it; "" when none."""
    if word in RULES.credit_agencies and len(word) >= _AGENCY_WORD_MIN:
        return word
    for i in range(len(word) - _AGENCY_WORD_MIN, 1, -1):
        if (
            word[i - 1].islower()
            and word[i].isupper()
            and word[i:] in RULES.credit_agencies
            and word[i:].isupper()
        ):
            return word[i:]
    return ""


def _caption_words(caption: str) -> bool:
    """Enough lower-case words to be a caption's sentence, not a row of names or buttons."""
    words = caption.split()
    return len(words) >= _CAPTION_MIN_WORDS and sum(1 for w in words if w[:1].islower()) >= 2


_NAME_WORDS: Final = (2, 4)
_NAME_MIN_CAPTION: Final = 15  # characters of caption before the name


def _photographer_before(caption: str, credit: str, text: str) -> tuple[str, str]:
    """ "CAPTION. Jane Roe (AP)": the name after the caption's last sentence and before the agency's bracket
    is the photographer's, part of the credit."""
    if not text.endswith(f"({credit})") or "/" in credit:
        return caption, credit
    stop = caption.rfind(".", 0, len(caption) - 1)  # "… martes. Jane Roe", "… martes.Jane Roe" (glued)
    tail = caption[stop + 1 :].strip()
    words = tail.split()
    if stop < _NAME_MIN_CAPTION or not (_NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]):
        return caption, credit
    if all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words if w.lower() not in _CONNECT):
        return caption[: stop + 1].strip(), f"{tail} ({credit})"
    return caption, credit


def _glued_label(word: str) -> int:
    """The length of a credit label glued to a caption's last word ("SejmieFot.", "Sejmie.Fot." -> 4), else 0."""
    for i in range(len(word) - 3, 0, -1):
        if (
            word[i].isupper()
            and (word[i - 1].islower() or word[i - 1] in ".!?")
            and word[i:].lower() in RULES.credit_kinds
        ):
            return len(word) - i
    return 0


def _unlabelled(credit: str) -> str:
    """ "Beeld ANP", "Foto EFE": a label printed without a colon before the credit is not the credit."""
    head, _, rest = credit.partition(" ")
    return rest if rest and head.lower() in RULES.credit_kinds and rest[:1].isupper() else credit


_GLUED_CAPS: Final = re.compile(r"(?<=[a-zß-ÿ]{3})[A-ZÀ-Þ]{2,}$")


def _cap(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _CONNECT


def _agency_word(w: str) -> bool:
    """A word of an agency's name as printed in lower case ("dpa", "imago")."""
    return w.lower().strip("()[],.;") in RULES.agency_words


_CREDIT_LINE_MAX_WORDS: Final = 6
_SHOUT_MAX_WORDS: Final = 4
_HEAD_AGENCY: Final = re.compile(r"^\S+(?:\s\S+)?\s?(?:/|\s[-|–]\s)\s?(?P<agency>[^/|]+)$")


def credit_words(text: str) -> bool:
    """A credit's words: names and agencies ("Jane Roe, AP", "AFP via Getty Images"), none of a sentence's
    small words ("mit dpa", "Aus dem Archiv"); a longer line without a slash is a menu row."""
    toks = text.replace("/", " ").replace("|", " ").split()
    if not any(t.strip("()[]")[:2].isalpha() for t in toks):
        return False  # "3 / 12": figures name nobody
    via = text.rpartition(" via ")[2]  # "City Hall Press Office via AP": a source handed out by an agency
    if len(toks) > _CREDIT_LINE_MAX_WORDS and "/" not in text and not (via != text and agency_only(via)):
        return False
    if len(toks) > _SHOUT_MAX_WORDS and text.isupper() and not agency_named(text):
        return False  # "REGISTER / SIGN IN TO READ MORE": a button shouts, a photographer's name is short
    if "/" not in text and any(t.lower() in RULES.ui_words and not _agency_word(t) for t in toks):
        return False  # "More From AP News", "About Reuters": a menu's link ("Screenshot Instagram/X" is a credit)
    if all(_cap(t) or _agency_word(t) or not t[0].isalpha() for t in toks):
        return True
    # "jroe/Reuters", "janeroe - stock.adobe.com": a user name or initials, then the agency
    m = _HEAD_AGENCY.match(text)
    return m is not None and agency_only(m.group("agency"))


def agency_only(text: str) -> bool:
    """A line of agency names only ("dpa", "Getty Images", "AFP/Getty"): a credit, where a menu line naming an
    agency has other words ("AP Stylebook")."""
    toks = text.replace("/", " ").replace("|", " ").split()
    return bool(toks) and all(_agency_word(t) or t.lower() in _CONNECT for t in toks) and agency_named(text)


_SLASH_MAX_WORDS: Final = 6


def slash_credit(text: str, words: int) -> bool:
    """A bare "Photographer/Agency" line: a few capitalised tokens around a slash."""
    if words > 8 or "/" not in text or "://" in text:
        return False
    toks = text.replace("/", " ").split()
    if not all(_cap(t) or _agency_word(t) or _brand(t) for t in toks):
        return False
    if agency_named(text):
        return True
    # "Jane Roe/Studio": a name and a source; "REGISTER / SIGN IN TO READ MORE" is a button
    return len(toks) >= 2 and text.count("/") == 1 and words <= _SLASH_MAX_WORDS and not text.isupper()


_BRACKET_END: Final = re.compile(r"(?<=[.!?])\s*[(\[](?P<credit>[^()\[\]]{2,60})[)\]]$")
# A caption without a stop still ends with its credit in square brackets ("Boats at the pier [Jane Roe/AFP]"):
# running text cites in round ones, or before its stop; a name has no figures ("[AK+3]" is a shortcut key)
_SQUARE_END: Final = re.compile(r"(?<=\w)\s+\[(?P<credit>[A-ZÀ-Þ][^\W\d_]*(?:[\s/&.'’-]+[^\W\d_]+){0,6})\]$")
# "CAPTION (Staff Photo)", "CAPTION (City Hall Image)": a source and a label word in brackets, stop or none
_LABEL_LAST: Final = re.compile(r"\s[(\[](?P<credit>(?:[A-Z][\w.&'’-]*\s){1,3}(?P<label>\w+))[)\]]$")
# "CAPTION (foto Jane Roe)": a label, a space and a capitalised credit in brackets, with or without a stop before
_LABELLED_BRACKET: Final = re.compile(
    r"\s?[(\[](?:"
    + alternation(list(RULES.credit_kinds), fold=True)
    + r")\s+(?P<credit>[A-ZÀ-Þ][^()\[\]:]{1,60})[)\]]$",
    re.IGNORECASE,
)
_BRACKET_MAX_WORDS: Final = 5
_BRACKET_LIST_MAX_WORDS: Final = 8
_BRACKET_CAPTION_MIN_WORDS: Final = 6


_CAPTIONED: Final = re.compile(r"^(?P<caption>[^()]{8,}[.!?])\s*\((?P<credit>[^()]{2,60})\)?$")


def captioned(text: str) -> tuple[str, str] | None:
    """(caption, credit) of a label's text that is a caption's sentence and an agency in brackets ("Foto:
    Imagen de archivo. (EFE)"; the label's pattern may have taken the closing bracket)."""
    m = _CAPTIONED.match(text) if "(" in text else None
    if m is None or not agency_named(m.group("credit")):
        return None
    return m.group("caption").strip(), m.group("credit").strip()


def bracketed(text: str, words: int) -> tuple[str, str] | None:
    """(caption, credit) for "A sentence describing a picture. (Jane Roe)": a capitalised name in brackets
    after the last sentence. Running text cites in brackets before its final period; a button ("(More)") is
    no name."""
    if not text.endswith((")", "]")) or words < _BRACKET_CAPTION_MIN_WORDS + 1:
        return None
    lab = _LABELLED_BRACKET.search(text)
    if (
        lab
        and lab.group("credit")[0].isupper()
        and len(text[: lab.start()].split()) >= _BRACKET_CAPTION_MIN_WORDS
    ):
        # "CAPTION (foto Jane Roe)": the bracket's text is the credit, its label kept as "(Foto Ansa)" keeps it
        return text[: lab.start()].strip(), text[lab.start() :].strip(" ([)]")
    m = _BRACKET_END.search(text) or _SQUARE_END.search(text)
    if m is None:
        m = _LABEL_LAST.search(text)
        if (
            m is None
            or m.group("label").lower() not in RULES.credit_kinds
            or t_ui(m.group("credit").split()[0])
        ):
            return None  # "(Watch Video)" is a button
    credit = m.group("credit").strip()
    toks = credit.split()
    longest = (
        _BRACKET_LIST_MAX_WORDS if "," in credit or " for " in credit else _BRACKET_MAX_WORDS
    )  # "(City Court, District of X)", "(Jane Roe for The Daily Courier)"
    if not toks or len(toks) > longest or not toks[0][:1].isupper():
        return None
    # "(Jane Roe for The Courier)": a photographer working for a paper
    if not all(_cap(t) or t in ("of", "by", "for") for t in toks) or (len(toks) == 1 and t_ui(toks[0])):
        return None
    if len(toks) == 1 and credit.lower() in RULES.credit_kinds:
        return None  # "(Symbolbild)", "(Archivbild)": says what the picture is, names nobody
    if "by" in toks and toks[toks.index("by") - 1].lower() not in RULES.credit_kinds:
        return None  # "(Reporting by Jane Roe)": the story's sign-off, not a picture's credit
    caption = text[: m.start()].strip()
    if len(caption.split()) < _BRACKET_CAPTION_MIN_WORDS:
        return None
    return caption, credit


def t_ui(word: str) -> bool:
    return word.lower().strip(".") in RULES.ui_words


def photo_by(text: str) -> tuple[str, str, str] | None:
    """(label, caption, credit) for "… Photo by Jane Roe/Agency", "… Photo courtesy of Jane Roe"."""
    if " by " not in text and " courtesy" not in text:
        return None
    m = _BY.search(text)
    if not m or m.group("credit").endswith("."):
        return None
    return m.group("label"), text[: m.start()].strip(" ([|–—-©"), m.group("credit").strip()


_TAIL_CAPTION_MIN_WORDS: Final = 3


def tail_label(text: str) -> tuple[str, str, str] | None:
    """(label, caption, credit) for "CAPTION. Foto di Jane Roe", "CAPTION (foto di Jane Roe)", "CAPTION. Fot. Jane
    Roe/PAP": a language's label that opens the credit without a colon, after a caption of a few words."""
    if RULES.credit_tail_gate.search(text) is None:
        return None  # most lines hold none of the labels: a literal trie's scan instead of the full regex
    m = RULES.credit_tail_label.search(text)
    if m is None:
        return None
    caption = text[: m.start()].strip(" ([|–—-")
    if len(caption.split()) < _TAIL_CAPTION_MIN_WORDS:
        return None
    return m.group("label") or m.group("low"), caption, m.group("credit").strip()


_TITLE_MIN_WORDS: Final = 10


def label_title(credit: str, f: Features, label: str = "") -> bool:
    """What follows a label is a title, not a credit: a long sentence with its stop and no slash, a link to a
    chart ("(Graphic: Assets in 2026 - here)", "Map: where it rained - click here"), or after a video's label
    words of a sentence, not names ("Video: So lief der Einsatz")."""
    if _LINK_ANCHOR.search(credit):
        return True
    if f.ends_sentence and "/" not in credit and len(credit.split()) >= _TITLE_MIN_WORDS:
        return True
    video = RULES.credit_kinds.get(label.lower()) == "video"
    return video and len(credit.split()) >= _VIDEO_TITLE_MIN_WORDS and not credit_words(credit)


_LINK_ANCHOR: Final = re.compile(r"[-–—:]\s*(?:click\s+)?here\W*$", re.IGNORECASE)


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
        if (xf.ends_sentence and not x.text.endswith(")")) or x.rule.startswith("credit.inline"):
            continue  # a sentence, or a caption with its own labelled credit ("Image:" / "CAPTION. Pic: Jane Roe")
        kind = RULES.credit_kinds.get(m.group("label").lower(), "photo")
        d.label, d.rule = CREDIT, f"credit.label alone: {m.group('label')!r}; the credit is the next line"
        d.data = {"kind": kind, "credit": x.text.removesuffix(")").strip()}
        x.label, x.rule, x.data = (
            CREDIT,
            f"credit: text of the label on line {d.index + 1}",
            {"part_of": d.index},
        )


_VIDEO_TITLE_MIN_WORDS: Final = 3
_GALLERY_PREFIX: Final = re.compile(
    r"^(?:(?:image|photo|picture|slide|bild|foto|imagen)\s*)?\d{1,3}\s*(?:of|/|von|de|sur|di)\s*\d{1,3}\s*[:.|–-]?\s*"
    r"(?=[A-ZÀ-Þ\"'“„«])",
    re.IGNORECASE,
)
_OPEN_BRACKET_SPAN: Final = 40  # characters: a credit's bracket opens near the caption's end


# a credit's label and "by" opening what a bracket held: "Photo by", "Foto von", "Foto di"
_LABEL_BY: Final = re.compile(
    r"(?:"
    + alternation(list(RULES.credit_kinds))
    + r")\s+(?:"
    + alternation(sorted(RULES.byline_words))
    + r")\s+",
    re.IGNORECASE,
)


def tidy(caption: str, credit: str, text: str = "") -> tuple[str, str]:
    """ "CAPTION. Bild © Jane Roe (hr)": the label word before the sign is neither caption nor credit, and the
    credit keeps the bracket it opened. "CAPTION (Foto Ansa)", "CAPTION (AFP PHOTO / JANE ROE)": a bracket left
    open at the caption's end opened the credit (`text`: the whole line, when caption and credit are parts of it)."""
    caption, credit = caption.strip(), credit.strip()
    i = max(caption.rfind("("), caption.rfind("["))
    if (
        text
        and i >= 0
        and len(caption) - i <= _OPEN_BRACKET_SPAN
        and not caption[i:].count(")") + caption[i:].count("]")
    ):
        j = text.rfind(caption[i:])
        if j >= 0 and text.endswith((")", "]")):
            caption, credit = caption[:i].rstrip(" ,|–—-"), text[j + 1 : -1].strip()
    caption = _GALLERY_PREFIX.sub("", caption)  # "2 of 4 CAPTION": the gallery's counter opens the caption
    head, _, last = caption.rpartition(" ")
    words = caption.split()
    two = " ".join(words[-2:]).lower().lstrip("([") if len(words) > 2 else ""
    if last.lower().lstrip("([") in RULES.credit_kinds:
        caption = head.rstrip(" ,:|–—-")  # "" when the label opens the line: the caption is elsewhere
    elif two in RULES.credit_kinds:  # "CAPTION. Photo d'illustration Pixabay": a label of two words
        caption = " ".join(words[:-2]).rstrip(" ,:|–—-")
    else:
        caption = caption[
            : len(caption) - _glued_label(last)
        ]  # "… w SejmieFot.": a label glued to the caption
    caption, credit = _photographer_before(caption, credit, text)
    label, colon, rest = credit.lstrip("© ").partition(":")
    if colon and label.lower() in RULES.credit_kinds:
        credit = rest.strip()  # "CAPTION © Bild: Jane Roe/APA": the sign, then the label
    credit = credit.lstrip("© ")  # "CAPTION Foto: © Jane Roe"
    m = _LABEL_BY.match(credit)
    if m and m.end() < len(credit):
        credit = credit[
            m.end() :
        ]  # "(Photo by Jane Roe/Getty Images)": the label and "by" are not the credit
    if credit.count("(") > credit.count(")"):
        credit += ")"
    elif credit.endswith((")", "]")) and not credit.count("(") + credit.count("["):
        credit = credit[:-1].rstrip()
    return caption, credit


_FOOTER: Final = re.compile(
    r"^(?:Copyright\s+)?(?:19|20)\d\d\b|\b(?:19|20)\d\d\.?$|rights reserved|Rechte vorbehalten"
    r"|\b(?:GmbH|Inc|LLC|Ltd|Limited|KG|S\.A|S\.L|B\.V|Oy|AB|ApS|AS)\b\.?$"  # a company's name: the publisher's
    r"|:\d{6}-\d{2,3}-\d{3,}",  # a wire story's id with its date ("© Agency, agency:261128-930-123456/1")
    re.I,
)


def footer(credit: str) -> bool:
    """ "© 2024 Publisher", "© Publisher GmbH 2024", "… All rights reserved": a site's copyright footer, not a
    picture's credit."""
    return bool(_FOOTER.search(credit.strip()))


_WEAK_CAPTION_MAX_WORDS: Final = 20


def inline_ok(label: str, caption: str) -> bool:
    """ "Quelle:", "Fuente:" also end a paragraph citing its source: after a long text they are no credit."""
    return label.lower() not in RULES.credit_weak or len(caption.split()) <= _WEAK_CAPTION_MAX_WORDS


_GALLERY: Final = re.compile(
    r"^(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine|фото)\s+)?(?P<n>\d{1,3})\s*"
    r"(?:/|of|von|de|sur|di|из)\s*(?P<m>\d{1,3})$",
    re.IGNORECASE,
)


def gallery_counter(text: str) -> bool:
    """ "Image 3 of 12", "3 / 12": a picture gallery's counter."""
    m = _GALLERY.match(text) if len(text) <= 20 else None
    return m is not None and 0 < int(m.group("n")) <= int(m.group("m"))
