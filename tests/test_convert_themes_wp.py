"""WordPress news themes (tagDiv Newspaper/Newsmag, JNews, Soledad, Jannah, Foxiz, blog themes with Jetpack):
their page furniture on invented articles, one test per converter fix."""

from __future__ import annotations

import pytest

from tests.test_convert_rules import PARAS as RULE_PARAS
from tests.test_convert_rules import convert, label_of

PARAS = {
    **RULE_PARAS,
    "it": [
        "Il consiglio comunale ha votato martedì la ricostruzione del vecchio ponte sul fiume, dopo anni di discussioni sul costo e sulla sicurezza per chi lo attraversa ogni giorno.",
        "Molti residenti hanno detto di aver aspettato a lungo questa decisione, e in tanti sono venuti alla seduta per ascoltare il risultato e fare le loro domande.",
        "I lavori dovrebbero cominciare in primavera e durare circa due anni, secondo gli ingegneri che hanno presentato il progetto ai membri del consiglio.",
        "Un portavoce del comune ha spiegato che i soldi arriveranno dal bilancio regionale e che non serviranno nuove tasse per portare avanti il progetto.",
    ],
    "pl": [
        "Rada miejska zagłosowała we wtorek za odbudową starego mostu na rzece, po latach sporów o jego koszt i o bezpieczeństwo ludzi, którzy codziennie z niego korzystają.",
        "Wielu mieszkańców mówiło, że długo czekało na tę decyzję, i licznie przyszło na posiedzenie, aby usłyszeć wynik i zadać swoje pytania radnym.",
        "Prace mają się rozpocząć wiosną i potrwać około dwóch lat, jak wyjaśnili inżynierowie, którzy przedstawili projekt członkom rady miejskiej.",
        "Rzecznik urzędu powiedział, że pieniądze będą pochodzić z budżetu regionu i że do realizacji projektu nie będą potrzebne nowe podatki.",
    ],
    "ru": [
        "Городской совет во вторник проголосовал за восстановление старого моста через реку после многих лет споров о его стоимости и безопасности для людей, которые пользуются им каждый день.",
        "Многие жители говорили, что давно ждали этого решения, и пришли на заседание, чтобы услышать результат и задать свои вопросы депутатам.",
        "Работы должны начаться весной и продлиться около двух лет, как пояснили инженеры, представившие проект членам городского совета.",
        "Представитель мэрии сообщил, что деньги поступят из регионального бюджета и что новые налоги для реализации проекта не понадобятся.",
    ],
    "id": [
        "Dewan kota memutuskan pada hari Selasa untuk membangun kembali jembatan tua di atas sungai, setelah bertahun-tahun berdebat tentang biaya dan keselamatan warga yang melewatinya setiap hari.",
        "Banyak warga mengatakan bahwa mereka sudah lama menunggu keputusan ini, dan mereka datang ke rapat untuk mendengar hasilnya serta mengajukan pertanyaan.",
        "Pekerjaan diperkirakan dimulai pada musim semi dan berlangsung sekitar dua tahun, menurut para insinyur yang mempresentasikan rencana itu kepada anggota dewan.",
        "Juru bicara pemerintah kota mengatakan bahwa dana akan berasal dari anggaran daerah dan tidak diperlukan pajak baru untuk menjalankan proyek tersebut.",
    ],
    "tr": [
        "Belediye meclisi salı günü, maliyeti ve her gün kullanan insanların güvenliği hakkında yıllarca süren tartışmaların ardından nehir üzerindeki eski köprünün yeniden yapılmasına karar verdi.",
        "Pek çok mahalle sakini bu kararı uzun süredir beklediklerini söyledi ve sonucu duymak ve sorularını sormak için toplantıya kalabalık bir şekilde geldi.",
        "Projeyi meclis üyelerine sunan mühendislere göre çalışmaların ilkbaharda başlaması ve yaklaşık iki yıl sürmesi bekleniyor.",
        "Belediye sözcüsü, paranın bölgesel bütçeden geleceğini ve proje için yeni vergilere gerek olmayacağını açıkladı.",
    ],
}

