"""Page patterns around the article's text (teasers set into it, headings after pictures), on invented text."""

from __future__ import annotations

import pytest
from test_convert_rules import PARAS, convert, label_of

P = PARAS["en"]
CAPTION = "The mayor looks at the plans for the bridge on Tuesday. Photo: Jane Roe/Reuters"


def test_heading_after_a_pictures_caption_is_body() -> None:
    text = "\n\n".join([P[0], P[1], CAPTION, "What happens to the traffic", P[2], P[3]])
    assert "What happens to the traffic" in convert(text).body.split("\n\n")


def test_short_line_after_a_caption_with_no_paragraph_below_is_not_a_heading() -> None:
    text = "\n\n".join([P[0], P[1], CAPTION, "Share this page", "Facebook"])
    assert "Share this page" not in convert(text).body


KICKER = "Rent cap:\nCity votes on new limits for flats"
SUMMARY = "The council meets again next week to decide on the rules for the flats in the old town."


def test_kicker_teaser_inside_the_text_is_not_body() -> None:
    text = "\n\n".join([P[0], P[1], KICKER, SUMMARY, "What happens next", P[2], P[3]])
    body = convert(text).body
    assert SUMMARY not in body and "Rent cap" not in body
    assert P[2] in body and P[1] in body
    assert label_of(text, SUMMARY)[1].startswith("teaser: 'Kicker:'")


def test_colon_lead_in_to_more_paragraphs_stays() -> None:
    lead = "Here is the plan:\nThree steps for the new bridge"
    text = "\n\n".join([P[0], P[1], lead, SUMMARY, P[2], P[3]])
    assert SUMMARY in convert(text).body


def test_short_prose_lines_between_paragraphs_are_body() -> None:
    items = ["make a list of what you have at home", "then pick the one that is the most useful for you"]
    text = "\n\n".join([P[0], P[1], *items, P[2], P[3]])
    body = convert(text).body.split("\n\n")
    assert all(x in body for x in items)


def test_title_like_short_lines_between_paragraphs_stay_out() -> None:
    titles = ["Most Read Stories In Sports Today", "Harbour Festival Draws Record Crowds Again"]
    text = "\n\n".join([P[0], P[1], *titles, P[2], P[3]])
    body = convert(text).body
    assert not any(t in body for t in titles)


@pytest.mark.parametrize(
    ("lang", "prompt"),
    [
        ("en", "Our readers can subscribe today and read every story from the town on any device."),
        ("de", "Mehr Lesekomfort gibt es in unserer neuen App für alle Leser aus der Region."),
        ("es", "Hazte socio y apoya el trabajo de la redacción de nuestro pequeño diario local."),
        ("fr", "En tant qu'abonné, vous recevez chaque semaine notre lettre sur la vie du quartier."),
    ],
)
def test_subscription_prompts_inside_the_text_are_not_body(lang: str, prompt: str) -> None:
    p = PARAS[lang]
    text = "\n\n".join([p[0], p[1], prompt, p[2], p[3]])
    body = convert(text).body
    assert prompt not in body and p[2] in body


def test_sections_of_one_long_paragraph_each_are_not_a_teaser_list() -> None:
    """Heading, one long paragraph, heading, one long paragraph: an article's sections, though they alternate
    like a teaser list's titles and summaries."""
    sections = [
        f"{P[0]} {P[1].rstrip('.')}, and that was the {n} point." for n in ("first", "second", "third")
    ]
    intro = [p.replace("council", word) for word in ("board", "city", "region") for p in P]
    heads = ["What the engineers found", "Where the money comes from", "Who pays for the ferry"]
    blocks = intro + [x for pair in zip(heads, sections, strict=True) for x in pair] + ["Share this"]
    body = convert("\n\n".join(blocks)).body
    assert all(x in body for x in sections)


def test_opinion_disclaimer_is_not_body() -> None:
    note = "Views expressed here are solely those of the author and do not reflect the views of the paper."
    text = "\n\n".join([P[0], P[1], P[2], P[3], note])
    assert note not in convert(text).body


def test_legal_footer_after_the_article_is_not_body() -> None:
    footer = [
        "Harbour Times and the lighthouse logo are registered trademarks of the Harbour Media Group in many countries.",
        "These statements have not been evaluated by the Food and Drug Administration and are not intended to diagnose any illness.",
    ]
    text = "\n\n".join([*P, "Share this", *footer])
    body = convert(text).body
    assert not any(x in body for x in footer) and P[3] in body


