"""Page furniture the dev set does not show, in five languages (invented articles): the body stays whole
and the furniture goes. Each case failed before the table entry or rule it tests was added."""

from __future__ import annotations

import pytest
from test_convert_rules import convert

from corpus.record import Record

ARTICLES: dict[str, tuple[str, str, list[str]]] = {
    "en": (
        "Town council approves new cycle lanes along the river road",
        "By Jane Roe",
        [
            "The town council voted on Tuesday evening to build two protected cycle lanes along the river road, "
            "ending a debate that had run for almost three years and filled several public meetings.",
            "Supporters said the lanes would make the daily ride to the station much safer for children and older "
            "residents, who have long complained about lorries passing too close on the narrow bend.",
            "Shop owners on the road had worried that losing parking spaces would hurt their trade, but the plan "
            "now keeps a short loading bay outside the bakery and the chemist.",
            "The work is expected to start in the spring and should take about four months, during which buses "
            "will use a diversion through the industrial estate.",
            "Councillors also agreed to review the scheme after a year and to publish figures on how many people "
            "use the lanes each week.",
        ],
    ),
    "de": (
        "Stadtrat beschließt neue Radwege entlang der Uferstraße",
        "Von Max Mustermann",
        [
            "Der Stadtrat hat am Dienstagabend beschlossen, zwei geschützte Radwege entlang der Uferstraße zu "
            "bauen, und damit eine Debatte beendet, die fast drei Jahre gedauert hat.",
            "Befürworter sagten, die Wege würden die tägliche Fahrt zum Bahnhof für Kinder und ältere Menschen "
            "deutlich sicherer machen, die sich seit Langem über zu dicht überholende Lastwagen beklagen.",
            "Die Ladenbesitzer an der Straße hatten befürchtet, dass der Wegfall von Parkplätzen ihrem Geschäft "
            "schaden würde, doch der Plan sieht nun eine kurze Ladezone vor der Bäckerei vor.",
            "Die Arbeiten sollen im Frühjahr beginnen und etwa vier Monate dauern, in dieser Zeit fahren die Busse "
            "eine Umleitung durch das Gewerbegebiet.",
            "Die Ratsmitglieder vereinbarten außerdem, das Projekt nach einem Jahr zu überprüfen und Zahlen darüber "
            "zu veröffentlichen, wie viele Menschen die Wege jede Woche nutzen.",
        ],
    ),
    "fr": (
        "Le conseil municipal approuve de nouvelles pistes cyclables",
        "Par Marie Dupont",
        [
            "Le conseil municipal a voté mardi soir la création de deux pistes cyclables protégées le long de la "
            "route du fleuve, mettant fin à un débat qui durait depuis près de trois ans.",
            "Les partisans du projet estiment que ces pistes rendront le trajet quotidien vers la gare beaucoup "
            "plus sûr pour les enfants et les personnes âgées, qui se plaignent depuis longtemps des camions.",
            "Les commerçants de la rue craignaient que la suppression de places de stationnement nuise à leur "
            "activité, mais le projet conserve une courte aire de livraison devant la boulangerie.",
            "Les travaux doivent commencer au printemps et durer environ quatre mois, pendant lesquels les bus "
            "emprunteront une déviation par la zone industrielle.",
            "Les élus ont également convenu de réexaminer le dispositif après un an et de publier chaque semaine "
            "le nombre de cyclistes qui utilisent les pistes.",
        ],
    ),
    "es": (
        "El ayuntamiento aprueba nuevos carriles bici junto al río",
        "Por Lucía Martínez",
        [
            "El pleno del ayuntamiento aprobó el martes por la noche la construcción de dos carriles bici "
            "protegidos a lo largo de la carretera del río, poniendo fin a un debate de casi tres años.",
            "Los defensores del proyecto aseguran que los carriles harán mucho más seguro el trayecto diario a la "
            "estación para los niños y los mayores, que llevan tiempo quejándose de los camiones.",
            "Los comerciantes de la calle temían que la pérdida de plazas de aparcamiento perjudicara sus ventas, "
            "pero el plan mantiene una zona de carga frente a la panadería.",
            "Las obras comenzarán en primavera y durarán unos cuatro meses, durante los cuales los autobuses "
            "tomarán un desvío por el polígono industrial.",
            "Los concejales acordaron además revisar el proyecto dentro de un año y publicar cada semana cuántas "
            "personas utilizan los carriles.",
        ],
    ),
    "it": (
        "Il consiglio comunale approva nuove piste ciclabili sul lungofiume",
        "Di Marco Bianchi",
        [
            "Il consiglio comunale ha approvato martedì sera la realizzazione di due piste ciclabili protette lungo "
            "la strada del fiume, chiudendo un dibattito che andava avanti da quasi tre anni.",
            "I sostenitori del progetto affermano che le piste renderanno molto più sicuro il tragitto quotidiano "
            "verso la stazione per i bambini e gli anziani, che da tempo si lamentano dei camion.",
            "I commercianti della via temevano che la perdita dei parcheggi danneggiasse i loro affari, ma il "
            "piano mantiene una breve zona di carico davanti al panificio.",
            "I lavori dovrebbero iniziare in primavera e durare circa quattro mesi, durante i quali gli autobus "
            "seguiranno una deviazione attraverso la zona industriale.",
            "I consiglieri hanno inoltre deciso di rivedere il progetto dopo un anno e di pubblicare ogni "
            "settimana quante persone usano le piste.",
        ],
    ),
}


