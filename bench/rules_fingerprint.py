"""A canonical fingerprint of the compiled rules (`corpus.convert.rules.RULES`): every field as JSON (a regex as
its pattern and flags, sets and dict keys sorted, tuples as lists, nested dataclasses by their fields) and the
sha256 of that JSON. Two checkouts whose fingerprints agree compile the same rules; a restructuring of the rules
code must leave it unchanged. The second digest printed keeps the dicts' insertion order (as [key, value] pairs):
equal too when the code built every dict in the same order (sets have no order that survives a new process).

    PYTHONPATH=$PWD python bench/rules_fingerprint.py [--json OUT.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any


def canonical(value: Any, keep_order: bool = False) -> Any:
    """The value as JSON data that does not depend on set order, nor on dict order unless keep_order."""
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": int(value.flags)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name), keep_order) for f in dataclasses.fields(value)}
    if isinstance(value, dict) and keep_order:
        return [[str(k), canonical(v, keep_order)] for k, v in value.items()]
    if isinstance(value, dict):
        return {str(k): canonical(value[k]) for k in sorted(value)}
    if isinstance(value, (set, frozenset)):
        items = (canonical(v, keep_order) for v in value)
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (tuple, list)):
        return [canonical(v, keep_order) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"rules fingerprint: no canonical form for {type(value).__name__}")


def fingerprint(rules: Any, keep_order: bool = False) -> dict[str, Any]:
    """Every field of the Rules dataclass, canonical."""
    return {f.name: canonical(getattr(rules, f.name), keep_order) for f in dataclasses.fields(rules)}


def digest(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the canonical JSON here")
    args = parser.parse_args(argv)
    from corpus.convert.rules import RULES

    data = fingerprint(RULES)
    if args.json:
        args.json.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{digest(data)}  {len(data)} fields")
    print(f"{digest(fingerprint(RULES, keep_order=True))}  dicts in insertion order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
