"""Search results → what templates show: facets as data, every link precomputed.

Each facet value carries its count, ``selected`` flag and ``toggle_url``;
chips carry their ``remove_url``. Templates hold no logic beyond loops and ifs.

>>> state = UrlState(q="giao ban", filters={"province": ["Thanh Hóa"]})
>>> state.toggled("province", "Hà Nội").url()
'/search?q=giao+ban&province=Thanh+H%C3%B3a&province=H%C3%A0+N%E1%BB%99i'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from searcher.engine.engine import SearchResults
from searcher.index.registry import FACETS, WEB_ORDER
from searcher.results.hits import ArticleView, Hit
from searcher.vi.collate import collation_key
from searcher.vi.text import fold

PARAMS = {f.param: f.name for f in FACETS}  # URL parameter → facet
FACET_PARAM = {f.name: f.param for f in FACETS}
LABELS = {f.name: f.label for f in FACETS}
FACET_ORDER = WEB_ORDER
SORT_LABELS = {"relevance": "Liên quan nhất", "newest": "Mới nhất", "oldest": "Cũ nhất"}
VISIBLE_VALUES = 8


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


@dataclass
class FacetOption:
    value: str
    count: int
    selected: bool
    toggle_url: str
    bar: int = 0  # 0-100, for the year chart
    key: str = ""  # folded value, for the "Tìm tỉnh…" box


@dataclass
class FacetBox:
    name: str
    label: str
    options: list[FacetOption]
    more: list[FacetOption]
    chart: bool = False
    filterable: bool = False  # a long province list gets a filter box


@dataclass
class Chip:
    label: str
    remove_url: str


def facet_boxes(results: SearchResults, state: UrlState) -> list[FacetBox]:
    """The facet boxes to draw (a facet with no value is not drawn). The top values
    by count come first; "Xem thêm" lists the rest in Vietnamese alphabetical order."""
    boxes = []
    for name in FACET_ORDER:
        values = results.facets.get(name, [])
        if not values:
            continue
        top = max((v.count for v in values), default=0) or 1
        options = [
            FacetOption(
                value=v.value,
                count=v.count,
                selected=v.selected,
                toggle_url=state.toggled(name, _url_value(state, name, v.value)).url(),
                bar=round(100 * v.count / top),
                key=fold(v.value),
            )
            for v in values
        ]
        # selected values always visible, the rest collapsed after VISIBLE_VALUES
        visible = options[:VISIBLE_VALUES] + [o for o in options[VISIBLE_VALUES:] if o.selected]
        more = [o for o in options[VISIBLE_VALUES:] if not o.selected]
        if name != "year":
            more.sort(key=lambda o: collation_key(o.value))
        box = FacetBox(name, LABELS[name], visible, more, chart=name == "year")
        box.filterable = name.startswith("province") and len(options) > VISIBLE_VALUES
        boxes.append(box)
    return boxes


def _url_value(state: UrlState, facet: str, value: str) -> str:
    """The URL's own spelling of a selected value (so toggling removes it)."""
    from searcher.vi.text import canonical

    for raw in state.filters.get(facet, []):
        if canonical(raw) == canonical(value) or (facet == "year" and raw == value):
            return raw
    return value


def chips(state: UrlState) -> list[Chip]:
    out = []
    for facet in FACET_ORDER:
        for value in state.filters.get(facet, []):
            out.append(Chip(f"{LABELS[facet]}: {value}", state.toggled(facet, value).url()))
    if state.date_from or state.date_to:
        span = f"{vi_date(state.date_from) or '…'} – {vi_date(state.date_to) or '…'}"
        out.append(Chip(f"Ngày họp: {span}", state.without_dates().url()))
    return out


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


@dataclass
class PageLink:
    label: str
    url: str | None  # None: the current page or a gap
    current: bool = False


def pagination(results: SearchResults, state: UrlState) -> list[PageLink]:
    pages = results.pages
    if pages <= 1:
        return []
    shown = sorted({1, pages, *range(max(1, state.page - 2), min(pages, state.page + 2) + 1)})
    links: list[PageLink] = []
    if state.page > 1:
        links.append(PageLink("‹ Trước", state.with_page(state.page - 1).url()))
    last = 0
    for p in shown:
        if p - last > 1:
            links.append(PageLink("…", None))
        current = p == state.page
        links.append(PageLink(str(p), None if current else state.with_page(p).url(), current))
        last = p
    if state.page < pages:
        links.append(PageLink("Sau ›", state.with_page(state.page + 1).url()))
    return links


def sort_links(state: UrlState, active: str) -> list[PageLink]:
    return [
        PageLink(label, replace(state, sort=key, page=1).url(), key == active)
        for key, label in SORT_LABELS.items()
    ]


