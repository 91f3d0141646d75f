"""convert / validate / build as compositions of the pure stages; an engine is passed in."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from corpus.check.problem import Problem
from corpus.config import Config
from corpus.convert import ConvertError, convert_doc
from corpus.engines import Engine
from corpus.fsio import discover_any, discover_url, is_url, local_path, read_any
from corpus.rawio import DEFAULT_MAX_BYTES, RAW_SUFFIX, RawDoc, RawReadError, RawRef
from corpus.record import Record


@dataclass(slots=True)
class Converted:
    """The outcome for one raw file: a record, or the problems that stopped it; `warnings`: what validate's
    sidecar check found (errors: values left out of the record; warnings: values kept)."""

    path: str
    rel: str
    id: str
    record: Record | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def convert_ref(ref: RawRef, max_bytes: int = DEFAULT_MAX_BYTES) -> Converted:
    """Read and convert one file; bad data becomes a problem, never an exception. A sidecar value that
    validate rejects (R021, R023) is left out and the text's own value used: a warning, not a failure;
    one it warns about (R024) is kept, with the warning."""
    try:
        doc = read_any(ref, max_bytes)  # local files through rawio's rules, URLs through fsspec
        doc, warnings = _checked_sidecar(doc)
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
    return Converted(str(ref.path), ref.rel, ref.id, record, warnings=warnings)


def _checked_sidecar(doc: RawDoc) -> tuple[RawDoc, list[Problem]]:
    """The document without the sidecar values validate's own sidecar check rejects (its errors; a value
    it only warns about stays), and its findings (each naming the sidecar by its path)."""
    from corpus.check.raw import check_meta

    meta, found = check_meta(doc.meta, doc.ref)
    if not found:
        return doc, []
    bad = {p.pointer.lstrip("/") for p in found if p.severity == "error" and p.pointer}
    clean = {k: v for k, v in (meta or {}).items() if k not in bad}
    name, where = doc.ref.meta_path.name, str(doc.ref.meta_path)
    said = [replace(p, message=p.message.replace(name, where, 1)) for p in found]
    return replace(doc, meta=clean), said


def convert_paths(
    paths: Iterable[Path | str],
    engine: Engine,
    *,
    default_root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Converted]:
    refs = discover_any(paths, default_root)
    return engine.map(partial(convert_ref, max_bytes=max_bytes), refs)


# --- build: three passes over streams (see corpus/build/__init__.py) ----------------------------------


class BuildFailed(Exception):
    """Nothing was published: `--strict` and some raw files were rejected, or no article passed at all.

    An empty dataset would not load (`datasets` needs a split with rows), so it never replaces a good one.
    """

    def __init__(self, result: BuildResult) -> None:
        if result.raw_files == 0:
            why = "no raw .txt files found; nothing published"
        elif result.published == 0:
            why = f"all {result.raw_files} raw file(s) rejected; nothing published"
        else:
            why = f"{len(result.rejects)} raw file(s) rejected; nothing published (--strict)"
        super().__init__(why)
        self.result = result


@dataclass(slots=True)
class BuildResult:
    out: Path
    raw_files: int
    published: int
    rejects: list[dict[str, Any]]
    per_split: dict[str, int]
    cache_hits: int
    clusters: int
    warnings: int
    files: list[str]
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path, "CODE message"): not raw files

    @property
    def rejected(self) -> int:
        return len(self.rejects)


Progress = Callable[[str, int, int | None], None]


def _no_progress(stage: str, done: int, total: int | None) -> None:
    pass


def build(
    paths: Iterable[Path | str],
    engine: Engine,
    cfg: Config,
    *,
    out: Path,
    cache_dir: Path,
    strict: bool = False,
    default_root: Path | None = None,
    progress: Progress = _no_progress,
) -> BuildResult:
    """Convert, check and publish `paths` into `out`, atomically; see corpus/build for the passes.

    `engine.map` gets one item per batch of `cfg.batch_size` raw files (give it an engine batch size of 1).
    """
    from corpus.build.cache import PriorIndex, locked
    from corpus.build.checking import fingerprint, nbands
    from corpus.build.keys import KeyCollector, for_plan, save_dedup_index
    from corpus.build.plan import plan_build
    from corpus.build.scan import BatchJob, ScanContext, scan_batch
    from corpus.heap import give_back
    from corpus.publish.arrow import schema_with_hf_metadata
    from corpus.publish.parquet import write_shard
    from corpus.publish.swap import check_local_output, staged

    paths = list(paths)
    check_local_output(Path(os.path.abspath(out)))  # refuse now, not after an hour of converting
    cache = str(cache_dir)
    ctx = ScanContext(cache, cfg, fingerprint(cfg))
    ignored: list[tuple[str, str]] = []
    total = _count_raw(paths, ignored)

    with locked(cache):
        # pass 1: per batch of files, in parallel; only small keys come back
        prior = PriorIndex.load(cache)
        jobs = (
            BatchJob(batch, prior.lookup([r.rel for r in batch]))
            for batch in _batched(discover_any(paths, default_root), cfg.batch_size)
        )
        collector = KeyCollector(cache, nbands(cfg))
        done = 0
        progress("convert + check", 0, total)
        try:
            for res in engine.map(partial(scan_batch, ctx=ctx), jobs):
                collector.add(res)
                done += res.keys.num_rows
                progress("convert + check", done, total)
        except BaseException:
            collector.abort()
            raise
        del prior
        engine.recycle()  # pass 1's workers (converter caches, heaps) go; pass 2 or 3 start fresh ones
        keys = collector.finish()  # also swaps in the new cache index
        root = _raw_root(paths, cfg)
        if root is not None:  # the corpus is the configured raw folder: leave validate's index too
            save_dedup_index(keys, cfg, cache, root)
        keys = for_plan(keys)
        give_back()  # pass 1's freed batches and the index's scratch: not kept under pass 2's peak

        # pass 2: global reductions over the keys
        plan = plan_build(keys, cfg, cache, engine)
        del keys
        engine.recycle()
        give_back()  # pass 2's columns are freed: let pass 3's workers have the pages
        result = BuildResult(
            out=out,
            raw_files=plan.raw_files,
            published=plan.published,
            rejects=plan.rejects,
            per_split={s: plan.stats.per_split.get(s, 0) for s in cfg.splits},
            cache_hits=plan.cache_hits,
            clusters=len(plan.clusters),
            warnings=plan.warnings,
            files=[],
            ignored=ignored,
        )
        if (strict and plan.rejects) or not plan.published:
            raise BuildFailed(result)

        # pass 3: stream records into shards, then the metadata files; swapped in only when all is written.
        # The driver is nearly idle while the workers write the shards: a side thread imports the publishing
        # libraries (matplotlib, mlcroissant: ~1 s of CPU) and writes the plan's files meanwhile. Not in
        # pass 1: they would sit in the driver (~87 MB) under pass 2's peak. (Workers are spawned, fork and
        # exec at once, so a thread importing meanwhile is harmless.)
        with staged(out) as tmp, ThreadPoolExecutor(1, thread_name_prefix="corpus-publish") as side:
            written = []
            progress("write parquet", 0, plan.published)
            done = 0
            write = partial(write_shard, cache_dir=cache, out_dir=str(tmp), schema=schema_with_hf_metadata())
            early = side.submit(_publish_plan_files, tmp, cfg, plan)
            try:
                for w in engine.map(write, plan.shards):
                    written.append(w)
                    done += w.rows
                    progress("write parquet", done, plan.published)
            finally:
                wait([early])  # never leave (or delete) the folder while the side thread writes into it
            early.result()
            engine.recycle()  # the card's imports (datasets, mlcroissant) need not sit beside idle workers
            _publish_metadata(tmp, cfg, plan, written, cache)
            result.files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
    return result


def _raw_root(paths: list[Path | str], cfg: Config) -> Path | None:
    """The one local folder built, when it is the configured raw_dir (validate's index is of that folder)."""
    if len(paths) != 1 or is_url(paths[0]):
        return None
    p = local_path(paths[0])
    try:
        same = p.is_dir() and p.resolve() == Path(cfg.raw_dir).resolve()
    except OSError:
        return None
    return p if same else None


def _count_raw(paths: list[Path | str], ignored: list[tuple[str, str]] | None = None) -> int:
    """How many raw files discover() will yield, for the progress bar (cheap: no Path objects).

    The same walk collects into `ignored` what the build does not read but should not pass over in silence:
    files that are not .txt (R014) and sidecars without their .txt (R022), as (path, message).
    """
    n = 0
    for given in paths:
        if is_url(given):
            n += sum(1 for _ in discover_url(os.fspath(given)))
            continue
        p = local_path(given)
        if p.is_dir() and not p.is_symlink():
            for folder, _, files in os.walk(p):
                raws = sum(f.endswith(RAW_SUFFIX) for f in files)
                n += raws
                if ignored is not None and raws != len(files):  # sidecars or other files in this folder
                    ignored += _not_read(folder, files, os.path.relpath(folder, p))
        else:
            n += 1
    return n


def _not_read(folder: str, files: list[str], rel: str) -> list[tuple[str, str]]:
    from corpus.check.raw import is_hidden_folder, is_other_file, not_raw
    from corpus.rawio import META_SUFFIX

    hidden = is_hidden_folder(rel)
    names = set(files)
    out = []
    for name in files:
        path = os.path.join(folder, name)
        if name.endswith(META_SUFFIX) and name[: -len(META_SUFFIX)] + RAW_SUFFIX not in names:
            out.append(
                (
                    path,
                    f"R022 sidecar without a raw file ({name[: -len(META_SUFFIX)]}{RAW_SUFFIX} is missing)",
                )
            )
        elif not hidden and is_other_file(name):
            out.append((path, f"R014 {not_raw(Path(name)).message}"))
    return sorted(out)


def _batched(items: Iterable[RawRef], size: int) -> Iterator[list[RawRef]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _publish_plan_files(tmp: Path, cfg: Config, plan: Any) -> None:
    """The files that need only the plan (rejects, histogram), written while shards are; and mlcroissant
    imported meanwhile (~0.5 s of CPU) for croissant.json, which waits for the shards' dates."""
    import mlcroissant  # noqa: F401
    import orjson

    from corpus.publish.histogram import write_histogram

    with (tmp / "rejects.jsonl").open("wb") as fh:
        for r in plan.rejects:
            fh.write(orjson.dumps(r) + b"\n")
    write_histogram(plan.stats, tmp / "body_lengths.png")


def _publish_metadata(tmp: Path, cfg: Config, plan: Any, written: list[Any], cache_dir: str) -> None:
    """croissant.json, the card and the manifest, after every shard and _publish_plan_files (the manifest
    lists them all; the shards tell the newest article's date)."""
    import orjson

    from corpus import __version__
    from corpus.build.cache import SpillReader
    from corpus.publish.card import BuildFacts, CardMeta, render_card
    from corpus.publish.croissant import croissant, newest_date
    from corpus.publish.manifest import MANIFEST, manifest

    name = cfg.pretty_name or "News articles"
    dated = cfg.date_published or newest_date(written)
    doc = croissant(
        name=name,
        description=cfg.description or f"{name}: news articles converted and validated by corpus.",
        license=cfg.license or "other",
        url=cfg.url,
        version=__version__,
        cite_as=f"{name} (corpus {__version__})",
        date_published=dated,
    )
    (tmp / "croissant.json").write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    first = next((s for s in plan.shards if s.rows), None)
    example = None
    if first:
        with SpillReader(cache_dir) as spills:
            example = orjson.loads(spills.read(next(first.locs())))["record"]
    meta = CardMeta(
        pretty_name=cfg.pretty_name or "News articles",
        license=cfg.license or "other",
        license_name=cfg.license_name,
        license_link=cfg.license_link,
        languages=sorted(cfg.languages or {k for k in plan.stats.per_language if k != "unknown"}),
        tags=cfg.tags,
        task_categories=cfg.task_categories,
        description=cfg.description,
        load_path=cfg.hub_repo or cfg.out_dir,  # not the --out path: output must not depend on it
    )
    facts = BuildFacts(
        shards=written,
        stats=plan.stats,
        ratios=dict(cfg.splits),
        raw_files=plan.raw_files,
        rejected=len(plan.rejects),
        clusters=len(plan.clusters),
        example=example,
        date_published=dated,
        date_configured=cfg.date_published is not None,
    )
    download_size = sum((tmp / w.name).stat().st_size for w in written)
    (tmp / "README.md").write_text(render_card(meta, facts, download_size), encoding="utf-8")
    counts = {
        "raw_files": plan.raw_files,
        "published": plan.published,
        "rejected": len(plan.rejects),
        "per_split": {s: plan.stats.per_split.get(s, 0) for s in cfg.splits},
    }
    (tmp / MANIFEST).write_bytes(
        orjson.dumps(manifest(tmp, counts), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    )
