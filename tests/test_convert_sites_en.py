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


# --- "Image source, X" / "Image caption, Y" and a header dated by the page's age ------------------------------

SOURCE_CAPTION = page(
    "Council backs plan to rebuild the old river bridge",
    "3 hours ago",
    "Share",
    "Jane Roe",
    "City News, Riverton",
    "Image source, Northfield Photo Agency\nImage caption, The old bridge has been closed to lorries since May",
    P[0],
    P[1],
    "Image source, Getty Images",
    "Image caption, Engineers inspect the supports under the deck",
    P[2],
    P[3],
)


def test_image_source_line_is_a_credit_and_takes_the_labelled_caption() -> None:
    assert pairs(SOURCE_CAPTION) == [
        ("Northfield Photo Agency", "The old bridge has been closed to lorries since May"),
        ("Getty Images", "Engineers inspect the supports under the deck"),
    ]


def test_an_age_below_the_title_is_header_evidence() -> None:
    rec = convert(SOURCE_CAPTION)
    assert rec.headline == "Council backs plan to rebuild the old river bridge"
    assert rec.byline.authors == ["Jane Roe"]
    assert "Image" not in rec.body


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


# --- "Image: CAPTION. Pic: X" ----------------------------------------------------------------------------


def test_caption_label_then_a_labelled_credit() -> None:
    text = page(P[0], "Image: Residents queue outside the town hall. Pic: Reuters", P[1], P[2])
    assert pairs(text) == [("Reuters", "Residents queue outside the town hall.")]


def test_lone_caption_label_leaves_a_caption_with_its_own_credit() -> None:
    text = page(P[0], P[1], "Image:", "Residents queue outside the town hall. Pic: Jane Roe", P[2], P[3])
    assert pairs(text) == [("Jane Roe", "Residents queue outside the town hall.")]


# --- credits in brackets at a caption's end -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "credit", "caption"),
    [
        (
            "Engineers inspect the bridge supports on March 4. (Mark Lowe for The Riverton Courier)",
            "Mark Lowe for The Riverton Courier",
            "Engineers inspect the bridge supports on March 4.",
        ),
        (
            "Engineers inspect the supports under the old bridge [Riverton Courier]",
            "Riverton Courier",
            "Engineers inspect the supports under the old bridge",
        ),
        (
            "Engineers inspect the supports under the old bridge (Courier Photo)",
            "Courier Photo",
            "Engineers inspect the supports under the old bridge",
        ),
    ],
)
def test_bracketed_credit_shapes(line: str, credit: str, caption: str) -> None:
    text = page("Council votes to rebuild the old bridge", "By Jane Roe", line, P[0], P[1], P[2])
    rec = convert(text)
    assert pairs(text) == [(credit, caption)]
    assert rec.headline == "Council votes to rebuild the old bridge"


@pytest.mark.parametrize(
    "line",
    [
        "Skip to the main menu of the site [AK+3]",
        "Residents can find the full plan online here (Watch Video)",
    ],
)
def test_brackets_that_credit_nobody(line: str) -> None:
    assert pairs(page(P[0], line, P[1], P[2])) == []


# --- notices and buttons between and after the paragraphs ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "A version of this article appears in print on May 3, 2024, Section A, Page 6 of the City edition with the"
        " headline: Council Votes on Bridge. Order Reprints | Today’s Paper | Subscribe",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside"
        " parties. For more on how we handle your data, and on the tools that keep this sign-up form safe from"
        " abuse, see the pages linked below this box.",
        "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
        "Why you can trust the Riverton Courier",
        "Keep up with all the latest news from the region and around the world by following us on social media.",
        "Catch all the city news and the latest updates from the council on our live page.",
        "View image in fullscreen",
        "Link Copied!",
    ],
)
def test_publisher_notices_are_not_body(line: str) -> None:
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], line, P[2], P[3])
    )
    assert line[:30] not in rec.body
    assert rec.body.count("\n\n") == 3


def test_in_short_box_is_not_body() -> None:
    box = "In short:\nThe bridge will close for two years from the spring.\nDrivers will use the ring road instead."
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", box, "Image: Jane Roe", P[0], P[1])
    )
    assert "ring road" not in rec.body
    assert rec.body.startswith(P[0][:40])


