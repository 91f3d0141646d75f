"""Evaluation gate: the converter's scores on ../shared/eval/dev may not fall below these floors.

The metric is imported from ../shared/eval/score.py (not copied); skipped when ../shared is absent.
Floors sit a little below the measured scores (see the README's table) so quality cannot silently regress.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from corpus.convert import convert_bytes

FLOORS = {"region": 0.962, "glued": 0.961, "page": 0.960}  # measured 0.963 / 0.962 / 0.962
LEAK_CEILING = 0.05  # share of `without` snippets found in the body, per shape; measured 0.00 / 0.00 / 0.00
HEADLINE_FLOOR = 0.787  # all shapes together; measured 0.789
# set precision / recall over all shapes (the scorer's set_pr, summed as score.py sums them); measured:
# authors 0.946 / 0.921, credits 0.781 / 0.956, captions 0.815 / 0.865
FIELD_FLOORS = {
    "authors": (0.945, 0.918),
    "credits": (0.775, 0.948),  # precision measured 0.781 after teasers' picture credits were dropped
    "captions": (0.81, 0.86),  # measured 0.815 / 0.865 after teasers' captions and CJK courtesy brackets
}


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("corpus_eval_score", shared / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_body_f1_floors(shared_eval: Path) -> None:
    score = _scorer(shared_eval)
    dev = shared_eval / "dev"
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
    for shape, floor in FLOORS.items():
        f1 = score.prf(rows[shape])[2]
        assert f1 >= floor, f"{shape}: body F1 {f1:.3f} < {floor}"
        leak = sum(leaks[shape]) / max(1, len(leaks[shape]))
        assert leak <= LEAK_CEILING, f"{shape}: {leak:.2f} of the `without` snippets in the body"
    head = sum(heads) / len(heads)
    assert head >= HEADLINE_FLOOR, f"headline accuracy {head:.3f} < {HEADLINE_FLOOR}"
    for key, (p_floor, r_floor) in FIELD_FLOORS.items():
        hit_p, n_p, hit_g, n_g = sets[key]
        p, r = hit_p / n_p, hit_g / n_g
        assert p >= p_floor and r >= r_floor, f"{key}: P {p:.3f} R {r:.3f} < floors {p_floor} / {r_floor}"
