"""In-process and process-pool engines for one machine."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from corpus.engines.base import Engine

T = TypeVar("T")
R = TypeVar("R")


class InProcess:
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def recycle(self) -> None:
        pass

    def close(self) -> None:
        pass


def _run_batch(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(x) for x in batch]


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """Worker initializer: end this worker when the driver is gone. A driver killed with SIGKILL (a CI
    timeout, the OOM killer) cannot shut its pool down, and spawned workers would wait on their queue forever,
    each holding its converter caches."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="corpus-watch-parent", daemon=True).start()


@contextmanager
def _no_sigint() -> Iterator[None]:
    """Ignore SIGINT while workers may be spawned, so they start with it ignored (an ignored signal stays
    ignored across exec). Ctrl-C reaches the whole process group: only the driver should act on it (its
    KeyboardInterrupt shuts the pool down), not every worker with a traceback of its own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class ProcessPool:
    """Batches go to worker processes; at most `2 * workers` batches are in flight (bounded memory).

    Workers are started on first use as fresh interpreters (spawn), never forked: a fork of a driver that
    holds a million files' keys starts with all of them resident, and the whole process tree counts.
    They import what the mapped function needs, and `recycle` ends them, so what one pass left in a
    worker (converter caches, a heap grown by the last shard) is not carried into the next.
    """

    def __init__(self, workers: int, batch_size: int = 256) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=ctx,
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        return self._pool

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        it = iter(items)
        pending: deque[Future[list[R]]] = deque()
        while True:
            while len(pending) < 2 * self.workers:
                batch = list(itertools.islice(it, self.batch_size))
                if not batch:
                    break
                with _no_sigint():  # a worker spawned now inherits SIGINT ignored: see _no_sigint
                    pending.append(self._executor().submit(_run_batch, fn, batch))
            if not pending:
                return
            yield from pending.popleft().result()

    def recycle(self) -> None:
        """End the workers (their memory goes back to the system); the next `map` starts new ones."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        self.recycle()


def local_engine(workers: int | None, batch_size: int = 256) -> Engine:
    n = workers if workers is not None else (os.cpu_count() or 1)
    return InProcess() if n <= 1 else ProcessPool(n, batch_size)
