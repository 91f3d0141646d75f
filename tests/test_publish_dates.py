"""croissant.json's datePublished: deterministic (the newest article's date, or [tool.corpus]
date_published), valid Croissant, and explained on the card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from buildkit import article_text, make_corpus, run_build, write_article

from corpus.config import Config, ConfigError, load_config


def _corpus(raw: Path) -> None:
    make_corpus(raw, 4)
    write_article(raw, "d1", article_text(201), {"published": "2024-03-02T23:30:00-05:00"})
    write_article(raw, "d2", article_text(202), {"published": "2023-12-31"})
    write_article(raw, "d3", article_text(203) + "\nPublished 15 January 2022\n")  # a date in the text


def _croissant(out: Path) -> dict:  # type: ignore[type-arg]
    import mlcroissant as mlc

    mlc.Dataset(jsonld=str(out / "croissant.json"))  # raises on a document Croissant rejects (offline)
    return json.loads((out / "croissant.json").read_text())


def test_date_published_is_the_newest_articles_date_and_builds_stay_identical(tmp_path: Path) -> None:
    _corpus(tmp_path / "raw")
    a, b = tmp_path / "a", tmp_path / "b"
    run_build(tmp_path / "raw", a, tmp_path / "cache-a")
    run_build(tmp_path / "raw", b, tmp_path / "cache-b")
    doc = _croissant(a)
    assert doc["datePublished"] == "2024-03-02"  # the article's own date, as it printed it
    assert (a / "croissant.json").read_bytes() == (b / "croissant.json").read_bytes()
    card = (a / "README.md").read_text()
    assert "- **Dates:** 3 of 7 articles have a `published` date; from 2022-01-15 to 2024-03-02." in card
    assert "`2024-03-02`, the newest article's date" in card


def test_a_configured_date_published_wins(tmp_path: Path) -> None:
    _corpus(tmp_path / "raw")
    run_build(tmp_path / "raw", tmp_path / "dist", tmp_path / "cache", Config(date_published="2025-01-15"))
    assert _croissant(tmp_path / "dist")["datePublished"] == "2025-01-15"
    assert "`2025-01-15`, set by the maintainers" in (tmp_path / "dist" / "README.md").read_text()


def test_without_any_date_datepublished_is_left_out(tmp_path: Path) -> None:
    make_corpus(tmp_path / "raw", 3)
    run_build(tmp_path / "raw", tmp_path / "dist", tmp_path / "cache")
    assert "datePublished" not in _croissant(tmp_path / "dist")
    card = (tmp_path / "dist" / "README.md").read_text()
    assert "0 of 3 articles have a `published` date; none." in card and "croissant.json:** left out" in card


@pytest.mark.parametrize("value", ["2024-02-30", "03/04/2024", "2024-05-03T10:00:00", "2024-5-3"])
def test_a_bad_date_published_is_a_config_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "corpus.toml").write_text(f'date_published = "{value}"\n')
    with pytest.raises(ConfigError, match="'date_published' must be a date YYYY-MM-DD"):
        load_config(tmp_path)
    (tmp_path / "corpus.toml").write_text('date_published = "2024-05-03"\n')
    assert load_config(tmp_path).date_published == "2024-05-03"
