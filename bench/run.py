"""One benchmark run: generate (or reuse) a corpus of N articles, then time the floor, `corpus convert`,
the peer, `corpus validate` and `corpus build --workers 2` on it, each as a fresh child process.

    python -m bench.run --n 20000

Wall time and peak RSS are measured per step; peak RSS is the largest sum of RSS over the child and all its
descendants (sampled every 50 ms), so worker processes count. The machine is shared, so every step is also
reported as a ratio to the floor measured in the same run. Results go to stdout and bench/results-N.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.generate import generate

REPO = Path(__file__).resolve().parent.parent
NOT_IMPLEMENTED = "not implemented"


@dataclass(slots=True)
class Result:
    name: str
    argv: list[str]
    code: int
    wall: float
    peak_rss: int  # bytes, summed over the process tree
    note: str = ""


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def measure(name: str, argv: list[str], cwd: Path, log: Path) -> Result:
    """Run argv to completion, sampling the RSS of its whole process tree."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    with log.open("wb") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        proc = psutil.Process(child.pid)
        peak = 0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(proc))
            time.sleep(0.05)
        wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = max(peak, usage.ru_maxrss * 1024)
    tail = log.read_text(errors="replace")[-2000:]
    note = ""
    if NOT_IMPLEMENTED in tail:
        note = "not implemented yet"
    elif child.returncode == 2:  # a usage error: the command does not take these options (yet)
        said = [ln.strip(" │╭╰─╮╯") for ln in tail.splitlines() if any(c.isalnum() for c in ln)]
        note = "usage error: " + (said[-1] if said else "")[:80]
    return Result(name, argv, child.returncode, wall, peak, note)


def _help(sub: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    p = subprocess.run(
        [sys.executable, "-m", "corpus", sub, "--help"], capture_output=True, text=True, env=env, check=False
    )
    return p.stdout


def steps(corpus: Path, work: Path, workers: int) -> list[tuple[str, list[str]]]:
    py = sys.executable
    records = work / "records.jsonl"
    worker_opt = ["--workers", str(workers)]
    validate = [py, "-m", "corpus", "validate", str(corpus)]
    if "--workers" in _help("validate"):
        validate += worker_opt
    build = [py, "-m", "corpus", "build", str(corpus), "--out", str(work / "dist"), *worker_opt]
    return [
        ("floor", [py, "-m", "bench.floor", str(corpus), "--out", str(work / "floor.parquet")]),
        ("convert", [py, "-m", "corpus", "convert", str(corpus), "-o", str(records), *worker_opt]),
        ("peer (jsonschema)", [py, "-m", "bench.peer", str(records)]),
        ("validate", validate),
        ("build (cold)", build),
        ("build (warm cache)", build),
    ]


def _short(argv: list[str], corpus: Path, work: Path) -> str:
    s = " ".join(["python" if a == sys.executable else a for a in argv])
    return s.replace(str(corpus), "CORPUS").replace(str(work), "WORK")


def table(results: list[Result], n: int, corpus: Path, work: Path) -> str:
    floor = next((r.wall for r in results if r.name == "floor"), None)
    lines = [
        "| step | wall s | articles/s | peak RSS MB | × floor | exit | command |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        cmd = f"`{_short(r.argv, corpus, work)}`"
        if r.note:
            lines.append(f"| {r.name} | – | – | – | – | {r.code} | {cmd} ({r.note}) |")
            continue
        ratio = f"{r.wall / floor:.1f}" if floor else "–"
        lines.append(
            f"| {r.name} | {r.wall:.1f} | {n / r.wall:,.0f} | {r.peak_rss / 2**20:,.0f} | {ratio} | {r.code} | {cmd} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument(
        "--corpus", type=Path, help="corpus folder (default /tmp/bench-corpus-N; generated if missing)"
    )
    ap.add_argument("--work", type=Path, help="scratch folder for outputs (default /tmp/bench-work-N)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", help="comma-separated step names to run (default: all)")
    ap.add_argument("--results", type=Path, help="Markdown file to write (default bench/results-N.md)")
    a = ap.parse_args(argv)

    corpus = a.corpus or Path(f"/tmp/bench-corpus-{a.n}")
    work = a.work or Path(f"/tmp/bench-work-{a.n}")
    t0 = time.perf_counter()
    manifest = generate(a.n, corpus, seed=a.seed, workers=os.cpu_count() or 1)
    print(
        f"corpus: {corpus} ({manifest['counts']}), ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr
    )
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    only = set(a.only.split(",")) if a.only else None
    results: list[Result] = []
    for name, cmd in steps(corpus, work, a.workers):
        if only and name.split()[0] not in only and name not in only:
            continue
        r = measure(name, cmd, work, work / f"{name.split()[0]}.stderr")
        results.append(r)
        print(f"{name}: {r.wall:.1f} s, {r.peak_rss / 2**20:.0f} MB, exit {r.code} {r.note}", file=sys.stderr)

    counts = manifest["counts"]
    md = "\n".join(
        [
            f"## Benchmark: {a.n:,} articles",
            "",
            f"Command: `python -m bench.run --n {a.n}`. Machine: {machine()}.",
            f"Corpus: {counts} (seed {a.seed}); CORPUS = {corpus}, WORK = {work}.",
            "",
            table(results, a.n, corpus, work),
            "",
        ]
    )
    print(md)
    out = a.results or REPO / "bench" / f"results-{a.n}.md"
    out.write_text(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
