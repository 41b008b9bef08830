"""Every indexed field and facet, named once: the schema, the arrays, the query
language, the engine's facet counts, the CLI and the web all ask this module.

A facet's ``name`` is its Whoosh field, its key in a request's filters and in the
JSON contract; ``param`` its URL parameter; ``label`` what the web shows
(Vietnamese) and ``english`` what the CLI shows; ``prefixes`` what a user may type
before ":" in a query (compared folded).

>>> facet("meeting_type").param, facet("meeting_type").label
('type', 'Loại hội nghị')
>>> prefix_facets()["tinh"], prefix_facets()["nguoi"]
('province', 'person')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Facet:
    name: str
    param: str
    label: str
    english: str
    prefixes: tuple[str, ...]
    multi: bool = False  # several values per article (a bit set in the arrays)
    many: bool = False  # any number of values per article, from an open set (CSR arrays)
    counted: bool = True  # False: a filter only (no counts in results)
    top: int = 0  # counts of the most frequent values only (0: every value)
    folded: bool = False  # values match folded: case, tone placement and diacritics


FACETS: tuple[Facet, ...] = (
    Facet(
        "province", "province", "Tỉnh/thành (trước 1/7/2025)",
        "Province (before 1 July 2025)", ("tinh", "province"),
    ),
    Facet(
        "province_2025", "province_2025", "Tỉnh/thành (từ 1/7/2025)",
        "Province (since 1 July 2025)", ("tinh2025", "province2025", "province_2025"),
    ),
    Facet("year", "year", "Năm họp", "Year of meeting", ("nam", "year")),
    Facet("meeting_type", "type", "Loại hội nghị", "Meeting type", ("loai", "type"), multi=True),
    Facet("level", "level", "Cấp", "Level", ("cap", "level")),
    Facet("period", "period", "Kỳ báo cáo", "Reporting period", ("ky", "period")),
    Facet("chair", "chair", "Người chủ trì", "Chaired by", ("chutri", "chair"), top=30,
          folded=True),
    Facet("person", "person", "Người", "Person", ("nguoi", "person"), many=True,
          counted=False, folded=True),
    Facet("unit", "unit", "Đơn vị", "Unit", (), counted=False),
)  # fmt: skip
FACET_NAMES = tuple(f.name for f in FACETS)
COUNTED = tuple(f.name for f in FACETS if f.counted)  # the facets a search result counts
WEB_ORDER = ("province", "year", "meeting_type", "period", "level", "chair",
             "province_2025")  # sidebar order: place, time, kind of report, person  # fmt: skip

# Text: each field is indexed as canonical syllables (positions) and compounds;
# the folded view of the syllables is derived by the segment arrays.
TEXT_FIELDS = ("title", "body")
SYLLABLE_STREAMS = TEXT_FIELDS
WORD_STREAMS = tuple(f"{name}_words" for name in TEXT_FIELDS)
FOLDED = "_folded"  # suffix of a field's folded view in the arrays

# What a hit or an exported row shows, in order (the JSON contract's keys).
HIT_FIELDS = (
    "id", "title", "published", "meeting_date", "year", "province", "province_2025",
    "level", "unit", "meeting_types", "period", "period_year", "url", "chair", "group",
)  # fmt: skip
EXPORT_FIELDS = (
    "id", "title", "meeting_date", "published", "year", "province", "province_2025", "level",
    "unit", "meeting_types", "period", "period_year", "author", "url", "source", "score",
)  # fmt: skip


def facet(name: str) -> Facet:
    for f in FACETS:
        if f.name == name:
            return f
    raise KeyError(name)


def many_facets() -> tuple[str, ...]:
    """Facets with any number of values per article ("person")."""
    return tuple(f.name for f in FACETS if f.many)


def prefix_facets() -> dict[str, str]:
    """Folded query prefix → facet name ("tinh" → "province")."""
    return {p: f.name for f in FACETS for p in f.prefixes}


KEY_YEAR, KEY_MONTH = 512, 32  # a sort key is year * 512 + month * 32 + day


def day_key(day: date) -> int:
    """The sort key of a date, increasing with the date (meeting, else published):
    ``year * 512 + month * 32 + day``, so month and day read back with shifts.

    >>> day_key(date(2022, 9, 12)) > day_key(date(2022, 9, 11))
    True
    """
    return day.year * KEY_YEAR + day.month * KEY_MONTH + day.day


def year_key(year: int) -> int:
    """The sort key of an article dated only by its year: month and day 0, before
    1 January, so a date range can tell it from a real 1 January (it counts only when
    the whole year lies in the range).

    >>> day_key(date(2016, 12, 31)) < year_key(2017) < day_key(date(2017, 1, 1))
    True
    """
    return year * KEY_YEAR


def split_key(key: int) -> tuple[int, int, int]:
    """(year, month, day) of a sort key; month and day 0 for a year-only date.

    >>> split_key(day_key(date(2017, 3, 5))), split_key(year_key(2017))
    ((2017, 3, 5), (2017, 0, 0))
    """
    year, rest = divmod(key, KEY_YEAR)
    return year, rest // KEY_MONTH, rest % KEY_MONTH
