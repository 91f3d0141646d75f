"""The `corpus` command: parses options, picks an engine, calls the pipeline. Nothing else."""

from __future__ import annotations

import sys
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


@app.command()
def validate(paths: PathsArg = None) -> None:
    """Check raw files and their records: raw-file, schema, content and duplicate checks."""
    typer.echo("error: validate is not implemented yet", err=True)
    raise typer.Exit(2)


# --- build and push (issue 4) ------------------------------------------------------------------------


@app.command()
def build(paths: PathsArg = None) -> None:
    """Convert, check and publish Parquet shards and a Hugging Face dataset folder."""
    typer.echo("error: build is not implemented yet", err=True)
    raise typer.Exit(2)


# --- end of commands ---------------------------------------------------------------------------------


def main() -> None:
    app()
