"""`corpus validate` as a composition: per-file checks on an engine, then the corpus-wide checks.

Whole-corpus mode judges every file under the raw root. Submission mode (files named) judges only
those files, against the rest of the corpus through the persisted index: duplicates of existing
articles and id clashes are reported, old files' own problems are not.
"""

from __future__ import annotations

import heapq
import os
from array import array
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from corpus.check import sketch
from corpus.check.columns import PathColumn, StrColumn
from corpus.check.dedup import Duplicates, KeyBuilder, KeyTable, find_duplicates, id_of
from corpus.check.index import refresh_index, save_index, subset
from corpus.check.problem import Problem
from corpus.check.raw import not_raw, scan_extras
from corpus.check.rules import apply_config, problem
from corpus.check.run import FileResult, RawText, check_file, printable
from corpus.config import Config
from corpus.engines import Engine
from corpus.rawio import META_SUFFIX, RAW_SUFFIX, RawRef, discover


@dataclass(slots=True)
class FileReport:
    path: str
    id: str | None
    problems: list[Problem] = field(default_factory=list)


class Rows:
    """Every checked file as columns, problems kept only for the files that have some.

    A file costs its rel's UTF-8 bytes and ~20 bytes more (PathColumn: root index and end offset; a 64-bit
    key of its case-folded id), not Python objects: a FileResult, then a FileReport, an id-check dict entry
    and a sorted copy were ~0.5-1 KB a file. Reports are made one at a time as they are written.
    """

    def __init__(self) -> None:
        self.names = PathColumn()  # path and rel of every row
        self.odd_ids: dict[int, str | None] = {}  # row -> id, only when the rel does not give it
        self.id_keys = array("q")  # hash of the case-folded id (0 for no id): equal ids, equal keys
        self.problems: dict[int, list[Problem]] = {}  # row -> its problems, only rows with some
        self.keyless: dict[str, list[int]] = {}  # rel -> [size, mtime_ns] of files without dedup keys

    @property
    def paths(self) -> PathColumn:
        return self.names

    @property
    def rels(self) -> StrColumn:
        return self.names.rels

    def __len__(self) -> int:
        return len(self.names)

    def add(self, res: FileResult) -> None:
        i = len(self.names)
        self.names.append(res.path, res.rel)
        if res.id is None or res.id != id_of(res.rel):
            self.odd_ids[i] = res.id
        self.id_keys.append(0 if res.id is None else hash(res.id.casefold()))
        if res.problems:
            self.problems[i] = res.problems
        if res.body_hash is None:
            self.keyless[res.rel] = [res.size, res.mtime_ns]

    def id(self, i: int) -> str | None:
        return self.odd_ids[i] if i in self.odd_ids else id_of(self.rels[i])

    def add_problems(self, i: int, found: list[Problem]) -> None:
        if found:
            self.problems.setdefault(i, []).extend(found)

    def reports(self) -> Iterator[tuple[str, int, FileReport]]:
        """(shown path, row, report) in path order (ties in row order), one report at a time.

        Files come in discovery order, which is path order already; only otherwise are they sorted."""
        n = len(self.paths)
        order: Iterable[int] = range(n)
        prev = ""
        for i in range(n):
            shown = shown_path(self.paths[i])
            if shown < prev:
                order = sorted(range(n), key=lambda j: shown_path(self.paths[j]))
                break
            prev = shown
        for i in order:
            shown = shown_path(self.paths[i])
            yield shown, i, FileReport(shown, _id(self.id(i)), self.problems.get(i, []))


@dataclass(slots=True)
class Outcome:
    """The checked files (columns) and the extra files' reports; reports are made as they are read."""

    rows: Rows
    extras: list[FileReport]

    def __len__(self) -> int:
        return len(self.rows) + len(self.extras)

    def files(self) -> Iterator[FileReport]:
        """Every file's report sorted by path (a stable sort: rows before extras, each in its own order)."""
        n = len(self.rows)
        extras = sorted(((f.path, n + j, f) for j, f in enumerate(self.extras)), key=lambda t: t[0])
        for _, _, f in heapq.merge(self.rows.reports(), extras, key=lambda t: (t[0], t[1])):
            yield f

    def _problems(self) -> Iterator[list[Problem]]:
        yield from self.rows.problems.values()
        yield from (f.problems for f in self.extras)

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for ps in self._problems() for p in ps)

    def with_problems(self) -> int:
        return sum(1 for ps in self._problems() if ps)


