"""Page furniture of English-language publishers (invented articles, no publisher text): the shapes their
headers, picture credits and captions take in a text dump, in the region and glued layouts."""

from __future__ import annotations

import pytest

from tests.test_convert_rules import PARAS, convert, label_of

P = PARAS["en"]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.credit, c.caption) for c in convert(text).credits]


# --- "Credit..." after a caption ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Residents at the council meeting on Tuesday. Credit... Mark Lowe for The Riverton Courier",
        "Residents at the council meeting on Tuesday.Credit...Mark Lowe for The Riverton Courier",
    ],
)
def test_credit_after_an_ellipsis(line: str) -> None:
    text = page("Council votes to rebuild the old bridge", line, "By Jane Roe", P[0], P[1], P[2])
    rec = convert(text)
    assert pairs(text) == [
        ("Mark Lowe for The Riverton Courier", "Residents at the council meeting on Tuesday.")
    ]
    assert rec.headline == "Council votes to rebuild the old bridge"


def test_credit_ellipsis_alone_on_its_line() -> None:
    text = page(P[0], "Residents at the council meeting on Tuesday.\nCredit...Mark Lowe/Reuters", P[1], P[2])
    assert label_of(text, "Credit...Mark Lowe/Reuters")[0] == "credit"
    assert ("Mark Lowe/Reuters", "Residents at the council meeting on Tuesday.") in pairs(text)
