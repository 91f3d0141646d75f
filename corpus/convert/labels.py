"""The classes a line can get; shared by the engine and the field finders (subheadings are body)."""

from __future__ import annotations

from typing import Final

BLANK: Final = "blank"
HEADLINE: Final = "headline"
BYLINE: Final = "byline"
DATELINE: Final = "dateline"
CREDIT: Final = "credit"
CAPTION: Final = "caption"
BODY: Final = "body"
RELATED: Final = "related"
BOILERPLATE: Final = "boilerplate"
BIO: Final = "bio"
