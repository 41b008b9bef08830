"""Reports related to a report: the same meeting reported elsewhere (one card per
meeting), and similar reports (the same unit's reports of the same kind, then those
sharing its rare words).

Groups come from the MinHash signatures the indexer stored per article
(``searcher.index.arrays.minhash``), read once per view: articles whose signatures
agree in a whole LSH band and then on at least ``NEAR`` of their positions, dated at
most ``DAYS_APART`` apart, are one meeting (a monthly report written from a template is
not); so are articles of the same unit, meeting day and meeting type agreeing on
``SAME_MEETING`` (another site's rewrite of the same report). An undated report is
near its meeting's leader (its longest report), not only near another report: undated, a
chain of templates is no one meeting. The card shown for a
meeting is its report that best matches the words of a search ranked by relevance,
else its longest report (its leader). Everything is numpy over all articles at once.

>>> import numpy as np
>>> labels = _components(5, np.array([0, 3]), np.array([1, 4]))
>>> labels.tolist()
[0, 0, 2, 3, 3]
"""

from __future__ import annotations

import numpy as np

from searcher.index.arrays.minhash import EMPTY, K, similarity

BANDS, ROWS = 8, K // 8  # LSH: two reports agreeing on a whole band are candidates
NEAR = 0.5  # estimated Jaccard of 3-syllable shingles: the same text, lightly edited
SAME_MEETING = 0.2  # the same unit, day and type: a rewrite of the same report
DAYS_APART = 7  # near-identical reports dated further apart are two meetings (a template)
BUCKET = 50  # a band value shared by more reports than this is boilerplate, not a meeting
RARE_WORDS = 30  # an article's rarest body syllables that similar reports are found by
SAME_KIND_FIRST = 3  # the same unit's reports of the same kind shown first


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of the graph with edges (a[i], b[i]): each node's label is
    the smallest node of its component (min-label propagation, pointer jumping)."""
    labels = np.arange(n, dtype=np.int64)
    if not len(a):
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels


def _leaders(label: np.ndarray, lengths: np.ndarray, rank: np.ndarray):
    """The documents by group, longest first (ties in id order), where each group starts,
    its size, and each document's leader (its group's longest report)."""
    n = len(label)
    order = np.lexsort((rank, -lengths, label))
    lab = label[order]
    starts = np.flatnonzero(np.r_[n > 0, lab[1:] != lab[:-1]])  # none in an empty index
    sizes = np.diff(np.r_[starts, n])
    leader = np.empty(n, dtype=np.int64)
    leader[order] = np.repeat(order[starts], sizes)
    return order, starts, sizes, leader


def _star_edges(keys: np.ndarray, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Edges joining each document to the first of those sharing its key (keys shared
    by more than ``limit`` documents are left out)."""
    order = np.argsort(keys, kind="stable")
    k, d = keys[order], docs[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(k)])
    first = np.repeat(starts, sizes)
    ok = (np.arange(len(k)) != first) & (np.repeat(sizes, sizes) <= limit)
    return d[first[ok]], d[ok]


