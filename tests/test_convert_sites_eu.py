"""Page patterns of European publishers that dev does not hold, on invented articles (no publisher text)."""

from __future__ import annotations

import pytest

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


NL = [
    "Door een storing in de seinen rijden er sinds vanochtend vroeg vrijwel geen treinen van en naar de stad, "
    "en duizenden reizigers moeten omreizen.",
    "De beheerder zegt dat monteurs de oorzaak hebben gevonden, maar dat het nog enkele uren kan duren voordat "
    "alles weer normaal rijdt.",
    "Reizigers wordt aangeraden de reisplanner in de gaten te houden en waar het kan thuis te werken, want er "
    "rijden voorlopig alleen bussen.",
]


def _credits(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.caption, c.credit) for c in convert(text).credits]


def _with_picture(picture: str, paras: list[str] = NL) -> str:
    head = ["Treinverkeer rond de stad urenlang plat door een storing", "Door Sanne Visser"]
    return "\n\n".join([*head, picture, *paras]) + "\n"


@pytest.mark.parametrize("sep", [" ", ""])
def test_an_agency_as_the_captions_last_word_is_its_credit(sep: str) -> None:
    got = _credits(_with_picture(f"Reizigers wachten op het perron van het centraal station{sep}ANP"))
    assert got == [("Reizigers wachten op het perron van het centraal station", "ANP")]


@pytest.mark.parametrize("sep", [" ", ""])
def test_a_label_printed_without_a_colon_is_not_part_of_the_credit(sep: str) -> None:
    got = _credits(_with_picture(f"Werkzaamheden aan een dijk bij de rivier.{sep}Beeld ANP"))
    assert got == [("Werkzaamheden aan een dijk bij de rivier.", "ANP")]


def test_an_abbreviated_label_glued_to_the_caption_leaves_the_caption() -> None:
    pl = [
        "Za ustawą głosowała większość posłów koalicji rządzącej, a przeciw byli posłowie opozycji, którzy "
        "krytykują sposób finansowania programu.",
        "Według ministerstwa w ciągu pięciu lat ma powstać nawet sto tysięcy mieszkań, które gminy będą "
        "wynajmować po niższych cenach.",
    ]
    text = "\n\n".join(
        [
            "Sejm przyjął ustawę o budowie mieszkań na wynajem",
            "Posłowie podczas głosowania w Sejmie",
            "Fot.",
            *pl,
        ]
    )
    glued = text.replace("Sejmie\n\nFot.", "SejmieFot. Jan Nowak / Agencja Foto")
    assert _credits(glued + "\n") == [("Posłowie podczas głosowania w Sejmie", "Jan Nowak / Agencja Foto")]


@pytest.mark.parametrize("sep", [" ", ""])
def test_a_photographers_name_before_the_agencys_bracket_is_part_of_the_credit(sep: str) -> None:
    es = PARAS["es"]
    picture = f"Una sala de espera del hospital, en Madrid, el pasado martes.{sep}Marcos Moreno (AP)"
    text = "\n\n".join(["El Gobierno aprueba un plan para reducir las listas de espera", picture, *es]) + "\n"
    assert _credits(text) == [
        ("Una sala de espera del hospital, en Madrid, el pasado martes.", "Marcos Moreno (AP)")
    ]


@pytest.mark.parametrize(
    ("date_line", "iso"),
    [
        ("28 listopada 2026 | 06:30", "2026-11-28"),
        ("Publikacja: 3 maja 2026 06:30", "2026-05-03"),
        ("28. listopadu 2026 6:30", "2026-11-28"),
        ("Publicerad 3 augusti 2026", "2026-08-03"),
        ("Publiceret 7. marts 2026 kl. 06:30", "2026-03-07"),
        ("Publisert 12. desember 2026 kl. 06.30", "2026-12-12"),
    ],
)
def test_nordic_polish_and_czech_month_names_date_the_article(date_line: str, iso: str) -> None:
    text = (
        "\n\n".join(["Sejm przyjął ustawę o budowie nowych mieszkań", "Jan Kowalski", date_line, *NL]) + "\n"
    )
    assert convert(text).published == iso


