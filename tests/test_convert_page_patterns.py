"""Page patterns that hold on any site (invented text): each test fails without the rule it names."""

from __future__ import annotations

import pytest
from test_convert_rules import convert

from corpus.convert.fields.dates import find_date

PARAS = [
    "The harbour authority opened a new ferry terminal on Monday, after two years of building work and a long "
    "argument about who would pay for the larger car deck that the island's hauliers had asked for.",
    "Passengers said the waiting hall was brighter and warmer than the old shed, and several of them praised "
    "the new ramps that let people with prams and wheelchairs walk straight onto the boats.",
    "The operator plans to add a late crossing on Fridays from next month, and it will review the timetable "
    "again in the autumn once it has counted how many people use the early morning boats.",
    "A spokesperson for the authority said the final bill was slightly below the budget agreed three years "
    "ago, because the steel for the new pier had been bought before prices rose.",
]


def test_teaser_picture_credits_below_the_related_list_are_furniture() -> None:
    article = [
        "Harbour opens its new ferry terminal",
        "By Jane Roe",
        "The new terminal seen from the pier on Monday.\nPhoto: John Doe",
        *PARAS,
        "Related stories",
        "Island school gets a new roof before winter\nPhoto: Reuters",
        "Fishing boats return to the old quay\nPhoto: Max Muster/dpa",
    ]
    rec = convert("\n\n".join(article) + "\n")
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("John Doe", "The new terminal seen from the pier on Monday.")
    ]
    assert rec.body == "\n\n".join(PARAS)


def test_the_articles_photographer_credited_again_at_the_end_stays() -> None:
    article = [
        "Harbour opens its new ferry terminal",
        "By Jane Roe",
        "The new terminal seen from the pier on Monday.\nPhoto: John Doe",
        *PARAS,
        "Most read",
        "Island school gets a new roof before winter",
        "The waiting hall on its first morning.\nPhoto: John Doe",
    ]
    rec = convert("\n\n".join(article) + "\n")
    assert [c.caption for c in rec.credits] == [
        "The new terminal seen from the pier on Monday.",
        "The waiting hall on its first morning.",
    ]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Szerző: Kovács János", ["Kovács János"]),
        ("A cura di Mario Rossi", ["Mario Rossi"]),
        ("Skrevet af Jens Jensen", ["Jens Jensen"]),
        ("Skriven av Anna Svensson", ["Anna Svensson"]),
    ],
)
def test_byline_prefixes_of_more_languages(line: str, authors: list[str]) -> None:
    rec = convert("\n\n".join(["Harbour opens its new ferry terminal", line, *PARAS]) + "\n")
    assert rec.byline.authors == authors
    assert line not in rec.body


@pytest.mark.parametrize("credit_line", ["Foto di Mario Rossi", "Ph: Mario Rossi", "Photo par Mario Rossi"])
def test_credit_labels_with_a_preposition_or_an_abbreviation(credit_line: str) -> None:
    caption = "The waiting hall on its first morning."
    text = "\n\n".join(["Harbour opens its new ferry terminal", f"{caption}\n{credit_line}", *PARAS]) + "\n"
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [("Mario Rossi", caption)]


@pytest.mark.parametrize(
    "line",
    [
        "Lue myös: Valtuusto hyväksyi uuden budjetin",
        "İlgili Haber: Meclis yeni bütçeyi onayladı",
        "Lesen Sie dazu: Rat beschließt neuen Haushalt",
    ],
)
def test_inline_read_also_teaser_is_not_body(line: str) -> None:
    rec = convert("\n\n".join([*PARAS[:2], line, *PARAS[2:]]) + "\n")
    assert rec.body == "\n\n".join(PARAS)


def test_finnish_date() -> None:
    found = find_date("28. huhtikuuta 2024 klo 10.00")
    assert found is not None and found[0] == "2024-04-28"


@pytest.mark.parametrize(
    "button", ["Sigue leyendo", "Lees verder", "Haberin devamı", "Czytaj dalej", "Prenumerera"]
)
def test_buttons_of_more_languages_between_paragraphs_are_not_body(button: str) -> None:
    rec = convert("\n\n".join([*PARAS[:2], button, *PARAS[2:]]) + "\n")
    assert rec.body == "\n\n".join(PARAS)


@pytest.mark.parametrize(
    "line", ["Dela på Facebook", "Udostępnij na Facebooku", "Facebook'ta paylaş", "Sdílet na X"]
)
def test_share_lines_of_more_languages_are_not_body(line: str) -> None:
    rec = convert("\n\n".join([*PARAS[:2], line, *PARAS[2:]]) + "\n")
    assert rec.body == "\n\n".join(PARAS)
