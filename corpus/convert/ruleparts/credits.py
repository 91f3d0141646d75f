"""Picture credits and captions: credit labels by kind ("Foto:" is a photo's), the credit line's shapes, caption
labels, copyright marks, and the agencies a credit or a dateline names."""

from __future__ import annotations

import re
from typing import Final, TypedDict

from corpus.convert.patterns import alternation
from corpus.convert.ruleparts.tables import Tables

_KINDS: Final = ("photo", "video", "illustration", "graphic")  # the [credit] lists of labels, by kind
# "Photo by Jane Roe", "Foto von …": the words between a label and its credit besides a colon
_BY_WORDS: Final = ("by", "von", "de", "di", "par", "por", "door", "av", "af")
# "Foto: Jane Roe. Styling: John Doe. Haare: …": further "Label: value" parts after the credit are not it
_MORE_LABELS: Final = r"(?:\.\s+[A-ZÀ-Þ][\w-]{1,20}(?:\s[\w-]{1,20})?:.*)?"
# Separators after a credit label besides ":" and "by": a full-width colon or slash ("写真：共同"), "=" ("사진=홍길동"),
# a slash after a label in a script without spaces ("图/新华社"), nothing but a space after an abbreviated label
# ending in a period ("Fot. Jan Nowak"), an ellipsis ("Credit...Jane Roe")
_WIDE_SEPARATORS: Final = r"：|=|／|(?<=[^\x00-\x7f])/|(?<=\.)(?=\s)|\.\.\.|…"
# what may stand before a label glued to a caption's end: a lower-case letter or a stop ("…CupCredit:"), or a
# word in capitals ("…VALENTINOFoto:")
_GLUED_AFTER: Final = r"(?:[\s\S][a-zß-ÿ.!?)\]]|[A-ZÀ-Þ]{2})"


class CreditRules(TypedDict):
    credit_kinds: dict[str, str]
    credit_weak: frozenset[str]
    credit_lead: frozenset[str]
    caption_label: re.Pattern[str]
    credit_start: re.Pattern[str]
    credit_glued: re.Pattern[str]
    credit_label_alone: re.Pattern[str]
    credit_inline: re.Pattern[str]
    credit_copyright: re.Pattern[str]
    credit_courtesy: re.Pattern[str]
    credit_tail_label: re.Pattern[str]
    credit_tail_gate: re.Pattern[str]


class AgencyRules(TypedDict):
    credit_agency_end: re.Pattern[str]
    agency: re.Pattern[str]
    agency_words: frozenset[str]
    agency_head: re.Pattern[str]
    agency_sep: re.Pattern[str]
    credit_tail_names: frozenset[str]
    credit_agencies: frozenset[str]


def credit_kinds(t: Tables) -> dict[str, str]:
    """Lower-case label -> its kind ("foto" -> "photo"); a label listed under two kinds takes the later."""
    kinds: dict[str, str] = {}
    for kind in _KINDS:
        for label in t.gather("credit", kind):
            kinds[label.lower()] = kind
    return kinds


