"""Entry points of the converter: raw bytes (+ sidecar) in, Record out. Pure: no I/O.

decode -> normalise -> language -> classify (engine.py) -> assemble (assemble.py). `explain_bytes`
runs the same steps and returns the decisions, so `corpus explain` shows what `convert` did.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Final

from corpus.convert import assemble
from corpus.convert.decode import ConvertError, decode, normalise, word_count
from corpus.convert.engine import LineDecision, classify
from corpus.convert.language import detect
from corpus.rawio import RawDoc
from corpus.record import Record, Source

CONVERTER_VERSION: Final = "0.4.0"

_ISO: Final = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")
_LANG: Final = re.compile(r"^[a-z]{2}$")

__all__ = ["CONVERTER_VERSION", "LineDecision", "convert_bytes", "convert_doc", "explain_bytes"]


def _decide(data: bytes) -> tuple[list[LineDecision], str | None]:
    lines = normalise(decode(data))
    if not any(lines):
        raise ConvertError("empty or whitespace-only; remove the file or add the article text")
    lang = detect(lines)
    return classify(lines, lang), lang


def explain_bytes(data: bytes) -> list[LineDecision]:
    """Every line with its class and the rule behind it: the converter's own decisions."""
    return _decide(data)[0]


def convert_bytes(
    data: bytes,
    *,
    id: str,
    file: str,
    meta: Mapping[str, object] | None = None,
    sha256: str | None = None,
) -> Record:
    decisions, lang = _decide(data)
    m = dict(meta or {})
    paragraphs = assemble.body_lines(decisions)
    body = "\n\n".join(paragraphs)
    meta_lang = assemble.meta_str(m, "language")
    if meta_lang is not None:
        meta_lang = meta_lang.lower()
        if not _LANG.match(meta_lang):
            meta_lang = None
    language = meta_lang or lang
    url = assemble.meta_str(m, "url")
    published = assemble.meta_str(m, "published")
    if published is not None and not _ISO.match(published):
        published = assemble.parse_date(published, decisions, language, url)
    return Record(
        id=id,
        source=Source(
            file=file,
            sha256=sha256 or hashlib.sha256(data).hexdigest(),
            url=url,
            publisher=assemble.meta_str(m, "publisher"),
        ),
        headline=assemble.meta_str(m, "headline") or assemble.headline(decisions),
        byline=assemble.byline(decisions),
        credits=assemble.credits(decisions),
        body=body,
        related_links=assemble.related(decisions),
        language=language,
        published=published or assemble.published(decisions, language, url),
        dateline=assemble.dateline(decisions),
        word_count=word_count(body, len(paragraphs)),
        license=assemble.meta_str(m, "license"),
    )


def convert_doc(doc: RawDoc) -> Record:
    return convert_bytes(doc.data, id=doc.ref.id, file=doc.ref.rel, meta=doc.meta, sha256=doc.sha256)
