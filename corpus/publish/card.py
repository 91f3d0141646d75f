"""The dataset card (README.md): YAML that `datasets` loads offline, prose from the HF card template.

The YAML's features come from the same Arrow schema the shards are written with, in `list:`/`struct:`
form (never `sequence:`, which turns lists of structs into structs of lists).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files
from string import Template
from typing import Any

import yaml

from corpus import __version__
from corpus.build.stats import Stats, bin_label
from corpus.convert import CONVERTER_VERSION
from corpus.publish.arrow import features_yaml
from corpus.publish.parquet import WrittenShard
from corpus.publish.quality import card_lines, measured_quality
from corpus.record import SCHEMA_VERSION
from corpus.schema import article_schema

EXAMPLE_CHARS = 600
TOP = 20


@dataclass(frozen=True, slots=True)
class CardMeta:
    """What the corpus configuration says about the dataset."""

    pretty_name: str
    license: str
    languages: list[str]
    tags: list[str]
    task_categories: list[str]
    description: str | None
    load_path: str
    license_name: str | None = None
    license_link: str | None = None


@dataclass(frozen=True, slots=True)
class BuildFacts:
    """What the build found: the inputs of every number in the card."""

    shards: list[WrittenShard]
    stats: Stats
    ratios: dict[str, float]
    raw_files: int
    rejected: int
    clusters: int
    example: dict[str, Any] | None
    date_published: str | None = None  # croissant.json's datePublished
    date_configured: bool = False  # from [tool.corpus] date_published, not the newest article


def size_category(n: int) -> str:
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    bounds += [(10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")]
    for upper, label in bounds:
        if n < upper:
            return label
    return "100M<n<1B"


def front_matter(meta: CardMeta, facts: BuildFacts) -> dict[str, Any]:
    splits = [s for s in facts.ratios if any(w.split == s for w in facts.shards)]
    files_of = {s: sorted(w.name for w in facts.shards if w.split == s) for s in splits}
    split_infos = [
        {
            "name": s,
            "num_bytes": sum(w.num_bytes for w in facts.shards if w.split == s),
            "num_examples": sum(w.rows for w in facts.shards if w.split == s),
        }
        for s in splits
    ]
    return {
        "pretty_name": meta.pretty_name,
        "license": meta.license,
        **_other_license(meta),
        "language": meta.languages,
        "task_categories": meta.task_categories,
        "size_categories": [size_category(facts.stats.total)],
        "tags": meta.tags,
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s, "path": files_of[s]} for s in splits],
            }
        ],
        "dataset_info": {
            "config_name": "default",
            "features": features_yaml(),
            "splits": split_infos,
            "download_size": 0,  # filled below: needs the file sizes
            "dataset_size": sum(i["num_bytes"] for i in split_infos),
        },
    }


def _rows(counter: Counter[str] | dict[str, int], top: int = TOP) -> str:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = [f"| {k} | {v:,} |" for k, v in items[:top]]
    if len(items) > top:
        lines.append(f"| ({len(items) - top} more) | {sum(v for _, v in items[top:]):,} |")
    return "\n".join(lines) or "| (none) | 0 |"


def _field_rows() -> str:
    """One row per field and sub-field, described by the JSON Schema itself."""
    props = article_schema()["properties"]
    out = []

    def walk(name: str, spec: dict[str, Any], arrow_type: str) -> None:
        desc = spec.get("description", "")
        if "enum" in spec:
            desc = (desc + " " if desc else "") + "One of: " + ", ".join(f"`{v}`" for v in spec["enum"]) + "."
        out.append(f"| `{name}` | {arrow_type} | {desc} |")
        inner = spec.get("items", spec) if spec.get("type") == "array" else spec
        for sub, sub_spec in (inner.get("properties") or {}).items():
            walk(
                f"{name}.{sub}" if spec.get("type") != "array" else f"{name}[].{sub}",
                sub_spec,
                _type(sub_spec),
            )

    for name, spec in props.items():
        walk(name, spec, _type(spec))
    return "\n".join(out)


def _type(spec: dict[str, Any]) -> str:
    t = spec.get("type", "string")
    types = t if isinstance(t, list) else [t]
    nullable = "null" in types
    base = next((x for x in types if x != "null"), "string")
    if base == "array":
        item = spec.get("items", {})
        base = "list of struct" if item.get("type") == "object" else "list of string"
    elif base == "object":
        base = "struct"
    return base + (" (nullable)" if nullable else "")


def _example(record: dict[str, Any] | None) -> str:
    if record is None:
        return "// no article was published"
    shown = dict(record)
    if len(shown["body"]) > EXAMPLE_CHARS:
        shown["body"] = shown["body"][:EXAMPLE_CHARS] + " […]"
    return json.dumps(shown, ensure_ascii=False, indent=2)


def _citation(meta: CardMeta) -> str:
    key = "".join(c for c in meta.pretty_name.lower() if c.isalnum()) or "corpus"
    return (
        f"@misc{{{key},\n  title = {{{meta.pretty_name}}},\n"
        f"  note = {{News articles converted and validated with corpus {__version__}}}\n}}"
    )


def render_card(meta: CardMeta, facts: BuildFacts, download_size: int) -> str:
    fm = front_matter(meta, facts)
    fm["dataset_info"]["download_size"] = download_size
    st = facts.stats
    published = st.total
    split_counts = ", ".join(f"{s} {st.per_split.get(s, 0):,}" for s in facts.ratios)
    split_table = "\n".join(
        f"| {s} | {st.per_split.get(s, 0):,} | {sum(w.num_bytes for w in facts.shards if w.split == s):,} | "
        + ", ".join(f"`{w.name}`" for w in facts.shards if w.split == s)
        + " |"
        for s in facts.ratios
    )
    empty = [s for s in facts.ratios if not st.per_split.get(s)]
    empty_note = (
        f"\nEmpty splits ({', '.join(empty)}) have no file and are left out of the card's `configs`: "
        "`datasets` cannot load a split without rows, so `load_dataset` returns only the others.\n"
        if empty
        else ""
    )
    size_note = (
        f"- **Size:** only {published} article{'s' if published != 1 else ''}: far too few to train or "
        "evaluate a model; treat it as a sample of the format, not as a dataset.\n"
        if published < 1000
        else ""
    )
    languages = ", ".join(f"{k} ({v:,})" for k, v in sorted(st.per_language.items())) or "none"
    publishers = sorted(st.per_publisher.items(), key=lambda kv: (-kv[1], kv[0]))
    summary = meta.description or (
        f"{meta.pretty_name} is a corpus of news articles turned from scraped plain text into clean, "
        "schema-valid records (headline, byline, media credits, body, related links, dateline, source) "
        "by `corpus`, with the page furniture removed and every record traced to its raw file."
    )
    values = {
        "front_matter": yaml.safe_dump(fm, sort_keys=False, allow_unicode=True, width=1000).rstrip(),
        "pretty_name": meta.pretty_name,
        "summary": summary,
        "published": f"{published:,}",
        "splits_inline": split_counts,
        "raw_files_n": f"{facts.raw_files:,} raw file{'' if facts.raw_files == 1 else 's'}",
        "rejected": f"{facts.rejected:,}",
        "languages_inline": languages,
        "publishers_inline": ", ".join(f"{k} ({v:,})" for k, v in publishers[:5])
        + (f" and {len(publishers) - 5} more" if len(publishers) > 5 else ""),
        "license": meta.license,
        "load_path": meta.load_path,
        "example_chars": str(EXAMPLE_CHARS),
        "example": _example(facts.example),
        "field_table": _field_rows(),
        "split_table": split_table,
        "ratios": "/".join(f"{round(r * 100)}" for r in facts.ratios.values())
        + " for "
        + "/".join(facts.ratios),
        "empty_note": empty_note,
        "tool_version": __version__,
        "converter_version": CONVERTER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "clusters": f"{facts.clusters:,}",
        "words_min": str(st.words_min if st.words_min is not None else "n/a"),
        "words_max": str(st.words_max if st.words_max is not None else "n/a"),
        "words_mean": f"{st.words_total / published:,.0f}" if published else "n/a",
        "words_median": st.median_bin() or "n/a",
        "hist_table": "\n".join(f"| {bin_label(i)} | {n:,} |" for i, n in enumerate(st.word_hist) if n)
        or "| (none) | 0 |",
        "language_table": _rows(st.per_language),
        "publisher_table": _rows(st.per_publisher),
        "size_note": size_note,
        "quality_note": card_lines(measured_quality(), CONVERTER_VERSION),
        "license_text": _license_text(meta),
        "citation": _citation(meta),
        "dates": _dates(facts),
    }
    template = Template(files("corpus.publish").joinpath("templates/card.md").read_text(encoding="utf-8"))
    return template.substitute(values)


def _dates(facts: BuildFacts) -> str:
    """The articles' dates and where croissant.json's datePublished comes from."""
    dated = sum(w.dated for w in facts.shards)
    ends = [d for w in facts.shards for d in (w.oldest, w.newest) if d]
    rows = sum(w.rows for w in facts.shards)
    span = f"from {min(ends)} to {max(ends)}" if ends else "none"
    line = f"- **Dates:** {dated:,} of {rows:,} articles have a `published` date; {span}.\n"
    if facts.date_configured:
        how = f"`{facts.date_published}`, set by the maintainers (`date_published` in `[tool.corpus]`)"
    elif facts.date_published:
        how = (
            f"`{facts.date_published}`, the newest article's date: the data runs up to it (the maintainers "
            "can set the release date with `date_published` in `[tool.corpus]`)"
        )
    else:
        how = "left out: no article has a date and `date_published` is not set in `[tool.corpus]`"
    return line + f"- **`datePublished` in croissant.json:** {how}.\n"


DEFAULT_LICENSE_NAME = "publishers-terms"


def _other_license(meta: CardMeta) -> dict[str, str]:
    """The Hub asks `license: other` cards for a `license_name` (and a link when there is one)."""
    if meta.license != "other":
        return {}
    found = {"license_name": meta.license_name or DEFAULT_LICENSE_NAME}
    if meta.license_link:
        found["license_link"] = meta.license_link
    return found


def _license_text(meta: CardMeta) -> str:
    license = meta.license
    if license == "other":
        terms = f" The terms: {meta.license_link}." if meta.license_link else ""
        return (
            "The license is `other`: the articles remain the work of their publishers, and a record's "
            "`license` field carries the license its sidecar declared, if any. Check the publishers' terms "
            f"before redistributing or training on the text.{terms}"
        )
    return (
        f"Published under `{license}` (as configured for this corpus); a record's `license` field, when set, "
        "is the license its sidecar declared for that article and takes precedence."
    )
