"""Body → duplicate keys: an exact hash of the normalised body and MinHash LSH band keys.

Normalising (case-folded word characters only) makes whitespace, punctuation and case edits count as
the same text. Near-duplicates use word 5-gram shingles. The hot path (`keys`, once per article) never
makes a Python string per word or shingle: the case-folded text becomes a numpy array of code points,
word characters come from a table of the `\\w` class, and each shingle is hashed from prefix sums of a
polynomial hash over the normalised text (one hash per shingle, all at once). rensa (Rust) turns those
hashes into the MinHash signature. Band and row counts are chosen from the threshold so recall at the
threshold is ≥ 99.5% (datasketch's default choice misses most pairs at exactly 0.8); every candidate is
then confirmed with the true Jaccard, so extra candidates cost time, never precision.
"""

from __future__ import annotations

import hashlib
import math
import re
from functools import cache
from typing import NamedTuple

import numpy as np
import rensa

NUM_PERM = 128
SEED = 1_234_567
# Band keys depend on all of this: persisted keys (validate's index, the build cache) made with another
# version are not comparable, so the index and cache keys include it.
VERSION = f"poly64-fmix-rensa{rensa.RMinHash.ALGORITHM_VERSION}-perm{NUM_PERM}-seed{SEED}"
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SPACE = 32
_BASE = 0x100000001B3 * 0x9E3779B97F4A7C15 % 2**64 | 1  # odd, hence invertible modulo 2^64
_BASE_INV = pow(_BASE, -1, 2**64)


@cache
def _word_table() -> np.ndarray:
    """Is each BMP code point a `\\w` character? Taken from `re` itself, so both agree by construction."""
    one = re.compile(r"\w")
    return np.fromiter((one.match(chr(c)) is not None for c in range(0x10000)), bool, 0x10000)


def _is_word(cps: np.ndarray) -> np.ndarray:
    out = np.take(_word_table(), cps, mode="clip")  # clipped to U+FFFF, a non-character: no word
    if (
        len(cps) and int(cps.max()) > 0xFFFF
    ):  # rare (emoji, historic scripts): asked one distinct char at a time
        astral = np.flatnonzero(cps > 0xFFFF)
        vals, inverse = np.unique(cps[astral], return_inverse=True)
        out[astral] = np.array([_WORD.match(chr(v)) is not None for v in vals.tolist()])[inverse]
    return out


_MULTI = 2  # in _fold_table: the code point's case fold is several code points (ß -> ss)


@cache
def _fold_table() -> tuple[np.ndarray, np.ndarray]:
    """Per BMP code point: its case fold when that is one code point, and whether that folded character is
    `\\w` (1) or not (0), or _MULTI. `str.casefold` works code point by code point, so with these a body
    is folded and split into words by two table look-ups instead of a string copy and a third pass."""
    word = _word_table()
    fold = np.arange(0x10000, dtype=np.uint32)
    kind = word.astype(np.uint8)
    for c in range(0x10000):
        f = chr(c).casefold()
        if len(f) != 1:
            kind[c] = _MULTI
        elif ord(f) != c:
            fold[c] = ord(f)
            kind[c] = word[ord(f)]
    return fold, kind


_SLOW = 0xFFFF  # in _unit_table: this UTF-16 unit needs the general path


@cache
def _unit_table() -> np.ndarray:
    """Per UTF-16 code unit, what it becomes in the normalised text: its case fold when that is one `\\w`
    code point, a space when it is no word character, or _SLOW: it folds to several code points (ß), or it
    is a surrogate (half of an astral character, or a lone one). One look-up per unit and no other pass."""
    fold, kind = _fold_table()
    table = np.where(kind == 1, fold, _SPACE).astype(np.uint16)
    table[kind == _MULTI] = _SLOW
    table[0xD800:0xE000] = _SLOW
    return table