def test_czech_month_prefixes_are_not_months() -> None:
    line = "Nový telefon 15 Pro 2026 se začne prodávat v prosinci za vyšší cenu než loňský model."
    text = "\n\n".join(["Nový telefon míří na trh", line, *NL]) + "\n"
    assert convert(text).published is None


@pytest.mark.parametrize("stamp", ["Vandaag, 06:30", "Gisteren om 18.12", "Aangepast vandaag, 08:12"])
def test_a_relative_day_and_a_clock_below_a_title_mark_it_as_the_headline(stamp: str) -> None:
    title = "Treinverkeer rond de stad urenlang plat door een storing"
    picture = "Reizigers wachten op het perron van het centraal station ANP"
    text = "\n\n".join(["Nieuws", "Sport", title, stamp, picture, *NL]) + "\n"
    assert convert(text).headline == title


def test_two_authors_each_with_a_role_line_below_the_name() -> None:
    head = ["Regjeringen vil bygge ny jernbane mellom to byer", "Kari Nordby", "Journalist", "Ola Haugen"]
    text = "\n\n".join([*head, "Journalist", "Publisert 28. november 2026 kl. 06.30", *NL]) + "\n"
    rec = convert(text)
    assert rec.byline.authors == ["Kari Nordby", "Ola Haugen"]
    assert "Journalist" not in rec.body


PL = [
    "Według projektu deficyt budżetu państwa wyniesie w przyszłym roku mniej niż trzy procent produktu "
    "krajowego brutto, co ma zakończyć procedurę.",
    "Ekonomiści zwracają uwagę, że założenia dotyczące wzrostu gospodarczego są optymistyczne i mogą wymagać "
    "korekty w trakcie roku budżetowego.",
    "Projekt trafi teraz do Sejmu, który ma czas na jego uchwalenie do końca stycznia, a opozycja zapowiada "
    "złożenie wielu poprawek.",
]


def test_polish_role_line_and_video_notice_are_not_author_or_text() -> None:
    head = ["Rząd przyjął projekt budżetu na przyszły rok", "Tomasz Wiśniewski", "Dziennikarz Onetu"]
    notice = "Dalsza część artykułu pod materiałem wideo"
    text = "\n\n".join([*head, "28 listopada 2026, 06:30", PL[0], PL[1], notice, PL[2]]) + "\n"
    rec = convert(text)
    assert rec.byline.authors == ["Tomasz Wiśniewski"]
    assert notice not in rec.body
    assert PL[2] in rec.body


def test_dutch_desk_line_above_the_byline_is_not_the_headline() -> None:
    title = "Politie houdt drie verdachten aan na een overval op een juwelier"
    head = ["Binnenland", title, "Van onze verslaggever", "Door Jan de Vries", "28 november 2026"]
    rec = convert("\n\n".join([*head, *NL]) + "\n")
    assert rec.headline == title
    assert rec.byline.authors == ["Jan de Vries"]


def test_portuguese_text_by_prefix_and_video_box_header() -> None:
    pt_paras = [
        "O Conselho de Ministros aprovou esta sexta-feira o decreto que fixa o novo valor do salário mínimo "
        "nacional, depois de um acordo na concertação social.",
        "As confederações patronais aceitaram o aumento em troca de uma redução das contribuições para a "
        "Segurança Social nas empresas que subam os salários.",
    ]
    box = "VÍDEOS: mais assistidos da região"
    head = ["Governo aprova aumento do salário mínimo", "Texto de Rita Costa", "28 de novembro de 2026"]
    rec = convert("\n\n".join([*head, pt_paras[0], box, pt_paras[1]]) + "\n")
    assert rec.byline.authors == ["Rita Costa"]
    assert box not in rec.body