def paragraphs(rec: Record) -> list[str]:
    return (rec.body or "").split("\n\n")


def mid_article(lang: str, line: str, sep: str = "\n\n") -> Record:
    """The furniture line alone between the second and the third paragraph: only a rule can take it out
    (a short line there is otherwise a subheading)."""
    head, byline, paras = ARTICLES[lang]
    return convert(sep.join([head, byline, *paras[:2], line, *paras[2:]]) + "\n")


# Lines that stayed in the body before their table entries (rules/<lang>.toml, common.toml counter_words).
MID_ARTICLE = [
    ("en", "Listen to this article · 5 min"),  # audio player
    ("en", "5 min read"),  # reading time (a counter)
    ("en", "Gift this article"),
    ("en", "Manage preferences"),  # consent banner's buttons
    ("en", "View this post on Instagram"),  # social embed
    ("en", "A post shared by River Cycling Club (@rivercycling)"),
    ("en", "Show comments"),
    ("en", "Skip Advertisement"),
    ("en", "Continue reading the main story"),
    ("en", "Show key events only"),  # live blog
    ("en", "Was this article helpful?"),
    ("en", "Enlarge this image"),
    ("en", "Recommended Stories"),
    ("de", "Artikel verschenken"),
    ("de", "Einstellungen"),
    ("de", "Dieser Beitrag auf Instagram ansehen"),
    ("de", "Ein Beitrag geteilt von Radclub Ufer (@radclubufer)"),
    ("de", "Kommentare anzeigen"),
    ("de", "Zum Kommentieren bitte anmelden"),
    ("de", "Per E-Mail teilen"),
    ("de", "Wenn Sie über diese Links einkaufen, erhalten wir eine Provision."),  # affiliate disclaimer
    ("de", "Weiterlesen nach der Anzeige"),
    ("de", "Liveticker"),
    ("de", "Bild vergrößern"),
    ("fr", "Tout accepter"),
    (
        "fr",
        "Recevez chaque matin l'essentiel de l'actualité locale dans votre boîte mail.",
    ),  # newsletter pitch
    ("fr", "Voir cette publication sur Instagram"),
    ("fr", "Sujets : Transports, Conseil municipal, Vélo"),  # tag list
    ("fr", "Connectez-vous pour commenter"),
    ("fr", "Copier le lien"),
    ("fr", "Nous pouvons percevoir une commission sur les achats effectués via ces liens."),
    ("fr", "La suite après cette publicité"),
    ("fr", "Vous avez lu 30 % de cet article."),  # paywall
    ("es", "Escuchar este artículo"),
    ("es", "Tiempo de lectura: 4 min"),
    ("es", "Aceptar todas"),
    ("es", "Ver esta publicación en Instagram"),
    ("es", "23 comentarios"),
    ("es", "Copiar enlace"),
    ("es", "Podemos recibir una comisión por las compras realizadas a través de estos enlaces."),
    ("es", "Contenido patrocinado"),
    ("es", "Lo más visto"),
    ("it", "Ascolta l'articolo"),
    ("it", "Tempo di lettura: 4 minuti"),
    (
        "it",
        "Questo sito utilizza cookie per migliorare la tua esperienza. Continuando la navigazione accetti.",
    ),
    ("it", "Accetta tutti"),
    ("it", "Ricevi ogni mattina le notizie più importanti nella tua casella di posta."),
    ("it", "Visualizza questo post su Instagram"),
    ("it", "Argomenti: Trasporti, Comune, Bicicletta"),
    ("it", "23 commenti"),
    ("it", "Accedi per commentare"),
    ("it", "Questo articolo è riservato agli abbonati."),
    ("it", "Sei già abbonato? Accedi"),
    ("it", "Potremmo ricevere una commissione sugli acquisti effettuati tramite questi link."),
    ("it", "Ti potrebbe interessare"),
    ("it", "Ultima ora"),
]


