"""Field finders (corpus/convert/fields/): headline on evidence, byline names, credits beside captions.

Every text here is invented; one small rule per test, in the languages the rule tables cover.
"""

from __future__ import annotations

import pytest

from corpus.convert.engine import parse_names
from corpus.convert.fields.names import name_part
from corpus.convert.rules import RULES
from tests.test_convert_rules import article, convert, label_of

TITLE = {
    "en": "Council votes to rebuild the old bridge after years of debate",
    "de": "Gemeinderat beschließt den Neubau der alten Brücke",
    "es": "El ayuntamiento aprueba reconstruir el puente viejo",
    "fr": "Le conseil vote la reconstruction du vieux pont",
}
DEK = {
    "en": "The vote ends a long argument about the cost of the work and the safety of the people who cross it.",
    "de": "Die Entscheidung beendet einen langen Streit über die Kosten und die Sicherheit der Brücke.",
    "es": "La decisión pone fin a un largo debate sobre el coste de la obra y la seguridad del puente.",
    "fr": "Le vote met fin à un long débat sur le coût des travaux et la sécurité du pont.",
}


# --- headline ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_headline_above_its_standfirst_is_found(lang: str) -> None:
    rec = convert(article(lang, top=["Local", TITLE[lang], DEK[lang]]))
    assert rec.headline == TITLE[lang]


def test_standfirst_without_a_period_is_not_the_headline() -> None:
    dek = "The vote ends a long argument about the cost of the work and the safety of those who cross it"
    rec = convert(article("en", top=[TITLE["en"], dek, "By Jane Roe", "March 3, 2024"]))
    assert rec.headline == TITLE["en"]
    assert rec.byline.authors == ["Jane Roe"]


def test_no_headline_without_evidence() -> None:
    # a title-shaped line with nothing of an article's header below it (no standfirst, byline or date)
    rec = convert(article("en", top=["Weather and traffic today", "Politics", "Sport", "Culture"]))
    assert rec.headline is None
    assert convert(article("en", top=["Local news"])).headline is None


def test_headline_glued_to_its_breadcrumb_is_the_clean_line() -> None:
    crumb = "Home / News / " + TITLE["en"]
    rec = convert(article("en", top=[crumb, "News", TITLE["en"], "Jane Roe | Published 2 hours ago"]))
    assert rec.headline == TITLE["en"]
    assert rec.byline.authors == ["Jane Roe"]


def test_a_button_label_twice_or_a_bar_of_links_is_not_a_headline() -> None:
    for junk in ("Copy link Copy link", "Privacy | Terms | Contact us"):
        rec = convert(article("en", top=[junk, DEK["en"]]))
        assert rec.headline is None, junk


# --- byline names --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        ("de", "Juliane Roth 28.04.2023, 18:11 Uhr", "Juliane Roth"),
        ("en", "Jane Roe | Published 2 hours ago", "Jane Roe"),
        ("en", "Jane Roe Political Correspondent", "Jane Roe"),
        ("en", "Jane Roe Follow", "Jane Roe"),
        ("en", "Jane Roe The Daily Example", "Jane Roe"),
        ("es", "Ana Pérez - 4 de marzo de 2024", "Ana Pérez"),
        ("fr", "Jean Dupont Publié le 3 mars", "Jean Dupont"),
        ("en", "Jane Roe0", "Jane Roe"),
    ],
)
def test_name_part_ends_at_dates_bars_roles_and_trailers(lang: str, text: str, part: str) -> None:
    assert name_part(text) == part
    assert parse_names(text, RULES.stopwords.get(lang, frozenset()))


