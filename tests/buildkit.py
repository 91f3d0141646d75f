"""Invented news articles for the build tests (no real publisher's text)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from corpus.config import Config
from corpus.engines import InProcess
from corpus.pipeline import BuildResult, build

_SUBJECTS = [
    "The harbour council",
    "A regional water board",
    "The orchestra's new director",
    "Volunteers from the valley",
    "The city's transport office",
    "A group of beekeepers",
    "The mountain rescue team",
    "Local bakers",
    "The museum's archivists",
    "A youth chess club",
]
_VERBS = ["announced", "rejected", "postponed", "celebrated", "questioned", "funded", "reviewed", "opened"]
_OBJECTS = [
    "a plan to repaint the old lighthouse",
    "the budget for winter road salt",
    "a festival of forgotten folk songs",
    "new rules for allotment gardens",
    "a study of river otters near the weir",
    "the timetable for night ferries",
    "a campaign to plant ten thousand oaks",
    "repairs to the clock tower",
]
_TAILS = [
    "after a long debate on Tuesday evening.",
    "despite objections from several residents.",
    "according to minutes published this week.",
    "while officials promised a public hearing in spring.",
    "and said more details would follow next month.",
    "because costs had risen sharply since last year.",
]


def article_text(seed: int, paragraphs: int = 5) -> str:
    rnd = random.Random(seed)
    title = f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)}".title()
    lines = [title, "", f"By Alex Example{seed}", ""]
    for p in range(paragraphs):
        sentences = [
            f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)} {rnd.choice(_TAILS)}"
            for _ in range(3)
        ]
        sentences.append(
            f"Item {seed}-{p} in the record was numbered {rnd.randint(1000, 99999)} by the clerk."
        )
        lines += [" ".join(sentences), ""]
    lines += ["Share this article on Facebook", "Previous article", ""]
    return "\n".join(lines)


def write_article(raw: Path, id: str, text: str, meta: dict[str, object] | None = None) -> Path:
    raw.mkdir(parents=True, exist_ok=True)
    path = raw / f"{id}.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (raw / f"{id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def make_corpus(raw: Path, n: int = 20, start: int = 0) -> list[str]:
    ids = []
    for i in range(start, start + n):
        id = f"art{i:04d}"
        meta = {"publisher": ["Harbour Times", "Valley Post"][i % 2], "language": "en"}
        write_article(raw, id, article_text(i), meta)
        ids.append(id)
    return ids


def add_bad_files(raw: Path) -> dict[str, str]:
    """Files that must be rejected, with the code expected among their reasons."""
    write_article(raw, "bad_empty", "   \n\n  ")
    write_article(raw, "bad_sidecar", article_text(901), None)
    (raw / "bad_sidecar.meta.json").write_text("{not json", encoding="utf-8")
    write_article(raw, "bad_language", article_text(902), {"language": "English"})
    return {"bad_empty.txt": "R004", "bad_sidecar.txt": "R020", "bad_language.txt": "R023"}


def run_build(raw: Path, out: Path, cache: Path, cfg: Config | None = None, **kw: object) -> BuildResult:
    return build([raw], InProcess(), cfg or Config(), out=out, cache_dir=cache, **kw)  # type: ignore[arg-type]


def load(out: Path, cache_dir: Path) -> object:
    import datasets

    return datasets.load_dataset(str(out), cache_dir=str(cache_dir))
