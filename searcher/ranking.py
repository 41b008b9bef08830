"""BM25 ranking over Whoosh posting lists, vectorised with numpy.

Whoosh scores posting by posting in Python; for Vietnamese, whose syllables are
in most documents, that is the whole cost of a search. Here each term's
document numbers and frequencies are read once per reader (block by block,
cached), and a query's score is a numpy sum over its terms. Phrases in the
ranking query (adjacent words, compounds of several syllables) are checked only
on the best candidates, and add their bonus there.

The ranking query is the Whoosh query tree built by ``matching``: Or and And add
their parts' scores, a Term scores BM25 in its field times its boost, a Phrase
adds a bonus to the candidates it matches.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

K1 = 1.2
B = 0.75
FIELD_BOOST: dict[str, float] = {}  # per-field multipliers for phrase bonuses
RERANK = 100  # candidates on which phrases are checked
MAX_CACHED_POSTINGS = 6_000_000  # about 50 MB of arrays


@dataclass
class Postings:
    ids: np.ndarray  # int32 document numbers
    tf: np.ndarray  # float32 term frequencies


class Ranker:
    """Scores documents of one searcher; safe to reuse for many queries."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.n_docs = max(self.reader.doc_count(), 1)
        self._lengths: dict[str, np.ndarray] = {}
        self._postings: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._cached = 0

    # -- data read from the index -------------------------------------------------
    def lengths(self, field: str) -> np.ndarray:
        found = self._lengths.get(field)
        if found is None:
            found = np.ones(self.size, dtype=np.float32)
            for sub, offset in self._leaves():
                for docnum in range(sub.doc_count_all()):
                    found[offset + docnum] = sub.doc_field_length(docnum, field, 0) or 1
            self._lengths[field] = found
        return found

    def _leaves(self) -> list:
        leaves = getattr(self.reader, "leaf_readers", None)
        return list(leaves()) if leaves else [(self.reader, 0)]

    def postings(self, field: str, text: str) -> Postings:
        key = (field, text)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        ids: list = []
        tfs: list = []
        for sub, offset in self._leaves():
            try:
                m = sub.postings(field, text)
            except Exception:
                continue
            _read_all(m, offset, ids, tfs)
        found = Postings(
            np.concatenate(ids).astype(np.int32) if ids else np.empty(0, np.int32),
            np.concatenate(tfs).astype(np.float32) if tfs else np.empty(0, np.float32),
        )
        self._postings[key] = found
        self._cached += len(found.ids)
        while self._cached > MAX_CACHED_POSTINGS and len(self._postings) > 1:
            _, old = self._postings.popitem(last=False)
            self._cached -= len(old.ids)
        return found

    # -- scoring -------------------------------------------------------------------
    def term_scores(self, field: str, text: str, boost: float, out: np.ndarray) -> None:
        p = self.postings(field, text)
        if not len(p.ids):
            return
        df = len(p.ids)
        idf = math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))
        lengths = self.lengths(field)
        avg = float(lengths.mean()) or 1.0
        dl = lengths[p.ids]
        tf = p.tf
        weight = boost * idf  # a field's schema field_boost is already in its frequencies
        out[p.ids] += weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avg))

    def _walk(self, q: wq.Query, boost: float, out: np.ndarray, phrases: list) -> None:
        boost *= getattr(q, "boost", 1.0)
        if isinstance(q, wq.Term):
            self.term_scores(q.fieldname, q.text, boost, out)
        elif isinstance(q, wq.Phrase):
            phrases.append((q, boost))
        elif isinstance(q, (wq.Or, wq.And)):
            for sub in q.subqueries:
                self._walk(sub, boost, out, phrases)
        elif isinstance(q, wq.AndNot):
            self._walk(q.a, boost, out, phrases)

    def phrase_bonus(self, q: wq.Phrase, boost: float, docs: np.ndarray) -> np.ndarray:
        """Per candidate: the phrase's idf-weighted bonus where its words stand together.

        Positions are read only for the candidates (a leaf matcher's skip_to jumps
        whole blocks); Whoosh's phrase matcher would walk every document in between.
        """
        bonus = np.zeros(len(docs), dtype=np.float32)
        words = list(q.words)
        weight = (
            boost
            * FIELD_BOOST.get(q.fieldname, 1.0)
            * sum(
                math.log(1 + self.n_docs / (len(self.postings(q.fieldname, w).ids) + 1))
                for w in words
            )
        )
        if weight == 0 or not len(docs):
            return bonus
        order = np.argsort(docs, kind="stable")
        for sub, offset in self._leaves():
            try:
                matchers = [sub.postings(q.fieldname, w) for w in words]
            except Exception:
                continue
            end = offset + sub.doc_count_all()
            for i in order:
                doc = int(docs[i])
                if not offset <= doc < end:
                    continue
                local = doc - offset
                positions = []
                for m in matchers:
                    if m.is_active() and m.id() < local:
                        m.skip_to(local)
                    if not m.is_active() or m.id() != local:
                        break
                    positions.append(set(m.value_as("positions")))
                else:
                    first = positions[0]
                    if any(
                        all(p + k in positions[k] for k in range(1, len(positions))) for p in first
                    ):
                        bonus[i] = weight
        return bonus

    def top(self, q: wq.Query, allowed: np.ndarray, offset: int, limit: int) -> list:
        """[(docnum, score)] of the page ``offset:offset+limit`` among ``allowed``."""
        scores = np.zeros(self.size, dtype=np.float32)
        phrases: list = []
        self._walk(q, 1.0, scores, phrases)
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return []
        cand_scores = scores[candidates]
        keep = min(len(candidates), max(RERANK, offset + limit))
        if keep < len(candidates):
            part = np.argpartition(-cand_scores, keep - 1)[:keep]
            candidates, cand_scores = candidates[part], cand_scores[part]
        for phrase, boost in phrases:
            cand_scores = cand_scores + self.phrase_bonus(phrase, boost, candidates)
        order = np.lexsort((candidates, -cand_scores))[offset : offset + limit]
        return [(int(candidates[i]), float(cand_scores[i])) for i in order]


def _read_all(m, offset: int, ids: list, tfs: list) -> None:
    """All (id, frequency) pairs of a posting matcher, a block at a time when possible."""
    try:
        while not m._atend:
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            ids.append(np.asarray(m._ids, dtype=np.int64) + offset)
            tfs.append(np.asarray(m._weights, dtype=np.float32))
            m._next_block()
    except AttributeError:  # not a whoosh3 leaf matcher: the portable, slower way
        got_ids, got_tfs = [], []
        while m.is_active():
            got_ids.append(m.id() + offset)
            got_tfs.append(m.weight())
            m.next()
        ids.append(np.asarray(got_ids, dtype=np.int64))
        tfs.append(np.asarray(got_tfs, dtype=np.float32))