def shown_path(path: str | Path) -> str:
    """Relative to the working directory when inside it (what CI annotations need), else absolute."""
    p = os.path.abspath(path)
    cwd = os.getcwd() + os.sep
    return printable(Path(p[len(cwd) :] if p.startswith(cwd) else p).as_posix())


def validate(paths: list[Path] | None, cfg: Config, engine: Engine) -> Outcome:
    raw_root = Path(cfg.raw_dir)
    whole = not paths or all(p.is_dir() and _same(p, raw_root) for p in paths)
    if whole:
        roots = [raw_root] if not paths else list(paths)
        return _whole(roots, cfg, engine)
    return _submission(paths or [], cfg, engine)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


# bodies (UTF-8: a str with one non-Latin-1 char takes 2-4 bytes a char) of the first ~12k articles,
# kept to confirm near-duplicate candidates without re-reading and converting them again
BODY_CACHE_BYTES = 64_000_000


def _check_all(
    refs: Iterable[RawRef], cfg: Config, engine: Engine, bodies: dict[str, bytes]
) -> tuple[Rows, KeyBuilder]:
    """Check every file, streaming its keys into `keys` and keeping only what the report needs.

    Bodies are kept up to a budget so candidate pairs need not be converted again for confirmation.
    """
    out = Rows()
    keys = KeyBuilder(_nbands(cfg), scratch=Path(cfg.cache_dir), names=out.names)
    kept = 0
    for res in engine.map(partial(check_file, cfg=cfg), refs):
        keys.add(res, len(out))
        if res.record is not None and kept < BODY_CACHE_BYTES:
            body = bodies[res.path] = res.record.body.encode()
            kept += len(body)
        out.add(res)
    return out, keys


def _extras(found: list[tuple[Path, Path, Problem]], cfg: Config) -> list[FileReport]:
    reports = []
    for root, path, p in found:
        rel = os.path.relpath(path, root)
        name = path.name
        ident = name[: -len(META_SUFFIX)] if name.endswith(META_SUFFIX) else None
        reports.append(FileReport(shown_path(path), _id(ident), apply_config(printable(rel), [p], cfg)))
    return reports


def _duplicate_ids(rows: Rows, cfg: Config, others: dict[str, str] | None = None) -> None:
    """The same id twice: later files (by path) are reported, naming the first; `others` are old files.

    Ids are compared case-folded: `A.txt` and `a.txt` collide on macOS and Windows checkouts. Only
    files whose id key is shared (or is an old file's) can clash, so only those are compared as text.
    """
    first: dict[str, str] = dict(others or {})
    keys = np.frombuffer(rows.id_keys, np.int64) if len(rows) else np.zeros(0, np.int64)
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    suspect = counts[inverse.reshape(-1)] > 1
    if first:
        suspect |= np.isin(keys, np.array([hash(k) for k in first], np.int64))
    candidates = [int(i) for i in np.flatnonzero(suspect)]
    for i in sorted(candidates, key=lambda j: rows.paths[j]):
        ident = rows.id(i)
        if ident is None:
            continue
        key = ident.casefold()
        if key in first:
            msg = f"id {printable(ident)!r} is also used by {first[key]}"
            rows.add_problems(i, apply_config(rows.rels[i], [problem("R030", msg)], cfg))
        else:
            first[key] = shown_path(rows.paths[i])


def _nbands(cfg: Config) -> int:
    return sketch.lsh_shape(cfg.near_duplicate_threshold)[0]


def duplicates(
    table: KeyTable,
    old: KeyTable | None,
    cfg: Config,
    bodies: dict[str, bytes] | None = None,
    engine: Engine | None = None,
) -> Duplicates:
    """Exact and near duplicates of `table`'s rows (among themselves and against `old`), with clusters.

    `bodies` (path -> UTF-8 body) spares re-reading candidates; others are re-read and re-converted, on
    the engine's workers when there are many.
    """
    from_file = RawText(cfg.max_bytes)
    known = bodies or {}

    def load(path: str) -> str | None:
        body = known.get(path)
        return body.decode() if body is not None else from_file(path)

    return find_duplicates(
        table,
        old,
        threshold=cfg.near_duplicate_threshold,
        shingle_words=cfg.shingle_words,
        load_words=load,
        engine=engine,
        worker_load=from_file,
    )


