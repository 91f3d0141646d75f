"""The seam between build and the checks: one raw document in, a record and its problems out.

Until corpus.check grows its full run (check_file + dedup), this applies the checks that exist:
conversion, the JSON Schema, an empty body; plus a body hash (exact duplicates) and a MinHash
signature (near duplicates). Swap the body of `check_doc` for the checker's when it lands.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpus.check.problem import Problem
from corpus.convert import CONVERTER_VERSION, ConvertError, convert_doc
from corpus.rawio import RawDoc
from corpus.record import SCHEMA_VERSION
from corpus.schema import fast_validator

CHECKS_VERSION = "build-fallback-2"
NUM_PERM = 64  # 64 x uint32 = 256 bytes of signature per article kept in memory during a build
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Checked:
    record: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)
    body_hash: str | None = None
    signature: bytes | None = None


def fingerprint(settings: dict[str, Any]) -> str:
    """What a cached result depends on besides the raw bytes: versions and the check settings."""
    parts = [CONVERTER_VERSION, SCHEMA_VERSION, CHECKS_VERSION, repr(sorted(settings.items()))]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def body_hash(body: str) -> str:
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:32]


_RNG = np.random.default_rng(20_240_601)
_A = _RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)


def signature(body: str, shingle_words: int) -> bytes | None:
    """MinHash of word shingles: crc32 per shingle, 64 multiply-shift hashes in numpy (~0.3 ms/article)."""
    words = _WORD.findall(body.lower())
    k = min(shingle_words, len(words))
    if k == 0:
        return None
    shingles = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    x = np.fromiter((zlib.crc32(s.encode()) for s in shingles), dtype=np.uint64, count=len(shingles))
    hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return hashed.min(axis=0).astype(np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(x == y))


def check_doc(doc: RawDoc, settings: dict[str, Any]) -> Checked:
    try:
        record = convert_doc(doc).to_dict()
    except ConvertError as e:
        return Checked(None, [Problem("R100", "not-convertible", "error", f"{doc.ref.path}: {e}")])
    problems = [
        Problem(
            "S001",
            "schema",
            "error",
            f"{doc.ref.path}: {err.message}",
            pointer="/" + "/".join(str(p) for p in err.instance_path),
        )
        for err in fast_validator().iter_errors(record)
    ]
    if not record["body"].strip():
        problems.append(Problem("C001", "empty-body", "error", f"{doc.ref.path}: no article body was found"))
    body = record["body"]
    return Checked(record, problems, body_hash(body), signature(body, int(settings["shingle_words"])))


def near_duplicate_clusters(items: list[tuple[str, bytes]], threshold: float) -> list[list[str]]:
    """Groups (size >= 2, sorted ids) of articles whose signatures are at least `threshold` similar.

    LSH with 16 bands of 4 rows (candidate probability > 0.999 at 0.8 similarity), every candidate pair
    confirmed against the threshold, clusters by union-find (transitive).
    """
    bands, rows = NUM_PERM // 4, 4
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    sigs = dict(items)
    for b in range(bands):
        buckets: dict[bytes, list[str]] = {}
        for id_, sig in items:
            buckets.setdefault(sig[b * rows * 4 : (b + 1) * rows * 4], []).append(id_)
        for members in buckets.values():
            for i, a in enumerate(members):
                for other in members[i + 1 :]:
                    ra, rb = find(a), find(other)
                    if ra != rb and similarity(sigs[a], sigs[other]) >= threshold:
                        parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for id_ in parent:
        groups.setdefault(find(id_), []).append(id_)
    for root in list(groups):
        if root not in groups[root]:
            groups[root].append(root)
    return sorted(sorted(set(g)) for g in groups.values() if len(set(g)) > 1)
