"""Search results → what templates show, every link precomputed (the template has no
rules): the page (``search_page_view``), a hit, an article. Facets and chips are in
``web.facetview``, the timeline in ``web.timeline``, the URL state in ``web.urlstate``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode, urlsplit

from searcher.engine.engine import SearchResults
from searcher.results.hits import ArticleView, GroupMember, Hit
from web.facetview import Chip, FacetBox, chips, display, facet_boxes
from web.timeline import TimelineView, timeline_view
from web.urlstate import PARAMS, UrlState, vi_date, vi_number

__all__ = ["PARAMS", "UrlState", "article_view", "chips", "search_page_view"]
SORT_LABELS = {"relevance": "Liên quan nhất", "newest": "Mới nhất", "oldest": "Cũ nhất"}


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
    group: list[RelatedLink] = field(default_factory=list)  # other reports of the meeting


@dataclass
class RelatedLink:
    """Another report of the same meeting, or a similar report, as a link."""

    title: str
    url: str
    when: str | None
    when_text: str
    unit: str | None
    site: str  # the other report's website ("baovephapluat.vn"), "" unknown
    same_kind: bool = False


def related_links(members: list[GroupMember],
                  article_path: Callable[[str], str]) -> list[RelatedLink]:  # fmt: skip
    out = []
    for m in members:
        when = m.meeting_date or m.published
        site = urlsplit(m.url).hostname or "" if m.url else ""
        out.append(RelatedLink(m.title, article_path(m.id), when, vi_date(when), m.unit,
                               site.removeprefix("www."), m.same_kind))  # fmt: skip
    return out


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
            province=h.province, meeting_types=[display(t) for t in h.meeting_types],
            missing=h.missing, group=related_links(h.group, article_path),
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
    closest: list[HitView]  # drawn in place of results when there are none
    partial: list[HitView]  # the same, after results that do not fill the first page
    suggested: list[HitView]  # before ``partial``: those holding every word of the suggestion
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
    readings: str  # "“bão tuyết”, “bảo tuyệt”": the other readings searched with it
    exact_url: str | None
    typed_found: str  # "358 bài": what the query as typed found (words apart), when corrected
    shortened: int | None = None  # a long question searched by its N most telling words
    read_as: str | None = None  # the query as it was read, when not as typed ("Đã tìm: …")
    read_as_url: str | None = None  # the same search in the strict language
    read_notes: list[str] = field(default_factory=list)
    timeline: TimelineView | None = None
    date_from_text: str = ""  # "30/06/2022": the date inputs show day/month/year
    date_to_text: str = ""
    subscribe_params: str = ""
    as_typed: list[HitView] = field(default_factory=list)  # after a correction's results
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
        closest=[] if results.total else hit_views(results.closest, state, article_path),
        suggested=hit_views(results.closest[: results.closest_suggested], state, article_path)
        if results.total
        else [],
        partial=hit_views(results.closest[results.closest_suggested :], state, article_path)
        if results.total
        else [],
        as_typed=hit_views(results.as_typed, state, article_path),
        boxes=facet_boxes(results, state),
        chips=chips(state),
        clear_url=UrlState(q=state.q, sort=state.sort, limit=state.limit, path=state.path).url(),
        sorts=sort_links(state, results.sort) if results.total else [],  # nothing to sort
        pages=pagination(results, state),
        hidden_params=[(k, v) for k, v in state.params(page=False) if k not in ("from", "to")],
        # the downloads and the feed are of what the page shows: the correction and its
        # readings, when shown (the engine corrects them as it corrects the page)
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
        readings=", ".join(f"“{r}”" for r in results.readings),
        exact_url=replace(state, exact=True, page=1).url() if results.corrected else None,
        typed_found=f"{vi_number(results.typed_total)} bài" if results.typed_total else "",
        shortened=results.shortened,
        timeline=timeline_view(results.timeline, results.year_only, state),
        date_from_text=vi_date(state.date_from),
        date_to_text=vi_date(state.date_to),
        **_reading(state),
        download_text=download_text(results.total, export_limit),
    )


def _reading(state: UrlState) -> dict:
    """ "Đã tìm: tỉnh:"Hà Nội"" with a link to that strict query, when the query was
    read otherwise than typed."""
    reading = state.reading
    if reading is None or not reading.changed:
        return {}
    strict = replace(state, q=reading.text, page=1, reading=None)
    return {"read_as": reading.text, "read_as_url": strict.url(), "read_notes": reading.notes}


@dataclass
class ArticlePageView:
    article: ArticleView
    back_url: str
    paragraphs: list[str]
    meeting_text: str
    published_text: str
    chair_url: str | None = None  # every report this person chaired
    attendees: list[PersonLink] = field(default_factory=list)
    group: list[RelatedLink] = field(default_factory=list)  # the same meeting, elsewhere
    similar: list[RelatedLink] = field(default_factory=list)


@dataclass
class PersonLink:
    name: str
    role: str
    url: str  # the reports that name this person


def clean_author(raw: str | None) -> str | None:
    """The author line as a reader writes it: the CMS's underscore between a desk and
    its unit becomes a dash, the closing "./." goes.

    >>> clean_author("Văn phòng tổng hợp_VKSND tỉnh Thanh Hóa./.")
    'Văn phòng tổng hợp – VKSND tỉnh Thanh Hóa'
    """
    if not raw:
        return raw
    text = " ".join(raw.replace("_", " – ").split())
    return text.rstrip("./ ").strip(" –") or None


def article_view(article: ArticleView, back_url: str,
                 article_path: Callable[[str], str] = lambda i: i) -> ArticlePageView:  # fmt: skip
    article = replace(article, author=clean_author(article.author),
                      meeting_types=[display(t) for t in article.meeting_types],
                      level=display(article.level or ""),
                      period=display(article.period or ""))  # as the facets spell them  # fmt: skip

    def person_url(name: str) -> str:
        return UrlState(q=f'người:"{name}"').url()

    return ArticlePageView(
        article=article,
        back_url=back_url,
        paragraphs=article.body_html.split("\n"),
        meeting_text=vi_date(article.meeting_date),
        published_text=vi_date(article.published),
        chair_url=UrlState(filters={"chair": [article.chair]}).url() if article.chair else None,
        attendees=[
            PersonLink(a["name"], a["role"], person_url(a["name"])) for a in article.attendees
        ],
        group=related_links(article.group, article_path),
        similar=related_links(article.similar, article_path),
    )
