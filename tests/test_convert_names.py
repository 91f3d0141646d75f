"""Author names (corpus/convert/fields/names.py): how a byline's names are cut out, split and cleaned.

Every name and text here is invented; one small rule per case.
"""

from __future__ import annotations

import pytest

from corpus.convert.fields.names import name_part, parse_names, split_run_together, unglue
from corpus.convert.rules import RULES
from tests.test_convert_fields import DEK, TITLE
from tests.test_convert_rules import PARAS, article, convert

EN = RULES.stopwords.get("en", frozenset())

# --- names printed without separators ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "names"),
    [
        ("Anna Maria Berg Jan Peter Kohl Lisa Sommer", ["Anna Maria Berg", "Jan Peter Kohl", "Lisa Sommer"]),
        ("JANE ROE JOHN DOE", ["JANE ROE", "JOHN DOE"]),
        ("Jan de Vries Anna Kohl", ["Jan de Vries", "Anna Kohl"]),
        # a given name after a given name is a double first name; a name keeps two words at least
        ("María José García López", ["María José García López"]),
        ("Jane Roe Science Desk", ["Jane Roe", "Science Desk"]),
        ("Jane Roe Thomas", ["Jane Roe Thomas"]),
        ("Jane Roe", ["Jane Roe"]),
    ],
)
def test_names_without_separators_split_before_a_given_name_after_a_surname(
    part: str, names: list[str]
) -> None:
    assert split_run_together(part) == names


def test_a_byline_of_names_without_separators_gives_every_author() -> None:
    top = [TITLE["de"], DEK["de"], "Von Anna Maria Berg Jan Peter Kohl Lisa Sommer", "3. März 2024"]
    assert convert(article("de", top=top)).byline.authors == [
        "Anna Maria Berg",
        "Jan Peter Kohl",
        "Lisa Sommer",
    ]


# --- words glued to a name -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Jane RoeMarch 3, 2024", "Jane Roe"),
        ("Ulrich ExnerKorrespondent", "Ulrich Exner"),
        ("Emma StoneLifestyle Writer", "Emma Stone"),
        ("Dan Rowe-BardyThe Example Post", "Dan Rowe-Bardy"),
        ("Sarah LandTwitter", "Sarah Land"),
    ],
)
def test_a_date_role_or_trailer_glued_to_the_name_is_cut(text: str, part: str) -> None:
    assert name_part(text) == part


@pytest.mark.parametrize("name", ["Sam McDonald", "Lea MacKenzie", "Tom DeVeaux", "JANE ROE", "Ann LeBlanc"])
def test_a_capital_inside_a_name_is_no_glue(name: str) -> None:
    assert unglue(name) == name


def test_the_next_name_glued_to_a_name_is_split() -> None:
    assert parse_names("Jane RoeJohn Doe", EN) == ["Jane Roe", "John Doe"]


# --- prefixes, roles, wires ----------------------------------------------------------------------------------

PARAS.setdefault(
    "nl",
    [
        "De gemeenteraad heeft dinsdagavond ingestemd met de herbouw van de oude brug over de rivier, na jaren van"
        " discussie over de kosten en de veiligheid van het werk voor de mensen die er elke dag overheen gaan.",
        "Veel bewoners zeiden dat ze lang op een besluit hadden gewacht, en velen van hen kwamen naar de"
        " vergadering om de uitslag te horen en te vragen wat er met het verkeer zou gebeuren.",
        "Het werk begint in het voorjaar en duurt ongeveer twee jaar, zeiden de ingenieurs, en in die tijd brengt"
        " een veerpont de forenzen van de ene oever naar de andere.",
        "Winkeliers in de buurt vrezen klanten te verliezen tijdens de werkzaamheden, maar veel van hen zeggen het"
        " plan van de stad toch te steunen omdat de oude brug niet meer veilig is.",
    ],
)
TITLE.setdefault("nl", "Gemeenteraad stemt voor herbouw van de oude brug")
DEK.setdefault("nl", "De stemming beëindigt een lange discussie over de kosten en de veiligheid van de brug.")


