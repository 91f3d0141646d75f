"""The card's quality bullet: quoted from quality.toml for this converter, and silent for any other version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from buildkit import make_corpus, run_build

from corpus.convert import CONVERTER_VERSION
from corpus.publish.quality import card_lines, measured_quality


def test_card_quotes_the_measured_quality(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    make_corpus(raw, 3)
    run_build(raw, tmp_path / "dist", tmp_path / "cache")
    card = (tmp_path / "dist" / "README.md").read_text()
    q = measured_quality()
    line = next(x for x in card.splitlines() if x.startswith("- **Measured extraction quality**"))
    assert f"converter {CONVERTER_VERSION}" in line
    assert f"body F1 {q.body_f1['region']:.2f} on dumps of the article's region" in line
    assert f"headline accuracy {q.headline_accuracy:.2f}" in line
    assert f"{q.articles} articles" in line


def test_numbers_of_another_converter_are_not_quoted() -> None:
    q = replace(measured_quality(), converter_version="0.0.0-other")
    assert card_lines(q, CONVERTER_VERSION) == ""
    assert card_lines(measured_quality(), CONVERTER_VERSION).startswith("- **Measured extraction quality**")
