"""Page patterns of European publishers that dev does not hold, on invented articles (no publisher text)."""

from __future__ import annotations

from tests.test_convert_rules import PARAS, convert, label_of

FR = PARAS["fr"]
SUBHEAD = "Des élus encore inquiets"


def _fr_article(link_block: str) -> str:
    head = ["Transports", "Le conseil vote la reconstruction du vieux pont", "Par Camille Lefort"]
    return "\n\n".join([*head, FR[0], FR[1], link_block, SUBHEAD, FR[2], FR[3]]) + "\n"


def test_read_also_label_and_title_on_one_line_is_a_link_and_the_heading_below_stays() -> None:
    text = _fr_article("À lire aussi Ferroviaire : la SNCF annonce de nouvelles dessertes pour l'hiver")
    rec = convert(text)
    assert "Ferroviaire" not in rec.body
    assert SUBHEAD in rec.body
    assert [(r.rel, r.title) for r in rec.related_links] == [
        ("related", "Ferroviaire : la SNCF annonce de nouvelles dessertes pour l'hiver")
    ]


def test_read_also_label_with_its_title_glued_below_is_one_link() -> None:
    text = _fr_article("À lire aussi\nFerroviaire : la SNCF annonce de nouvelles dessertes pour l'hiver")
    rec = convert(text)
    assert "Ferroviaire" not in rec.body
    assert SUBHEAD in rec.body
    assert label_of(text, SUBHEAD)[0] == "body"


def test_a_sentence_after_a_read_also_word_in_lower_case_stays_text() -> None:
    line = (
        "Lire aussi les conclusions du rapport permet de comprendre pourquoi le conseil a choisi ce projet."
    )
    assert label_of(_fr_article(line), line)[0] == "body"


def test_last_paragraph_between_an_inline_link_and_a_newsletter_box_stays() -> None:
    last = (
        "Les syndicats jugent l'objectif ambitieux mais difficile à tenir sans une hausse rapide des salaires, "
        "qui restent parmi les plus bas du secteur."
    )
    box = [
        "Newsletter L'essentiel du matin",
        "Un tour de l'actualité pour bien commencer",
        "S'inscrire à la newsletter",
    ]
    head = ["Le conseil vote la reconstruction du vieux pont", "Par Camille Lefort"]
    blocks = [
        *head,
        *FR,
        "LIRE AUSSI > Travaux : les riverains inquiets du bruit",
        last,
        *box,
        "Toute l'actualité",
    ]
    rec = convert("\n\n".join(blocks) + "\n")
    assert last in rec.body
    assert "newsletter" not in rec.body.lower()
