"""The compiled rules are assembled from the theme builders of corpus/convert/ruleparts/: every Rules field comes
from exactly one builder, with the type Rules declares, and bench/rules_fingerprint.py sees every field (so that a
fingerprint left unchanged by a restructuring means the rules are unchanged)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import typing
from collections.abc import Callable
from typing import Any

import pytest

import corpus.convert.ruleparts
from bench.rules_fingerprint import digest, fingerprint
from corpus.convert.patterns import HeadOrAfter
from corpus.convert.ruleparts.credits import credit_kinds
from corpus.convert.ruleparts.dates import month_numbers
from corpus.convert.ruleparts.tables import Tables, load_tables
from corpus.convert.rules import RULES, Rules

FROM_TABLES_DIRECTLY = {"stopwords"}  # fields _compile takes from the loaded tables without a builder


def _builders() -> dict[str, tuple[Callable[..., Any], type]]:
    """name -> (builder, its TypedDict): every function of a ruleparts module that returns a TypedDict."""
    out: dict[str, tuple[Callable[..., Any], type]] = {}
    for info in pkgutil.iter_modules(corpus.convert.ruleparts.__path__):
        module = importlib.import_module(f"corpus.convert.ruleparts.{info.name}")
        for name, fn in vars(module).items():
            if (
                callable(fn)
                and getattr(fn, "__module__", None) == module.__name__
                and not isinstance(fn, type)
            ):
                ret = typing.get_type_hints(fn).get("return")
                if typing.is_typeddict(ret):
                    out[name] = (fn, ret)
    return out


def _call(fn: Callable[..., Any], t: Tables) -> dict[str, Any]:
    """A builder's output, given the arguments its signature names (the tables, months, credit kinds)."""
    given = {"t": t, "months": month_numbers(t), "kinds": credit_kinds(t)}
    params = typing.get_type_hints(fn)
    return fn(**{p: given[p] for p in params if p != "return"})


RULE_TYPES = typing.get_type_hints(Rules)


def test_builders_are_found():
    builders = _builders()
    assert {"date_rules", "credit_rules", "byline_rules", "boilerplate_rules", "starter_rules"} <= set(
        builders
    )


def test_every_rules_field_comes_from_exactly_one_builder_with_its_type():
    seen: dict[str, str] = {}
    for name, (_, typed) in _builders().items():
        for field, hint in typing.get_type_hints(typed).items():
            assert field not in seen, f"{field} built by both {seen[field]} and {name}"
            seen[field] = name
            assert field in RULE_TYPES, f"{name} builds {field}, which Rules does not have"
            assert hint == RULE_TYPES[field], f"{field}: {name} says {hint}, Rules {RULE_TYPES[field]}"
    assert set(seen) | FROM_TABLES_DIRECTLY == set(RULE_TYPES)
    assert not set(seen) & FROM_TABLES_DIRECTLY


def test_each_builder_returns_its_fields_and_rules_holds_them():
    t = load_tables()
    for name, (fn, typed) in _builders().items():
        part = _call(fn, t)
        assert set(part) == set(typing.get_type_hints(typed)), name
        for field, value in part.items():
            hint = RULE_TYPES[field]
            assert isinstance(value, typing.get_origin(hint) or hint), (name, field, type(value))
            assert getattr(RULES, field) == value, f"RULES.{field} is not what {name} builds"


def _changed(value: Any) -> Any:
    """A value of the same kind that differs from `value`."""
    if isinstance(value, re.Pattern):
        return re.compile(value.pattern + "(?:x)?", value.flags)
    if isinstance(value, HeadOrAfter):
        return dataclasses.replace(value, after=_changed(value.after))
    if isinstance(value, frozenset):
        return value | {"\x00changed"}
    if isinstance(value, dict):
        key = next(iter(value))
        return {**value, key: _changed(value[key])}
    if isinstance(value, tuple):
        return (*value, value[0]) if value else ("\x00changed",)
    if isinstance(value, str):
        return value + "\x00"
    if isinstance(value, int):
        return value + 1
    raise TypeError(type(value))


def test_the_fingerprint_changes_with_every_field():
    base = digest(fingerprint(RULES))
    assert set(fingerprint(RULES)) == set(RULE_TYPES)
    for field in RULE_TYPES:
        other = dataclasses.replace(RULES, **{field: _changed(getattr(RULES, field))})
        assert digest(fingerprint(other)) != base, field


def test_the_fingerprint_ignores_set_and_dict_order_unless_asked():
    one = dataclasses.replace(RULES, month_numbers={"jan": 1, "feb": 2}, particles=frozenset(["von", "van"]))
    two = dataclasses.replace(RULES, month_numbers={"feb": 2, "jan": 1}, particles=frozenset(["van", "von"]))
    assert digest(fingerprint(one)) == digest(fingerprint(two))
    assert digest(fingerprint(one, keep_order=True)) != digest(fingerprint(two, keep_order=True))


def test_the_fingerprint_refuses_a_value_it_cannot_write():
    with pytest.raises(TypeError, match="no canonical form"):
        fingerprint(dataclasses.replace(RULES, particles=object()))  # type: ignore[arg-type]
