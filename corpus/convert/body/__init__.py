"""Body extraction: which lines are the article's running text (passes 2, 4 and 5 of engine.py).

Each pass is linear in the number of lines and lives in the module named after its job (engine.classify
sets their order):
  score       content_class, wrapped_paragraphs: how a line reads on its own (pass 2);
  furniture   comment_widgets, site_slogans, summary_boxes (and tables of contents), closed_boxes,
              furniture_islands: furniture that reads like text;
  teasers     teaser_lists, cut_summaries, teaser_cards, kicker_teasers, teaser_credits: teaser blocks,
              found by their shape;
  run         main_run, standfirst: the densest run of text, cut where the article ends (pass 4);
  end         what follows an article (pager links, comments, author box); tail: bios inside vs after it;
  label       label_body: body inside the run, subheadings / inline links between paragraphs (pass 5);
  lists       the article's own lists and tables, won back from short lines;
  repeats     body_repeats, repeated_standfirst: a glued copy of the whole text, a standfirst printed twice.
This package re-exports the passes the engine calls, so `from corpus.convert.body import main_run` works.
"""

from corpus.convert.body.end import tail
from corpus.convert.body.furniture import (
    closed_boxes,
    comment_widgets,
    furniture_islands,
    site_slogans,
    summary_boxes,
)
from corpus.convert.body.label import label_body
from corpus.convert.body.repeats import body_repeats, repeated_standfirst
from corpus.convert.body.run import lede_above_box, main_run, standfirst
from corpus.convert.body.score import content_class, wrapped_paragraphs
from corpus.convert.body.teasers import (
    cut_summaries,
    kicker_teasers,
    teaser_cards,
    teaser_credits,
    teaser_lists,
)

__all__ = [
    "body_repeats",
    "closed_boxes",
    "comment_widgets",
    "content_class",
    "cut_summaries",
    "furniture_islands",
    "kicker_teasers",
    "label_body",
    "lede_above_box",
    "main_run",
    "repeated_standfirst",
    "site_slogans",
    "standfirst",
    "summary_boxes",
    "tail",
    "teaser_cards",
    "teaser_credits",
    "teaser_lists",
    "wrapped_paragraphs",
]
