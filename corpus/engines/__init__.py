"""Engines map a pure, picklable function over items; they know nothing of the pipeline."""

from corpus.engines.base import Engine
from corpus.engines.local import InProcess, ProcessPool, local_engine

__all__ = ["Engine", "InProcess", "ProcessPool", "local_engine"]
