"""Project configuration: `[tool.corpus]` in pyproject.toml, or corpus.toml. Bad config exits 2."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

_LICENSE_NAME = re.compile(r"[a-z0-9][a-z0-9.-]*")
_HUB_REPO = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}"
)  # about the Hub's rule
_URL = re.compile(r"https?://\S+")


class ConfigError(Exception):
    """A configuration problem: one line saying which file and key, and what to do."""


@dataclass(slots=True)
class Config:
    raw_dir: str = "raw"
    out_dir: str = "dist"
    cache_dir: str = ".corpus-cache"
    languages: list[str] = field(default_factory=list)
    license: str | None = None
    license_name: str | None = None  # with license "other": the Hub's short id of the terms
    license_link: str | None = None  # with license "other": where the terms are (URL or a file in the output)
    pretty_name: str | None = None
    max_bytes: int = 2 * 1024 * 1024
    body_min_words: int = 30
    body_max_words: int = 20_000
    headline_max_words: int = 25
    near_duplicate_threshold: float = 0.8
    shingle_words: int = 5
    splits: dict[str, float] = field(default_factory=lambda: {"train": 0.8, "validation": 0.1, "test": 0.1})
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    batch_size: int = 256
    # publishing (corpus build): card metadata and shard sizes
    description: str | None = None
    url: str | None = None
    hub_repo: str | None = None  # ORG/NAME: shown in the card's load example
    date_published: str | None = None  # YYYY-MM-DD: croissant.json's datePublished (default: newest article)
    tags: list[str] = field(default_factory=lambda: ["news", "text"])
    task_categories: list[str] = field(default_factory=lambda: ["text-generation", "text-classification"])
    shard_bytes: int = 256 * 1024 * 1024  # uncompressed record bytes per Parquet file
    row_group_bytes: int = 32 * 1024 * 1024  # per row group: well under the Hub viewer's 286 MiB limit
    source: str | None = None  # the file the values came from, for messages


_TYPES: dict[str, type | tuple[type, ...]] = {
    "raw_dir": str,
    "out_dir": str,
    "cache_dir": str,
    "languages": list,
    "license": str,
    "license_name": str,
    "license_link": str,
    "pretty_name": str,
    "max_bytes": int,
    "body_min_words": int,
    "body_max_words": int,
    "headline_max_words": int,
    "near_duplicate_threshold": (int, float),
    "shingle_words": int,
    "splits": dict,
    "disable": list,
    "severity": dict,
    "per_file_ignores": dict,
    "batch_size": int,
    "description": str,
    "url": str,
    "hub_repo": str,
    "date_published": str,
    "tags": list,
    "task_categories": list,
    "shard_bytes": int,
    "row_group_bytes": int,
}


def _real_date(value: str) -> bool:
    try:
        return len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e}); fix the file") from None
    if path.name == "pyproject.toml" or isinstance(data.get("tool"), dict):
        # corpus.toml may hold the keys at top level or, copied from pyproject.toml, under [tool.corpus]
        table = data.get("tool", {}).get("corpus")
        return table if isinstance(table, dict) else None
    return data


CONFIG_NAMES = ("corpus.toml", "pyproject.toml")  # in this order within one folder
_PATH_KEYS = ("raw_dir", "out_dir", "cache_dir")


def find_config(start: Path) -> Path | None:
    """The configuration that applies in `start`, looked up as ruff and pytest do: in `start`, then each
    parent folder, the first corpus.toml or pyproject.toml with a [tool.corpus] table; the search ends at
    a folder holding .git (the repository's root) or at the filesystem root."""
    start = start.absolute()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            path = folder / name
            if path.is_file() and _table(path) is not None:
                return path
        if (folder / ".git").exists():
            return None
    return None


def load_config(directory: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration for `directory` (default: cwd): `explicit`, else the one `find_config` finds,
    else the defaults. Relative paths in a file (raw_dir, out_dir, cache_dir, set or default) are taken
    from the file's folder, so a command run in a subfolder reads the project's raw folder."""
    base = directory or Path.cwd()
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such configuration file")
    path = explicit or find_config(base)
    if path is None:
        return Config()
    table = _table(path)
    if table is None:
        return Config()
    cfg = _from_table(table, str(path))
    for key in _PATH_KEYS:
        setattr(cfg, key, _from_folder(path.absolute().parent, getattr(cfg, key)))
    return cfg


def _from_folder(folder: Path, value: str) -> str:
    """A path of the config file's folder as the commands should open it from the current folder: as
    written when that folder is the current one, relative from inside it ("../raw"), else absolute."""
    cwd = Path.cwd().absolute()
    if Path(value).is_absolute() or folder == cwd:
        return value
    full = folder / value
    return os.path.relpath(full, cwd) if cwd.is_relative_to(folder) else str(full)


def _from_table(table: dict[str, Any], source: str) -> Config:
    known = {f.name for f in fields(Config)} - {"source"}
    kwargs: dict[str, Any] = {}
    for key, value in table.items():
        k = key.replace("-", "_")
        if k not in known:
            raise ConfigError(
                f"{source}: unknown key '{key}' in [tool.corpus]; known: {', '.join(sorted(known))}"
            )
        expected = _TYPES[k]
        if isinstance(value, bool) or not isinstance(value, expected):
            raise ConfigError(
                f"{source}: '{key}' has the wrong type ({type(value).__name__}); see the README"
            )
        kwargs[k] = value
    cfg = Config(**kwargs, source=source)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in cfg.splits.values()):
        raise ConfigError(f"{source}: 'splits' ratios must be numbers, e.g. {{train = 0.8, test = 0.2}}")
    if abs(sum(cfg.splits.values()) - 1.0) > 1e-9 or any(v < 0 for v in cfg.splits.values()):
        raise ConfigError(f"{source}: 'splits' ratios must be non-negative and sum to 1")
    if not 0 < cfg.near_duplicate_threshold <= 1:
        raise ConfigError(f"{source}: 'near_duplicate_threshold' must be in (0, 1]")
    for key in (
        "max_bytes",
        "body_min_words",
        "body_max_words",
        "headline_max_words",
        "shingle_words",
        "batch_size",
    ):
        if getattr(cfg, key) < (0 if key == "body_min_words" else 1):
            raise ConfigError(f"{source}: '{key}' must be a positive integer")
    if cfg.body_min_words > cfg.body_max_words:
        raise ConfigError(f"{source}: 'body_min_words' must not exceed 'body_max_words'")
    for key in ("languages", "disable", "tags", "task_categories"):
        if not all(isinstance(v, str) for v in getattr(cfg, key)):
            raise ConfigError(f"{source}: '{key}' must be a list of strings")
    if not all(isinstance(v, str) and len(v) == 2 and v.isalpha() and v.islower() for v in cfg.languages):
        raise ConfigError(f"{source}: 'languages' must hold ISO 639-1 codes such as \"en\"")
    for pattern, codes in cfg.per_file_ignores.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{source}: per_file_ignores[{pattern!r}] must be a list of rule codes")
    if cfg.shard_bytes < 1 or cfg.row_group_bytes < 1:
        raise ConfigError(f"{source}: 'shard_bytes' and 'row_group_bytes' must be positive")
    if not cfg.splits or any(not isinstance(k, str) or not k.isidentifier() for k in cfg.splits):
        raise ConfigError(f"{source}: 'splits' needs one or more split names (letters, digits, _)")
    if cfg.license_name is not None and not _LICENSE_NAME.fullmatch(cfg.license_name):
        raise ConfigError(f"{source}: 'license_name' must be a lowercase id such as \"publisher-terms-1.0\"")
    if (cfg.license_name or cfg.license_link) and (cfg.license or "other") != "other":
        raise ConfigError(f"{source}: 'license_name' and 'license_link' go with license = \"other\" only")
    if cfg.hub_repo is not None and not _HUB_REPO.fullmatch(cfg.hub_repo):
        raise ConfigError(f"{source}: 'hub_repo' must be a Hub repository id ORG/NAME, e.g. \"my-org/news\"")
    if cfg.url is not None and not _URL.fullmatch(cfg.url):
        raise ConfigError(f"{source}: 'url' must be an http(s) URL, e.g. \"https://example.org/news\"")
    if cfg.date_published is not None and not _real_date(cfg.date_published):
        raise ConfigError(f"{source}: 'date_published' must be a date YYYY-MM-DD, e.g. \"2024-05-03\"")
    for code, sev in cfg.severity.items():
        if sev not in ("error", "warning", "off"):
            raise ConfigError(f"{source}: severity of {code} must be error, warning or off")
    return cfg
