"""Slash dates ("03/04/2024"): the order of day and month comes from evidence, never a silent guess.

A part above 12 settles one date; the document's settled slash dates settle its open ones; else the
language's default from the rule tables; else the header's date written another way or the word order of
the document's written-out dates; else no date. Every text is invented.
"""

from __future__ import annotations

import pytest

from corpus.convert.api import convert_bytes
from corpus.convert.rules import RULES
from tests.test_convert_rules import article

TITLE_EN = "Council votes to rebuild the old bridge after years of debate"


def published(text: str, meta: dict[str, object] | None = None) -> str | None:
    return convert_bytes(text.encode("utf-8"), id="t", file="t.txt", meta=meta).published


def test_a_part_above_twelve_settles_the_order_in_any_language() -> None:
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "04/28/2023"])) == "2023-04-28"
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "28/04/2023"])) == "2023-04-28"


def test_an_open_english_slash_date_with_no_evidence_is_not_taken() -> None:
    # the US writes 03/04/2024 for March 4, the UK for 3 April: no reading is safer than a wrong one
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024"])) is None


@pytest.mark.parametrize(
    ("other", "iso"),
    [
        ("Previously: the council vote of 12/19/2023", "2024-03-04"),  # US order elsewhere: month first
        ("Previously: the council vote of 19/12/2023", "2024-04-03"),  # day first elsewhere
    ],
)
def test_the_documents_settled_slash_dates_settle_an_open_one(other: str, iso: str) -> None:
    text = article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024"], bottom=[other])
    assert published(text) == iso


def test_a_header_date_written_in_words_wins_over_an_open_slash_date() -> None:
    text = article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024", "Updated April 9, 2024"])
    assert published(text) == "2024-04-09"


def test_the_word_order_of_written_dates_settles_an_open_slash_date() -> None:
    us = "The first vote, on January 15, 2024, had failed by a single voice in the crowded council room."
    uk = "The first vote, on 15 January 2024, had failed by a single voice in the crowded council room."
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024"], bottom=[us])) == "2024-03-04"
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024"], bottom=[uk])) == "2024-04-03"


@pytest.mark.parametrize("lang", ["de", "fr", "es"])
def test_languages_that_write_day_first_read_an_open_slash_date_day_first(lang: str) -> None:
    assert RULES.slash_dates[lang] == "day-month"
    assert published(article(lang, top=["03/04/2024"])) == "2024-04-03"


def test_english_has_no_default_order_in_the_rule_tables() -> None:
    assert "en" not in RULES.slash_dates


def test_a_sidecar_slash_date_is_settled_by_the_document_or_left_to_the_text() -> None:
    us = article("en", top=[TITLE_EN, "By Jane Roe"], bottom=["Previously: the council vote of 12/19/2023"])
    assert published(us, {"published": "03/04/2024"}) == "2024-03-04"
    # nothing settles it: the sidecar value is dropped and the text's own date is used
    plain = article("en", top=[TITLE_EN, "By Jane Roe", "March 5, 2024"])
    assert published(plain, {"published": "03/04/2024"}) == "2024-03-05"
    assert published(plain, {"published": "2024-03-04"}) == "2024-03-04"


def test_the_same_number_twice_is_no_open_date() -> None:
    assert published(article("en", top=[TITLE_EN, "By Jane Roe", "02/02/2025"])) == "2025-02-02"


@pytest.mark.parametrize(
    "text", ["31 April 2024", "29 February 2023", "30/02/2024", "April 31, 2024", "31.04.2024"]
)
def test_a_date_the_calendar_lacks_is_no_date(text: str) -> None:
    from corpus.convert.fields.dates import find_date

    assert find_date(text) is None
    assert find_date("29 February 2024") is not None  # a leap year has it


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://example.org/2024/03/04/bridge-vote", "2024-03-04"),  # month first, as the URL says
        ("https://example.org/news/2024-04-03-bridge-vote", "2024-04-03"),
        ("https://example.org/2024/05/01/bridge-vote", None),  # neither reading: it settles nothing
    ],
)
def test_the_date_in_the_articles_url_settles_an_open_slash_date(url: str, iso: str | None) -> None:
    text = article("en", top=[TITLE_EN, "By Jane Roe", "03/04/2024"])
    assert published(text, {"url": url}) == iso
