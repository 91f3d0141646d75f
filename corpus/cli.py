"""The `corpus` command: parses options, picks an engine, calls the pipeline. Nothing else."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import orjson
import typer

from corpus import __version__
from corpus.config import Config, ConfigError, load_config
from corpus.engines import local_engine

app = typer.Typer(
    help="Turn scraped news-article text into a clean, validated, published dataset.\n\n"
    "Exit codes: 0 ok; 1 the data has errors (files rejected, problems found); 2 usage or configuration error. "
    "`corpus COMMAND --help` shows a command's options and examples.\n\n"
    "Configuration: \\[tool.corpus] in pyproject.toml, or corpus.toml, in the current folder or the nearest "
    "parent folder that has one (the search stops at a folder holding .git); raw_dir, out_dir and cache_dir "
    "in it are relative to that file's folder. A file found above the current folder is named on stderr.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Raw .txt files or folders (default: the configured raw folder, raw/).", show_default=False
    ),
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", "-w", help="Worker processes (default: all cores).", min=1)
]
ConvertWorkersOpt = Annotated[int, typer.Option("--workers", "-w", help="Worker processes.", min=1)]


def _config() -> Config:
    try:
        cfg = load_config()
    except ConfigError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if cfg.source and Path(cfg.source).absolute().parent != Path.cwd().absolute():
        # found in a parent folder: say so, with the raw folder it points at
        where = os.path.relpath(cfg.source)
        typer.echo(f"config: {where} (raw_dir {cfg.raw_dir}, out_dir {cfg.out_dir})", err=True)
    return cfg


def _paths(paths: list[Path] | None, cfg: Config) -> list[Path]:
    chosen = paths or [Path(cfg.raw_dir)]
    for p in chosen:
        if not p.exists() and not p.is_symlink():
            typer.echo(f"error: {p}: no such file or folder; pass raw .txt files or folders", err=True)
            raise typer.Exit(2)
        _not_a_linked_folder(p)
    return chosen


def _not_a_linked_folder(p: Path) -> None:
    """A raw folder that is a symbolic link (data kept on another disk): links are never followed, so say
    which real path to give instead of reporting the whole corpus as one refused file."""
    if p.is_symlink() and p.is_dir():
        real = os.path.realpath(p)
        typer.echo(
            f"error: {p}: is a symbolic link to the folder {real}; links are never followed: "
            f'pass {real}, or set [tool.corpus] raw_dir = "{real}"',
            err=True,
        )
        raise typer.Exit(2)


SourcesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Raw .txt files or folders, local or fsspec URLs such as s3://bucket/raw (default: raw/).",
        show_default=False,
    ),
]


def _sources(paths: list[str] | None, cfg: Config) -> list[Path | str]:
    """URLs as given (fsspec reads them); local paths checked like every other command's."""
    from corpus.fsio import is_url

    local = [Path(p) for p in paths or [] if not is_url(p)]
    if local or not paths:
        _paths(local, cfg)
    return [p if is_url(p) else Path(p) for p in paths] if paths else [Path(cfg.raw_dir)]