@pytest.mark.parametrize(
    ("lang", "lines", "authors"),
    [
        ("en", ["By Reuters", "March 3, 2024"], ["Reuters"]),
        ("de", ["Von dpa", "3. März 2024"], ["dpa"]),
        ("fr", ["Par AFP", "3 mars 2024"], ["AFP"]),
        ("en", ["Published by Jane Roe", "March 3, 2024"], ["Jane Roe"]),
        ("de", ["Ein Artikel von Erika Muster", "3. März 2024"], ["Erika Muster"]),
        ("nl", ["Door Jan de Vries", "3 maart 2024"], ["Jan de Vries"]),
        ("en", ["Av Kari Nordmann", "March 3, 2024"], ["Kari Nordmann"]),
        ("de", ["Korrespondentin Erika Muster", "3. März 2024"], ["Erika Muster"]),
        ("fr", ["Jean Dupont, envoyé spécial à Lyon", "3 mars 2024"], ["Jean Dupont"]),
        ("en", ["Jane Roe and John Doe", "March 3, 2024"], ["Jane Roe", "John Doe"]),
        ("en", ["Jane Roe and John Doe, CNN", "March 3, 2024"], ["Jane Roe", "John Doe"]),
        ("en", ["Jane Roe, Washington", "March 3, 2024"], ["Jane Roe"]),
        ("en", ["By Jane Roe, Associated Press", "March 3, 2024"], ["Jane Roe"]),
        ("en", ["By JANE ROE and JOHN DOE", "Associated Press", "March 3, 2024"], ["JANE ROE", "JOHN DOE"]),
        ("en", ["News | Published: 5 hours ago | Written by Jane Roe"], ["Jane Roe"]),
        ("de", ["Erika Muster, dpa", "3. März 2024"], ["Erika Muster"]),
        ("de", ["Redaktion", "3. März 2024"], ["Redaktion"]),
        ("en", ["Jane RoeMarch 3, 2024"], ["Jane Roe"]),
        ("en", ["By Jane Roe on March 3, 2024"], ["Jane Roe"]),
        ("de", ["Von Jana Roth am 3. März 2024"], ["Jana Roth"]),
        ("es", ["Por Ana Pérez el 3 de marzo de 2024"], ["Ana Pérez"]),
        ("de", ["Von Jana Roth publiziert am 3. März 2024"], ["Jana Roth"]),
        ("en", ["Posted on March 3, 2024 by Jane Roe"], ["Jane Roe"]),
        ("en", ["3 March 2024 Jane Roe"], ["Jane Roe"]),
        ("en", ["Jane Roe is a reporter", "March 3, 2024"], []),
        ("en", ["Jane Roe takes her campaign 2024 to the city", "March 3, 2024"], []),
        ("en", ["By Privacy Policy", "March 3, 2024"], []),
        ("en", ["BY JANE ROE AND JOHN DOE", "March 3, 2024"], ["JANE ROE", "JOHN DOE"]),
        ("de", ["VON JANA ROTH UND MAX MUSTER", "3. März 2024"], ["JANA ROTH", "MAX MUSTER"]),
        ("en", ["Jane Roe, Example Insider", "March 3, 2024"], ["Jane Roe"]),
        ("en", ["Jane Roe and Kevin Poe EXAMPLE TODAY", "March 3, 2024"], ["Jane Roe", "Kevin Poe"]),
        (
            "en",
            ["By The Example Times Editorial Board", "March 3, 2024"],
            ["The Example Times Editorial Board"],
        ),
        ("en", ["Jane Roe with additional reporting by John Doe", "March 3, 2024"], ["Jane Roe"]),
        ("es", ["Ana Pérez | EFE", "3 de marzo de 2024"], ["Ana Pérez"]),
        ("en", ["By Jane Roe", "Example.com", "March 3, 2024"], ["Jane Roe"]),
        ("en", ["Give Feedback", "March 3, 2024"], []),
        (
            "en",
            ["Jane Roe in Washington and John Doe in New York", "March 3, 2024"],
            ["Jane Roe", "John Doe"],
        ),
        ("de", ["Von Jana Roth aus Berlin", "3. März 2024"], ["Jana Roth"]),
        ("fr", ["Par Jean Dupont à Lyon", "3 mars 2024"], ["Jean Dupont"]),
        ("en", ["Mayor Arrested in Rome On Bridge Charges", "March 3, 2024"], []),
        ("en", ["By: Jane Roe", "March 3, 2024"], ["Jane Roe"]),
        ("de", ["Von: Jana Roth", "3. März 2024"], ["Jana Roth"]),
    ],
)
def test_byline_forms(lang: str, lines: list[str], authors: list[str]) -> None:
    rec = convert(article(lang, top=[TITLE[lang], DEK[lang], *lines]))
    assert rec.byline.authors == authors


def test_a_picture_credit_beside_the_date_is_no_byline() -> None:
    top = [TITLE["de"], DEK["de"], "Foto: Max Muster/dpa", "3. März 2024"]
    assert convert(article("de", top=top)).byline.authors == []


