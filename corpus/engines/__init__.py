"""Engines map a pure, picklable function over items; they know nothing of the pipeline."""

from corpus.engines.base import Engine
from corpus.engines.local import InProcess, ProcessPool, local_engine
from corpus.engines.reduce import map_reduce
from corpus.engines.select import ENGINES, EngineError, make_engine

__all__ = [
    "ENGINES",
    "Engine",
    "EngineError",
    "InProcess",
    "ProcessPool",
    "local_engine",
    "make_engine",
    "map_reduce",
]
