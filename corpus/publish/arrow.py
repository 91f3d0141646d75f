"""The Arrow schema of a published record: the JSON Schema's shape, typed and nested (tests keep them in step)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

_STR = pa.string()

ARROW_SCHEMA = pa.schema(
    [
        pa.field("schema_version", _STR, nullable=False),
        pa.field("id", _STR, nullable=False),
        pa.field("headline", _STR),
        pa.field(
            "byline",
            pa.struct([pa.field("authors", pa.list_(_STR)), pa.field("bio", _STR)]),
        ),
        pa.field(
            "credits",
            pa.list_(
                pa.struct([pa.field("kind", _STR), pa.field("credit", _STR), pa.field("caption", _STR)])
            ),
        ),
        pa.field("body", _STR, nullable=False),
        pa.field(
            "related_links",
            pa.list_(pa.struct([pa.field("rel", _STR), pa.field("title", _STR), pa.field("url", _STR)])),
        ),
        pa.field("language", _STR),
        pa.field("published", _STR),
        pa.field("dateline", _STR),
        pa.field("word_count", pa.int64(), nullable=False),
        pa.field("license", _STR),
        pa.field(
            "source",
            pa.struct(
                [
                    pa.field("file", _STR),
                    pa.field("sha256", _STR),
                    pa.field("url", _STR),
                    pa.field("publisher", _STR),
                ]
            ),
        ),
    ]
)


def hf_features() -> Any:
    """The `datasets.Features` the card declares; derived from ARROW_SCHEMA so the two cannot drift."""
    import datasets

    return datasets.Features.from_arrow_schema(ARROW_SCHEMA)


def features_dict(t: pa.DataType | pa.Schema = ARROW_SCHEMA) -> Any:
    """`hf_features().to_dict()` without importing `datasets` (~65 MB in the driver, while pass 3's
    workers run): strings, int64, structs and lists are all ARROW_SCHEMA has. A test keeps them equal."""
    if isinstance(t, pa.Schema) or pa.types.is_struct(t):
        return {f.name: features_dict(f.type) for f in t}
    if pa.types.is_list(t):
        return {"feature": features_dict(t.value_type), "_type": "List"}
    return {"dtype": str(t), "_type": "Value"}


def features_yaml(t: pa.Schema | pa.StructType = ARROW_SCHEMA) -> list[dict[str, Any]]:
    """`hf_features()._to_yaml_list()` (the card's `features:`) without importing `datasets`, which cost the
    driver ~0.7 s of CPU, alone, at the end of every build. A test keeps them equal."""
    return [{"name": f.name, **_yaml_type(f.type)} for f in t]


def _yaml_type(t: pa.DataType) -> dict[str, Any]:
    if pa.types.is_struct(t):
        return {"struct": features_yaml(t)}
    if pa.types.is_list(t):
        inner = _yaml_type(t.value_type)
        if list(inner) in (["dtype"], ["struct"]):  # datasets writes a list of one dtype or struct bare
            return {"list": next(iter(inner.values()))}
        return {"list": inner}
    return {"dtype": str(t)}


def schema_with_hf_metadata() -> pa.Schema:
    """ARROW_SCHEMA plus the `huggingface` metadata key, so a lone shard also loads with its features."""
    import json

    meta = json.dumps({"info": {"features": features_dict(ARROW_SCHEMA)}})
    return ARROW_SCHEMA.with_metadata({"huggingface": meta})