# --- where the article's byline sits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [["Jane Roe", "March 3, 2024"], ["Opinion by Jane Roe", "March 3, 2024", "Another story"]],
)
def test_a_name_beside_a_date_above_the_headline_signs_the_article(lines: list[str]) -> None:
    rec = convert(article("en", top=["Politics", *lines, TITLE["en"]]))
    assert rec.byline.authors == ["Jane Roe"]


def test_a_kicker_with_an_article_in_it_is_no_name() -> None:
    top = ["Politik", "Ende der Hafen Allianz", "3. März 2024", TITLE["de"]]
    assert convert(article("de", top=top)).byline.authors == []


def test_a_prefixed_byline_between_the_paragraphs_signs_an_embedded_teaser() -> None:
    p = PARAS["en"]
    middle = ["Watch: the old bridge in pictures", "By John Doe", "Video: the river at night"]
    text = "\n\n".join([TITLE["en"], DEK["en"], "March 3, 2024", p[0], p[1], *middle, p[2], p[3]]) + "\n"
    assert convert(text).byline.authors == []


def test_a_cjk_name_beside_the_date_is_the_author() -> None:
    # family and given name of one to four characters each, split by a space, right beside a date line
    p = ["東京都は新しい橋の建設を決めたと発表した。工事は来年の春に始まる予定だ。" * 3] * 4
    text = "\n\n".join(["新しい橋の建設が決まる", "2024/3/3 10:00", "山田 花子", *p]) + "\n"
    assert convert(text).byline.authors == ["山田 花子"]
    text = "\n\n".join(["新しい橋の建設が決まる", "山田 花子", "社会", *p]) + "\n"
    assert convert(text).byline.authors == []


def test_bylines_of_a_teaser_list_below_the_article_are_not_its_authors() -> None:
    bottom = ["More from our contributors"]
    for name in ("Jane Roe", "John Doe", "Sam Poe"):
        bottom += ["By", name, f"What {name.split()[0]} learned from ten years of bridges"]
    text = article("en", top=[TITLE["en"], DEK["en"], "March 3, 2024"], bottom=bottom)
    assert convert(text).byline.authors == []


def test_a_byline_above_the_headline_signs_a_teaser_when_the_header_has_one() -> None:
    top = ["Most read", "Harbour plan wins backing", "By Sam Poe", "Home", "World", TITLE["en"], DEK["en"]]
    assert convert(article("en", top=[*top, "Jane Roe", "March 3, 2024"])).byline.authors == ["Jane Roe"]


def test_of_prefixed_bylines_above_the_text_the_nearest_signs_the_article() -> None:
    teasers = ["Harbour plan wins backing", "By Sam Poe", "March 2, 2024", "Schools reopen", "By Ann Lee"]
    top = ["Home", "World", *teasers, "March 2, 2024", TITLE["en"], DEK["en"], "By Jane Roe", "March 3, 2024"]
    assert convert(article("en", top=top)).byline.authors == ["Jane Roe"]


def test_a_prefix_alone_with_no_names_below_it_is_no_byline() -> None:
    top = ["Teilen", "von", "an", TITLE["de"], DEK["de"], "Jana Roth", "3. März 2024"]
    assert convert(article("de", top=top)).byline.authors == ["Jana Roth"]


def test_a_name_above_the_headline_is_kept_beside_a_teaser_byline_below_the_text() -> None:
    top = ["Politics", "Jane Roe", "March 3, 2024", TITLE["en"]]
    bottom = ["Most read", "Harbour plan wins backing from the port", "By Sam Poe"]
    assert convert(article("en", top=top, bottom=bottom)).byline.authors == ["Jane Roe"]


def test_names_listed_under_a_topics_label_are_no_authors() -> None:
    top = [
        TITLE["en"],
        DEK["en"],
        "Related Topics",
        "Jane Roe,",
        "City Council,",
        "John Doe",
        "March 3, 2024",
    ]
    assert convert(article("en", top=top)).byline.authors == []


@pytest.mark.parametrize("name", ["Γιάννης Παπαδόπουλος", "Ёлена Иванова", "Łukasz Żak", "İpek Şahin"])
def test_names_in_other_alphabets_are_name_shaped(name: str) -> None:
    assert parse_names(name, frozenset()) == [name]


def test_portuguese_roles_and_given_names_are_known() -> None:
    assert name_part("Ana Silva, Repórter") == "Ana Silva"
    assert split_run_together("Ana Paula Silva João Pedro Souza") == ["Ana Paula Silva", "João Pedro Souza"]


