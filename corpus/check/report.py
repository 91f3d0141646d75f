"""Renderers of an Outcome: text for people, JSON for tools, GitHub workflow annotations for CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TextIO

import orjson
from rich.console import Console
from rich.markup import escape

from corpus.check.validate import Outcome
from corpus.rawio import META_SUFFIX, RAW_SUFFIX

GITHUB_CAP = 10  # annotations per severity; GitHub shows few per step anyway
SUMMARY_ROWS = 500


def summary(outcome: Outcome) -> dict[str, int]:
    return {
        "files": len(outcome),
        "errors": outcome.count("error"),
        "warnings": outcome.count("warning"),
    }


def is_valid(outcome: Outcome, strict: bool) -> bool:
    s = summary(outcome)
    return s["errors"] == 0 and not (strict and s["warnings"])


def to_json(outcome: Outcome, strict: bool = False) -> bytes:
    return b"".join(json_chunks(outcome, strict))


def json_chunks(outcome: Outcome, strict: bool = False) -> Iterator[bytes]:
    """The JSON report in pieces, one file at a time, the same bytes as one `orjson.dumps(doc, INDENT_2)`:
    a million files would otherwise build a million dicts and the whole document in memory at once."""
    opt = orjson.OPT_INDENT_2
    yield b'{\n  "valid": ' + orjson.dumps(is_valid(outcome, strict)) + b',\n  "files": ['
    sep = b"\n    "
    for i, f in enumerate(outcome.files()):
        doc = {"path": f.path, "id": f.id, "problems": [p.to_dict() for p in f.problems]}
        yield (b"," if i else b"") + sep + orjson.dumps(doc, option=opt).replace(b"\n", sep)
    yield (b"\n  ]" if len(outcome) else b"]") + b',\n  "summary": '
    yield orjson.dumps(summary(outcome), option=opt).replace(b"\n", b"\n  ") + b"\n}\n"


def summary_line(outcome: Outcome, strict: bool = False) -> str:
    s = summary(outcome)
    bad = outcome.with_problems()
    verdict = "valid" if is_valid(outcome, strict) else "invalid"
    return (
        f"{s['files']} file{'s' if s['files'] != 1 else ''} checked: {s['errors']} error(s), "
        f"{s['warnings']} warning(s) in {bad} file(s): {verdict}"
    )


def to_text(outcome: Outcome, console: Console, strict: bool = False) -> None:
    """Grouped by file; colour only on a terminal (rich decides)."""
    for f in outcome.files():
        if not f.problems:
            continue
        console.print(f"[bold]{escape(f.path)}[/bold]")
        for p in f.problems:
            where = f"{p.line}" if p.line is not None else "-"
            colour = "red" if p.severity == "error" else "yellow"
            console.print(
                f"  {where:>5}  [{colour}]{p.severity:<7}[/{colour}] [bold]{p.code}[/bold] {p.name}: "
                f"{escape(p.message)}",
                highlight=False,
                soft_wrap=True,
            )
            if p.hint:
                console.print(f"{'':16}[dim]hint: {escape(p.hint)}[/dim]", highlight=False, soft_wrap=True)
    ok = is_valid(outcome, strict)
    console.print(f"[{'green' if ok else 'red'}]{escape(summary_line(outcome, strict))}[/]", highlight=False)


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


_SIDECAR_CODES = frozenset({"R020", "R021", "R023"})


def _annotated_file(path: str, code: str) -> str:
    """A sidecar's problem is annotated on the sidecar: a pull request that changes only `<id>.meta.json`
    shows it on that file's diff, not on an unchanged `.txt`."""
    if code in _SIDECAR_CODES and path.endswith(RAW_SUFFIX):
        return path[: -len(RAW_SUFFIX)] + META_SUFFIX
    return path


def to_github(outcome: Outcome, out: TextIO, strict: bool = False) -> None:
    """`::error file=…,line=…,title=…::msg` lines, capped per severity, and a job-summary table."""
    shown = {"error": 0, "warning": 0}
    hidden = {"error": 0, "warning": 0}
    for f in outcome.files():
        for p in f.problems:
            if shown[p.severity] >= GITHUB_CAP:
                hidden[p.severity] += 1
                continue
            shown[p.severity] += 1
            props = f"file={_esc_prop(_annotated_file(f.path, p.code))}"
            if p.line is not None:
                props += f",line={p.line}"
            props += f",title={_esc_prop(f'{p.code} {p.name}')}"
            text = p.message + (f" (hint: {p.hint})" if p.hint else "")
            out.write(f"::{p.severity} {props}::{_esc_data(text)}\n")
    for sev, n in hidden.items():
        if n:
            out.write(
                f"... and {n} more {sev}(s) not annotated; see the job summary or run with --format text\n"
            )
    out.write(summary_line(outcome, strict) + "\n")
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        try:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(markdown_summary(outcome, strict))
        except OSError as e:  # the annotations above are the report; a lost summary must not hide them
            print(
                f"warning: GITHUB_STEP_SUMMARY={path}: {e.strerror}; job summary not written", file=sys.stderr
            )


def _cell(s: object) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def markdown_summary(outcome: Outcome, strict: bool = False) -> str:
    lines = ["## corpus validate", "", f"**{summary_line(outcome, strict)}**", ""]
    rows = [(f, p) for f in outcome.files() for p in f.problems]
    if rows:
        lines += ["| File | Line | Severity | Code | Message |", "| --- | --- | --- | --- | --- |"]
        for f, p in rows[:SUMMARY_ROWS]:
            line = "" if p.line is None else p.line
            lines.append(
                f"| {_cell(f.path)} | {line} | {p.severity} | `{p.code}` {p.name} | {_cell(p.message)} |"
            )
        if len(rows) > SUMMARY_ROWS:
            lines.append(f"\n… and {len(rows) - SUMMARY_ROWS} more problems (run `corpus validate` locally).")
    return "\n".join(lines) + "\n\n"
