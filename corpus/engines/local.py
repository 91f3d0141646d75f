"""In-process and process-pool engines for one machine."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from corpus.engines.base import Engine

T = TypeVar("T")
R = TypeVar("R")


class InProcess:
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        pass


def _run_batch(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(x) for x in batch]


class ProcessPool:
    """Batches go to worker processes; at most `2 * workers` batches are in flight (bounded memory)."""

    def __init__(self, workers: int, batch_size: int = 256) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self._pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        it = iter(items)
        pending: deque[Future[list[R]]] = deque()
        while True:
            while len(pending) < 2 * self.workers:
                batch = list(itertools.islice(it, self.batch_size))
                if not batch:
                    break
                pending.append(self._pool.submit(_run_batch, fn, batch))
            if not pending:
                return
            yield from pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def local_engine(workers: int | None, batch_size: int = 256) -> Engine:
    n = workers if workers is not None else (os.cpu_count() or 1)
    return InProcess() if n <= 1 else ProcessPool(n, batch_size)
