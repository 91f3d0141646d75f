"""Headline choice on invented pages: the general page patterns the headline round fixed."""

from __future__ import annotations

from test_convert_rules import PARAS, convert

EN = PARAS["en"]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


# --- a two-word title ------------------------------------------------------------------------------------


def test_two_word_title_right_above_its_byline() -> None:
    text = page("News", "Bridge reopens", "By Jane Roe", "March 3, 2025", *EN)
    assert convert(text).headline == "Bridge reopens"


def test_two_word_title_above_its_date() -> None:
    text = page("Ferry returns", "March 3, 2025", *EN)
    assert convert(text).headline == "Ferry returns"


def test_two_word_section_label_of_the_menu_is_no_title() -> None:
    text = page("Local News", "Sports", "Weather", "Local News", "March 3, 2025", *EN)
    assert convert(text).headline is None


def test_two_word_kicker_above_a_title_stays_a_kicker() -> None:
    text = page("Bridge row", "Council votes to rebuild the old bridge", "By Jane Roe", *EN)
    assert convert(text).headline == "Council votes to rebuild the old bridge"


# --- a clock time under the title ------------------------------------------------------------------------


def test_short_clock_line_under_the_title_is_its_header() -> None:
    text = page("Council votes to rebuild the old bridge", "Updated 10:42 AM", *EN)
    assert convert(text).headline == "Council votes to rebuild the old bridge"


def test_short_clock_line_is_never_the_title() -> None:
    text = page("Menu", "Updated 10:42 AM", *EN)
    assert convert(text).headline is None


def test_relative_date_of_four_words_is_never_the_title() -> None:
    text = page("Menu", "LIVE", "Council votes to rebuild the old bridge", "Updated 2 hours ago", *EN)
    assert convert(text).headline == "Council votes to rebuild the old bridge"


def test_bar_of_header_facts_is_never_the_title() -> None:
    text = page("Menu", "As of 10:42 | Reading time: 4 minutes", *EN)
    assert convert(text).headline is None


# --- a breadcrumb glued to the title ---------------------------------------------------------------------


def test_breadcrumb_glued_without_a_space_is_cut_off_where_the_page_prints_the_title_alone() -> None:
    title = "Council votes to rebuild the old bridge"
    text = page(f"HomeLocal News{title}", title, "Town Herald", "March 3, 2025", *EN)
    assert convert(text).headline == title


def test_a_capital_inside_a_word_cuts_nothing_without_the_title_alone() -> None:
    title = "YouTube removes the council's bridge videos"
    text = page(title, "By Jane Roe", "March 3, 2025", *EN)
    assert convert(text).headline == title


def test_a_line_of_button_words_is_still_no_title() -> None:
    text = page("Print this article and share it with friends", "Menu", *EN)
    assert convert(text).headline is None


def test_little_words_of_the_button_tables_leave_a_german_title_alone() -> None:
    de = PARAS["de"]
    for title in ("Alle Infos zur neuen App der Stadt", "Das ist neu in der App"):
        text = page(title, "Von Jana Roth", "12.03.2024, 14:05 Uhr", *de)
        assert convert(text).headline == title


def test_two_word_section_label_above_the_date_is_no_title() -> None:
    assert convert(page("Local News", "March 3, 2025", *EN)).headline is None
