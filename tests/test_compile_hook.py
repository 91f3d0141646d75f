"""The opt-in compiled build (hatch_build.py): off by default, wheel-only, and `corpus --version` tells which
build runs. Compiling itself needs a C compiler and a minute, so bench/compiled_identity.py checks that part."""

import subprocess
import sys
import zipfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

import corpus.convert.engine
import hatch_build
from corpus import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_compiled_modules_are_existing_non_init_modules_of_the_converter():
    mods = hatch_build.compiled_modules(ROOT)
    assert "corpus/convert/engine.py" in mods and "corpus/convert/body/run.py" in mods
    for m in mods:
        path = ROOT / m
        assert path.is_file() and path.suffix == ".py" and path.name != "__init__.py", m
    every = {p.relative_to(ROOT).as_posix() for p in (ROOT / "corpus" / "convert").rglob("*.py")}
    assert {m for m in every if not m.endswith("__init__.py")} <= set(mods)


@pytest.mark.parametrize(
    ("value", "wanted"),
    [(None, False), ("", False), ("0", False), ("off", False), ("1", True), ("YES", True)],
)
def test_switch_values(value, wanted):
    env = {} if value is None else {"CORPUS_COMPILE": value}
    assert hatch_build.compile_requested(env) is wanted


def test_a_misspelt_switch_is_an_error_not_the_other_build():
    with pytest.raises(ValueError, match="CORPUS_COMPILE='maybe'"):
        hatch_build.compile_requested({"CORPUS_COMPILE": "maybe"})


def test_default_build_needs_no_mypy_and_gives_a_pure_wheel(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUS_COMPILE", raising=False)
    builder = WheelBuilder(str(ROOT))
    assert not [d for d in builder.config.dependencies if d.startswith(("mypy", "setuptools"))]
    wheel = Path(next(builder.build(directory=str(tmp_path), versions=["standard"])))
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    assert "corpus/convert/engine.py" in names
    assert not [n for n in names if n.endswith(tuple(EXTENSION_SUFFIXES))]


def test_switch_pulls_the_compiler_requirements_only_when_on(monkeypatch):
    monkeypatch.setenv("CORPUS_COMPILE", "1")
    deps = WheelBuilder(str(ROOT)).config.dependencies
    assert any(d.startswith("mypy") for d in deps) and any(d.startswith("setuptools") for d in deps)


def test_editable_install_refuses_the_switch_before_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_COMPILE", "1")
    builder = WheelBuilder(str(ROOT))
    with pytest.raises(RuntimeError, match="editable install"):
        next(builder.build(directory=str(tmp_path), versions=["editable"]))
    assert not list(tmp_path.iterdir())
    assert not [p for p in (ROOT / "corpus").rglob("*") if p.name.endswith(tuple(EXTENSION_SUFFIXES))]


def test_version_says_which_converter_build_runs():
    out = subprocess.run(
        [sys.executable, "-m", "corpus", "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    compiled = str(corpus.convert.engine.__file__).endswith(tuple(EXTENSION_SUFFIXES))
    assert out == [f"corpus {__version__}", f"converter: {'compiled (mypyc)' if compiled else 'pure Python'}"]
