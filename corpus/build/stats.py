"""Build statistics as a mergeable aggregate: partial Stats from any partition combine with `merge`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Body length bins in words (upper bounds, inclusive); the last bin is open.
WORD_BINS: tuple[int, ...] = (0, 50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000)


def word_bin(words: int) -> int:
    for i, upper in enumerate(WORD_BINS):
        if words <= upper:
            return i
    return len(WORD_BINS)


def bin_label(i: int) -> str:
    if i == 0:
        return "0"
    if i == len(WORD_BINS):
        return f">{WORD_BINS[-1]}"
    return f"{WORD_BINS[i - 1] + 1}-{WORD_BINS[i]}"


@dataclass(slots=True)
class Stats:
    per_split: Counter[str] = field(default_factory=Counter)
    bytes_per_split: Counter[str] = field(default_factory=Counter)
    per_language: Counter[str] = field(default_factory=Counter)
    per_publisher: Counter[str] = field(default_factory=Counter)
    word_hist: list[int] = field(default_factory=lambda: [0] * (len(WORD_BINS) + 1))
    words_total: int = 0
    words_min: int | None = None
    words_max: int | None = None

    @classmethod
    def from_columns(
        cls,
        split_codes: Any,
        split_names: list[str],
        sizes: Any,
        words: Any,
        languages: pa.ChunkedArray,
        publishers: pa.ChunkedArray,
    ) -> Stats:
        """The aggregate of many articles at once (numpy and Arrow, no loop over articles in Python)."""
        words = np.asarray(words, np.int64)
        sizes = np.asarray(sizes, np.int64)
        codes = np.asarray(split_codes, np.int64)
        st = cls()
        counts = np.bincount(codes, minlength=len(split_names))
        nbytes = np.bincount(codes, weights=sizes, minlength=len(split_names))
        for j, name in enumerate(split_names):
            if counts[j]:
                st.per_split[name] = int(counts[j])
                st.bytes_per_split[name] = int(nbytes[j])
        for counter, column in ((st.per_language, languages), (st.per_publisher, publishers)):
            for item in pc.value_counts(column.fill_null("unknown")).to_pylist():
                counter[item["values"]] = int(item["counts"])
        bins = np.searchsorted(np.array(WORD_BINS), words, side="left")
        st.word_hist = np.bincount(bins, minlength=len(WORD_BINS) + 1).tolist()
        st.words_total = int(words.sum())
        st.words_min = int(words.min()) if len(words) else None
        st.words_max = int(words.max()) if len(words) else None
        return st

    def merge(self, other: Stats) -> Stats:
        mins = [m for m in (self.words_min, other.words_min) if m is not None]
        maxs = [m for m in (self.words_max, other.words_max) if m is not None]
        return Stats(
            self.per_split + other.per_split,
            self.bytes_per_split + other.bytes_per_split,
            self.per_language + other.per_language,
            self.per_publisher + other.per_publisher,
            [a + b for a, b in zip(self.word_hist, other.word_hist, strict=True)],
            self.words_total + other.words_total,
            min(mins) if mins else None,
            max(maxs) if maxs else None,
        )

    @property
    def total(self) -> int:
        return sum(self.per_split.values())

    def median_bin(self) -> str | None:
        """The histogram bin that holds the median body length."""
        half, acc = self.total / 2, 0
        for i, n in enumerate(self.word_hist):
            acc += n
            if n and acc >= half:
                return bin_label(i)
        return None
