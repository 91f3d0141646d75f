"""Regexes built from lists of literal phrases, fast to search (tries, finders anchored on a rare character),
and the key phrase tables are looked up by. Nothing here knows the rule tables: corpus/convert/ruleparts/ feeds
them in, and a few converter modules build their own patterns with these helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

# Where a label ends inside a token of a script written without spaces: a full-width colon or slash, "=", "/";
# or an ellipsis glues it to the credit ("Credit…Jane Roe")
_WIDE_KEY_CUT: Final = re.compile(r"[：=／/…]")


def first_word(text: str) -> str:
    """The key the starters table is indexed by: first token, lower case, without brackets or colons."""
    i = text.find(" ")
    head = text if i < 0 else text[:i]
    if not (head and head.isprintable()):  # white space in it (all but " " is unprintable): split properly
        parts = text.split(None, 1)
        head = parts[0] if parts else ""
    if head.isascii() or head.isalpha():
        key = head.lower().strip("([:")
        return key.partition("...")[0] if "..." in key else key  # "Credit...Jane": the label's key
    # "写真：共同", "사진=홍길동", "图/新华社": scripts without spaces glue the label to the credit
    return _WIDE_KEY_CUT.split(head.lstrip("（"), maxsplit=1)[0].lower().strip("([:")


# Characters from rare to common in the languages of the tables (space last); anything else (digits, accents,
# punctuation) counts as rarer than all of them. Only speed depends on this order, never a match.
_BY_FREQUENCY: Final = "qxjzkwvyfbgpmhucdlsrnoitae "


def phrase_finder(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One regex matching where any of the phrases occurs: the finders of phrase_finders as alternatives."""
    return re.compile("|".join(f.pattern for f in phrase_finders(phrases)) or r"(?!)")


def phrase_finders(phrases: tuple[str, ...] | list[str]) -> tuple[re.Pattern[str], ...]:
    """A few regexes that together find where any of the literal phrases occurs: a pass per anchor character
    over a text instead of one per phrase. Each phrase is anchored on a rare character it holds ("cookies" on
    its "k"), and the phrases of one anchor make one regex that opens with that character: the regex engine
    skips to the next place holding it as fast as it scans (one regex opening with a choice of characters
    tests a character set at every place, and cost more than all the single-character scans together);
    from the anchor it follows the phrases' tails as a trie, and a phrase whose tail matched checks its whole
    text with a lookbehind ("k(?:ies(?<=cookies)|…)"). The anchors are chosen to cover all phrases with
    characters as rare as possible. Which phrase a match belongs to is the caller's business."""
    uniq = sorted({p for p in phrases if p})
    if not uniq:
        return ()

    def rank(ch: str) -> int:
        return _BY_FREQUENCY.find(ch)  # -1: rarer than any listed

    keep = {c for p in uniq for c in p}
    holders: dict[str, list[int]] = {}  # character -> the phrases holding it
    kept: list[int] = []  # per phrase: how many of its characters are still kept
    for i, p in enumerate(uniq):
        chars = set(p)
        kept.append(len(chars))
        for ch in chars:
            holders.setdefault(ch, []).append(i)
    for c in sorted(keep, key=lambda c: (-rank(c), c)):  # most common first: drop it if others cover
        if all(kept[i] > 1 for i in holders[c]):  # each phrase holding it holds another kept character
            keep.discard(c)
            for i in holders[c]:
                kept[i] -= 1
    groups: dict[str, list[tuple[str, str]]] = {}
    for p in uniq:
        # not on the phrase's last character where another will do: a phrase with no tail after its anchor
        # is a lookbehind tried at each place holding the anchor, while a tail's first letter fails at once
        at = min((i for i, ch in enumerate(p) if ch in keep), key=lambda i: (i == len(p) - 1, rank(p[i]), i))
        groups.setdefault(p[at], []).append((p[at + 1 :], p))

    def tails(items: list[tuple[str, str]]) -> str:
        """(tail still to match, whole phrase) -> a trie of the tails, each ending in its phrase's check."""
        ends = [f"(?<={re.escape(p)})" if len(p) > 1 else "" for rest, p in items if not rest]
        by_char: dict[str, list[tuple[str, str]]] = {}
        for rest, p in items:
            if rest:
                by_char.setdefault(rest[0], []).append((rest[1:], p))
        alts = [re.escape(c) + tails(sub) for c, sub in sorted(by_char.items())]
        alts += [""] if "" in ends else ends
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return tuple(re.compile(re.escape(c) + tails(items)) for c, items in sorted(groups.items()))


