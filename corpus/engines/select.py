"""Choosing an engine from CLI options: `--engine local|dask`, `--workers N`, `--scheduler ADDRESS`."""

from __future__ import annotations

import os

from corpus.engines.base import Engine
from corpus.engines.local import local_engine

ENGINES = ("local", "dask")


class EngineError(ValueError):
    """Options that do not make an engine; the message says which and what to do (exit 2)."""


def make_engine(
    kind: str = "local",
    *,
    workers: int | None = None,
    batch_size: int = 256,
    scheduler: str | None = None,
) -> Engine:
    if kind not in ENGINES:
        raise EngineError(f"unknown engine '{kind}'; choose one of: {', '.join(ENGINES)}")
    if kind == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return local_engine(workers, batch_size)
    try:
        from corpus.engines.dask import DaskEngine
    except ImportError:  # pragma: no cover - depends on the installation
        raise EngineError("--engine dask needs dask[distributed]: pip install 'corpus[dask]'") from None
    try:
        return DaskEngine(scheduler, workers=workers or os.cpu_count() or 1, batch_size=batch_size)
    except OSError as e:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
