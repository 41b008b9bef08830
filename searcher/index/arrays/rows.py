"""The token rows of one write batch: each article's analysed title and body as
integer ids into the batch's vocabularies, plus its facet values.

>>> rows = BatchRows()
>>> rows.add({"id": "a1", "title": ["giao", "ban"], "body": ["họp", "giao", "ban"],
...           "title_words": ["giao_ban"], "body_words": ["giao_ban"]})
>>> rows.syllables, rows.stream("body", 0).tolist()
(['giao', 'ban', 'họp'], [2, 0, 1])
"""

from __future__ import annotations

import numpy as np

from searcher.index.registry import FACET_NAMES, SYLLABLE_STREAMS, WORD_STREAMS

STREAMS = SYLLABLE_STREAMS + WORD_STREAMS
FACET_KEYS = (*FACET_NAMES, "sort_date")


class BatchRows:
    """Rows added through one writer, found by article id (the last one wins)."""

    def __init__(self) -> None:
        self._syl: dict[str, int] = {}
        self._word: dict[str, int] = {}
        self.by_id: dict[str, int] = {}
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.facets: list[dict] = []
        self._streams: dict[str, list[np.ndarray]] = {name: [] for name in STREAMS}

    @property
    def syllables(self) -> list[str]:
        return list(self._syl)

    @property
    def words(self) -> list[str]:
        return list(self._word)

    def add(self, doc: dict) -> None:
        """One document as ``ingest.to_document`` gives it: id, token lists, title, facets."""
        for name in STREAMS:
            table = self._word if name in WORD_STREAMS else self._syl
            tokens = doc[name]
            known = {t: table.setdefault(t, len(table)) for t in dict.fromkeys(tokens)}
            ids = np.fromiter(map(known.__getitem__, tokens), dtype=np.int32, count=len(tokens))
            self._streams[name].append(ids)
        self.by_id[doc["id"]] = len(self.ids)
        self.ids.append(doc["id"])
        self.titles.append(doc.get("title_text", ""))
        self.facets.append({k: doc.get(k) for k in FACET_KEYS})

    def stream(self, name: str, row: int) -> np.ndarray:
        return self._streams[name][row]

    def __len__(self) -> int:
        return len(self.ids)
