"""Page patterns of German-language publishers (invented articles in their page style, no publisher text)."""

from __future__ import annotations

import pytest

from tests.test_convert_rules import PARAS, article, convert

DE = PARAS["de"]


@pytest.mark.parametrize(
    "line",
    [
        "Über dieses Thema berichtet: Das Radio am 28.11.2026 um 12:00 Uhr.",
        "Das könnte dich auch noch interessieren:",
    ],
)
def test_programme_and_download_lines_are_no_body(line: str) -> None:
    rec = convert(article("de", bottom=[line, "Mehr aus der Region"]))
    assert line not in rec.body
    assert DE[3] in rec.body


def test_audio_download_and_programme_note_after_the_text_are_no_body() -> None:
    bottom = [
        "Audio herunterladen (3,2 MB | MP3)",
        "Über dieses Thema berichten wir auch im Fernsehen: Lokalzeit, 28.11.2026, 19:30 Uhr.",
    ]
    rec = convert(article("de", bottom=bottom))
    assert rec.body.endswith(DE[3])


def test_swiss_role_after_the_name_is_cut() -> None:
    """ "Redaktorin Wirtschaft" under the name: the Swiss word for an editor is a role, not a name line."""
    top = [
        "Die Gemeinde rettet ihr altes Hallenbad",
        "Publiziert: 28.11.2026 um 09:37 Uhr",
        "Der Gemeinderat hat am Donnerstag entschieden.",
        "Foto: Keystone",
        "Carla Bösch Redaktorin Wirtschaft",
    ]
    assert convert(article("de", top=top)).byline.authors == ["Carla Bösch"]


def test_author_label_with_both_genders_is_a_byline_prefix() -> None:
    bottom = ["Datum 28.11.2026", "Autorin/Autor Lea Marquardt", "Schlagwörter Brücke, Gemeinde"]
    assert convert(article("de", bottom=bottom)).byline.authors == ["Lea Marquardt"]


def test_author_portrait_alt_text_is_no_second_author() -> None:
    top = [
        "Die Gemeinde rettet ihr altes Hallenbad",
        "Porträt von Eva Brunnhuber",
        "Eva Brunnhuber",
        "28.11.2026 14:00",
    ]
    assert convert(article("de", top=top)).byline.authors == ["Eva Brunnhuber"]


def test_author_box_below_the_text_is_signed_by_its_portrait() -> None:
    """ "Porträt von Eva Brunnhuber" / "Eva Brunnhuber" below the text: the author box's picture names its author."""
    top = ["Die Gemeinde rettet ihr altes Hallenbad", "28.11.2026 06:00"]
    bottom = ["Porträt von Eva Brunnhuber", "Eva Brunnhuber", "Kommentare"]
    assert convert(article("de", top=top, bottom=bottom)).byline.authors == ["Eva Brunnhuber"]


def test_list_picture_credit_takes_no_paragraph_for_its_caption() -> None:
    """ "Rubriklistenbild: © Jana Roth/dpa": the credit of the picture a teaser list shows, not on the page."""
    rec = convert(article("de", bottom=["Rubriklistenbild: © Jana Roth/dpa"]))
    assert rec.credits == []
    assert DE[3] in rec.body


