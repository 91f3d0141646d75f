"""Body extraction and the converter's cheap paths, on small invented texts (no publisher text)."""

from __future__ import annotations

import re

import pytest
from test_convert_rules import PARAS, convert

from corpus.convert import convert_bytes, explain_bytes
from corpus.convert.decode import normalise
from corpus.convert.features import all_features, ends_like_sentence, line_features
from corpus.convert.language import by_stopwords, detect
from corpus.convert.rules import RULES
from corpus.convert.scan import keyword_lines, repeated_lines


def body_of(text: str) -> list[str]:
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    return rec.body.split("\n\n") if rec.body else []


def test_teaser_titles_after_the_article_are_not_body() -> None:
    teasers = [
        "Council approves new budget for the harbour and the old market hall",
        "Local team wins the regional cup after a dramatic final in the rain",
        "Why the bakery on the corner closes its doors after forty years",
    ]
    text = "\n\n".join(PARAS["en"] + teasers)
    body = body_of(text)
    assert body == PARAS["en"]


def test_subheading_between_paragraphs_stays() -> None:
    p = PARAS["en"]
    text = "\n\n".join([p[0], p[1], "What happens next", p[2], p[3]])
    assert "What happens next" in body_of(text)


def test_long_line_without_final_stop_is_text() -> None:
    p = PARAS["en"]
    long_open = p[1].rstrip(".") + " and nobody knew when the bridge would open again for cars"
    assert long_open in body_of("\n\n".join([p[0], long_open, p[2], p[3]]))


def test_repeated_short_lines_are_furniture() -> None:
    p = PARAS["en"]
    text = "\n\n".join([p[0], "Story goes on", p[1], "Story goes on", p[2], "Story goes on", p[3]])
    assert body_of(text) == p
    rules = [d.rule for d in explain_bytes(text.encode()) if d.text == "Story goes on"]
    assert len(rules) == 3 and all(r.startswith("repeated line") for r in rules)
    lines = [
        "a b",
        "",
        "a b",
        "a b",
        "Ends like a sentence.",
        "Ends like a sentence.",
        "Ends like a sentence.",
    ]
    assert repeated_lines(lines, all_features(lines, frozenset())) == {"a b": 3}


def test_keyword_lines_map_to_their_lines() -> None:
    lines = ["First line here", "", "Sign up to our NEWSLETTER today", "plain", "We use Cookies."]
    feats = all_features(lines, frozenset())
    hits = keyword_lines(lines, feats)
    assert set(hits) == {2, 4}
    # lower() that changes the length ("İ" -> "i̇") must not shift the mapping
    lines2 = ["İstanbul İzmir", "our newsletter", "x"]
    assert set(keyword_lines(lines2, all_features(lines2, frozenset()))) == {1}
    # a long paragraph that mentions a keyword is not matched by the keyword rule
    long_line = " ".join(["word"] * (RULES.keyword_max_words + 5)) + " newsletter"
    assert keyword_lines([long_line], all_features([long_line], frozenset())) == {}


def test_keywords_are_searched_in_the_texts_own_language_and_english() -> None:
    """A German phrase is looked for in German texts (and texts of unknown language), not in English
    ones; English and common phrases are looked for everywhere (international page furniture)."""
    lines = ["Jetzt kostenlos testen und weiterlesen", "", "Sign up for the newsletter"]
    feats = all_features(lines, frozenset())
    assert set(keyword_lines(lines, feats, "de")) == {0, 2}
    assert set(keyword_lines(lines, feats, None)) == {0, 2}
    assert set(keyword_lines(lines, feats, "en")) == {2}
    en = set(RULES.keywords_by_lang["en"])
    assert all(en <= set(v) <= set(RULES.boiler_keywords) for v in RULES.keywords_by_lang.values())


def test_lazy_ratios_match_an_eager_count() -> None:
    stop = RULES.stopwords["en"]
    text = "The Quick brown Fox and the lazy Dog of London"
    f = line_features(text, stop)
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    stops = [w for w in words if w.lower() in stop]
    content = [w for w in words if w.lower() not in stop and len(w) > 1]
    assert f.stop_ratio == pytest.approx(len(stops) / len(words))
    assert f.title_ratio == pytest.approx(sum(w[0].isupper() for w in content) / len(content))
    assert f.words == len(text.split())


def test_normalise_spaces_controls_and_line_ends() -> None:
    raw = "\ufeff Lead\u00a0 text\u2003here \r\nsoft\u00adhyphen\u200bzero\x07bell\rnext\u2028  last  "
    assert normalise(raw) == ["Lead text here", "softhyphenzerobell", "next", "last"]
    assert normalise("a\t\tb") == ["a b"]


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_language_by_stopwords(lang: str) -> None:
    assert by_stopwords(" ".join(PARAS[lang])) == lang
    assert detect(PARAS[lang]) == lang


def test_language_falls_back_for_other_languages_and_is_none_for_little_text() -> None:
    assert by_stopwords("Lorem ipsum dolor sit amet " * 10) is None
    assert detect(["Kurz."]) is None
    # a language without a stopword list still gets a code from py3langid
    ro = [
        "Consiliul local a decis marți reconstruirea podului vechi peste râu, după ani de dispute privind costurile.",
        "Mulți locuitori au spus că au așteptat mult această decizie și au venit în număr mare la ședință.",
    ]
    assert "ro" not in RULES.stopwords
    assert detect(ro) == "ro"


def test_anchored_rules_only_try_their_family() -> None:
    fams = RULES.starter_families
    assert "byline" in fams["by"] and "prevnext" in fams["previous"]
    assert "prevnext" not in fams["by"]
    text = "\n\n".join(
        ["Share this article", PARAS["en"][0], "Previous article The council meets again", *PARAS["en"][1:]]
    )
    got = {d.text: d.label for d in explain_bytes(text.encode())}
    assert got["Share this article"] == "boilerplate"
    assert got["Previous article The council meets again"] == "related"