def took_text(results: SearchResults) -> str:
    """ "3.500 kết quả (0,02 giây)": Vietnamese separators, two decimals (as the CLI)."""
    seconds = f"{results.took_ms / 1000:.2f}".replace(".", ",")
    return f"{vi_number(results.total)} kết quả ({seconds} giây)"


@dataclass
class HitView:
    """One result as a list shows it: its link (carrying the query, for highlighting,
    and the way back), the date a reader cares about, and its facts."""

    id: str
    url: str
    title_html: str
    snippet: str
    when: str | None  # ISO date: the meeting, else the publication
    when_text: str  # "05/01/2023"
    year: int | None
    unit: str | None
    province: str | None
    meeting_types: list[str]
    missing: list[str]


def hit_views(hits: list[Hit], state: UrlState,
              article_path: Callable[[str], str]) -> list[HitView]:  # fmt: skip
    back = state.url()
    params = urlencode(([("q", state.q)] if state.q else []) + [("back", back)])
    out = []
    for h in hits:
        when = h.meeting_date or h.published
        out.append(HitView(
            id=h.id, url=_with_query(article_path(h.id), params), title_html=h.title_html,
            snippet=h.snippet, when=when, when_text=vi_date(when), year=h.year, unit=h.unit,
            province=h.province, meeting_types=h.meeting_types, missing=h.missing,
        ))  # fmt: skip
    return out


def _with_query(path: str, params: str) -> str:
    """``path`` (which may hold a query already: ``/article?id=…``) with ``params``."""
    return f"{path}{'&' if '?' in path else '?'}{params}"


@dataclass
class SearchPageView:
    """Everything the search page draws, decided here (the template has no rules)."""

    state: UrlState
    query: str
    total: int
    pages_total: int
    took: str
    hits: list[HitView]
    closest: list[HitView]
    boxes: list[FacetBox]
    chips: list[Chip]
    clear_url: str
    sorts: list[PageLink]
    pages: list[PageLink]
    hidden_params: list[tuple[str, str]]
    export_params: str
    past_end: bool
    last_page_url: str | None
    suggestion: str | None
    suggestion_url: str | None
    corrected: str | None
    exact_url: str | None
    shortened: int | None = None  # a long question searched by its N most telling words
    download_text: str = ""  # "Tải toàn bộ 3.500 kết quả", or the export's cap


def download_text(total: int, export_limit: int) -> str:
    """What the download links promise: never more than an export gives.

    >>> download_text(3500, 100_000), download_text(100_005, 100_000)
    ('Tải toàn bộ 3.500 kết quả', 'Tải 100.000 kết quả đầu tiên (trong 100.005)')
    """
    if total > export_limit:
        return f"Tải {vi_number(export_limit)} kết quả đầu tiên (trong {vi_number(total)})"
    return f"Tải toàn bộ {vi_number(total)} kết quả"


def search_page_view(results: SearchResults, state: UrlState,
                     article_path: Callable[[str], str],
                     export_limit: int = 100_000) -> SearchPageView:  # fmt: skip
    past_end = results.total > 0 and state.page > results.pages
    return SearchPageView(
        state=state,
        query=results.query,
        total=results.total,
        pages_total=results.pages,
        took=took_text(results),
        hits=hit_views(results.hits, state, article_path),
        closest=hit_views(results.closest, state, article_path),
        boxes=facet_boxes(results, state),
        chips=chips(state),
        clear_url=UrlState(q=state.q, sort=state.sort, limit=state.limit, path=state.path).url(),
        sorts=sort_links(state, results.sort),
        pages=pagination(results, state),
        hidden_params=[(k, v) for k, v in state.params(page=False) if k not in ("from", "to")],
        export_params=urlencode(state.params(page=False)),
        past_end=past_end,
        last_page_url=state.with_page(results.pages).url() if past_end else None,
        suggestion=results.suggestion,
        suggestion_url=(
            UrlState(q=results.suggestion, filters=state.filters, path=state.path).url()
            if results.suggestion
            else None
        ),
        corrected=results.corrected,
        exact_url=replace(state, exact=True, page=1).url() if results.corrected else None,
        shortened=results.shortened,
        download_text=download_text(results.total, export_limit),
    )


@dataclass
class ArticlePageView:
    article: ArticleView
    back_url: str
    paragraphs: list[str]
    meeting_text: str
    published_text: str


def article_view(article: ArticleView, back_url: str) -> ArticlePageView:
    return ArticlePageView(
        article=article,
        back_url=back_url,
        paragraphs=article.body_html.split("\n"),
        meeting_text=vi_date(article.meeting_date),
        published_text=vi_date(article.published),
    )
