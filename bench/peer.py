"""The peer: plain `jsonschema` (what `check-jsonschema` runs) validating every record of a `corpus convert`
JSON Lines file against schemas/article.schema.json, collecting all errors.

    python -m bench.peer /tmp/records.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "article.schema.json"


def run(records: Path, schema: Path = SCHEMA) -> tuple[int, int]:
    """Return (records checked, records with at least one error)."""
    validator = Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
    checked = invalid = 0
    with records.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            checked += 1
            if list(validator.iter_errors(json.loads(line))):
                invalid += 1
    return checked, invalid


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path)
    a = ap.parse_args(argv)
    checked, invalid = run(a.records)
    print(f"peer: {checked} records, {invalid} invalid", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    raise SystemExit(main())
