"""The Record type and schemas/article.schema.json must describe the same shape."""

import dataclasses
import typing

import jsonschema

from corpus.record import FIELD_ORDER, Byline, Credit, Record, RelatedLink, Source
from corpus.schema import article_schema, fast_validator


def test_schema_is_valid_draft_2020_12() -> None:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"]
    assert (
        schema["properties"]["schema_version"]["const"]
        == Record.__dataclass_fields__["schema_version"].default
    )


def test_record_fields_match_schema_properties() -> None:
    schema = article_schema()
    assert set(FIELD_ORDER) == set(schema["properties"]) == set(schema["required"])
    assert {f.name for f in dataclasses.fields(Record)} == set(FIELD_ORDER)
    nested = {"byline": Byline, "source": Source}
    for name, cls in nested.items():
        props = schema["properties"][name]["properties"]
        assert {f.name for f in dataclasses.fields(cls)} == set(props)
    assert {f.name for f in dataclasses.fields(Credit)} == set(
        schema["properties"]["credits"]["items"]["properties"]
    )
    link_props = schema["properties"]["related_links"]["items"]["properties"]
    assert {f.name for f in dataclasses.fields(RelatedLink)} == set(link_props)


def test_enums_match_literals() -> None:
    schema = article_schema()
    kinds = schema["properties"]["credits"]["items"]["properties"]["kind"]["enum"]
    rels = schema["properties"]["related_links"]["items"]["properties"]["rel"]["enum"]
    hints = typing.get_type_hints(Credit)
    assert set(typing.get_args(hints["kind"])) == set(kinds)
    assert set(typing.get_args(typing.get_type_hints(RelatedLink)["rel"])) == set(rels)


def _minimal() -> Record:
    return Record(id="a1", source=Source(file="a1.txt", sha256="0" * 64), body="Text.", word_count=1)


def test_record_round_trips_and_validates() -> None:
    rec = _minimal()
    d = rec.to_dict()
    assert list(d) == list(FIELD_ORDER)
    assert Record.from_dict(d) == rec
    assert fast_validator().is_valid(d)
    jsonschema.validate(d, article_schema())


def test_schema_rejects_bad_enum_and_extra_keys() -> None:
    d = _minimal().to_dict()
    d["credits"] = [{"kind": "selfie", "credit": "x", "caption": None}]
    assert not fast_validator().is_valid(d)
    d = _minimal().to_dict()
    d["extra"] = 1
    assert not fast_validator().is_valid(d)


def test_hand_written_to_dict_equals_dataclass_asdict() -> None:
    """to_dict is written out for speed; it must stay the exact mirror of every field."""
    rec = Record(
        id="b2",
        source=Source(file="sub/b2.txt", sha256="f" * 64, url="https://example.org/b2", publisher="Example"),
        headline="A headline",
        byline=Byline(authors=["Jane Roe", "John Doe"], bio="Jane Roe is a reporter."),
        credits=[Credit(kind="video", credit="Example TV", caption="A caption.")],
        body="One.\n\nTwo.",
        related_links=[RelatedLink(rel="next", title="Next story", url=None)],
        language="en",
        published="2024-05-03",
        dateline="LONDON (Reuters)",
        word_count=2,
        license="CC-BY-4.0",
    )
    d = dataclasses.asdict(rec)
    assert rec.to_dict() == {k: d[k] for k in FIELD_ORDER}
    assert list(rec.to_dict()) == list(FIELD_ORDER)
    assert fast_validator().is_valid(rec.to_dict())
