"""The engine's query path on the segment arrays: masks, BM25, proximity bonuses.

A query is a node of the plan ``searcher.query.plan`` builds (``searcher.query.nodes``:
Term, Phrase, AnyOf, AllOf, Pairs). A term is a slice of each segment's postings; a
phrase's postings come from the pair postings or by reading the syllable stream at
its rarest word's positions, and it is scored like a term; a node's scores are numpy
sums over its terms. Nothing here reads Whoosh.

>>> import numpy as np
>>> _starts_of((np.array([7, 1, 2, 5, 1, 3]), None), np.array([1, 4]), 0, [1, 3]).tolist()
[4]
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from searcher.index.arrays.ranges import concatenated_ranges
from searcher.index.arrays.store import SegmentArrays, open_segment
from searcher.index.arrays.writer import deleted_docs, leaves, segment_id
from searcher.index.recent import Recent
from searcher.query import scoring
from searcher.query.nodes import AllOf, AnyOf, Node, Pairs, Phrase, Term

REMEMBERED_COUNTS = 4096  # phrase counts kept per view
PHRASE_BYTES = 8 << 20  # documents of recent phrases kept per view (the common ones)


class MissingArrays(RuntimeError):
    """A segment of the index has no arrays yet (a writer is finishing): keep the old view."""


def _starts_of(tokens: tuple[np.ndarray, np.ndarray | None], rare_positions: np.ndarray,
               rare: int, ids: list[int]) -> np.ndarray:  # fmt: skip
    """Positions where ``ids`` stand one after another in a stream (``tokens``: the
    syllables, and their folded ids for a folded view), from the positions of the
    rarest one (``ids[rare]``): the stream is read at each start, a gather per word,
    no search in the other words' position lists."""
    stream, folded = tokens
    starts = np.asarray(rare_positions, dtype=np.int64) - rare
    starts = starts[(starts >= 0) & (starts + len(ids) <= len(stream))]
    for j, tid in enumerate(ids):
        if j != rare and len(starts):
            found = stream[starts + j]
            starts = starts[(found if folded is None else folded[found]) == tid]
    return starts


