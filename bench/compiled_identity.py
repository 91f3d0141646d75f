"""Compiled and pure converter give the same bytes: `corpus convert` of each folder with a mypyc-compiled install
and with this checkout's pure code, compared byte for byte.

    PYTHONPATH=$PWD python bench/compiled_identity.py /tmp/compile/venv raw /work/shared/eval/dev/raw [--build]

VENV is a virtual environment holding a `CORPUS_COMPILE=1` wheel of this checkout; `--build` makes it first (pip
wheel with CORPUS_COMPILE=1, `python -m venv --system-site-packages`, install the wheel without dependencies).
Both sides run in the same scratch folder (no project config there); the compiled one with PYTHONPATH unset, and the script stops unless
that interpreter loads corpus.convert.engine from an extension module, so a pure import cannot pass for it.
Exit 0 when every folder's output is identical, 1 otherwise. Needs a C compiler (for --build) and PyPI access
for the build requirements; that is why this is a bench script and not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = "import corpus.convert.engine as e, corpus; print(e.__file__); print(corpus.__file__)"


def build_venv(venv: Path, work: Path) -> Path:
    """Compile a wheel of this checkout and install it into a fresh venv that sees the global packages."""
    dist = work / "dist"
    env = {**os.environ, "CORPUS_COMPILE": "1"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, ROOT], env=env, check=True
    )
    (wheel,) = dist.glob("corpus-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--clear", "--system-site-packages", venv], check=True)
    subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", wheel], check=True)
    return wheel


def compiled_python(venv: Path, cwd: Path) -> Path:
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    engine, package = subprocess.run(
        [python, "-c", PROBE], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    if not engine.endswith(".so") or Path(package).resolve().is_relative_to(ROOT):
        sys.exit(f"{python} does not import a compiled converter (engine: {engine}, corpus: {package})")
    print(f"compiled: {engine}")
    return python


def convert(
    python: Path, folder: Path, out: Path, cwd: Path, env: dict[str, str]
) -> tuple[int, float, float]:
    """Run `corpus convert` (exit 1 is normal: the bench corpora hold unconvertible files on purpose);
    returns (exit code, wall s, CPU s of the child)."""
    t0, c0 = time.perf_counter(), os.times()
    cmd = [python, "-m", "corpus", "convert", folder, "-o", out, "--workers", "2"]
    rc = subprocess.run(cmd, cwd=cwd, env=env, stderr=subprocess.DEVNULL).returncode
    if rc not in (0, 1):
        sys.exit(f"{python} -m corpus convert {folder}: exit {rc}")
    c1 = os.times()
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    return rc, time.perf_counter() - t0, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("venv", type=Path)
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--build", action="store_true", help="build the compiled wheel and the venv first")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="corpus-identity-") as tmp:
        work = Path(tmp)
        if args.build:
            print(f"built {build_venv(args.venv.resolve(), work).name}")
        compiled = compiled_python(args.venv.resolve(), work)
        pure_env = {**os.environ, "PYTHONPATH": str(ROOT)}
        compiled_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        same = True
        for i, folder in enumerate(args.folders):
            folder = folder.resolve()
            pure_out, compiled_out = work / f"{i}-pure.jsonl", work / f"{i}-compiled.jsonl"
            prc, pw, pc = convert(Path(sys.executable), folder, pure_out, work, pure_env)
            crc, cw, cc = convert(compiled, folder, compiled_out, work, compiled_env)
            a, b = pure_out.read_bytes(), compiled_out.read_bytes()
            equal = a == b and prc == crc
            verdict, records = ("identical" if equal else "DIFFERENT"), a.count(b"\n")
            same = same and equal
            print(
                f"{folder}: {records} records, {len(a):,} bytes, exit {prc}/{crc}, {verdict}; "
                f"pure {pw:.1f} s wall / {pc:.1f} s CPU, compiled {cw:.1f} s wall / {cc:.1f} s CPU"
            )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