@pytest.mark.parametrize(("lang", "line"), MID_ARTICLE)
def test_furniture_line_inside_the_article_goes(lang: str, line: str) -> None:
    rec = mid_article(lang, line)
    assert paragraphs(rec) == ARTICLES[lang][2]


def test_a_counters_neighbours_in_a_dump_without_blank_lines_stay_paragraphs() -> None:
    """A gallery counter's block is its few lines; a dump printed without blank lines is one block, and
    the paragraphs on either side of "1 of 12" are not the gallery's captions."""
    rec = mid_article("en", "1 of 12", sep="\n")
    assert paragraphs(rec) == ARTICLES["en"][2]
    assert rec.credits == []


def test_paragraph_between_a_newsletter_box_and_an_inline_link_stays() -> None:
    """A paragraph-long line with the article's text above and below is not a box's pitch, though a
    newsletter box ends right above it and a "Related:" link follows it."""
    head, byline, paras = ARTICLES["en"]
    box = ["Sign up for our daily newsletter", "Sign up", "Enter your email address"]
    links = ["Related: Bridge repairs delayed until summer", "READ MORE: New bus timetable starts next week"]
    rec = convert("\n\n".join([head, byline, *paras[:2], *box, paras[2], *links, *paras[3:]]) + "\n")
    assert paragraphs(rec) == paras


def test_a_short_pitch_between_box_lines_still_goes() -> None:
    head, byline, paras = ARTICLES["en"]
    box = [
        "Sign up for our daily newsletter",
        "The day's stories, picked by our editors.",
        "Enter your email address",
    ]
    rec = convert(
        "\n\n".join([head, byline, *paras[:2], *box, "Sign up", "Advertisement", *paras[2:]]) + "\n"
    )
    assert paragraphs(rec) == paras


@pytest.mark.parametrize(
    "note",
    [
        "This article was originally published on The Harbour Gazette.",
        "Originally published on Harbour Science.",
        "This story was originally published by Harbour Weekly and is republished here with permission.",
    ],
)
def test_a_republication_note_after_the_last_paragraph_is_body(note: str) -> None:
    """The human-annotated golds keep a republication note as the article's last paragraph (as they keep
    an editor's note or a correction)."""
    head, byline, paras = ARTICLES["en"]
    rec = convert("\n\n".join([head, byline, *paras, note]) + "\n")
    assert paragraphs(rec) == [*paras, note]


def test_an_originally_published_date_line_is_not_body() -> None:
    head, byline, paras = ARTICLES["en"]
    rec = convert(
        "\n\n".join([head, byline, "Originally published March 3, 2024 at 10:00 a.m.", *paras]) + "\n"
    )
    assert paragraphs(rec) == paras
    assert rec.published == "2024-03-03"


