"""`corpus convert` applies validate's sidecar checks: a bad value is left out with a one-line warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
from buildkit import article_text, write_article
from typer.testing import CliRunner

from corpus.cli import app


def _convert(tmp_path: Path, monkeypatch, *args: str) -> tuple[int, dict[str, dict], list[str]]:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["convert", *args, "-o", "out.jsonl"])
    records = {
        (rec := orjson.loads(line))["id"]: rec for line in (tmp_path / "out.jsonl").read_bytes().splitlines()
    }
    return r.exit_code, records, r.stderr.splitlines()


def test_bad_sidecar_values_are_left_out_with_a_warning_each(tmp_path: Path, monkeypatch) -> None:
    raw = tmp_path / "raw"
    write_article(
        raw,
        "bad",
        article_text(1) + "\nPublished March 5, 2024\n",
        {
            "published": "2024-02-30",  # no such day
            "language": "english",
            "headline": "A title with a bell\u0007",
            "publisher": "Harbour Times",
            "colour": "blue",
        },
    )
    write_article(
        raw,
        "good",
        article_text(2),
        {"published": "2024-05-03", "language": "de", "publisher": "Valley Post"},
    )
    code, recs, err = _convert(tmp_path, monkeypatch, "raw")
    assert code == 0
    assert set(recs) == {"bad", "good"}
    bad = recs["bad"]
    assert bad["published"] != "2024-02-30" and bad["language"] == "en"  # the text's own values
    assert "\u0007" not in (bad["headline"] or "")
    assert bad["source"]["publisher"] == "Harbour Times"  # a good value beside bad ones stays
    assert recs["good"]["published"] == "2024-05-03" and recs["good"]["language"] == "de"
    assert len(err) == 4, err
    assert all(line.startswith("warning: ") and "bad.meta.json" in line for line in err)
    for key, code_ in (
        ("'published'", "R023"),
        ("'language'", "R023"),
        ("'headline'", "R023"),
        ("'colour'", "R021"),
    ):
        assert any(key in line and code_ in line for line in err), (key, err)


def test_a_sidecar_date_in_another_format_is_left_out_like_validate_rejects_it(
    tmp_path: Path, monkeypatch
) -> None:
    raw = tmp_path / "raw"
    write_article(raw, "a", article_text(3) + "\nPublished March 5, 2024\n", {"published": "04/28/2023"})
    code, recs, err = _convert(tmp_path, monkeypatch, "raw")
    assert code == 0 and len(err) == 1 and "'published'" in err[0] and "a.meta.json" in err[0]
    assert recs["a"]["published"] == "2024-03-05"
    # the same value is what validate rejects
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    cmd = [sys.executable, "-m", "corpus", "validate", "raw/a.txt", "--format", "json", "--workers", "1"]
    v = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert v.returncode == 1
    codes = [(p["code"], p["pointer"]) for f in json.loads(v.stdout)["files"] for p in f["problems"]]
    assert ("R023", "/published") in codes


def test_clean_sidecars_give_no_warning(tmp_path: Path, monkeypatch) -> None:
    write_article(
        tmp_path / "raw", "a", article_text(4), {"published": "2024-05-03T10:00:00+02:00", "language": "en"}
    )
    code, recs, err = _convert(tmp_path, monkeypatch, "raw")
    assert code == 0 and err == [] and recs["a"]["published"] == "2024-05-03T10:00:00+02:00"


def test_a_language_code_that_names_no_language_is_a_warning_everywhere(tmp_path: Path, monkeypatch) -> None:
    raw = tmp_path / "raw"
    write_article(raw, "jp", article_text(5), {"language": "jp"})  # Japan's country code; Japanese is "ja"
    write_article(raw, "xx", article_text(6), {"language": "xx"})
    write_article(raw, "ok", article_text(7), {"language": "gd"})  # Scottish Gaelic: rare, but a real code
    code, recs, err = _convert(tmp_path, monkeypatch, "raw")
    assert code == 0 and recs["jp"]["language"] == "jp" and recs["ok"]["language"] == "gd"
    assert sorted(err) == [
        f"warning: {raw / 'jp.meta.json'}: 'language' is 'jp', which is no ISO 639-1 language code"
        " (did you mean 'ja'?); kept (corpus validate: R024)",
        f"warning: {raw / 'xx.meta.json'}: 'language' is 'xx', which is no ISO 639-1 language code;"
        " kept (corpus validate: R024)",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    cmd = [sys.executable, "-m", "corpus", "validate", "--format", "json", "--workers", "1"]
    v = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert v.returncode == 0, v.stderr  # a warning: the files are still published
    found = {
        f["path"]: [(p["code"], p["severity"]) for p in f["problems"]] for f in json.loads(v.stdout)["files"]
    }
    assert found["raw/jp.txt"] == [("R024", "warning")] and found["raw/xx.txt"] == [("R024", "warning")]
    assert found["raw/ok.txt"] == []


def test_the_language_list_is_iso_639_1() -> None:
    from corpus.check.raw import LANGUAGES

    assert len(LANGUAGES) == 184 and {"en", "de", "ja", "zh", "gd", "se"} <= LANGUAGES
    assert not {"jp", "dk", "iw", "xx"} & LANGUAGES
