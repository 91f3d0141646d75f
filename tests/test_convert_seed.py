"""The project's seed article converts to exactly its expected record (written out here, on purpose)."""

import json
from pathlib import Path

from corpus.convert import convert_bytes
from corpus.schema import fast_validator

SEED_ID = "000_6f5325a99d8ab7f5"
BIO_START = "Hana Levi Julian is a Middle East news analyst with a degree in Mass Communication"
CREDIT = "U.S. Mission to International Organizations in Vienna UNVIE"
CAPTION = (
    "Secretary of State John Kerry shakes hands with Iranian Foreign Minister Javad Zarif, November 23, 2014."
)
RELATED = [
    ("inline", "Israel Defense Officials Worried US Leaking Israeli Special Ops Info to the Press"),
    ("previous", "Day 4: Failed Mortar Attack Fired from Gaza"),
    ("next", "India Officially Asks Israel for Medical Assistance to Help with COVID-19 Crisis"),
]
# The 14 paragraphs: first and last words of each, and the exact body is rebuilt from the raw lines below.
PARAGRAPH_STARTS = [
    "Iranian Foreign Minister Mohammad Javad Zarif has claimed",
    "An astonished Zarif said Kerry informed him",
    "This is not the first time there have been questions",
    "Earlier this month, The New York Times reported",
    "A few weeks earlier, a separate report in the Wall Street Journal",
    "If this report is true, this may jeopardize",
    "Once the recording became public",
    "Khatibzadeh called the release of the audio",
    "Some of the leaked interview was aired first",
    "Iran International also shared some three hours",
    "In the interview, Zarif also griped",
    "However, Zarif complained of his lack of control",
    "“I have sacrificed diplomacy for the military field",
    "Zarif also described Russia as wanting to block",
]


def _convert(seed_path: Path):
    data = seed_path.read_bytes()
    return convert_bytes(data, id=SEED_ID, file=seed_path.name)


def test_seed_record_exact(seed_path: Path) -> None:
    rec = _convert(seed_path)
    assert rec.headline is None
    assert rec.byline.authors == ["Hana Levi Julian"]
    assert rec.byline.bio is not None and rec.byline.bio.startswith(BIO_START)
    assert rec.byline.bio.endswith("in addition to her years working in broadcast journalism.")
    assert [(c.kind, c.credit, c.caption) for c in rec.credits] == [("photo", CREDIT, CAPTION)]
    assert [(r.rel, r.title) for r in rec.related_links] == RELATED
    paragraphs = rec.body.split("\n\n")
    assert len(paragraphs) == 14
    for para, start in zip(paragraphs, PARAGRAPH_STARTS, strict=True):
        assert para.startswith(start)
    # the exact body: exactly these raw lines, in order, each one paragraph
    raw_lines = seed_path.read_text(encoding="utf-8").splitlines()
    expected = [ln.strip() for ln in raw_lines if any(ln.startswith(s) for s in PARAGRAPH_STARTS)]
    assert rec.body == "\n\n".join(expected)
    assert rec.body.endswith("“You definitely can never release this part.”")
    assert rec.language == "en"
    assert rec.word_count == len(rec.body.split())


def test_seed_record_is_schema_valid(seed_path: Path) -> None:
    d = _convert(seed_path).to_dict()
    errors = list(fast_validator().iter_errors(d))
    assert errors == []


def test_seed_matches_shared_gold(seed_path: Path, shared_eval: Path) -> None:
    gold = json.loads((shared_eval / "seed" / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    rec = _convert(seed_path)
    assert rec.body == gold["body"]
    assert rec.headline == gold["headline"]
    assert rec.byline.authors == gold["authors"]
    assert rec.byline.bio == gold["bio"]
    assert [c.credit for c in rec.credits] == gold["credits"]
    assert [c.caption for c in rec.credits] == gold["captions"]
    assert [{"rel": r.rel, "title": r.title} for r in rec.related_links] == gold["related"]


def test_sidecar_metadata_wins(seed_path: Path) -> None:
    meta = {
        "url": "https://example.org/a",
        "publisher": "Example Press",
        "published": "2021-04-27",
        "headline": "A headline from the sidecar",
        "language": "EN",
        "license": "CC-BY-4.0",
    }
    rec = convert_bytes(seed_path.read_bytes(), id=SEED_ID, file=seed_path.name, meta=meta)
    assert rec.headline == "A headline from the sidecar"
    assert rec.source.url == "https://example.org/a"
    assert rec.source.publisher == "Example Press"
    assert rec.published == "2021-04-27"
    assert rec.language == "en"
    assert rec.license == "CC-BY-4.0"
    assert list(fast_validator().iter_errors(rec.to_dict())) == []
