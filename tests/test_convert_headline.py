"""Headline rules (corpus/convert/fields/headline.py): the title chosen on evidence, or none.

Every text here is invented; one small rule per test.
"""

from __future__ import annotations

from tests.test_convert_fields import DEK, TITLE
from tests.test_convert_rules import article, convert

JA_PARAS = [
    "市議会は火曜日、川に架かる古い橋を架け替える計画を賛成多数で可決した。費用と安全性をめぐる議論は数年にわたって続いていた。",
    "住民の多くは説明会に参加し、工事中の交通がどうなるのかを市の担当者に尋ねた。担当者は仮設の橋を設けると説明した。",
    "工事は来年の春に始まり、およそ二年かかる見通しだ。市長は完成後の橋が百年は使えると話している。",
]


def test_a_list_of_teasers_above_the_text_does_not_win_over_the_title() -> None:
    # a page prints links to other stories between the article's header and its first paragraph
    teasers = [
        "Analyse Warum der Fluss in dem Sommer nicht mehr so viel Wasser führt wie in den Jahren davor",
        "Verkehr Die Umleitung über die Nordbrücke bleibt bis in den Herbst",
        "Stadtrat Wer in dem nächsten Jahr über den Haushalt der Stadt entscheidet",
    ]
    top = ["Lokales", TITLE["de"], DEK["de"], "Facebook", "Twitter", *teasers]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_column_signed_with_a_lead_phrase_below_the_title() -> None:
    # "Kolumne von Jana Roth -" is a byline: the line above it is the column's title
    top = [
        "Stadtgespräch: Die Brücke, die keiner will!",
        "Kolumne von Jana Roth -",
        "03.03.2024 um 08:52 Uhr",
    ]
    assert convert(article("de", top=top)).headline == "Stadtgespräch: Die Brücke, die keiner will!"


def test_a_japanese_title_above_a_slash_date_and_a_caption_with_its_courtesy() -> None:
    title = "古い橋の架け替えを可決 市議会 数年の議論に決着"
    caption = "架け替えが決まった古い橋を視察する市長（市提供）"
    text = "\n\n".join([title, "2024/3/5 20:50", "社会", caption, *JA_PARAS]) + "\n"
    rec = convert(text)
    assert rec.headline == title
    assert rec.published == "2024-03-05"


def test_share_buttons_spelled_out_between_title_and_text_are_skipped() -> None:
    # "Per E-Mail teilen E-Mail": a button with its icon's name; the title's evidence is the text below them
    title = "Eine Brücke für die nächsten hundert Jahre"
    buttons = [
        "Zu den Kommentaren springen.",
        "Anzahl Kommentare:",
        "Teilen",
        "Auf Facebook teilen Facebook",
        "Per WhatsApp teilen WhatsApp",
        "Per E-Mail teilen E-Mail",
        "Link kopieren Link kopieren",
    ]
    assert convert(article("de", top=["Lokales", title, *buttons])).headline == title


def test_a_kicker_before_a_dash_is_cut_from_a_quoted_title() -> None:
    title = "«Die Brücke hält noch hundert Jahre»"
    top = ["Neubau am Fluss - " + title, DEK["de"]]
    assert convert(article("de", top=top)).headline == title
    colon = "Neubau am Fluss: «Die Brücke hält noch hundert Jahre»"  # a colon keeps its kicker
    assert convert(article("de", top=[colon, DEK["de"]])).headline == colon


def test_a_title_above_the_lead_pictures_credit_is_the_headline_not_its_caption() -> None:
    # the credit below takes the line above it for its caption; a title-shaped one (no period) is the title
    title = "PORTRÄT. Jana Roth wechselt vom Bauamt ins Justizressort"
    rec = convert(article("de", top=[title, "© MAX MUSTER", "3. März 2024, 10:20"]))
    assert rec.headline == title
    assert [(c.credit, c.caption) for c in rec.credits] == [("MAX MUSTER", None)]
    caption = "Die alte Brücke über den Fluss am frühen Morgen."
    assert convert(article("de", top=[caption, "© MAX MUSTER", "3. März 2024, 10:20"])).headline is None


