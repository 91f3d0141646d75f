"""Where a build's CPU goes, per raw file and per stage, and whether its worker processes ever wait for work.

    PYTHONPATH=$PWD python -m bench.build_stages /tmp/bench-corpus-20000 --n 3000
    PYTHONPATH=$PWD python -m bench.build_stages /tmp/bench-corpus-20000 --timeline --workers 2

Without `--timeline`: pass 1's per-file steps (what `corpus.build.scan.scan_batch` does) timed one by one in
this process over the first N files, in microseconds of CPU per file, and the per-batch costs (spill write,
key columns, pickling to and from a worker, the driver's `KeyCollector.add`).
With `--timeline`: a whole `build` with N workers (into a scratch folder), each pass's wall time and the CPU
of the driver and of the workers, and per worker its pass-1 wall time split into on-CPU, waiting for a CPU
(the machine's other load; Linux /proc/PID/schedstat) and idle (waiting for work or I/O).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import pickle
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import psutil


def stages(root: Path, n: int) -> None:
    from corpus.build.cache import entry_key, write_spill
    from corpus.build.checking import Checked, fingerprint
    from corpus.build.keys import KeyCollector
    from corpus.build.scan import BatchJob, ScanContext, _entry, _row, scan_batch
    from corpus.check import sketch
    from corpus.check.content import check_record
    from corpus.check.raw import check_bytes, check_meta
    from corpus.check.schema_check import check_schema
    from corpus.config import Config
    from corpus.convert import convert_doc
    from corpus.fsio import discover_any, read_any
    from corpus.rawio import RawDoc

    cfg = Config()
    fp = fingerprint(cfg)
    refs = list(itertools.islice(discover_any([root], None), n))
    t: dict[str, float] = defaultdict(float)
    clock = time.process_time
    done = 0
    convert_doc(read_any(refs[0]))  # the language model loads outside the timing
    bodies: list[str] = []
    many = 0.0  # the build takes the keys of each batch's bodies at once, after converting them all
    for ref in refs:
        if len(bodies) == 256:
            w = clock()
            sketch.keys_many(bodies, cfg.shingle_words, cfg.near_duplicate_threshold)
            many += clock() - w
            bodies = []
        a = clock()
        rel = ref.rel
        try:
            doc = read_any(ref)
        except Exception:
            continue
        b = clock()
        text, _ = check_bytes(doc.data)
        c = clock()
        meta, _ = check_meta(doc.meta, ref)
        doc = RawDoc(ref=ref, data=doc.data, sha256=doc.sha256, meta=meta)
        d = clock()
        try:
            rec = convert_doc(doc)
        except Exception:
            continue
        e = clock()
        as_dict = rec.to_dict()
        f = clock()
        check_schema(as_dict)
        g = clock()
        problems = check_record(rec, cfg, text)
        h = clock()
        keys = sketch.keys(rec.body, cfg.shingle_words, cfg.near_duplicate_threshold)
        i = clock()
        bodies.append(rec.body)
        key = entry_key(fp, ref.id, rel, doc.sha256, doc.meta)
        bands = keys.bands.tobytes() if keys else None
        sig = keys.sig.tobytes() if keys else None
        checked = Checked(as_dict, problems, keys.body_hash if keys else None, bands, sig)
        found = [p.to_dict() for p in problems]
        _, size = _entry(key, checked, found)
        j = clock()
        _row(ref, rel, key, False, found, checked.body_hash, bands, sig, size, as_dict)
        k = clock()
        for name, dt in (
            ("read file + sidecar, sha256", b - a),
            ("raw checks (decode, hidden characters)", c - b),
            ("sidecar checks", d - c),
            ("convert (corpus.convert)", e - d),
            ("record to dict", f - e),
            ("schema (jsonschema-rs)", g - f),
            ("content checks", h - g),
            ("duplicate keys, one body (sketch.keys)", i - h),
            ("cache entry (key, JSON line)", j - i),
            ("key row", k - j),
        ):
            t[name] += dt
        done += 1
    print(f"pass 1, per file ({done} files of {root}, one process, µs CPU):")
    total = sum(t.values())
    for name, dt in t.items():
        print(f"  {name:44s} {dt * 1e6 / done:8.1f}  {dt / total:6.1%}")
    print(f"  {'sum':44s} {total * 1e6 / done:8.1f}")
    batched = done - len(bodies)
    print(
        f"  {'duplicate keys as the build takes them':44s} {many * 1e6 / max(batched, 1):8.1f}  (keys_many, 256 bodies)"
    )

    with tempfile.TemporaryDirectory(prefix="build-stages-") as cache:
        ctx = ScanContext(cache, cfg, fp)
        batch = refs[:256]
        job = BatchJob(batch, [None] * len(batch))
        w = clock()
        res = scan_batch(job, ctx)
        whole = clock() - w
        lines = [b"x" * 7000 + b"\n"] * len(batch)
        w = clock()
        write_spill(cache, "probe.jsonl", lines)
        spill = clock() - w
        w = clock()
        for _ in range(20):
            pickle.loads(pickle.dumps(job))
        job_ipc = (clock() - w) / 20
        w = clock()
        for _ in range(20):
            pickle.loads(pickle.dumps(res))
        res_ipc = (clock() - w) / 20
        collector = KeyCollector(cache, sketch.lsh_shape(cfg.near_duplicate_threshold)[0])
        w = clock()
        for _ in range(20):
            collector.add(res)
        add = (clock() - w) / 20
        collector.abort()
    m = len(batch)
    print(f"per batch of {m}, in µs per file:")
    print(f"  {'scan_batch as a whole (cold cache)':44s} {whole * 1e6 / m:8.1f}")
    print(f"  {'spill write':44s} {spill * 1e6 / m:8.1f}")
    print(f"  {'job pickled to a worker and back':44s} {job_ipc * 1e6 / m:8.1f}")
    print(f"  {'key columns pickled back to the driver':44s} {res_ipc * 1e6 / m:8.1f}")
    print(f"  {'driver: KeyCollector.add':44s} {add * 1e6 / m:8.1f}")


def _schedstat(pids: list[int]) -> dict[int, tuple[float, float]]:
    out = {}
    for pid in pids:
        try:
            cpu, wait, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
        except (OSError, ValueError):
            continue
        out[pid] = (int(cpu) / 1e9, int(wait) / 1e9)
    return out


def timeline(root: Path, n_workers: int) -> None:
    import corpus.build.keys as keys_mod
    import corpus.build.plan as plan_mod
    import corpus.pipeline as pipeline
    from corpus.config import Config
    from corpus.engines import make_engine

    me = psutil.Process()
    t0 = time.perf_counter()
    marks: list[tuple[str, float, float, float]] = []
    kids: dict[int, float] = {}
    sched: dict[str, Any] = {}

    def mark(name: str) -> None:
        for c in me.children(recursive=True):
            try:
                ct = c.cpu_times()
                kids[c.pid] = ct.user + ct.system
            except psutil.Error:
                pass
        ct = me.cpu_times()
        marks.append((name, time.perf_counter() - t0, ct.user + ct.system, sum(kids.values())))

    def wrap(mod: Any, name: str) -> None:
        f = getattr(mod, name)

        @functools.wraps(f)
        def timed(*a: Any, **k: Any) -> Any:
            r = f(*a, **k)
            mark(name)
            return r

        setattr(mod, name, timed)

    def progress(stage: str, done: int, total: int | None) -> None:
        if done == 0:
            mark(f"start {stage}")
            if stage.startswith("convert"):
                threading.Thread(target=watch, daemon=True).start()
        elif total and done == total:
            mark(f"done {stage}")
            if stage.startswith("convert"):
                sched["end"] = (time.perf_counter(), _schedstat(sched.get("pids", [])))

    def watch() -> None:  # the workers appear with the first batch
        while len(me.children()) < n_workers and time.perf_counter() - t0 < 60:
            time.sleep(0.002)
        pids = [c.pid for c in me.children()]
        sched["pids"], sched["start"] = pids, (time.perf_counter(), _schedstat(pids))

    for mod, name in ((keys_mod, "save_dedup_index"), (plan_mod, "plan_build")):
        wrap(mod, name)
    mark("start")
    with tempfile.TemporaryDirectory(prefix="build-timeline-") as tmp:
        cfg = Config(raw_dir=str(root))
        engine = make_engine("local", workers=n_workers, batch_size=1)
        try:
            res = pipeline.build(
                [root], engine, cfg, out=Path(tmp) / "dist", cache_dir=Path(tmp) / "cache", progress=progress
            )
        finally:
            engine.close()
        mark("build returned")
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{res.raw_files} raw files, {res.published} published; --workers {n_workers}")
    print(f"{'after':28s} {'at s':>7s} {'wall s':>7s} {'driver CPU s':>13s} {'workers CPU s':>14s}")
    prev = marks[0]
    for m in marks[1:]:
        print(f"{m[0]:28s} {m[1]:7.2f} {m[1] - prev[1]:7.2f} {m[2] - prev[2]:13.2f} {m[3] - prev[3]:14.2f}")
        prev = m
    last = marks[-1]
    print(f"{'total':28s} {last[1]:7.2f} {'':7s} {last[2]:13.2f} {last[3]:14.2f}")
    if "start" in sched and "end" in sched:
        (ta, a), (tb, b) = sched["start"], sched["end"]
        for pid in sched["pids"]:
            if pid in a and pid in b:
                cpu, wait = b[pid][0] - a[pid][0], b[pid][1] - a[pid][1]
                print(
                    f"worker {pid} in pass 1: {tb - ta:.2f} s = on CPU {cpu:.2f} + waiting for a CPU "
                    f"{wait:.2f} + idle {tb - ta - cpu - wait:.2f}"
                )
    print(f"load average: {' '.join(f'{x:.2f}' for x in psutil.getloadavg())}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--n", type=int, default=3000, help="files to time stage by stage")
    ap.add_argument("--timeline", action="store_true", help="time a whole build's passes instead")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    if not a.root.is_dir():
        print(f"{a.root}: not a folder", file=sys.stderr)
        return 2
    if a.timeline:
        timeline(a.root, a.workers)
    else:
        stages(a.root, a.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
