"""MinHash signatures of the reports' bodies, for finding one meeting reported twice.

A body is the set of its three-syllable shingles (the first ``MAX_TOKENS`` syllables);
its signature is, for each of ``K`` hash functions, the smallest hash of a shingle.
Two bodies agree at a signature position with a probability equal to the Jaccard
similarity of their shingle sets. Computed with numpy over a whole segment at once
(no loop over documents); a syllable's hash is CRC-32 of its text, so signatures of
different segments compare.

>>> import numpy as np
>>> syl = [f"s{i}" for i in range(60)]
>>> body = np.concatenate([np.arange(50), np.arange(50), np.arange(10)]).astype(np.int32)
>>> sig = signatures(body, np.array([0, 50, 100, 110]), syl)
>>> sig.shape, bool((sig[0] == sig[1]).all()), bool((sig[2] == EMPTY).all())
((3, 32), True, True)
"""

from __future__ import annotations

import zlib

import numpy as np

from searcher.index.arrays.ranges import concatenated_ranges

K = 32  # hash functions: the agreement of two signatures estimates Jaccard ± ~0.09
MAX_TOKENS = 400  # syllables of a body read (the lead tells the meeting apart)
MIN_SHINGLES = 40  # a shorter body cannot tell two meetings apart: no signature
EMPTY = np.uint32(0xFFFFFFFF)  # a body too short to have a shingle
BLOCK = 4000  # documents hashed at a time (bounds the temporary arrays)
_RNG = np.random.default_rng(20250)
_A = _RNG.integers(1, 2**63, size=K, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63, size=K, dtype=np.uint64)


def syllable_hashes(terms: list[str]) -> np.ndarray:
    """CRC-32 of each vocabulary term (stable across segments and processes)."""
    return np.array([zlib.crc32(t.encode("utf-8")) for t in terms], dtype=np.uint64)


def signatures(stream: np.ndarray, docoff: np.ndarray, terms: list[str]) -> np.ndarray:
    """(documents, K) uint32 MinHash signatures of the bodies in ``stream``."""
    n = len(docoff) - 1
    out = np.full((n, K), EMPTY, dtype=np.uint32)
    if n == 0 or not len(stream):
        return out
    hashes = syllable_hashes(terms)
    for lo in range(0, n, BLOCK):
        hi = min(n, lo + BLOCK)
        _block(stream, np.asarray(docoff), hashes, lo, hi, out)
    return out


def _block(stream, docoff, hashes, lo: int, hi: int, out: np.ndarray) -> None:
    starts = docoff[lo:hi].astype(np.int64)
    lengths = np.minimum(docoff[lo + 1 : hi + 1] - docoff[lo:hi], MAX_TOKENS).astype(np.int64)
    count = np.maximum(lengths - 2, 0)  # shingles per document
    if not count.sum():
        return
    pos = concatenated_ranges(starts, count)
    h = hashes[stream[pos]], hashes[stream[pos + 1]], hashes[stream[pos + 2]]
    key = h[0] * np.uint64(0x9E3779B97F4A7C15) + h[1] * np.uint64(0xC2B2AE3D27D4EB4F) + h[2]
    has = count >= MIN_SHINGLES
    if not has.any():
        return
    cuts = np.concatenate(([0], np.cumsum(count)[:-1]))
    for k in range(K):
        values = ((key * _A[k] + _B[k]) >> np.uint64(32)).astype(np.uint32)
        out[np.arange(lo, hi)[has], k] = np.minimum.reduceat(values, cuts)[has]


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of signature rows ``a`` and ``b`` (same shape)."""
    same = (a == b) & (a != EMPTY)
    return same.mean(axis=-1)