def _in_documents(positions: np.ndarray, docoff: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The sorted ``positions`` that fall inside the documents ``docs`` (ascending)."""
    # the bounds in the positions' own type: a wider needle would copy the whole list
    lo = np.searchsorted(positions, docoff[docs].astype(positions.dtype))
    hi = np.searchsorted(positions, docoff[docs + 1].astype(positions.dtype))
    return positions[concatenated_ranges(lo, hi - lo)]


class ArrayIndex:
    """The arrays of every segment of one Whoosh reader, numbered as Whoosh numbers
    documents (segment after segment), with its deletions."""

    def __init__(self, gen: Path, reader) -> None:
        self.segments: list[SegmentArrays] = []
        bases = []
        live_parts = []
        for sub, base in leaves(reader):
            seg = open_segment(gen, segment_id(sub))
            if seg is None or seg.n != sub.doc_count_all():
                raise MissingArrays(segment_id(sub))
            live = np.ones(seg.n, dtype=bool)
            live[deleted_docs(sub)] = False
            self.segments.append(seg)
            bases.append(base)
            live_parts.append(live)
        self.bases = bases
        self.live = np.concatenate(live_parts) if live_parts else np.zeros(0, dtype=bool)
        self.size = len(self.live)
        # each document's date for newest/oldest (registry.day_key of "sort_date"; 0: none)
        keys = [np.asarray(seg["sort_key"]) for seg in self.segments]
        self.sort_key = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int32)
        self.n_docs = max(int(self.live.sum()), 1)
        self._lengths: dict[str, tuple[np.ndarray, float]] = {}
        # postings of recent phrases
        self._phrases = Recent(PHRASE_BYTES, lambda p: p[0].nbytes + p[1].nbytes)
        self._id_rank: np.ndarray | None = None
        self._tie_rank: np.ndarray | None = None
        self._counts = Recent(REMEMBERED_COUNTS)  # documents per folded phrase

    # -- terms ---------------------------------------------------------------------
    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, frequencies) of ``term`` in ``field``, every segment."""
        ids, tfs = [], []
        for seg, base in zip(self.segments, self.bases, strict=True):
            tid = seg.term_id(field, term)
            if tid >= 0:
                docs, tf = seg.postings(field, tid)
                ids.append(docs.astype(np.int64) + base)
                tfs.append(tf)
        if not ids:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        return np.concatenate(ids), np.concatenate(tfs).astype(np.float32)

    def doc_frequency(self, field: str, term: str) -> int:
        total = 0
        for seg in self.segments:
            tid = seg.term_id(field, term)
            if tid >= 0:
                toff = seg[f"{field}.toff"]
                total += int(toff[tid + 1] - toff[tid])
        return total

    def lengths(self, field: str) -> tuple[np.ndarray, float]:
        """Per-document token counts of ``field`` (at least 1) and their mean (summed as
        integers: the same whatever order the segments come in)."""
        found = self._lengths.get(field)
        if found is None:
            parts = [np.maximum(seg.lengths(field), 1) for seg in self.segments]
            counts = np.concatenate(parts).astype(np.int64) if parts else np.ones(0, np.int64)
            mean = int(counts.sum()) / len(counts) if len(counts) else 1.0
            found = self._lengths[field] = (counts.astype(np.float32), mean)
        return found

    @property
    def id_rank(self) -> np.ndarray:
        """Each document's place in the order of the articles' ids: what breaks ties
        (equal scores, the same date, a group's leader), so a page is the same whatever
        order a build wrote its segments in."""
        if self._id_rank is None:
            ids = [i for seg in self.segments for i in seg.ids.tolist()]
            rank = np.empty(len(ids), dtype=np.int64)
            rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
            self._id_rank = rank
        return self._id_rank

    @property
    def tie_rank(self) -> np.ndarray:
        """Each document's place among equally scored results: the newest first (its
        meeting's or publication's date; undated last), then in the order of the ids.
        Two reports of "giao ban" whose titles score the same show the latest first."""
        if self._tie_rank is None:
            order = np.lexsort((self.id_rank, -self.sort_key.astype(np.int64)))
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            self._tie_rank = rank
        return self._tie_rank

    def phrase_docs(self, field: str, words: list[str]) -> np.ndarray:
        """Documents where ``words`` stand together, in order, in ``field``."""
        return self.phrase_postings(field, words)[0]

    def phrase_postings(self, field: str, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(documents, how often) ``words`` stand together, in order, in ``field``: a
        phrase's postings, scored like a term's (the last phrases are remembered:
        matching and ranking ask for the same ones)."""
        return self._phrases.get((field, tuple(words)), self._phrase_postings)

    def _phrase_postings(self, key: tuple[str, tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray]:
        field, words = key
        docs_out, tf_out = [], []
        for seg, base in zip(self.segments, self.bases, strict=True):
            tids = [seg.term_id(field, w) for w in words]
            if min(tids, default=-1) < 0:
                continue
            if len(tids) == 2:  # the pair postings built with the segment
                found = seg.pair_postings(field, *tids)
                if found is not None:
                    docs_out.append((found[0] + base).astype(np.int32))
                    tf_out.append(found[1])
                    continue
            within = seg.neighbours_docs(field, tids)  # the pair postings: a few documents
            if within is not None and not len(within):
                continue
            rare = min(range(len(tids)), key=lambda j: len(seg.positions(field, tids[j])))
            places = seg.positions(field, tids[rare])
            if within is not None:
                places = _in_documents(places, seg.docoff(field), within)
            starts = _starts_of(seg.tokens(field), places, rare, tids)
            if not len(starts):
                continue
            docoff = seg.docoff(field)
            doc = np.searchsorted(docoff, starts, side="right") - 1
            inside = starts + len(words) - 1 < docoff[doc + 1]
            docs, tf = np.unique(doc[inside], return_counts=True)
            docs_out.append((docs + base).astype(np.int32))
            tf_out.append(tf)
        if not docs_out:
            return np.empty(0, np.int32), np.empty(0, np.float32)
        return np.concatenate(docs_out), np.concatenate(tf_out).astype(np.float32)

    # -- what the index says of folded syllables (``searcher.query.words.Lexicon``) ---------
    def count(self, syllable: str) -> int:
        return self.doc_frequency("body_folded", syllable)

    def phrase_count(self, syllables: tuple[str, ...]) -> int:
        """Documents where the folded syllables stand together: a pair in bodies (the
        pair tables), a longer run in titles or bodies."""
        return self._counts.get(syllables, self._phrase_count)

    def _phrase_count(self, syllables: tuple[str, ...]) -> int:
        if len(syllables) == 2:  # the pair tables: a few binary searches
            return self.pair_count(*syllables, folded=True)
        return len(self.together(list(syllables)))

    def together(self, words: list[str]) -> np.ndarray:
        """Documents whose title or body holds the folded ``words`` standing together."""
        body, title = (
            self.phrase_docs("body_folded", words),
            self.phrase_docs("title_folded", words),
        )
        return np.union1d(body, title) if len(title) else body

    def pair_count(self, a: str, b: str, folded: bool = False, table: str = "pairs") -> int:
        """Documents whose body holds ``a`` right before ``b`` (canonical syllables, or
        folded ones summed over their accent forms: a body holding two forms of the
        pair counts twice); titles with ``table="title_pairs"``."""
        total = 0
        for seg in self.segments:
            ids_a, ids_b = seg.syllable_ids(a, folded), seg.syllable_ids(b, folded)
            if len(ids_a) and len(ids_b):
                total += int(seg.pair_dfs(ids_a, ids_b, table).sum())
        return total

    def stand_together(self, a: str, b: str, folded: bool = False) -> bool:
        """Does ``a`` stand right before ``b`` in any body or title (canonical syllables,
        or folded in any accent form)? The pair tables built with each segment; titles
        by their positions in a segment written before its title table."""
        if self.pair_count(a, b, folded):
            return True
        if all("title_pairs.key" in seg for seg in self.segments):
            return bool(self.pair_count(a, b, folded, "title_pairs"))
        return bool(len(self.phrase_docs("title_folded" if folded else "title", [a, b])))

    # -- queries -------------------------------------------------------------------
    def mask(self, q: Node | None) -> np.ndarray:
        """Boolean array over document numbers: True where ``q`` matches (None: all)."""
        if q is None:
            return np.ones(self.size, dtype=bool)
        if isinstance(q, (AllOf, AnyOf)) and q.parts:
            combine = np.logical_and if isinstance(q, AllOf) else np.logical_or
            return combine.reduce([self.mask(sub) for sub in q.parts])
        out = np.zeros(self.size, dtype=bool)
        if isinstance(q, Term):
            out[self.postings(q.field, q.text)[0]] = True
        elif isinstance(q, Phrase):
            out[self.phrase_docs(q.field, list(q.words))] = True
        return out

    def idf(self, df: int) -> float:
        """BM25's idf of a term held by ``df`` live documents."""
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def scores(self, q: Node | None, boost: float = 1.0,
               out: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
        """BM25 of the plan's terms (``searcher.query.scoring``: per-field weight and
        length normalisation), each phrase's too (the idf of its words, how often they
        stand together), the saturating bonus of adjacent pairs; AllOf and AnyOf add
        their parts (None: no score)."""
        out = np.zeros(self.size, dtype=np.float32) if out is None else out
        if q is None:
            return out
        boost *= q.boost
        if isinstance(q, Term):
            ids, tf = self.postings(q.field, q.text)
            if len(ids):
                lengths, avg = self.lengths(q.field)
                idf = self.idf(len(ids))
                out[ids] += boost * scoring.bm25(tf, lengths[ids], avg, idf, q.field)
        elif isinstance(q, Phrase):  # a term of its own: idf of its words, BM25 of its tf
            weight = boost * sum(self._phrase_idf(q.field, w) for w in q.words)
            ids, tf = self.phrase_postings(q.field, list(q.words))
            if weight and len(ids):
                lengths, avg = self.lengths(q.field)
                out[ids] += scoring.bm25(tf, lengths[ids], avg, weight, q.field, phrase=True)
        elif isinstance(q, Pairs):
            self._proximity(q, boost, out)
        else:
            for sub in q.parts:
                self.scores(sub, boost, out)
        return out

    def _phrase_idf(self, field: str, word: str) -> float:
        return math.log(1 + self.n_docs / (self.doc_frequency(field, word) + 1))

    def _proximity(self, q: Pairs, boost: float, out: np.ndarray) -> None:
        """Each pair weighs the idf of its two syllables; an article holds a pair where
        the two stand together in its title or its body (never across clause
        punctuation: the positions carry the gap)."""
        found = np.zeros(self.size, dtype=np.float32)
        total = 0.0
        for a, b in q.pairs:
            weight = self._phrase_idf("body_folded", a) + self._phrase_idf("body_folded", b)
            total += weight
            found[self.together([a, b])] += weight
        if total and q.pairs:
            hit = np.flatnonzero(found)
            n = len(q.pairs)
            scale = total / n * n ** scoring.PARAMS["prox_len"]
            out[hit] += boost * scoring.proximity(found[hit], total, scale)

    def top(self, q: Node | None, allowed: np.ndarray, offset: int, limit: int,
            scores: np.ndarray | None = None) -> list:  # fmt: skip
        """[(docnum, score)] of the page ``offset:offset+limit`` among ``allowed``
        (``scores``: ``q``'s, when the caller has them)."""
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return []
        scores = (self.scores(q) if scores is None else scores)[candidates]
        keep = min(len(candidates), offset + limit)
        if keep < len(candidates):  # every candidate as good as the page's last, ties too
            bound = np.partition(-scores, keep - 1)[keep - 1]
            part = np.flatnonzero(-scores <= bound)
            candidates, scores = candidates[part], scores[part]
        order = np.lexsort((self.tie_rank[candidates], -scores))[offset : offset + limit]
        return [(int(candidates[i]), float(scores[i])) for i in order]
