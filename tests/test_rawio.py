"""rawio's safety rules for named files: a path that climbs out of a folder is refused, never read."""

import os
from pathlib import Path

import pytest

from corpus.rawio import RawReadError, discover, read_raw


def test_named_path_climbing_out_of_its_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "x.txt").write_text("private text\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (ref,) = discover([Path("raw/../secret/x.txt")], default_root=Path("raw"))
    assert ref.root == tmp_path / "raw"
    assert ref.rel == "../secret/x.txt"
    with pytest.raises(RawReadError) as e:
        read_raw(ref)
    assert e.value.code == "R011"


def test_plain_relative_paths_outside_the_raw_root_still_convert(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    f = tmp_path / "elsewhere" / "a.txt"
    f.write_text("An article.\n", encoding="utf-8")
    rel = Path(os.path.relpath(f))
    (ref,) = discover([rel], default_root=tmp_path / "raw")
    assert ref.root == f.parent and ref.rel == "a.txt"
    assert read_raw(ref).data == b"An article.\n"
