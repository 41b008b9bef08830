"""Facet counting over per-document value arrays (numpy), not Whoosh ``groupedby``.

For each facet field, one small integer per document (a bitmask for the
multi-valued ``meeting_type``) comes from the segment arrays the indexer wrote.
Counting the facets of a result set is then a ``bincount`` over its document
numbers. Facets behave like multi-select: a facet's counts apply every
other facet's filters but not its own.

>>> order_values("year", {"2020": 1, "2021": 3})
['2021', '2020']
>>> order_values("province", {"Hà Nội": 1, "Thanh Hóa": 4})
['Thanh Hóa', 'Hà Nội']
"""

from __future__ import annotations

import numpy as np

from searcher.index.registry import COUNTED, KEY_MONTH, KEY_YEAR, day_key
from searcher.index.registry import FACET_NAMES as FACETS
from searcher.index.registry import FACETS as REGISTRY
from searcher.query.parse import SearchRequest
from searcher.results.hits import FacetValue
from searcher.vi.collate import collation_key
from searcher.vi.text import canonical, fold

MULTI_VALUED = {f.name for f in REGISTRY if f.multi}
MANY = {f.name for f in REGISTRY if f.many}
FOLDED = {f.name for f in REGISTRY if f.folded}
TOP = {f.name: f.top for f in REGISTRY if f.top}


def value_key(facet: str, value: str) -> str:
    """How a facet's values compare: folded for names, canonical for the rest."""
    return " ".join(fold(value).split()) if facet in FOLDED else canonical(value)


