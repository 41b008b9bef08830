"""Dates in scraped Vietnamese reports.

CMS timestamps are month/day ("1/15/2021 7:29:59 AM"); Vietnamese prose is
day/month ("Sáng ngày 12/9/2022", "ngày 12 tháng 01 năm 2021", "12/01/2022").

>>> parse_cms_timestamp("1/15/2021 7:29:59 AM")
datetime.date(2021, 1, 15)
>>> parse_date("12 tháng 01 năm 2021")
datetime.date(2021, 1, 12)

Which date of a report is its meeting's is a fact about the report, read in
``searcher.facts.when``.
"""

from __future__ import annotations

import re
from datetime import date

from searcher.vi.text import fold

CMS_TIMESTAMP = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])"
)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
DMY = re.compile(r"(?<![\d/])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?![\d/])")
# on folded text: "ngay 12 thang 01 nam 2021", "28 thang 4 2023"
DATE_WORDS = re.compile(r"\b(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*(?:nam\s+)?(\d{4})\b")


def make_date(year: int, month: int, day: int) -> date | None:
    """A valid date in a plausible range, or None."""
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_cms_timestamp(line: str) -> date | None:
    """A CMS timestamp at the start of ``line`` (month/day/year, 12-hour clock)."""
    m = CMS_TIMESTAMP.match(line)
    return make_date(int(m.group(3)), int(m.group(1)), int(m.group(2))) if m else None


def parse_date(value: str) -> date | None:
    """A date given on its own: ISO 8601, a CMS timestamp, or Vietnamese day/month/year.

    >>> parse_date("2022-01-12"), parse_date("12/01/2022")
    (datetime.date(2022, 1, 12), datetime.date(2022, 1, 12))
    """
    value = value.strip()
    if m := ISO_DATE.fullmatch(value) or ISO_DATE.match(value):
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if found := parse_cms_timestamp(value):
        return found
    if m := DMY.search(value):
        return make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    folded = fold(value)
    if m := DATE_WORDS.search(folded):
        return make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def date_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