TEASERS = [
    (
        "Harbour plans approved",
        "The council backed a plan for the harbour that will take ten years to finish.",
    ),
    ("Cup final in the rain", "The local team won the regional cup after extra time in a very wet final."),
    (
        "Bakery closes its doors",
        "After forty years the bakery on the corner will close at the end of the month.",
    ),
]


def test_a_teaser_list_after_the_article_is_furniture() -> None:
    teaser_lines = [line for pair in TEASERS for line in pair]
    body = body_of("\n\n".join(PARAS["en"] + PARAS["en"] + ["More from the region", *teaser_lines]))
    assert not any(summary in body for _, summary in TEASERS)
    assert PARAS["en"][3] in body


def test_a_list_that_is_most_of_the_text_stays() -> None:
    # a list article (deals, Q&A): the title/summary pairs are the content, not teasers beside it
    longer = [(t, f"{s} {PARAS['en'][1]}") for t, s in TEASERS]
    text = "\n\n".join([PARAS["en"][0], *[line for pair in longer for line in pair]])
    assert not any(d.rule.startswith("teaser") for d in explain_bytes(text.encode()))
    body = body_of(text)
    assert all(summary in body for _, summary in longer)


def test_a_glued_copy_of_the_whole_article_is_dropped() -> None:
    p = PARAS["en"]
    body = body_of("\n\n".join([*p, "Share this article", " ".join(p)]))
    assert body == p


def test_a_lead_made_of_a_few_body_sentences_stays() -> None:
    p = PARAS["en"] + PARAS["es"] + PARAS["fr"]
    lead = " ".join(p[:3]) + " More on that below, with every detail of the plan and what it means."
    body = body_of("\n\n".join([lead, *p]))
    assert lead in body


def test_a_list_between_paragraphs_is_body() -> None:
    p = PARAS["en"]
    items = ["1. Check the bridge plans", "2. Count the cars in May", "3. Vote on the budget in June"]
    body = body_of("\n\n".join([p[0], p[1], *items, p[2], p[3]]))
    assert all(item in body for item in items)


def test_short_title_lines_between_paragraphs_are_not_a_list() -> None:
    p = PARAS["en"]
    titles = ["Harbour plans approved", "Cup final in the rain", "Bakery closes its doors"]
    body = body_of("\n\n".join([p[0], p[1], *titles, p[2], p[3]]))
    assert not any(t in body for t in titles)


def test_an_embedded_date_of_another_shape_does_not_end_the_article() -> None:
    p = PARAS["en"]
    text = "\n\n".join(
        ["By Jane Roe", "12.03.2024 | 10:15", *p, "Video: the old bridge", "01.02.2023 | 2:43 min", *p]
    )
    assert body_of(text) == p + p


def test_comments_with_repeated_date_lines_end_the_article() -> None:
    p = PARAS["en"]
    comments = []
    for who, t in (("Ann", "6:34"), ("Bob", "7:02"), ("Cy", "8:13")):
        comments += [f"{who} says:", f"November 19, 2019 at {t} am", f"{p[1]} I fully agree with {who}."]
    body = body_of("\n\n".join(["November 19, 2019 at 5:00 am", *p, *comments]))
    assert body[: len(p)] == p
    assert "I fully agree with Bob." not in " ".join(body)


def test_a_series_of_dates_of_one_shape_ends_the_article() -> None:
    p = PARAS["en"]
    comments = []
    for who, t in (("Ann", "6:34"), ("Bob", "7:02"), ("Cy", "8:13"), ("Di", "9:00")):
        comments += [f"{who} says:", f"November 19, 2019 at {t} am", f"{p[1]} I fully agree with {who}."]
    body = " ".join(body_of("\n\n".join(["Published 19.11.2019", *p, *comments])))
    assert p[3] in body
    assert "I fully agree with Cy." not in body and "I fully agree with Di." not in body


def test_a_hard_wrapped_paragraph_is_scored_as_one() -> None:
    p = PARAS["en"]
    wrapped = "The mayor said the new bridge\nwould be wider than the old one,\nwith a lane for bicycles and a path for walkers."
    body = body_of("\n\n".join([p[0], p[1], wrapped, p[2], p[3]]))
    assert all(piece in body for piece in wrapped.split("\n"))


def test_a_comment_form_after_the_article_is_not_body() -> None:
    form = [
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    ]
    body = body_of("\n\n".join(PARAS["en"] + form))
    assert body == PARAS["en"]


@pytest.mark.parametrize(
    "bio",
    [
        "Korrespondentin Jana Beispiel ist bei der Zeitung für die Landespolitik zuständig und lebt in Erfurt.",
        "Jana Beispiel schreibt seit 2021 frei für das Magazin, vor allem über Bildung und Stadtplanung.",
    ],
)
def test_an_author_note_after_a_german_article_is_not_body(bio: str) -> None:
    body = body_of("\n\n".join([*PARAS["de"], bio]))
    assert body == PARAS["de"]


def test_ad_slot_and_consent_notices_inside_the_article_are_not_body() -> None:
    p = PARAS["en"]
    notices = [
        "This advertisement has not loaded yet, but your article continues below.",
        "We apologize, but this video has failed to load. Try refreshing your browser.",
    ]
    body = body_of("\n\n".join([p[0], p[1], notices[0], p[2], notices[1], p[3]]))
    assert body == p


def test_a_sentence_ending_in_a_colon_introduces_what_follows() -> None:
    p = PARAS["en"]
    lead_in = "After the vote the mayor stood up once more and read out the short statement from the council in full:"
    body = body_of("\n\n".join([p[0], p[1], lead_in, p[2], p[3]]))
    assert body == [p[0], p[1], lead_in, p[2], p[3]]


def test_an_end_credit_and_a_share_prompt_are_not_body() -> None:
    tail = [
        "Staff writers Jane Roe and John Doe in Springfield contributed to this report.",
        "Like this story? Share it with a friend!",
    ]
    body = body_of("\n\n".join(PARAS["en"] + tail))
    assert body == PARAS["en"]