# --- a credit set in capitals after the caption ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "credit", "caption"),
    [
        (
            "Engineers inspect the old bridge supports GETTY IMAGES",
            "GETTY IMAGES",
            "Engineers inspect the old bridge supports",
        ),
        (
            "Engineers inspect the old bridge supportsMARK LOWE/ALAMY",
            "MARK LOWE/ALAMY",
            "Engineers inspect the old bridge supports",
        ),
        (
            "Engineers inspect the old bridge supportsMARK LOWE",
            "MARK LOWE",
            "Engineers inspect the old bridge supports",
        ),
    ],
)
def test_credit_in_capitals_after_the_caption(line: str, credit: str, caption: str) -> None:
    assert pairs(page(P[0], line, P[1], P[2])) == [(credit, caption)]


def test_a_title_ending_in_capitals_has_no_credit() -> None:
    assert pairs(page(P[0], P[1], "The bridge plan and what it means for TWO TOWNS", P[2])) == []


# --- the title above a standfirst without a stop, below a breadcrumb -------------------------------------------


def test_title_between_a_breadcrumb_and_a_standfirst_without_stop() -> None:
    text = page(
        "News / Cities / Riverton",
        "Council votes to rebuild the old bridge over the river",
        "The work will begin in the spring and last about two years, the engineers said",
        "By Jane Roe, Riverton",
        "Mar 12, 2024 06:05 PM IST",
        P[0],
        P[1],
        P[2],
    )
    rec = convert(text)
    assert rec.headline == "Council votes to rebuild the old bridge over the river"
    assert rec.byline.authors == ["Jane Roe"]


def test_a_breadcrumb_is_no_title() -> None:
    text = page("Home / News / Riverton", "By Jane Roe", P[0], P[1], P[2])
    assert convert(text).headline is None


def test_title_below_a_section_line_and_above_a_standfirst_without_stop() -> None:
    text = page(
        "Roads and transport in the region",
        "Council votes to rebuild the old bridge over the river",
        "The work will begin in the spring and last about two years, the engineers said",
        "By Jane Roe",
        "March 12, 2024",
        P[0],
        P[1],
        P[2],
    )
    assert convert(text).headline == "Council votes to rebuild the old bridge over the river"


# --- the author's bio beside the article ----------------------------------------------------------------------


def test_bio_of_the_bylined_author_above_the_text_is_no_lede() -> None:
    bio = "Jane Roe is a senior reporter covering cities and transport, with a focus on how people travel at night."
    rec = convert(
        page(
            "Council votes to rebuild the old bridge", "By Jane Roe", "March 12, 2024", bio, P[0], P[1], P[2]
        )
    )
    assert rec.byline.authors == ["Jane Roe"]
    assert "senior reporter" not in rec.body
    assert rec.body.startswith(P[0][:40])


def test_bio_like_lede_about_someone_else_stays() -> None:
    lede = "John Doe is a retired engineer who has walked across the old bridge every morning for forty years now."
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", "March 12, 2024", lede, P[0], P[1])
    )
    assert rec.body.startswith(lede)


# --- roles, desks and credits of English bylines ---------------------------------------------------------------


def test_a_regional_role_below_the_name_is_no_second_author() -> None:
    text = page(
        "Council votes to rebuild the old bridge", "By Jane Roe", "South East Correspondent", P[0], P[1]
    )
    assert convert(text).byline.authors == ["Jane Roe"]


def test_photographer_and_paper_in_capitals_after_the_caption() -> None:
    text = page(
        P[0], "Residents queue outside the town hall on Tuesday. Mark Lowe, RIVERTON COURIER", P[1], P[2]
    )
    assert pairs(text) == [
        ("Mark Lowe, RIVERTON COURIER", "Residents queue outside the town hall on Tuesday.")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Have a confidential tip for our reporters? Get in touch",
        "Republish this article",
        "Republish our articles for free, online or in print, under a Creative Commons license.",
    ],
)
def test_tip_and_republish_prompts_are_not_body(line: str) -> None:
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], P[2], line, P[3])
    )
    assert line[:20] not in rec.body
    assert rec.headline == "Council votes to rebuild the old bridge"


# --- header lines: labelled dates, date bars and titles in Title Case ------------------------------------------


def test_labelled_date_line_is_a_date() -> None:
    text = page("Council votes to rebuild the old bridge", "Published: March 12, 2024 6:05pm GMT", P[0], P[1])
    label, rule = label_of(text, "Published: March 12, 2024 6:05pm GMT")
    assert label == "dateline", rule
    assert str(convert(text).published).startswith("2024-03-12")


def test_a_date_bar_is_no_title() -> None:
    bar = "Edited by John Doe | Updated: March 12, 2024 6:05 pm IST"
    assert convert(page(bar, P[0], P[1], P[2])).headline is None