HEADLINES = {
    "en": "Bridge to be rebuilt after years of debate",
    "de": "Alte Brücke wird nach langem Streit neu gebaut",
    "es": "El viejo puente se reconstruirá tras años de debate",
    "fr": "Le vieux pont sera reconstruit après des années de débat",
    "it": "Il vecchio ponte sarà ricostruito dopo anni di discussioni",
    "pl": "Stary most zostanie odbudowany po latach sporów",
    "tr": "Eski köprü yıllar süren tartışmaların ardından yeniden yapılacak",
    "ru": "Старый мост восстановят после многих лет споров",
    "id": "Jembatan tua akan dibangun kembali setelah bertahun-tahun berdebat",
}
SUBHEADS = {
    "en": "How the work will be paid for",
    "de": "Wie die Arbeiten bezahlt werden",
    "es": "Cómo se pagarán las obras",
    "fr": "Comment les travaux seront payés",
    "pl": "Kto zapłaci za prace",
    "tr": "Çalışmalar nasıl ödenecek",
    "ru": "Кто заплатит за работы",
    "id": "Siapa yang akan membayar pekerjaan ini",
}


@pytest.mark.parametrize(
    ("lang", "marker"),
    [("en", "- Advertisement -"), ("de", "- Werbung -"), ("es", "- Publicidad -"), ("fr", "— Publicité —")],
)
def test_subheading_below_an_ad_marker_stays_in_the_body(lang: str, marker: str) -> None:
    """tagDiv prints its in-article ad slot as "- Advertisement -": the marker is furniture, and the
    section heading right below it still heads the next paragraph."""
    p = PARAS[lang]
    text = "\n\n".join([HEADLINES[lang], p[0], p[1], marker, SUBHEADS[lang], p[2], p[3]]) + "\n"
    rec = convert(text)
    assert SUBHEADS[lang] in rec.body
    assert "Advertisement" not in rec.body and "Werbung" not in rec.body
    assert "Publicidad" not in rec.body and "Publicité" not in rec.body
    assert label_of(text, marker)[0] == "boilerplate"


def test_a_name_below_a_share_button_is_no_subheading() -> None:
    """Only an ad slot's label is passed over: a name below a share button ends the article (its author box)."""
    p = PARAS["en"]
    text = "\n\n".join([HEADLINES["en"], p[0], p[1], p[2], "Share", "Megan Hollister", p[3]]) + "\n"
    assert label_of(text, "Megan Hollister")[0] != "body"


@pytest.mark.parametrize(
    ("line", "credit", "caption"),
    [
        (
            "Workers inspect the pier of the new terminal on Tuesday. (Photo by Jane Roe/Getty Images)",
            "Jane Roe/Getty Images",
            "Workers inspect the pier of the new terminal on Tuesday.",
        ),
        (
            "Workers inspect the pier of the new terminal on Tuesday (Photo by Jane Roe/AFP)",
            "Jane Roe/AFP",
            "Workers inspect the pier of the new terminal on Tuesday",
        ),
    ],
)
def test_bracketed_photo_by_credit_drops_its_label(line: str, credit: str, caption: str) -> None:
    """JNews and many blog themes print the featured image's caption with "(Photo by X/Agency)": the credit is
    the name and the agency, without the label."""
    p = PARAS["en"]
    rec = convert("\n\n".join([HEADLINES["en"], line, *p]) + "\n")
    assert [(c.credit, c.caption) for c in rec.credits] == [(credit, caption)]


@pytest.mark.parametrize(
    ("lang", "mail"),
    [
        ("en", "Send an email"),
        ("de", "Eine E-Mail senden"),
        ("fr", "Envoyer un e-mail"),
        ("it", "Invia una email"),
    ],
)
def test_author_line_with_the_mail_icon_text(lang: str, mail: str) -> None:
    """Jannah (TieLabs) prints the author's name and its mail icon's text on one line above the date: the
    line is the byline, and with it the title above is the headline."""
    p = PARAS[lang]
    author = "Megan Hollister"
    top = ["Home/News/" + HEADLINES[lang], "News", HEADLINES[lang], f"{author} {mail}\n12.03.2025"]
    rec = convert("\n\n".join([*top, *p]) + "\n")
    assert rec.byline is not None and rec.byline.authors == [author]
    assert rec.headline == HEADLINES[lang]