FURNITURE: dict[str, tuple[list[str], list[str], list[str]]] = {
    # (above the text, between paragraphs: a newsletter box above the third and links below it, below the text)
    "en": (
        ["Listen to this article · 5 min", "5 min read", "Share", "Gift this article", "Accept all cookies"],
        [
            "Advertisement",
            "Sign up for our daily newsletter",
            "Get the best of our local news in your inbox.",
            "Enter your email address",
            "Related: Bridge repairs delayed until summer",
            "View this post on Instagram",
            "A post shared by River Cycling Club (@rivercycling)",
            "Story continues below advertisement",
        ],
        [
            "Topics: Transport, Council, Cycling",
            "23 comments",
            "Log in to comment",
            "We may earn a commission when you buy through links on our site.",
            "Subscribe to continue reading",
            "Already a subscriber? Log in",
            "Most read",
            "1. Storm brings down trees across the county",
            "2. School meals to be free for all pupils",
            "Print",
            "Copy link",
            "Show comments",
        ],
    ),
    "de": (
        [
            "Artikel anhören · 5 Minuten",
            "Lesezeit: 4 Min.",
            "Teilen",
            "Artikel verschenken",
            "Alle akzeptieren",
        ],
        [
            "Anzeige",
            "Newsletter abonnieren",
            "Die wichtigsten Nachrichten aus der Region in Ihrem Postfach.",
            "E-Mail-Adresse eingeben",
            "Mehr zum Thema: Brückensanierung verzögert sich bis zum Sommer",
            "Diesen Beitrag auf Instagram ansehen",
            "Ein Beitrag geteilt von Radclub Ufer (@radclubufer)",
            "Weiterlesen nach der Anzeige",
        ],
        [
            "Themen: Verkehr, Stadtrat, Radfahren",
            "23 Kommentare",
            "Kommentare anzeigen",
            "Wenn Sie über diese Links einkaufen, erhalten wir eine Provision.",
            "Jetzt weiterlesen mit Plus",
            "Sie sind bereits Abonnent? Hier anmelden",
            "Meistgelesen",
            "1 Sturm knickt Bäume im ganzen Landkreis",
            "2 Schulessen wird für alle Kinder kostenlos",
            "Drucken",
            "Link kopieren",
        ],
    ),
    "fr": (
        ["Écouter cet article", "Temps de lecture : 4 min", "Partager", "Tout accepter"],
        [
            "Publicité",
            "Inscrivez-vous à notre newsletter",
            "Recevez chaque matin l'essentiel de l'actualité locale dans votre boîte mail.",
            "Votre adresse e-mail",
            "À lire aussi : Les travaux du pont reportés à l'été",
            "Voir cette publication sur Instagram",
            "Une publication partagée par Club Vélo Rivière (@clubvelo)",
            "La suite après cette publicité",
        ],
        [
            "Sujets : Transports, Conseil municipal, Vélo",
            "23 commentaires",
            "Connectez-vous pour commenter",
            "Cet article est réservé aux abonnés.",
            "Déjà abonné ? Se connecter",
            "Les plus lus",
            "1 Une tempête abat des arbres dans tout le département",
            "Imprimer",
            "Copier le lien",
        ],
    ),
    "es": (
        ["Escuchar este artículo", "Tiempo de lectura: 4 min", "Compartir", "Aceptar todas"],
        [
            "Publicidad",
            "Suscríbete a nuestra newsletter",
            "Recibe cada mañana las noticias más importantes en tu bandeja de entrada.",
            "Tu correo electrónico",
            "Lee también: Las obras del puente se retrasan hasta el verano",
            "Ver esta publicación en Instagram",
            "Una publicación compartida por Club Ciclista Río (@clubrio)",
            "Contenido patrocinado",
        ],
        [
            "Temas: Transporte, Ayuntamiento, Bicicleta",
            "23 comentarios",
            "Inicia sesión para comentar",
            "Este contenido es exclusivo para suscriptores.",
            "¿Ya eres suscriptor? Inicia sesión",
            "Lo más leído",
            "1 Una tormenta derriba árboles en toda la comarca",
            "Imprimir",
            "Copiar enlace",
        ],
    ),
    "it": (
        ["Ascolta l'articolo", "Tempo di lettura: 4 minuti", "Condividi", "Accetta tutti"],
        [
            "Pubblicità",
            "Iscriviti alla nostra newsletter",
            "Ricevi ogni mattina le notizie più importanti nella tua casella di posta.",
            "Il tuo indirizzo email",
            "Leggi anche: I lavori al ponte slittano all'estate",
            "Visualizza questo post su Instagram",
            "Un post condiviso da Ciclisti del Fiume (@ciclistifiume)",
            "Contenuto sponsorizzato",
        ],
        [
            "Argomenti: Trasporti, Comune, Bicicletta",
            "23 commenti",
            "Accedi per commentare",
            "Questo articolo è riservato agli abbonati.",
            "Sei già abbonato? Accedi",
            "I più letti",
            "1 Una tempesta abbatte alberi in tutta la provincia",
            "Stampa",
            "Copia link",
        ],
    ),
}
MENU = ["Home", "News", "Sport", "Business", "Culture", "Subscribe", "Log in"]
FOOTER = ["About us", "Contact us", "Privacy Policy", "Cookie settings", "© 2024 River Valley Media Ltd."]


