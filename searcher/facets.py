"""Facet counting over per-document value arrays (numpy), not Whoosh ``groupedby``.

For each facet field, one small integer per document (a bitmask for the
multi-valued ``meeting_type``) is read once per index reader from the posting
lists. Counting the facets of a result set is then a ``bincount`` over its
document numbers. Facets behave like multi-select: a facet's counts apply every
other facet's filters but not its own.

>>> order_values("year", {"2021": 3, "2020": 1})
['2020', '2021']
>>> order_values("province", {"Hà Nội": 1, "Thanh Hóa": 4})
['Thanh Hóa', 'Hà Nội']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from searcher.collate import collation_key
from searcher.query import FACETS, SearchRequest
from searcher.text import canonical

MULTI_VALUED = {"meeting_type"}


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool


class FacetIndex:
    """Per-document facet codes and sort dates for one index reader."""

    def __init__(self, reader) -> None:
        n = reader.doc_count_all()
        self.size = n
        self.live = np.ones(n, dtype=bool)
        if reader.has_deletions():
            for docnum in range(n):
                if reader.is_deleted(docnum):
                    self.live[docnum] = False
        self.values: dict[str, list[str]] = {}
        self.codes: dict[str, np.ndarray] = {}
        for name in FACETS:
            terms = [t.decode("utf-8") for t in reader.lexicon(name)]
            self.values[name] = terms
            if name in MULTI_VALUED:
                codes = np.zeros(n, dtype=np.int64)
                for i, term in enumerate(terms[:63]):
                    ids = np.fromiter(reader.postings(name, term).all_ids(), dtype=np.int64)
                    codes[ids] |= np.int64(1) << i
            else:
                codes = np.full(n, -1, dtype=np.int32)
                for i, term in enumerate(terms):
                    ids = np.fromiter(reader.postings(name, term).all_ids(), dtype=np.int64)
                    codes[ids] = i
            self.codes[name] = codes
        self.years = np.array([int(v) if v.isdigit() else -1 for v in self.values["year"]])
        # newest/oldest ordering: days since 1900 from the "sort_date" terms
        self.sort_key = np.zeros(n, dtype=np.int32)
        for term in reader.lexicon("sort_date"):
            text = term.decode("utf-8")
            try:
                y, m, d = (int(x) for x in text.split("-"))
            except ValueError:
                continue
            key = y * 372 + m * 31 + d  # = day_key(the date)
            ids = np.fromiter(reader.postings("sort_date", text).all_ids(), dtype=np.int64)
            self.sort_key[ids] = key

    def value_mask(self, facet: str, wanted: list) -> np.ndarray:
        """Documents whose ``facet`` has any of the wanted values."""
        codes = self.codes[facet]
        if facet == "year":
            ok = np.zeros(len(self.years) + 1, dtype=bool)
            for lo, hi in wanted:
                ok[:-1] |= (self.years >= lo) & (self.years <= hi)
            return ok[codes]  # code -1 → last slot (False)
        keys = {canonical(str(v)) for v in wanted}
        indexes = [i for i, v in enumerate(self.values[facet]) if canonical(v) in keys]
        if facet in MULTI_VALUED:
            bits = 0
            for i in indexes:
                bits |= 1 << i
            return (codes & np.int64(bits)) != 0
        ok = np.zeros(len(self.values[facet]) + 1, dtype=bool)
        ok[indexes] = True
        return ok[codes]

    def filter_masks(self, request: SearchRequest) -> dict[str, np.ndarray]:
        """A mask per active filter; the date range is one more, applied to every facet."""
        masks = {
            facet: self.value_mask(facet, wanted)
            for facet, wanted in request.filters.items()
            if wanted
        }
        if request.date_from or request.date_to:
            lo = day_key(request.date_from) if request.date_from else 1
            hi = day_key(request.date_to) if request.date_to else np.iinfo(np.int32).max
            masks["date"] = (self.sort_key >= lo) & (self.sort_key <= hi)
        return masks

    def count(self, facet: str, mask: np.ndarray) -> dict[str, int]:
        codes = self.codes[facet][mask]
        names = self.values[facet]
        if facet in MULTI_VALUED:
            return {
                name: int(np.count_nonzero(codes & (np.int64(1) << i)))
                for i, name in enumerate(names[:63])
            }
        counts = np.bincount(codes[codes >= 0], minlength=len(names))
        return {name: int(c) for name, c in zip(names, counts, strict=True)}

    def facets(
        self, request: SearchRequest, text_mask: np.ndarray, masks: dict[str, np.ndarray]
    ) -> dict[str, list[FacetValue]]:
        """Counts for every facet, each under all filters but its own."""
        out = {}
        for facet in FACETS:
            mask = text_mask.copy()
            for other, m in masks.items():
                if other != facet:
                    mask &= m
            counts = self.count(facet, mask)
            selected = _selected_values(request, facet, self.values[facet])
            shown = {v: c for v, c in counts.items() if c > 0 or v in selected}
            out[facet] = [
                FacetValue(v, shown[v], v in selected) for v in order_values(facet, shown)
            ]
        return out


def _selected_values(request: SearchRequest, facet: str, values: list[str]) -> set[str]:
    wanted = request.filters.get(facet, [])
    if facet == "year":
        return {v for v in values if v.isdigit() and any(lo <= int(v) <= hi for lo, hi in wanted)}
    keys = {canonical(str(w)) for w in wanted}
    return {v for v in values if canonical(v) in keys}


def day_key(day) -> int:
    """The ``sort_key`` of a date: increasing with the date."""
    return day.year * 372 + day.month * 31 + day.day


def order_values(facet: str, counts: dict[str, int]) -> list[str]:
    """Stable order: years chronologically; everything else by count, then in
    Vietnamese alphabetical order ("Đà Nẵng" before "Thái Bình" before "Thanh Hóa")."""
    if facet == "year":
        return sorted(counts)
    return sorted(counts, key=lambda v: (-counts[v], collation_key(v)))