def test_copyright_sign_after_a_credit_label_is_no_credit_text() -> None:
    rec = convert(article("de", middle=["Die Brücke im Nebel am Morgen.\nFoto: © Jana Roth"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [("Jana Roth", "Die Brücke im Nebel am Morgen.")]


def test_bare_credit_above_the_byline_keeps_its_caption() -> None:
    """Standfirst, lead picture (caption, bare "Agency/Name" credit), then byline and date: the credit is the
    picture's, not a sign-off of the standfirst, since the text goes on below the header lines."""
    top = [
        "Aufsteiger beendet Serie des Spitzenreiters",
        "Mit einem späten Treffer hat der Aufsteiger beim Tabellenführer gewonnen. Der Trainer lobt die Elf.",
        "Jubel in der Nachspielzeit: Die Gäste feiern den Siegtreffer.",
        "IMAGO/Sportfoto Muster",
        "von Florian Weidner",
        "28.11.2026, 18:05",
    ]
    rec = convert(article("de", top=top))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("IMAGO/Sportfoto Muster", "Jubel in der Nachspielzeit: Die Gäste feiern den Siegtreffer.")
    ]
    assert "Jubel" not in rec.body
    assert rec.byline.authors == ["Florian Weidner"]


def test_kicker_glued_to_the_title_is_cut_when_the_pages_title_bar_shows_it() -> None:
    """A page dump joins the h1's kicker and title with a space; its <title> ("Kicker: Title | Site") shows
    where the title starts."""
    top = [
        "Startseite\nInland\nAusland",
        "Brückenbau: Gemeinderat stimmt für den Neubau | Beispielsender",
        "Stand: 28.11.2026 09:14 Uhr",
        "Brückenbau Gemeinderat stimmt für den Neubau",
        "Von Lena Sommerfeld",
    ]
    assert convert(article("de", top=top)).headline == "Gemeinderat stimmt für den Neubau"


@pytest.mark.parametrize("join", ["\n", " "])
def test_title_above_the_lead_pictures_caption_is_the_headline(join: str) -> None:
    """Kicker and title, then the lead picture's caption (no final stop) and credit, then byline and date:
    the caption beside its credit is neither the title nor a teaser next to it."""
    top = [
        f"Chaos auf der Brücke{join}Pendler stecken nach dem Unfall stundenlang fest",
        "Am Ufer warteten die Leute stundenlang auf die Fähre",
        "Foto: Paul Hertig",
        "Von: Tim Brandner und Sabine Kellermann",
        "28.11.2026 - 07:45 Uhr",
    ]
    rec = convert(article("de", top=top))
    assert rec.headline is not None and rec.headline.endswith(
        "Pendler stecken nach dem Unfall stundenlang fest"
    )
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Paul Hertig", "Am Ufer warteten die Leute stundenlang auf die Fähre")
    ]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Foto: Jana Ober (Symbolbild)", "Jana Ober (Symbolbild)"),
        ("Bild: Pius Amsler (Bern, 28. 11. 2026)", "Pius Amsler (Bern, 28. 11. 2026)"),
        ("(Foto: Jana Ober)", "Jana Ober"),
    ],
)
def test_a_credits_own_bracket_is_kept_whole(line: str, credit: str) -> None:
    rec = convert(article("de", middle=[f"Ein Streufahrzeug im Einsatz am Morgen.\n{line}"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        (credit, "Ein Streufahrzeug im Einsatz am Morgen.")
    ]


def test_article_by_prefix_with_role_signs_the_article() -> None:
    top = [
        "Die Gemeinde rettet ihr altes Hallenbad",
        "Lesezeit 3 Minuten",
        "Artikel von Markus Wimmer Redakteur Lokales",
    ]
    rec = convert(article("de", top=top))
    assert rec.byline.authors == ["Markus Wimmer"]
    assert rec.headline == "Die Gemeinde rettet ihr altes Hallenbad"


def test_comment_rules_note_is_no_body() -> None:
    bottom = [
        "Bitte beachte unsere Community-Richtlinien",
        "Wir freuen uns über kontroverse Diskussionen, die gerne auch mal hitzig geführt werden dürfen.",
    ]
    rec = convert(article("de", bottom=bottom))
    assert "Community" not in rec.body


def test_live_ticker_entry_heading_is_no_headline() -> None:
    """ "+++ Straße gesperrt +++" opens an entry of a live ticker; the page's title sits above the ticker."""
    top = [
        "Brückenbau: Der Tag im Überblick",
        "Stand: 28.11.2026 18:00 Uhr",
        "Liveblog",
        "+++ Bagger rollen an +++",
    ]
    rec = convert(article("de", top=top, middle=["+++ Anwohner kommen zur Sitzung +++"]))
    assert rec.headline == "Brückenbau: Der Tag im Überblick"
    assert "+++ Anwohner kommen zur Sitzung +++" in rec.body


def test_source_line_after_the_last_paragraph_is_no_picture_credit() -> None:
    """ "Quelle: beispielsender.de" below the text cites the text's source; with no caption it credits no picture."""
    rec = convert(article("de", bottom=["Quelle: beispielsender.de", "Impressum"]))
    assert rec.credits == []
    assert rec.body.endswith(DE[3])


def test_source_label_beside_a_caption_stays_a_credit() -> None:
    rec = convert(article("de", middle=["Die Brücke im Nebel am Morgen.\nQuelle: Jana Roth/dpa"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Jana Roth/dpa", "Die Brücke im Nebel am Morgen.")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Ein Kommentar von Chefredakteur Max Muster",
        "Von Chefkorrespondentin Max Muster",
        "Aufgezeichnet von Max Muster",
        "Protokolliert von Max Muster",
    ],
)
def test_editor_in_chief_role_and_as_told_to_leads_leave_the_name(line: str) -> None:
    top = ["Die Gemeinde rettet ihr altes Hallenbad", line, "28.11.2026"]
    assert convert(article("de", top=top)).byline.authors == ["Max Muster"]


CAPTION = "Ein Streufahrzeug im Einsatz auf der Autobahn am Morgen."


@pytest.mark.parametrize(
    ("block", "credit", "caption"),
    [
        (f"{CAPTION}\n© Bild: APA/Jana Roth", "APA/Jana Roth", CAPTION),
        (f"{CAPTION} Foto: © Jana Roth", "Jana Roth", CAPTION),
        (f"{CAPTION} (Symbolbild)\nFoto: dpa", "dpa", f"{CAPTION} (Symbolbild)"),
    ],
)
def test_copyright_sign_label_and_picture_kind_are_no_credit_text(
    block: str, credit: str, caption: str
) -> None:
    """ "© Bild: X", "Foto: © X": the sign and the label frame the credit; "(Symbolbild)" says what the
    picture is and names nobody."""
    rec = convert(article("de", middle=[block]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(credit, caption)]


def test_video_teaser_title_after_the_text_is_no_credit() -> None:
    """ "Video: So lief der Abriss": a video's title after its label, not who filmed it; the paragraph above
    is no caption."""
    rec = convert(article("de", bottom=["Video: Das sagen die Anwohner"]))
    assert rec.credits == []
    assert rec.body.endswith(DE[3])


@pytest.mark.parametrize(
    "line", ["© dpa-infocom, dpa:261128-930-123456/1", "© Agentur, agentur:261128-99-123456/3"]
)
def test_wire_story_id_after_the_text_is_a_footer_not_a_credit(line: str) -> None:
    """The wire's copyright with the story's id ends agency copy; the paragraph above is no caption."""
    rec = convert(article("de", bottom=[line]))
    assert rec.credits == []
    assert rec.body.endswith(DE[3])


@pytest.mark.parametrize(
    "line",
    [
        "Empfehlungen der Redaktion",
        "Artikel weiterlesen",
        "Zur Galerie",
        "Zur Kommentarfunktion",
        "Abo abschließen",
        "Weiterlesen nach der Werbung",
        "Kostenlos registrieren und weiterlesen",
    ],
)
def test_button_and_paywall_lines_between_paragraphs_are_no_subheadings(line: str) -> None:
    rec = convert(article("de", middle=[line]))
    assert line not in rec.body
    assert all(p in rec.body for p in DE)


@pytest.mark.parametrize(
    "line",
    [
        "Hier finden Sie Inhalte aus Beispielnetz. Um mit Inhalten aus Beispielnetz zu interagieren, brauchen wir Ihre Zustimmung.",
        "Fehler im Text gefunden? Schreiben Sie uns.",
        "Sie interessieren sich für die Region? Dann folgen Sie uns auf WhatsApp.",
        "Dieser Text wurde mit Hilfe künstlicher Intelligenz übersetzt.",
    ],
)
def test_consent_error_report_and_channel_prompts_after_the_text_are_no_body(line: str) -> None:
    rec = convert(article("de", bottom=[line]))
    assert rec.body.endswith(DE[3])


@pytest.mark.parametrize("prefix", ["Veröffentlicht von", "Geschrieben von", "Verfasst von"])
def test_blog_style_posted_by_prefix_signs_the_article(prefix: str) -> None:
    top = ["Die Gemeinde rettet ihr altes Hallenbad", f"{prefix} Max Muster", "28. November 2026"]
    rec = convert(article("de", top=top))
    assert rec.byline.authors == ["Max Muster"]
    assert rec.headline == "Die Gemeinde rettet ihr altes Hallenbad"


def test_spam_filter_notice_under_the_comment_form_is_no_body() -> None:
    line = "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre, wie deine Kommentardaten verarbeitet werden."
    rec = convert(article("de", bottom=[line, "Impressum"]))
    assert rec.body.endswith(DE[3])


@pytest.mark.parametrize("label", ["Titelbild", "Beitragsbild", "Aufmacherfoto"])
def test_lead_picture_credit_below_the_text_takes_no_paragraph_for_its_caption(label: str) -> None:
    rec = convert(article("de", bottom=[f"{label}: Jana Roth/Beispielbilder", "teilen"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [("Jana Roth/Beispielbilder", None)]
    assert rec.body.endswith(DE[3])


@pytest.mark.parametrize(
    "line",
    [
        "In Pocket speichern",
        "Kommentare lesen (42)",
        "Zur Meldungsübersicht",
        "Auf einer Seite lesen",
        "Bewertung: 4,5 von 5",
    ],
)
def test_reader_tool_and_pager_lines_between_paragraphs_are_no_subheadings(line: str) -> None:
    rec = convert(article("de", middle=[line]))
    assert line not in rec.body
    assert all(p in rec.body for p in DE)


def test_feedback_prompt_after_the_text_is_no_body() -> None:
    rec = convert(
        article(
            "de",
            bottom=[
                "Hat Ihnen der Artikel gefallen?",
                "Sie haben Fragen oder Anregungen? Schreiben Sie uns.",
            ],
        )
    )
    assert rec.body.endswith(DE[3])


def test_sources_box_after_the_text_lists_no_picture_credits() -> None:
    """ "Verwendete Quellen" lists where the text comes from: an agency there credits no picture."""
    bottom = ["Verwendete Quellen", "Nachrichtenagentur dpa", "Eigene Recherche"]
    rec = convert(article("de", bottom=bottom))
    assert rec.credits == []
    assert rec.body.endswith(DE[3])


def test_bare_credit_of_a_publisher_named_with_a_figure_pairs_with_its_caption() -> None:
    """ "20min/Jana Roth": a bare "Publisher/Photographer" credit whose publisher's name opens with a figure."""
    rec = convert(article("de", middle=["Die Brücke im Nebel am frühen Morgen.", "20min/Jana Roth"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("20min/Jana Roth", "Die Brücke im Nebel am frühen Morgen.")
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Facebook X.com Messenger WhatsApp E-Mail", False),
        ("Drucken Teilen", False),
        ("Facebook und Instagram", True),
    ],
)
def test_row_of_share_buttons_between_paragraphs_is_no_subheading(line: str, kept: bool) -> None:
    rec = convert(article("de", middle=[line]))
    assert (line in rec.body) is kept
    assert all(p in rec.body for p in DE)


@pytest.mark.parametrize("line", ["Jetzt anmelden", "Zur Anmeldung"])
def test_sign_up_buttons_between_paragraphs_are_no_subheadings(line: str) -> None:
    rec = convert(article("de", middle=[line]))
    assert line not in rec.body
    assert all(p in rec.body for p in DE)


def test_kicker_line_that_repeats_the_titles_end_does_not_cut_the_title() -> None:
    """ "Neubau der Brücke" above "Gemeinderat stimmt für den Neubau der Brücke": the title's tail printed
    alone is its kicker, and "Gemeinderat stimmt für den" (ending with an article) is no kicker to cut."""
    title = "Gemeinderat stimmt für den Neubau der Brücke"
    rec = convert(article("de", top=["Lokales", "Neubau der Brücke", title, "28.11.2026"]))
    assert rec.headline == title


@pytest.mark.parametrize(
    "line",
    [
        "Hinweis: Dieser Artikel ist keine Anlageberatung.",
        "Die Informationen in diesem Artikel stellen keine Anlageempfehlung dar und ersetzen keine Beratung.",
        "Kursdaten von Beispielbörse",
    ],
)
def test_investment_disclaimer_and_quote_source_are_no_body(line: str) -> None:
    rec = convert(article("de", middle=[line]))
    assert line not in rec.body
    assert all(p in rec.body for p in DE)


@pytest.mark.parametrize("line", ["Quelle: beispielsender.de", "Quelle: beispielsender.de, dpa"])
def test_source_naming_a_website_after_a_short_line_is_no_picture_credit(line: str) -> None:
    """ "Quelle: example.de" cites where the text comes from, even below a line that could be a caption."""
    bottom = ["Mehr zu den Öffnungszeiten der Brücke finden Sie auf der Seite der Gemeinde", line]
    rec = convert(article("de", bottom=bottom))
    assert rec.credits == []


def test_agency_sign_off_above_a_byline_and_a_teaser_keeps_the_last_paragraph() -> None:
    """ "(dpa)" after the last paragraph, then the author and a teaser's summary: the header look-through
    of a lead picture's credit does not apply below the text, and the last paragraph is no caption."""
    teaser = (
        "Die Stadt plant außerdem einen neuen Radweg entlang des Flusses, der im nächsten Jahr fertig wird."
    )
    rec = convert(article("de", bottom=["(dpa)", "Von Max Muster", "28.11.2026", teaser]))
    assert DE[3] in rec.body
    assert all(c.caption is None for c in rec.credits)


@pytest.mark.parametrize("line", ["Quelle: stock.adobe.com", "Bildquelle: pixabay.com"])
def test_picture_agency_by_its_web_address_stays_a_credit(line: str) -> None:
    rec = convert(article("de", middle=[f"Die Brücke im Nebel am frühen Morgen.\n{line}"]))
    assert [c.caption for c in rec.credits] == ["Die Brücke im Nebel am frühen Morgen."]
