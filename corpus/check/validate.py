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
from corpus.check.dedup import KeyTable, find_duplicates, id_of
from corpus.check.index import refresh_index, save_index, subset
from corpus.check.problem import Problem
from corpus.check.raw import scan_extras
from corpus.check.rules import apply_config, problem
from corpus.check.run import FileResult, check_file, words_from_file
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
    rel = os.path.relpath(path)
    return Path(path).as_posix() if rel.startswith("..") else Path(rel).as_posix()


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


def _check_all(refs: Iterable[RawRef], cfg: Config, engine: Engine) -> list[FileResult]:
    out = []
    for res in engine.map(partial(check_file, cfg=cfg), refs):
        res.record = None  # the report needs problems and keys only; keeps memory flat
        out.append(res)
    return out


def _extras(found: list[tuple[Path, Path, Problem]], cfg: Config) -> list[FileReport]:
    reports = []
    for root, path, p in found:
        rel = os.path.relpath(path, root)
        name = path.name
        ident = name[: -len(META_SUFFIX)] if name.endswith(META_SUFFIX) else None
        reports.append(FileReport(shown_path(path), ident, apply_config(rel, [p], cfg)))
    return reports


def _duplicate_ids(results: list[FileResult], cfg: Config, others: dict[str, str] | None = None) -> None:
    """The same id twice: later files (by path) are reported, naming the first; `others` are old files."""
    first: dict[str, str] = dict(others or {})
    for res in sorted(results, key=lambda r: r.path):
        if res.id is None:
            continue
        if res.id in first:
            msg = f"id {res.id!r} is also used by {first[res.id]}"
            res.problems += apply_config(res.rel, [problem("R030", msg)], cfg)
        else:
            first[res.id] = shown_path(res.path)


def _nbands(cfg: Config) -> int:
    return sketch.lsh_shape(cfg.near_duplicate_threshold)[0]


def _add_duplicates(results: list[FileResult], old: KeyTable | None, cfg: Config) -> None:
    table = KeyTable.from_results(results, _nbands(cfg))
    dups = find_duplicates(
        table,
        old,
        threshold=cfg.near_duplicate_threshold,
        shingle_words=cfg.shingle_words,
        load_words=words_from_file(cfg.max_bytes),
    )
    for res in results:
        found = dups.problems.get(res.rel)
        if found:
            res.problems += apply_config(res.rel, found, cfg)


def _reports(results: list[FileResult], extras: list[FileReport]) -> Outcome:
    files = [FileReport(shown_path(r.path), r.id, r.problems) for r in results] + extras
    return Outcome(sorted(files, key=lambda f: f.path))


def _whole(roots: list[Path], cfg: Config, engine: Engine) -> Outcome:
    results = _check_all(discover(roots), cfg, engine)
    _duplicate_ids(results, cfg)
    _add_duplicates(results, None, cfg)
    if len(roots) == 1 and _same(roots[0], Path(cfg.raw_dir)):
        root = roots[0].resolve()
        table = KeyTable.from_results(results, _nbands(cfg))
        save_index(
            KeyTable(table.rels, table.paths, table.body_hash, table.bands, table.size, table.mtime_ns),
            cfg,
            root,
        )
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
    results = _check_all(refs, cfg, engine)
    extras = _extras(orphans + scan_extras([p for p in raw_paths if p.is_dir()]), cfg)
    old: KeyTable | None = None
    old_ids: dict[str, str] = {}
    if raw_root.is_dir():
        index, all_rels = refresh_index(cfg, raw_root, engine)
        root = raw_root.resolve()
        named = {os.path.abspath(r.path) for r in refs}
        keep = [i for i, rel in enumerate(index.rels) if os.path.abspath(root / rel) not in named]
        old = subset(index, np.array(keep, np.int64), root)
        named_ids = {r.id for r in results}
        for rel in all_rels:
            if id_of(rel) in named_ids and os.path.abspath(root / rel) not in named:
                old_ids.setdefault(id_of(rel), shown_path(root / rel))
    _duplicate_ids(results, cfg, old_ids)
    _add_duplicates(results, old, cfg)
    return _reports(results, extras)
