"""`corpus validate` and `corpus explain` on the submissions a maintainer really gets: files that are not
articles, other encodings, odd sidecars. Each problem names its file and says what to do; exit 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from buildkit import article_text, write_article
from typer.testing import CliRunner

from corpus.check.raw import check_bytes
from corpus.cli import app


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    write_article(tmp_path / "raw", "good", article_text(1))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(*args: str) -> tuple[int, dict]:
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "json", *args])
    return r.exit_code, json.loads(r.stdout)


def _codes(doc: dict) -> dict[str, list[str]]:
    return {f["path"]: [p["code"] for p in f["problems"]] for f in doc["files"]}


def test_other_files_in_raw_are_named_not_silently_ignored(project: Path) -> None:
    raw = project / "raw"
    (raw / "story.md").write_text(article_text(2))
    (raw / "UPPER.TXT").write_text(article_text(3))
    (raw / ".gitkeep").write_text("")
    (raw / ".DS_Store").write_bytes(b"\x00\x01")
    (raw / ".git" / "objects" / "ab").mkdir(parents=True)  # raw/ kept as its own clone
    (raw / ".git" / "objects" / "ab" / "cdef01").write_bytes(b"x\x9c")
    (raw / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    code, doc = _json()
    assert code == 0  # a warning: nothing wrong with the data that is read
    found = _codes(doc)
    assert found["raw/story.md"] == ["R014"] and found["raw/UPPER.TXT"] == ["R014"]
    assert not any(".gitkeep" in p or ".DS_Store" in p or ".git/" in p for p in found)
    [p] = [p for f in doc["files"] if f["path"] == "raw/story.md" for p in f["problems"]]
    assert p["severity"] == "warning" and "story.md" in p["message"] and "rename" in p["hint"]
    code, doc = _json("--strict")
    assert code == 1


def test_a_named_file_that_is_not_txt_is_not_read_as_an_article(project: Path) -> None:
    (project / "raw" / "notes.md").write_text("# notes\n")
    code, doc = _json("raw/notes.md", "raw/good.txt")
    assert _codes(doc) == {"raw/notes.md": ["R014"], "raw/good.txt": []}  # not C100 "body is empty"
    assert code == 0


def test_other_encodings_get_a_hint_that_fixes_them(project: Path) -> None:
    raw = project / "raw"
    text = article_text(4).replace("the", "thé").replace("a ", "“a” ")
    (raw / "win.txt").write_bytes(text.encode("cp1252"))
    (raw / "wide.txt").write_bytes(text.encode("utf-16"))
    (raw / "wide-nobom.txt").write_bytes(text.encode("utf-16-le"))
    code, doc = _json()
    assert code == 1
    by = {f["path"]: f["problems"] for f in doc["files"]}
    [win] = by["raw/win.txt"]
    assert win["code"] == "R002" and "iconv -f cp1252 -t UTF-8" in win["hint"]
    for name in ("raw/wide.txt", "raw/wide-nobom.txt"):
        [wide] = by[name]
        assert wide["code"] == "R002" and "UTF-16" in wide["message"] and "iconv -f UTF-16" in wide["hint"]
    # a lone stray byte is too little evidence to name an encoding; NUL bytes in ASCII stay "binary"
    assert check_bytes(b"caf\xe9")[1][0].hint == "re-encode the file as UTF-8"
    assert check_bytes(b"Looks like text\x00\x00\x00 but is not.\n")[1][0].code == "R003"


def test_sidecar_values_are_described_as_json_not_python(project: Path) -> None:
    raw = project / "raw"
    write_article(raw, "a", article_text(5), {"headline": "  ", "url": 5, "published": ["2024"]})
    write_article(raw, "b", article_text(6))
    (raw / "b.meta.json").write_bytes(b'{"publisher": "Caf\xe9 Press"}')
    code, doc = _json()
    assert code == 1
    messages = {f["path"]: [p["message"] for p in f["problems"]] for f in doc["files"]}
    assert messages["raw/a.txt"] == [
        "a.meta.json: 'headline' must be a non-empty string, got an empty string",
        "a.meta.json: 'published' must be a non-empty string, got a JSON array",
        "a.meta.json: 'url' must be a non-empty string, got a JSON number",
    ]
    assert messages["raw/b.txt"] == ["b.meta.json: not valid UTF-8 at byte offset 18"]


def test_every_format_names_the_file_of_every_problem(project: Path) -> None:
    raw = project / "raw"
    (raw / "empty.txt").write_text("")
    (raw / "odd.md").write_text("x")
    (raw / "lonely.meta.json").write_text("{}")
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "github"])
    assert r.exit_code == 1
    annotations = [line for line in r.stdout.splitlines() if line.startswith("::")]
    assert {a.split("file=", 1)[1].split(",", 1)[0] for a in annotations} == {
        "raw/empty.txt",
        "raw/odd.md",
        "raw/lonely.meta.json",
    }
    assert any(a.startswith("::warning file=raw/odd.md,title=R014") for a in annotations)
    r = CliRunner().invoke(app, ["validate", "--workers", "1"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.output.splitlines()[-1] == ("4 files checked: 2 error(s), 1 warning(s) in 3 file(s): invalid")


@pytest.mark.parametrize(
    ("arg", "code", "words"),
    [
        ("raw", 2, "error: raw: is a folder; give one raw .txt file"),
        ("raw/good.meta.json", 2, "error: raw/good.meta.json: is not a .txt file; give one raw .txt file"),
        ("raw/missing.txt", 2, "error: raw/missing.txt: no such file or folder"),
        ("raw/big.txt", 1, "error: raw/big.txt: 3000001 bytes, over the 2097152-byte limit"),
        ("raw/empty.txt", 1, "error: raw/empty.txt: empty or whitespace-only"),
    ],
)
def test_explain_on_edge_files(project: Path, arg: str, code: int, words: str) -> None:
    raw = project / "raw"
    (raw / "good.meta.json").write_text("{}")
    (raw / "empty.txt").write_text(" \n")
    with open(raw / "big.txt", "wb") as fh:
        fh.truncate(3_000_001)
    r = CliRunner().invoke(app, ["explain", arg])
    assert r.exit_code == code, r.output
    assert r.output.startswith(words) and len(r.output.strip().splitlines()) == 1
    assert str(project) not in r.output  # the path as the user gave it, not an absolute one as well


@pytest.mark.parametrize("bad", ["2024-13-45", "2023-02-29", "2024-05-03T25:00:00", "2024-05-03T10:00+24:00"])
def test_sidecar_dates_outside_the_calendar_are_refused(project: Path, bad: str) -> None:
    write_article(project / "raw", "dated", article_text(7), {"published": bad})
    code, doc = _json("raw/dated.txt")
    assert code == 1
    [p] = [p for f in doc["files"] for p in f["problems"]]
    assert p["code"] == "R023" and p["pointer"] == "/published" and bad[:10] in p["message"]


@pytest.mark.parametrize("good", ["2024-02-29", "2024-05-03T17:47:00Z", "2024-05-03T17:47:00.5+02:00"])
def test_real_sidecar_dates_pass(project: Path, good: str) -> None:
    write_article(project / "raw", "dated", article_text(8), {"published": good})
    code, doc = _json("raw/dated.txt")
    assert code == 0 and _codes(doc) == {"raw/dated.txt": []}


def test_a_bad_file_name_is_one_problem_not_two(project: Path) -> None:
    write_article(project / "raw", "bad name!", article_text(9))
    code, doc = _json()
    assert code == 1 and _codes(doc)["raw/bad name!.txt"] == ["R013"]  # not also S001 at /id


def test_github_annotates_sidecar_problems_on_the_sidecar(project: Path) -> None:
    raw = project / "raw"
    write_article(raw, "tagged", article_text(10), {"url": "not a url", "colour": "red"})
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "github", "raw/tagged.txt"])
    assert r.exit_code == 1
    annotated = [a.split(",title=")[0] for a in r.stdout.splitlines() if a.startswith("::")]
    assert annotated == ["::error file=raw/tagged.meta.json", "::error file=raw/tagged.meta.json"]


def test_changed_since_names_an_added_file_that_is_not_txt(project: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def git(*a: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *a], cwd=project, check=True)

    git("init", "-q", "-b", "main")
    git("add", "raw")
    git("commit", "-q", "-m", "corpus")
    (project / "raw" / "story.md").write_text(article_text(11))  # the PR meant to add an article
    (project / "raw" / ".gitignore").write_text("")
    code, doc = _json("--changed-since", "HEAD")
    assert _codes(doc) == {"raw/story.md": ["R014"]}
    assert code == 0
    code, doc = _json("--changed-since", "HEAD", "--strict")
    assert code == 1


@pytest.mark.parametrize(
    ("value", "code_point"),
    [
        ("a\u0000b", "U+0000"),
        ("two\nlines", "U+000A"),
        ("Evil\u202eCorp", "U+202E"),
        ("x\U000e0041", "U+E0041"),
    ],
)
def test_sidecar_values_carry_no_hidden_or_control_characters(
    project: Path, value: str, code_point: str
) -> None:
    write_article(project / "raw", "side", article_text(12), {"publisher": value})
    code, doc = _json("raw/side.txt")
    assert code == 1
    [p] = [p for f in doc["files"] for p in f["problems"]]
    assert p["code"] == "R023" and p["pointer"] == "/publisher" and code_point in p["message"]
    write_article(project / "raw", "side", article_text(12), {"publisher": "Café “Le Monde” — Paris"})
    code, doc = _json("raw/side.txt")  # typography is fine
    assert code == 0 and _codes(doc) == {"raw/side.txt": []}


def test_a_furniture_only_file_says_what_to_do(project: Path) -> None:
    (project / "raw" / "menu.txt").write_text("Home\nNews\nSport\nShare this article\nPrevious article\n")
    code, doc = _json("raw/menu.txt")
    assert code == 1
    [p] = [p for f in doc["files"] for p in f["problems"]]
    assert p["code"] == "C100" and "corpus explain FILE" in p["hint"] and "remove the file" in p["hint"]


def test_an_unwritable_job_summary_does_not_hide_the_report(project: Path, monkeypatch) -> None:
    (project / "raw" / "empty.txt").write_text("")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(project / "no-such-folder" / "summary.md"))
    r = CliRunner().invoke(app, ["validate", "--workers", "1", "--format", "github"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert "::error file=raw/empty.txt" in r.stdout
    assert "warning: GITHUB_STEP_SUMMARY=" in r.stderr and "job summary not written" in r.stderr


def test_a_raw_folder_that_is_a_link_says_which_path_to_give(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "disk2" / "articles"
    write_article(data, "a", article_text(13))
    project = tmp_path / "project"
    project.mkdir()
    (project / "raw").symlink_to(data)
    monkeypatch.chdir(project)
    for args in (["validate"], ["validate", "raw/"], ["build", "--workers", "1"], ["convert", "raw"]):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.output.strip() == (
            f"error: raw: is a symbolic link to the folder {data}; links are never followed: "
            f'pass {data}, or set [tool.corpus] raw_dir = "{data}"'
        )
    code, doc = _json(str(data))  # as the message says
    assert code == 0 and _codes(doc) == {str(data / "a.txt"): []}
