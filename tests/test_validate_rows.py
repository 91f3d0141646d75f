"""Whole-corpus rows kept as columns: the report's order and the id check match the object version."""

from __future__ import annotations

from corpus.check.problem import Problem
from corpus.check.rules import problem
from corpus.check.run import FileResult
from corpus.check.validate import FileReport, Outcome, Rows, _duplicate_ids
from corpus.config import Config


def _row(path: str, problems: list[Problem] | None = None) -> FileResult:
    rel = path.rsplit("/", 1)[-1]
    return FileResult(path, rel, rel.removesuffix(".txt"), None, problems or [])


def test_rows_out_of_path_order_are_reported_sorted_with_ties_in_row_order() -> None:
    rows = Rows()
    for p in ["/r/b.txt", "/r/a.txt", "/r/c.txt", "/r/a.txt"]:
        rows.add(_row(p))
    extra = FileReport("/r/a.txt", None, [problem("R022", "sidecar without a raw file")])
    _duplicate_ids(rows, Config())
    files = list(Outcome(rows, [extra]).files())
    assert [f.path for f in files] == ["/r/a.txt", "/r/a.txt", "/r/a.txt", "/r/b.txt", "/r/c.txt"]
    assert [[p.code for p in f.problems] for f in files] == [[], ["R030"], ["R022"], [], []]
    assert files[1].problems[0].message == "id 'a' is also used by /r/a.txt"


def test_case_folded_ids_clash_and_counts_cover_only_files_with_problems() -> None:
    rows = Rows()
    rows.add(_row("/r/x/ABC.txt"))
    rows.add(_row("/r/abc.txt", [problem("R100", "cannot convert")]))
    rows.add(_row("/r/other.txt"))
    _duplicate_ids(rows, Config())
    outcome = Outcome(rows, [])
    found = {f.path: [p.code for p in f.problems] for f in outcome.files()}
    assert found == {"/r/abc.txt": ["R100"], "/r/other.txt": [], "/r/x/ABC.txt": ["R030"]}
    assert len(outcome) == 3
    assert outcome.with_problems() == 2
    assert outcome.count("error") == 2
