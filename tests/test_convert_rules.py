"""Unit tests per rule family, on small invented articles (no publisher text)."""

from __future__ import annotations

import pytest

from corpus.convert import convert_bytes, explain_bytes
from corpus.convert.engine import parse_names
from corpus.record import Record

PARAS = {
    "en": [
        "The town council voted on Tuesday to rebuild the old bridge over the river, after years of debate about its cost and its safety for the people who use it every day.",
        "Residents said they had waited for a decision for a long time, and many of them came to the meeting to hear the result and to ask what would happen to the traffic.",
        "The work is expected to begin in the spring and to last for about two years, according to the engineers who presented the plan to the council members.",
        "A spokesperson for the council said that the money would come from the regional budget and that no new taxes would be needed for the project to go ahead.",
    ],
    "de": [
        "Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen, nachdem jahrelang über die Kosten und die Sicherheit gestritten worden war.",
        "Viele Anwohner sagten, sie hätten lange auf diese Entscheidung gewartet, und sie kamen in großer Zahl zu der Sitzung, um das Ergebnis zu hören und Fragen zu stellen.",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, wie die Ingenieure erklärten, die den Plan den Mitgliedern des Rates vorgestellt haben.",
        "Ein Sprecher der Gemeinde sagte, dass das Geld aus dem Haushalt der Region kommen werde und dass für das Projekt keine neuen Steuern nötig seien.",
    ],
    "es": [
        "El ayuntamiento votó el martes a favor de reconstruir el viejo puente sobre el río, después de años de debate sobre su coste y su seguridad para los vecinos.",
        "Los vecinos dijeron que habían esperado mucho tiempo una decisión, y muchos de ellos acudieron a la reunión para escuchar el resultado y hacer sus preguntas.",
        "Las obras comenzarán en la primavera y durarán unos dos años, según los ingenieros que presentaron el plan a los miembros del consejo municipal.",
        "Un portavoz del ayuntamiento dijo que el dinero vendrá del presupuesto regional y que no serán necesarios nuevos impuestos para llevar adelante el proyecto.",
    ],
    "fr": [
        "Le conseil municipal a voté mardi la reconstruction du vieux pont sur la rivière, après des années de débat sur son coût et sur sa sécurité pour les habitants.",
        "Les habitants ont dit qu'ils attendaient une décision depuis longtemps, et beaucoup sont venus à la réunion pour entendre le résultat et poser leurs questions.",
        "Les travaux doivent commencer au printemps et durer environ deux ans, selon les ingénieurs qui ont présenté le projet aux membres du conseil.",
        "Un porte-parole de la mairie a déclaré que l'argent viendrait du budget régional et qu'aucun nouvel impôt ne serait nécessaire pour mener le projet à bien.",
    ],
}


def article(lang: str = "en", top: list[str] = (), middle: list[str] = (), bottom: list[str] = ()) -> str:
    p = PARAS[lang]
    blocks = [*top, p[0], p[1], *middle, p[2], p[3], *bottom]
    return "\n\n".join(blocks) + "\n"


def convert(text: str) -> Record:
    return convert_bytes(text.encode("utf-8"), id="t", file="t.txt")


def label_of(text: str, line: str) -> tuple[str, str]:
    for d in explain_bytes(text.encode("utf-8")):
        if d.text == line:
            return d.label, d.rule
    raise AssertionError(f"line not found: {line}")