def test_french_also_read_label_and_error_report_box() -> None:
    link = "Lire également: Solaire alpin, le grand malentendu"
    box = "Vous avez trouvé une erreur?Merci de nous en informer."
    rec = convert(_fr_article(link).replace(FR[3], FR[3] + "\n\n" + box))
    assert link not in rec.body
    assert box not in rec.body
    assert [r.title for r in rec.related_links] == ["Solaire alpin, le grand malentendu"]


def test_a_summary_box_straight_above_the_text_takes_its_bullets_not_the_paragraphs() -> None:
    bullets = [
        "La gratuité concernera tous les bus et tramways le samedi et le dimanche.",
        "L'objectif est de réduire le trafic automobile dans le centre.",
    ]
    first = (
        "C'est une première pour une ville de cette taille. À partir du mois prochain, les habitants pourront "
        "monter gratuitement dans les bus tous les week-ends."
    )
    head = ["La ville teste des bus gratuits le week-end", "Julie Rieux", "Publié le 28/11/26 à 06h30"]
    rec = convert("\n\n".join([*head, "L'essentiel", *bullets, first, *FR]) + "\n")
    assert first in rec.body and FR[0] in rec.body
    assert not any(b in rec.body for b in bullets)


def test_a_credit_after_a_dash_keeps_the_photographers_initial() -> None:
    picture = "Un bus de la ligne express à Toulouse. — F. Durand / 20 Minutes"
    text = "\n\n".join(["La ville teste des bus gratuits le week-end", picture, *FR]) + "\n"
    assert _credits(text) == [("Un bus de la ligne express à Toulouse.", "F. Durand / 20 Minutes")]


def test_a_wire_desk_beside_the_date_signs_the_article_and_credits_no_picture() -> None:
    it = [
        "Le piogge intense cadute nella notte hanno provocato allagamenti in diversi quartieri della città, dove "
        "i vigili del fuoco sono intervenuti decine di volte.",
        "Il sindaco ha firmato un'ordinanza che dispone la chiusura di scuole, parchi e cimiteri per tutta la "
        "giornata di sabato, in attesa del miglioramento.",
    ]
    stand = "La protezione civile invita i cittadini a limitare gli spostamenti fino a domenica"
    head = ["Maltempo, allerta rossa in Liguria: chiuse le scuole", stand, "Redazione ANSA", "GENOVA"]
    rec = convert("\n\n".join([*head, "28 novembre 2026", *it]) + "\n")
    assert rec.byline.authors == ["Redazione ANSA"]
    assert rec.credits == []


def test_a_name_alone_with_a_final_stop_in_the_header_is_the_byline() -> None:
    head = ["Brest : le port se prépare à accueillir de nouveaux navires", "Ouest-France", "Jeanne Morel."]
    rec = convert("\n\n".join([*head, "Publié le 28/11/2026 à 06h00", *FR, "Ouest-France Brest"]) + "\n")
    assert rec.byline.authors == ["Jeanne Morel"]


def test_a_byline_below_the_standfirst_date_and_picture_signs_the_article() -> None:
    stand = (
        "Nowe stawki mają zależeć od wartości nieruchomości, a nie tylko od jej powierzchni, wynika z projektu "
        "ministerstwa finansów."
    )
    picture = "Minister finansów podczas konferencji prasowej Foto: PAP/Jan Nowak"
    dates = ["Publikacja: 28.11.2026 06:30", "Aktualizacja: 28.11.2026 08:12"]
    head = ["Rząd zapowiada reformę podatku od nieruchomości", stand, *dates, picture]
    rec = convert("\n\n".join([*head, "Anna Kowalczyk", *PL]) + "\n")
    assert rec.byline.authors == ["Anna Kowalczyk"]
    assert "Anna Kowalczyk" not in rec.body


FI = [
    "Uusi linja yhdistäisi aseman ja sataman, ja sen arvioidaan palvelevan päivittäin noin kolmeakymmentätuhatta "
    "matkustajaa kaupungin keskustassa.",
    "Hankkeen kustannusarvio on noin kolmesataa miljoonaa euroa, josta valtio maksaisi kolmanneksen, jos rahoitus "
    "hyväksytään ensi vuoden budjetissa.",
]