def test_the_pages_full_title_shortly_above_the_visible_one_is_the_headline() -> None:
    # a page prints its full title (breadcrumb's end, <title>) and, below, the title cut to fit beside a kicker
    full = "Neubau am Fluss: " + TITLE["de"]
    top = ["Startseite", "Politik", full, "Politik", "Lokales", "Neubau am Fluss", TITLE["de"], DEK["de"]]
    assert convert(article("de", top=top)).headline == full
    crumb = "Startseite Politik " + TITLE["de"]  # a breadcrumb glued to the title is not a fuller title
    top = ["Startseite", "Politik", crumb, "Politik", "Lokales", "Neubau am Fluss", TITLE["de"], DEK["de"]]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_title_shaped_line_below_a_lead_phrase_byline_is_not_the_headline() -> None:
    # "Kolumne von …" signs the column: the title sits above it, a subheading below it
    title = "Stadtgespräch: Die Brücke, die keiner will!"
    top = [
        "Suche nach:",
        title,
        "Kolumne von Jana Roth - 03.03.2024 um 08:52 Uhr - 12 Ergänzungen",
        "Seit Jahren streitet die Stadt über die Brücke: Die einen wollen sie abreißen, die anderen nicht.",
        "So sah die Brücke im Jahr 1950 aus – und so sieht sie heute aus – Foto von Max Muster",
        "Der Fluss ist breit, das Wasser ist kalt. Oh, wie schön ist das Leben am Ufer.",
        "Ein langer Streit um ein altes Bauwerk",
    ]
    assert convert(article("de", top=top)).headline == title


def test_a_line_of_authors_below_the_title_is_its_byline_not_the_headline() -> None:
    for authors in ("Jane Roe and John Doe, Daily Planet", "Jane Roe @janeroe / 2 days"):
        top = ["News", TITLE["en"], authors, "Published 7:07 PM EST Mar 3, 2024"]
        assert convert(article("en", top=top)).headline == TITLE["en"], authors


def test_a_paragraph_ending_with_a_danda_is_no_headline() -> None:
    # "।" ends a sentence in Bengali and Hindi, as "." does in English
    paras = [
        "নদীর উপর পুরনো সেতুটি নতুন করে তৈরি করার সিদ্ধান্ত নিয়েছে পৌরসভা, দীর্ঘ বিতর্কের পর এই সিদ্ধান্ত এসেছে।",
        "বাসিন্দারা বলেছেন তারা অনেক দিন ধরে এই সিদ্ধান্তের অপেক্ষায় ছিলেন এবং অনেকে সভায় উপস্থিত ছিলেন। কাজ আগামী বসন্তে শুরু হবে বলে জানানো হয়েছে।",
        "মেয়র বলেছেন নতুন সেতুটি একশো বছর টিকে থাকবে এবং এর খরচ পৌরসভার বাজেট থেকে দেওয়া হবে। নির্মাণের সময় একটি অস্থায়ী সেতু ব্যবহার করা হবে।",
    ]
    rec = convert("\n\n".join(["Facebook", "Twitter", *paras]) + "\n")
    assert rec.headline is None


def test_a_long_prefixed_byline_with_its_time_is_no_headline() -> None:
    top = ["Local", TITLE["en"], "By Jane Roe On 3/4/24 at 4:00 PM EST", "Share"]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_a_print_button_above_the_standfirst_is_no_headline() -> None:
    buttons = [
        "Share this:",
        "Click to share on Facebook (Opens in new window)",
        "Click to print (Opens in new window)",
    ]
    assert convert(article("en", top=["Sports", TITLE["en"], *buttons, DEK["en"]])).headline == TITLE["en"]
    assert convert(article("en", top=["Sports", *buttons, DEK["en"]])).headline is None


def test_a_kicker_glued_to_the_title_is_cut_where_the_page_prints_kicker_colon_title() -> None:
    # the page's <title> reads "Kicker: Title"; its visible heading glues the kicker to the title with a space
    kicker = "Alte Brücke"
    top = [
        f"{kicker}: {TITLE['de']}",
        "Lokales",
        "Politik 03.03.2024 01:34 min",
        "Neue Ampel an der Schule sorgt für Streit unter den Eltern",
        "Politik 02.03.2024 02:10 min",
        f"{kicker} {TITLE['de']}",
        "Von Jana Roth 03.03.2024, 18:11 Uhr",
    ]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_glued_kicker_stays_without_the_title_printed_apart() -> None:
    # nothing on the page shows where a kicker would end: the line is the headline as printed
    line = f"Alte Brücke {TITLE['de']}"
    assert (
        convert(article("de", top=["Lokales", line, "Von Jana Roth 03.03.2024, 18:11 Uhr"])).headline == line
    )


def test_a_keyword_list_and_a_date_bar_are_no_titles() -> None:
    for line in ("Bridge vote,City council,Local news,Old bridge", "Saturday, 2 March 2024 |"):
        top = [line, DEK["en"]]
        assert convert(article("en", top=top)).headline != line