def _normalised(body: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(code points of the words joined by single spaces, word starts, word ends) in that array.

    The code points are uint16 when every character is in the BMP and folds to one (nearly always), else
    uint32; their values are the same either way."""
    units = np.frombuffer(body.encode("utf-16-le", "surrogatepass"), np.uint16)
    if not len(units):
        return _runs(np.zeros(0, np.uint32), np.zeros(0, np.bool_))
    mapped = _unit_table().take(units)
    if int(mapped.max()) != _SLOW:
        return _spaced_runs(mapped)
    cps = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), np.uint32)
    if int(cps.max()) <= 0xFFFF:
        fold, kind = _fold_table()
        k = kind.take(cps)
        if int(k.max()) < _MULTI:  # lone surrogates, which are no word characters
            return _runs(fold.take(cps), k.view(np.bool_))
    cps = np.frombuffer(body.casefold().encode("utf-32-le", "surrogatepass"), np.uint32)
    return _runs(cps, _is_word(cps))


def _spaced_runs(mapped: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_runs of text whose non-word characters are spaces already (the words are what is not a space)."""
    w = mapped != _SPACE
    keep = w.copy()
    keep[1:] |= w[:-1]  # each word and the first separator after it
    norm = mapped[keep]
    if len(norm) and norm[-1] == _SPACE:
        norm = norm[:-1]  # the separator after the last word
    if not len(norm):
        empty = np.zeros(0, np.int64)
        return np.zeros(0, np.uint32), empty, empty
    return norm, *_spans(norm)


def _spans(norm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    spaces = np.flatnonzero(norm == _SPACE)
    starts = np.empty(len(spaces) + 1, np.int64)
    ends = np.empty(len(spaces) + 1, np.int64)
    starts[0], ends[-1] = 0, len(norm)
    starts[1:] = spaces + 1
    ends[:-1] = spaces
    return starts, ends


def _runs(cps: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The words (runs of `w`) of folded code points `cps`, joined by single spaces, with their spans."""
    if not w.any():
        empty = np.zeros(0, np.int64)
        return np.zeros(0, np.uint32), empty, empty
    keep = w.copy()
    keep[1:] |= w[:-1]  # each word and the first separator after it
    norm = np.where(w, cps, np.uint32(_SPACE))[keep]
    if not w[-1]:
        norm = norm[:-1]  # the separator after the last word
    return norm, *_spans(norm)


def _text(norm: np.ndarray) -> bytes:
    """The normalised body as UTF-8 (ASCII text, the common case, without a round trip through str)."""
    if not len(norm) or int(norm.max()) < 128:
        return norm.astype(np.uint8).tobytes()
    if norm.dtype == np.uint16:  # BMP, no surrogates: UTF-16 units are the code points
        return norm.astype("<u2", copy=False).tobytes().decode("utf-16-le").encode("utf-8")
    data = norm.astype("<u4", copy=False).tobytes()
    return data.decode("utf-32-le", "surrogatepass").encode("utf-8", "surrogatepass")


def words(body: str) -> list[str]:
    """The case-folded `\\w+` runs of the body (what `_WORD.findall(body.casefold())` gives, faster)."""
    norm, _, _ = _normalised(body)
    return _text(norm).decode("utf-8", "surrogatepass").split(" ") if len(norm) else []


def _hash_bytes(text: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little", signed=True)


def body_hash(ws: list[str]) -> int:
    """64-bit key of the normalised body (signed, to fit numpy int64 and Parquet)."""
    return _hash_bytes(" ".join(ws).encode("utf-8", "surrogatepass"))


_POWERS: list[np.ndarray] = [np.ones(0, np.uint64), np.ones(0, np.uint64)]  # BASE^i, BASE^-i, grown on demand
_POWERS_KEPT = 1 << 18  # code points: longer bodies (rare) get their powers made afresh, not kept (16 B each)


def _make_powers(size: int) -> list[np.ndarray]:
    out = []
    for b in (_BASE, _BASE_INV):
        p = np.full(size, b, np.uint64)
        p[0] = 1
        out.append(np.cumprod(p, dtype=np.uint64))  # wraps modulo 2^64, as intended
    return out


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    if n > _POWERS_KEPT:
        fwd, inv = _make_powers(n)
        return fwd, inv
    if len(_POWERS[0]) < n:
        _POWERS[:] = _make_powers(min(max(n, 2 * len(_POWERS[0]), 4096), _POWERS_KEPT))
    return _POWERS[0][:n], _POWERS[1][:n]


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: spreads the polynomial hash's weak low bits over all bits."""
    h ^= h >> np.uint64(33)  # in place: callers pass a fresh array
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h


def _shingle_hashes(norm: np.ndarray, starts: np.ndarray, ends: np.ndarray, k: int) -> np.ndarray:
    """uint64 hash of each word k-gram (the whole text if it has ≤ k words), as a span of `norm`.

    hash(span s..e) = Σ c_j·B^(e-1-j) = B^(e-1)·(C[e] − C[s]) with C the prefix sums of c_j·B^-j (mod 2^64).
    """
    if len(starts) <= k:
        s, e = np.zeros(1, np.int64), np.array([len(norm)], np.int64)
    else:
        s, e = starts[: len(starts) - k + 1], ends[k - 1 :]
    return _span_hashes(norm, s, e)


def _span_hashes(norm: np.ndarray, s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """uint64 hash of each span s[i]..e[i] of `norm`, from one prefix sum over the whole text."""
    with np.errstate(over="ignore"):
        fwd, inv = _powers(len(norm) + 1)
        prefix = np.empty(len(norm) + 1, np.uint64)
        prefix[0] = 0
        terms = prefix[1:]
        np.multiply(norm, inv[: len(norm)], out=terms)
        np.cumsum(terms, out=terms)
        h = prefix[e]
        h -= prefix[s]
        h *= fwd[e - 1]
        return _fmix(h)


class Keys(NamedTuple):
    body_hash: int
    bands: np.ndarray  # uint64[bands]
    sig: np.ndarray  # uint8[NUM_PERM]: the low byte of each MinHash value (see `plausible`)


def keys(body: str, k: int, threshold: float) -> Keys | None:
    """(body_hash, band_keys, signature) of a body, or None if it has no words: what every article needs,
    in one pass."""
    norm, starts, ends = _normalised(body)
    if not len(starts):
        return None
    bands, sig = _bands_and_sig(_shingle_hashes(norm, starts, ends, k), threshold)
    return Keys(_hash_bytes(_text(norm)), bands, sig)


GROUP_UNITS = 1 << 17  # keys_many: UTF-16 units normalised at once (powers stay cached: < _POWERS_KEPT)


def keys_many(bodies: list[str], k: int, threshold: float) -> list[Keys | None]:
    """`[keys(b, k, threshold) for b in bodies]`, the same values, computed a group of bodies at a time.

    Per body, `keys` is some forty numpy calls on arrays of a few thousand elements, each with its fixed
    cost and its arrays cold after the converter ran; here each call covers ~20 bodies, and MinHash runs
    once per group. Half the CPU in a build's workers (~60 instead of ~130 µs an article)."""
    out: list[Keys | None] = [None] * len(bodies)
    units = [b.encode("utf-16-le", "surrogatepass") for b in bodies]
    lo = 0
    while lo < len(bodies):
        hi, size = lo + 1, len(units[lo]) // 2 + 1
        while hi < len(bodies) and size + len(units[hi]) // 2 + 1 <= GROUP_UNITS:
            size += len(units[hi]) // 2 + 1
            hi += 1
        if hi - lo == 1:  # alone (or longer than a group): the one-body path
            out[lo] = keys(bodies[lo], k, threshold)
        else:
            out[lo:hi] = _group_keys(bodies[lo:hi], units[lo:hi], k, threshold)
        lo = hi
    return out


def _group_keys(bodies: list[str], units: list[bytes], k: int, threshold: float) -> list[Keys | None]:
    """keys of several bodies normalised as one text, each followed by a space: a space never joins two
    words, so each body's words, shingles and normalised text are its own. Shingle hashes do not depend on
    where a span lies (B^(e-1)·(C[e] − C[s]) = Σ c_j·B^(e-1-j)), so one prefix sum serves every body."""
    n = len(bodies)
    out: list[Keys | None] = [None] * n
    ustart = np.zeros(n + 1, np.int64)  # body i: units ustart[i] .. ustart[i+1] - 2, then a space
    np.cumsum([len(u) // 2 + 1 for u in units], out=ustart[1:])
    mapped = _unit_table().take(np.frombuffer(b" \x00".join(units) + b" \x00", np.uint16))
    if int(mapped.max()) == _SLOW:  # a body with ß, an astral character...: on its own, blank here
        for i in np.unique(np.searchsorted(ustart, np.flatnonzero(mapped == _SLOW), "right") - 1).tolist():
            out[i] = keys(bodies[i], k, threshold)
            mapped[ustart[i] : ustart[i + 1]] = _SPACE
    w = mapped != _SPACE
    keep = w.copy()
    keep[1:] |= w[:-1]  # each word and the first separator after it
    norm = mapped[keep]  # every word is followed by one space, the last one too
    ends = np.flatnonzero(norm == _SPACE)
    if not len(ends):
        return out
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    nstart = np.zeros(n + 1, np.int64)  # where each body's text starts in `norm`
    np.cumsum(np.add.reduceat(keep.view(np.uint8), ustart[:-1], dtype=np.int64), out=nstart[1:])
    first = np.searchsorted(starts, nstart)  # body i has the words first[i] .. first[i+1] - 1
    nwords = np.diff(first)
    many = nwords > k
    count = np.where(many, nwords - k + 1, nwords > 0)  # shingles; ≤ k words: one, the whole text
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(count, out=offsets[1:])
    body = np.repeat(np.arange(n), count)
    word = np.arange(offsets[-1]) - offsets[body] + first[body]  # each shingle's first word
    last = np.where(many[body], word + k - 1, first[1:][body] - 1)
    s, e = starts[word], ends[last]
    hashes = _span_hashes(norm, s, e)
    has = np.flatnonzero(count)
    bands, sigs = _bands_and_sigs(hashes, np.append(offsets[has], offsets[has[-1] + 1]), threshold)
    text = norm.astype(np.uint8).tobytes() if int(norm.max()) < 128 else None
    for row, i in enumerate(has.tolist()):
        a, b = int(starts[first[i]]), int(ends[first[i + 1] - 1])
        out[i] = Keys(_hash_bytes(text[a:b] if text is not None else _text(norm[a:b])), bands[row], sigs[row])
    return out


def body_shingles(body: str, k: int) -> np.ndarray:
    """`shingle_hashes(words(body), k)` without making the words: normalising the normalised text again
    changes nothing (case folding is idempotent on the word characters it leaves), so one pass suffices."""
    norm, starts, ends = _normalised(body)
    if not len(starts):
        return np.zeros(0, np.uint64)
    return np.unique(_shingle_hashes(norm, starts, ends, k))


def shingles(ws: list[str], k: int) -> set[str]:
    if len(ws) <= k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def shingle_hashes(ws: list[str], k: int) -> np.ndarray:
    """The shingle set as sorted distinct 64-bit hashes: ~8 bytes a shingle instead of ~100 for a set of
    strings, so confirming many candidates keeps little in memory. A collision needs ~2^32 shingles in one
    pair, so `jaccard_hashed` equals `jaccard` of the string sets.
    """
    if not ws:
        return np.zeros(0, np.uint64)
    norm, starts, ends = _normalised(" ".join(ws))
    return np.unique(_shingle_hashes(norm, starts, ends, k))


def jaccard_hashed(a: np.ndarray, b: np.ndarray) -> float:
    """`jaccard` of two `shingle_hashes` results (same counts, hence the same float)."""
    if not len(a) and not len(b):
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def recall(threshold: float, bands: int, rows: int) -> float:
    """Probability that a pair with Jaccard `threshold` shares at least one band."""
    return 1.0 - (1.0 - threshold**rows) ** bands


@cache
def lsh_shape(threshold: float, num_perm: int = NUM_PERM, target: float = 0.995) -> tuple[int, int]:
    """(bands, rows): the most rows (fewest false candidates) whose recall at the threshold meets target."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if recall(threshold, bands, rows) >= target:
            best = (bands, rows)
    return best


def _bands_and_sig(hashes: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    bands, rows = lsh_shape(threshold)
    offsets = np.array([0, len(hashes)], np.uint64)
    digest = rensa.RMinHash.digest_matrix_from_flat_token_hashes(hashes, offsets, NUM_PERM, SEED)
    full = np.asarray(digest.to_rows()[0], np.uint64)
    sig = full[: bands * rows].reshape(bands, rows)
    key = np.arange(1, bands + 1, dtype=np.uint64) * _MIX  # salt: equal values in different bands differ
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = (key ^ sig[:, j]) * np.uint64(0x100000001B3)
    return key, (full & np.uint64(0xFF)).astype(np.uint8)


def _bands_and_sigs(
    hashes: np.ndarray, offsets: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """_bands_and_sig of several documents, their hashes at hashes[offsets[i]:offsets[i + 1]]: rows of
    band keys and of signature bytes."""
    bands, rows = lsh_shape(threshold)
    digest = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        hashes, offsets.astype(np.uint64), NUM_PERM, SEED
    )
    full = np.array(digest.to_rows(), np.uint64).reshape(len(offsets) - 1, NUM_PERM)
    sig = full[:, : bands * rows].reshape(len(full), bands, rows)
    key = np.tile(np.arange(1, bands + 1, dtype=np.uint64) * _MIX, (len(full), 1))
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = (key ^ sig[:, :, j]) * np.uint64(0x100000001B3)
    return key, (full & np.uint64(0xFF)).astype(np.uint8)


def _bands(hashes: np.ndarray, threshold: float) -> np.ndarray:
    return _bands_and_sig(hashes, threshold)[0]


# --- signature pre-filter ---------------------------------------------------------------------------
# Two documents' MinHash values agree at each permutation with probability J (their Jaccard); the low
# bytes agree at least that often (J + (1 - J)/256). So the number of equal signature bytes of a pair
# with J >= threshold is at least Binomial(NUM_PERM, threshold), and a pair with fewer than
# `sig_cutoff` equal bytes is at Jaccard >= threshold with probability < SIG_MISS: such candidates are
# dropped before the exact confirmation. Most candidates LSH hands over share boilerplate, not text
# (Jaccard ~0.1: ~13 equal bytes of 128; the cutoff at 0.8 is 67); only the rest are read and confirmed.
SIG_WIDTH = NUM_PERM
SIG_MISS = 1e-12


def _binom_cdf(m: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(m + 1))


@cache
def sig_cutoff(threshold: float, n: int = SIG_WIDTH, miss: float = SIG_MISS) -> int:
    """The most equal bytes a pair may need: P(Binomial(n, threshold) < cutoff) <= miss."""
    cut = 0
    while cut < n and _binom_cdf(cut, n, threshold) <= miss:
        cut += 1
    return cut


def sig_matches(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Equal bytes of each row pair of two uint8[m, SIG_WIDTH] matrices."""
    return np.count_nonzero(a == b, axis=1)


def band_keys(ws: list[str], k: int, threshold: float) -> np.ndarray:
    """uint64 key per LSH band; two documents are candidates when any band key is equal."""
    norm, starts, ends = _normalised(" ".join(ws))
    return _bands(_shingle_hashes(norm, starts, ends, k), threshold)


def expected_candidates(threshold: float) -> str:
    b, r = lsh_shape(threshold)
    return f"bands={b} rows={r} recall@{threshold}={recall(threshold, b, r):.4f} recall@0.5={recall(0.5, b, r):.3f}"