@pytest.mark.parametrize(
    ("lang", "stamp", "author"),
    [
        ("en", "Last Updated on March 13, 2025 by Megan Hollister", "Megan Hollister"),
        ("de", "Veröffentlicht am 12. März 2025 von Lukas Brenner", "Lukas Brenner"),
        ("fr", "Publié le 12 mars 2025 par Camille Fauret", "Camille Fauret"),
        ("it", "Pubblicato il 12 Marzo 2025 da Giulia Benvenuti", "Giulia Benvenuti"),
    ],
)
def test_publication_stamp_names_its_author(lang: str, stamp: str, author: str) -> None:
    """Blog themes (GeneratePress, Astra, Kadence) print "Published on DATE by NAME" under the title: the line
    opens like a furniture stamp, yet the name after its date is the author."""
    p = PARAS[lang]
    rec = convert("\n\n".join(["News", HEADLINES[lang], stamp, *p]) + "\n")
    assert rec.byline is not None and rec.byline.authors == [author]
    assert rec.headline == HEADLINES[lang]
    assert "2025" not in rec.body


def test_update_stamp_without_a_name_names_no_one() -> None:
    p = PARAS["en"]
    rec = convert("\n\n".join(["News", HEADLINES["en"], "Last updated: March 13, 2025 10:20 am", *p]) + "\n")
    assert rec.byline is None or rec.byline.authors == []


@pytest.mark.parametrize(
    ("lang", "line", "credit"),
    [
        ("en", "Featured image: Jane Roe", "Jane Roe"),
        ("de", "Beitragsbild: Max Muster", "Max Muster"),
        ("es", "Imagen destacada: Archivo", "Archivo"),
        ("fr", "Image à la une : Louis Garnier", "Louis Garnier"),
        ("it", "Immagine in evidenza: Paolo Riva", "Paolo Riva"),
    ],
)
def test_featured_image_label_is_a_credit(lang: str, line: str, credit: str) -> None:
    """Blog themes print the featured image's credit under the title with the theme's name for it: the
    line is a credit (its label dropped), not the headline and not a caption."""
    p = PARAS[lang]
    rec = convert("\n\n".join([HEADLINES[lang], "12.03.2025", line, *p]) + "\n")
    assert [c.credit for c in rec.credits] == [credit]
    assert all(not c.caption for c in rec.credits)
    assert rec.headline == HEADLINES[lang]


@pytest.mark.parametrize(
    ("lang", "counter", "feed"),
    [
        (
            "en",
            "(Visited 1,204 times, 3 visits today)",
            "The post Bridge to be rebuilt appeared first on Harbour Notes.",
        ),
        (
            "de",
            "(Besucht 1.204 Mal, 3 Besuche heute)",
            "Der Beitrag Alte Brücke wird neu gebaut erschien zuerst auf Hafenblog.",
        ),
        (
            "es",
            "(Visitado 1.204 veces, 3 visitas hoy)",
            "La entrada El viejo puente se reconstruirá se publicó primero en Diario del Puerto.",
        ),
        (
            "fr",
            "(Visité 1 204 fois, 3 visites aujourd'hui)",
            "L’article Le vieux pont sera reconstruit est apparu en premier sur Le Port.",
        ),
    ],
)
def test_visit_counter_and_feed_footer_leave_the_body(lang: str, counter: str, feed: str) -> None:
    """A post-views plugin's counter and an RSS feed's "appeared first on" footer after the last paragraph are
    furniture, though they read like a sentence."""
    p = PARAS[lang]
    rec = convert("\n\n".join([HEADLINES[lang], *p, counter, feed, "Share this:"]) + "\n")
    assert all(x in rec.body for x in p)
    assert counter not in rec.body and feed not in rec.body


@pytest.mark.parametrize(
    ("lang", "slot", "report"),
    [
        ("en", "Advertisements", "Report this ad"),
        ("de", "Werbeanzeigen", "Melde diese Anzeige"),
        ("es", "Anuncios", "Denunciar este anuncio"),
        ("fr", "Publicités", "Signaler cette publicité"),
        ("it", "Pubblicità", "Segnala questo annuncio"),
    ],
)
def test_wordpress_com_ad_slot_between_paragraphs(lang: str, slot: str, report: str) -> None:
    """WordPress.com puts an ad slot between paragraphs, printed as its label and a report link: both are
    furniture (the link is no subheading), and the text around them stays."""
    p = PARAS[lang]
    rec = convert("\n\n".join([HEADLINES[lang], p[0], p[1], slot, report, p[2], p[3]]) + "\n")
    assert all(x in rec.body for x in p)
    assert report not in rec.body and slot not in rec.body


