"""rawio's safety rules for named files: a path that climbs out of a folder is refused, never read."""

import os
from pathlib import Path

import pytest

from corpus.rawio import RawReadError, RawRef, _read_fd, discover, read_bytes_limited, read_raw


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


def test_file_reached_through_a_linked_folder_is_judged_by_where_it_really_is(tmp_path: Path) -> None:
    root, outside = tmp_path / "raw", tmp_path / "outside"
    (root / "inner").mkdir(parents=True)
    outside.mkdir()
    (outside / "x.txt").write_text("private text\n", encoding="utf-8")
    (root / "inner" / "y.txt").write_text("own text\n", encoding="utf-8")
    (root / "out").symlink_to(outside)
    (root / "in").symlink_to(root / "inner")
    with pytest.raises(RawReadError) as e:
        read_bytes_limited(root / "out" / "x.txt", root, 100)
    assert e.value.code == "R011" and "outside the raw root" in e.value.message
    assert read_bytes_limited(root / "in" / "y.txt", root, 100) == b"own text\n"
    link_root = tmp_path / "link-to-raw"
    link_root.symlink_to(root)  # a root given through a link is still that root
    assert read_bytes_limited(link_root / "inner" / "y.txt", link_root, 100) == b"own text\n"


def test_size_limit_and_files_that_grow_after_their_stat(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"0123456789")
    assert read_bytes_limited(f, tmp_path, 10) == b"0123456789"
    with pytest.raises(RawReadError) as e:
        read_bytes_limited(f, tmp_path, 9)
    assert e.value.code == "R005" and "10 bytes, over the 9-byte limit" in e.value.message
    fd = os.open(f, os.O_RDONLY)
    try:  # the stat said 4 bytes, the file holds 10 by the time it is read: all of it is read
        assert _read_fd(fd, 4, f, 100) == b"0123456789"
        os.lseek(fd, 0, os.SEEK_SET)
        with pytest.raises(RawReadError) as e:
            _read_fd(fd, 4, f, 8)
        assert e.value.code == "R005"
    finally:
        os.close(fd)


def test_rel_is_the_path_below_its_root() -> None:
    assert RawRef(Path("/a/b"), Path("/a/b/c/d.txt")).rel == "c/d.txt"
    assert RawRef(Path("/"), Path("/c/d.txt")).rel == "c/d.txt"
    assert RawRef(Path("/a/b"), Path("/a/bc/d.txt")).rel == "../bc/d.txt"
    assert RawRef(Path("/a/b"), Path("/x/d.txt")).rel == "../../x/d.txt"
