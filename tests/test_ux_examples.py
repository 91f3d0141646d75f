"""The examples users copy: every `corpus ...` line of the README's bash blocks and of each command's --help
runs as written in a small project (exit 0 or 1, never 2, never a traceback); the README's TOML and sidecar
examples load without a configuration error."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import orjson
import pytest
from buildkit import article_text, write_article
from typer.testing import CliRunner

from corpus.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = ("convert", "explain", "validate", "build", "push")
# need a Dask cluster or an object store, or are the Quick start's pip lines: covered by their own tests
NOT_RUN_HERE = {
    "corpus build --engine dask --workers 2",
    "corpus build --engine dask --scheduler tcp://scheduler:8786 --out s3://bucket/dataset",
}


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def _corpus_lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("corpus "):
            out.append(re.split(r"\s+#", line, maxsplit=1)[0].strip())
    return out


def readme_commands() -> list[str]:
    return [c for block in _blocks("bash") for c in _corpus_lines(block)]


def help_commands() -> list[str]:
    found = []
    for name in COMMANDS:
        r = CliRunner().invoke(app, [name, "--help"], terminal_width=200)
        assert r.exit_code == 0
        examples = r.output.split("Example", 1)[1] if "Example" in r.output else ""
        lines = [line.strip(" │") for line in examples.split("╭", 1)[0].splitlines()]
        found += _corpus_lines("\n".join(lines))
        assert any(c.startswith(f"corpus {name}") for c in found), f"`corpus {name} --help` has no example"
    return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A user's corpus repository: the seed article, two new submissions, git history with origin/main."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "000_6f5325a99d8ab7f5.txt", raw)
    for i in range(4):
        write_article(raw, f"old{i}", article_text(300 + i), {"language": "en"})
    (tmp_path / "pyproject.toml").write_text('[tool.corpus]\nlicense = "cc-by-4.0"\n')

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "corpus")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    write_article(raw, "new1", article_text(310))
    write_article(raw, "new2", article_text(311))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def no_hub(monkeypatch) -> list[dict]:
    """Replace only the network calls of `corpus push`."""
    from huggingface_hub import HfApi

    calls: list[dict] = []
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setattr(
        HfApi, "create_repo", lambda self, repo_id, **kw: calls.append({"repo": repo_id, **kw})
    )
    monkeypatch.setattr(HfApi, "upload_folder", lambda self, **kw: calls.append(kw) or "https://hub/commit/1")
    return calls


def _run(command: str) -> None:
    args = shlex.split(command)
    assert args[0] == "corpus"
    if args[1] in ("build", "convert", "validate") and not any(
        a.startswith(("-w", "--workers")) for a in args
    ):
        args.append("--workers=1")  # the default (all cores) spawns processes: slower, same result
    r = CliRunner().invoke(app, args[1:])
    assert isinstance(r.exception, SystemExit) or r.exception is None, (command, r.exception)
    assert r.exit_code in (0, 1), (command, r.output)
    assert "Traceback" not in r.output and "Usage:" not in r.output, (command, r.output)


def test_readme_and_help_examples_run_as_written(project: Path, no_hub: list[dict]) -> None:
    readme = readme_commands()
    skipped = [c for c in readme if c in NOT_RUN_HERE]
    assert sorted(skipped) == sorted(NOT_RUN_HERE)  # an example that stops existing is noticed too
    run = [c for c in readme if c not in NOT_RUN_HERE] + help_commands()
    assert len(run) >= 15
    # builds first, so the push examples find a built folder, as they would after the README's order
    for command in sorted(dict.fromkeys(run), key=lambda c: not c.startswith("corpus build")):
        _run(command)
    assert (project / "dist" / "manifest.json").is_file() and (project / "records.jsonl").stat().st_size
    assert {c["repo_id"] for c in no_hub if "repo_id" in c} == {"my-org/news"}


def test_readme_configuration_and_sidecar_examples_are_valid(tmp_path: Path) -> None:
    from corpus.check.raw import check_meta
    from corpus.check.rules import check_config
    from corpus.config import load_config
    from corpus.rawio import RawRef

    tables = [b for b in _blocks("toml") if "[tool.corpus]" in b]
    assert tables
    for i, block in enumerate(tables):
        tomllib.loads(block)
        (tmp_path / "pyproject.toml").write_text(block)
        check_config(load_config(tmp_path))  # raises ConfigError (exit 2) on any bad key or value
        assert i < 5
    sidecars = [orjson.loads(b) for b in _blocks("json") if '"publisher"' in b and '"valid"' not in b]
    assert sidecars
    for meta in sidecars:
        ref = RawRef(tmp_path, tmp_path / "a.txt")
        assert check_meta(meta, ref)[1] == []


def test_readme_json_report_example_is_real_output(tmp_path: Path, monkeypatch) -> None:
    [example] = [orjson.loads(b) for b in _blocks("json") if '"valid"' in b]
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_bytes(b"The \xff hello world")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "json"])
    assert r.exit_code == 1
    assert orjson.loads(r.stdout) == example


def test_every_help_states_its_exit_codes() -> None:
    r = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert r.exit_code == 0 and "Exit codes: 0 ok; 1 the data has errors" in r.output
    for name in COMMANDS:
        r = CliRunner().invoke(app, [name, "--help"], terminal_width=200)
        assert re.search(r"\b[Ee]xit\b.*\b[12]\b", r.output), name
