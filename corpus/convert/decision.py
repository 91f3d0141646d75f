"""One line's decision: its class, the rule or evidence behind it, and its features."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus.convert.features import Features


@dataclass(slots=True)
class LineDecision:
    """One line's class and the evidence behind it: what `corpus explain` prints."""

    index: int
    text: str
    label: str
    rule: str
    features: Features | None = None
    data: dict[str, Any] = field(default_factory=dict)
    content: str = ""  # good | medium | short (pass 2)