@pytest.mark.parametrize(
    ("line", "authors"), [("Hanna Mäkinen HS", ["Hanna Mäkinen"]), ("John Roe III", ["John Roe III"])]
)
def test_a_papers_initials_after_the_name_are_cut_but_not_a_numeral(line: str, authors: list[str]) -> None:
    text = "\n\n".join(["Kaupunki aikoo rakentaa uuden raitiolinjan", line, "28.11.2026 6:30", *FI]) + "\n"
    assert convert(text).byline.authors == authors


def test_a_credit_in_capitals_glued_to_the_captions_last_word() -> None:
    pt_paras = [
        "O Conselho de Ministros aprovou esta sexta-feira o decreto que fixa o novo valor do salário mínimo "
        "nacional, depois de um acordo na concertação social.",
        "As confederações patronais aceitaram o aumento em troca de uma redução das contribuições para a "
        "Segurança Social nas empresas que subam os salários.",
    ]
    picture = "A ministra falou aos jornalistas no final do Conselho de MinistrosJOÃO ROSA/LUSA"
    text = "\n\n".join(["Governo aprova aumento do salário mínimo", picture, *pt_paras]) + "\n"
    assert _credits(text) == [
        ("A ministra falou aos jornalistas no final do Conselho de Ministros", "JOÃO ROSA/LUSA")
    ]


def test_a_short_last_sentence_after_a_list_of_titles_is_text() -> None:
    last = "Le Sénat examinera ce projet de loi avant la fin du mois."
    box = ["Ne manquez rien de l'actualité !", "Newsletter"]
    links = ["Sur le même sujet", "Les loyers augmentent encore dans les grandes villes"]
    rec = convert(
        _fr_article("Lire aussi : Un titre de lien").replace(FR[3], "\n\n".join([FR[3], *links, last, *box]))
    )
    assert last in rec.body
    assert "Les loyers augmentent" not in rec.body


_MID_ARTICLE = {
    "fr": ["Contenus sponsorisés", "Cet article vous a été offert par un abonné."],
    "nl": ["Het artikel gaat verder onder de advertentie", "Bekijk deze post op Instagram", "Gesponsord"],
    "pl": ["Dalsza część artykułu pod reklamą", "Wyświetl ten post na Instagramie", "Materiał promocyjny"],
    "fi": [
        "Artikkeli jatkuu mainoksen jälkeen",
        "Katso tämä julkaisu Instagramissa",
        "Kaupallinen yhteistyö",
    ],
}


@pytest.mark.parametrize(("lang", "line"), [(lang, line) for lang, ls in _MID_ARTICLE.items() for line in ls])
def test_ad_embed_and_paywall_lines_between_paragraphs_are_not_text(lang: str, line: str) -> None:
    paras = {"fr": FR, "nl": NL, "pl": PL, "fi": FI * 2}[lang]
    text = "\n\n".join(["Le titre de l'article", paras[0], paras[1], line, paras[2]]) + "\n"
    assert label_of(text, line)[0] != "body"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Kari Nordby – NTB", ["Kari Nordby"]),
        ("EFE | Madrid", ["EFE"]),
        ("Ana Silva, da Reuters", ["Ana Silva"]),
    ],
)
def test_a_reporter_and_her_wire_beside_the_date(line: str, authors: list[str]) -> None:
    text = (
        "\n\n".join(["Le conseil vote la reconstruction du vieux pont", line, "28 novembre 2026", *FR]) + "\n"
    )
    rec = convert(text)
    assert rec.byline.authors == authors
    assert rec.credits == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("dal nostro inviato Marco Bianchi", ["Marco Bianchi"]),
        ("De notre envoyée spéciale Claire Martin", ["Claire Martin"]),
        ("Opracowanie: Anna Nowak", ["Anna Nowak"]),
    ],
)
def test_correspondent_and_compiled_by_prefixes(line: str, authors: list[str]) -> None:
    text = (
        "\n\n".join(["Le conseil vote la reconstruction du vieux pont", line, "28 novembre 2026", *FR]) + "\n"
    )
    assert convert(text).byline.authors == authors


