"""Memoised pure text tests: the field passes ask the same question of one line many times (a line is a
headline candidate, a neighbour of several, a teaser), and pages repeat their furniture lines.

Only for functions whose result depends on their arguments alone (a line's text, a stopword set, flags)
and the rule tables fixed at import: a cache cannot change what they return. The caches are emptied at
the start of each document (`clear`), so memory stays bounded by one document and the cost of a document
does not depend on which documents came before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

MAXSIZE = 4096  # distinct texts remembered per function within one document
_CACHES: list[_lru_cache_wrapper[Any]] = []


def memo(fn: Callable[P, R]) -> Callable[P, R]:
    """lru_cache for a pure function whose result is immutable (a bool, a str, a tuple, a match)."""
    cached = lru_cache(maxsize=MAXSIZE)(fn)
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def memo_list(fn: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """Like `memo` for a pure function returning a list: callers get a fresh list each time (they may keep or
    change it), the cache keeps a tuple."""
    cached = lru_cache(maxsize=MAXSIZE)(lambda *a, **k: tuple(fn(*a, **k)))
    _CACHES.append(cached)

    @wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        return list(cached(*args, **kwargs))  # type: ignore[arg-type]

    return call


def clear() -> None:
    """Forget every cached result: called once per document."""
    for c in _CACHES:
        c.cache_clear()