# --- credits and captions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "block", "credit", "caption"),
    [
        (
            "en",
            "Photo: Jane Roe/Reuters\nThe mayor looks at the bridge plans on Tuesday.",
            "Jane Roe/Reuters",
            "The mayor looks at the bridge plans on Tuesday.",
        ),
        (
            "en",
            "The mayor looks at the bridge plans on Tuesday. Credit: Jane Roe / City Hall",
            "Jane Roe / City Hall",
            "The mayor looks at the bridge plans on Tuesday.",
        ),
        (
            "de",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke.\nFoto: Max Muster/dpa",
            "Max Muster/dpa",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke.",
        ),
        (
            "de",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke. © Max Muster/imago",
            "Max Muster/imago",
            "Die Bürgermeisterin zeigt die Pläne für die neue Brücke.",
        ),
        (
            "es",
            "La alcaldesa muestra los planos del nuevo puente.\nFoto: Ana Pérez/EFE",
            "Ana Pérez/EFE",
            "La alcaldesa muestra los planos del nuevo puente.",
        ),
        (
            "fr",
            "La maire présente les plans du nouveau pont.\nPhoto : Jean Dupont/AFP",
            "Jean Dupont/AFP",
            "La maire présente les plans du nouveau pont.",
        ),
        (
            "en",
            "The mayor looks at the bridge plans on Tuesday.\nJane Roe/Getty Images",
            "Jane Roe/Getty Images",
            "The mayor looks at the bridge plans on Tuesday.",
        ),
    ],
)
def test_credit_and_caption_are_one_item(lang: str, block: str, credit: str, caption: str) -> None:
    rec = convert(article(lang, top=[block]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(credit, caption)]
    assert caption not in rec.body and credit not in rec.body
    assert rec.body.count("\n\n") == 3  # the four paragraphs, nothing else


def test_copyright_footer_is_not_a_credit() -> None:
    rec = convert(article("en", bottom=["© 2024 Example Media Group. All rights reserved."]))
    assert rec.credits == []
    assert "Example Media" not in rec.body


# --- bylines -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "authors"),
    [
        ("en", "By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("en", "By Jane Roe, Staff Writer", ["Jane Roe"]),
        ("de", "Von Erika Mustermann und Max Muster", ["Erika Mustermann", "Max Muster"]),
        ("es", "Por Ana Pérez y Luis García", ["Ana Pérez", "Luis García"]),
        ("fr", "Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("en", "By Jane Roe @janeroe", ["Jane Roe"]),
    ],
)
def test_byline_prefixes(lang: str, line: str, authors: list[str]) -> None:
    rec = convert(article(lang, top=["A Council Votes To Rebuild The Old Bridge", line]))
    assert rec.byline.authors == authors
    assert line not in rec.body


def test_bare_by_line_takes_the_name_below() -> None:
    rec = convert(article("es", top=["El puente viejo será reconstruido", "Por\nAna Pérez @anaperez\n-"]))
    assert rec.byline.authors == ["Ana Pérez"]


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    assert parse_names("the time the council met, the decision was made", frozenset()) == []
    rec = convert(
        article("en", middle=["By the end of the meeting, most residents had left the hall and gone home."])
    )
    assert rec.byline.authors == []
    assert "By the end of the meeting" in rec.body


# --- headline and dateline -----------------------------------------------------------------------------------


def test_headline_is_found_and_never_invented() -> None:
    rec = convert(article("en", top=["Council votes to rebuild the old bridge", "By Jane Roe"]))
    assert rec.headline == "Council votes to rebuild the old bridge"
    assert convert(article("en")).headline is None


def test_date_line_gives_published() -> None:
    rec = convert(article("de", top=["Neue Brücke für die Stadt", "3. Mai 2024, 17:47"]))
    assert rec.published == "2024-05-03"
    rec = convert(article("en", top=["Council votes to rebuild the old bridge", "Published May 11, 2022"]))
    assert rec.published == "2022-05-11"


@pytest.mark.parametrize(
    ("lang", "line", "iso"),
    [
        ("fr", "Publié le 27 novembre 2026 à 18h05, modifié le 28 novembre 2026 à 09h12", "2026-11-27"),
        ("de", "Veröffentlicht am 27.11.2026, 14:32 Uhr", "2026-11-27"),
        ("en", "Published: November 27, 2026 6:05pm", "2026-11-27"),
    ],
)
def test_a_publication_phrase_before_a_date_is_a_date_line(lang: str, line: str, iso: str) -> None:
    rec = convert(article(lang, top=["Neue Brücke für die Stadt", line]))
    assert rec.published == iso


def test_agency_dateline() -> None:
    text = article("en").replace("The town council", "SPRINGFIELD (Reuters) - The town council", 1)
    rec = convert(text)
    assert rec.dateline == "SPRINGFIELD (Reuters)"
    assert rec.body.startswith("SPRINGFIELD (Reuters) - The town council")


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("SPRINGFIELD, Nov 27 (Reuters) - ", "SPRINGFIELD, Nov 27 (Reuters)"),
        ("Springfield (dpa) - ", "Springfield (dpa)"),
        ("Bad Springfeld (dpa/lnw) - ", "Bad Springfeld (dpa/lnw)"),
        ("SPRINGVILLE, 27 novembre (AFP) - ", "SPRINGVILLE, 27 novembre (AFP)"),
        ("SPRINGFIELD, 27 Nov. (EUROPA PRESS) - ", "SPRINGFIELD, 27 Nov. (EUROPA PRESS)"),
        ("SPRINGFIELD, Ill. (AP) — ", "SPRINGFIELD, Ill. (AP)"),
        ("NEW SPRINGFIELD — ", "NEW SPRINGFIELD"),
        ("SPRINGFIELD, Oregon – ", "SPRINGFIELD, Oregon"),
        ("UPDATE — ", None),  # a flag word, not a place (common.toml dateline.not_places)
        ("BREAKING: ", None),  # a colon without a wire opens flags as often as places
        ("SPRINGFIELD - ", None),  # a hyphen alone: a kicker as often as a place
        ("The mayor (AP) said - ", None),
    ],
)
def test_datelines_of_wires_and_papers(opening: str, dateline: str | None) -> None:
    rec = convert(article("en").replace("The town council", opening + "The town council", 1))
    assert rec.dateline == dateline
    assert rec.body.startswith(opening + "The town council")


