"""Opt-in mypyc build of the converter: `CORPUS_COMPILE=1 pip install .` gives a wheel whose hot modules are C
extensions; without the switch this hook does nothing and the wheel stays pure Python (py3-none-any).

Why our own hook rather than the hatch-mypyc plugin: that plugin compiles in place, so the checkout keeps .so
files that an editable install would import instead of the edited .py (stale code, silently), and it renames
pyproject.toml during the build. Here mypyc works on a copy in a temporary folder and only the wheel gets the
extensions; editable installs refuse the switch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SWITCH = "CORPUS_COMPILE"
# What mypyc compiles: a folder means every module under it but package __init__ files (mypyc gains nothing
# there and they run once). Paths relative to the project root.
COMPILED = ("corpus/convert",)
# The compiled group's shared library: corpus_native__mypyc.*.so at the top of site-packages (mypyc derives each
# module's __file__ from that place, so a dotted name inside the package would give wrong paths).
GROUP = "corpus_native"
# Pulled into the build environment only when the switch is on (hatchling asks `dependencies()` first).
BUILD_REQUIRES = ["mypy>=2.4,<3", "setuptools>=70"]
# mypy options for the copy mypyc checks: the build environment has none of the runtime dependencies, so
# third-party imports are Any there (as in our own mypy run when a package ships no types).
MYPY_INI = "[mypy]\nignore_missing_imports = True\n"

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify
out, temp, group, *paths = sys.argv[1:]
setup(
    name="corpus-compiled",
    script_args=["build_ext", "--build-lib", out, "--build-temp", temp],
    ext_modules=mypycify(["--config-file", "mypy.ini", *paths], group_name=group, target_dir=temp),
)
"""

_FALSE = ("", "0", "false", "no", "off")
_TRUE = ("1", "true", "yes", "on")


def compile_requested(environ: Mapping[str, str] = os.environ) -> bool:
    """The switch, read strictly: a typo must not silently give the other build."""
    value = environ.get(SWITCH, "").strip().lower()
    if value in _FALSE:
        return False
    if value in _TRUE:
        return True
    raise ValueError(
        f"{SWITCH}={value!r}: set it to 1 to compile the converter, or 0 (or unset) for pure Python"
    )


def compiled_modules(root: Path) -> list[str]:
    """The module files mypyc compiles, relative to `root`, sorted."""
    found: list[str] = []
    for entry in COMPILED:
        path = root / entry
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        found += [f.relative_to(root).as_posix() for f in files if f.name != "__init__.py"]
    return sorted(found)


def compile_to(root: Path, work: Path) -> dict[str, str]:
    """Compile a copy of the package under `work`; returns {built extension file: its path in the wheel}."""
    src, out, temp = work / "src", work / "out", work / "temp"
    shutil.copytree(
        root / "corpus", src / "corpus", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    )
    (src / "mypy.ini").write_text(MYPY_INI, encoding="utf-8")
    (src / "setup_mypyc.py").write_text(_SETUP, encoding="utf-8")
    cmd = [sys.executable, "setup_mypyc.py", str(out), str(temp), GROUP, *compiled_modules(root)]
    done = subprocess.run(cmd, cwd=src, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode:
        tail = "\n".join(done.stdout.splitlines()[-40:])
        raise RuntimeError(
            f"{SWITCH}=1: compiling the converter with mypyc failed (it needs a C compiler and the Python "
            f"headers, e.g. `apt-get install gcc python3-dev`). Unset {SWITCH} for the pure-Python install "
            f"(same results, slower).\n--- last lines of the mypyc build ---\n{tail}"
        )
    built = {
        str(f): f.relative_to(out).as_posix()
        for f in sorted(out.rglob("*"))
        if f.is_file() and any(f.name.endswith(s) for s in EXTENSION_SUFFIXES)
    }
    if not built:
        raise RuntimeError(f"{SWITCH}=1: the mypyc build produced no extension modules in {out}")
    return built


class CompileHook(BuildHookInterface):
    """Wheel-target hook: inert unless CORPUS_COMPILE is on; never compiles for editable installs."""

    PLUGIN_NAME = "corpus-compile"

    def dependencies(self) -> list[str]:
        return list(BUILD_REQUIRES) if compile_requested() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if not compile_requested():
            return
        if version == "editable":
            raise RuntimeError(
                f"{SWITCH}=1 does not work with an editable install: compiled modules would shadow the .py files "
                f"you edit. Install a wheel (`{SWITCH}=1 pip install .`) or unset {SWITCH} for `pip install -e .`."
            )
        self._work = Path(tempfile.mkdtemp(prefix="corpus-mypyc-"))
        try:
            built = compile_to(Path(self.root), self._work)
        except BaseException:
            shutil.rmtree(self._work, ignore_errors=True)
            raise
        build_data["force_include"].update(built)
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
