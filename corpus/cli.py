"""The `corpus` command: parses options, picks an engine, calls the pipeline. Nothing else."""

from __future__ import annotations

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
    help="Turn scraped news-article text into a clean, validated, published dataset.",
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


def _config() -> Config:
    try:
        return load_config()
    except ConfigError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None


def _paths(paths: list[Path] | None, cfg: Config) -> list[Path]:
    chosen = paths or [Path(cfg.raw_dir)]
    for p in chosen:
        if not p.exists() and not p.is_symlink():
            typer.echo(f"error: {p}: no such file or folder; pass raw .txt files or folders", err=True)
            raise typer.Exit(2)
    return chosen


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corpus {__version__}")
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
    paths: PathsArg = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSON Lines file to write (default: stdout).")
    ] = None,
    workers: WorkersOpt = 1,
) -> None:
    """Convert raw article text into records (JSON Lines), one per raw .txt file.

    A file that cannot be converted gets a one-line error on stderr and the rest still convert;
    the exit code is then 1.
    """
    from corpus.pipeline import convert_paths

    cfg = _config()
    chosen = _paths(paths, cfg)
    engine = local_engine(workers, cfg.batch_size)
    failed = 0
    out = output.open("wb") if output else sys.stdout.buffer
    try:
        for c in convert_paths(chosen, engine, default_root=Path(cfg.raw_dir), max_bytes=cfg.max_bytes):
            if c.record is None:
                failed += 1
                for p in c.problems:
                    typer.echo(f"error: {p.message}" + (f" ({p.hint})" if p.hint else ""), err=True)
                continue
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
    """Show every line of a raw file with the class it got and the rule or evidence behind it."""
    from rich.console import Console
    from rich.table import Table

    from corpus.convert import ConvertError, explain_bytes
    from corpus.rawio import RawReadError, discover, read_bytes_limited

    cfg = _config()
    ref = next(discover(_paths([file], cfg)))
    try:
        decisions = explain_bytes(read_bytes_limited(ref.path, ref.root, cfg.max_bytes))
    except (RawReadError, ConvertError) as e:
        typer.echo(f"error: {file}: {e}", err=True)
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

    With no PATHS the whole raw folder is checked. Named files are judged against the rest of the
    corpus (submission mode). Exit 0: no errors; 1: errors (or warnings with --strict); 2: usage error.
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
        sys.stdout.buffer.write(report.to_json(outcome, strict))
        sys.stdout.flush()
    elif format is Format.github:
        report.to_github(outcome, sys.stdout, strict)
    else:
        from rich.console import Console

        report.to_text(outcome, Console(), strict)
    raise typer.Exit(0 if report.is_valid(outcome, strict) else 1)


# --- build and push (issue 4) ------------------------------------------------------------------------


@app.command()
def build(paths: PathsArg = None) -> None:
    """Convert, check and publish Parquet shards and a Hugging Face dataset folder."""
    typer.echo("error: build is not implemented yet", err=True)
    raise typer.Exit(2)


# --- end of commands ---------------------------------------------------------------------------------


def main() -> None:
    app()