def test_a_reporter_writing_with_a_wire_in_brackets_is_the_byline_not_a_credit() -> None:
    text = (
        "\n\n".join(["Le conseil vote le nouveau pont", "Jean Dupont (avec AFP)", "28 novembre 2026", *FR])
        + "\n"
    )
    rec = convert(text)
    assert rec.byline.authors == ["Jean Dupont"]
    assert rec.credits == []


IT = [
    "Il consiglio comunale ha votato martedì la ricostruzione del vecchio ponte sul fiume, dopo anni di "
    "discussioni sui costi e sulla sicurezza.",
    "Molti residenti hanno detto di aver aspettato a lungo questa decisione e sono venuti in gran numero alla "
    "riunione per ascoltare il risultato.",
]


@pytest.mark.parametrize(
    ("picture", "paras", "caption", "credit"),
    [
        (
            "Il premier durante la conferenza stampa a Palazzo Chigi (foto Giulio Neri)",
            IT,
            "Il premier durante la conferenza stampa a Palazzo Chigi",
            "Giulio Neri",
        ),
        (
            "De premier tijdens het debat in de Tweede Kamer. Beeld Jan van Dijk",
            NL,
            "De premier tijdens het debat in de Tweede Kamer.",
            "Jan van Dijk",
        ),
    ],
)
def test_a_credit_label_without_a_colon_before_a_name(
    picture: str, paras: list[str], caption: str, credit: str
) -> None:
    text = "\n\n".join(["Un titre pour l'article", picture, *paras]) + "\n"
    assert _credits(text) == [(caption, credit)]


@pytest.mark.parametrize(
    ("picture", "paras", "caption", "credit"),
    [
        (
            "Premier podczas debaty w Sejmie.Fot. PAP/Jan Nowak",
            PL,
            "Premier podczas debaty w Sejmie.",
            "PAP/Jan Nowak",
        ),
        (
            "De premier tijdens het debat in de Tweede Kamer.Beeld Jan van Dijk",
            NL,
            "De premier tijdens het debat in de Tweede Kamer.",
            "Jan van Dijk",
        ),
        (
            "Le maire lors de la présentation du projet, à Lyon. Photo d'illustration Pixabay",
            FR,
            "Le maire lors de la présentation du projet, à Lyon.",
            "Pixabay",
        ),
    ],
)
def test_labels_glued_to_the_captions_stop_or_of_two_words(
    picture: str, paras: list[str], caption: str, credit: str
) -> None:
    text = "\n\n".join(["Un titre pour l'article", picture, *paras]) + "\n"
    assert _credits(text) == [(caption, credit)]


TH = [
    "สภากรุงเทพมหานครลงมติเมื่อวันอังคารให้สร้างสะพานเก่าข้ามแม่น้ำขึ้นใหม่ หลังจากถกเถียงกันมาหลายปีเรื่องค่าใช้จ่ายและความปลอดภัย",
    "ชาวบ้านหลายคนบอกว่ารอการตัดสินใจนี้มานานแล้ว",
    "งานก่อสร้างจะเริ่มในฤดูใบไม้ผลิและใช้เวลาประมาณสองปี ตามที่วิศวกรได้นำเสนอแผนต่อสมาชิกสภา",
    "โฆษกของเมืองกล่าวว่าเงินจะมาจากงบประมาณของภูมิภาค",
    "ไม่จำเป็นต้องเก็บภาษีใหม่เพื่อดำเนินโครงการนี้",
]


