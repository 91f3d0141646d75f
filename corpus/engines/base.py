"""The one interface every engine implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Apply `fn` to every item, yielding results in input order, holding at most a few batches."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def recycle(self) -> None:
        """Between passes: give back what the workers hold (new ones serve the next `map`)."""
        ...

    def close(self) -> None: ...