def test_a_table_after_the_last_paragraph_is_body() -> None:
    rows = [f"{n} – Springfield, Town Hall, {n + 10} May" for n in range(1, 9)]
    body = body_of("\n\n".join([*PARAS["en"], "The tour dates", "\n".join(rows), "Share this article"]))
    assert body == [*PARAS["en"], "The tour dates", *rows]


def test_a_few_numbered_link_titles_after_the_article_are_not_a_table() -> None:
    links = ["12 Bridges Worth a Detour", "7 Markets to Visit in Spring", "10 Quiet Towns by the Sea"]
    body = body_of("\n\n".join([*PARAS["en"], "\n".join(links)]))
    assert body == PARAS["en"]


@pytest.mark.parametrize(
    "line", ["Er sagte: „Wir fangen morgen an.“", "„Sie rief: ‚Komm her!‘“", 'He said: "We start tomorrow."']
)
def test_a_sentence_inside_closing_quotes_ends_like_a_sentence(line: str) -> None:
    assert line_features(line, frozenset()).ends_sentence


def test_summaries_cut_at_a_length_limit_are_a_teaser_block() -> None:
    cut = [
        f"Story {n}: the council of the northern district has decided after a long and heated debate in the town"
        " hall on Monday evening that the old stone bridge over the river will"
        for n in range(1, 6)
    ]
    body = body_of("\n".join(cut) + "\n\n" + "\n\n".join(PARAS["en"]))
    assert body == PARAS["en"]


def test_a_text_without_any_final_stops_is_not_a_teaser_block() -> None:
    paras = [p.rstrip(".") + " and more words to make it long enough for the rule here" for p in PARAS["en"]]
    assert body_of("\n".join(paras)) != []


@pytest.mark.parametrize("line", ["यह एक लंबा वाक्य है जो यहाँ समाप्त होता है।", "هل هذا سؤال؟", "یہ ایک جملہ ہے۔"])
def test_stops_of_other_scripts_end_a_sentence(line: str) -> None:
    assert line_features(line, frozenset()).ends_sentence


def test_cut_summaries_each_under_its_title_are_a_teaser_block() -> None:
    items = [
        f"Council news number {n}\nThe council of the northern district has decided after a long and heated debate"
        " in the town hall on Monday evening that the old stone bridge over the river will"
        for n in range(1, 10)
    ]
    body = body_of("\n\n".join(items + PARAS["en"]))
    assert body == PARAS["en"]


def test_text_below_the_previous_and_next_links_is_not_the_article() -> None:
    comment = (
        "I tried this at home last weekend and it worked really well for our family, thank you so much for"
        " sharing it with everyone here, we will certainly do it again next summer with the neighbours."
    )
    nav = ["Previous article", "Why the market hall closes early in winter", "Next article", "A new bus line"]
    body = body_of("\n\n".join([*PARAS["en"], *nav, comment]))
    assert body == PARAS["en"]


def test_a_comment_count_after_the_article_starts_the_comment_thread() -> None:
    comment = (
        "I tried this at home last weekend and it worked really well for our family, thank you so much for"
        " sharing it with everyone here, we will certainly do it again next summer with the neighbours."
    )
    body = body_of("\n\n".join([*PARAS["en"], "2 comments", comment]))
    assert body == PARAS["en"]


def test_a_long_table_under_two_heading_lines_after_the_article_is_body() -> None:
    rows = [f"{n} Jane Roe {500 - n} {n % 3} {n % 5}" for n in range(1, 15)]
    head = ["Standings", "The final table of the league."]
    body = body_of("\n\n".join([*PARAS["en"], *head, "\n".join(rows)]))
    assert body == [*PARAS["en"], *head, *rows]


def test_a_paragraph_long_subscription_notice_inside_the_article_is_not_body() -> None:
    p = PARAS["en"]
    promo = (
        "Good reporting takes time, and our reporters spend weeks on every story that you read on this site, "
        "from the council chamber to the harbour wall and the courts. Invest in journalism today: for the "
        "price of a coffee each month you keep this newsroom open, independent and free of any owner's "
        "interests, and you get every article, the archive and the daily briefing."
    )
    assert len(promo.split()) > 60
    body = body_of("\n\n".join([p[0], p[1], promo, p[2], p[3]]))
    assert body == p[:4]


def test_a_long_consent_notice_in_german_is_not_body() -> None:
    p = PARAS["de"]
    notice = (
        "Für die Anzeige dieses Beitrags aus einem sozialen Netzwerk brauchen wir deine widerrufliche "
        "Einwilligung, weil der Anbieter des Beitrags dabei Daten über dich erhält, auch in Ländern außerhalb "
        "der Europäischen Union, und diese Daten für eigene Zwecke nutzen kann. Du kannst die Einwilligung "
        "jederzeit in den Einstellungen am Ende der Seite wieder zurückziehen."
    )
    assert len(notice.split()) > 40
    body = body_of("\n\n".join([p[0], p[1], notice, p[2], p[3]]))
    assert notice not in body
    assert p[2] in body


@pytest.mark.parametrize(
    ("lang", "promo"),
    [
        ("en", "We welcome your thoughts, but please read our commenting policy before you post."),
        (
            "de",
            "Alle Nachrichten aus der Region jederzeit auf dem Telefon: die App hier gratis herunterladen.",
        ),
        (
            "fr",
            "Vous ne pouvez lire ce journal que sur un seul appareil à la fois, sauf avec une offre famille.",
        ),
        ("en", "Jane Roe has written three books about the islands. Follow her on social media for more."),
        ("en", "To suggest a change to this story or to report an error, click here."),
        ("de", "Alle Artikel aus dem Hafenviertel lesen Sie auch in unserer App, jeden Morgen neu."),
        (
            "en",
            "Your browser is out of date and some parts of this page may not work: please switch to a modern browser.",
        ),
        ("fr", "Votre navigateur n'est plus pris en charge : veuillez mettre à jour votre navigateur."),
    ],
)
def test_app_comment_and_device_notices_between_paragraphs_are_not_body(lang: str, promo: str) -> None:
    p = PARAS[lang]
    body = body_of("\n\n".join([p[0], p[1], promo, p[2], p[3]]))
    assert promo not in body
    assert p[2] in body