def test_short_thai_paragraphs_without_a_stop_stay_text_up_to_the_furniture() -> None:
    tail = ["แชร์", "ข่าวที่เกี่ยวข้อง", "นายกฯ ลงพื้นที่ตรวจน้ำท่วมภาคเหนือ"]
    text = "\n\n".join(["กรุงเทพฯ อนุมัติสร้างสะพานใหม่ข้ามแม่น้ำเจ้าพระยา", "โดย สมชาย ใจดี", *TH, *tail]) + "\n"
    rec = convert(text)
    assert all(p in rec.body for p in TH)
    assert "นายกฯ" not in rec.body and "แชร์" not in rec.body
    assert rec.headline == "กรุงเทพฯ อนุมัติสร้างสะพานใหม่ข้ามแม่น้ำเจ้าพระยา"


SV = [
    "Enligt polisen ska flera ungdomar ha varit inblandade i bråket, som började strax före klockan åtta när "
    "eleverna var på väg till lektionerna.",
    "En person fördes till sjukhus med lindriga skador, uppger en talesperson för polisen, och ingen av eleverna "
    "ska ha skadats.",
    "Polisen har spärrat av delar av skolgården för att kunna genomföra en teknisk undersökning, och förhör "
    "pågår med flera vittnen.",
]


def test_the_last_paragraph_after_an_ad_continuation_notice_stays_text() -> None:
    head = ["Polisen larmas till skola – två gripna", "Johanna Lind", "Publicerad 28 november 2026"]
    tail = ["Dela artikeln", "Mest läst", "Storm drar in över västkusten", "Elpriset rusar inför helgen"]
    notice = "Artikeln fortsätter under annonsen"
    rec = convert("\n\n".join([*head, SV[0], SV[1], notice, SV[2], *tail]) + "\n")
    assert SV[2] in rec.body
    assert notice not in rec.body


def test_a_read_also_label_glued_to_its_title() -> None:
    line = "À LIRE AUSSIFerroviaire : la SNCF annonce de nouvelles dessertes pour l'hiver"
    rec = convert(_fr_article(line))
    assert "Ferroviaire" not in rec.body
    assert [r.title for r in rec.related_links] == [
        "Ferroviaire : la SNCF annonce de nouvelles dessertes pour l'hiver"
    ]


def test_a_labelled_credit_holding_its_own_caption_takes_no_paragraph_as_caption() -> None:
    es = PARAS["es"]
    text = "\n\n".join(
        [
            "El precio de la vivienda marca un nuevo récord",
            es[0],
            es[1],
            "Foto: Imagen de archivo. (EFE)",
            es[2],
            es[3],
        ]
    )
    rec = convert(text + "\n")
    assert _credits(text + "\n") == [("Imagen de archivo.", "EFE")]
    assert es[1] in rec.body


@pytest.mark.parametrize("desk", ["Redazione", "Redazione ANSA", "ANSA"])
def test_a_desk_or_wire_line_below_a_title_is_evidence_for_the_headline(desk: str) -> None:
    title = "Elezioni regionali, affluenza in calo a mezzogiorno"
    text = "\n\n".join([title, desk, "28 novembre 2026 | 13:05", *IT]) + "\n"
    assert convert(text).headline == title


def test_a_wires_dateline_without_a_year_is_no_caption_and_credit() -> None:
    es = PARAS["es"]
    title = "Un terremoto sacude el sur del país sin causar víctimas"
    rec = convert("\n\n".join(["Internacional", title, "Lima, 28 nov (EFE)", *es]) + "\n")
    assert rec.credits == []
    assert rec.headline == title


def test_a_portuguese_wires_end_mark_is_no_credit() -> None:
    pt_paras = [
        "Um incêndio destruiu na madrugada desta sexta-feira um armazém de materiais de construção, sem provocar "
        "feridos, disse fonte dos bombeiros.",
        "O alerta foi dado pouco depois das três da manhã e as chamas foram dominadas cerca de duas horas depois, "
        "com a intervenção de quarenta operacionais.",
    ]
    head = ["Incêndio destrói armazém sem provocar feridos", "Lusa", "28 Nov 2026, 06:30"]
    text = "\n\n".join([*head, *pt_paras, "ABC // JMR", "Lusa/Fim"])
    rec = convert(text + "\n")
    assert rec.credits == []
    assert "Lusa/Fim" not in rec.body
