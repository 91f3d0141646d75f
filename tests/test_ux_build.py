"""`corpus build` as CI meets it: an --out that is not a build, unwritable places, one-line errors."""

from __future__ import annotations

from pathlib import Path

import fsspec
import pytest
from buildkit import make_corpus
from driverkit import left_alive, start_driver
from typer.testing import CliRunner

from corpus.cli import app


def _build(*args: str) -> object:
    return CliRunner().invoke(app, ["build", "--workers", "1", *args])


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    make_corpus(tmp_path / "raw", 4)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _one_line_error(r: object) -> str:
    out = r.output  # type: ignore[attr-defined]
    assert isinstance(r.exception, SystemExit), out  # type: ignore[attr-defined]
    lines = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, out
    return lines[0]


def test_out_that_is_not_a_build_is_refused_and_kept(project: Path) -> None:
    notes = project / "mine" / "notes.txt"
    notes.parent.mkdir()
    notes.write_text("precious")
    r = _build("--out", "mine")
    assert r.exit_code == 2
    assert "not the output of a build" in _one_line_error(r) and "notes.txt" in r.output
    assert notes.read_text() == "precious" and sorted(p.name for p in notes.parent.iterdir()) == ["notes.txt"]

    # the raw folder itself, or the project folder, would have been replaced whole
    before = sorted(p.name for p in (project / "raw").iterdir())
    for out in ("raw", "."):
        r = _build("--out", out)
        assert r.exit_code == 2 and "choose a new or empty --out" in r.output
    assert sorted(p.name for p in (project / "raw").iterdir()) == before
    assert not (project / "dist").exists()  # refused before any work: nothing built anywhere


def test_files_added_to_a_previous_build_are_not_deleted(project: Path) -> None:
    assert _build().exit_code == 0
    extra = project / "dist" / "LICENSE"
    extra.write_text("terms")
    r = _build()
    assert r.exit_code == 2 and "LICENSE" in _one_line_error(r) and extra.read_text() == "terms"
    extra.unlink()
    (project / "dist" / "data" / ".DS_Store").write_bytes(b"\x00")  # a file browser's litter is no one's work
    assert _build().exit_code == 0  # a previous build alone is replaced, and an empty folder is fine
    (project / "empty").mkdir()
    assert _build("--out", "empty").exit_code == 0 and (project / "empty" / "manifest.json").is_file()


def test_unwritable_out_or_cache_is_a_usage_error(project: Path) -> None:
    (project / "afile").write_text("x")
    for args in (["--out", "afile/dist"], ["--cache-dir", "afile/cache"], ["--out", "afile"]):
        r = _build(*args)
        assert r.exit_code == 2, (args, r.output)
        assert "afile" in _one_line_error(r)
    assert (project / "afile").read_text() == "x"


def test_url_out_with_foreign_files_is_refused(project: Path) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe("/ux-bucket/site/index.html", b"<html>")
    r = _build("--out", "memory://ux-bucket/site")
    assert r.exit_code == 2 and "index.html" in _one_line_error(r)
    assert fs.cat("/ux-bucket/site/index.html") == b"<html>"
    assert _build("--out", "memory://ux-bucket/fresh").exit_code == 0
    assert _build("--out", "memory://ux-bucket/fresh").exit_code == 0  # its own previous build: replaced
    assert fs.exists("/ux-bucket/fresh/manifest.json")


_DRIVER = """
import os, sys, time
from corpus.engines.local import ProcessPool
pool = ProcessPool(2, batch_size=1)
print(" ".join(str(p) for p in sorted(set(pool.map(lambda_free, range(8))))), flush=True)
time.sleep(600)
"""


def test_workers_end_when_the_driver_is_killed(tmp_path: Path) -> None:
    """A CI timeout SIGKILLs the driver: its spawned workers must not live on, each holding its memory."""
    import os
    import signal

    workerfn = "import os\ndef lambda_free(x):\n    return os.getpid()\n"
    driver = start_driver(tmp_path, workerfn, "from workerfn import lambda_free\n" + _DRIVER)
    assert driver.stdout is not None
    workers = [int(p) for p in driver.stdout.readline().split()]
    assert len(workers) >= 1 and driver.pid not in workers
    os.kill(driver.pid, signal.SIGKILL)
    driver.wait()
    assert not left_alive(workers, timeout=15)