@pytest.mark.parametrize(
    ("lang", "by", "marker", "author"),
    [
        ("pl", "Przez", "- Reklama -", "Katarzyna Wiśniewska"),
        ("tr", "Tarafından", "- Reklam -", "Elif Karaaslan"),
        ("ru", "От", "- Реклама -", "Анна Соколова"),
        ("id", "Oleh", "- Iklan -", "Rina Wulandari"),
    ],
)
def test_tagdiv_translated_byline_and_ad_marker(lang: str, by: str, marker: str, author: str) -> None:
    """tagDiv's translations print "Przez" / "Tarafından" / "От" above the author's name and their ad slot as
    "- Reklama -": the byline names the author, and the subheading below the ad stays."""
    p = PARAS[lang]
    head = [HEADLINES[lang], f"{by}\n{author}\n-\n12.03.2025", "Facebook\nTwitter"]
    rec = convert("\n\n".join([*head, p[0], p[1], marker, SUBHEADS[lang], p[2], p[3]]) + "\n")
    assert rec.byline is not None and rec.byline.authors == [author]
    assert rec.headline == HEADLINES[lang]
    assert SUBHEADS[lang] in rec.body and marker.strip("- ") not in rec.body


def test_share_plugin_prompt_is_no_caption() -> None:
    """AddToAny's "Spread the love" above the featured image's "Photo by X on Unsplash" is the share row's
    label: the credit stands alone, the prompt is neither its caption nor body."""
    p = PARAS["en"]
    rec = convert(
        "\n\n".join([HEADLINES["en"], "Spread the love", "Photo by Jane Roe on Unsplash", *p]) + "\n"
    )
    assert [(c.credit, c.caption) for c in rec.credits] == [("Jane Roe on Unsplash", None)]
    assert "Spread the love" not in rec.body


@pytest.mark.parametrize("line", ["Sharing is caring!", "Print Friendly, PDF & Email", "Rate this post"])
def test_share_and_rating_plugin_lines_are_boilerplate(line: str) -> None:
    p = PARAS["en"]
    text = "\n\n".join([HEADLINES["en"], *p, line, "Facebook"]) + "\n"
    assert label_of(text, line) == ("boilerplate", "boilerplate.line")


@pytest.mark.parametrize(
    "header",
    [
        "March 12, 2025 By Megan Hollister 0 comment",
        "Posted By: Megan Hollister\nMarch 12, 2025",
        "Author Megan Hollister\nPosted on March 12, 2025",
        "Avatar photo\nMegan Hollister\nMarch 12, 2025",
    ],
)
def test_blog_theme_header_bylines(header: str) -> None:
    """Blog themes' meta lines (MH Magazine's "DATE By NAME 0 comment", "Posted By:", Twenty Twenty-One's
    "Author NAME", the avatar's alt text "Avatar photo" above the name) sign the post."""
    p = PARAS["en"]
    rec = convert("\n\n".join(["News", HEADLINES["en"], header, *p]) + "\n")
    assert rec.byline is not None and rec.byline.authors == ["Megan Hollister"]
    assert rec.headline == HEADLINES["en"]


def test_a_sentence_opening_with_author_is_no_byline() -> None:
    p = PARAS["en"]
    line = "Author Jane Roe said the book about the bridge took her ten years to write and research."
    rec = convert("\n\n".join([HEADLINES["en"], p[0], line, *p[1:]]) + "\n")
    assert line in rec.body


@pytest.mark.parametrize(
    ("lang", "line", "author"),
    [
        ("de", "Veröffentlicht von Lukas Brenner", "Lukas Brenner"),
        ("es", "Publicado por Rocío Almagro", "Rocío Almagro"),
        ("fr", "Publié par Camille Fauret", "Camille Fauret"),
        ("it", "Pubblicato da Giulia Benvenuti", "Giulia Benvenuti"),
    ],
)
def test_translated_posted_by_opens_a_byline(lang: str, line: str, author: str) -> None:
    """WordPress's own "Posted by" in its translations, above the date: a byline, not the title."""
    p = PARAS[lang]
    rec = convert("\n\n".join(["News", HEADLINES[lang], line, "12.03.2025", *p]) + "\n")
    assert rec.byline is not None and rec.byline.authors == [author]
    assert rec.headline == HEADLINES[lang]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_text_after_a_list_of_short_items_stays_in_the_article(sep: str) -> None:
    """A blog post's bullet list printed without its bullets ("A pot of twenty litres for each plant") is
    short lines that read like text, not a menu: the paragraphs after it are still the article's."""
    p = PARAS["en"]
    items = [
        "Check the ground under the old bridge first",
        "Ask the owners of the houses on the bank",
        "Put up signs on both roads a week before",
        "Keep a path open for the people on foot",
    ]
    more = [
        "The engineers said they would publish the full plan on the council's website before the end of the month, together with the costs.",
        "A public meeting about the detours is planned for the first week of the works, so that residents can ask questions in person.",
    ]
    text = (
        "\n\n".join([HEADLINES["en"], *p, sep.join(items), "Next steps", sep.join(items[::-1]), *more]) + "\n"
    )
    rec = convert(text)
    assert all(x in rec.body for x in p + more)


