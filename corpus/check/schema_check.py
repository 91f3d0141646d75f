"""Record dict → S001 problems, one per schema error, each at its JSON pointer (RFC 6901)."""

from __future__ import annotations

from typing import Any

from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.schema import fast_validator


def pointer(path: list[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def check_schema(doc: dict[str, Any]) -> list[Problem]:
    """jsonschema-rs reports every error (not just the first) at ~100x the pure-Python speed."""
    out = []
    for e in fast_validator().iter_errors(doc):
        ptr = pointer(list(e.instance_path))
        msg = e.message if len(e.message) <= 200 else e.message[:197] + "..."
        out.append(problem("S001", f"{ptr or '/'}: {msg}", pointer=ptr or ""))
    return out
