"""Non-news pages of the kind the aeb part of the eval holds (recipes, deal posts, how-tos, reviews, blogs):
invented pages, one test per page pattern the converter learned (branch pages-aeb)."""

from __future__ import annotations

from tests.test_convert_rules import PARAS, article, convert, label_of

INTRO = (
    "These lemon poppy seed pancakes are the fluffiest thing to come out of my kitchen this winter, and they "
    "take less than half an hour from the bowl to the plate on a slow morning."
)
STEPS = [
    "Whisk the dry ingredients together in a large bowl, then make a well in the centre and pour in the "
    "buttermilk, the eggs and the lemon juice.",
    "Stir until just combined. A few lumps are fine and will keep the pancakes tender once they hit the pan.",
    "Flip and cook for another minute or two. Serve them warm with maple syrup or a spoon of yogurt.",
]


def test_copyright_under_the_last_paragraph_signs_the_post_and_takes_no_caption() -> None:
    text = "\n\n".join([INTRO, *STEPS, "© Marla Fenwick", "Print Recipe\nPin Recipe"]) + "\n"
    rec = convert(text)
    assert STEPS[-1] in rec.body
    assert "Marla Fenwick" not in rec.body
    assert label_of(text, STEPS[-1])[0] == "body"


INGREDIENTS = [
    "What You Need",
    "2 cups all-purpose flour",
    "2 tablespoons sugar",
    "1 tablespoon poppy seeds",
    "2 teaspoons baking powder",
    "1 lemon, zested and juiced",
    "1 1/2 cups buttermilk",
    "2 eggs",
]
INTRO_2 = (
    "I started making them when my neighbour brought over a bag of lemons from her tree, and now the kids "
    "ask for them every single weekend without fail."
)


def test_an_ingredient_list_does_not_cut_the_intro_off_the_post() -> None:
    """Many short lines between the intro and the method weighed as furniture and outweighed the intro."""
    region = "\n\n".join([INTRO, INTRO_2, "\n".join(INGREDIENTS), "How to Make Them", *STEPS]) + "\n"
    glued = "\n\n".join([INTRO, INTRO_2, *INGREDIENTS, "How to Make Them", *STEPS]) + "\n"
    for text in (region, glued):
        body = convert(text).body
        assert INTRO in body and INTRO_2 in body
        assert "2 cups all-purpose flour" in body and "1 1/2 cups buttermilk" in body
        assert STEPS[0] in body


def test_a_numbered_teaser_list_in_title_case_is_no_list_of_the_post() -> None:
    teasers = ["27 Oddest Medical Case Reports", "10 Strangest Hospital Stories", "11 Weird Things Pets Ate"]
    text = "\n\n".join(
        [INTRO, INTRO_2, *STEPS, "\n".join(teasers), "Originally published on Example Science."]
    )
    assert "Oddest Medical" not in convert(text + "\n").body


BLOG = [
    "A year ago I left my office job to work for myself, and I have learned more in these twelve months than "
    "in the five years before them put together.",
    "My first rates were far too low. I was so worried about losing clients that I forgot I also had to pay "
    "for my own software, insurance and holidays.",
    "Every project I took just for the money ended up taking twice as long as planned and left me too tired "
    "for the work I actually enjoy.",
    "Go to the list of apps. You will see every app installed on the set, including the ones that came "
    "preinstalled by its maker, in the order they were added.",
]


def test_numbered_title_case_headings_head_the_steps_they_number() -> None:
    """A listicle's "1. Title Case Heading" or a how-to's "Step 2: Find the App List" read as inline links."""
    heads = [
        "1. Charge More Than You Think You Should",
        "Step 2: Find the App List Again",
        "Was It Worth It?",
    ]
    text = "\n\n".join([BLOG[0], heads[0], BLOG[1], heads[1], BLOG[2], heads[2], BLOG[3]]) + "\n"
    body = convert(text).body
    for h in heads:
        assert h in body
        assert label_of(text, h) == ("body", "subheading: short line between paragraphs")


DEALS = [
    "Welcome to our daily deals roundup, where we gather the best discounts on gadgets, games and gear that we "
    "think are actually worth your money today.",
    "These earbuds rarely drop below seventy dollars, so this is the lowest price we have seen on a pair that "
    "sounds this good and lasts all day on a charge.",
    "If you have been waiting to upgrade your desk, this monitor has sharp colours, a thin bezel and a stand "
    "that tilts and swivels, which is rare at this price.",
]


def test_a_deal_posts_offer_lines_between_its_paragraphs_are_body() -> None:
    offers = [
        "Orbit Buds Pro Wireless Earbuds for $59.99",
        "Get it at Shopmart for $59.99",
        "Vantage 27-inch 4K Monitor for €229,99 (was €329,99)",
    ]
    text = "\n\n".join([DEALS[0], offers[0], DEALS[1], offers[1], offers[2], DEALS[2]]) + "\n"
    body = convert(text).body
    for line in offers:
        assert line in body


