"""User input → a validated ``SearchRequest`` (pure functions, no index needed).

Query language: plain words, "exact phrases", +required words, -exclusion, OR, and
field filters in Vietnamese or English, with or without diacritics::

    giao ban tỉnh:"Thanh Hóa" năm:2022 -"sơ kết"
    tong ket OR "trien khai" cap:huyen year:2020-2022 +quy

>>> r = parse_query('giao ban tỉnh:"Thanh Hoá" năm:2022 +quý')
>>> r.clauses, r.filters, r.must
([('giao',), ('ban',), ('quý',)], {'province': ['Thanh Hóa'], 'year': [(2022, 2022)]}, [2])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from searcher.facts.metadata import LEVELS, MEETING_TYPES, PERIODS
from searcher.facts.names import display_name
from searcher.index.registry import FACET_NAMES, prefix_facets
from searcher.vi.places import gazetteer
from searcher.vi.text import clean_text, fold

MAX_QUERY_CHARS = 5000  # a pasted question is searched (its most informative words)
MAX_PAGE = 1000
MAX_LIMIT = 100
SORTS = ("relevance", "newest", "oldest")
FACETS = FACET_NAMES
NAMED = ("chair", "person", "unit")  # free values: names, not a closed list
FIELD_ALIASES = prefix_facets()  # what a user may type before ":" (folded) → facet
_TOKEN = re.compile(
    r'(?P<sign>[-+])?(?:(?P<field>[^\W\d][\w]*):)?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))'
    r'|(?P<quote>")'
)


class QueryError(ValueError):
    """A query or parameter the engine cannot run; the message says what to fix, in
    Vietnamese (``str``, for the web) and in English (``english``, for the CLI)."""

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__(message)
        self.english = english or message


@dataclass
class SearchRequest:
    """Everything a search needs, validated. ``clauses`` are ANDed; each clause is
    a tuple of alternatives (OR); each alternative is a word or a phrase. ``must``:
    the clauses every result holds, whatever the query's length (a ``+word`` or a
    quoted phrase); the others may be missing from a long query's results."""

    text: str = ""
    clauses: list[tuple[str, ...]] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    must: list[int] = field(default_factory=list)
    filters: dict[str, list] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    limit: int = 10
    date_from: date | None = None  # meeting date range (the sort date: meeting, else published)
    date_to: date | None = None
    autocorrect: bool = True  # nothing found, or typed words never together: corrected results
    suggest: bool = True  # look for did-you-mean (not while a word is still being typed)

    grouped: bool = True  # one card per meeting (other reports of it listed under it)

    @property
    def has_text(self) -> bool:
        return bool(self.clauses or self.exclusions)


def normalize_filter(facet: str, value: str) -> object:
    """A filter value in its display form, or QueryError.

    >>> normalize_filter("level", "cap cao"), normalize_filter("meeting_type", "GIAO BAN")
    ('cấp cao', 'giao ban')
    >>> normalize_filter("year", "2020-2022")
    (2020, 2022)
    """
    value = value.strip()
    if not value:
        raise QueryError(f"Bộ lọc '{facet}' cần một giá trị.", f"filter '{facet}' needs a value")
    if facet == "year":
        m = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", value)
        if not m:
            raise QueryError(
                f"Năm không hợp lệ: '{value[:40]}' (ví dụ: 2022 hoặc 2020-2022).",
                f"not a year: '{value[:40]}' (e.g. 2022 or 2020-2022)",
            )
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        if lo > hi or lo < 1900 or hi > 2100:
            raise QueryError(f"Khoảng năm không hợp lệ: '{value}'.", f"not a year range: '{value}'")
        return (lo, hi)
    if facet in ("province", "province_2025"):
        g = gazetteer()
        found = g.province_2025(value) if facet == "province_2025" else g.facet_province(value)
        if found is None and facet == "province_2025":
            p = g.province(value)
            found = p.name_2025 if p else None
        if found is None:
            raise QueryError(
                f"Không có tỉnh/thành phố nào tên '{value[:40]}'.",
                f"no province is called '{value[:40]}'",
            )
        return found
    if facet in NAMED:  # a person or a unit: any name (matched folded by the engine)
        return display_name(value) if facet != "unit" else " ".join(value.split())
    choices = {"level": LEVELS, "period": PERIODS}.get(facet, MEETING_TYPES)
    for choice in choices:
        if fold(choice) == fold(value):
            return choice
    shown = ", ".join(choices)
    label = {"level": "Cấp", "period": "Kỳ báo cáo"}.get(facet, "Loại hội nghị")
    raise QueryError(
        f"{label} không hợp lệ: '{value[:40]}'. Chọn một trong: {shown}.",
        f"not a valid {facet}: '{value[:40]}'; choose one of: {shown}",
    )


def add_filter(filters: dict[str, list], facet: str, value: str) -> None:
    if facet not in FACETS:
        raise QueryError(f"Không có bộ lọc '{facet}'.", f"no filter '{facet}'")
    normalized = normalize_filter(facet, clean_text(value))
    values = filters.setdefault(facet, [])
    if normalized not in values:
        values.append(normalized)


