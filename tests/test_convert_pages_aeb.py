"""Non-news pages of the kind the aeb part of the eval holds (recipes, deal posts, how-tos, reviews, blogs):
invented pages, one test per page pattern the converter learned (branch pages-aeb)."""

from __future__ import annotations

from tests.test_convert_rules import convert, label_of

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