@pytest.mark.parametrize(
    ("lang", "lines", "authors"),
    [
        ("de", ["Von Erika Muster 28.04.2023, 18:11 Uhr"], ["Erika Muster"]),
        ("de", ["Kolumne von Erika Muster - 28.04.2024 um 08:52 Uhr"], ["Erika Muster"]),
        ("en", ["by Jane Roe Apr. 28, 2023 1:15 pm"], ["Jane Roe"]),
        ("en", ["Jane Roe", "March 3, 2024"], ["Jane Roe"]),
        ("en", ["Jane Roe 5 hours ago"], ["Jane Roe"]),
        ("de", ["3. März 2024 • Erika Muster • 3 Minuten"], ["Erika Muster"]),
        ("en", ["By", "Jane Roe News Reporter", "John Doe", "March 3, 2024"], ["Jane Roe", "John Doe"]),
        ("de", ["von Erika Muster", ", Max Beispiel", "3. März 2024"], ["Erika Muster", "Max Beispiel"]),
        ("es", ["Por Ana Pérez", "3 de marzo de 2024"], ["Ana Pérez"]),
        ("fr", ["Par Jean Dupont", "3 mars 2024"], ["Jean Dupont"]),
    ],
)
def test_bylines_in_the_header(lang: str, lines: list[str], authors: list[str]) -> None:
    rec = convert(article(lang, top=[TITLE[lang], DEK[lang], *lines]))
    assert rec.byline.authors == authors
    for line in lines:
        assert line not in rec.body


def test_agency_alone_beside_the_date_is_the_author() -> None:
    rec = convert(article("de", top=[TITLE["de"], DEK["de"], "dpa", "28.04.2023, 18:11 Uhr"]))
    assert rec.byline.authors == ["dpa"]


def test_buttons_and_shouting_are_not_names() -> None:
    rec = convert(article("en", top=[TITLE["en"], DEK["en"], "Video Loading", "March 3, 2024"]))
    assert rec.byline.authors == []
    rec = convert(article("es", top=[TITLE["es"], DEK["es"], "TARJETA CADUCADA", "3 de marzo de 2024"]))
    assert rec.byline.authors == []


# --- credits -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "block", "credit", "caption"),
    [
        (
            "es",
            "La alcaldesa muestra los planos del nuevo puente. EFE/ J.J. Pérez",
            "EFE/ J.J. Pérez",
            "La alcaldesa muestra los planos del nuevo puente.",
        ),
        (
            "fr",
            "La maire présente les plans du nouveau pont, à Lyon. JEAN DUPONT / AFP",
            "JEAN DUPONT / AFP",
            "La maire présente les plans du nouveau pont, à Lyon.",
        ),
        (
            "en",
            "The mayor looks at the plans for the new bridge at the river Jane Roe/AP",
            "Jane Roe/AP",
            "The mayor looks at the plans for the new bridge at the river",
        ),
        (
            "de",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke / Max Muster",
            "Max Muster",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke",
        ),
        (
            "en",
            "The mayor looks at the plans for the new bridge. Photo by Jane Roe / AFP via Getty Images",
            "Jane Roe / AFP via Getty Images",
            "The mayor looks at the plans for the new bridge.",
        ),
        (
            "de",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke. Quelle: Max Muster/dpa",
            "Max Muster/dpa",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke.",
        ),
    ],
)
def test_credit_at_the_end_of_a_caption(lang: str, block: str, credit: str, caption: str) -> None:
    rec = convert(article(lang, top=[block]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(credit, caption)]
    assert caption not in rec.body


def test_credit_label_alone_takes_the_next_line() -> None:
    text = article(
        "en", middle=["The mayor looks at the plans for the new bridge (\nImage:\nGetty Images/Stock)"]
    )
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Getty Images/Stock", "The mayor looks at the plans for the new bridge")
    ]
    assert "Getty" not in rec.body


def test_bare_photographer_agency_line_after_a_caption() -> None:
    rec = convert(
        article(
            "de", top=["Die Bürgermeisterin zeigt die Pläne für die neue Brücke.", "Lichtbild/Max Muster"]
        )
    )
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Lichtbild/Max Muster", "Die Bürgermeisterin zeigt die Pläne für die neue Brücke.")
    ]


def test_menu_with_a_slash_is_not_a_credit() -> None:
    text = article("de", top=["Startseite", "TV/Radio", "Politik / Ausland / Europa"])
    assert convert(text).credits == []
    assert label_of(text, "TV/Radio")[0] != "credit"


