"""How often two canonical syllables stand together, every segment under one numbering.

Each segment keeps its own pair tables (documents in which syllable a stands right
before b, in bodies and in titles, keyed by the segment's syllable ids). Did-you-mean
asks for thousands of pairs per query ("giao" before each of "ban", "bạn", "bàn" …);
asked segment by segment, that is two binary-search passes and a dictionary per
segment per neighbour. Merged once per index view into one sorted table under one
numbering of the syllables, a whole candidate table is one vectorised look-up:

>>> table = PairTable.merge([(["ban", "giao"], np.array([1 * 2 + 0]), np.array([3]))])
>>> table.counts(["giao"], ["ban", "bàn"]).tolist()
[[3, 0]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

SHIFT = 32  # a pair's key: left id << SHIFT | right id (ids below 2**31)


class PairTable:
    """Documents (bodies and titles summed) in which each canonical syllable stands right
    before another, over every segment of one index view."""

    def __init__(self, ids: dict[str, int], keys: np.ndarray, counts: np.ndarray) -> None:
        self.ids, self.keys, self.dfs = ids, keys, counts

    @classmethod
    def merge(cls, parts: Iterable[tuple[list[str], np.ndarray, np.ndarray]]) -> PairTable:
        """From each segment's (syllables by local id, pair keys ``a * len(syllables) + b``,
        documents per key), bodies and titles as separate parts."""
        ids: dict[str, int] = {}
        keys, dfs = [], []
        for terms, key, df in parts:
            if not len(key):
                continue
            local = np.array([ids.setdefault(t, len(ids)) for t in terms], dtype=np.int64)
            size = len(terms)
            keys.append(local[key // size] << SHIFT | local[key % size])
            dfs.append(np.asarray(df, dtype=np.int32))
        if not keys:
            return cls(ids, np.empty(0, np.int64), np.empty(0, np.int32))
        # sorted in place, the same pair's counts summed: no table-sized temporaries
        # beyond the order (they would stay with the process as freed heap)
        key, df = np.concatenate(keys), np.concatenate(dfs)
        del keys, dfs
        order = np.argsort(key, kind="stable")
        key, df = key[order], df[order]
        del order
        starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
        return cls(ids, key[starts], np.add.reduceat(df, starts).astype(np.int32))

    def counts(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """A ``len(left)`` × ``len(right)`` table: documents in which each syllable of
        ``left`` stands right before each of ``right`` (0 for a syllable never seen)."""
        out = np.zeros((len(left), len(right)), dtype=np.int64)
        a = np.array([self.ids.get(t, -1) for t in left], dtype=np.int64)
        b = np.array([self.ids.get(t, -1) for t in right], dtype=np.int64)
        ia, ib = np.flatnonzero(a >= 0), np.flatnonzero(b >= 0)
        if not len(ia) or not len(ib) or not len(self.keys):
            return out
        want = (a[ia][:, None] << SHIFT | b[ib]).ravel()
        at = np.minimum(np.searchsorted(self.keys, want), len(self.keys) - 1)
        found = np.where(self.keys[at] == want, self.dfs[at], 0)
        out[np.ix_(ia, ib)] = found.reshape(len(ia), len(ib))
        return out
