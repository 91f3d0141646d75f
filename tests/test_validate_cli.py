"""`corpus validate` end to end: a small project in tmp_path, hostile files, formats, modes, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from validate_fixtures import PYPROJECT, article, write

from corpus.check import sketch
from corpus.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for i in range(4):
        write(tmp_path / "raw", f"good{i}.txt", article(i))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["validate", "--workers", "1", *args])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def as_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out, _ = run("--format", "json", *args)
    return code, json.loads(out)


def problems(doc: dict, path: str) -> list[str]:  # type: ignore[type-arg]
    [f] = [f for f in doc["files"] if f["path"] == path]
    return [p["code"] for p in f["problems"]]


def test_clean_corpus_is_valid(project: Path) -> None:
    code, doc = as_json()
    assert code == 0 and doc["valid"] is True
    assert doc["summary"] == {"files": 4, "errors": 0, "warnings": 0}
    assert [f["path"] for f in doc["files"]] == [f"raw/good{i}.txt" for i in range(4)]
    assert all(f["problems"] == [] for f in doc["files"])
    assert (project / ".cache" / "dedup-index" / "meta.json").is_file()


def test_hostile_files_each_get_an_error_and_nothing_crashes(project: Path, tmp_path: Path) -> None:
    raw = project / "raw"
    write(raw, "utf8.txt", article(10).encode()[:200] + b"\xff\xfe" + b" rest of it.\n")
    write(raw, "nul.txt", b"Looks like text\x00\x00\x00 but is not.\n")
    write(raw, "empty.txt", "  \n\n ")
    write(raw, "bidi.txt", article(11).replace("with", "wi\u202eth", 1))
    write(raw, "zw.txt", article(12).replace("with", "wi\u200bth", 1))
    with open(raw / "huge.txt", "wb") as fh:  # 50 MB single line, sparse: rejected by size, never read
        fh.truncate(50 * 1024 * 1024)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(article(13), encoding="utf-8")
    (raw / "link.txt").symlink_to(outside)
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    write(raw, "sub/good0.txt", article(14))  # same id as raw/good0.txt
    write(raw, "sub/GOOD2.txt", article(16))  # collides with good2.txt on case-insensitive file systems
    write(raw, "zz_copy.txt", article(1))  # exact duplicate of good1: the id sorting later is reported
    write(raw, "zz_copy.meta.json", '{"url": "https://x.test", "colour": "red"}')
    write(raw, "broken.txt", article(15))
    write(raw, "broken.meta.json", "{oops")
    write(raw, "orphan.meta.json", "{}")
    code, doc = as_json()
    assert code == 1 and doc["valid"] is False
    expect = {
        "utf8.txt": "R002",
        "nul.txt": "R003",
        "empty.txt": "R004",
        "bidi.txt": "R007",
        "zw.txt": "R008",
        "huge.txt": "R005",
        "link.txt": "R010",
        "loop.txt": "R010",
        "sub/good0.txt": "R030",
        "sub/GOOD2.txt": "R030",
        "zz_copy.txt": "D201",
        "broken.txt": "R020",
        "orphan.meta.json": "R022",
    }
    for name, c in expect.items():
        assert c in problems(doc, f"raw/{name}"), name
    assert "R021" in problems(doc, "raw/zz_copy.txt")
    [dup] = [
        p
        for f in doc["files"]
        if f["path"] == "raw/zz_copy.txt"
        for p in f["problems"]
        if p["code"] == "D201"
    ]
    assert "good1" in dup["message"]
    for i in range(4):
        assert problems(doc, f"raw/good{i}.txt") == []
    assert doc["summary"]["errors"] == sum(
        p["severity"] == "error" for f in doc["files"] for p in f["problems"]
    )


def test_json_shape_is_exactly_the_documented_one(project: Path) -> None:
    write(project / "raw", "bad.txt", b"\xc3(")
    _, doc = as_json()
    assert set(doc) == {"valid", "files", "summary"}
    assert set(doc["summary"]) == {"files", "errors", "warnings"}
    for f in doc["files"]:
        assert set(f) == {"path", "id", "problems"}
        for p in f["problems"]:
            assert set(p) == {"code", "name", "severity", "message", "line", "pointer", "hint"}
            assert p["severity"] in ("error", "warning")
    [p] = [p for f in doc["files"] if f["id"] == "bad" for p in f["problems"]]
    assert p == {
        "code": "R002",
        "name": "not-utf8",
        "severity": "error",
        "message": "not valid UTF-8 at byte offset 0 (bytes c3 28): invalid continuation byte",
        "line": 1,
        "pointer": None,
        "hint": "re-encode the file as UTF-8",
    }


def test_near_duplicate_names_the_other_article(project: Path) -> None:
    words = article(2).split(" ")
    for i in range(20, len(words), 70):
        words[i] = "changed"
    near = " ".join(words)
    a, b = (sketch.shingles(sketch.words(t), 5) for t in (article(2), near))
    assert 0.8 < sketch.jaccard(a, b) < 0.95
    write(project / "raw", "zz_near.txt", near)
    code, doc = as_json()
    [p] = [p for f in doc["files"] if f["id"] == "zz_near" for p in f["problems"]]
    assert code == 1 and p["code"] == "D202" and "near-duplicate of good2" in p["message"]


def test_submission_mode_judges_only_named_files_against_the_corpus(project: Path) -> None:
    raw = project / "raw"
    write(raw, "old_bad.txt", b"\xff old problem")
    write(raw, "new_copy.txt", article(3))  # duplicate of an existing article
    write(raw, "new_good.txt", article(20))
    write(project / "incoming", "good1.txt", article(21))  # id clash with raw/good1.txt
    code, doc = as_json("raw/new_copy.txt", "raw/new_good.txt", "incoming/good1.txt")
    assert code == 1
    assert sorted(f["path"] for f in doc["files"]) == [
        "incoming/good1.txt",
        "raw/new_copy.txt",
        "raw/new_good.txt",
    ]
    assert problems(doc, "raw/new_good.txt") == []
    assert problems(doc, "raw/new_copy.txt") == ["D201"]
    assert problems(doc, "incoming/good1.txt") == ["R030"]
    code, doc = as_json("raw/new_good.txt")
    assert code == 0 and doc["summary"] == {"files": 1, "errors": 0, "warnings": 0}


def test_changed_since_takes_files_from_git(project: Path) -> None:
    def git(*a: str) -> None:
        subprocess.run(["git", *a], cwd=project, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "empty")
    git("add", "raw", "pyproject.toml")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "corpus")
    write(project / "raw", "added.txt", article(30))
    write(project / "raw", "dup.txt", article(0))
    git("add", "raw/added.txt")
    code, doc = as_json("--changed-since", "HEAD")
    assert code == 1
    assert sorted(f["path"] for f in doc["files"]) == ["raw/added.txt", "raw/dup.txt"]
    assert problems(doc, "raw/dup.txt") == ["D201"]
    code, _, err = run("--changed-since", "no-such-ref")
    assert code == 2 and "unknown git revision" in err


def test_text_format_groups_by_file_with_a_summary_line(project: Path) -> None:
    write(project / "raw", "crlf.txt", article(40).replace("\n", "\r\n"))
    code, out, _ = run()
    assert code == 0  # a warning does not fail...
    assert "raw/crlf.txt" in out and "R009 line-endings" in out and "hint:" in out
    assert out.strip().splitlines()[-1] == "5 files checked: 0 error(s), 1 warning(s) in 1 file(s): valid"
    code, out, _ = run("--strict")  # ...unless --strict
    assert code == 1 and out.strip().endswith("invalid")


def test_github_format_caps_annotations_and_writes_a_summary(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(13):
        write(project / "raw", f"bad{i:02}.txt", b"bad \xff byte, line\n")
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("--format", "github")
    lines = out.splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    assert code == 1 and len(errors) == 10
    assert errors[0].startswith("::error file=raw/bad00.txt,line=1,title=R002 not-utf8::not valid UTF-8")
    assert any(x.startswith("... and 3 more error(s)") for x in lines)
    md = summary.read_text(encoding="utf-8")
    assert "| raw/bad12.txt | 1 | error | `R002` not-utf8 |" in md and md.count("\n| raw/") == 13


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[tool.corpus]\nmax_byte = 5\n", "unknown key 'max_byte'"),
        ("[tool.corpus]\nmax_bytes = 'big'\n", "wrong type"),
        ("[tool.corpus]\ndisable = ['C999']\n", "unknown rule 'C999'"),
        ("[tool.corpus]\nseverity = {C101 = 'fatal'}\n", "must be error, warning or off"),
        ("[tool.corpus]\nlanguages = ['english']\n", "ISO 639-1"),
        ("[tool.corpus]\nlicense_name = 'My Terms'\n", "lowercase id"),
        ("[tool.corpus]\nlicense = 'cc-by-4.0'\nlicense_name = 'x'\n", 'license = "other" only'),
        ("[tool.corpus\n", "not valid TOML"),
    ],
)
def test_config_errors_exit_2_with_one_line(project: Path, config: str, message: str) -> None:
    (project / "pyproject.toml").write_text(config, encoding="utf-8")
    code, out, err = run()
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and out == ""


def test_usage_errors_exit_2(project: Path) -> None:
    code, _, err = run("raw/missing.txt")
    assert code == 2 and "no such file" in err
    r = CliRunner().invoke(app, ["validate", "--format", "yaml"])
    assert r.exit_code == 2
    code, _, err = run("--changed-since", "HEAD", "raw/good0.txt")
    assert code == 2 and "not both" in err
    (project / "pyproject.toml").write_text('[tool.corpus]\nraw_dir = "nowhere"\n', encoding="utf-8")
    code, _, err = run()
    assert code == 2 and "raw folder not found" in err


def test_config_tunes_rules_per_file(project: Path) -> None:
    write(project / "raw", "legacy/a.txt", article(50).replace("\n", "\r\n"))
    assert as_json("--strict")[0] == 1
    with open(project / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write('per_file_ignores = {"legacy/*" = ["line-endings"]}\nseverity = {C101 = "error"}\n')
    code, doc = as_json("--strict")
    assert code == 0 and problems(doc, "raw/legacy/a.txt") == []
    write(project / "raw", "short.txt", "A short note.\n\nJust a few words here.\n")
    code, doc = as_json()
    assert code == 1 and problems(doc, "raw/short.txt") == ["C101"]


def test_subprocess_run_with_two_workers(project: Path) -> None:
    write(project / "raw", "bad.txt", b"\x00")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "corpus", "validate", "--workers", "2", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    doc = json.loads(done.stdout)
    assert doc["summary"]["files"] == 5 and problems(doc, "raw/bad.txt") == ["R003"]


def test_bad_file_names_are_reported_not_crashed_on(project: Path) -> None:
    raw = project / "raw"
    (raw / "with space.txt").write_text(article(60), encoding="utf-8")
    with open(os.path.join(os.fsencode(raw), b"\xffname.txt"), "wb") as fh:
        fh.write(article(61).encode())
    code, doc = as_json()
    assert code == 1
    assert "R013" in problems(doc, "raw/with space.txt")
    [bad] = [f for f in doc["files"] if f["path"].startswith("raw/\ufffd")]
    assert [p["code"] for p in bad["problems"]] == ["R013"]


def test_a_crashing_converter_becomes_a_problem(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corpus.check.run as run_mod

    def boom(doc: object) -> object:
        raise RecursionError("deep")

    monkeypatch.setattr(run_mod, "convert_doc", boom)
    code, doc = as_json()
    assert code == 1 and problems(doc, "raw/good0.txt") == ["R100"]
    assert "RecursionError" in doc["files"][0]["problems"][0]["message"]


def test_rules_listing(project: Path) -> None:
    code, out, _ = run("--rules")
    assert code == 0 and "C101  body-too-short" in out and "D202  near-duplicate" in out


def test_a_named_file_reached_through_a_linked_folder_is_outside_the_root(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text(article(70), encoding="utf-8")
    (project / "raw" / "linked").symlink_to(elsewhere)
    code, doc = as_json("raw/linked/x.txt")
    assert code == 1 and problems(doc, "raw/linked/x.txt") == ["R011"]
    code, doc = as_json()  # a whole-corpus run reports the linked folder itself
    assert code == 1 and problems(doc, "raw/linked") == ["R010"]


def test_named_files_with_the_same_name_in_two_folders_are_kept_apart(project: Path) -> None:
    write(project / "in1", "same.txt", article(1))  # duplicate of raw/good1.txt
    write(project / "in2", "same.txt", article(80))
    code, doc = as_json("in1/same.txt", "in2/same.txt")
    assert code == 1
    assert problems(doc, "in1/same.txt") == ["D201"]
    assert problems(doc, "in2/same.txt") == ["R030"]  # the same id as in1/same.txt


def test_pre_commit_hook_definition() -> None:
    import re

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "corpus-validate" and hook["entry"] == "corpus validate"
    assert re.search(hook["files"], "raw/a/b.txt") and re.search(hook["files"], "raw/b.meta.json")
    assert not re.search(hook["files"], "README.md")