def test_related_label_with_an_ellipsis() -> None:
    p = PARAS["en"]
    text = (
        "\n\n".join([HEADLINES["en"], *p, "You may also like…", "Storm warning issued for the coast tonight"])
        + "\n"
    )
    assert label_of(text, "You may also like…")[0] == "related"


TEASER_TITLES = [
    "Council approves budget for new cycling lanes downtown",
    "Storm warning issued for the coast as winds pick up",
    "Local bakery wins national award for its sourdough bread",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_mega_menu_and_trending_titles_are_not_the_headline(sep: str) -> None:
    """tagDiv's page header: a mega menu of teaser titles each with its date, a "Trending Now" ticker of
    bare titles, then the article's title above "By" / name / "-" / date. The title is the headline."""
    p = PARAS["en"]
    mega = ["Home", "News", "All", "World"]
    for title in TEASER_TITLES + TEASER_TITLES[::-1]:
        mega += [title, "March 10, 2025"]
    head = [
        sep.join(mega),
        "Trending Now",
        sep.join(TEASER_TITLES),
        HEADLINES["en"],
        "By\nMegan Hollister\n-\nMarch 12, 2025",
        "Facebook\nTwitter",
    ]
    rec = convert("\n\n".join([*head, *p]) + "\n")
    assert rec.headline == HEADLINES["en"]
    assert rec.byline is not None and rec.byline.authors == ["Megan Hollister"]


@pytest.mark.parametrize(
    ("lang", "crumb"), [("en", "Home News"), ("de", "Startseite Politik"), ("fr", "Accueil Actualité")]
)
def test_breadcrumb_of_menu_words_echoes_the_title(lang: str, crumb: str) -> None:
    """ "Home News TITLE": a breadcrumb whose links are all menu words still repeats the page's title, which
    then outweighs a ticker of teaser titles right above it."""
    p = PARAS[lang]
    head = [
        "Trending Now",
        "\n".join(TEASER_TITLES),
        f"{crumb} {HEADLINES[lang]}",
        HEADLINES[lang],
        "By Megan Hollister - 12.03.2025",
        "Facebook\nTwitter",
    ]
    rec = convert("\n\n".join([*head, *p]) + "\n")
    assert rec.headline == HEADLINES[lang]


@pytest.mark.parametrize(
    ("lang", "line", "credit"),
    [
        ("it", "Operai al lavoro sul vecchio ponte martedì mattina. Foto di Paolo Riva", "Paolo Riva"),
        ("it", "Operai al lavoro sul vecchio ponte martedì mattina (foto di Paolo Riva)", "Paolo Riva"),
        ("pl", "Robotnicy na starym moście we wtorek rano. Fot. Tomasz Nowak/PAP", "Tomasz Nowak/PAP"),
    ],
)
def test_caption_ending_in_a_label_without_colon(lang: str, line: str, credit: str) -> None:
    """Italian and Polish captions end in "Foto di NAME" / "Fot. NAME" (no colon): the credit is the name."""
    p = PARAS[lang]
    rec = convert("\n\n".join([HEADLINES[lang], "12.03.2025", line, *p]) + "\n")
    assert [c.credit for c in rec.credits] == [credit]
    assert rec.credits[0].caption and rec.credits[0].caption.startswith(line.split()[0])


def test_a_title_naming_a_photo_is_no_credit() -> None:
    p = PARAS["it"]
    title = "Il giorno in cui è nata la foto di Mario Rossi"
    rec = convert("\n\n".join([title, "12.03.2025", *p]) + "\n")
    assert rec.credits == []
