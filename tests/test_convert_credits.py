"""Credits and captions (corpus/convert/fields/credits.py and the pairing pass): one invented case per rule."""

from __future__ import annotations

import pytest

from corpus.record import Record
from tests.test_convert_rules import article, convert


def pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.credit, c.caption) for c in convert(text).credits]


def test_a_quote_inside_the_captions_last_sentence_does_not_hide_the_agency_after_it() -> None:
    line = "The mayor and the 'bridge team' at the river on Monday. AFP"
    rec = convert(article("en", middle=[line]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("AFP", "The mayor and the 'bridge team' at the river on Monday.")
    ]
    assert "bridge team" not in rec.body


def test_a_name_agency_line_above_a_title_like_caption_in_its_block() -> None:
    block = "Jana Roth/Picture Press\nDie Bürgermeisterin und ihr Team an der Brücke 2023"
    rec = convert(article("de", middle=[block]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Jana Roth/Picture Press", "Die Bürgermeisterin und ihr Team an der Brücke 2023")
    ]
    assert "ihr Team an der Brücke" not in rec.body


def test_an_agency_in_a_menu_beside_a_link_is_no_credit() -> None:
    block = "AP Stylebook\nAP Photo Archive Blog\nAP Newsroom Values"
    assert pairs(article("en", middle=[block])) == []
    menu = "Sign In / Register Account\nAccount Settings Log Out"
    assert pairs(article("en", middle=[menu])) == []


def test_a_caption_opening_like_a_bio_beside_a_credit_is_the_caption() -> None:
    block = "Wild Garlic is a common plant of shady river banks (\nImage:\nGetty Images/Stock)"
    rec = convert(article("en", middle=[block]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Getty Images/Stock", "Wild Garlic is a common plant of shady river banks")
    ]
    assert "Wild Garlic" not in rec.body


def test_photo_labels_of_more_languages_mark_credits() -> None:
    vi = "Bác sĩ khám cho bệnh nhân tại phòng khám. Ảnh: Nguyễn Văn An"
    assert pairs(article("en", middle=[vi])) == [
        ("Nguyễn Văn An", "Bác sĩ khám cho bệnh nhân tại phòng khám.")
    ]
    fi = "Kaupunginjohtaja esittelee uuden sillan suunnitelmia.\nKuva: Matti Virtanen/Lehtikuva"
    assert pairs(article("en", middle=[fi])) == [
        ("Matti Virtanen/Lehtikuva", "Kaupunginjohtaja esittelee uuden sillan suunnitelmia.")
    ]


def test_a_source_label_of_a_fact_box_is_no_picture_credit() -> None:
    box = "The old bridge carried two thousand cars a day before it closed.\n\nKilde: Store norske leksikon"
    rec = convert(article("en", middle=[box]))
    assert rec.credits == []
    assert "two thousand cars a day" in rec.body


def test_a_stock_site_alone_under_the_date_is_a_credit() -> None:
    rec = convert(article("en", top=["March 3, 2024", "janeroe - stock.adobe.com"]))
    assert [c.credit for c in rec.credits] == ["janeroe - stock.adobe.com"]


LONG_CAPTION = (
    "Residents of the river district wait in a long line beside the closed bridge on Tuesday morning, as "
    "engineers inspect the cracks that were found in its pillars last week. The council said the bridge would "
    "stay closed until the inspection is finished, and that buses would replace the trams that used to cross "
    "it every ten minutes during the day."
)


def test_a_caption_as_long_as_a_paragraph_still_ends_with_its_credit() -> None:
    rec = convert(article("en", middle=[LONG_CAPTION + " (Photo: Jane Roe)"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [("Jane Roe", LONG_CAPTION)]
    assert "engineers inspect the cracks" not in rec.body
    by = convert(article("en", middle=[LONG_CAPTION + " Photo by JANE ROE / AFP via Getty Images"]))
    assert [(c.credit, c.caption) for c in by.credits] == [("JANE ROE / AFP via Getty Images", LONG_CAPTION)]


def test_a_long_paragraph_ending_a_sentence_is_no_caption() -> None:
    rec = convert(article("en", middle=[LONG_CAPTION]))
    assert rec.credits == []
    assert "engineers inspect the cracks" in rec.body


def test_photo_by_with_the_photographer_left_blank() -> None:
    line = "The mayor speaks to reporters beside the old bridge on Tuesday. Photo by - / AFP via Getty Images"
    assert pairs(article("en", middle=[line])) == [
        ("- / AFP via Getty Images", "The mayor speaks to reporters beside the old bridge on Tuesday.")
    ]


def test_a_site_and_photographer_after_the_captions_last_sentence() -> None:
    line = "The mayor and two engineers walk across the old bridge on Tuesday. example.is/Jón Jónsson"
    assert pairs(article("en", middle=[line])) == [
        ("example.is/Jón Jónsson", "The mayor and two engineers walk across the old bridge on Tuesday.")
    ]


def test_an_agency_after_a_separator_at_the_captions_end() -> None:
    cap = "Die Bürgermeisterin zeigt die Pläne für die neue Brücke"
    assert pairs(article("de", middle=[f"{cap} / dpa"])) == [("dpa", cap)]
    assert pairs(article("de", middle=[f"{cap}. / dpa"])) == [("dpa", f"{cap}.")]
    assert pairs(article("de", middle=[f"{cap} | Max Muster/dpa"])) == [("Max Muster/dpa", cap)]


def test_a_credit_of_several_parts_is_not_split_into_caption_and_credit() -> None:
    block = "The mayor looks at the plans for the new bridge on Tuesday.\nJane Roe | Bloomberg | Getty Images"
    assert pairs(article("en", middle=[block])) == [
        ("Jane Roe | Bloomberg | Getty Images", "The mayor looks at the plans for the new bridge on Tuesday.")
    ]


def test_a_title_ending_in_capitals_after_a_dash_is_no_credit() -> None:
    line = "Interview with the mayor about the future of the old bridge – MUST SEE VIDEO"
    assert pairs(article("en", middle=[line])) == []


def test_an_agency_alone_under_a_title_like_caption_in_its_block() -> None:
    cap = "The mayor and her team at the old bridge in 2023"
    assert pairs(article("en", middle=[f"{cap}\nGetty Images"])) == [("Getty Images", cap)]
    assert pairs(article("de", middle=["Die Bürgermeisterin und ihr Team an der Brücke 2023\ndpa"])) == [
        ("dpa", "Die Bürgermeisterin und ihr Team an der Brücke 2023")
    ]


def test_a_posts_date_line_is_not_the_caption_of_the_agency_below_it() -> None:
    block = "Posted by Jane Roe on May 2, 2024, 6:21 AM EST\nGetty Images"
    assert all(cap is None or "Posted" not in cap for _, cap in pairs(article("en", middle=[block])))


def test_copyright_footers_are_no_picture_credits() -> None:
    for footer in (
        "A website of the Example Media Group © 2025 Example Media Group",
        "© Example Verlag GmbH 2024",
        "Powered by Example © Copyright 2024 The Example Times Inc. All rights reserved.",
    ):
        assert pairs(article("en", bottom=["Contact us", footer])) == [], footer


def test_a_line_naming_an_agency_among_small_words_is_no_credit() -> None:
    for line in ("mit dpa", "Aus dem Archiv", "Sport Wetter Rätsel Archiv Schlagworte Podcasts Videos"):
        assert pairs(article("de", middle=[line])) == [], line


def test_a_user_name_before_the_agency_is_a_credit() -> None:
    rec = convert(article("en", top=["March 3, 2024", "jroe/Reuters"]))
    assert [c.credit for c in rec.credits] == ["jroe/Reuters"]


def test_a_button_in_capitals_with_a_slash_is_no_credit() -> None:
    block = "Daily puzzles and the crossword, for readers who sign in.\nREGISTER / SIGN IN TO UNLOCK MORE ARTICLES"
    assert pairs(article("en", middle=[block])) == []


def test_a_button_row_in_capitals_is_no_caption_and_credit() -> None:
    assert pairs(article("en", middle=["ALREADY A SUBSCRIBER? LOG IN"])) == []


def test_the_label_before_the_copyright_sign_is_neither_caption_nor_credit() -> None:
    line = "Die Ministerin besucht die Baustelle an der alten Brücke. Bild © Jana Roth (hr)"
    assert pairs(article("de", middle=[line])) == [
        ("Jana Roth (hr)", "Die Ministerin besucht die Baustelle an der alten Brücke.")
    ]


def test_a_long_source_handed_out_via_an_agency_is_a_credit() -> None:
    block = (
        "The mayor signs the bridge contract at city hall on Tuesday.\nExample County Sheriff's Office via AP"
    )
    assert pairs(article("en", middle=[block])) == [
        (
            "Example County Sheriff's Office via AP",
            "The mayor signs the bridge contract at city hall on Tuesday.",
        )
    ]


def test_photo_courtesy_of_ends_a_caption() -> None:
    cap = "The new bridge as the architects imagine it."
    assert pairs(article("en", middle=[f"{cap} Photo courtesy of Example Architects"])) == [
        ("Example Architects", cap)
    ]
    assert pairs(article("en", middle=[f"{cap} (Photo courtesy of the city)"])) == [("the city", cap)]


def test_a_caption_printed_twice_leaves_the_body_both_times() -> None:
    cap = "The mayor speaks with workers at the old bridge on Tuesday, in the river district."
    rec = convert(article("en", middle=[f"{cap}\n{cap}\nPhoto: Jane Roe, AP"]))
    assert pairs(article("en", middle=[f"{cap}\n{cap}\nPhoto: Jane Roe, AP"])) == [("Jane Roe, AP", cap)]
    assert "workers at the old bridge" not in rec.body


def test_a_gallery_counter_makes_the_text_beside_it_a_caption() -> None:
    cap = "The mayor speaks with workers at the old bridge on Tuesday, in the river district."
    rec = convert(article("en", middle=[f"Image 2 of 7\n{cap}"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(None, cap)]
    assert "workers at the old bridge" not in rec.body
    assert "Image 2 of 7" not in rec.body and rec.headline != "Image 2 of 7"


def test_a_fraction_or_a_score_is_no_gallery_counter() -> None:
    line = "The council approved the plan by a wide margin after a long debate on Tuesday."
    assert pairs(article("en", middle=[f"7 / 3\n{line}"])) == []


def test_a_paragraph_restated_without_its_stop_further_down_is_a_caption() -> None:
    para = "Engineers found deep cracks in two of the pillars during the inspection that the council ordered last year."
    restated = para.removesuffix(".")
    rec = convert(article("en", middle=[para, "The council met again on Monday.", restated]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(None, restated)]
    assert rec.body.count("deep cracks") == 1


def test_a_standfirst_restated_as_the_first_paragraph_stays_text() -> None:
    para = "Engineers found deep cracks in two of the pillars during the inspection that the council ordered last year."
    rec = convert(article("en", top=[para.removesuffix("."), para]))
    assert rec.credits == []


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("{c}(Image: Jane Roe)", "Jane Roe"),  # a glued dump: the bracket glued to the caption
        ("{c}Photo by Jane Roe/AFP", "Jane Roe/AFP"),
        ("{c}. [Jane Roe/Reuters]", "Jane Roe/Reuters"),
        ("{c}. © Photo: Jane Roe", "Jane Roe"),
        ("{c}. (© AFP)", "AFP"),
    ],
)
def test_credit_forms_glued_or_bracketed_at_the_captions_end(line: str, credit: str) -> None:
    cap = "The mayor looks at the plans for the new bridge on Tuesday"
    got = pairs(article("en", middle=[line.format(c=cap)]))
    assert len(got) == 1 and got[0][0] == credit
    assert (got[0][1] or "").rstrip(".") == cap


def test_an_agency_glued_to_the_captions_last_stop() -> None:
    cap = "The mayor looks at the plans for the new bridge on Tuesday."
    assert pairs(article("en", middle=[f"{cap}Getty Images"])) == [("Getty Images", cap)]


def test_a_menu_link_naming_an_agency_is_no_credit() -> None:
    for line in ("More From Reuters News", "About Reuters"):
        assert pairs(article("en", top=["March 3, 2024", line])) == [], line
    assert pairs(article("en", top=["March 3, 2024", "Screenshot Instagram/Reuters"])) != []


def test_a_publishers_company_name_after_the_copyright_sign_is_a_footer() -> None:
    line = "A website of the Example group © Example Verlag und Druck GmbH & Co. KG"
    assert pairs(article("de", bottom=[line])) == []


def test_a_label_before_a_long_title_is_no_credit() -> None:
    line = "VIDEO: Why the people of one small town are happier than their neighbours across the river."
    assert pairs(article("en", middle=[line])) == []


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("{c} (Foto Ansa)", "Foto Ansa"),
        ("{c}. (Photo AFP)", "Photo AFP"),
        ("{c} (AFP PHOTO / JEAN DUPONT)", "AFP PHOTO / JEAN DUPONT"),
        ("{c}. (Jane Roe/The Town Paper via AP)", "Jane Roe/The Town Paper via AP"),
    ],
)
def test_a_bracket_opening_the_credit_stays_out_of_the_caption(line: str, credit: str) -> None:
    cap = "Il sindaco guarda i progetti del nuovo ponte sul fiume"
    got = pairs(article("en", middle=[line.format(c=cap)]))
    assert len(got) == 1 and got[0][0] == credit
    assert (got[0][1] or "").rstrip(".") == cap


def test_a_gallery_counter_opening_a_caption_is_cut() -> None:
    line = "2 of 4 The mayor looks at the plans for the new bridge on Tuesday. (Jane Roe/AP)"
    assert pairs(article("en", middle=[line])) == [
        ("Jane Roe/AP", "The mayor looks at the plans for the new bridge on Tuesday.")
    ]


def test_a_label_glued_to_a_word_in_capitals_ends_the_caption() -> None:
    line = "Die Ministerin trägt ein Kleid von EXAMPLEFoto: Jana Roth"
    assert pairs(article("de", middle=[line])) == [
        ("Jana Roth", "Die Ministerin trägt ein Kleid von EXAMPLE")
    ]


def test_a_list_of_sources_in_brackets_after_the_caption() -> None:
    cap = "Two residents were arrested for running an unlicensed office in the old town."
    line = f"{cap} (Example County Court, District of Northland)"
    assert pairs(article("en", middle=[line])) == [("Example County Court, District of Northland", cap)]


def test_a_reporting_sign_off_in_brackets_is_no_credit() -> None:
    line = "The council will vote on the final budget for the bridge next month. (Reporting by Jane Roe)"
    assert pairs(article("en", middle=[line])) == []


def test_an_agencys_full_name_after_the_captions_last_sentence() -> None:
    cap = (
        "The mayor and her team inspect the old bridge on Tuesday. The river was higher than usual that day."
    )
    assert pairs(article("en", middle=[f"{cap} The Associated Press"])) == [("The Associated Press", cap)]


def test_an_agencys_full_name_alone_is_no_credit() -> None:
    assert pairs(article("en", bottom=["The Associated Press"])) == []


def test_a_line_ending_with_a_colon_is_no_caption() -> None:
    assert [
        cap for _, cap in pairs(article("en", middle=["All credits of the shoot:\nPhoto: Jane Roe"]))
    ] == [None]


_MARCH = (
    "Thousands of farmers marched to the capital on Tuesday to protest against a rise in the price of water "
    "for irrigation, officials said.\n"
    "The government said it would meet their leaders next week to discuss the rise, which it says is needed "
    "to pay for new canals.\n"
)
_LAST = (
    "Police closed several roads into the city and asked drivers to use other routes until the march had "
    "ended, and said more marches were planned for next month in other cities."
)


@pytest.mark.parametrize("wire", ["AFP", "PTI", "Reuters", "ANI"])
def test_a_wire_name_glued_to_the_last_paragraph_signs_the_text(wire: str) -> None:
    rec = convert(f"Farmers protest over water prices\n{_MARCH}{_LAST} {wire}\n")
    assert rec.credits == []
    assert rec.body.split("\n\n")[-1] == f"{_LAST} {wire}"


def test_a_short_caption_with_its_agency_after_the_last_paragraph_is_still_a_picture() -> None:
    rec = convert(
        f"Farmers protest over water prices\n{_MARCH}{_LAST}\nFarmers near the border on Tuesday. PTI\n"
    )
    assert pairs_of(rec) == [("PTI", "Farmers near the border on Tuesday.")]
    assert rec.body.split("\n\n")[-1] == _LAST


def test_a_long_caption_with_its_agency_between_paragraphs_is_still_a_picture() -> None:
    caption = (
        "Farmers gather near the border on Tuesday, a day before thousands of them marched to the capital to "
        "protest against the rise in the price of water for their fields. PTI"
    )
    rec = convert(f"Farmers protest over water prices\n{_MARCH}{caption}\n{_LAST}\n")
    assert pairs_of(rec) == [("PTI", caption.removesuffix(" PTI"))]


def pairs_of(rec: Record) -> list[tuple[str | None, str | None]]:
    return [(c.credit, c.caption) for c in rec.credits]