def test_a_long_line_of_capitalised_names_without_punctuation_is_a_menu() -> None:
    towns = (
        "Ashford Barnsley Bedford Bolton Bradford Brighton Bristol Cambridge Carlisle Chester Coventry Derby "
        "Dover Durham Exeter Gloucester Hereford Ipswich Lancaster Leeds Leicester Lincoln Norwich Oxford "
        "Preston Reading Salisbury Sheffield Swindon Truro Wakefield Winchester Worcester York"
    )
    p = PARAS["en"]
    body = body_of("\n\n".join([p[0], p[1], towns, p[2], p[3]]))
    assert towns not in body
    assert p[3] in body


def test_a_comments_header_after_the_article_ends_it() -> None:
    p = PARAS["en"]
    comment = (
        "I have lived by the harbour for thirty years and I can tell you that nobody on the council has ever "
        "asked the fishermen what they think about the plan, which is why so many of us are angry about it "
        "and why we will keep writing to the paper until somebody finally listens to what we have to say."
    )
    text = "\n\n".join([*p, "Comments", "Harbourman says:", comment])
    body = body_of(text)
    assert body == p


def test_a_name_ending_in_a_colon_above_a_date_line_starts_the_comments() -> None:
    p = PARAS["en"]
    comment = (
        "Nobody on the council ever asked the people who fish from this harbour every single morning what "
        "they think of the plan, and that is exactly why so many of us are angry about it this spring."
    )
    text = "\n\n".join([*p, "Harbour Watcher says:", "12 March 2024 at 10:15", comment])
    assert body_of(text) == p


def test_a_recent_comments_widget_does_not_outweigh_a_short_article() -> None:
    p = PARAS["en"][:2]
    widget = [
        f"{name} on {title}: {opinion}, and I think the council should listen to the people of the town"
        for name, title, opinion in [
            ("Harbourman", "Bridge vote delayed again", "This is the third delay this year"),
            ("Ann B.", "New bakery opens on Quay Street", "The bread is good but the queue is long"),
            ("old salt", "Ferry fares to rise in spring", "Nobody asked the islanders about the fares"),
            ("M. Rowe", "Market hall roof repaired", "It took them far too long to fix the leaks"),
            ("Tidewatcher", "Council approves the budget", "The budget leaves the harbour with nothing"),
        ]
    ]
    text = "\n\n".join(["Harbour news", *p, "\n".join(widget), "Contact us"])
    assert body_of(text) == p


def test_a_site_slogan_after_the_article_is_not_body() -> None:
    p = PARAS["en"]
    slogan = "THE HARBOUR TIMES | News for the harbour town and the islands."
    name = "THE HARBOUR TIMES"
    text = "\n\n".join([name, "Home", *p, f"{name}\n{slogan}", "Imprint", name])
    body = body_of(text)
    assert body == p


def test_a_german_leave_a_comment_header_ends_the_article() -> None:
    p = PARAS["de"]
    comment = (
        "Ich wohne seit dreißig Jahren am Hafen und kann Ihnen sagen, dass im Stadtrat noch nie jemand die "
        "Fischer gefragt hat, was sie von dem Plan halten, und deshalb sind so viele von uns darüber verärgert "
        "und werden der Zeitung so lange schreiben, bis endlich jemand zuhört, was wir zu sagen haben."
    )
    text = "\n\n".join([*p, "Hinterlasse einen Kommentar", "Hafenmann", comment])
    assert body_of(text) == p


def test_an_author_box_below_a_link_to_the_authors_page_is_not_body() -> None:
    p = PARAS["en"]
    box = (
        "Calm, patient and curious, she has covered the harbour town for the paper since the old ferry "
        "still ran, and she still answers every letter that readers send her about the islands."
    )
    text = "\n\n".join(["By Jane Roe", *p, "Jane Roe\nhttps://example.org/author/jane-roe/\n" + box])
    assert body_of(text) == p


def test_sentence_cut_at_inline_links_in_a_glued_block_is_text() -> None:
    """A glued dump puts each inline link on a line of its own: the pieces after a line ending on a
    function word go on with the sentence and are kept with it."""
    p = PARAS["en"]
    pieces = [
        "The harbour fees have risen by a third this year, well above the",
        "Regional Price Index",
        "and the",
        "Port Authority Survey",
        "over the same months.",
    ]
    text = "\n\n".join([p[0], p[1], "\n".join(pieces), p[2], p[3]])
    body = " ".join(body_of(text))
    assert "above the Regional Price Index and the Port Authority Survey over the same months." in body


def test_schedule_line_naming_an_agency_by_chance_is_not_a_credit() -> None:
    """One block per item (a glued dump): a line shaped like its neighbours is a list item, even when a
    word in it ("PA", a state) is also an agency's name."""
    dates = [
        "May 2 – Easton, MD @ Harbour Hall",
        "May 4 – Milltown, PA @ River Stage",
        "May 6 – Oakdale, OH @ Lakeside Arena",
        "May 9 – Elmira, NY @ Old Mill Theatre",
    ]
    text = "\n\n".join([*PARAS["en"], "Upcoming Tour Dates", *dates])
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    assert not rec.credits


def test_numbered_step_between_paragraphs_of_one_block_is_a_subheading() -> None:
    """A line per paragraph and no blank lines: a numbered step heading sits inside the block, between
    finished paragraphs, and is kept as it would be in a block of its own."""
    p = PARAS["en"]
    text = "\n".join([p[0], "1. Plan the route", p[1], "2. Pack light", p[2], p[3]])
    body = body_of(text)
    assert "1. Plan the route" in body
    assert "2. Pack light" in body