def _version(value: bool) -> None:
    """First line `corpus X.Y.Z` (what scripts parse); the second says which converter build is installed."""
    if value:
        from corpus.native import converter_build

        typer.echo(f"corpus {__version__}\nconverter: {converter_build()}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    pass


@app.command()
def convert(
    paths: SourcesArg = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSON Lines file to write (default: stdout).")
    ] = None,
    workers: ConvertWorkersOpt = 1,
) -> None:
    """Convert raw article text into records (JSON Lines), one per raw .txt file.

    A file that cannot be converted gets a one-line error on stderr and the rest still convert; the exit code is then 1 (2: a path that does not exist, a bad option or configuration). A sidecar value that `corpus validate` rejects (R021 unknown key, R023 bad value: an impossible or non-ISO date, a language that is not two letters, control characters) is left out of the record with a one-line warning naming the sidecar and the key; the text's own value is used and the exit code stays 0. A two-letter language that is no ISO 639-1 code (R024, e.g. 'jp') is kept, with a warning.

    Examples:

      corpus convert raw/ -o records.jsonl
      corpus convert raw/new1.txt            # one record on stdout
    """
    from corpus.pipeline import convert_paths

    cfg = _config()
    chosen = _sources(paths, cfg)
    engine = local_engine(workers, cfg.batch_size)
    failed = 0
    try:
        out = output.open("wb") if output else sys.stdout.buffer
    except OSError as e:
        typer.echo(f"error: {output}: {e.strerror}; choose another --output", err=True)
        raise typer.Exit(2) from None
    try:
        for c in convert_paths(chosen, engine, default_root=Path(cfg.raw_dir), max_bytes=cfg.max_bytes):
            if c.record is None:
                failed += 1
                for p in c.problems:
                    typer.echo(f"error: {p.message}" + (f" ({p.hint})" if p.hint else ""), err=True)
                continue
            for p in c.warnings:
                done = "left out of the record" if p.severity == "error" else "kept"
                typer.echo(f"warning: {p.message}; {done} (corpus validate: {p.code})", err=True)
            out.write(orjson.dumps(c.record.to_dict()) + b"\n")
    finally:
        engine.close()
        if output:
            out.close()
        else:
            out.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="One raw .txt file.", show_default=False)],
) -> None:
    """Show every line of a raw file with the class it got and the rule or evidence behind it.

    Exit 1 when the file cannot be read or converted (the reason on stderr), 2 for a path that is missing, a folder or not a .txt file.

    Example:

      corpus explain raw/new1.txt
    """
    from rich.console import Console
    from rich.table import Table

    from corpus.convert import ConvertError, explain_bytes
    from corpus.rawio import RawReadError, discover, read_bytes_limited

    cfg = _config()
    _paths([file], cfg)
    if (file.is_dir() and not file.is_symlink()) or not file.name.endswith(".txt"):
        what = "is a folder" if file.is_dir() else "is not a .txt file"
        typer.echo(f"error: {file}: {what}; give one raw .txt file", err=True)
        raise typer.Exit(2)
    ref = next(discover([file], Path(cfg.raw_dir)))
    try:
        decisions = explain_bytes(read_bytes_limited(ref.path, ref.root, cfg.max_bytes))
    except (RawReadError, ConvertError) as e:
        reason = str(e).removeprefix(f"{ref.path}: ")  # rawio names the absolute path; the user's is enough
        typer.echo(f"error: {file}: {reason}", err=True)
        raise typer.Exit(1) from None
    table = Table("line", "class", "rule / evidence", "features", "text", box=None, pad_edge=False)
    for d in decisions:
        if d.text:
            feats = d.features.short() if d.features is not None else ""
            table.add_row(str(d.index + 1), d.label, d.rule, feats, d.text[:80])
    Console(width=200).print(table)