def alternation(items: list[str], fold: bool = False, after: str = "", not_after: str = "") -> str:
    """An alternation of the literal phrases that matches what "longest first" matches ("Photo credit" wins
    over "Photo"), written as a trie: "Photo(?: credit)?|Foto" instead of "Photo credit|Photo|Foto". The regex
    engine tries alternatives one by one, so a flat list of 200 agencies cost 200 tests at each place it
    was tried; the trie costs one test per character. Among phrases that match at one place, one is a prefix
    of the other, and the trie's greedy "(?:…)?" tries the longer first, as the flat list did.
    `fold`: for a pattern compiled with re.IGNORECASE (phrases merged by lower case, so that one branch per
    letter can match; when two branches could still match one letter, the flat list is kept).
    `after`: a one-character class the phrase must follow, i.e. "(?<=AFTER)(?:PHRASES)", written as a
    lookbehind at each phrase's end: a pattern that opens with the phrases' first letters lets the engine
    skip the places where none stands, one that opens with a lookbehind is tried at every place.
    `not_after`: likewise "(?<!NOT_AFTER)(?:PHRASES)": the phrase opens the text or follows another character."""
    uniq = sorted({i for i in items if i}, key=lambda s: (-len(s), s))
    trie: dict[str, Any] = {}
    for item in uniq:
        node = trie
        for ch in item:
            key = ch.lower() if fold and len(ch.lower()) == 1 else ch
            node = node.setdefault(key, {})
        node[""] = {}

    def build(node: dict[str, Any], path: str) -> str | None:
        keys = sorted(k for k in node if k)
        if (
            fold
            and len(keys) > 1  # most nodes have one branch: no pair to test
            and any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in keys for b in keys if a < b)
        ):
            return None  # two branches for one letter: which comes first would decide the match
        alts: list[str] = []
        for k in keys:
            sub = build(node[k], path + k)
            if sub is None:
                return None
            alts.append(re.escape(k) + sub)
        end = ""
        if after and "" in node:
            end = f"(?<={after}{re.escape(path)})"
        elif not_after and "" in node:
            end = f"(?<!{not_after}{re.escape(path)})"
        if not alts:
            return end
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    out = build(trie, "")
    if out is None:
        flat = "|".join(re.escape(i) for i in uniq)
        return f"(?<={after})(?:{flat})" if after else f"(?<!{not_after})(?:{flat})" if not_after else flat
    return out


def name_split_pattern(syms: list[str], words: list[str]) -> str:
    """The separators between names: `\\s*(?:,|;|\\s/\\s|SYMS)\\s*|\\s+(?:WORDS)\\s+|\\s+(?:CAPS)\\s+`. CAPS: the
    words in capitals, for "JANE ROE AND JOHN DOE" (a one-letter "E" or "Y" there is an initial)."""
    caps = [w.upper() for w in words if len(w) > 1]
    return (
        r"\s*(?:,|;|\s/\s|"
        + "|".join(re.escape(c) for c in syms)
        + r")\s*"
        + (r"|\s+(?:" + "|".join(re.escape(c) for c in words) + r")\s+" if words else "")
        + (r"|\s+(?:" + "|".join(re.escape(c) for c in caps) + r")\s+" if words else "")
    )


def name_split_fast(syms: list[str], words: list[str]) -> str:
    """name_split_pattern written to match the same spans, opening with one character class: the regex engine
    then tries only the places holding a separator or a white space (name_split_pattern opens with `\\s*`, so
    it is tried at every place). A match opens with a separator mark (then only white space follows in it) or
    a white space (then more white space and a mark, " / " or a connector word); one connector at most can
    match at a place (a word, followed by white space), so the order of the words does not matter. Falls back
    to name_split_pattern for separators of more than one character."""
    marks = [",", ";", *syms]
    caps = [w.upper() for w in words if len(w) > 1]
    if not words or not caps or any(len(m) != 1 or m.isspace() or m.isalnum() or m == "_" for m in marks):
        return name_split_pattern(syms, words)
    cls = "".join(re.escape(m) for m in sorted(set(marks)))
    rest = [f"[{cls}]", r"/\s", f"(?:{alternation(words)})\\s", f"(?:{alternation(caps)})\\s"]
    return rf"[{cls}\s](?:(?<=[{cls}])|(?<=\s)\s*(?:{'|'.join(rest)}))\s*"


@dataclass(frozen=True, slots=True)
class HeadOrAfter:
    """A case-insensitive phrase search split in two so that the regex engine can skip ahead: the phrases
    opening the text (`head.match`) or right after a separator character (`after.search`, a regex that opens
    with a class such as \\s). Phrases that open with letters under re.IGNORECASE give the engine no set of
    first characters, so "(?:^|\\s)PHRASES" was tried in full at every place of the text; a separator class
    is scanned for at C speed. The head is tried first, then separators from place 0 on: the same leftmost
    match, span and groups as "(?:^|SEP)PHRASES"."""

    head: re.Pattern[str]
    after: re.Pattern[str]

    def search(self, text: str) -> re.Match[str] | None:
        return self.head.match(text) or self.after.search(text)
