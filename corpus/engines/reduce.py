"""Distributed reductions for the build's global steps (duplicate keys, statistics, split counts).

`map_reduce(engine, fn, combine, items)` computes `fn(batch)` (a small partial aggregate) for every batch
of items, then folds the partials in input order with `combine`. An engine with its own `map_reduce`
(Dask) does both on the cluster, so only the final aggregate reaches the caller; other engines map the
batches and fold the partials as they arrive. `combine` must be associative; `fn` and `combine` picklable.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from corpus.engines.base import Engine

T = TypeVar("T")
A = TypeVar("A")


def reduce_batch(fn: Callable[[list[T]], A], batch: list[T]) -> A:
    return fn(batch)


def combine_all(combine: Callable[[A, A], A], *parts: A) -> A:
    return functools.reduce(combine, parts)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def map_reduce(
    engine: Engine,
    fn: Callable[[list[T]], A],
    combine: Callable[[A, A], A],
    items: Iterable[T],
    *,
    batch_size: int = 256,
) -> A | None:
    """The fold of `fn` over batches of `items`; None when there are no items."""
    own = getattr(engine, "map_reduce", None)
    if own is not None:
        result: A | None = own(fn, combine, items)
        return result
    acc: A | None = None
    for part in engine.map(functools.partial(reduce_batch, fn), batched(items, batch_size)):
        acc = part if acc is None else combine(acc, part)
    return acc