def test_bio_like_first_paragraph_is_body() -> None:
    lead = "Harbour Mayor Jane Roe has been asked by the council to explain the rising cost of the bridge before the vote."
    text = "\n\n".join(["Share this", lead, *P])
    assert convert(text).body.split("\n\n")[0] == lead
    assert label_of(text, lead)[1] == "bio-like sentence opening the article"


@pytest.mark.parametrize(
    ("lang", "header", "closer"),
    [
        ("en", "Further information", "End of further information"),
        ("de", "Weitere Informationen", "Ende der weiteren Informationen"),
    ],
)
def test_box_closed_by_its_end_line_is_not_body(lang: str, header: str, closer: str) -> None:
    p = PARAS[lang]
    inside = p[1].replace(".", ", with more figures in the box.")
    text = "\n\n".join([p[0], p[2], header, inside, closer, p[3]])
    body = convert(text).body
    assert inside not in body and header not in body and p[3] in body and p[2] in body
    assert label_of(text, inside)[1].startswith("box: between its header")


def test_end_line_without_its_header_leaves_the_text() -> None:
    text = "\n\n".join([P[0], P[1], "End of the season", P[2], P[3]])
    assert all(p in convert(text).body for p in P)


def test_standfirst_printed_twice_keeps_one_copy() -> None:
    dek = "Our picks of the best walks along the river for the month of May, with maps."
    text = "\n\n".join(["Best river walks in May", dek, "By Jane Roe", "May 3, 2024", dek, *P])
    body = convert(text).body.split("\n\n")
    assert body.count(dek) == 1 and body[1:] == P


def test_repeated_lines_further_down_stay() -> None:
    step = "Stir the sauce for two minutes and keep the heat low until it thickens."
    text = "\n\n".join([P[0], P[1], step, P[2], P[3], step])
    assert convert(text).body.split("\n\n").count(step) == 2


def test_short_heading_in_capitals_is_a_subheading_not_a_link() -> None:
    heading = "WHAT THE BRIDGE WILL COST THE TOWN"
    link = "Council Approves New Budget For The Old Harbour Market Hall"
    text = "\n\n".join([P[0], P[1], heading, P[2], link, P[3]])
    body = convert(text).body.split("\n\n")
    assert heading in body and link not in body


def test_agency_in_square_brackets_after_a_caption_is_its_credit() -> None:
    caption = "The new crane lifts the first part of the bridge into place over the river"
    text = "\n\n".join([P[0], P[1], f"{caption} [Jane Roe via Reuters]", P[2], P[3]])
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [("Jane Roe via Reuters", caption)]
    assert caption not in rec.body


def test_text_above_a_video_players_length_is_the_clips_caption() -> None:
    clip = "Workers lift the first part of the new bridge into place over the river on Monday."
    text = "\n\n".join([P[0], P[1], clip, "03.05.2024 | 2:43 min", P[2], P[3]])
    rec = convert(text)
    assert clip not in rec.body
    assert [(c.kind, c.caption) for c in rec.credits] == [("video", clip)]


def test_clip_title_above_an_autoplay_switch_is_a_caption_but_titles_above_lengths_are_not() -> None:
    text = "\n\n".join(
        [P[0], "Bridge opens after two years", "autoplay", P[1], "Ferry timetable", "1:37 min", P[2]]
    )
    captions = [c.caption for c in convert(text).credits]
    assert captions == ["Bridge opens after two years"]


@pytest.mark.parametrize(
    ("header", "button"),
    [
        ("Les også", "Del"),
        ("Läs också", "Dela"),
        ("Czytaj także", "Udostępnij"),
        ("Čtěte také", "Sdílet"),
        ("Читайте также", "Поделиться"),
    ],
)
def test_related_headers_and_share_buttons_of_more_languages(header: str, button: str) -> None:
    line = f"{header}: Harbour Bridge Opens Again"
    text = "\n\n".join([P[0], P[1], line, button, P[2], P[3]])
    assert label_of(text, line)[0] == "related"
    assert label_of(text, button) == ("boilerplate", "boilerplate.line")


@pytest.mark.parametrize(
    "stamp", ["14:32", "9:05 pm", "14.45 Uhr", "Updated 2 hours ago", "Aktualisiert vor 3 Stunden"]
)
def test_time_stamp_between_paragraphs_is_not_a_heading(stamp: str) -> None:
    text = "\n\n".join([P[0], P[1], stamp, P[2], P[3]])
    body = convert(text).body.split("\n\n")
    assert stamp not in body
    assert P[1] in body and P[2] in body


def test_heading_that_names_a_time_stays() -> None:
    heading = "Chaos on the 9:15 train to the coast"
    text = "\n\n".join([P[0], P[1], heading, P[2], P[3]])
    assert heading in convert(text).body.split("\n\n")
