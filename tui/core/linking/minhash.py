"""MinHash signatures of word shingles, their Jaccard estimate and LSH band keys: near-duplicate
copies (the `dup` part and candidate keys). Pure and deterministic (blake2b, never `hash()`):
signatures are stored and compared with ones another process computes later.

Since features version 2: one blake2b per distinct word, not one per shingle. A shingle's hash
is its four words' hashes mixed in numpy (a sum of products by fixed odd constants, then an
xor-shift), and the 32 "permutations" are multiply-adds of it mod 2^64, the top 32 bits kept:
half the cost of a blake2b per shingle (a shingle recurs far less than a word, so its digest
was seldom cached). Any change to a text's signature bumps `FEATURES_VERSION`
(refresh/relink.py): the linker's hash carries it, so an upgraded cache makes the recent
fortnight's features again and older signatures never meet new ones.
"""

from __future__ import annotations

import hashlib
import operator
import sys
import zlib
from functools import lru_cache
from itertools import chain
from typing import Any

NUM_HASHES = 32
BANDS = 8  # LSH: 8 bands of 4 rows; pairs with Jaccard >= ~0.6 very likely share a band
WIDTH = 4  # words per shingle


def _constants(tag: bytes, n: int) -> list[int]:
    """`n` fixed odd 64-bit constants (blake2b of a tag and an index: the same everywhere)."""
    return [int.from_bytes(hashlib.blake2b(tag + bytes([i]), digest_size=8).digest(), "big") | 1
            for i in range(n)]


_MIX = _constants(b"shingle", WIDTH)  # a shingle's hash: sum of word hash * _MIX[k]
_MULS = _constants(b"perm-a", NUM_HASHES)  # permutation i: (h * _MULS[i] + _ADDS[i]) mod 2^64
_ADDS = _constants(b"perm-b", NUM_HASHES)


def minhash_words(words: list[str], width: int = WIDTH) -> tuple[int, ...]:
    """The signature of folded words' `width`-shingles (a text shorter than one shingle is
    padded with empty words). Repeated shingles count once, as in a set.

    Ten numpy calls an article (in a worker their fixed cost is most of it): the word hashes
    read in place as native uint64, each shingle's sum of products one product of the words'
    sliding windows (a strided view, no copy) by the constants, the minima taken by the ufunc
    itself (`ndarray.min` goes through Python). Integer products wrap mod 2^64 as before."""
    np = _numpy()
    if width < 1:
        raise ValueError("shingle width must be at least 1")
    if len(words) < width:
        words = words + [""] * (width - len(words))
    h = np.frombuffer(_word_digests(words), np.uint64)
    n = len(words) - width + 1
    shingle = np.ndarray((n, width), np.uint64, h, 0, (8, 8)) @ _mix(width)
    perm, add, shift, top = _perms()
    shingle ^= shingle >> shift
    return tuple((np.minimum.reduce(np.multiply.outer(perm, shingle) + add, axis=1) >> top
                  ).tolist())


def minhash_many(texts: list[list[str]], width: int = WIDTH) -> list[tuple[int, ...]]:
    """`minhash_words` of each word list, with numpy called a dozen times for them all (a pool
    job's 50 articles) rather than ten times each: in a worker, between the other analyzers'
    work, each call's fixed cost was ~5 us, most of a signature. Shingles are made over the
    words of all the texts one after the other, those running from one text into the next
    left out; each text's minima are taken over its own shingles (`reduceat`)."""
    np = _numpy()
    if width < 1:
        raise ValueError("shingle width must be at least 1")
    if not texts:
        return []
    texts = [words + [""] * (width - len(words)) if len(words) < width else words
             for words in texts]
    h = np.frombuffer(_word_digests(list(chain.from_iterable(texts))), np.uint64)
    everywhere = np.ndarray((len(h) - width + 1, width), np.uint64, h, 0, (8, 8)) @ _mix(width)
    firsts: list[int] = []  # each text's first shingle among those kept
    rows: list[int] = []  # the rows of `everywhere` kept: no shingle across two texts
    at = 0
    for words in texts:
        firsts.append(len(rows))
        rows.extend(range(at, at + len(words) - width + 1))
        at += len(words)
    shingle = everywhere[rows]
    perm, add, shift, top = _perms()
    shingle ^= shingle >> shift
    low = np.minimum.reduceat(np.multiply.outer(perm, shingle) + add, firsts, axis=1) >> top
    return list(map(tuple, low.T.tolist()))


# word -> its 64-bit blake2b as native uint64 bytes (numpy reads them in place): words recur
# across a worker's articles far more than shingles do (the bench site's 10k articles: 655k
# shingles, 188k distinct). Cleared when full (~5 MB).
_DIGEST_OF: dict[str, bytes] = {}
_DIGEST_CACHE_MAX = 50_000
_BLAKE8 = hashlib.blake2b(digest_size=8)  # copied per word: cheaper than a new one


def _word_digests(words: list[str]) -> bytes:
    """Each word's 64-bit blake2b digest (read big-endian) in this machine's byte order, in
    the words' order."""
    known = _DIGEST_OF
    if len(known) > _DIGEST_CACHE_MAX:
        known.clear()
    digests = list(map(known.get, words))
    if None in digests:
        copy = _BLAKE8.copy
        for n, word in enumerate(words):
            if digests[n] is None:
                found = known.get(word)
                if found is None:
                    h = copy()
                    h.update(word.encode())
                    found = known[word] = int.from_bytes(h.digest(), "big").to_bytes(
                        8, sys.byteorder)
                digests[n] = found
    return b"".join(digests)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _numpy() -> Any:
    """numpy, imported on the first signature only (an import statement runs on every call):
    the fetch path and the main process never load it."""
    import numpy

    return numpy


@lru_cache(maxsize=4)
def _mix(width: int) -> Any:
    """The shingle constants for `width` words, as a numpy column of uint64."""
    import numpy as np

    return np.array((_MIX if width <= WIDTH else _constants(b"shingle", width))[:width],
                    np.uint64)


@lru_cache(maxsize=1)
def _perms() -> tuple[Any, Any, Any, Any]:
    """The permutations' multipliers and addends as numpy columns, and the shifts (the
    shingle's xor-shift, the top 32 bits kept)."""
    import numpy as np

    return (np.array(_MULS, np.uint64), np.array(_ADDS, np.uint64)[:, None], np.uint64(29),
            np.uint64(32))


def jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    same: int = sum(map(operator.eq, sig_a, sig_b))  # C-level: this runs per candidate
    return same / len(sig_a)


def lsh_keys(sig: tuple[int, ...]) -> list[str]:
    rows = len(sig) // BANDS
    return [f"m:{b}:{zlib.crc32(repr(sig[b * rows:(b + 1) * rows]).encode()):08x}"
            for b in range(BANDS)]
