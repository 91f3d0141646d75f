"""Document-level scans and cheap gates: work done once per text (or with a C-speed test) so that
the per-line rules only run where they can match. Pure functions of the lines and their features."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from corpus.convert.features import Features
from corpus.convert.rules import RULES

_REPEAT_MAX_WORDS = 8
_REPEAT_MIN = 3
_LABEL_TAILS = frozenset(k.split()[-1] for k in RULES.credit_kinds) | {"credit", "credits"}
_AGENCY_TOKEN = re.compile(r"[^\s/(|),.;:\[\]]+")


def inline_credit_possible(text: str) -> bool:
    """The word before one of the line's colons is a credit label's last word: only then try the regex
    ("Foto: Jane Roe. Styling: John Doe" has the label before its first colon)."""
    i = text.find(":")
    while i >= 0:
        head = text[:i].rstrip()
        if head[max(head.rfind(" "), head.rfind("(")) + 1 :].lstrip("([|–—-").lower() in _LABEL_TAILS:
            return True
        i = text.find(":", i + 1)
    return False


def keyword_lines(lines: list[str], feats: list[Features | None], lang: str | None = None) -> dict[int, str]:
    """Lines holding a boilerplate keyword. One search over the lower-cased short lines joined, with every
    keyword in one regex (RULES.boiler_keywords_any; a per-line loop over every keyword cost more than all
    other rules together; long lines are skipped, the rule only applies to lines of at most
    keyword_max_words words). The notice phrases are searched in lines of any length: a consent, paywall or
    donation notice can run to a paragraph's length."""
    idx = [i for i, f in enumerate(feats) if f is not None and f.words <= RULES.keyword_max_words]
    out = _find_in(lines, idx, RULES.boiler_keywords, RULES.boiler_keywords_any)
    notices = RULES.notices.get(lang or "", RULES.notices[""])
    for i, kw in _notice_lines(lines, feats, notices).items():
        out.setdefault(i, kw)
    return out


def _find_in(
    lines: list[str], idx: list[int], phrases: tuple[str, ...], any_of: re.Pattern[str] | None = None
) -> dict[int, str]:
    """The lines (of idx) holding one of the lower-case phrases, with the first phrase (in table order) found
    in each. `any_of` (phrase_finder of a long table) finds the lines in one pass, then only those are tested
    phrase by phrase; a short table is cheaper searched phrase by phrase over the whole text."""
    out: dict[int, str] = {}
    if not idx or not phrases:
        return out
    full = "\n".join(lines[i] for i in idx)
    low = full.lower()
    if len(low) != len(full):  # lower() changed lengths (e.g. "İ"): offsets would not map back
        for i in idx:
            ll = lines[i].lower()
            kw = next((k for k in phrases if k in ll), None)
            if kw:
                out[i] = kw
        return out
    starts: list[int] | None = None
    if any_of is not None:
        m = any_of.search(low)
        while m is not None:
            if starts is None:
                starts = list(accumulate((len(lines[i]) + 1 for i in idx[:-1]), initial=0))
            j = bisect_right(starts, m.start()) - 1
            end = starts[j] + len(lines[idx[j]])
            line = low[starts[j] : end]
            kw = next((k for k in phrases if k in line), None)
            if kw:
                out[idx[j]] = kw
            m = any_of.search(low, end + 1)
        return out
    for kw in phrases:
        pos = low.find(kw)
        while pos >= 0:
            if starts is None:
                starts = list(accumulate((len(lines[i]) + 1 for i in idx[:-1]), initial=0))
            out.setdefault(idx[bisect_right(starts, pos) - 1], kw)
            pos = low.find(kw, pos + len(kw))
    return out


def _notice_lines(lines: list[str], feats: list[Features | None], notices: tuple[str, ...]) -> dict[int, str]:
    """Lines of any length holding a notice phrase: one search per phrase over all lines joined."""
    return _find_in(lines, [i for i, f in enumerate(feats) if f is not None], notices)


def repeated_lines(lines: list[str], feats: list[Features | None]) -> dict[str, int]:
    """Short lines that recur in one text ("Article content", a section name above each teaser) are page
    furniture, whatever they say: the in-document form of CCNet's repeated-line filter."""
    seen: dict[str, int] = {}
    for line, f in zip(lines, feats, strict=True):
        if f is not None and f.words <= _REPEAT_MAX_WORDS and not f.ends_sentence:
            seen[line] = seen.get(line, 0) + 1
    return {line: n for line, n in seen.items() if n >= _REPEAT_MIN}


def agency_named(text: str) -> bool:
    """RULES.agency.search, after a cheap test: a token of the line must open an agency's name."""
    if RULES.agency_first_words.isdisjoint(_AGENCY_TOKEN.findall(text)):
        return False
    return bool(RULES.agency.search(text))


def agency_at_end(text: str) -> bool:
    """credit_agency_end can only match a line that ends with a bracket and names an agency after its last
    opening bracket (the credit holds no brackets): a cheap test before that costly regex."""
    if not text.endswith((")", "]")):
        return False
    start = max(text.rfind("("), text.rfind("["), 0)
    return agency_named(text[start:])


def whole_line_key(text: str) -> str:
    """What boiler_line phrases are compared with: the line in lower case, without a final ":", "." or "!"."""
    t = text[:-1] if text[-1:] in ":.!" else text
    return t.rstrip().lower()
