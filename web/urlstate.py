"""The whole page state as it lives in the URL, and how the page writes numbers and dates.

>>> state = UrlState(q="giao ban", filters={"province": ["Thanh Hóa"]})
>>> state.toggled("province", "Hà Nội").url()
'/search?q=giao+ban&province=Thanh+H%C3%B3a&province=H%C3%A0+N%E1%BB%99i'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from searcher.index.registry import FACETS, WEB_ORDER
from searcher.query.forgive import Forgiven

PARAMS = {f.param: f.name for f in FACETS}  # URL parameter → facet
FACET_PARAM = {f.name: f.param for f in FACETS}
LABELS = {f.name: f.label for f in FACETS}
FACET_ORDER = WEB_ORDER


@dataclass(frozen=True)
class UrlState:
    """The whole page state, as it lives in the URL."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    limit: int = 10
    date_from: str = ""
    date_to: str = ""
    exact: bool = False  # "search exactly": no automatic correction
    path: str = "/search"  # the search page's address (``url_for`` gives it; not a parameter)
    map_mode: str = ""  # "34": the tile map of the provinces since 1 July 2025
    reading: Forgiven | None = None  # how ``q`` was read (not a parameter)

    def params(self, page: bool = True) -> list[tuple[str, str]]:
        """Every parameter of this state (all of them: a link never drops one)."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        for facet in FACET_ORDER:
            out.extend((FACET_PARAM[facet], v) for v in self.filters.get(facet, []))
        if self.date_from:
            out.append(("from", self.date_from))
        if self.date_to:
            out.append(("to", self.date_to))
        if self.sort:
            out.append(("sort", self.sort))
        if self.exact:
            out.append(("exact", "1"))
        if self.map_mode:
            out.append(("map", self.map_mode))
        if self.limit != 10:
            out.append(("limit", str(self.limit)))
        if page and self.page > 1:
            out.append(("page", str(self.page)))
        return out

    @property
    def active_filters(self) -> int:
        """How many filters narrow the results (for "Bộ lọc (2)")."""
        return sum(len(v) for v in self.filters.values()) + bool(self.date_from or self.date_to)

    def without_dates(self) -> UrlState:
        return replace(self, date_from="", date_to="", page=1)

    def url(self) -> str:
        query = urlencode(self.params())
        return f"{self.path}?{query}" if query else self.path

    def toggled(self, facet: str, value: str) -> UrlState:
        values = list(self.filters.get(facet, []))
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        return replace(self, filters={**self.filters, facet: values}, page=1)

    def with_page(self, page: int) -> UrlState:
        return replace(self, page=page)


def vi_date(iso: str | None) -> str:
    """ "2023-01-05" → "05/01/2023" (day/month, as Vietnamese readers write it)."""
    if not iso or len(iso) != 10:
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def vi_number(n: int) -> str:
    """ "3.500": Vietnamese thousands separator.

    >>> vi_number(35000), vi_number(7)
    ('35.000', '7')
    """
    return f"{n:,}".replace(",", ".")