def credit_rules(t: Tables, kinds: dict[str, str]) -> CreditRules:
    flags = re.IGNORECASE
    label_alt = alternation(list(kinds), fold=True)
    captions = alternation(t.gather("credit", "caption_labels") or ["\x00"], fold=True)
    marks_alt = alternation(t.common.get("credit", {}).get("copyright_marks", ["©"]))
    courtesy = alternation(t.gather("credit", "courtesy") or ["\x00"])
    # labels a comma or only a space follows ("Image source, Getty Images", "Image copyright EPA"): one
    # lookbehind each, a comma after any label would take "Photos, videos and more" for a credit
    commas = "".join(rf"(?<={re.escape(x)})(?:,|(?=\s))" + "|" for x in t.gather("credit", "comma_labels"))
    tails = t.gather("credit", "tail_labels")
    # a glued label shows by its capital: labels of scripts without capitals cannot be told
    glued = alternation([k[:1].upper() + k[1:] for k in kinds if k[:1].upper().isupper()], after=_GLUED_AFTER)
    return {
        "credit_kinds": kinds,
        "credit_weak": frozenset(w.lower() for w in t.gather("credit", "weak")),
        "credit_lead": frozenset(w.lower() for w in t.gather("credit", "lead")),
        "caption_label": re.compile(r"^(?P<label>" + captions + r")[,:]?\s*(?P<caption>\S.*)$", flags),
        "credit_start": re.compile(
            r"^[(（]?(?P<label>"
            + label_alt
            + r")(?:\s+credits?)?\s*(?::|(?:"
            + alternation(list(_BY_WORDS), fold=True)
            + r")\b|"
            + commas
            + _WIDE_SEPARATORS
            + r")\s*(?P<credit>\S.{0,160}?)[)）]?$",
            flags,
        ),
        "credit_glued": re.compile(  # "…VALENTINOFoto: X"
            r"(?P<label>"
            + glued
            + r")(?:\s+credits?)?\s*(?::|\.\.\.|…)\s*(?P<credit>[^:]{2,160}?)"
            + _MORE_LABELS
            + r"[)\]]?$"
        ),
        "credit_label_alone": re.compile(r"^\(?(?P<label>" + label_alt + r")(?:\s+credits?)?\s*:\s*$", flags),
        "credit_inline": re.compile(
            r"(?:^|[\s(\[（|–—-])[(（]?(?P<label>"
            + label_alt
            + r")(?:\s+credits?)?\s*(?:[:：=]|\.\.\.|…)\s*(?P<credit>[^:：=]{2,160}?)"
            + _MORE_LABELS
            + r"[)\]）]?$",
            flags,
        ),
        "credit_copyright": re.compile(
            r"^(?P<caption>.*?)[\s(|–—-]*(?:" + marks_alt + r")\s*(?P<credit>[^©]{2,120}?)\)?$"
        ),
        "credit_courtesy": re.compile(r"^.{4,}?（[^（）]{1,40}?\s*(?:" + courtesy + r")）$"),
        # "CAPTION. Foto di Jane Roe", "CAPTION (foto di Jane Roe)", "CAPTION. Fot. Jane Roe/PAP": a label that
        # opens the credit after the caption without a colon (rules/<lang>.toml, credit.tail_labels); in lower
        # case only in brackets ("… la foto di Jane Roe" ends a sentence)
        "credit_tail_gate": re.compile(
            alternation(tails or ["\x00"])
        ),  # any label, anywhere: the cheap test first
        "credit_tail_label": re.compile(
            r"(?:(?<![^\s(\[])(?P<label>"
            + alternation([x for x in tails if not x[:1].islower()] or ["\x00"])
            + r")|(?<=[(\[])(?P<low>"
            + alternation([x for x in tails if x[:1].islower()] or ["\x00"])
            + r"))\s+(?P<credit>[A-ZÀ-Þ][^()\[\]:]{1,80}?)[)\]]?$"
        ),
    }


def agency_rules(t: Tables) -> AgencyRules:
    agencies = t.common_list("credit", "agencies")
    # "IMAGO", "Imago", "imago": the agency's name in any of the cases publishers print it (short ones stay exact)
    agencies += [v for a in agencies if len(a) >= 4 for v in (a.upper(), a.capitalize(), a.lower())]
    agency_alt = alternation(agencies)
    return {
        "credit_agency_end": re.compile(
            r"^(?P<caption>.{8,}?)\s*[(\[]?(?P<credit>(?:[^()\[\]]{0,60}/\s*)?\b(?:"
            + agency_alt
            + r")\b(?:\s*(?:Photo|Images?|Foto))?(?:\s*/[^()\[\]]{0,60})?)[)\]]$"
        ),
        # "(AFP)", "[Nasa]"
        "agency": re.compile(r"(?:^|[\s/(\[|])(?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),
        "agency_words": frozenset(w.lower() for a in agencies for w in a.split()),
        "agency_head": re.compile(r"(?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),
        "agency_sep": re.compile(r"[\s/(\[|](?:" + agency_alt + r")(?:$|[\s/)\],.|;:])"),
        "credit_tail_names": frozenset(n.lower() for n in t.common_list("credit", "tail_names")),
        "credit_agencies": frozenset(t.common_list("credit", "agencies")),
    }