class Related:
    """Groups and similar reports over one view's arrays and facet codes."""

    def __init__(self, arrays, facets) -> None:
        self.arrays, self.facets = arrays, facets
        n = arrays.size
        parts = [np.asarray(seg["minhash"]).reshape(-1, K) for seg in arrays.segments]
        self.sig = np.concatenate(parts) if parts else np.full((0, K), EMPTY, np.uint32)
        valid = facets.live & (self.sig[:, 0] != EMPTY)
        docs = np.flatnonzero(valid)
        # in the order of their ids: the groups are the same whatever order a build wrote
        # its segments in (a bucket's first report is the one every other is compared to)
        docs = docs[np.argsort(arrays.id_rank[docs], kind="stable")]
        a, b = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
        rows = self.sig[docs].astype(np.uint64)
        for band in range(BANDS):
            part = rows[:, band * ROWS : (band + 1) * ROWS]
            key = np.zeros(len(docs), dtype=np.uint64)
            for col in range(ROWS):  # a hash of the band's values
                key = key * np.uint64(0x100000001B3) ^ part[:, col]
            x, y = _star_edges(key, docs, BUCKET)
            a.append(x), b.append(y)
        x, y = np.concatenate(a), np.concatenate(b)
        near = similarity(self.sig[x], self.sig[y]) >= NEAR
        days = facets.sort_key.astype(np.int64)
        near &= (days[x] == 0) | (days[y] == 0) | (np.abs(days[x] - days[y]) <= DAYS_APART)
        mx, my = self._same_meeting(docs)
        same = similarity(self.sig[mx], self.sig[my]) >= SAME_MEETING
        lengths, _ = arrays.lengths("body")
        self.label = self._cohesive(np.r_[x[near], mx[same]], np.r_[y[near], my[same]], lengths)
        order, starts, sizes, self.leader = _leaders(self.label, lengths, arrays.id_rank)
        self._order, self._starts, self._sizes = order, starts, sizes
        self._slot = np.empty(n, dtype=np.int64)
        self._slot[order] = np.repeat(np.arange(len(starts)), sizes)
        self._place = np.empty(n, dtype=np.int64)  # in its group's order: longest first
        self._place[order] = np.arange(n)
        self._grouped = np.empty(n, dtype=bool)  # a report of a meeting reported twice
        self._grouped[order] = np.repeat(sizes > 1, sizes)

    def _cohesive(self, a: np.ndarray, b: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Group labels: the connected reports (edges ``a``–``b``); an undated report only
        near another member, not near its group's leader (its longest report), is a card
        of its own: without dates, a chain of lightly edited templates is no one event (80
        answers "Chào anh, Hiện tại, Chính phủ và Bộ Y tế …" of a FAQ, chained through
        their variants). Grouping those left out again among themselves lost recall on
        ViCoV19QA train (R@100 0.694 → 0.687)."""
        n = len(lengths)
        label = _components(n, a, b)
        *_, leader = _leaders(label, lengths, self.arrays.id_rank)
        members = np.flatnonzero(leader != np.arange(n))
        far = members[~self._joined(members, leader[members])]
        label[far] = far + n  # labels of their own, no group's
        return label

    def _joined(self, docs: np.ndarray, leaders: np.ndarray) -> np.ndarray:
        """Whether each report stays in its leader's group: both dated (a chain of
        rewrites of one event, each within ``DAYS_APART`` of the report it was joined to:
        another site's rewrite of a rewrite), or near the leader itself."""
        day = self.facets.sort_key
        dated = (day[docs] > 0) & (day[leaders] > 0)
        return dated | (similarity(self.sig[docs], self.sig[leaders]) >= NEAR)

    def _same_meeting(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Candidate pairs: the same unit, the same meeting day, the same meeting types."""
        fx = self.facets
        unit, types, day = fx.codes["unit"][docs], fx.codes["meeting_type"][docs], fx.sort_key[docs]
        ok = (unit >= 0) & (types != 0) & (day > 0)
        key = (
            day[ok].astype(np.uint64) * np.uint64(1_000_003)
            + unit[ok].astype(np.uint64) * np.uint64(0x9E3779B1)
            + types[ok].astype(np.uint64)
        )
        return _star_edges(key, docs[ok], BUCKET)

    def collapse(self, matched: np.ndarray, scores: np.ndarray | None = None) -> np.ndarray:
        """``matched`` with one card per meeting: of the matched reports of a meeting,
        the one that best matches the query (``scores``, a search ranked by relevance:
        the card and its rank are its best report's, as a search engine's collapse
        keeps a group's top hit), else the longest; ties to the longest."""
        docs = np.flatnonzero(matched & self._grouped)
        if not len(docs):
            return matched
        keys = (self._place[docs],) if scores is None else (self._place[docs], -scores[docs])
        docs = docs[np.lexsort((*keys, self.label[docs]))]
        later = np.r_[False, self.label[docs][1:] == self.label[docs][:-1]]
        out = matched.copy()
        out[docs[later]] = False
        return out

    def members(self, docnum: int) -> list[int]:
        """The other live reports of ``docnum``'s meeting, longest first."""
        slot = self._slot[docnum]
        start = self._starts[slot]
        group = self._order[start : start + self._sizes[slot]]
        return [int(d) for d in group if d != docnum and self.facets.live[d]]

    def similar(self, docnum: int, limit: int = 6) -> list[tuple[int, bool]]:
        """[(docnum, same kind)]: the same unit's reports of the same kind first (up to
        ``SAME_KIND_FIRST``, by shared rare words), then by shared rare words; never
        the report itself or another report of its meeting."""
        scores = self._shared_rare_words(docnum)
        fx = self.facets
        unit, types = fx.codes["unit"], fx.codes["meeting_type"]
        allowed = fx.live & (self.label != self.label[docnum]) & (scores > 0)
        allowed &= self.leader == np.arange(len(allowed))  # one report per meeting
        kind = allowed & (unit == unit[docnum]) & (unit[docnum] >= 0)
        kind &= (types & types[docnum]) != 0
        first = _best(np.flatnonzero(kind), scores, SAME_KIND_FIRST, self.arrays.id_rank)
        rest = allowed.copy()
        rest[first] = False
        out = [(int(d), True) for d in first]
        return out + [
            (int(d), False)
            for d in _best(np.flatnonzero(rest), scores, limit - len(out), self.arrays.id_rank)
        ]

    def _shared_rare_words(self, docnum: int) -> np.ndarray:
        """Per article, the idf weight of the rare body syllables it shares with
        ``docnum`` (its ``RARE_WORDS`` rarest with a document frequency of at least 2)."""
        arrays = self.arrays
        seg_no = int(np.searchsorted(arrays.bases, docnum, side="right") - 1)
        seg, row = arrays.segments[seg_no], docnum - arrays.bases[seg_no]
        ids = np.unique(np.asarray(seg.stream("body", row)))
        toff = seg["body.toff"]
        df = (toff[ids + 1] - toff[ids]).astype(np.int64)
        vocab = seg.vocab["syl"]
        keep = ids[df >= 2]
        chosen = keep[np.argsort(df[df >= 2], kind="stable")]
        terms = []
        for tid in chosen:  # the rarest words that are words (no numbers or marks)
            term = vocab[int(tid)]
            if term.isalpha():
                terms.append(term)
                if len(terms) == RARE_WORDS:
                    break
        found = [arrays.postings("body", t)[0] for t in terms]
        weights = [np.full(len(d), arrays.idf(len(d)), dtype=np.float64) for d in found]
        if not found:
            return np.zeros(arrays.size, dtype=np.float64)
        scores = np.bincount(np.concatenate(found), np.concatenate(weights), arrays.size)
        scores[docnum] = 0.0
        return scores


def _best(docs: np.ndarray, scores: np.ndarray, limit: int, rank: np.ndarray) -> np.ndarray:
    """The ``limit`` best-scored of ``docs``, ties in the order of their ids (``rank``)."""
    if limit <= 0 or not len(docs):
        return docs[:0]
    order = np.lexsort((rank[docs], -scores[docs]))
    return docs[order[:limit]]
