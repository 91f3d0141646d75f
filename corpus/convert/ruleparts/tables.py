"""The rule tables as loaded from corpus/convert/rules/ (common.toml, one <language>.toml each, stopwords/*.txt),
with the look-ups every builder needs."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

_DIR: Final = resources.files("corpus.convert") / "rules"


@dataclass(frozen=True, slots=True)
class Tables:
    common: dict[str, Any]  # common.toml: phrases of no one language (agencies, copyright marks, counters)
    langs: dict[str, dict[str, Any]]  # language code -> its table, in the order of the file names
    stopwords: dict[str, frozenset[str]]  # language code -> lower-case stopwords

    def gather(self, section: str, key: str) -> list[str]:
        """[section] key of every language's table, one list in language order."""
        out: list[str] = []
        for data in self.langs.values():
            out.extend(data.get(section, {}).get(key, []))
        return out

    def gather_top(self, key: str) -> list[str]:
        """A top-level list (weekdays, time_units) of every language's table, one list in language order."""
        return [w for d in self.langs.values() for w in d.get(key, [])]

    def common_list(self, section: str, key: str) -> list[str]:
        return list(self.common.get(section, {}).get(key, []))

    def shared(self, section: str, key: str) -> list[str]:
        """common.toml's entries, then every language's."""
        return self.common_list(section, key) + self.gather(section, key)


def load_tables() -> Tables:
    common: dict[str, Any] = {}
    langs: dict[str, dict[str, Any]] = {}
    for entry in sorted(_DIR.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            if entry.name == "common.toml":
                common = data
            else:
                langs[str(data["language"])] = data
    stop: dict[str, frozenset[str]] = {}
    for entry in sorted((_DIR / "stopwords").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".txt"):
            words = entry.read_text(encoding="utf-8").split()
            stop[entry.name[:-4]] = frozenset(w.lower() for w in words)
    return Tables(common, langs, stop)