# --- names with their employer or role (round 2) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Roe and John Doe / The Example Post", ["Jane Roe", "John Doe"]),  # the slash ends a name
        ("Jane Roe, CNN Business", ["Jane Roe"]),  # a broadcaster's letters open its name: no person
        ("Jane Roe, ABC News", ["Jane Roe"]),
    ],
)
def test_an_employer_after_the_names_is_no_author(text: str, names: list[str]) -> None:
    assert parse_names(text, EN) == names


def test_a_role_with_a_possessive_before_the_name_is_cut() -> None:
    assert parse_names("unserem Korrespondenten Max Muster", frozenset()) == ["Max Muster"]


@pytest.mark.parametrize(
    ("lang", "line", "names"),
    [
        ("en", "Jane Roe, Political Correspondent", ["Jane Roe"]),
        ("en", "Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("es", "Ana Pérez | Madrid", ["Ana Pérez"]),
    ],
)
def test_a_name_line_right_below_the_standfirst_signs_the_article(
    lang: str, line: str, names: list[str]
) -> None:
    # title / standfirst / names: no date beside them, the header's place is evidence enough
    rec = convert(article(lang, top=[TITLE[lang], DEK[lang], line]))
    assert rec.byline is not None and rec.byline.authors == names


# --- initials below the article ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("abc, xyz; Foto: Example Images; Erstveröffentlichung: 3.4.18", ["abc", "xyz"]),
        ("Radio Eins, 3.4.2024, 10:05 Uhr; rad/abcd;efg", ["rad/abcd", "efg"]),
        ("(dpa/jr)", ["dpa/jr"]),
        ("mehr; Teilen", []),  # a button's word is no code
        ("und; oder", []),  # nor is a stopword
        ("abc", []),  # a lone lower-case word is no signature
    ],
)
def test_initials_are_the_parts_of_codes_between_semicolons(line: str, codes: list[str]) -> None:
    from corpus.convert.fields.signatures import initials

    assert initials(line, RULES.stopwords["de"]) == codes


def test_initials_below_the_last_paragraph_sign_an_unsigned_article() -> None:
    # (a line that is also a picture's credit, "abc; Foto: Example Images", stays the credit's)
    text = article(
        "de", top=[TITLE["de"], DEK["de"]], bottom=["abc, xyz; Erstveröffentlichung: 3.4.18", "Teilen"]
    )
    rec = convert(text)
    assert rec.byline is not None and rec.byline.authors == ["abc", "xyz"]


def test_initials_do_not_add_to_a_signed_article() -> None:
    top = [TITLE["de"], DEK["de"], "Von Jana Roth", "3. März 2024"]
    rec = convert(article("de", top=top, bottom=["jr; Erstveröffentlichung: 3.4.18"]))
    assert rec.byline is not None and rec.byline.authors == ["Jana Roth"]


def test_a_name_line_below_the_standfirst_and_the_lead_pictures_credit_signs_the_article() -> None:
    caption = "The old bridge at dawn, a week before the vote. Photo: Example Images"
    rec = convert(article("en", top=[TITLE["en"], DEK["en"], caption, "Jane Roe"]))
    assert rec.byline is not None and rec.byline.authors == ["Jane Roe"]


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("pl", "Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("cs", "Jan Novák a Petr Svoboda", ["Jan Novák", "Petr Svoboda"]),
        ("tr", "Ayşe Yılmaz ve Mehmet Kaya", ["Ayşe Yılmaz", "Mehmet Kaya"]),
        ("fi", "Matti Virtanen ja Liisa Korhonen", ["Matti Virtanen", "Liisa Korhonen"]),
        ("ru", "Анна Петрова и Иван Смирнов", ["Анна Петрова", "Иван Смирнов"]),
    ],
)
def test_names_joined_by_the_languages_and(lang: str, text: str, names: list[str]) -> None:
    assert parse_names(text, RULES.stopwords.get(lang, frozenset())) == names


def test_a_byline_above_the_headline_with_a_section_line_before_its_date() -> None:
    # "Jane Roe" / "Science" / date / title: the section's name parts the byline from its date
    top = ["Jana Roth Travel Team", "Travel", "Mar 3, 2024 10:00 AM", "The Best Tents for Every Trip"]
    rec = convert("\n\n".join([*top, *PARAS["en"]]) + "\n")
    assert rec.byline is not None and rec.byline.authors == ["Jana Roth", "Travel Team"]
    # without a date below, a name line at the page's top signs nothing
    rec = convert("\n\n".join([top[0], top[1], top[3], *PARAS["en"]]) + "\n")
    assert rec.byline is None or not rec.byline.authors
