"""Evaluation gate: the converter's body F1 on ../shared/eval/dev may not fall below these floors.

The metric is imported from ../shared/eval/score.py (not copied); skipped when ../shared is absent.
Floors sit a little below the measured scores (see the README's table) so quality cannot silently regress.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from corpus.convert import convert_bytes

FLOORS = {"region": 0.92, "glued": 0.91, "page": 0.90}
HEADLINE_FLOOR = 0.35
CAPTION_RECALL_FLOOR = 0.40


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
    capt = [0, 0]
    for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        data = (dev / "raw" / f"{g['id']}.txt").read_bytes()
        rec = convert_bytes(data, id=g["id"], file=f"{g['id']}.txt").to_dict()
        f = score.fields(rec)
        shape = g["id"].split("-")[1]
        if g.get("body"):
            rows[shape].append(score.tp_fp_fn(g["body"], f["body"]))
        if g.get("headline_known"):
            heads.append(score.norm(f["headline"] or "") == score.norm(g["headline"] or ""))
        if g.get("captions") is not None:
            hit = score.set_pr(g["captions"], f["captions"])
            capt[0] += hit[2]
            capt[1] += hit[3]
    for shape, floor in FLOORS.items():
        f1 = score.prf(rows[shape])[2]
        assert f1 >= floor, f"{shape}: body F1 {f1:.3f} < {floor}"
    assert sum(heads) / len(heads) >= HEADLINE_FLOOR
    assert capt[0] / capt[1] >= CAPTION_RECALL_FLOOR
