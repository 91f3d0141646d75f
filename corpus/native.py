"""Whether this install runs the converter as mypyc-compiled extension modules (a `CORPUS_COMPILE=1 pip install .`
wheel, see hatch_build.py) or as plain Python. Both give byte-identical records; only the speed differs, so users
need a way to tell which one they have: `corpus --version` says it."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec


def converter_compiled() -> bool:
    """True when the converter's engine module was loaded from an extension module (.so / .pyd)."""
    spec = find_spec("corpus.convert.engine")
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(tuple(EXTENSION_SUFFIXES))


def converter_build() -> str:
    return "compiled (mypyc)" if converter_compiled() else "pure Python"
