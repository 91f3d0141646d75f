"""`corpus validate` as a composition: per-file checks on an engine, then the corpus-wide checks.

Whole-corpus mode judges every file under the raw root. Submission mode (files named) judges only
those files, against the rest of the corpus through the persisted index: duplicates of existing
articles and id clashes are reported, old files' own problems are not.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from corpus.check import sketch
from corpus.check.dedup import Duplicates, KeyBuilder, KeyTable, find_duplicates, id_of
from corpus.check.index import refresh_index, save_index, subset
from corpus.check.problem import Problem
from corpus.check.raw import scan_extras
from corpus.check.rules import apply_config, problem
from corpus.check.run import FileResult, check_file, printable, words_from_file
from corpus.config import Config
from corpus.engines import Engine
from corpus.rawio import META_SUFFIX, RAW_SUFFIX, RawRef, discover


@dataclass(slots=True)
class FileReport:
    path: str
    id: str | None
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    files: list[FileReport]

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for f in self.files for p in f.problems)


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
    refs: Iterable[RawRef], cfg: Config, engine: Engine, keys: KeyBuilder, bodies: dict[str, bytes]
) -> list[FileResult]:
    """Check every file, streaming its keys into `keys` and keeping only what the report needs.

    Bodies are kept up to a budget so candidate pairs need not be converted again for confirmation.
    """
    out = []
    kept = 0
    for res in engine.map(partial(check_file, cfg=cfg), refs):
        keys.add(res)
        if res.record is not None and kept < BODY_CACHE_BYTES:
            body = bodies[res.path] = res.record.body.encode()
            kept += len(body)
        res.record, res.bands = None, None
        out.append(res)
    return out


def _extras(found: list[tuple[Path, Path, Problem]], cfg: Config) -> list[FileReport]:
    reports = []
    for root, path, p in found:
        rel = os.path.relpath(path, root)
        name = path.name
        ident = name[: -len(META_SUFFIX)] if name.endswith(META_SUFFIX) else None
        reports.append(FileReport(shown_path(path), _id(ident), apply_config(printable(rel), [p], cfg)))
    return reports


def _duplicate_ids(results: list[FileResult], cfg: Config, others: dict[str, str] | None = None) -> None:
    """The same id twice: later files (by path) are reported, naming the first; `others` are old files.

    Ids are compared case-folded: `A.txt` and `a.txt` collide on macOS and Windows checkouts.
    """
    first: dict[str, str] = dict(others or {})
    for res in sorted(results, key=lambda r: r.path):
        if res.id is None:
            continue
        key = res.id.casefold()
        if key in first:
            msg = f"id {printable(res.id)!r} is also used by {first[key]}"
            res.problems += apply_config(res.rel, [problem("R030", msg)], cfg)
        else:
            first[key] = shown_path(res.path)


def _nbands(cfg: Config) -> int:
    return sketch.lsh_shape(cfg.near_duplicate_threshold)[0]


def duplicates(
    table: KeyTable, old: KeyTable | None, cfg: Config, bodies: dict[str, bytes] | None = None
) -> Duplicates:
    """Exact and near duplicates of `table`'s rows (among themselves and against `old`), with clusters.

    `bodies` (path -> UTF-8 body) spares re-reading candidates; others are re-read and re-converted.
    """
    from_file = words_from_file(cfg.max_bytes)
    known = bodies or {}

    def load_words(path: str) -> list[str] | None:
        body = known.get(path)
        return sketch.words(body.decode()) if body is not None else from_file(path)

    return find_duplicates(
        table,
        old,
        threshold=cfg.near_duplicate_threshold,
        shingle_words=cfg.shingle_words,
        load_words=load_words,
    )


def _add_duplicates(results: list[FileResult], dups: Duplicates, cfg: Config, by_rel: bool = True) -> None:
    for res in results:
        found = dups.problems.get(res.rel if by_rel else res.path)
        if found:
            res.problems += apply_config(res.rel, found, cfg)


def _id(ident: str | None) -> str | None:
    return None if ident is None else printable(ident)


def _reports(results: list[FileResult], extras: list[FileReport]) -> Outcome:
    files = [FileReport(shown_path(r.path), _id(r.id), r.problems) for r in results] + extras
    return Outcome(sorted(files, key=lambda f: f.path))


def _whole(roots: list[Path], cfg: Config, engine: Engine) -> Outcome:
    bodies: dict[str, bytes] = {}
    keys = KeyBuilder(_nbands(cfg))
    results = _check_all(discover(roots), cfg, engine, keys, bodies)
    _duplicate_ids(results, cfg)
    table = keys.table()
    _add_duplicates(results, duplicates(table, None, cfg, bodies), cfg)
    if len(roots) == 1 and _same(roots[0], Path(cfg.raw_dir)):
        keyless = {r.rel: [r.size, r.mtime_ns] for r in results if r.body_hash is None}
        save_index(table, cfg, roots[0].resolve(), keyless)
    return _reports(results, _extras(scan_extras(roots), cfg))


def _split_named(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, Path, Problem]]]:
    """Named sidecars stand for their raw file; a sidecar without one is an orphan."""
    raw: list[Path] = []
    orphans = []
    for p in paths:
        if p.name.endswith(META_SUFFIX) and not p.is_dir():
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
    bodies: dict[str, bytes] = {}
    keys = KeyBuilder(_nbands(cfg))
    results = _check_all(refs, cfg, engine, keys, bodies)
    extras = _extras(orphans + scan_extras([p for p in raw_paths if p.is_dir()]), cfg)
    old: KeyTable | None = None
    old_ids: dict[str, str] = {}
    if raw_root.is_dir():
        index, all_rels = refresh_index(cfg, raw_root, engine)
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
        named_ids = {r.id.casefold() for r in results if r.id is not None}
        for rel in all_rels:
            key = id_of(rel).casefold()
            if key in named_ids and rel not in named:
                old_ids.setdefault(key, shown_path(root / rel))
    _duplicate_ids(results, cfg, old_ids)
    new = keys.table()
    new.rels = list(new.paths)  # named files from two folders may share a rel; their paths differ
    _add_duplicates(results, duplicates(new, old, cfg, bodies), cfg, by_rel=False)
    return _reports(results, extras)