def test_title_case_title_is_no_name_line() -> None:
    text = page("City Announces Night Bus Trial For Hospital Staff", "Reported by Jane Roe", P[0], P[1], P[2])
    rec = convert(text)
    assert rec.headline == "City Announces Night Bus Trial For Hospital Staff"
    assert rec.byline.authors == ["Jane Roe"]


# --- a caption that names its date; a title of two short sentences ---------------------------------------------


def test_caption_naming_its_date_pairs_with_the_credit_below() -> None:
    block = "Boats moored at the harbour on March 4, 2024.\nPhoto: Mark Lowe/AFP via Getty Images"
    text = page("Council votes to rebuild the old bridge", "By Jane Roe", "March 12, 2024", block, P[0], P[1])
    assert pairs(text) == [
        ("Mark Lowe/AFP via Getty Images", "Boats moored at the harbour on March 4, 2024.")
    ]
    assert str(convert(text).published).startswith("2024-03-12")


def test_title_of_two_short_sentences_in_title_case() -> None:
    title = "The Bridge Was Failing for Years. The Council Knew."
    text = page(title, "By Jane Roe", "March 12, 2024", P[0], P[1], P[2])
    rec = convert(text)
    assert rec.headline == title
    assert title not in rec.body


def test_two_sentences_of_a_german_lede_are_no_title() -> None:
    lede = "Die Stadt baut die alte Brücke neu. Die Arbeiten beginnen im Frühjahr."
    text = page(lede, "Von Max Muster", *PARAS["de"][:3])
    assert convert(text).headline != lede


# --- wire notes, saved-story prompts and live-blog stamps ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Some information for this report came from the national news agency and the regional wire service.",
        "You can find this story in My Saved Stories.",
    ],
)
def test_wire_notes_and_saved_story_prompts_are_not_body(line: str) -> None:
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], P[2], line, P[3])
    )
    assert line[:25] not in rec.body


def test_live_blog_stamp_with_time_zone_is_no_subheading() -> None:
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], "12.10 GMT", P[2], P[3])
    )
    assert "12.10 GMT" not in rec.body


def test_role_alone_below_the_name_is_neither_author_nor_credit() -> None:
    text = page(
        "Why Shoppers Are Trading Down", "Jane Roe", "Contributor", "Mar 12, 2024, 06:05pm EDT", P[0], P[1]
    )
    rec = convert(text)
    assert rec.byline.authors == ["Jane Roe"]
    assert pairs(text) == []


# --- an embedded post's consent box, closed by name ------------------------------------------------------------


def test_embedded_post_box_is_not_body() -> None:
    box = [
        "Skip social post",
        "Allow social content?",
        "This article contains content provided by a social network. We ask for your permission before anything is"
        " loaded, as they may be using cookies and other technologies. You may want to read the network's own"
        " policies before accepting. To view this content choose to accept and continue below.",
        "Accept and continue",
        "End of social post",
    ]
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], *box, P[2], P[3])
    )
    assert "social" not in rec.body
    assert "Accept" not in rec.body
    assert rec.body.count("\n\n") == 3


def test_box_closed_by_an_after_line() -> None:
    box = [
        "Skip past box of events",
        "Town Weekly brings you the best events of the week, from concerts to markets, every Friday morning.",
        "after box of events",
    ]
    rec = convert(
        page("Council votes to rebuild the old bridge", "By Jane Roe", P[0], P[1], *box, P[2], P[3])
    )
    assert "Town Weekly" not in rec.body


# --- more credit labels and shapes -----------------------------------------------------------------------------

CAPTION = "Residents queue outside the town hall on Tuesday."


@pytest.mark.parametrize(
    ("tail", "credit"),
    [
        (" Photographer: Mark Lowe/Bloomberg", "Mark Lowe/Bloomberg"),
        (" Composite: Courier Design; Getty Images", "Courier Design; Getty Images"),
        (" Photo illustration by Mark Lowe", "Mark Lowe"),
        (" Courtesy of Riverton Council", "Courtesy of Riverton Council"),
    ],
)
def test_more_credit_labels(tail: str, credit: str) -> None:
    assert pairs(page(P[0], CAPTION + tail, P[1], P[2])) == [(credit, CAPTION)]


def test_copyright_word_before_a_slash_credit_is_neither_caption_nor_credit() -> None:
    line = "Residents queue outside the town hall on Tuesday Copyright Mark Lowe/AP"
    assert pairs(page(P[0], line, P[1], P[2])) == [
        ("Mark Lowe/AP", "Residents queue outside the town hall on Tuesday")
    ]