class FacetIndex:
    """Per-document facet codes and sort dates, from the segment arrays: each
    segment's codes are mapped onto one sorted list of values per facet."""

    def __init__(self, index) -> None:
        segments = index.segments
        self.size = index.size
        self.live = index.live
        self.values: dict[str, list[str]] = {}
        self.codes: dict[str, np.ndarray] = {}
        self.many: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # facet → (docs, codes)
        self._keys: dict[str, list[str]] = {}
        for name in FACETS:
            values = sorted({v for seg in segments for v in seg.meta["facets"][name]})
            self.values[name] = values
            position = {v: i for i, v in enumerate(values)}
            parts = []
            if name in MANY:
                self.many[name] = self._many(name, segments, index.bases, position)
                continue
            for seg in segments:
                own = seg.meta["facets"][name]
                codes = np.asarray(seg[f"facet.{name}"])
                if name in MULTI_VALUED:
                    mapped = np.zeros(len(codes), dtype=np.int64)
                    for i, v in enumerate(own):
                        if position[v] < 63:
                            bit = (codes >> np.int64(i)) & np.int64(1)
                            mapped |= bit << np.int64(position[v])
                else:
                    table = np.array([position[v] for v in own] + [-1], dtype=np.int32)
                    mapped = table[codes]  # code -1 → the last slot (-1)
                parts.append(mapped)
            dtype = np.int64 if name in MULTI_VALUED else np.int32
            self.codes[name] = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
        self.years = np.array([int(v) if v.isdigit() else -1 for v in self.values["year"]])
        self.sort_key = index.sort_key  # newest/oldest ordering (``ArrayIndex.sort_key``)

    @staticmethod
    def _many(name: str, segments, bases, position: dict[str, int]):
        """(document numbers, value codes), one pair per value an article holds."""
        docs, codes = [], []
        for seg, base in zip(segments, bases, strict=True):
            off = np.asarray(seg[f"facet.{name}.off"])
            table = np.array([position[v] for v in seg.meta["facets"][name]], dtype=np.int32)
            own = np.asarray(seg[f"facet.{name}.codes"])
            docs.append(np.repeat(np.arange(seg.n, dtype=np.int64) + base, np.diff(off)))
            codes.append(table[own] if len(own) else own.astype(np.int32))
        if not docs:
            return np.zeros(0, np.int64), np.zeros(0, np.int32)
        return np.concatenate(docs), np.concatenate(codes)

    def keys(self, facet: str) -> list[str]:
        """Each value's matching key (``value_key``), computed once per view."""
        found = self._keys.get(facet)
        if found is None:
            found = self._keys[facet] = [value_key(facet, v) for v in self.values[facet]]
        return found

    def value_mask(self, facet: str, wanted: list) -> np.ndarray:
        """Documents whose ``facet`` has any of the wanted values."""
        if facet in MANY:
            keys = {value_key(facet, str(v)) for v in wanted}
            ok = np.array([k in keys for k in self.keys(facet)], dtype=bool)
            docs, codes = self.many[facet]
            out = np.zeros(self.size, dtype=bool)
            if len(ok):
                out[docs[ok[codes]]] = True
            return out
        codes = self.codes[facet]
        if facet == "year":
            ok = np.zeros(len(self.years) + 1, dtype=bool)
            for lo, hi in wanted:
                ok[:-1] |= (self.years >= lo) & (self.years <= hi)
            return ok[codes]  # code -1 → last slot (False)
        keys = {value_key(facet, str(v)) for v in wanted}
        indexes = [i for i, k in enumerate(self.keys(facet)) if k in keys]
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
            masks["date"] = date_range_mask(self.sort_key, request.date_from, request.date_to)
        return masks

    def timeline(self, mask: np.ndarray) -> tuple[dict[str, int], int]:
        """({"2022-06": count}, articles dated by their year only) of the documents in
        ``mask``: months of the meeting date, else of the publication."""
        keys = self.sort_key[mask]
        keys = keys[keys > 0]
        year_only = keys % KEY_YEAR < KEY_MONTH
        dated = keys[~year_only]
        months = (dated // KEY_YEAR) * 12 + (dated % KEY_YEAR) // KEY_MONTH - 1  # year*12+month-1
        found, counts = np.unique(months, return_counts=True)
        by_month = {
            f"{m // 12:04d}-{m % 12 + 1:02d}": int(c) for m, c in zip(found, counts, strict=True)
        }
        return by_month, int(year_only.sum())

    def count(self, facet: str, docs: np.ndarray) -> dict[str, int]:
        """Articles per value of ``facet`` among the documents ``docs`` (numbers)."""
        codes = self.codes[facet].take(docs)
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
        # a facet is counted under every filter but its own: those without a filter of
        # their own share one list of documents
        shared = _docs_under(text_mask, masks)
        for facet in COUNTED:
            counts = self.count(facet, _docs_under(text_mask, masks, facet) if facet in masks
                                else shared)  # fmt: skip
            selected = _selected_values(request, facet, self.values[facet])
            shown = {v: c for v, c in counts.items() if c > 0 or v in selected}
            if TOP.get(facet) and len(shown) > TOP[facet]:  # names: the most frequent only
                best = sorted(shown, key=lambda v: -shown[v])[: TOP[facet]]
                shown = {v: shown[v] for v in {*best, *selected}}
            out[facet] = [
                FacetValue(v, shown[v], v in selected) for v in order_values(facet, shown)
            ]
        return out


def date_range_mask(keys: np.ndarray, date_from, date_to) -> np.ndarray:
    """Documents whose sort date lies in [date_from, date_to] (either may be None). An
    article dated only by its year (``registry.year_key``) counts only when the whole
    year lies in the range: "2017" is not in January 2017.

    >>> from datetime import date
    >>> from searcher.index.registry import year_key
    >>> keys = np.array([day_key(date(2017, 1, 5)), year_key(2017), 0])
    >>> date_range_mask(keys, date(2017, 1, 1), date(2017, 1, 31)).tolist()
    [True, False, False]
    >>> date_range_mask(keys, date(2016, 6, 1), None).tolist()
    [True, True, False]
    """
    lo = day_key(date_from) if date_from else 1
    hi = day_key(date_to) if date_to else np.iinfo(np.int32).max
    year_only = keys % KEY_YEAR < KEY_MONTH
    years = keys // KEY_YEAR
    first = years * KEY_YEAR + KEY_MONTH + 1  # 1 January
    last = years * KEY_YEAR + 12 * KEY_MONTH + 31  # 31 December
    whole_year = (first >= lo) & (last <= hi)
    return (keys > 0) & np.where(year_only, whole_year, (keys >= lo) & (keys <= hi))


def _docs_under(text_mask: np.ndarray, masks: dict[str, np.ndarray], but: str = "") -> np.ndarray:
    """The documents of ``text_mask`` under every filter mask but ``but``'s."""
    mask = text_mask.copy()
    for name, m in masks.items():
        if name != but:
            mask &= m
    return np.flatnonzero(mask)


def _selected_values(request: SearchRequest, facet: str, values: list[str]) -> set[str]:
    wanted = request.filters.get(facet, [])
    if not wanted:
        return set()
    if facet == "year":
        return {v for v in values if v.isdigit() and any(lo <= int(v) <= hi for lo, hi in wanted)}
    keys = {value_key(facet, str(w)) for w in wanted}
    return {v for v in values if value_key(facet, v) in keys}


def order_values(facet: str, counts: dict[str, int]) -> list[str]:
    """Stable order: years newest first; everything else by count, then in
    Vietnamese alphabetical order ("Đà Nẵng" before "Thái Bình" before "Thanh Hóa")."""
    if facet == "year":
        return sorted(counts, reverse=True)
    return sorted(counts, key=lambda v: (-counts[v], collation_key(v)))
