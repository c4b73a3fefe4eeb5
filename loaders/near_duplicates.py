"""Near-duplicate detection for wire copies: word shingles and MinHash signatures.

Two agencies' copies of one story differ by a headline, a dateline, a sentence. Their sets of
5-word shingles overlap heavily, and the share of equal MinHash values between two signatures
estimates that overlap (the Jaccard similarity) without keeping the texts. To avoid comparing a
new text with every text seen, signatures are cut into bands (locality-sensitive hashing): only
texts that share at least one whole band are compared. With 32 bands of 4 values, two texts of
similarity 0.7 share a band with probability 1 - (1 - 0.7**4)**32 > 0.999; texts of similarity
0.2 with probability 0.05.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 128
BANDS = 32
ROWS_PER_BAND = SIGNATURE_SIZE // BANDS
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets from which texts are copies
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 64) - 1


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word windows of the lower-cased words of ``text``."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")


def _seeds(count: int) -> list[tuple[int, int]]:
    """Fixed (a, b) pairs of the universal hash family, derived from their position."""
    pairs = []
    for number in range(count):
        digest = hashlib.blake2b(f"geokg-minhash-{number}".encode(), digest_size=16).digest()
        a, b = struct.unpack("<QQ", digest)
        pairs.append((a | 1, b))
    return pairs


_SEEDS = _seeds(SIGNATURE_SIZE)


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text's shingles (all-ones for a text with no words)."""
    hashes = [_hash(s) for s in shingles(text)]
    if not hashes:
        return tuple([_MASK] * SIGNATURE_SIZE)
    return tuple(min(((a * h + b) & _MASK) for h in hashes) for a, b in _SEEDS)


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)


def to_bytes(sig: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(sig)}Q", *sig)


def from_bytes(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 8}Q", data)


def best_match(sig: tuple[int, ...], known: Iterable[tuple[str, tuple[int, ...]]],
               threshold: float = DEFAULT_THRESHOLD) -> str | None:
    """The id of the most similar known text at or above ``threshold``, or None."""
    best_id, best = None, threshold
    for known_id, other in known:
        score = similarity(sig, other)
        if score >= best:
            best_id, best = known_id, score
    return best_id


def band_keys(sig: tuple[int, ...]) -> list[int]:
    """One key per band of a signature (signed 64-bit, so SQLite stores it as an integer)."""
    keys = []
    for band in range(BANDS):
        values = sig[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(struct.pack(f"<{len(values)}Q", *values), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