@pytest.mark.parametrize("shape", ["region", "page"])
@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_whole_article_with_furniture_keeps_its_body(lang: str, shape: str) -> None:
    """The article's part of the page (region) or the whole page, furniture above, inside and below."""
    head, byline, paras = ARTICLES[lang]
    above, inside, below = FURNITURE[lang]
    blocks = [head, byline, *above, *paras[:2], *inside[:4], paras[2], *inside[4:], *paras[3:], *below]
    if shape == "page":
        blocks = [*MENU, *blocks, *FOOTER]
    rec = convert("\n\n".join(blocks) + "\n")
    assert paragraphs(rec) == paras
    assert rec.headline == head
    assert rec.byline.authors == [byline.split(" ", 1)[1]]


SIGN_OFFS = [
    ("en", "(AP)"),
    ("en", "Reuters"),
    ("de", "(dpa)"),
    ("de", "Mit Material von dpa"),
    ("de", "Quelle: dpa"),
    ("fr", "Avec AFP"),
    ("es", "Fuente: EFE"),
    ("it", "(ANSA)"),
]


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize(("lang", "sign_off"), SIGN_OFFS)
def test_an_agency_sign_off_does_not_take_the_last_paragraph_as_its_caption(
    lang: str, sign_off: str, blank: bool
) -> None:
    """A wire story's source line after its last paragraph (on the next line or a blank line below): the
    paragraph above is the article's, not a picture's caption, when paragraphs lead up to it and none follows."""
    head, byline, paras = ARTICLES[lang]
    last = paras[-1] + ("\n\n" if blank else "\n") + sign_off
    rec = convert("\n\n".join([head, byline, *paras[:-1], last, "Share", "Print"]) + "\n")
    assert paragraphs(rec) == paras
    assert all(c.caption != paras[-1] for c in rec.credits)


def test_an_agency_credit_between_paragraphs_keeps_its_caption() -> None:
    head, byline, paras = ARTICLES["en"]
    picture = "The river road at the narrow bend on Tuesday.\nReuters"
    rec = convert("\n\n".join([head, byline, *paras[:2], picture, *paras[2:]]) + "\n")
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Reuters", "The river road at the narrow bend on Tuesday.")
    ]
    assert paragraphs(rec) == paras


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "This article was produced with the help of AI tools and checked by our editors."),
        ("de", "Dieser Text wurde mithilfe künstlicher Intelligenz erstellt und von der Redaktion geprüft."),
        ("fr", "Cet article a été généré avec l'aide d'un outil automatique puis relu."),
        ("es", "Este artículo fue generado con ayuda de una herramienta automática."),
        ("it", "Questo articolo è stato generato con l'aiuto di uno strumento automatico."),
    ],
)
def test_an_ai_note_under_the_article_is_not_body(lang: str, note: str) -> None:
    head, byline, paras = ARTICLES[lang]
    rec = convert("\n\n".join([head, byline, *paras, note]) + "\n")
    assert paragraphs(rec) == paras


