"""The converter's measured quality, for the dataset card: users of a heuristic extraction need its error rates,
and numbers kept in a file the dev gate re-checks cannot go stale unnoticed."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files


@dataclass(frozen=True)
class Quality:
    converter_version: str
    articles: int
    sites: int
    body_f1: dict[str, float]  # by shape: region, glued, page
    headline_accuracy: float
    fields: dict[str, tuple[float, float]]  # authors, credits, captions: (precision, recall)


def measured_quality() -> Quality:
    data = tomllib.loads(files("corpus.publish").joinpath("quality.toml").read_text(encoding="utf-8"))
    f = data["fields"]
    return Quality(
        converter_version=data["converter_version"],
        articles=data["articles"],
        sites=data["sites"],
        body_f1={k: float(v) for k, v in data["body_f1"].items()},
        headline_accuracy=float(f["headline_accuracy"]),
        fields={k: (float(f[k][0]), float(f[k][1])) for k in ("authors", "credits", "captions")},
    )


def card_lines(q: Quality, converter_version: str) -> str:
    """The card's quality bullet; says nothing it cannot back up when the numbers are not this converter's."""
    if q.converter_version != converter_version:
        return ""
    a, c, p = q.fields["authors"], q.fields["credits"], q.fields["captions"]
    return (
        f"- **Measured extraction quality** of converter {q.converter_version} on the project's evaluation set "
        f"({q.articles} articles from about {q.sites} news sites, each dumped three ways, scored against "
        "reference fields): body F1 "
        f"{q.body_f1['region']:.2f} on dumps of the article's region and {q.body_f1['page']:.2f} on whole-page "
        f"dumps; headline accuracy {q.headline_accuracy:.2f}; precision / recall of authors "
        f"{a[0]:.2f} / {a[1]:.2f}, picture credits {c[0]:.2f} / {c[1]:.2f}, captions {p[0]:.2f} / {p[1]:.2f}. "
        "Expect errors at about these rates, more on sites unlike those.\n"
    )
