"""Validate throughput and the submission-mode dedup query at scale.

    PYTHONPATH=$PWD python bench/validate_speed.py --articles 10000 --workers 2
    PYTHONPATH=$PWD python bench/validate_speed.py --index-rows 1000000 --submissions 10000
    PYTHONPATH=$PWD python bench/validate_speed.py --e2e-corpus 1000000 --submissions 10000

Part 1 writes N invented articles (a few per cent exact and near duplicates, a few broken files) into a
temporary corpus and times `corpus validate` over it (whole corpus, then 1% as a submission). Part 2
times the duplicate query of `--submissions` new files against a synthetic index of `--index-rows`
keys (load from the cache dir, sort per band, search, confirm), and reports peak RSS. Part 3 runs the real
submission path: a corpus of tiny files with a ready index (keys synthetic), and `corpus validate new/`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

WORDS = [
    "harbour",
    "council",
    "river",
    "bridge",
    "budget",
    "winter",
    "market",
    "festival",
    "station",
    "railway",
    "library",
    "school",
    "hospital",
    "mayor",
    "minister",
    "farmer",
    "engineer",
    "teacher",
    "volunteers",
    "residents",
    "officials",
    "report",
    "study",
    "plan",
    "repair",
    "road",
    "tuesday",
    "monday",
    "summer",
    "weather",
    "storm",
    "flood",
    "prices",
    "transport",
    "museum",
    "club",
    "season",
    "match",
    "league",
    "players",
    "announced",
    "rejected",
    "approved",
    "questioned",
    "celebrated",
    "postponed",
    "reviewed",
    "defended",
    "criticised",
    "welcomed",
    "the",
    "a",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "after",
    "before",
    "during",
    "despite",
    "according",
    "new",
    "old",
    "local",
    "regional",
    "public",
]


def article(rng: random.Random, i: int) -> str:
    paras = []
    for _ in range(rng.randint(5, 10)):
        sents = []
        for _ in range(rng.randint(2, 4)):
            ws = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
            sents.append(" ".join(ws).capitalize() + f" {rng.randint(1, 10**6)}.")
        paras.append(" ".join(sents))
    return (
        f"Headline number {i} about the {rng.choice(WORDS)}\n\n"
        + "\n\n".join(paras)
        + "\n\nShare this article\n"
    )


def make_corpus(root: Path, n: int, seed: int = 1, prefix: str = "a") -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    for i in range(n):
        r = rng.random()
        if texts and r < 0.02:
            text = rng.choice(texts)  # exact duplicate
        elif texts and r < 0.04:
            ws = rng.choice(texts).split(" ")
            for j in range(0, len(ws), 60):
                ws[j] = "edited"
            text = " ".join(ws)  # near duplicate
        else:
            text = article(rng, i)
            if len(texts) < 2000:
                texts.append(text)
        data = text.encode()
        if r > 0.995:
            data = data[:100] + b"\xff" + data[100:]  # broken file
        (root / f"{prefix}{i:07d}.txt").write_bytes(data)


def validate_run(project: Path, args: list[str]) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "corpus", "validate", "--format", "text", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = done.stdout.strip().splitlines()[-1] if done.stdout else done.stderr
    return time.perf_counter() - t, f"cpu {cpu:.2f} s; {last}"


def part1(n: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "pyproject.toml").write_text('[tool.corpus]\nlanguages = []\ncache_dir = ".cache"\n')
        t = time.perf_counter()
        make_corpus(project / "raw", n)
        print(f"generated {n} articles in {time.perf_counter() - t:.1f} s")
        secs, line = validate_run(project, ["--workers", str(workers)])
        print(f"whole corpus, --workers {workers}: {secs:.2f} s, {n / secs:,.0f} articles/s  [{line}]")
        named = sorted((project / "raw").iterdir())[: max(1, n // 100)]
        secs, line = validate_run(
            project, ["--workers", str(workers), *[str(p) for p in named if p.suffix == ".txt"]]
        )
        print(f"submission of {len(named)} files against the cached index: {secs:.2f} s  [{line}]")


def part2(rows: int, subs: int) -> None:
    from corpus.check import sketch
    from corpus.check.dedup import KeyTable, find_duplicates
    from corpus.check.index import load_index, save_index
    from corpus.config import Config

    nb = sketch.lsh_shape(0.8)[0]
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Config(cache_dir=tmp, raw_dir=tmp)
        rels = [f"sub{i % 1000:03d}/a{i:07d}.txt" for i in range(rows)]
        big = KeyTable(
            rels,
            rels,
            rng.integers(-(2**63), 2**63 - 1, rows, dtype=np.int64),
            rng.integers(0, 2**64 - 1, (rows, nb), dtype=np.uint64),
            np.zeros(rows, np.int64),
            np.zeros(rows, np.int64),
        )
        save_index(big, cfg, Path(tmp))
        del big, rels
        t0 = time.perf_counter()
        old = load_index(cfg, Path(tmp))
        assert old is not None
        t1 = time.perf_counter()
        # submissions: random keys, 1% sharing band keys (candidates) and 1% exact with old rows
        new_b = rng.integers(0, 2**64 - 1, (subs, nb), dtype=np.uint64)
        new_h = rng.integers(-(2**63), 2**63 - 1, subs, dtype=np.int64)
        pick = rng.integers(0, rows, subs // 50)
        new_b[: subs // 100, 3] = old.band_columns.column(3)[pick[: subs // 100]]
        new_h[subs // 100 : subs // 50] = old.body_hash[pick[subs // 100 :]]
        new = KeyTable(
            [f"n{i}.txt" for i in range(subs)],
            [f"/n/{i}" for i in range(subs)],
            new_h,
            new_b,
            np.zeros(subs, np.int64),
            np.zeros(subs, np.int64),
        )
        ws = [str(i) for i in range(300)]
        dups = find_duplicates(new, old, threshold=0.8, shingle_words=5, load_words=lambda p: ws)
        t2 = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"index of {rows:,} rows: load {t1 - t0:.2f} s; query {subs:,} submissions {t2 - t1:.2f} s; "
            f"{len(dups.problems):,} files with duplicates; peak RSS {rss:,.0f} MB"
        )


def part3(corpus: int, subs: int, workers: int) -> None:
    """The real submission path: walk a corpus of `corpus` files, load its index, check `subs` new files."""
    from corpus.check import sketch
    from corpus.check.dedup import KeyTable
    from corpus.check.index import _walk, save_index
    from corpus.config import Config

    keep = os.environ.get("BENCH_KEEP")  # reuse/keep the prepared corpus in this folder
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        project = Path(keep or tmp)
        ready = (project / "raw").is_dir()
        project.mkdir(exist_ok=True)
        (project / "pyproject.toml").write_text('[tool.corpus]\nlanguages = []\ncache_dir = ".cache"\n')
        raw = project / "raw"
        t = time.perf_counter()
        for d in range(0, 0 if ready else corpus, 1000):
            sub = raw / f"d{d // 1000:04d}"
            sub.mkdir(parents=True)
            for i in range(d, min(d + 1000, corpus)):
                (sub / f"a{i:07d}.txt").write_text(f"Headline {i}\n\nBody of article {i}.\n")
        rows = list(_walk(raw.resolve()))
        nb = sketch.lsh_shape(0.8)[0]
        rng = np.random.default_rng(1)
        rels = [r for r, _, _ in rows]
        table = KeyTable(
            rels,
            rels,
            rng.integers(-(2**63), 2**63 - 1, len(rows), dtype=np.int64),
            rng.integers(0, 2**64 - 1, (len(rows), nb), dtype=np.uint64),
            np.array([r[1] for r in rows], np.int64),
            np.array([r[2] for r in rows], np.int64),
        )
        save_index(table, Config(cache_dir=str(project / ".cache")), raw.resolve())
        del table, rows, rels
        if not ready:
            make_corpus(project / "new", subs, seed=2, prefix="n")
        print(
            f"prepared a {corpus:,}-file corpus with its index and {subs:,} submissions in {time.perf_counter() - t:.0f} s"
        )
        secs, line = validate_run(project, ["--workers", str(workers), "new"])
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"submission mode, {subs:,} new files against {corpus:,}: {secs:.2f} s (peak child RSS {rss:,.0f} MB) [{line}]"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--index-rows", type=int, default=0)
    ap.add_argument("--submissions", type=int, default=10_000)
    ap.add_argument(
        "--e2e-corpus", type=int, default=0, help="files in the corpus for the end-to-end submission run"
    )
    a = ap.parse_args()
    if a.articles:
        part1(a.articles, a.workers)
    if a.index_rows:
        part2(a.index_rows, a.submissions)
    if a.e2e_corpus:
        part3(a.e2e_corpus, a.submissions, a.workers)


if __name__ == "__main__":
    main()
