"""Authors signed below the article by their initials: "ssi, dan; Photo: …", "News, 3.4.2024; abc/defg;hij".

German-language and Swiss newsrooms sign an article with its editors' short codes (two to five lower-case
letters, a desk's code before a slash) at its end, often in one line with the picture credit or the
programme it aired in, the parts between semicolons. Taken only when nothing else signs the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from corpus.convert.labels import BODY, BOILERPLATE, BYLINE, DATELINE
from corpus.convert.rules import RULES

if TYPE_CHECKING:
    from corpus.convert.engine import LineDecision

_CODE: Final = r"[a-zäöüß]{2,5}(?:/[a-zäöüß]{2,5})?"
_CODES: Final = re.compile(rf"^\(?{_CODE}(?:\s*,\s*{_CODE})*\)?$")
# lines after the last paragraph where the signature may stand (an info box may come between)
_SPAN: Final = 8


def initials(text: str, stop: frozenset[str]) -> list[str]:
    """The codes of a line whose parts between semicolons include one of codes only; [] otherwise."""
    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 and not (text.startswith("(") and text.endswith(")")):
        return []  # a lone lower-case word ("mehr", "abo") is a button, not a signature
    got: list[str] = []
    for p in parts:
        if _CODES.match(p):
            for code in p.strip("()").split(","):
                code = code.strip()
                if any(w in stop or w in RULES.ui_words for w in code.split("/")):
                    return []  # "und", "mehr": words, not codes
                got.append(code)
    return got


def end_initials(nb: list[LineDecision], e: int, stop: frozenset[str]) -> None:
    """Initials on a line shortly after the last paragraph sign the article."""
    for d in nb[e + 1 : e + 1 + _SPAN]:
        if d.label not in (BODY, BOILERPLATE, DATELINE, "") or d.features is None or d.features.words > 20:
            continue
        got = initials(d.text, stop)
        if got:
            if d.label != DATELINE:
                d.label, d.rule = BYLINE, "byline: initials below the last paragraph"
            else:
                d.rule += "; initials sign the article"
            d.data["authors"] = got
            return
