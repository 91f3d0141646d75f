"""Generate a synthetic raw corpus for benchmarks: N distinct articles with page furniture.

Articles are recombined from the invented parts in bench/wordlists.py and the paragraphs of the repository's
own raw/ seed; a few per cent are exact or near duplicates and a few files are invalid (empty, NUL bytes,
bad UTF-8, cp1252). The corpus is cut into chunks seeded by (seed, chunk number), so the bytes do not
depend on how many processes generate it.

    python -m bench.generate --n 100000 --out /tmp/bench-corpus-100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import string
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench import wordlists as W

GENERATOR_VERSION = "1"
MANIFEST = ".bench-corpus.json"
CHUNK = 5000
SEED_FILE = Path(__file__).resolve().parent.parent / "raw" / "000_6f5325a99d8ab7f5.txt"

# Shares of special files (the rest are ordinary articles).
EXACT_DUP = 0.02
NEAR_DUP = 0.02
INVALID = 0.004
INVALID_KINDS = ("empty", "whitespace", "nul", "bad-utf8", "cp1252")

_FMT = string.Formatter()


def _fields(template: str) -> tuple[str, ...]:
    return tuple(f for _, f, _, _ in _FMT.parse(template) if f)


_TITLE = {
    "TOPIC_T": tuple(t.removeprefix("the ").title() for t in W.TOPIC),
    "ORG_T": tuple(o.title() for o in W.ORG),
}
_LISTS: dict[str, Sequence[str]] = {
    "FIRST": W.FIRST,
    "LAST": W.LAST,
    "FIRST2": W.FIRST,
    "LAST2": W.LAST,
    "PLACE": W.PLACE,
    "ORG": W.ORG,
    "AGENCY": W.AGENCY,
    "TOPIC": W.TOPIC,
    "DAY": W.DAY,
    "MONTH": W.MONTH,
    "ROLE": W.ROLE,
    "ROLE_J": W.ROLE_J,
    "SITE": W.SITE,
    **_TITLE,
}


class Filler:
    """Fills `{PLACEHOLDER}` templates from the word lists with one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, template: str, **fixed: str) -> str:
        names = self._cache.get(template)
        if names is None:
            names = self._cache[template] = _fields(template)
        if not names:
            return template
        rng = self.rng
        values: dict[str, str] = {}
        for name in names:
            if name in fixed:
                values[name] = fixed[name]
            elif name == "NUM":
                values[name] = str(rng.randint(2, 950))
            elif name == "NUM2":
                values[name] = str(rng.randint(1, 28))
            elif name == "HEADLINE":
                values[name] = self(rng.choice(W.HEADLINE))
            else:
                values[name] = rng.choice(_LISTS[name])
        return template.format(**values)


def _seed_paragraphs() -> list[str]:
    """Long sentence-lines of the repository's own seed article, reused as occasional body paragraphs."""
    try:
        text = SEED_FILE.read_text(encoding="utf-8")
    except OSError:
        return []
    return [line for line in text.splitlines() if len(line) > 150 and line.endswith((".", "”"))]


@dataclass(slots=True)
class Article:
    """The generated parts of one article, kept so a near duplicate can reuse its body."""

    paragraphs: list[str]


