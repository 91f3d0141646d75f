"""Bad `[tool.corpus]` values and bad `corpus push` calls: one line on stderr, exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import make_corpus, run_build
from typer.testing import CliRunner

from corpus.cli import app


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('splits = {train = "0.8", test = 0.2}', "'splits' ratios must be numbers"),
        ("splits = {train = true}", "'splits' ratios must be numbers"),
        ("tags = [1, 2]", "'tags' must be a list of strings"),
        ('task_categories = [["x"]]', "'task_categories' must be a list of strings"),
        ('hub_repo = "my org/news"', "'hub_repo' must be a Hub repository id ORG/NAME"),
        ('hub_repo = "news"', "'hub_repo' must be a Hub repository id ORG/NAME"),
        ('url = "example.org/news"', "'url' must be an http(s) URL"),
    ],
)
def test_bad_config_values_exit_2_with_one_line(tmp_path: Path, monkeypatch, toml: str, words: str) -> None:
    make_corpus(tmp_path / "raw", 1)
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpus]\n{toml}\n")
    monkeypatch.chdir(tmp_path)
    for command in (["validate"], ["build", "--workers", "1"]):
        r = CliRunner().invoke(app, command)
        assert r.exit_code == 2, r.output
        assert isinstance(r.exception, SystemExit)  # not a TypeError from deep inside
        assert r.output.strip().splitlines() == [r.output.strip()]
        assert "pyproject.toml" in r.output and words in r.output
    assert not (tmp_path / "dist").exists()


def test_good_hub_repo_and_url_are_accepted(tmp_path: Path) -> None:
    from corpus.config import load_config

    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpus]\nhub_repo = "my-org/news.v2"\nurl = "https://example.org/news"\n'
    )
    cfg = load_config(tmp_path)
    assert cfg.hub_repo == "my-org/news.v2" and cfg.url == "https://example.org/news"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    make_corpus(tmp_path / "raw", 3)
    out = tmp_path / "dist"
    run_build(tmp_path / "raw", out, tmp_path / "cache")
    return out


def test_push_usage_errors_never_reach_the_network(built: Path, monkeypatch) -> None:
    from huggingface_hub import HfApi

    def no_network(self, **kw):
        raise AssertionError("the upload must not be attempted")

    monkeypatch.setattr(HfApi, "create_repo", no_network)
    monkeypatch.setattr(HfApi, "upload_folder", no_network)
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    for repo in ("org/na me", "org/-bad", "a/b/c", "noslash"):
        r = CliRunner().invoke(app, ["push", "--repo", repo, "--out", str(built)])
        assert r.exit_code == 2, r.output
        assert r.output.startswith(f"error: --repo '{repo}': expected ORG/NAME")
        assert "network" not in r.output

    monkeypatch.delenv("HF_TOKEN")
    monkeypatch.setenv("HF_HOME", str(built.parent / "no-hf-home"))  # no token file there either
    r = CliRunner().invoke(app, ["push", "--repo", "org/name", "--out", str(built)])
    assert r.exit_code == 2 and "no Hugging Face token" in r.output and "hf auth login" in r.output


def test_push_failure_of_the_upload_is_exit_1(built: Path, monkeypatch) -> None:
    from huggingface_hub import HfApi

    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setattr(HfApi, "create_repo", lambda self, repo_id, **kw: None)

    def broken(self, **kw):
        raise ConnectionError("connection reset by peer")

    monkeypatch.setattr(HfApi, "upload_folder", broken)
    r = CliRunner().invoke(app, ["push", "--repo", "org/name", "--out", str(built)])
    assert r.exit_code == 1
    assert r.output.strip() == (
        "error: upload to org/name failed (ConnectionError: connection reset by peer); check the network"
    )


def test_push_notes_a_card_that_loads_another_name(tmp_path: Path, built: Path, monkeypatch) -> None:
    from huggingface_hub import HfApi

    from corpus.config import Config

    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setattr(HfApi, "create_repo", lambda self, repo_id, **kw: None)
    monkeypatch.setattr(HfApi, "upload_folder", lambda self, **kw: "https://hub/commit/1")
    r = CliRunner().invoke(app, ["push", "--repo", "my-org/news", "--out", str(built)])
    assert r.exit_code == 0
    assert (
        'note: the card\'s load example does not name my-org/news; set [tool.corpus] hub_repo = "my-org/news"'
        in r.output
    )

    named = tmp_path / "named"
    run_build(tmp_path / "raw", named, tmp_path / "cache", cfg=Config(hub_repo="my-org/news"))
    assert 'load_dataset("my-org/news")' in (named / "README.md").read_text()
    r = CliRunner().invoke(app, ["push", "--repo", "my-org/news", "--out", str(named)])
    assert r.exit_code == 0 and "note:" not in r.output


def test_convert_to_an_unwritable_output_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    make_corpus(tmp_path / "raw", 1)
    monkeypatch.chdir(tmp_path)
    for target in ("raw", "missing/dir/records.jsonl"):
        r = CliRunner().invoke(app, ["convert", "-o", target])
        assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
        assert r.output.startswith(f"error: {target}: ") and "choose another --output" in r.output
