"""Load the record contract (schemas/article.schema.json) wherever the package is installed."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (
    _HERE / "_schemas" / "article.schema.json",  # installed wheel (force-included)
    _HERE.parent / "schemas" / "article.schema.json",  # source checkout / editable install
)


def schema_path() -> Path:
    for p in _CANDIDATES:
        if p.is_file():
            return p
    raise FileNotFoundError("article.schema.json not found beside the corpus package")


@cache
def article_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


@cache
def fast_validator() -> Any:
    """jsonschema-rs validator: ~100x the pure-Python one, and it reports every error."""
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(article_schema())
