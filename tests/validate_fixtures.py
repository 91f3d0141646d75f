"""Invented news articles for the validate tests (never text from ../shared/eval)."""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = [
    "The city council",
    "A local farmer",
    "The regional hospital",
    "Our school board",
    "The harbour authority",
    "A group of volunteers",
    "The transport minister",
    "The museum director",
    "A young engineer",
    "The weather service",
    "The football club",
    "A retired teacher",
    "The water company",
    "The mayor",
]
VERBS = [
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
    "described",
    "explained",
    "planned",
    "discussed",
]
OBJECTS = [
    "a new budget for the coming winter",
    "plans for a bridge across the river",
    "the repair of old roads",
    "a festival in the market square",
    "higher prices for public transport",
    "a study of the coastline",
    "the opening of a library branch",
    "changes to the bus timetable",
    "a campaign against litter",
    "funding for the sports centre",
    "a report on air quality",
    "the future of the railway station",
]
TAILS = [
    "after a long meeting on Tuesday",
    "despite protests from residents",
    "in front of a large crowd",
    "according to officials",
    "for the third time this year",
    "with support from neighbours",
    "before the summer holidays",
    "while prices kept rising",
    "during a visit to the valley",
]


def sentence(rng: random.Random) -> str:
    n = rng.randint(2, 999)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}, with {n} people involved."


def article(seed: int, paragraphs: int = 6) -> str:
    """A headline, a byline and paragraphs of plain sentences: clean input any converter keeps."""
    rng = random.Random(seed)
    head = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in district {seed}"
    paras = [" ".join(sentence(rng) for _ in range(3)) for _ in range(paragraphs)]
    return head + "\n\n" + "\n\n".join(paras) + "\n"


def write(root: Path, name: str, text: str | bytes) -> Path:
    p = root / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        p.write_text(text, encoding="utf-8")
    else:
        p.write_bytes(text)
    return p


PYPROJECT = """[tool.corpus]
raw_dir = "raw"
cache_dir = ".cache"
languages = []
"""