def test_short_asides_between_paragraphs_are_body() -> None:
    """ "Really." / "It works." …: the writer's own short sentences between two paragraphs, each too short
    to count as text on its own."""
    asides = ["Really.", "It works.", "Try it once.", "You will see!"]
    text = "\n\n".join([BLOG[0], BLOG[1], *asides, BLOG[2], BLOG[3]]) + "\n"
    body = convert(text).body
    for line in asides:
        assert f"\n\n{line}\n\n" in body


def test_an_aside_over_a_heading_heads_the_section_below() -> None:
    """Two short lines between paragraphs, the upper a short sentence, the lower a heading: both body."""
    aside, head = "So frustrating …", "Welcome to my small lesson on focus"
    text = "\n\n".join([BLOG[0], BLOG[1], aside, head, BLOG[2], BLOG[3]]) + "\n"
    body = convert(text).body
    assert aside in body and head in body
    assert label_of(text, head)[0] == "body"


def test_a_kicker_over_a_teaser_title_between_paragraphs_stays_out() -> None:
    text = (
        "\n\n".join([BLOG[0], BLOG[1], "Sponsored", "Ten ways to save on your energy bill", BLOG[2]]) + "\n"
    )
    assert "Ten ways to save" not in convert(text).body


GAME = [
    "The studio behind the game has announced a surprise expansion that adds a new campaign, two playable "
    "factions and a co-op mode that fans have been asking for since launch.",
    "The expansion will cost twenty dollars and launches next month for computers and consoles, and owners of "
    "the deluxe edition will get it at no extra cost.",
    "The studio also said a free update will arrive on the same day with balance changes and a long list of bug "
    "fixes for the base game.",
]
INCLUDED = [
    "Here's what's included:",
    "A 20-mission story campaign",
    "Two new factions, the Tidewardens and the Ember Court",
    "Online co-op for up to three players",
    "Over 40 new units and abilities",
]


def test_a_list_announced_by_a_lead_in_is_the_posts_own() -> None:
    """The items after "Here's what's included:" need not look like items: the text announces them."""
    for sep in ("\n", "\n\n"):  # one block (region, page) or a block per item (glued)
        text = "\n\n".join([*GAME[:2], sep.join(INCLUDED), GAME[2]]) + "\n"
        body = convert(text).body
        assert GAME[0] in body and GAME[2] in body
        for line in INCLUDED:
            assert line in body


def test_title_case_lines_under_a_colon_are_no_announced_list() -> None:
    links = [
        "More from the studio:",
        "Ashen Crown Review Roundup",
        "Best Strategy Games Of The Year",
        "Top Co-op Picks",
    ]
    text = "\n\n".join([*GAME[:2], "\n".join(links), GAME[2]]) + "\n"
    assert "Ashen Crown Review Roundup" not in convert(text).body


EVENT = [
    "The winter lantern festival is back for its fifth year, with more than two hundred handmade lanterns "
    "lighting up the paths of the park every evening through the end of January.",
    "This year's theme is the night sky, and local artists have built lanterns shaped like planets, comets "
    "and constellations, along with a long tunnel of light near the pond.",
    "Food trucks and a hot chocolate stand will be open every night, and there will be live music on Friday "
    "and Saturday evenings from a different local band each week.",
]
DETAILS = [
    "Event details",
    "Dates: December 1, 2026 – January 31, 2027",
    "Time: 5 p.m. – 10 p.m. daily",
    "Location: Riverside Park, 400 Mill Street",
    "Tickets: $18 adults, $10 children",
]


def test_an_events_date_range_is_a_row_of_its_details_not_the_posts_date() -> None:
    text = "\n\n".join(["Posted on November 21, 2026", *EVENT[:2], "\n".join(DETAILS), EVENT[2]]) + "\n"
    assert label_of(text, DETAILS[1])[0] != "dateline"
    body = convert(text).body
    for line in DETAILS[1:]:
        assert line in body
    assert convert(text).published == "2026-11-21"


def test_a_lead_in_after_other_short_lines_still_announces_its_list() -> None:
    """An aside, then "Think about it:" and its items right above a paragraph: the lead-in and items are body."""
    items = [
        "Think about it:",
        "You build a site in a quiet corner",
        "People slowly find it",
        "Some of them come back",
    ]
    text = "\n\n".join([*BLOG[:2], "Not to get too clever, but …", "\n".join(items), *BLOG[2:]]) + "\n"
    body = convert(text).body
    for line in items:
        assert line in body


MARKETS = [
    "Shares in the region rose for a third day on Tuesday as investors bet that central banks would keep "
    "rates on hold for the rest of the year, lifting miners and banks.",
    "The dollar slipped against most major currencies, while gold edged higher and oil held near its highest "
    "level in a month on worries about supply.",
    "Copper on the metals exchange lost half a percent to its lowest level in two weeks.",
]


