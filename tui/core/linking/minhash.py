"""MinHash signatures of word shingles, their Jaccard estimate and LSH band keys: near-duplicate
copies (the `dup` part and candidate keys). Pure and deterministic (blake2b, never `hash()`):
signatures are stored and compared with ones another process computes later.
"""

from __future__ import annotations

import hashlib
import operator
import zlib
from functools import lru_cache
from typing import Any

NUM_HASHES = 32
BANDS = 8  # LSH: 8 bands of 4 rows; pairs with Jaccard >= ~0.6 very likely share a band
_MASKS = [int.from_bytes(hashlib.blake2b(bytes([i]), digest_size=8).digest(), "big")
          for i in range(NUM_HASHES)]
_BLAKE8 = hashlib.blake2b(digest_size=8)  # copied per shingle: cheaper than a new one


def minhash_words(words: list[str], width: int = 4) -> tuple[int, ...]:
    """`minhash` of folded words. The minima are taken in numpy, every mask against every
    shingle's hash at once (this runs in pool workers, which load numpy for the candidates
    anyway): the same values as the loop over masks it replaced, a third of its time."""
    import numpy as np

    if width < 1:
        raise ValueError("shingle width must be at least 1")
    if len(words) < width:
        words = words + [""] * (width - len(words))
    shifted = (words[k:] for k in range(width))  # shingle i is word i of each shifted copy
    shingles = set(map(" ".join, zip(*shifted, strict=False)))
    values = np.frombuffer(_digests(shingles), ">u8").astype(np.uint64)
    return tuple((np.bitwise_xor.outer(_masks(), values).min(axis=1) >> 32).tolist())


# shingle -> its digest: four words recur across a worker's articles (wire copies, stock
# phrases; 94% of the shingles of the synthetic bench site's 10k articles, its phrase bank is
# small), and looking them up is C-level where a blake2b each is three calls. Cleared when
# full (~6 MB at most).
_DIGEST_OF: dict[str, bytes] = {}
_DIGEST_CACHE_MAX = 40_000


def _digests(shingles: set[str]) -> bytes:
    """Each shingle's 64-bit blake2b digest, one after another (in any order: MinHash takes
    the minimum of them)."""
    known = _DIGEST_OF
    if len(known) > _DIGEST_CACHE_MAX:
        known.clear()
    digests = list(map(known.get, shingles))
    if None in digests:
        copy = _BLAKE8.copy
        for n, shingle in enumerate(shingles):
            if digests[n] is None:
                h = copy()
                h.update(shingle.encode())
                digests[n] = known[shingle] = h.digest()
    return b"".join(digests)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _masks() -> Any:
    """`_MASKS` as a numpy column of unsigned 64-bit ints."""
    import numpy as np

    return np.array(_MASKS, np.uint64)


def jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    same: int = sum(map(operator.eq, sig_a, sig_b))  # C-level: this runs per candidate
    return same / len(sig_a)


def lsh_keys(sig: tuple[int, ...]) -> list[str]:
    rows = len(sig) // BANDS
    return [f"m:{b}:{zlib.crc32(repr(sig[b * rows:(b + 1) * rows]).encode()):08x}"
            for b in range(BANDS)]
