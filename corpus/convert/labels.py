"""The classes a line can get; shared by the engine and the field finders (subheadings are body)."""

from __future__ import annotations

BLANK = "blank"
HEADLINE = "headline"
BYLINE = "byline"
DATELINE = "dateline"
CREDIT = "credit"
CAPTION = "caption"
BODY = "body"
RELATED = "related"
BOILERPLATE = "boilerplate"
BIO = "bio"