def test_a_link_to_a_chart_is_no_credit_and_takes_no_caption() -> None:
    text = "\n\n".join([*MARKETS, "(Graphic: World assets in 2026 - here)"]) + "\n"
    rec = convert(text)
    assert MARKETS[2] in rec.body
    assert not rec.credits


POST = [
    "For three years every app on my phone and laptop was set to dark mode, and I was sure it was better for "
    "my eyes and for my battery as well.",
    "Then I spent a month reading about how our eyes deal with light text on dark backgrounds, and what I "
    "found made me switch back to the light side.",
    "Reading long text in dark mode can be harder for many people, because light letters on a dark ground "
    "tend to blur at their edges after a while.",
    "So now I use light mode during the day and only switch to dark mode late at night, when a bright screen "
    "would keep me awake.",
]


def test_written_by_under_a_post_opens_the_author_box_not_more_text() -> None:
    bio = "I write about design, screens and the small habits that make everyday work a little easier."
    text = "\n\n".join([*POST, "Written by Aiko Brennan", bio, "More from Aiko Brennan"]) + "\n"
    body = convert(text).body
    assert POST[-1] in body
    assert bio not in body


def test_an_aggregators_editing_note_under_a_release_is_furniture() -> None:
    note = "Materials provided by Northfield University. Note: Content may be edited for style and length."
    text = "\n\n".join([*POST, "Story Source:", note]) + "\n"
    body = convert(text).body
    assert POST[-1] in body
    assert "edited for style" not in body


def test_a_recipes_call_to_readers_under_the_method_is_furniture() -> None:
    calls = {
        "en": "Did you make this recipe? Tag us and tell us how it went!",
        "es": "¿Te ha gustado esta receta? Compártela con tus amigos.",
    }
    for lang, call in calls.items():
        text = article(lang, bottom=[call])
        body = convert(text).body
        assert PARAS[lang][-1] in body
        assert call not in body


def test_copyright_under_a_recipes_last_step_takes_no_caption() -> None:
    steps = [
        "Spoon the jam into the warm jars, put the lids on and set them in a water bath for a while.",
        "Boil for ten minutes (longer if you live high up)",
        "Remove the jars from the pot and allow them to cool. The jam will set within a day or two.",
    ]
    text = "\n\n".join([INTRO, INTRO_2, "\n".join(steps), "© Regan Pike"]) + "\n"
    rec = convert(text)
    assert steps[2] in rec.body
    assert not any(c.caption for c in rec.credits)


def test_asterisk_notes_under_a_table_after_the_text_belong_to_it() -> None:
    rows = ["Pos. Team Points Wins", *[f"{i} Team {chr(64 + i)} {100 - i * 7} {9 - i}" for i in range(1, 9)]]
    notes = [
        "*Only the top four teams reach the play-offs in the spring.",
        "* The season has 22 rounds in all.",
    ]
    link = "* Click the link for the full calendar of the season"
    text = "\n\n".join([*BLOG[:3], "\n".join(rows), link, *notes, "Share this on WhatsApp"]) + "\n"
    body = convert(text).body
    assert rows[1] in body
    for note in notes:
        assert note in body


TOWNS = [
    "Winter is the quiet season in most small towns, which means cheaper rooms, empty streets and locals with "
    "time to talk to a stranger passing through.",
    "Elmsworth has a covered bridge, a bakery that opens at six and a general store that still sells cheese by "
    "the wheel to anyone who asks for it.",
    "The harbour freezes at the edges in January and the lobster shacks close, but the old inn by the "
    "lighthouse keeps a fire going all day long.",
]


def test_a_listicles_numbered_heading_above_its_picture_heads_the_item() -> None:
    """ "1. Elmsworth, Vermont" / "Photo: Jane Roe / Example Stock" / text: the heading, not the caption."""
    item_1 = ["1. Elmsworth, Vermont", "Photo: Jane Roe / Example Stock", TOWNS[1]]
    item_2 = ["2. Port Alder, Maine", "Photo: John Doe / Example Stock", TOWNS[2]]
    text = "\n\n".join([TOWNS[0], *item_1, *item_2]) + "\n"
    rec = convert(text)
    assert "1. Elmsworth, Vermont" in rec.body and "2. Port Alder, Maine" in rec.body
    assert [c.credit for c in rec.credits] == ["Jane Roe / Example Stock", "John Doe / Example Stock"]
    assert not any(c.caption for c in rec.credits)


def test_a_call_to_comment_under_a_post_is_furniture() -> None:
    call = "Have a favourite small town we missed? Tell us in the comments below."
    text = "\n\n".join([*TOWNS, call]) + "\n"
    body = convert(text).body
    assert TOWNS[-1] in body and call not in body


def test_an_offer_line_over_the_next_deals_title_are_both_body() -> None:
    offer, title = "Get it on Riverbox for $229.99", "Free Month of Streamly Premium"
    text = "\n\n".join([*DEALS[:2], offer, title, DEALS[2]]) + "\n"
    body = convert(text).body
    assert offer in body and title in body
