"""convert / validate / build as compositions of the pure stages; an engine is passed in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from corpus.check.problem import Problem
from corpus.convert import ConvertError, convert_doc
from corpus.engines import Engine
from corpus.fsio import discover_any, read_any
from corpus.rawio import DEFAULT_MAX_BYTES, RawReadError, RawRef
from corpus.record import Record


@dataclass(slots=True)
class Converted:
    """The outcome for one raw file: a record, or the problems that stopped it."""

    path: str
    rel: str
    id: str
    record: Record | None
    problems: list[Problem] = field(default_factory=list)


def convert_ref(ref: RawRef, max_bytes: int = DEFAULT_MAX_BYTES) -> Converted:
    """Read and convert one file; bad data becomes a problem, never an exception."""
    try:
        doc = read_any(ref, max_bytes)  # local files through rawio's rules, URLs through fsspec
        record = convert_doc(doc)
    except RawReadError as e:
        return Converted(
            str(ref.path),
            ref.rel,
            ref.id,
            None,
            [Problem(e.code, "unreadable", "error", e.message, hint=e.hint)],
        )
    except ConvertError as e:
        msg = f"{ref.path}: {e}"
        return Converted(
            str(ref.path), ref.rel, ref.id, None, [Problem("R100", "not-convertible", "error", msg)]
        )
    return Converted(str(ref.path), ref.rel, ref.id, record)


def convert_paths(
    paths: Iterable[Path],
    engine: Engine,
    *,
    default_root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Converted]:
    refs = discover_any(paths, default_root)
    return engine.map(partial(convert_ref, max_bytes=max_bytes), refs)
