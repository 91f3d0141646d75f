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
    table = Table("line", "class", "rule / evidence", "text", box=None, pad_edge=False)
    for d in decisions:
        if d.text:
            table.add_row(str(d.index + 1), d.label, d.rule, d.text[:100])
    Console(width=200).print(table)


# --- validate (issue 3) -------------------------------------------------------------------------------


@app.command()
def validate(paths: PathsArg = None) -> None:
    """Check raw files and their records: raw-file, schema, content and duplicate checks."""
    typer.echo("error: validate is not implemented yet", err=True)
    raise typer.Exit(2)


# --- build and push (issue 4) ------------------------------------------------------------------------


OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Output folder (default: the configured out_dir, dist/).")
]


@app.command()
def build(
    paths: PathsArg = None,
    out: OutOpt = None,
    workers: WorkersOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1, publish nothing) if any raw file is rejected.")
    ] = False,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Incremental cache (default: .corpus-cache).")
    ] = None,
) -> None:
    """Convert, check and publish Parquet shards and a Hugging Face dataset folder.

    Rejected raw files are listed with reasons in OUT/rejects.jsonl (exit code 1); the previous OUT stays
    intact until the new one is complete.
    """
    from corpus.build.cache import CacheBusy
    from corpus.cli_progress import progress_reporter
    from corpus.pipeline import BuildFailed
    from corpus.pipeline import build as run_build

    cfg = _config()
    chosen = _paths(paths, cfg)
    target = out or Path(cfg.out_dir)
    engine = local_engine(workers, 1)  # build maps whole batches of files, one per task
    try:
        with progress_reporter() as progress:
            result = run_build(
                chosen,
                engine,
                cfg,
                out=target,
                cache_dir=cache_dir or Path(cfg.cache_dir),
                strict=strict,
                default_root=Path(cfg.raw_dir),
                progress=progress,
            )
    except BuildFailed as e:
        _print_rejects(e.result.rejects)
        typer.echo(f"error: {e}; {target} left unchanged", err=True)
        raise typer.Exit(1) from None
    except (NotADirectoryError, PermissionError, CacheBusy) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.close()
    _print_rejects(result.rejects)
    splits = ", ".join(f"{k} {v}" for k, v in result.per_split.items())
    typer.echo(
        f"{result.raw_files} raw files = {result.published} published ({splits}) + {result.rejected} rejected; "
        f"{result.clusters} near-duplicate clusters; {result.cache_hits} from cache; wrote {target}"
    )
    raise typer.Exit(1 if result.rejected or not result.published else 0)


def _print_rejects(rejects: list[dict[str, object]]) -> None:
    for r in rejects:
        problems = r["problems"]
        assert isinstance(problems, list)
        reasons = "; ".join(f"{p['code']} {p['message']}" for p in problems)
        typer.echo(f"rejected: {r['file']}: {reasons}", err=True)


@app.command()
def push(
    repo: Annotated[
        str, typer.Option("--repo", help="Hub dataset repository, ORG/NAME.", show_default=False)
    ],
    out: OutOpt = None,
    private: Annotated[bool, typer.Option("--private", help="Create the repository as private.")] = False,
) -> None:
    """Upload a built folder to the Hugging Face Hub (token: HF_TOKEN or `hf auth login`)."""
    from corpus.publish.hub import PushError
    from corpus.publish.hub import push as run_push

    cfg = _config()
    folder = out or Path(cfg.out_dir)
    try:
        url = run_push(folder, repo, private=private)
    except PushError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2 if "run `corpus build`" in str(e) or "ORG/NAME" in str(e) else 1) from None
    typer.echo(f"pushed {folder} to {repo}: {url}")


# --- end of commands ---------------------------------------------------------------------------------


def main() -> None:
    app()
