"""One line's decision: its class, the rule or evidence behind it, and its features."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus.convert.features import Features


@dataclass(slots=True, eq=False)
class LineDecision:
    """One line's class and the evidence behind it: what `corpus explain` prints. Compared by identity:
    each line has one decision, and `nb.index(d)` must not compare every field of every line."""

    index: int
    text: str
    label: str
    rule: str
    features: Features | None = None
    data: dict[str, Any] = field(default_factory=dict)
    content: str = ""  # good | medium | short (pass 2)
