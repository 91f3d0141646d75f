"""Entry points of the converter: raw bytes (+ sidecar) in, Record out. Pure: no I/O."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from corpus.convert.decode import ConvertError, decode, normalise
from corpus.rawio import RawDoc
from corpus.record import Byline, Record, Source

CONVERTER_VERSION = "0.1.0"

_SENTENCE_END = re.compile(r"[.!?\"'”’)]$")


@dataclass(frozen=True, slots=True)
class LineDecision:
    """One line's class and the evidence behind it: what `corpus explain` prints."""

    index: int
    text: str
    label: str
    rule: str


def classify(lines: list[str]) -> list[LineDecision]:
    out = []
    for i, line in enumerate(lines):
        if not line:
            out.append(LineDecision(i, line, "blank", "empty line"))
        elif _SENTENCE_END.search(line) and not line.endswith("...") and len(line.split()) >= 3:
            out.append(LineDecision(i, line, "body", "ends like a sentence"))
        else:
            out.append(LineDecision(i, line, "boilerplate", "does not end like a sentence"))
    return out


def explain_bytes(data: bytes) -> list[LineDecision]:
    return classify(normalise(decode(data)))


def convert_bytes(
    data: bytes,
    *,
    id: str,
    file: str,
    meta: Mapping[str, object] | None = None,
    sha256: str | None = None,
) -> Record:
    text = decode(data)
    if not text.strip():
        raise ConvertError("empty or whitespace-only; remove the file or add the article text")
    decisions = classify(normalise(text))
    body = "\n\n".join(d.text for d in decisions if d.label == "body")
    m = dict(meta or {})

    def meta_str(key: str) -> str | None:
        v = m.get(key)
        return v if isinstance(v, str) and v.strip() else None

    return Record(
        id=id,
        source=Source(
            file=file,
            sha256=sha256 or hashlib.sha256(data).hexdigest(),
            url=meta_str("url"),
            publisher=meta_str("publisher"),
        ),
        headline=meta_str("headline"),
        byline=Byline(),
        body=body,
        language=meta_str("language"),
        published=meta_str("published"),
        word_count=len(body.split()),
        license=meta_str("license"),
    )


def convert_doc(doc: RawDoc) -> Record:
    return convert_bytes(doc.data, id=doc.ref.id, file=doc.ref.rel, meta=doc.meta, sha256=doc.sha256)