def test_an_italian_authors_bio_under_the_article_is_the_bio() -> None:
    head, byline, paras = ARTICLES["it"]
    bio = (
        "Marco Bianchi è giornalista della cronaca locale e segue i trasporti e l'urbanistica da dieci anni."
    )
    rec = convert("\n\n".join([head, byline, *paras, bio]) + "\n")
    assert rec.byline.bio == bio
    assert paragraphs(rec) == paras


def test_a_last_paragraph_about_someone_else_is_not_a_bio() -> None:
    head, byline, paras = ARTICLES["it"]
    last = "Mario Rossi è un commerciante di quarantacinque anni che da tempo chiede piste sicure davanti al negozio."
    rec = convert("\n\n".join([head, byline, *paras, last]) + "\n")
    assert rec.byline.bio is None
    assert paragraphs(rec) == [*paras, last]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Reading time for children fell by a third last year, the survey found."),
        ("en", "Already registered voters can check their polling station online."),
        ("en", "Key events of the festival will move indoors if it rains."),
        ("en", "Subscribers to the bus pass scheme will get two free months."),
        ("fr", "Vous avez lu le rapport, a demandé l'élu au maire pendant la séance."),
        ("es", "Tiempo de lectura en las escuelas aumentará una hora por semana."),
        ("it", "Tempo di lettura e tempo di gioco sono stati divisi in due turni."),
    ],
)
def test_sentences_opening_with_furniture_words_stay(lang: str, sentence: str) -> None:
    head, byline, paras = ARTICLES[lang]
    rec = convert("\n\n".join([head, byline, *paras[:2], sentence, *paras[2:]]) + "\n")
    assert paragraphs(rec) == [*paras[:2], sentence, *paras[2:]]


MORE_ARTICLES: dict[str, list[str]] = {
    "nl": [
        "De gemeenteraad heeft dinsdagavond besloten twee beschermde fietspaden langs de rivierweg aan te leggen, "
        "na een discussie die bijna drie jaar duurde.",
        "Voorstanders zeggen dat de paden de dagelijkse rit naar het station veel veiliger maken voor kinderen en "
        "ouderen, die al lang klagen over vrachtwagens.",
        "De winkeliers aan de weg waren bang dat het verdwijnen van parkeerplaatsen hun omzet zou schaden, maar het "
        "plan houdt een laadplek voor de bakker.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira à noite a construção de duas ciclovias protegidas ao longo da "
        "estrada do rio, pondo fim a um debate de quase três anos.",
        "Os defensores dizem que as ciclovias tornarão o trajeto diário até à estação muito mais seguro para as "
        "crianças e os idosos, que se queixam dos camiões.",
        "Os comerciantes da rua temiam que a perda de lugares de estacionamento prejudicasse o negócio, mas o plano "
        "mantém uma zona de cargas junto à padaria.",
    ],
}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("nl", "Luister naar dit artikel"),
        ("nl", "Bekijk dit bericht op Instagram"),
        ("pt", "Ouvir este artigo"),
        ("pt", "Ver esta publicação no Instagram"),
        ("pt", "Aceitar todos"),
    ],
)
def test_audio_embed_and_consent_lines_in_dutch_and_portuguese(lang: str, line: str) -> None:
    paras = MORE_ARTICLES[lang]
    rec = convert("\n\n".join(["Nieuwe fietspaden langs de rivier", *paras[:2], line, *paras[2:]]) + "\n")
    assert paragraphs(rec) == paras
