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