def test_table_glued_cell_by_cell_after_the_article_is_body() -> None:
    """A glued dump puts every table cell on a line and every row in a block: the lone figures of a row
    are cells, not share counters, and the standings stay with the article."""
    rows = [["Rank", "Rider", "Points", "Wins"]] + [
        [str(i), name, str(900 - 37 * i), str(6 - i)]
        for i, name in enumerate(["Ann Fell", "Bo Reyes", "Cy Marsh", "Di Locke", "Ed Varga"], start=1)
    ]
    table = "\n\n".join("\n".join(r) for r in rows)
    text = "\n\n".join([*PARAS["en"], "Final standings of the spring series after twelve races:", table])
    body = " ".join(" ".join(body_of(text)).split())
    assert "Rank Rider Points Wins 1 Ann Fell 863 5" in body
    assert "5 Ed Varga 715 1" in body


def test_a_caption_as_long_as_a_paragraph_with_its_credit_is_not_body() -> None:
    """A caption can tell the photo's whole story (who, where, when, and the background) before its
    credit: it is a credit with its caption, not a paragraph, up to a hundred words."""
    p = PARAS["en"]
    caption = (
        "Volunteers carry sandbags along the river wall in the old town on a grey Tuesday morning, as "
        "the water level rose by almost a metre overnight. The council opened two shelters in the "
        "school gyms, and the fire brigade asked residents of the lower streets to move their cars to "
        "the hill before the evening, when the next surge is expected to reach the bridge. "
        "(Photo: Jane Roe / Harbour Press)"
    )
    assert 60 < len(caption.split()) <= 100
    text = "\n\n".join([p[0], p[1], caption, p[2], p[3]])
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    assert rec.body.split("\n\n") == p
    assert [c.credit for c in rec.credits] == ["Jane Roe / Harbour Press"]


def test_a_newsletter_box_pitch_inside_the_article_is_not_body() -> None:
    """A box between paragraphs: its title names the newsletter, its pitch reads like a sentence, its
    form asks for an email address, then a button. The pitch, fenced by the box's lines, is no paragraph
    (a paragraph between two ad slots, with paragraphs beyond them, stays: see the ad slot test)."""
    p = PARAS["en"]
    pitch = "Five short stories every morning, picked by our editors."
    box = ["The Morning Harbour newsletter", pitch, "Your email address here", "Subscribe"]
    text = "\n\n".join([p[0], p[1], *box, p[2], p[3]])
    assert body_of(text) == p


def test_a_paragraph_below_a_notice_and_above_a_subheading_stays() -> None:
    p = PARAS["en"]
    para = "The ferry company says the new timetable will start in the spring, after the dock repairs."
    text = "\n\n".join(
        [p[0], p[1], "The Morning Harbour newsletter", para, "What the council said", p[2], p[3]]
    )
    assert para in body_of(text)


def test_rows_of_one_punctuation_shape_after_the_article_are_a_table() -> None:
    """Rows with no figure or bullet to mark them, but all shaped "Name (Group X): Nth season": a table."""
    rows = [
        f"{club} (Group {g}): {n} season"
        for club, g, n in [
            ("Harbour Rovers", "A", "Fifth"),
            ("Milltown United", "A", "Second"),
            ("Oakdale Town", "B", "Ninth"),
            ("Elmira Athletic", "B", "Third"),
            ("Lakeside Wanderers", "C", "First"),
            ("River Stage FC", "C", "Seventh"),
        ]
    ]
    text = "\n\n".join([*PARAS["en"], "Clubs in the final round", "\n".join(rows)])
    body = body_of(text)
    assert rows[0] in body and rows[-1] in body


def test_kicker_and_title_teasers_after_the_article_are_not_a_table() -> None:
    """Teasers shaped "Kicker: title" share a lone colon, which is no table's row."""
    teasers = [
        "Harbour: New ferry dock opens",
        "Council: Budget vote delayed again",
        "Weather: Storm expected on Friday",
        "Schools: Term starts a week later",
        "Transport: Night buses return soon",
        "Markets: Fish prices fall sharply",
    ]
    text = "\n\n".join([*PARAS["en"], "Elsewhere in the region", "\n".join(teasers)])
    assert body_of(text) == PARAS["en"]


@pytest.mark.parametrize(
    ("header", "box"),
    [
        (
            "About Jane Roe",
            "Mother of two and a keen sailor, she has covered the harbour towns for the paper since 2009.",
        ),
        (
            "Über Jana Rohr",
            "Als Reporterin begleitet Jana Rohr seit vielen Jahren die Häfen und Werften an der Küste.",
        ),
        (
            "About the author",
            "Sailor, cook and reporter, he has written about the islands and their ferries for years.",
        ),
    ],
)
def test_an_author_box_under_its_header_after_the_article_is_not_body(header: str, box: str) -> None:
    """A page dump puts the author box right under the article: its header ("About Jane Roe") ends it."""
    p = PARAS["en"]
    text = "\n\n".join([*p, header, box])
    assert body_of(text) == p


@pytest.mark.parametrize(
    "line", ["Jane Roe, head of the harbour office", "Sir John Doe (left) at the new dock"]
)
def test_a_name_and_role_between_paragraphs_is_a_caption_not_a_subheading(line: str) -> None:
    p = PARAS["en"]
    text = "\n\n".join([p[0], p[1], line, p[2], p[3]])
    assert body_of(text) == p


NL_PARAS = [
    "De gemeenteraad heeft dinsdag besloten om de oude brug over de rivier te vervangen door een nieuwe "
    "brug voor fietsers en voetgangers, nadat bewoners er jarenlang om hadden gevraagd.",
    "Volgens de wethouder begint het werk in het voorjaar en duurt het ongeveer twee jaar, omdat de "
    "oevers eerst moeten worden versterkt en de kabels onder de grond moeten worden verlegd.",
    "Een woordvoerder van de gemeente zei dat het geld uit een fonds van de provincie komt en dat de "
    "belasting voor de inwoners daarom niet omhoog hoeft te gaan in de komende jaren.",
    "De ondernemers aan de kade zijn blij met het besluit, maar zij vragen wel om een goede omleiding "
    "voor de klanten zolang de werkzaamheden aan de brug en de oevers nog duren.",
]