def test_running_text_ending_with_a_sentence_keeps_its_slash_words() -> None:
    line = "The council said the plan was approved by the city and/or the region, as the law requires."
    rec = convert(article("en", middle=[line]))
    assert rec.credits == []
    assert line in rec.body


def test_role_lines_and_buttons_beside_a_byline_are_not_authors() -> None:
    lines = ["Von Erika Muster", "Leitender Wirtschaftsredakteur", "3. März 2024"]
    rec = convert(article("de", top=[TITLE["de"], DEK["de"], *lines]))
    assert rec.byline.authors == ["Erika Muster"]
    rec = convert(article("en", top=[TITLE["en"], DEK["en"], "Manage Account", "March 3, 2024"]))
    assert rec.byline.authors == []


def test_a_prefixed_byline_beats_a_name_line_taken_for_its_place() -> None:
    top = ["Jane Roe", "March 3, 2024", TITLE["en"], DEK["en"], "By John Doe"]
    assert convert(article("en", top=top)).byline.authors == ["John Doe"]


def test_label_glued_to_the_caption_end_is_a_credit() -> None:
    line = "The mayor looks at the plans for the new bridgeCredit: Jane Roe/PA"
    rec = convert(article("en", top=[line]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Jane Roe/PA", "The mayor looks at the plans for the new bridge")
    ]


def test_label_word_opening_a_caption_is_not_a_credit() -> None:
    # "Foto de familia" is a family photo, not a photo by "familia"
    text = article(
        "es", top=["Foto de familia de los vecinos del barrio junto al puente viejo", "EFE/ Ana Pérez"]
    )
    assert [(c.credit, c.caption) for c in convert(text).credits] == [
        ("EFE/ Ana Pérez", "Foto de familia de los vecinos del barrio junto al puente viejo")
    ]


def test_share_buttons_and_a_place_line_between_title_and_text() -> None:
    top = ["Region", TITLE["de"], "Facebook", "WhatsApp", "3. März 2024"]
    assert convert(article("de", top=top)).headline == TITLE["de"]
    top = ["Lokales", "Brückenstreit", TITLE["de"], "Berlin.", DEK["de"]]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_title_like_question_below_a_kicker_is_the_title_not_its_standfirst() -> None:
    question = "Wie sicher ist die alte Brücke über den Fluss wirklich?"
    top = ["Brücke in Gefahr", question, DEK["de"]]
    assert convert(article("de", top=top)).headline == question


def test_a_wire_alone_near_the_date_below_the_lede_is_the_author() -> None:
    top = [TITLE["de"], DEK["de"], "SID", "Nachrichtenagentur", "16:30"]
    assert convert(article("de", top=top)).byline.authors == ["SID"]


@pytest.mark.parametrize(
    ("lang", "line", "authors"),
    [("en", "By MND Staff", ["MND Staff"]), ("de", "Von Redaktion Politik", ["Redaktion Politik"])],
)
def test_a_desk_signing_the_article_is_its_author(lang: str, line: str, authors: list[str]) -> None:
    assert convert(article(lang, top=[TITLE[lang], DEK[lang], line])).byline.authors == authors


def test_a_publisher_signing_with_an_article_is_the_author() -> None:
    top = [TITLE["fr"], DEK["fr"], "Donald Duck", "Wall Street", "Par Le Courrier", "Publié le 3 mars 2024"]
    assert convert(article("fr", top=top)).byline.authors == ["Le Courrier"]


def test_agency_glued_to_the_captions_last_sentence() -> None:
    line = "La alcaldesa muestra los planos del nuevo puente en Sevilla.EFE"
    rec = convert(article("es", top=[line]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("EFE", "La alcaldesa muestra los planos del nuevo puente en Sevilla.")
    ]


def test_credit_followed_by_more_label_parts() -> None:
    line = "Die Bürgermeisterin trägt ein Kleid aus Leinen. Foto: Max Muster. Styling: Erika Beispiel"
    rec = convert(article("de", top=[line]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Max Muster", "Die Bürgermeisterin trägt ein Kleid aus Leinen.")
    ]


def test_a_bracket_line_between_caption_and_credit_label() -> None:
    text = article(
        "en", middle=["The mayor looks at the plans for the new bridge\n(\nImage:\nGetty Images/Stock)"]
    )
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Getty Images/Stock", "The mayor looks at the plans for the new bridge")
    ]


def test_a_name_in_brackets_after_the_captions_last_sentence_is_its_credit() -> None:
    line = "The mayor walks across the old bridge on the morning of the vote. (Harbour Town Archive)"
    rec = convert(article("en", middle=[line]))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Harbour Town Archive", "The mayor walks across the old bridge on the morning of the vote.")
    ]
    assert line not in rec.body


def test_a_button_in_brackets_after_a_paragraph_is_no_credit() -> None:
    line = "Why the council thinks the new bridge will last for a hundred years. (More)"
    assert convert(article("en", middle=[line])).credits == []


def test_a_russian_photo_label_marks_a_credit_and_takes_the_caption_above() -> None:
    caption = "Мэр города осматривает старый мост перед голосованием"
    rec = convert(article("en", middle=[caption, "Фото: Иван Петров"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [("Иван Петров", caption)]


def test_a_byline_label_alone_takes_a_publisher_on_the_next_line() -> None:
    top = [TITLE["en"], DEK["en"], "Author of the article:", "The Harbour Courier", "Published March 3, 2024"]
    assert convert(article("en", top=top)).byline.authors == ["The Harbour Courier"]


def test_a_name_alone_below_the_last_paragraph_signs_the_article() -> None:
    rec = convert(article("es", top=[TITLE["es"], DEK["es"]], bottom=["Lucía Ejemplo", "Volver a Noticias"]))
    assert rec.byline.authors == ["Lucía Ejemplo"]


def test_a_name_below_the_text_is_no_author_when_a_byline_signs_above() -> None:
    top = [TITLE["en"], DEK["en"], "By Jane Roe"]
    rec = convert(article("en", top=top, bottom=["John Example"]))
    assert rec.byline.authors == ["Jane Roe"]


def test_a_line_in_capitals_is_a_kicker_not_the_headline() -> None:
    rec = convert(article("en", top=["Local", "BRIDGE REBUILDING DEBATE", DEK["en"]]))
    assert rec.headline is None


def test_a_line_cut_after_a_conjunction_is_not_the_headline() -> None:
    rec = convert(article("en", top=["Please try reloading the page, or", DEK["en"]]))
    assert rec.headline is None


def test_a_button_glued_to_the_title_is_left_out_when_the_title_stands_alone_elsewhere() -> None:
    top = [TITLE["en"], "Menu", "Search", f"{TITLE['en']} Back to video", DEK["en"]]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_a_box_of_share_buttons_ending_with_a_line_is_no_echo_of_a_title() -> None:
    follow = "Where else you can follow us"
    top = ["Facebook", "Twitter", follow, "Facebook Twitter Where else you can follow us"]
    rec = convert(article("en", top=top))
    assert rec.headline != follow


def test_a_bracket_line_between_caption_and_credit_label_with_blank_lines_between() -> None:
    middle = ["The mayor looks at the plans for the new bridge", "(", "Image:", "Getty Images/Stock)"]
    rec = convert(article("en", middle=middle))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Getty Images/Stock", "The mayor looks at the plans for the new bridge")
    ]


def test_a_title_quoting_someone_may_open_with_a_dash() -> None:
    title = "- The bridge will outlast us all"
    assert convert(article("en", top=[title, DEK["en"]])).headline == title


def test_a_dashed_list_item_is_not_the_headline() -> None:
    assert convert(article("en", top=["-the bridge will outlast us all", DEK["en"]])).headline is None


def test_a_breadcrumb_from_home_still_echoes_the_title() -> None:
    top = ["Home › " + TITLE["en"], "Menu", TITLE["en"], "March 3, 2024"]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_a_wire_named_as_the_source_beside_the_date_is_the_author() -> None:
    top = [TITLE["de"], "3. März 2024, 10:00 Uhr", "Quelle: dpa Politik"]
    rec = convert(article("de", top=top))
    assert rec.byline.authors == ["dpa"]
    assert rec.credits == []


def test_a_title_shaped_line_below_the_byline_is_not_the_headline() -> None:
    # a photo caption without credit or a teaser title sits between the byline and the text, right above the lede
    top = [TITLE["en"], "By Jane Roe", "Share", "Tweet", "The mayor walks across the old bridge"]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_a_lead_phrase_alone_takes_the_names_on_the_next_line() -> None:
    text = article("de", top=[TITLE["de"], DEK["de"], "Kommentar von", "Jana Roth", "Redakteurin"])
    assert convert(text).byline.authors == ["Jana Roth"]
    assert label_of(text, "Kommentar von")[0] == "byline"


def test_a_title_shaped_line_signed_by_its_author_is_not_the_headline() -> None:
    teaser = "Die alte Brücke hält noch lange - Ein Kommentar von Jana Roth"
    rec = convert(article("de", top=[teaser, "3. März 2024"]))
    assert rec.headline is None


def test_a_caption_below_its_credit_between_paragraphs_of_a_glued_dump() -> None:
    middle = ["Foto: Jana Roth/dpa", "Der Bürgermeister vor der alten Brücke am Fluss"]
    rec = convert(article("de", top=[TITLE["de"], DEK["de"]], middle=middle))
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Jana Roth/dpa", "Der Bürgermeister vor der alten Brücke am Fluss")
    ]
    assert "Bürgermeister vor der alten" not in rec.body


def test_a_name_line_with_its_avatar_lines_between_it_and_the_date() -> None:
    # glued dumps print an author box piece by piece: the name, its initials and a label, then the date
    top = [TITLE["de"], DEK["de"], "Jana Roth", "Jana", "Roth", "Datum", "03.03.2024 - 17:29"]
    assert convert(article("de", top=top)).byline.authors == ["Jana Roth"]


def test_share_buttons_do_not_push_the_title_away_from_the_text() -> None:
    dek = "Die Entscheidung beendet einen langen Streit über die Kosten und die Sicherheit der alten Brücke"
    buttons = ["Teilen", "Facebook", "Twitter", "WhatsApp", "E-Mail", "Drucken", "Teilen", "Mehr"] * 3
    top = ["Lokales", TITLE["de"], dek, *buttons, "Feedback", "Fehler melden"]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_notice_opening_the_text_run_does_not_hide_the_title_below_it() -> None:
    notice = [
        "Sie verwenden einen veralteten Browser, der nicht mehr sicher ist und nicht mehr unterstützt wird.",
        "Bitte verwenden Sie einen aktuellen Browser wie Firefox oder Chrome, um diese Seite zu lesen.",
    ]
    top = ["Politik", "Wirtschaft", "Sport", *notice, "Region", TITLE["de"], DEK["de"], "Von Jana Roth"]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_prefixed_byline_far_below_signs_a_teaser_not_the_article() -> None:
    teasers = [f"Neue Brücke Nummer {i} wird im Sommer eröffnet" for i in range(1, 25)]
    bottom = ["Mehr zum Thema", *teasers, "Von Jana Roth", "Die letzte Brücke der Stadt bekommt einen Namen"]
    text = article("de", top=[TITLE["de"], "dpa", "03.03.2024 - 15:26 Uhr"], bottom=bottom)
    assert convert(text).byline.authors == ["dpa"]


def test_the_byline_below_a_title_found_after_an_opening_notice_is_read() -> None:
    notice = [
        "Sie verwenden einen veralteten Browser, der nicht mehr sicher ist und nicht mehr unterstützt wird.",
        "Bitte verwenden Sie einen aktuellen Browser wie Firefox oder Chrome, um diese Seite zu lesen.",
    ]
    top = ["Politik", "Wirtschaft", *notice, "Region", TITLE["de"], DEK["de"], "Jana Roth 03.03.2024 - 17:29"]
    assert convert(article("de", top=top)).byline.authors == ["Jana Roth"]


IT_PARAS = [
    "Il consiglio comunale ha approvato ieri sera il progetto per ricostruire il vecchio ponte sul fiume.",
    "La decisione arriva dopo anni di discussioni sui costi dei lavori e sulla sicurezza di chi lo attraversa.",
    "I lavori dovrebbero cominciare in primavera e durare circa due anni, secondo il sindaco della città.",
    "Nel frattempo il traffico sarà deviato su un ponte provvisorio costruito accanto a quello vecchio.",
]


def test_an_italian_name_and_date_line_gives_the_date_and_the_author() -> None:
    top = [
        "Il consiglio approva la ricostruzione del vecchio ponte sul fiume",
        "Marta Rossi 3 Giugno 2024 - 11:20",
    ]
    rec = convert("\n\n".join([*top, *IT_PARAS]) + "\n")
    assert rec.published == "2024-06-03"
    assert rec.byline.authors == ["Marta Rossi"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Jane Roe Political Correspondent", "Jane Roe"),
        ("Jane Roe Senior Lifestyle Writer", "Jane Roe"),
        ("Von Jana Roth Landespolitische Korrespondentin", "Jana Roth"),
    ],
)
def test_a_word_qualifying_the_role_is_cut_with_it(line: str, name: str) -> None:
    assert parse_names(line.removeprefix("Von "), frozenset()) == [name]


def test_a_name_printed_twice_is_one_author() -> None:
    assert name_part("Jane Roe Jane Roe") == "Jane Roe"
    assert name_part("Jane Roe John Doe") == "Jane Roe John Doe"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publié le 03/05/2024 à 10:05", "2024-05-03"),  # day first, as most of the world writes it
        ("Updated 04/28/2023", "2023-04-28"),  # month first where the day cannot be a month
        ("Actualizado el 25/05/2025 21:57 h", "2025-05-25"),
        ("see example.com/12/05/2024/story", None),  # a path's numbers are no date
    ],
)
def test_slash_dates_read_day_first_unless_the_day_cannot_be_a_month(text: str, iso: str | None) -> None:
    from corpus.convert.fields.dates import find_date

    got = find_date(text)
    assert (got[0] if got else None) == iso