def _add_duplicates(rows: Rows, dups: Duplicates, cfg: Config, by_rel: bool = True) -> None:
    if not dups.problems:
        return
    for i, (rel, path) in enumerate(zip(rows.rels, rows.paths, strict=True)):
        found = dups.problems.get(rel if by_rel else path)
        if found:
            rows.add_problems(i, apply_config(rel, found, cfg))


def _id(ident: str | None) -> str | None:
    return None if ident is None else printable(ident)


def _whole(roots: list[Path], cfg: Config, engine: Engine) -> Outcome:
    bodies: dict[str, bytes] = {}
    results, keys = _check_all(discover(roots), cfg, engine, bodies)
    _duplicate_ids(results, cfg)
    table = keys.table()
    _add_duplicates(results, duplicates(table, None, cfg, bodies, engine), cfg)
    if len(roots) == 1 and _same(roots[0], Path(cfg.raw_dir)):
        save_index(table, cfg, roots[0].resolve(), results.keyless)
    return Outcome(results, _extras(scan_extras(roots), cfg))


def _split_named(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, Path, Problem]]]:
    """Named sidecars stand for their raw file; a sidecar without one is an orphan; other named files that
    are not .txt are reported (R014), not read as articles."""
    raw: list[Path] = []
    orphans = []
    for p in paths:
        if not p.name.endswith((RAW_SUFFIX, META_SUFFIX)) and os.path.isfile(p) and not os.path.islink(p):
            orphans.append((p.parent, p, not_raw(p)))
        elif p.name.endswith(META_SUFFIX) and not p.is_dir():
            txt = p.with_name(p.name[: -len(META_SUFFIX)] + RAW_SUFFIX)
            if os.path.lexists(txt):
                raw.append(txt)
            else:
                msg = f"sidecar without a raw file ({txt.name} is missing)"
                orphans.append((p.parent, p, problem("R022", msg)))
        else:
            raw.append(p)
    return raw, orphans


def _submission(paths: list[Path], cfg: Config, engine: Engine) -> Outcome:
    raw_paths, orphans = _split_named(paths)
    raw_root = Path(cfg.raw_dir)
    refs = list(discover(raw_paths, default_root=raw_root))
    # The corpus index is refreshed (a walk and stat of every corpus file: seconds at a million) in a
    # thread while the workers check the named files; the ids it needs come from the names, not the checks.
    named_ids = {r.id.casefold() for r in refs}
    with ThreadPoolExecutor(1) as pool:
        refreshed = (
            pool.submit(refresh_index, cfg, raw_root, engine, named_ids) if raw_root.is_dir() else None
        )
        bodies: dict[str, bytes] = {}
        results, keys = _check_all(refs, cfg, engine, bodies)
        extras = _extras(orphans + scan_extras([p for p in raw_paths if p.is_dir()]), cfg)
        found = refreshed.result() if refreshed is not None else None
    old: KeyTable | None = None
    old_ids: dict[str, str] = {}
    if found is not None:
        index, same_id_rels = found
        root = raw_root.resolve()
        parents: dict[Path, Path] = {}  # realpath once per folder, not once per file
        real = (
            parents.setdefault(r.path.parent, Path(os.path.realpath(r.path.parent))) / r.path.name
            for r in refs
        )
        inside = (os.path.relpath(p, root) for p in real if p.is_relative_to(root))
        named = {Path(p).as_posix() for p in inside}  # rels under the root, compared as strings (fast)
        stale = [i for i, rel in enumerate(index.rels) if rel in named] if named else []
        old = index
        if stale:  # the named files' own old versions must not count as "the rest of the corpus"
            old = subset(index, np.setdiff1d(np.arange(len(index)), np.array(stale, np.int64)), root)
        del index
        for rel in same_id_rels:
            key = id_of(rel).casefold()
            if key in named_ids and rel not in named:
                old_ids.setdefault(key, shown_path(root / rel))
    _duplicate_ids(results, cfg, old_ids)
    new = keys.table()
    new.rels = list(new.paths)  # named files from two folders may share a rel; their paths differ
    _add_duplicates(results, duplicates(new, old, cfg, bodies, engine), cfg, by_rel=False)
    return Outcome(results, extras)