def test_files_the_build_does_not_read_are_named(project: Path) -> None:
    raw = project / "raw"
    (raw / "story.md").write_text("An article saved with the wrong extension.")
    (raw / "sub").mkdir()
    (raw / "sub" / "lost.meta.json").write_text('{"url": "https://example.org/lost"}')
    (raw / ".gitkeep").write_text("")
    (raw / ".git").mkdir()
    (raw / ".git" / "config").write_text("[core]\n")
    r = _build()
    assert r.exit_code == 0  # nothing rejected: the articles that are there are all published
    assert "ignored: raw/story.md: R014 not a .txt file (story.md)" in r.output
    assert (
        "ignored: raw/sub/lost.meta.json: R022 sidecar without a raw file (lost.txt is missing)" in r.output
    )
    assert ".gitkeep" not in r.output and ".git/" not in r.output
    assert r.output.rstrip().endswith("wrote dist; 2 other file(s) not read (named above)")


_CTRL_C_DRIVER = """
import sys, time
from workerfn import slow
from corpus.engines.local import ProcessPool
pool = ProcessPool(2, batch_size=1)
try:
    list(pool.map(slow, range(4)))
    print("idle", flush=True)  # the workers wait on their queue, as between a build's batches
    time.sleep(60)
except KeyboardInterrupt:
    pool.close()
    sys.exit(130)
"""


def test_ctrl_c_is_the_drivers_alone(tmp_path: Path) -> None:
    """Ctrl-C goes to the whole process group: the workers must leave it to the driver, not each print a
    KeyboardInterrupt traceback (they did, in the middle of the build's own output)."""
    import os
    import signal
    import subprocess

    driver = start_driver(
        tmp_path,
        "import time\ndef slow(x):\n    time.sleep(0.05)\n    return x\n",
        _CTRL_C_DRIVER,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert driver.stdout is not None
    assert driver.stdout.readline().strip() == "idle"
    os.killpg(driver.pid, signal.SIGINT)
    _, err = driver.communicate(timeout=60)
    assert driver.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


def test_rejected_lines_name_the_file_as_given_and_what_to_do(project: Path) -> None:
    raw = project / "raw"
    (raw / "blank.txt").write_text("  \n")
    (raw / "sub").mkdir()
    (raw / "sub" / "win.txt").write_bytes("Caf\u00e9 cr\u00e8me \u201cnews\u201d".encode("cp1252"))
    r = _build()
    assert r.exit_code == 1
    lines = [x for x in r.output.splitlines() if x.startswith("rejected: ")]
    assert lines == [
        "rejected: raw/blank.txt: R004 the file is whitespace only (hint: add the article text or remove the file)",
        "rejected: raw/sub/win.txt: R002 not valid UTF-8 at byte offset 3 (bytes e9 20 63 72): invalid "
        "continuation byte (hint: it looks like cp1252: re-encode it as UTF-8, e.g. iconv -f cp1252 -t UTF-8 "
        "FILE > FILE.new)",
    ]


def test_a_damaged_cache_heals_itself(tmp_path: Path) -> None:
    """A spill cut short (a full disk, a crash of the machine) is converted again and rewritten, not a
    RuntimeError traceback in pass 3 on every build until someone deletes the cache by hand."""
    from buildkit import run_build

    make_corpus(tmp_path / "raw", 5)
    first = run_build(tmp_path / "raw", tmp_path / "dist", tmp_path / "cache")
    before = {p.name: p.read_bytes() for p in (tmp_path / "dist" / "data").iterdir()}
    spills = list((tmp_path / "cache" / "build" / "spill").glob("*.jsonl"))
    assert spills
    for spill in spills:
        spill.write_bytes(spill.read_bytes()[:100])
    again = run_build(tmp_path / "raw", tmp_path / "dist", tmp_path / "cache")
    assert again.published == first.published == 5 and again.cache_hits == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "dist" / "data").iterdir()} == before
    assert run_build(tmp_path / "raw", tmp_path / "dist", tmp_path / "cache").cache_hits == 5


def test_a_raw_folder_of_only_wrong_extensions_says_why_nothing_was_built(
    tmp_path: Path, monkeypatch
) -> None:
    from buildkit import article_text

    (tmp_path / "raw").mkdir()
    for i in range(2):
        (tmp_path / "raw" / f"story{i}.TXT").write_text(article_text(i))
    monkeypatch.chdir(tmp_path)
    r = _build()
    assert r.exit_code == 1
    assert "ignored: raw/story0.TXT: R014 not a .txt file (story0.TXT)" in r.output
    assert "error: no raw .txt files found; nothing published; dist left unchanged" in r.output