def test_a_title_above_a_slash_date_and_a_byline() -> None:
    rec = convert(article("fr", top=[TITLE["fr"], "03/05/2024", "Jeanne Dupont"]))
    assert rec.headline == TITLE["fr"]
    assert rec.published == "2024-05-03"
    assert rec.byline is not None and rec.byline.authors == ["Jeanne Dupont"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("11 октября 2018", "2018-10-11"),  # Russian months in the genitive, as dates print them
        ("3 Temmuz 2024 Çarşamba", "2024-07-03"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"),
        ("Bijgewerkt 2 februari 2025", "2025-02-02"),
    ],
)
def test_month_names_of_more_languages(text: str, iso: str) -> None:
    from corpus.convert.fields.dates import find_date

    got = find_date(text)
    assert got is not None and got[0] == iso


def test_a_russian_text_prefix_with_a_date_is_the_byline_not_the_title() -> None:
    title = "Городской совет решил построить новый мост через реку"
    paras = [
        "Городской совет во вторник проголосовал за строительство нового моста через реку. Споры о цене шли долго.",
        "Жители давно ждали этого решения, потому что старый мост закрывали на ремонт каждую зиму и весну.",
        "Работы начнутся весной и займут около двух лет, сообщил представитель городской администрации.",
    ]
    text = "\n\n".join([title, "Текст: Анна Петрова · 11 октября 2018", *paras]) + "\n"
    rec = convert(text)
    assert rec.headline == title
    assert rec.byline is not None and rec.byline.authors == ["Анна Петрова"]


def test_a_name_line_below_a_prefixed_byline_is_a_coauthor() -> None:
    top = [TITLE["en"], DEK["en"], "Jane Roe", "By John Doe", "Mary Major", "March 3, 2024"]
    assert convert(article("en", top=top)).byline.authors == ["John Doe", "Mary Major"]