def test_the_dateline_opens_the_paragraph_after_a_standfirst() -> None:
    standfirst = "The vote ends a year of argument over the cost. Shop owners fear months of closed roads."
    text = article("en", top=["Council votes to rebuild the old bridge", standfirst, "By Jane Roe"])
    rec = convert(text.replace("The town council", "SPRINGFIELD (AP) — The town council", 1))
    assert rec.body.startswith(standfirst)
    assert rec.dateline == "SPRINGFIELD (AP)"


# --- related links -----------------------------------------------------------------------------------------


def test_previous_next_glued_to_titles() -> None:
    rec = convert(
        article(
            "en", bottom=["Previous articleA Storm Hits The Coast", "Next articleSchools Reopen After Summer"]
        )
    )
    assert [(r.rel, r.title) for r in rec.related_links] == [
        ("previous", "A Storm Hits The Coast"),
        ("next", "Schools Reopen After Summer"),
    ]
    assert "Storm" not in rec.body


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Read more: Why the old bridge had to close"),
        ("de", "Lesen Sie auch: Warum die alte Brücke gesperrt wurde"),
        ("es", "Te puede interesar: Por qué se cerró el puente viejo"),
        ("fr", "À lire aussi : Pourquoi le vieux pont a fermé"),
    ],
)
def test_related_label_lines(lang: str, line: str) -> None:
    rec = convert(article(lang, middle=[line]))
    assert len(rec.related_links) == 1
    assert rec.related_links[0].title == line.split(":", 1)[1].strip()
    assert line not in rec.body


def test_title_case_line_between_paragraphs_is_an_inline_link_in_english() -> None:
    line = "Mayor Announces New Plan To Fix Every Bridge In The Region"
    rec = convert(article("en", middle=[line]))
    assert [(r.rel, r.title) for r in rec.related_links] == [("inline", line)]


# --- boilerplate -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Share this article on WhatsApp:",
        "Click to share on Twitter (Opens in new window)",
        "Sign up for our newsletter to get the latest news in your inbox every morning.",
        "We use cookies to improve your experience on our site.",
        "Advertisement",
        "Anzeige",
        "1.2K shares",
        "723,497 Fans",
        "Facebook",
        "Artikel auf WhatsApp teilen",
        "Compartir en Facebook",
        "Partager sur Twitter",
    ],
)
def test_boilerplate_lines_are_dropped(line: str) -> None:
    rec = convert(article("en", middle=[line], bottom=[line]))
    assert line not in rec.body
    assert label_of(article("en", middle=[line]), line)[0] == "boilerplate"


# --- bios, subheadings, page shape, scripts ------------------------------------------------------------------


def test_bio_after_the_article() -> None:
    bio = "Jane Roe is a reporter who has covered local politics and city planning for the newspaper since 2015."
    rec = convert(article("en", bottom=[bio]))
    assert rec.byline.bio == bio
    assert rec.byline.authors == ["Jane Roe"]
    assert bio not in rec.body


def test_subheading_stays_in_body() -> None:
    rec = convert(article("de", middle=["Was die Anwohner sagen"]))
    assert "\n\nWas die Anwohner sagen\n\n" in rec.body
    rec = convert(article("en", middle=["What residents say"]))
    assert "\n\nWhat residents say\n\n" in rec.body


def test_page_dump_menus_and_footers_are_dropped() -> None:
    menu = "\n".join(
        ["Home", "World News", "Local Politics", "Sports Desk", "Culture Guide", "Weather Today"]
    )
    teasers = "\n".join(["Storm Hits The Coast", "Schools Reopen After Summer", "Team Wins The Cup Final"])
    footer = "\n".join(["About Us", "Contact", "Privacy Policy", "Terms of Use"])
    rec = convert(
        article("en", top=[menu, "Council votes to rebuild the old bridge"], bottom=[teasers, footer])
    )
    assert rec.body == "\n\n".join(PARAS["en"])
    assert rec.headline == "Council votes to rebuild the old bridge"


def test_cjk_body_is_kept() -> None:
    paras = [
        "市议会星期二投票决定重建河上的旧桥，此前人们就其费用和安全问题争论了多年。许多居民表示他们等待这个决定已经很久了。",
        "工程预计将于春季开始，持续大约两年。负责该项目的工程师向议会成员介绍了详细的计划和时间安排。",
        "市政府发言人说，资金将来自地区预算，这个项目不需要征收新的税款。居民们对这个消息表示欢迎。",
    ]
    rec = convert("\n\n".join(paras))
    assert rec.body == "\n\n".join(paras)
    assert rec.language in ("zh", "ja")
