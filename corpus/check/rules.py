"""The rule table (rules.toml) and the configuration that tunes it: severities, switched-off rules, ignores."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from corpus.check.problem import Problem, Severity
from corpus.config import Config, ConfigError

_TABLE = Path(__file__).with_name("rules.toml")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    hint: str


@cache
def rules() -> dict[str, Rule]:
    data = tomllib.loads(_TABLE.read_text(encoding="utf-8"))
    return {code: Rule(code, r["name"], r["severity"], r["hint"]) for code, r in data.items()}


def problem(
    code: str,
    message: str,
    *,
    line: int | None = None,
    pointer: str | None = None,
    hint: str | None = None,
) -> Problem:
    """A Problem for a rule from the table; the table's hint unless a more specific one is given."""
    r = rules()[code]
    return Problem(code, r.name, r.severity, message, line, pointer, hint or r.hint)


def _known(code: str) -> bool:
    """A full code (C101), a name (body-too-short) or a prefix (C1, D) all select rules."""
    return any(r.code.startswith(code) or r.name == code for r in rules().values())


def check_config(cfg: Config) -> None:
    """Config that names rules must name real ones: a typo would silently switch nothing off."""
    where = cfg.source or "[tool.corpus]"
    for code in [*cfg.disable, *cfg.severity, *(c for cs in cfg.per_file_ignores.values() for c in cs)]:
        if not isinstance(code, str) or not _known(code):
            raise ConfigError(
                f"{where}: unknown rule {code!r}; codes are listed by `corpus validate --rules`"
            )
    for pattern, codes in cfg.per_file_ignores.items():
        if not isinstance(codes, list):
            raise ConfigError(f"{where}: per_file_ignores[{pattern!r}] must be a list of rule codes")


def _selects(sel: str, p: Problem) -> bool:
    return p.code.startswith(sel) or p.name == sel


def apply_config(rel: str, problems: list[Problem], cfg: Config) -> list[Problem]:
    """Drop switched-off and ignored rules and apply severity overrides, for one file's problems."""
    ignored = list(cfg.disable)
    for pattern, codes in cfg.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern):
            ignored.extend(codes)
    out = []
    for p in problems:
        if any(_selects(s, p) for s in ignored):
            continue
        sev = next((v for k, v in cfg.severity.items() if _selects(k, p)), None)
        if sev == "off":
            continue
        if sev is not None and sev != p.severity:
            p = replace(p, severity=sev)  # type: ignore[arg-type]
        out.append(p)
    return out
