"""[tool.corpus] is looked up from the current folder upward, as ruff and pytest do, and its paths are the
config file's folder's: `corpus validate` run in a subfolder checks the project's raw folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from buildkit import article_text, write_article
from typer.testing import CliRunner

from corpus.cli import app
from corpus.config import find_config, load_config


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """proj/pyproject.toml ([tool.corpus] raw_dir = "articles"), two articles, an empty docs/ folder."""
    root = tmp_path / "proj"
    (root / "docs" / "deep").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.corpus]\nraw_dir = "articles"\n')
    for i in range(2):
        write_article(root / "articles", f"a{i}", article_text(40 + i), {"language": "en"})
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def _validate(*args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "json", *args])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, json.loads(r.stdout) if r.stdout.strip() else {}, r.stderr


def test_validate_in_a_subfolder_checks_the_projects_raw_folder(proj: Path, monkeypatch) -> None:
    monkeypatch.chdir(proj / "docs" / "deep")
    code, doc, err = _validate()
    assert code == 0, err
    # validate names files outside the current folder by their absolute path (as it always has)
    assert [f["path"] for f in doc["files"]] == [str(proj / "articles" / f"a{i}.txt") for i in range(2)]
    assert err.splitlines() == ["config: ../../pyproject.toml (raw_dir ../../articles, out_dir ../../dist)"]


def test_validate_inside_the_raw_folder_names_files_as_given(proj: Path, monkeypatch) -> None:
    monkeypatch.chdir(proj / "articles")
    code, doc, err = _validate("a1.txt")
    assert code == 0, err
    assert [f["path"] for f in doc["files"]] == ["a1.txt"]
    assert "config: ../pyproject.toml" in err


def test_in_the_config_folder_nothing_changes_and_nothing_is_said(proj: Path, monkeypatch) -> None:
    monkeypatch.chdir(proj)
    code, doc, err = _validate()
    assert code == 0 and err == ""
    assert [f["path"] for f in doc["files"]] == ["articles/a0.txt", "articles/a1.txt"]
    assert load_config().raw_dir == "articles"


def test_a_pyproject_without_tool_corpus_is_passed_over_and_a_nearer_corpus_toml_wins(
    proj: Path, monkeypatch
) -> None:
    (proj / "docs" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    monkeypatch.chdir(proj / "docs" / "deep")
    assert find_config(Path.cwd()) == proj / "pyproject.toml"
    (proj / "docs" / "corpus.toml").write_text('raw_dir = "../articles"\nlicense = "cc-by-4.0"\n')
    cfg = load_config()
    assert cfg.source == str(proj / "docs" / "corpus.toml") and cfg.license == "cc-by-4.0"
    assert cfg.raw_dir == "../../articles" and cfg.cache_dir == "../.corpus-cache"  # set and default, both


def test_the_search_stops_at_the_repository_root(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.corpus]\nraw_dir = "elsewhere"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "src").mkdir()
    monkeypatch.chdir(repo / "src")
    assert find_config(Path.cwd()) is None
    r = CliRunner().invoke(app, ["validate", "--workers", "1"])
    assert r.exit_code == 2 and r.stderr.strip() == (
        "error: raw: raw folder not found; pass paths or set [tool.corpus] raw_dir"
    )


def test_a_bad_config_above_is_named_with_its_path(proj: Path, monkeypatch) -> None:
    (proj / "pyproject.toml").write_text("[tool.corpus]\nraw_dirr = 'x'\n")
    monkeypatch.chdir(proj / "docs")
    r = CliRunner().invoke(app, ["validate", "--workers", "1"])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"error: {proj / 'pyproject.toml'}: unknown key 'raw_dirr'")


def test_build_in_a_subfolder_writes_the_projects_out_dir(proj: Path, monkeypatch) -> None:
    monkeypatch.chdir(proj / "docs")
    r = CliRunner().invoke(app, ["build", "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert (proj / "dist" / "README.md").is_file() and (proj / ".corpus-cache").is_dir()
    assert not (proj / "docs" / "dist").exists() and not (proj / "docs" / ".corpus-cache").exists()
    assert "wrote ../dist" in r.stdout
