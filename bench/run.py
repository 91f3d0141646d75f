"""One benchmark run: generate (or reuse) a corpus of N articles, then time the floor, `corpus convert`,
the peer, `corpus validate`, `corpus build --workers 2` and a submission check on it, each as a fresh
child process.

    python -m bench.run --n 20000

Wall time and peak RSS are measured per step; peak RSS is the largest sum of RSS over the child and all its
descendants (sampled every 50 ms), so worker processes count. The machine is shared and its load changes
from minute to minute, so the floor is run again right before every step and each step's ratio is to
that adjacent floor. Results go to stdout and bench/results-N.md.

The submission step validates NEW articles (`--new`, default 10,000, generated with another seed) against
the corpus, as a pull request would: the corpus's index was persisted by the `validate` step before it.
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
    cpu: float = 0.0  # user + system seconds of the child and every descendant it waited for
    note: str = ""
    floor: Result | None = None  # the floor run right before this step
    items: int = 0  # articles the step handled (for articles/s)


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
    cpu = usage.ru_utime + usage.ru_stime
    return Result(name, argv, child.returncode, wall, peak, cpu, note)


def _help(sub: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    p = subprocess.run(
        [sys.executable, "-m", "corpus", sub, "--help"], capture_output=True, text=True, env=env, check=False
    )
    return p.stdout


def floor_cmd(corpus: Path, work: Path) -> list[str]:
    return [sys.executable, "-m", "bench.floor", str(corpus), "--out", str(work / "floor.parquet")]


def steps(corpus: Path, work: Path, workers: int, new: Path | None) -> list[tuple[str, list[str]]]:
    py = sys.executable
    records = work / "records.jsonl"
    worker_opt = ["--workers", str(workers)]
    validate = [py, "-m", "corpus", "validate", "--format", "json"]
    if "--workers" in _help("validate"):
        validate += worker_opt
    build = [py, "-m", "corpus", "build", str(corpus), "--out", str(work / "dist"), *worker_opt]
    out = [
        ("convert", [py, "-m", "corpus", "convert", str(corpus), "-o", str(records), *worker_opt]),
        ("peer (jsonschema)", [py, "-m", "bench.peer", str(records)]),
        ("validate", [*validate, str(corpus)]),
        ("build (cold)", build),
        ("build (warm cache)", build),
    ]
    if new is not None:
        out.append(("submission", [*validate, str(new)]))
    return out


def _short(argv: list[str], corpus: Path, work: Path) -> str:
    s = " ".join(["python" if a == sys.executable else a for a in argv])
    return s.replace(str(corpus), "CORPUS").replace(str(work), "WORK")


def table(results: list[Result], corpus: Path, work: Path, new: Path | None) -> str:
    lines = [
        "| step | articles | wall s | articles/s | peak RSS MB | CPU s | floor wall / CPU s | × floor wall | × floor CPU | exit | command |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        cmd = _short(r.argv, corpus, work)
        if new is not None:
            cmd = cmd.replace(str(new), "NEW")
        if r.note:
            lines.append(
                f"| {r.name} | {r.items:,} | – | – | – | – | – | – | – | {r.code} | `{cmd}` ({r.note}) |"
            )
            continue
        f = r.floor
        floor = f"{f.wall:.1f} / {f.cpu:.1f}" if f else "–"
        ratio = f"{r.wall / f.wall:.1f}" if f else "1.0"
        cpu_ratio = f"{r.cpu / f.cpu:.1f}" if f and f.cpu else "1.0"
        lines.append(
            f"| {r.name} | {r.items:,} | {r.wall:.1f} | {r.items / r.wall:,.0f} | {r.peak_rss / 2**20:,.0f} "
            f"| {r.cpu:.1f} | {floor} | {ratio} | {cpu_ratio} | {r.code} | `{cmd}` |"
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
    ap.add_argument("--new", type=int, default=10_000, help="submitted articles to validate (0: skip)")
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
    new = None
    if a.new:
        new = corpus.parent / f"{corpus.name}-new-{a.new}"
        generate(a.new, new, seed=a.seed + 1000, workers=os.cpu_count() or 1)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    # one configuration for every step: the corpus is the raw folder submissions are judged against
    (work / "corpus.toml").write_text(f'raw_dir = "{corpus}"\ncache_dir = "{work / ".corpus-cache"}"\n')

    only = set(a.only.split(",")) if a.only else None
    results: list[Result] = []

    def run_step(name: str, cmd: list[str], items: int) -> Result:
        r = measure(name, cmd, work, work / f"{name.split()[0]}.stderr")
        r.items = items
        print(
            f"{name}: {r.wall:.1f} s, CPU {r.cpu:.1f} s, {r.peak_rss / 2**20:.0f} MB, exit {r.code} {r.note}",
            file=sys.stderr,
        )
        return r

    results.append(run_step("floor", floor_cmd(corpus, work), a.n))
    for name, cmd in steps(corpus, work, a.workers, new):
        if only and name.split()[0] not in only and name not in only:
            continue
        floor = run_step("floor", floor_cmd(corpus, work), a.n)
        r = run_step(name, cmd, a.new if name == "submission" else a.n)
        r.floor = floor
        results.append(r)

    counts = manifest["counts"]
    md = "\n".join(
        [
            f"## Benchmark: {a.n:,} articles",
            "",
            f"Command: `python -m bench.run --n {a.n}`. Machine: {machine()}.",
            f"Corpus: {counts} (seed {a.seed}); CORPUS = {corpus}, WORK = {work}"
            + (f", NEW = {new} ({a.new:,} articles, seed {a.seed + 1000})." if new else "."),
            "The floor is run again right before each step; × floor wall (CPU) is the step's wall (CPU) time over"
            " that floor run's. CPU time (user + system, all processes) is far less sensitive than wall time to"
            " the other jobs sharing this machine.",
            "",
            table(results, corpus, work, new),
            "",
        ]
    )
    print(md)
    out = a.results or REPO / "bench" / f"results-{a.n}.md"
    out.write_text(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
