"""What a search returns: hits, an article, a page of results with its facets.

Plain data with a JSON twin (``to_json``): the CLI and the web render the same
objects. ``hit`` turns a document's stored fields into a ``Hit`` with the query's
marks in its title and snippet.

>>> hit({"id": "a1", "title_text": "Hội nghị giao ban"}, None, set(), {"giao"}).title_html
'Hội nghị <mark>giao</mark> ban'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from searcher.index.registry import HIT_FIELDS
from searcher.read.headline import headline
from searcher.results.highlight import highlight_html, snippet_html


@dataclass
class FacetValue:
    """One value of a facet: how many results hold it, and whether it is selected."""

    value: str
    count: int
    selected: bool


@dataclass
class Hit:
    id: str
    title: str
    published: str | None
    meeting_date: str | None
    year: int | None
    province: str | None
    province_2025: str | None
    level: str | None
    unit: str | None
    meeting_types: list[str]
    period: str | None
    period_year: int | None
    url: str | None
    score: float | None
    snippet: str  # HTML: text escaped, matches in <mark>
    title_html: str = ""
    missing: list[str] = field(default_factory=list)  # query words a closest article lacks
    titled: bool = True  # False: ``title`` is the body's first sentence (not indexed as one)
    chair: str | None = None  # who chaired, as written
    chair_role: str | None = None
    group: list[GroupMember] = field(default_factory=list)  # the same meeting, other reports
    published_month: str | None = None  # "2025-05": a stamp with no day (no ``published``)


@dataclass
class GroupMember:
    """Another report of the same meeting (another site's), or a similar report."""

    id: str
    title: str
    meeting_date: str | None = None
    published: str | None = None
    unit: str | None = None
    url: str | None = None
    same_kind: bool = False  # (similar reports) the same unit's report of the same kind


@dataclass
class ArticleView(Hit):
    author: str | None = None
    body: str = ""
    body_html: str = ""
    source: str = ""
    attendees: list[dict] = field(default_factory=list)  # {"name", "role"}, as written
    similar: list[GroupMember] = field(default_factory=list)

    def to_json(self) -> dict:
        """The JSON of ``show --json`` and ``/api/article/<id>``."""
        names = (*HIT_FIELDS, "score", "snippet", "author", "body", "chair_role", "attendees")
        out = {name: getattr(self, name) for name in names}
        out["group"] = [asdict(g) for g in self.group]
        out["similar"] = [asdict(g) for g in self.similar]
        return out


@dataclass
class SearchResults:
    query: str
    total: int
    page: int
    limit: int
    took_ms: float
    suggestion: str | None
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    sort: str = "relevance"
    relaxed: bool = False  # no article holds every word: no results, ``closest`` instead
    closest: list[Hit] = field(default_factory=list)  # hold some words, fill page 1; say which not
    closest_suggested: int = 0  # the first of ``closest`` hold every word of ``suggestion``
    corrected: str | None = None  # these are this query's results, not the one typed
    readings: list[str] = field(default_factory=list)  # and these less likely readings'
    typed_total: int = 0  # what the query as typed found, when ``corrected``
    as_typed: list[Hit] = field(default_factory=list)  # then its articles, filling page 1
    shortened: int = 0  # a long question searched by only its N most informative words
    date_from: str | None = None
    date_to: str | None = None
    timeline: dict[str, int] = field(default_factory=dict)  # "2022-06" → results that month
    year_only: int = 0  # results dated by their year only (in no month of the timeline)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    def to_json(self) -> dict:
        """The stable JSON contract shared by ``search --json`` and ``/api/search``."""
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "limit": self.limit,
            "from": self.date_from,
            "to": self.date_to,
            "took_ms": round(self.took_ms, 2),
            "suggestion": self.suggestion,
            "corrected": self.corrected,
            "readings": self.readings if self.corrected else None,
            "typed_total": self.typed_total if self.corrected else None,
            "shortened": self.shortened or None,
            "relaxed": self.relaxed,
            "hits": [_hit_json(h) for h in self.hits],
            "closest": [{**_hit_json(h), "missing": h.missing} for h in self.closest],
            "closest_suggested": self.closest_suggested,
            "as_typed": [{**_hit_json(h), "missing": h.missing} for h in self.as_typed],
            "facets": {name: [asdict(v) for v in values] for name, values in self.facets.items()},
            "timeline": self.timeline,
            "year_only": self.year_only,
        }


def _hit_json(h: Hit) -> dict:
    """A hit in the JSON contract; ``group``: the other reports of its meeting."""
    out = {name: getattr(h, name) for name in (*HIT_FIELDS, "score", "snippet")}
    out["group"] = [asdict(g) for g in h.group]
    return out


def member(stored: dict, same_kind: bool = False) -> GroupMember:
    """A grouped or similar report, from its stored fields."""
    return GroupMember(
        id=stored["id"],
        title=shown_title(stored)[0],
        meeting_date=stored.get("meeting_date"),
        published=stored.get("published"),
        unit=stored.get("unit"),
        url=stored.get("url"),
        same_kind=same_kind,
    )


def shown_title(stored: dict) -> tuple[str, bool]:
    """(the title to show, whether the article has one): an article without a title
    (a JSON record exported without one) shows its body's first sentence.

    >>> shown_title({"title_text": "", "body_text": "Chào bạn! Vaccine an toàn cho bạn."})
    ('Chào bạn! Vaccine an toàn cho bạn.', False)
    """
    title = stored.get("title_text", "")
    return (title, True) if title else (headline(stored.get("body_text", "")), False)


def hit(stored: dict, score: float | None, exact: set[str], folded: set[str]) -> Hit:
    title, titled = shown_title(stored)
    year = stored.get("year")
    return Hit(
        id=stored["id"],
        title=title,
        published=stored.get("published"),
        meeting_date=stored.get("meeting_date"),
        year=int(year) if year else None,
        province=stored.get("province"),
        province_2025=stored.get("province_2025"),
        level=stored.get("level"),
        unit=stored.get("unit"),
        meeting_types=list(stored.get("meeting_types") or []),
        period=stored.get("period"),
        period_year=int(stored["period_year"]) if stored.get("period_year") else None,
        url=stored.get("url"),
        score=round(score, 4) if score is not None else None,
        snippet=snippet_html(stored.get("body_text", ""), exact, folded),
        title_html=highlight_html(title, exact, folded),
        titled=titled,
        chair=((stored.get("people") or {}).get("chair") or [None])[0],
        chair_role=stored.get("chair_role"),
        published_month=stored.get("published_month"),
    )
