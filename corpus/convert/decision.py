"""One line's decision: its class, the rule or evidence behind it, and its features."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corpus.convert.features import Features
from corpus.convert.labels import BYLINE


@dataclass(slots=True, eq=False, init=False)
class LineDecision:
    """One line's class and the evidence behind it: what `corpus explain` prints. Compared by identity:
    each line has one decision, and `nb.index(d)` must not compare every field of every line. `__init__` is
    written out so that mypyc compiles it (a dataclass's generated one stays interpreted, see Features)."""

    index: int
    text: str
    label: str
    rule: str
    features: Features | None
    data: dict[str, Any]
    content: str  # good | medium | short (pass 2)

    def __init__(
        self,
        index: int,
        text: str,
        label: str,
        rule: str,
        features: Features | None = None,
        data: dict[str, Any] | None = None,
        content: str = "",
    ) -> None:
        self.index = index
        self.text = text
        self.label = label
        self.rule = rule
        self.features = features
        self.data = {} if data is None else data
        self.content = content

    def sign(self, authors: list[str], why: str) -> None:
        """The line is a byline naming these authors; `why` is the evidence `corpus explain` shows."""
        self.label, self.rule, self.data = BYLINE, f"byline: {why}", {"authors": authors}