def test_dutch_share_and_newsletter_lines_are_not_body() -> None:
    p = NL_PARAS
    furniture = [
        "Deel dit artikel",
        "Schrijf je in voor onze nieuwsbrief en mis niets",
        "Alle rechten voorbehouden",
    ]
    text = "\n\n".join([p[0], p[1], furniture[0], p[2], p[3], furniture[1], furniture[2]])
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    assert rec.language == "nl"
    assert rec.body.split("\n\n") == p


def test_teaser_cards_with_more_links_inside_the_article_are_not_body() -> None:
    """Title, summary, "Read more": two such cards in the article's column are a teaser list."""
    p = PARAS["en"]
    cards = [
        "Harbour fees\nWhy the fees rose again\nThe port says the new dock costs more to run than the old one did.\nRead more",
        "Ferry timetable\nNight ferries return\nThe last boat of the day will leave an hour later from the spring on.\nRead more",
    ]
    text = "\n\n".join([p[0], p[1], cards[0], p[2], cards[1], p[3]])
    assert body_of(text) == p


def test_one_summary_above_a_more_link_stays() -> None:
    """A single "Read more" under the article's lead (a cut article) is no teaser list."""
    p = PARAS["en"]
    text = "\n\n".join(["Harbour fees rise again", p[0], "Read more", p[1], p[2], p[3]])
    assert p[0] in body_of(text)


PT_PARAS = [
    "A câmara municipal decidiu na terça-feira substituir a velha ponte sobre o rio por uma nova ponte "
    "para peões e ciclistas, depois de os moradores a terem pedido durante muitos anos.",
    "Segundo o vereador, as obras começam na primavera e duram cerca de dois anos, porque as margens "
    "têm de ser reforçadas primeiro e os cabos que estão debaixo do chão têm de ser mudados.",
    "Um porta-voz da câmara disse que o dinheiro vem de um fundo da região e que por isso os impostos "
    "dos moradores não vão subir nos próximos anos, como muitos temiam.",
    "Os comerciantes do cais estão contentes com a decisão, mas pedem um bom desvio para os clientes "
    "enquanto durarem as obras na ponte e nas margens do rio.",
]


def test_portuguese_share_and_copyright_lines_are_not_body() -> None:
    p = PT_PARAS
    furniture = ["Compartilhe no Facebook", "Todos os direitos reservados à editora da cidade"]
    text = "\n\n".join([p[0], p[1], furniture[0], p[2], p[3], furniture[1]])
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    assert rec.language == "pt"
    assert rec.body.split("\n\n") == p


def test_a_key_points_box_above_the_article_is_not_body() -> None:
    """ "Key Points", bullets that sum the story up, then the picture: the box, not the article."""
    p = PARAS["en"]
    box = [
        "Key Points",
        "The council will rebuild the old bridge for walkers and cyclists.",
        "Work starts in the spring and takes about two years.",
    ]
    credit = "The old bridge at dusk. Photo: Jane Roe"
    text = "\n\n".join([*box, credit, *p])
    assert body_of(text) == p


def test_a_key_points_header_running_into_paragraphs_keeps_them() -> None:
    """No picture or furniture closes the "box": the lines under the header are the article itself."""
    p = PARAS["en"]
    text = "\n\n".join(["Key Points", *p])
    assert body_of(text) == p


def test_sentence_like_items_under_a_lead_in_after_the_article_are_its_list() -> None:
    # the dump dropped the bullets: the items read like running text, and a line ending in a colon leads in
    items = [
        "Two new routes that take walkers along the old canal to the harbour",
        "A longer season for the ferry that crosses the river in the summer",
        "More benches and a shelter at the end of the pier for rainy days",
    ]
    text = "\n\n".join([*PARAS["en"], "What the plan brings:", *items, "Share this article", "Facebook"])
    assert body_of(text) == [*PARAS["en"], "What the plan brings:", *items]
    # without the lead-in they may be teasers' summaries: they stay out
    assert body_of("\n\n".join([*PARAS["en"], *items, "Facebook"])) == PARAS["en"]
    # title-cased lines under a colon are link titles, not items
    titles = [
        "Harbour Walks Reopen in Spring",
        "Ferry Season Gets Longer This Year",
        "New Benches on the Old Pier",
    ]
    assert body_of("\n\n".join([*PARAS["en"], "More stories:", *titles])) == PARAS["en"]


def test_a_lead_in_ending_in_a_colon_between_paragraphs_is_body() -> None:
    # few content words, so its capitals weigh a lot; the colon says it introduces what follows
    p = PARAS["en"]
    lead = "Here's What to Know:"
    body = body_of(
        "\n\n".join([p[0], lead, "What the council still has to decide about it", p[1], p[2], p[3]])
    )
    assert lead in body
    # without the colon the Title Case line is a link's title: neither line reads as the article's
    body = body_of(
        "\n\n".join([p[0], "Here's What to Know", "What the council still has to decide about it", *p[1:]])
    )
    assert body == p


def test_items_marked_by_a_word_and_their_letter_between_paragraphs_are_a_list() -> None:
    p = PARAS["en"]
    items = [
        "Route A: Old Town, Harbour and Lighthouse",
        "Route B: Market Hall, Bridge and Pier",
        "Route C: Station, Museum and Park",
    ]
    assert all(item in body_of("\n\n".join([p[0], p[1], *items, p[2], p[3]])) for item in items)
    # kickers with a colon are no items: each starts with its own word
    kicked = ["Harbour: New Lights", "Bridge: Works Delayed", "Market: Stalls Return"]
    assert not any(k in body_of("\n\n".join([p[0], p[1], *kicked, p[2], p[3]])) for k in kicked)