# --- validate (issue 3) -------------------------------------------------------------------------------


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: PathsArg = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text, json or github.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since", metavar="REF", help="Judge the raw files git says changed since REF."
        ),
    ] = None,
    workers: WorkersOpt = None,
    rules: Annotated[
        bool, typer.Option("--rules", help="List every check's code, severity and hint.")
    ] = False,
) -> None:
    """Check raw files and their records: raw-file, schema, content and duplicate checks.

    With no PATHS the whole raw folder is checked. Named files are judged against the rest of the corpus (submission mode). Exit 0: no errors; 1: errors (or warnings with --strict); 2: usage or configuration error.

    Examples:

      corpus validate                                   # the whole raw/ folder
      corpus validate raw/new1.txt raw/new2.txt         # submission mode
      corpus validate --changed-since origin/main --format github
      corpus validate --format json --strict
      corpus validate --rules                           # every check and its hint
    """
    from corpus.check import changed, report
    from corpus.check.rules import check_config
    from corpus.check.rules import rules as rule_table
    from corpus.check.validate import validate as run_validate

    if rules:
        for r in rule_table().values():
            typer.echo(f"{r.code}  {r.name:<24} {r.severity:<8} {r.hint}")
        raise typer.Exit(0)
    cfg = _config()
    try:
        check_config(cfg)
    except ConfigError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if changed_since is not None:
        if paths:
            typer.echo("error: give either PATHS or --changed-since, not both", err=True)
            raise typer.Exit(2)
        try:
            named = changed.changed_files(changed_since, Path(cfg.raw_dir))
        except changed.GitError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
        if not named:
            typer.echo(f"no raw files changed since {changed_since}", err=True)
            raise typer.Exit(0)
        chosen = named
    else:
        chosen = _paths(paths, cfg) if paths else []
        if not paths:
            _not_a_linked_folder(Path(cfg.raw_dir))
        if not paths and not Path(cfg.raw_dir).is_dir():
            typer.echo(
                f"error: {cfg.raw_dir}: raw folder not found; pass paths or set [tool.corpus] raw_dir",
                err=True,
            )
            raise typer.Exit(2)
    engine = local_engine(workers, cfg.batch_size)
    try:
        outcome = run_validate(chosen or None, cfg, engine)
    finally:
        engine.close()
    if format is Format.json:
        sys.stdout.buffer.writelines(report.json_chunks(outcome, strict))
        sys.stdout.flush()
    elif format is Format.github:
        report.to_github(outcome, sys.stdout, strict)
    else:
        from rich.console import Console

        report.to_text(outcome, Console(), strict)
    raise typer.Exit(0 if report.is_valid(outcome, strict) else 1)


# --- build and push (issue 4) ------------------------------------------------------------------------


OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="The built folder to upload (default: the configured out_dir, dist/)."),
]
BuildOutOpt = Annotated[
    str | None,
    typer.Option("--out", "-o", help="Output folder or fsspec URL (default: the configured out_dir, dist/)."),
]
EngineOpt = Annotated[
    str,
    typer.Option("--engine", help="local (process pool, --workers) or dask (a Dask distributed cluster)."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a local cluster of --workers).",
    ),
]


