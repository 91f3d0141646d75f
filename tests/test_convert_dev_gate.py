"""Evaluation gate: the converter's scores on ../shared/eval/dev may not fall below these floors.

The metric is imported from ../shared/eval/score.py (not copied); skipped when ../shared is absent.
Floors sit a little below the measured scores (see the README's table) so quality cannot silently regress.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from corpus.convert import CONVERTER_VERSION, convert_bytes
from corpus.publish.quality import measured_quality

FLOORS = {"region": 0.964, "glued": 0.963, "page": 0.963}  # measured 0.965 / 0.964 / 0.964
LEAK_CEILING = 0.05  # share of `without` snippets found in the body, per shape; measured 0.00 / 0.00 / 0.00
HEADLINE_FLOOR = 0.787  # all shapes together; measured 0.789
# set precision / recall over all shapes (the scorer's set_pr, summed as score.py sums them); measured:
# authors 0.946 / 0.921, credits 0.788 / 0.956, captions 0.822 / 0.865 (converter 0.4.0)
FIELD_FLOORS = {
    "authors": (0.945, 0.918),
    "credits": (0.785, 0.948),
    "captions": (0.82, 0.86),
}


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("corpus_eval_score", shared / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@functools.cache
def _dev_scores(shared: Path) -> dict[str, float]:
    """Every number the gate and quality.toml speak of, computed once per session with the scorer's own metric."""
    score = _scorer(shared)
    dev = shared / "dev"
    rows: dict[str, list[tuple[float, float, float]]] = {k: [] for k in FLOORS}
    heads: list[bool] = []
    leaks: dict[str, list[bool]] = {k: [] for k in FLOORS}
    sets = {k: [0, 0, 0, 0] for k in FIELD_FLOORS}
    for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        data = (dev / "raw" / f"{g['id']}.txt").read_bytes()
        rec = convert_bytes(data, id=g["id"], file=f"{g['id']}.txt").to_dict()
        f = score.fields(rec)
        shape = g["id"].split("-")[1]
        if g.get("body"):
            rows[shape].append(score.tp_fp_fn(g["body"], f["body"]))
        body_norm = score.norm(f["body"] or "")
        leaks[shape] += [score.norm(s) in body_norm for s in g.get("without") or []]
        if g.get("headline_known"):
            heads.append(score.norm(f["headline"] or "") == score.norm(g["headline"] or ""))
        for key, acc in sets.items():
            if g.get(key) is not None:
                for i, v in enumerate(score.set_pr(g[key], f[key])):
                    acc[i] += v
    out: dict[str, float] = {"headline": sum(heads) / len(heads)}
    for shape in FLOORS:
        out[f"body_f1.{shape}"] = score.prf(rows[shape])[2]
        out[f"leak.{shape}"] = sum(leaks[shape]) / max(1, len(leaks[shape]))
    for key, (hit_p, n_p, hit_g, n_g) in sets.items():
        out[f"{key}.p"], out[f"{key}.r"] = hit_p / n_p, hit_g / n_g
    return out


def test_dev_body_f1_floors(shared_eval: Path) -> None:
    m = _dev_scores(shared_eval)
    for shape, floor in FLOORS.items():
        f1 = m[f"body_f1.{shape}"]
        assert f1 >= floor, f"{shape}: body F1 {f1:.3f} < {floor}"
        leak = m[f"leak.{shape}"]
        assert leak <= LEAK_CEILING, f"{shape}: {leak:.2f} of the `without` snippets in the body"
    head = m["headline"]
    assert head >= HEADLINE_FLOOR, f"headline accuracy {head:.3f} < {HEADLINE_FLOOR}"
    for key, (p_floor, r_floor) in FIELD_FLOORS.items():
        p, r = m[f"{key}.p"], m[f"{key}.r"]
        assert p >= p_floor and r >= r_floor, f"{key}: P {p:.3f} R {r:.3f} < floors {p_floor} / {r_floor}"


def test_card_quality_numbers_are_the_converters(shared_eval: Path) -> None:
    """The dataset card quotes corpus/publish/quality.toml: it must be this converter's version and scores."""
    q = measured_quality()
    assert q.converter_version == CONVERTER_VERSION, (
        f"corpus/publish/quality.toml is for converter {q.converter_version}, the converter is {CONVERTER_VERSION}"
    )
    m = _dev_scores(shared_eval)
    stated = {f"body_f1.{k}": v for k, v in q.body_f1.items()} | {"headline": q.headline_accuracy}
    for key, (p, r) in q.fields.items():
        stated |= {f"{key}.p": p, f"{key}.r": r}
    off = {k: (v, round(m[k], 3)) for k, v in stated.items() if abs(v - m[k]) > 0.0015}
    assert not off, f"corpus/publish/quality.toml is stale (stated, measured): {off}"
