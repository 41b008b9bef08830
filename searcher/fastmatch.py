"""Which documents match a query, as a numpy mask, without scoring.

Whoosh's ``docs_for_query`` walks matchers document by document in Python.
Facet counts need every matching document, so boolean structure is evaluated
here instead: a term is its posting list (cached per reader), Or/And/AndNot are
array operations; only phrases go back to Whoosh.

>>> from whoosh.filedb.filestore import RamStorage
>>> from whoosh.fields import Schema, TEXT
>>> ix = RamStorage().create_index(Schema(t=TEXT))
>>> with ix.writer() as w:
...     w.add_document(t="giao ban"); w.add_document(t="tong ket")
>>> with ix.searcher() as s:
...     PostingCache(s).mask(wq.Or([wq.Term("t", "ban"), wq.Term("t", "ket")])).tolist()
[True, True]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from whoosh import query as wq


class PostingCache:
    """Boolean masks of queries over one searcher. Term document numbers come from
    ``ids_of(field, text)`` (the ranker's cached posting lists), so every posting
    list is read and kept once; without it they are read from the index each time."""

    def __init__(self, searcher, ids_of: Callable[[str, str], np.ndarray] | None = None) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.ids = ids_of or self._read_ids

    def _read_ids(self, field: str, text: str) -> np.ndarray:
        try:
            return np.fromiter(self.reader.postings(field, text).all_ids(), dtype=np.int32)
        except Exception:
            return np.empty(0, dtype=np.int32)

    def mask(self, q: wq.Query) -> np.ndarray:
        """Boolean array over document numbers: True where ``q`` matches."""
        if isinstance(q, wq.Term):
            out = np.zeros(self.size, dtype=bool)
            out[self.ids(q.fieldname, q.text)] = True
            return out
        if isinstance(q, wq.Every):
            return np.ones(self.size, dtype=bool)
        if isinstance(q, wq.AndNot):
            return self.mask(q.a) & ~self.mask(q.b)
        if isinstance(q, (wq.And, wq.Or)) and q.subqueries:
            parts = [self.mask(sub) for sub in q.subqueries]
            combine = np.logical_and if isinstance(q, wq.And) else np.logical_or
            return combine.reduce(parts)
        out = np.zeros(self.size, dtype=bool)  # phrases and anything else: Whoosh decides
        out[np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64)] = True
        return out