@app.command()
def build(
    paths: SourcesArg = None,
    out: BuildOutOpt = None,
    workers: WorkersOpt = None,
    engine_kind: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1, publish nothing) if any raw file is rejected.")
    ] = False,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Incremental cache (default: .corpus-cache).")
    ] = None,
) -> None:
    """Convert, check and publish Parquet shards and a Hugging Face dataset folder.

    Rejected raw files are listed with reasons in OUT/rejects.jsonl and the rest is published (exit 1); the previous OUT stays intact until the new one is complete. OUT must be new, empty or a previous build's folder: a build replaces it whole. Exit 0: all published; 1: some or all rejected; 2: usage or configuration error.

    Examples:

      corpus build                                      # raw/ -> dist/
      corpus build raw/ --out dist --workers 2 --strict
    """
    from corpus.build.cache import CacheBusy
    from corpus.cli_progress import progress_reporter
    from corpus.engines import EngineError, make_engine
    from corpus.fsio import output_dir
    from corpus.pipeline import BuildFailed
    from corpus.pipeline import build as run_build
    from corpus.publish.swap import OutputRefused

    cfg = _config()
    chosen = _sources(paths, cfg)
    target = out or cfg.out_dir
    try:  # build maps whole batches of files, one per task: engine batch size 1
        engine = make_engine(engine_kind, workers=workers, batch_size=1, scheduler=scheduler)
    except EngineError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    try:
        with progress_reporter() as progress, output_dir(target) as local_out:
            result = run_build(
                chosen,
                engine,
                cfg,
                out=local_out,
                cache_dir=cache_dir or Path(cfg.cache_dir),
                strict=strict,
                default_root=Path(cfg.raw_dir),
                progress=progress,
            )
    except BuildFailed as e:
        _print_rejects(e.result.rejects, _one_folder(chosen))
        _print_ignored(e.result.ignored)
        typer.echo(f"error: {e}; {target} left unchanged", err=True)
        raise typer.Exit(1) from None
    except (OutputRefused, CacheBusy) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    except OSError as e:  # raw files' own errors are problems in the report: this is --out or the cache
        where = f"{e.filename}: " if e.filename else ""
        typer.echo(f"error: {where}{e.strerror or e}; check --out and --cache-dir", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.close()
    _print_rejects(result.rejects, _one_folder(chosen))
    _print_ignored(result.ignored)
    splits = ", ".join(f"{k} {v}" for k, v in result.per_split.items())
    shown = "named above" if len(result.ignored) <= 20 else "the first 20 named above"
    others = f"; {len(result.ignored)} other file(s) not read ({shown})" if result.ignored else ""
    typer.echo(
        f"{result.raw_files} raw file{'' if result.raw_files == 1 else 's'} = {result.published} published ({splits}) + {result.rejected} rejected; "
        f"{result.clusters} near-duplicate clusters; {result.cache_hits} from cache; wrote {target}{others}"
    )
    raise typer.Exit(1 if result.rejected or not result.published else 0)


def _print_ignored(ignored: list[tuple[str, str]], shown: int = 20) -> None:
    """Files in the raw folder the build did not read (R014, R022), so none vanishes without a word."""
    for path, why in ignored[:shown]:
        typer.echo(f"ignored: {path}: {why}", err=True)


def _one_folder(chosen: list[Path | str]) -> str | None:
    """The raw folder, as given, when the build read exactly one local folder (rejects' paths are under it)."""
    if len(chosen) == 1 and isinstance(chosen[0], Path) and chosen[0].is_dir():
        return str(chosen[0])
    return None


def _print_rejects(rejects: list[dict[str, object]], root: str | None = None, shown: int = 20) -> None:
    """The first rejected files with their reasons and what to do, one line each, the path as the user gave
    the folder (`root`, when one folder was built); all of them are in OUT/rejects.jsonl."""
    for r in rejects[:shown]:
        problems = r["problems"]
        assert isinstance(problems, list)
        reasons = "; ".join(f"{p['code']} {p['message']}" for p in problems)
        hints = "; ".join(dict.fromkeys(str(p["hint"]) for p in problems if p.get("hint")))
        path = os.path.join(root, str(r["file"])) if root is not None else r["file"]
        typer.echo(f"rejected: {path}: {reasons}" + (f" (hint: {hints})" if hints else ""), err=True)
    if len(rejects) > shown:
        typer.echo(f"rejected: ... and {len(rejects) - shown} more, listed in rejects.jsonl", err=True)


@app.command()
def push(
    repo: Annotated[
        str, typer.Option("--repo", help="Hub dataset repository, ORG/NAME.", show_default=False)
    ],
    out: OutOpt = None,
    private: Annotated[bool, typer.Option("--private", help="Create the repository as private.")] = False,
) -> None:
    """Upload a built folder to the Hugging Face Hub (token: HF_TOKEN or `hf auth login`).

    Exit 2 for a folder that is not a build, a malformed --repo or no token; 1 when the upload fails.

    Examples:

      corpus push --repo my-org/news
      corpus push --repo my-org/news --out dist --private
    """
    from corpus.publish.hub import PushError, card_loads
    from corpus.publish.hub import push as run_push

    cfg = _config()
    folder = out or Path(cfg.out_dir)
    try:
        url = run_push(folder, repo, private=private)
    except PushError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2 if e.usage else 1) from None
    typer.echo(f"pushed {folder} to {repo}: {url}")
    if not card_loads(folder, repo):
        typer.echo(
            f'note: the card\'s load example does not name {repo}; set [tool.corpus] hub_repo = "{repo}", '
            "run `corpus build` and push again",
            err=True,
        )


# --- end of commands ---------------------------------------------------------------------------------


def main() -> None:
    app()
