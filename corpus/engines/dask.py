"""The Dask distributed engine: the same ordered, bounded `map` as the local engines, on a cluster.

Without a scheduler address it starts a LocalCluster of worker processes (one thread each, since the work
is pure Python and holds the GIL), and `recycle` ends that cluster between passes (the next `map` starts a
new one), as the local process pool ends its workers. A cluster given by address is other people's: it is
left running as it is. `dask[distributed]` is an optional extra, imported only here.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from corpus.engines.reduce import combine_all, reduce_batch

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")


def _run_batch(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(x) for x in batch]


class DaskEngine:
    """Batches of items go to Dask workers; at most `2 * workers` batches are in flight at once."""

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int = 2,
        batch_size: int = 256,
        fan_in: int = 8,
    ) -> None:
        try:
            import distributed  # noqa: F401
        except ImportError as e:  # pragma: no cover - depends on the installation
            raise RuntimeError("the dask engine needs dask[distributed]: pip install 'corpus[dask]'") from e
        self.batch_size = batch_size
        self.fan_in = max(2, fan_in)
        self._n_local = workers
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._owned = not scheduler
        self._closed = False
        if scheduler:
            from distributed import Client

            self._client = Client(scheduler)
        client = self.client  # an owned cluster starts now, so that a failure to start shows up front
        self.workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)

    @property
    def client(self) -> Client:
        """The client; an owned LocalCluster ended by `recycle` is started again here."""
        if self._client is None:
            if self._closed or not self._owned:
                raise RuntimeError("the dask engine is closed")
            from distributed import Client, LocalCluster

            self._cluster = LocalCluster(
                n_workers=self._n_local,
                processes=True,
                threads_per_worker=1,
                dashboard_address=":0",
                silence_logs=40,  # logging.ERROR: worker chatter would drown the progress output
            )
            self._client = Client(self._cluster)
        return self._client

    def _batches(self, items: Iterable[T]) -> Iterator[list[T]]:
        it = iter(items)
        while batch := list(itertools.islice(it, self.batch_size)):
            yield batch

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        pending: deque[Future] = deque()
        batches = self._batches(items)
        while True:
            while len(pending) < 2 * self.workers:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append(self.client.submit(_run_batch, fn, batch, pure=False))
            if not pending:
                return
            future = pending.popleft()
            results: list[R] = future.result()
            future.release()
            yield from results

    def map_reduce(
        self, fn: Callable[[list[T]], A], combine: Callable[[A, A], A], items: Iterable[T]
    ) -> A | None:
        """Partial aggregates per batch on the workers, combined in a tree there; only the result comes back.

        Combination keeps input order (so `combine` needs to be associative, not commutative): level k holds
        aggregates of fan_in**k batches, and a full level is folded into one item of the next.
        """
        from distributed import wait

        levels: list[list[Any]] = [[]]
        running: deque[Future] = deque()
        for batch in self._batches(items):
            if len(running) >= 2 * self.workers:
                wait([running.popleft()])
            future = self.client.submit(reduce_batch, fn, batch, pure=False)
            running.append(future)
            levels[0].append(future)
            for k in itertools.count():
                if len(levels[k]) < self.fan_in:
                    break
                if len(levels) == k + 1:
                    levels.append([])
                levels[k + 1].append(self.client.submit(combine_all, combine, *levels[k], pure=False))
                levels[k] = []
        rest = [f for level in reversed(levels) for f in level]
        if not rest:
            return None
        final = rest[0] if len(rest) == 1 else self.client.submit(combine_all, combine, *rest, pure=False)
        result: A = final.result()
        return result

    def recycle(self) -> None:
        """End the LocalCluster this engine started (workers, nannies and scheduler); the next `map` starts a
        new one. Not `Client.restart`: its nannies race SpecCluster's lost-worker timer (15 s) and a restart
        that lands in that window closes the nanny for good (workers never back; seen in the tests). An
        external cluster (`--scheduler`) is left alone: restarting it would kill other clients' work too, and
        its nannies' memory limits are its operator's business."""
        if self._owned:
            self._shutdown()

    def _shutdown(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def close(self) -> None:
        self._closed = True
        self._shutdown()