def test_a_related_label_with_its_section_heads_the_links_below_it() -> None:
    # "More from Business": a label of two words and the section it lists, between two paragraphs
    p = PARAS["en"]
    links = [
        "Harbour plans win support in council",
        "Ten tips for a wet cup final",
        "Why the bakery closed its doors",
    ]
    text = "\n\n".join([p[0], p[1], "More from Business", *links, p[2], p[3]])
    assert body_of(text) == p
    rec = convert_bytes(text.encode(), id="t", file="t.txt")
    assert [link.title for link in rec.related_links] == links
    # a one-word label opens headings too: "More trouble ahead" stays the article's subheading
    assert "More trouble ahead" in body_of("\n\n".join([p[0], p[1], "More trouble ahead", p[2], p[3]]))


def test_link_titles_glued_in_one_line_under_a_link_header_are_not_body() -> None:
    # the dump joined a box of links into one line: long as a paragraph, but no sentence stop anywhere
    p = PARAS["de"]
    glued = (
        "Brückenbau: Der Stadtrat gibt grünes Licht für die neue Brücke am Hafen Verkehr im Sommer: "
        "Die Umleitung über die Nordbrücke bleibt bis in den Herbst Markthalle: Die Stände kehren zurück"
    )
    for header in ("Ähnliche Beiträge:", "Mehr zum Thema aus der Stadt"):
        text = "\n\n".join([p[0], p[1], header, glued, p[2], p[3]])
        assert body_of(text) == p
    # a paragraph below the header reads as sentences: it stays
    text = "\n\n".join([p[0], p[1], "Ähnliche Beiträge:", p[2], p[3]])
    assert body_of(text) == p


MORE_LANGS = {
    "tr": "Belediye meclisi salı günü nehrin üzerindeki eski köprünün yeniden yapılmasına karar verdi ve "
    "bu karar uzun bir tartışmadan sonra geldi. Mahalle sakinleri bu kararı çok uzun zamandır beklediklerini "
    "söyledi ve toplantıya kalabalık bir grup olarak geldi.",
    "ru": "Городской совет во вторник решил перестроить старый мост через реку, и это решение было принято после "
    "долгих споров о его стоимости. Жители сказали, что они давно ждали этого решения.",
    "da": "Byrådet besluttede tirsdag at genopbygge den gamle bro over floden, efter at der i flere år havde været "
    "strid om prisen. Mange af beboerne sagde, at de havde ventet længe på denne beslutning.",
    "no": "Bystyret vedtok tirsdag å bygge den gamle brua over elva på nytt, etter at det i flere år hadde vært strid "
    "om prisen. Mange av beboerne sa at de hadde ventet lenge på denne avgjørelsen.",
    "sv": "Kommunfullmäktige beslutade på tisdagen att bygga om den gamla bron över ån, efter att det i flera år hade "
    "varit strid om kostnaden. Många av de boende sa att de hade väntat länge på detta beslut.",
    "cs": "Městská rada v úterý rozhodla, že starý most přes řeku bude přestavěn, a to po letech sporů o jeho cenu. "
    "Mnoho obyvatel řeklo, že na toto rozhodnutí čekali dlouho, a proto přišli na zasedání.",
    "pl": "Rada miasta zdecydowała we wtorek o odbudowie starego mostu na rzece po latach sporów o koszty. "
    "Mieszkańcy mówili, że długo czekali na tę decyzję i licznie przyszli na posiedzenie rady.",
    "fi": "Kaupunginvaltuusto päätti tiistaina, että vanha silta joen yli rakennetaan uudelleen. Monet asukkaat "
    "sanoivat, että he olivat odottaneet tätä päätöstä pitkään, ja he tulivat kokoukseen kuulemaan sen.",
    "is": "Bæjarstjórn ákvað á þriðjudag að endurbyggja gömlu brúna yfir ána, eftir að deilt hafði verið um "
    "kostnaðinn í mörg ár. Margir íbúar sögðu að þeir hefðu beðið lengi eftir þessari ákvörðun.",
}


@pytest.mark.parametrize("lang", sorted(MORE_LANGS))
def test_running_text_in_more_languages_has_its_stopwords_counted(lang: str) -> None:
    # without a list every line reads as 0 % function words: names, titles and prose look alike
    text = MORE_LANGS[lang]
    assert line_features(text, RULES.stopwords[lang]).stop_ratio >= 0.2
    assert detect([text]) == lang


def test_the_lede_above_a_box_of_links_inside_the_article_stays() -> None:
    # a box of links right after the first paragraph outweighs it; the box's label says where it starts
    p = PARAS["de"]
    lede = "Der Stadtrat hat am Dienstagabend nach langer Debatte über die neue Brücke am Hafen entschieden."
    box = [
        "Lesen Sie auch:",
        "Verkehr:",
        "Die Umleitung über die Nordbrücke bleibt bis in den Herbst",
        "Markthalle:",
        "Die Stände kehren zurück",
        "Hafen:",
        "Neue Lichter am Kai",
        "Das wird ein guter Sommer für alle.",
        "Mehr News",
    ]
    body = body_of("\n\n".join(["Neue Brücke für die Stadt", "12. März 2024", lede, *box, *p]))
    assert body == [lede, *p]


def test_the_intro_above_a_table_of_contents_stays_and_the_outline_is_not_body() -> None:
    # a long outline of short lines between the intro and the sections outweighed the intro
    p = PARAS["en"]
    intro = "Picking a tent is easier than it looks, and this guide walks through the choices one at a time."
    sections = [
        "Best for Families",
        "Best for Hikers",
        "Best for Cyclists",
        "Best Budget Tent",
        "Best for Winter",
        "Best for Beaches",
        "How We Tested",
        "What the Numbers Mean",
        "Care and Repair",
    ]
    text = "\n\n".join([intro, "Table of Contents", "\n".join(sections), *p])
    body = body_of(text)
    assert body == [intro, *p]