def parse_query(text: str) -> SearchRequest:
    """Parse the query language into clauses, exclusions and filters. Any string is
    accepted: invisible characters and lone surrogates are dropped first."""
    text = clean_text(text)
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Câu truy vấn quá dài ({len(text)} ký tự, tối đa {MAX_QUERY_CHARS}).",
            f"query too long ({len(text)} characters, at most {MAX_QUERY_CHARS})",
        )
    if text.count('"') % 2:
        raise QueryError(
            'Thiếu dấu ngoặc kép đóng (") trong câu truy vấn.',
            'missing closing quote (") in the query',
        )
    request = SearchRequest(text=text.strip())
    pending_or = False
    for m in _TOKEN.finditer(text):
        phrase, word = m.group("phrase"), m.group("word")
        value = phrase if phrase is not None else word
        prefix = m.group("field")
        sign = m.group("sign")
        if prefix is not None:
            facet = FIELD_ALIASES.get(fold(prefix))
            if facet is None:  # "10:30" or an unknown prefix: plain text
                value = f"{prefix}:{value}"
            else:
                if sign == "-":
                    raise QueryError(
                        "Không thể loại trừ một bộ lọc; hãy bỏ dấu '-' trước nó.",
                        "a filter cannot be excluded: remove the '-' before it",
                    )
                add_filter(request.filters, facet, value)
                continue
        if word == "OR" and phrase is None and not sign:
            if not request.clauses or pending_or:
                raise QueryError("'OR' cần một từ ở cả hai bên.", "'OR' needs a word on both sides")
            pending_or = True
            continue
        value = " ".join(value.split())
        if not value or not re.search(r"\w", value):
            continue
        if sign == "-":
            request.exclusions.append(value)
            continue
        alternatives = (value,)
        if pending_or:
            request.clauses[-1] = request.clauses[-1] + alternatives
            pending_or = False
        else:
            request.clauses.append(alternatives)
        if (sign == "+" or phrase is not None) and len(request.clauses) - 1 not in request.must:
            request.must.append(len(request.clauses) - 1)
    if pending_or:
        raise QueryError("'OR' cần một từ ở cả hai bên.", "'OR' needs a word on both sides")
    return request


def _int_param(name: str, raw: object, lo: int, hi: int, default: int) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise QueryError(
            f"Tham số '{name}' phải là số nguyên, không phải '{str(raw)[:20]}'.",
            f"'{name}' must be a whole number, not '{str(raw)[:20]}'",
        ) from None
    if not lo <= value <= hi:
        raise QueryError(
            f"Tham số '{name}' phải từ {lo} đến {hi}.", f"'{name}' must be from {lo} to {hi}"
        )
    return value


def parse_day(name: str, raw: object) -> date | None:
    """A date as Vietnamese readers write it ("31/01/2023", "31/1/2023") or from an ISO
    date input ("2023-01-31"); None when empty.

    >>> parse_day("from", "31/01/2023"), parse_day("to", "2023-01-31"), parse_day("to", "")
    (datetime.date(2023, 1, 31), datetime.date(2023, 1, 31), None)
    """
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    try:
        day_first = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if day_first:
            return date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(
            f"Ngày không hợp lệ ở '{name}': '{text[:20]}' (dạng ngày/tháng/năm: 31/01/2023).",
            f"not a date for '{name}': '{text[:20]}' (use 2023-01-31 or 31/01/2023)",
        ) from None


def build_request(
    q: str = "",
    *,
    filters: dict[str, list[str]] | None = None,
    sort: str | None = None,
    page: object = None,
    limit: object = None,
    date_from: object = None,
    date_to: object = None,
    exact: bool = False,
    grouped: bool = True,
) -> SearchRequest:
    """The one entry point for CLI options and URL parameters: validate everything.

    >>> build_request("", filters={"province": ["thanh hoa"]}, sort="newest").filters
    {'province': ['Thanh Hóa']}
    """
    request = parse_query(q or "")
    for facet, values in (filters or {}).items():
        for value in values:
            add_filter(request.filters, facet, value)
    sort = sort or ("relevance" if request.has_text else "newest")
    if sort not in SORTS:
        raise QueryError(
            f"Cách sắp xếp không hợp lệ: '{sort[:20]}' (chọn: {', '.join(SORTS)}).",
            f"not a sort order: '{sort[:20]}' (choose: {', '.join(SORTS)})",
        )
    request.sort = sort
    request.page = _int_param("page", page, 1, MAX_PAGE, 1)
    request.limit = _int_param("limit", limit, 1, MAX_LIMIT, 10)
    request.autocorrect = not exact
    request.grouped = grouped
    request.date_from = parse_day("from", date_from)
    request.date_to = parse_day("to", date_to)
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise QueryError("Ngày bắt đầu phải trước ngày kết thúc.", "'from' must not be after 'to'")
    return request