class ChunkWriter:
    """Generates and writes one chunk of the corpus; everything random comes from one seeded stream."""

    def __init__(self, seed: int, chunk: int) -> None:
        self.rng = random.Random(f"{seed}-{chunk}")
        self.fill = Filler(self.rng)
        self.heads = [self.fill(self.rng.choice(W.HEAD)) for _ in range(3000)]
        self.tails = [self.fill(self.rng.choice(W.TAIL)) for _ in range(3000)]
        self.quotes = [self.fill(self.rng.choice(W.QUOTE)) for _ in range(600)]
        self.seed_paras = _seed_paragraphs()

    def body(self) -> list[str]:
        rng = self.rng
        k = rng.randint(20, 90)
        sentences = [
            h + " " + t
            for h, t in zip(rng.choices(self.heads, k=k), rng.choices(self.tails, k=k), strict=True)
        ]
        paras: list[str] = []
        i = 0
        while i < k:
            n = rng.randint(1, 4)
            para = " ".join(sentences[i : i + n])
            r = rng.random()
            if r < 0.12:
                para = rng.choice(self.quotes)
            elif r < 0.14 and self.seed_paras:
                para = rng.choice(self.seed_paras)
            paras.append(para)
            i += n
        return paras

    def furnish(self, paras: list[str]) -> str:
        """Wrap body paragraphs in one site's page furniture."""
        rng, fill = self.rng, self.fill
        style = rng.randrange(len(W.SITE))
        site = W.SITE[style]
        top: list[str] = []
        if style in (0, 3):
            top.extend(rng.sample(W.MENU, rng.randint(4, 8)))
        headline = fill(rng.choice(W.HEADLINE))
        top.append(headline)
        byline = fill(rng.choice(W.BYLINE), SITE=site)
        if style % 2 == 0:
            top.append(byline)
        if rng.random() < 0.7:
            credit, caption = fill(rng.choice(W.CREDIT)), fill(rng.choice(W.CAPTION))
            top.extend([credit, caption] if style != 2 else [caption, credit])
        if style % 2 == 1:
            top.append(byline)
        body = list(paras)
        if style == 4:
            body[0] = f"{rng.choice(W.PLACE).upper()} ({rng.choice(W.AGENCY)}) — {body[0]}"
        if len(body) > 4 and rng.random() < 0.5:
            body.insert(rng.randint(2, len(body) - 1), fill(rng.choice(W.RELATED)))
        if len(body) > 6 and rng.random() < 0.4:
            body.insert(rng.randint(3, len(body) - 2), fill(rng.choice(W.SUBHEAD)))
        tail = [fill(s) for s in rng.sample(W.SHARE, rng.randint(1, 4))]
        if style in (0, 1, 5):
            tail.append("Previous article" + fill(rng.choice(W.HEADLINE)))
            tail.append("Next article" + fill(rng.choice(W.HEADLINE)))
        if rng.random() < 0.5:
            tail.append(fill(rng.choice(W.BIO), SITE=site))
        tail.extend(fill(s, SITE=site) for s in rng.sample(W.FOOTER, rng.randint(0, 2)))
        sep = "\n\n" if style != 5 else "\n"
        return "\n".join(top) + "\n\n" + sep.join(body) + "\n\n" + "\n".join(tail) + "\n"

    def meta(self, aid: str) -> bytes | None:
        rng = self.rng
        if rng.random() >= 0.3:
            return None
        site = rng.choice(W.SITE)
        domain = site.lower().removeprefix("the ").replace(" ", "") + ".example"
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        meta = {
            "url": f"https://{domain}/2024/{month:02d}/{aid}",
            "publisher": site,
            "published": f"2024-{month:02d}-{day:02d}",
            "language": "en",
        }
        return json.dumps(meta, ensure_ascii=False).encode()

    def invalid(self, text: str) -> bytes:
        kind = self.rng.choice(INVALID_KINDS)
        data = text.encode()
        mid = len(data) // 2
        if kind == "empty":
            return b""
        if kind == "whitespace":
            return b"\n  \n\t\n"
        if kind == "nul":
            return data[:mid] + b"\x00\x00" + data[mid:]
        if kind == "bad-utf8":
            return data[:mid] + b"\xc3\x28\xff" + data[mid:]
        return ("Café " + text).encode("cp1252", errors="replace")

    def write(self, out: Path, start: int, stop: int) -> Counter[str]:
        rng = self.rng
        counts: Counter[str] = Counter()
        recent: list[tuple[list[str], bytes]] = []
        for i in range(start, stop):
            aid = f"{i:07d}_{rng.getrandbits(64):016x}"
            r = rng.random()
            meta = None
            if r < EXACT_DUP and recent:
                data = rng.choice(recent)[1]
                kind = "exact-duplicate"
            elif r < EXACT_DUP + NEAR_DUP and recent:
                paras = list(rng.choice(recent)[0])
                paras[rng.randrange(len(paras))] = rng.choice(self.quotes)
                data = self.furnish(paras).encode()
                kind = "near-duplicate"
            else:
                paras = self.body()
                text = self.furnish(paras)
                if r > 1 - INVALID:
                    data, kind = self.invalid(text), "invalid"
                else:
                    data, kind = text.encode(), "article"
                    meta = self.meta(aid)
                    if len(recent) < 500:
                        recent.append((paras, data))
                    else:
                        recent[rng.randrange(500)] = (paras, data)
            with open(out / f"{aid}.txt", "wb") as fh:
                fh.write(data)
            if meta is not None:
                with open(out / f"{aid}.meta.json", "wb") as fh:
                    fh.write(meta)
            counts[kind] += 1
            counts["bytes"] += len(data)
        return counts


def _chunk(args: tuple[str, int, int, int]) -> Counter[str]:
    out, seed, chunk, n = args
    start, stop = chunk * CHUNK, min(n, (chunk + 1) * CHUNK)
    return ChunkWriter(seed, chunk).write(Path(out), start, stop)


def read_manifest(out: Path) -> dict[str, object] | None:
    try:
        data = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def generate(n: int, out: Path, *, seed: int = 0, workers: int = 1, force: bool = False) -> dict[str, object]:
    """Write the corpus into `out` (reused when a matching one is already there); return its manifest."""
    want = {"n": n, "seed": seed, "version": GENERATOR_VERSION}
    old = read_manifest(out)
    if old is not None and not force and all(old.get(k) == v for k, v in want.items()):
        return old
    if out.exists() and any(out.iterdir()):
        if old is None:
            raise SystemExit(f"error: {out}: exists and is not a benchmark corpus; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(str(out), seed, c, n) for c in range((n + CHUNK - 1) // CHUNK)]
    total: Counter[str] = Counter()
    t0 = time.perf_counter()
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(workers) as pool:
            for c in pool.map(_chunk, jobs):
                total.update(c)
    else:
        for job in jobs:
            total.update(_chunk(job))
    manifest: dict[str, object] = {
        **want,
        "counts": dict(sorted(total.items())),
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="articles to generate (default 100000)")
    ap.add_argument("--out", type=Path, help="folder to write (default /tmp/bench-corpus-N)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--force", action="store_true", help="regenerate even if a matching corpus exists")
    a = ap.parse_args(argv)
    out = a.out or Path(f"/tmp/bench-corpus-{a.n}")
    manifest = generate(a.n, out, seed=a.seed, workers=a.workers, force=a.force)
    json.dump(manifest, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