def test_a_standings_table_weighs_for_the_short_text_above_it() -> None:
    # short lines of figures are a table (content), not a menu: with them the intro outweighs a notice below
    intro = [
        "Here are the final standings of the regional league after the last round of the season.",
        "Bookmark this page and come back after every round to see the latest table.",
    ]
    rows = [f"{n} Jana Roth {900 - n * 7} {n % 4} {n % 3} {20 - n // 2}" for n in range(1, 26)]
    notice = (
        "Please note: comments that are off topic or rude to other readers will not be approved by the "
        "moderators, and repeated offences lead to a ban from the comment section of this site."
    )
    menu = ["Home", "Standings", "Calendar", "Drivers", "Teams"]
    share = ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Print"]
    text = "\n\n".join(
        [*menu, *intro, "Pos Name Points Wins Poles Top", "\n".join(rows), *share, *menu, notice]
    )
    body = body_of(text)
    assert body[:2] == intro and rows[0] in body and rows[-1] in body
    assert notice not in body


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("We hope to see you at the harbour festival soon! 🙂", True),
        ("Book early, the tickets for the pier tour sell out fast. 👍🏽", True),
        ("Tap the button below to see every photo ⬇️", False),
        ("The bridge opens in May ☀", False),
    ],
)
def test_an_emoji_after_the_stop_still_ends_the_sentence(line: str, ends: bool) -> None:
    assert line_features(line, frozenset()).ends_sentence is ends
    assert all_features([line], frozenset())[0].ends_sentence is ends  # type: ignore[union-attr]
    assert ends_like_sentence(line) is ends


@pytest.mark.parametrize(
    "line",
    ["Media caption Who is the new harbour master?", "Media captionWho is the new harbour master?"],
)
def test_a_caption_the_page_labels_as_one_is_not_body(line: str) -> None:
    # a video's caption set between paragraphs (glued dumps join the label to the caption's first word)
    p = PARAS["en"]
    text = "\n\n".join([p[0], p[1], line, p[2], p[3]])
    assert body_of(text) == p
    label = next(d for d in explain_bytes(text.encode()) if d.text == line)
    assert label.label == "caption"


def test_an_author_box_right_after_a_closing_table_is_not_part_of_it() -> None:
    rows = [f"{n} – Springfield, Town Hall, {n + 10} May" for n in range(1, 9)]
    box = ["Jana Roth", "Staff Writer", "follow"]
    body = body_of("\n\n".join([*PARAS["en"], "The tour dates", "\n".join([*rows, *box])]))
    assert body == [*PARAS["en"], "The tour dates", *rows]


_PARAS = (
    "Il consiglio comunale ha approvato ieri sera il nuovo piano per il ponte, dopo una discussione durata "
    "quasi quattro ore e molte proposte di modifica.\n\n"
    "I lavori dovrebbero cominciare in primavera e durare almeno due anni, secondo quanto ha spiegato il "
    "sindaco alla fine della seduta.\n"
)
_DEK = "Il progetto da venti milioni di euro divide la maggioranza e preoccupa i commercianti del centro"


def test_a_standfirst_without_its_stop_under_the_title_opens_the_body() -> None:
    text = f"Cronaca\n\nIl ponte vecchio sarà ricostruito entro il 2028\n\n{_DEK}\n\nMario Rossi 4 Febbraio 2025 - 14:41\n\n{_PARAS}"
    rec = convert(text)
    assert rec.headline == "Il ponte vecchio sarà ricostruito entro il 2028"
    assert rec.body.split("\n\n")[0] == _DEK


def test_a_teaser_list_above_the_header_gives_no_standfirst() -> None:
    teasers = "\n\n".join(
        [
            "Nuove piste ciclabili in tutta la città entro la fine dell'anno",
            "Il mercato coperto riapre dopo due anni di lavori e polemiche",
            _DEK,
        ]
    )
    rec = convert(f"{teasers}\n\nMario Rossi 4 Febbraio 2025 - 14:41\n\n{_PARAS}")
    assert _DEK not in rec.body


def test_a_title_printed_twice_is_not_its_own_standfirst() -> None:
    title = "Il progetto da venti milioni divide la maggioranza e preoccupa i commercianti del centro storico"
    rec = convert(f"Cronaca\n\n{title}\n\n{title}\n\n4 Febbraio 2025 - 14:41\n\n{_PARAS}")
    assert title not in rec.body


def test_a_standfirst_reaches_past_share_buttons_in_the_header() -> None:
    text = (
        f"Cronaca\n\nIl ponte vecchio sarà ricostruito entro il 2028\n\n{_DEK}\n\nMario Rossi\n\n"
        f"4 Febbraio 2025 - 14:41\n\nCondividi su Facebook\n\nCondividi su Twitter\n\n{_PARAS}"
    )
    assert convert(text).body.split("\n\n")[0] == _DEK


def test_a_title_under_a_short_kicker_is_no_standfirst() -> None:
    title = "Il ponte vecchio divide la maggioranza e preoccupa i commercianti"
    rec = convert(
        f"Notizie\n\nCronaca di Roma\n\n{title}\n\nDi Mario Rossi\n\n4 Febbraio 2025 - 14:41\n\n{_PARAS}"
    )
    assert title not in rec.body


def test_the_title_printed_again_with_its_kicker_is_no_standfirst() -> None:
    paras = (
        "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die alte Brücke über den Fluss "
        "abzureißen und durch einen Neubau zu ersetzen.\n\n"
        "Die Arbeiten sollen im Frühjahr beginnen und mindestens zwei Jahre dauern, sagte der Bürgermeister "
        "nach der Sitzung.\n"
    )
    title = "Warum der Bürgermeister die alte Brücke abreißen will"
    again = f"Neue Pläne für die Stadt: {title}"
    rec = convert(
        f"Politik\n\nAusland\n\n{title}\n\n{again}\n\nvon Jana Roth\n\n06.11.2025 | 20:15\n\n{paras}"
    )
    assert again not in rec.body