def test_a_video_players_controls_and_the_videos_title_are_not_the_headline() -> None:
    # a player printed as lines between the header and the text: its countdown and its clip's title
    player = [
        "Video Loading",
        "Click to play Tap to play",
        "The video will auto-play soon 8 Cancel",
        "Play now",
        "Watch again: The mayor explains the plans for the new bridge",
    ]
    top = [TITLE["en"], DEK["en"], *player]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_the_line_right_above_the_byline_wins_over_a_promo_repeated_in_the_footer() -> None:
    promo = "Support Our Newsroom With a Donation"
    top = [
        "How To Help",
        "How To Help",
        promo,
        "Acme Store",
        TITLE["en"],
        "by Jane Roe Apr. 28, 2024 1:15 pm",
        "Share",
        "Tweet",
        "The mayor visits the bridge",
    ]
    rec = convert(article("en", top=top, bottom=["How To Help", promo]))
    assert rec.headline == TITLE["en"]
    assert rec.byline is not None and rec.byline.authors == ["Jane Roe"]


def test_a_standfirst_without_a_period_right_above_the_byline_does_not_beat_its_title() -> None:
    title = "City demands answers from the builder about the cracks in the old bridge"
    deck = "Engineers warn that the repairs may take two more years"
    top = ["Local", "Published March 3, 2024 2:20pm", title, deck, "By Jane Roe | Example News", "Share"]
    assert convert(article("en", top=top)).headline == title


def test_a_share_links_label_opening_a_new_window_is_no_title() -> None:
    line = "Submit to Example Bookmarks (Opens in new window)"
    assert convert(article("en", top=[TITLE["en"], line, DEK["en"]])).headline == TITLE["en"]


def test_the_title_right_below_a_list_of_bare_teaser_titles_wins_by_its_standfirst() -> None:
    # a page dump: menu, links to other stories (titles alone), then the article's title and standfirst
    teasers = [
        "Mayor opens the new library after two years of building work",
        "Police close the main road after a crash on Monday morning",
        "Schools prepare for the start of the new term in September",
    ]
    top = ["Home", "News", "Sport", *teasers, TITLE["en"], DEK["en"]]
    assert convert(article("en", top=top)).headline == TITLE["en"]


def test_a_name_shaped_kicker_above_the_title_is_no_byline_for_the_line_above_it() -> None:
    # "Alte Mainbrücke" reads like a name; it is the kicker of the title below, and signs nothing
    seo = "Neubau der Brücke: So plant die Stadt die nächsten hundert Jahre"
    top = [
        "Lokales",
        seo,
        "Alte Mainbrücke",
        TITLE["de"],
        "© Example Images",
        "von Jana Roth",
        "03.03.2024, 19:09",
    ]
    assert convert(article("de", top=top)).headline == TITLE["de"]


def test_a_reading_time_is_no_title_but_a_short_title_with_hours_is() -> None:
    for line in ("5 Min Read", "3 Minuten Lesezeit"):
        assert convert(article("en", top=[line, DEK["en"]])).headline is None
    title = "48 Hours in Rome"
    assert convert(article("en", top=[title, DEK["en"]])).headline == title


HI_PARAS = [
    "नगर परिषद ने मंगलवार को नदी पर बने पुराने पुल को बदलने की योजना को बहुमत से मंज़ूरी दे दी। इस पर कई वर्षों से बहस चल रही थी और लोग सुरक्षा को लेकर चिंतित थे।",
    "बैठक में बहुत से निवासी आए और उन्होंने अधिकारियों से पूछा कि निर्माण के दौरान यातायात का क्या होगा। अधिकारियों ने कहा कि पास में एक अस्थायी पुल बनाया जाएगा।",
    "काम अगले वसंत में शुरू होगा और लगभग दो साल चलेगा। महापौर ने कहा कि नया पुल कम से कम सौ साल तक चलेगा और शहर के दोनों हिस्सों को जोड़ेगा।",
]


def test_a_title_above_a_date_line_in_another_scripts_words_and_digits() -> None:
    # the date tables read no Devanagari month, but a year with a day or a clock time makes a date line
    title = "नदी पर नया पुल बनेगा, परिषद ने दी मंज़ूरी"
    for date in ("| शनिवार, अगस्त २९, २०२० | १०:४६ पूर्वाह्न", "शनिवार, अगस्त २९, २०२० |"):
        text = "\n\n".join([title, "1204", date, "शेयर", *HI_PARAS]) + "\n"
        assert convert(text).headline == title
    # a year alone is no date: nothing vouches for the line above the text
    text = "\n\n".join([title, "नगर समाचार २०२० |", *HI_PARAS]) + "\n"
    assert convert(text).headline is None
