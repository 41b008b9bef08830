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
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from searcher.vi.text import fold

# a weekday, folded ("thứ Hai", "Thứ 7", "Chủ nhật")
WEEKDAY = r"thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat"
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
    """A CMS timestamp at the start of ``line`` (month/day/year, 12-hour clock); one whose
    first number cannot be a month is day/month ("13/09/2022 08:15 AM").

    >>> parse_cms_timestamp("1/15/2021 7:29:59 AM"), parse_cms_timestamp("13/09/2022 08:15 AM")
    (datetime.date(2021, 1, 15), datetime.date(2022, 9, 13))
    """
    m = CMS_TIMESTAMP.match(line)
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return make_date(year, first, second) if first <= 12 else make_date(year, second, first)


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


VIETNAM = timezone(timedelta(hours=7))  # a Unix timestamp's calendar day is Vietnam's
COMPACT_ISO = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}){0,2}(?:Z|[+-]\d{2}:?\d{2})?)?")
EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
RFC_2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\b.*")


def _from_epoch(seconds: float) -> date | None:
    try:
        moment = datetime.fromtimestamp(seconds, UTC).astimezone(VIETNAM)
    except (OverflowError, OSError, ValueError):
        return None
    return make_date(moment.year, moment.month, moment.day)


def read_date_field(value: object) -> tuple[date | None, str | None]:
    """An export's date field, in the forms real exports write, and how it was read:
    (date, None) for an unambiguous form, (date, remark) when the form could be read
    two ways, (None, None) when it is no date. ISO 8601 with or without separators
    (the date as written, in its own offset), Unix seconds or milliseconds (the day in
    Vietnam, UTC+7), RFC 2822 (feeds), CMS stamps (month/day) and day/month/year.

    >>> read_date_field("20201001"), read_date_field(1601514000)
    ((datetime.date(2020, 10, 1), None), (datetime.date(2020, 10, 1), None))
    >>> read_date_field("Thu, 01 Oct 2020 08:15:00 +0700")[0]
    datetime.date(2020, 10, 1)
    >>> read_date_field("03/04/2021")[1]
    'read as day/month/year (3 April 2021), as Vietnamese text writes it'
    >>> read_date_field("2020-13-45"), read_date_field("2020")
    ((None, None), (None, None))
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, None
    text = str(value).strip()
    if EPOCH.fullmatch(text):  # an int of 8 digits is 20201001, below
        number = float(text)
        return _from_epoch(number / 1000 if abs(number) >= 1e11 else number), None
    if m := COMPACT_ISO.fullmatch(text):
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
    if m := ISO_DATE.fullmatch(text):
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
    if m := RFC_2822.fullmatch(text):
        try:
            moment = parsedate_to_datetime(text)
            return make_date(moment.year, moment.month, moment.day), None
        except (TypeError, ValueError, IndexError):  # a date without a time
            names = [name[:3].lower() for name in MONTHS]
            if m.group(2).lower() not in names:
                return None, None
            month = names.index(m.group(2).lower()) + 1
            return make_date(int(m.group(3)), month, int(m.group(1))), None
    if m := CMS_TIMESTAMP.fullmatch(text) or CMS_TIMESTAMP.match(text):
        found = parse_cms_timestamp(text)
        month, day = int(m.group(1)), int(m.group(2))
        two_ways = found and day <= 12 and month != day
        return found, (_remark(found, "month/day/year", "as a CMS stamp writes it")
                       if two_ways else None)  # fmt: skip
    if m := DMY.fullmatch(text):
        found = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        day, month = int(m.group(1)), int(m.group(2))
        two_ways = found and month <= 12 and day <= 12 and month != day
        return found, (_remark(found, "day/month/year", "as Vietnamese text writes it")
                       if two_ways else None)  # fmt: skip
    folded = fold(text)
    if m := DATE_WORDS.fullmatch(folded):
        return make_date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None
    return None, None


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
# an English edition's weekdays, Monday first (``date.weekday()``'s order)
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def year_not_after(month: int, day: int, bound: date) -> int:
    """The year that puts a day and month last on or before ``bound`` (a stamp's day).

    >>> year_not_after(12, 27, date(2024, 12, 28)), year_not_after(12, 29, date(2024, 12, 28))
    (2024, 2023)
    """
    return bound.year - ((month, day) > (bound.month, bound.day))


# an English edition's date, folded ("december 27, 2024", "dec. 27th 2024", "27 december
# 2024"): its month by its name or its first three letters ("sept" too)
ENGLISH_MONTH = {m.lower()[:n]: i for i, m in enumerate(MONTHS, 1) for n in (3, len(m))}
ENGLISH_MONTH["sept"] = 9
_MONTH_NAME = r"(" + "|".join(sorted(ENGLISH_MONTH, key=len, reverse=True)) + r")\.?"
ENGLISH_DATE = re.compile(
    r"\b" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH_NAME.replace("(", "(?P<m2>", 1)
    + r"\s*,?\s+(\d{4})\b"
)


def english_as_dmy(folded: str) -> str:
    """``folded`` with its English dates written day/month/year ("december 27, 2024" →
    "27/12/2024").

    >>> english_as_dmy("friday, december 27, 2024 | 09:41"), english_as_dmy("3 jan 2020")
    ('friday, 27/12/2024 | 09:41', '3/1/2020')
    """
    if not any(c.isdigit() for c in folded):
        return folded
    return ENGLISH_DATE.sub(_as_dmy, folded)


def _as_dmy(m: re.Match) -> str:
    if m.group(1):
        return f"{int(m.group(2))}/{ENGLISH_MONTH[m.group(1)]}/{m.group(3)}"
    return f"{int(m.group(4))}/{ENGLISH_MONTH[m.group('m2')]}/{m.group(6)}"


def _remark(found: date, order: str, why: str) -> str:
    return f"read as {order} ({found.day} {MONTHS[found.month - 1]} {found.year}), {why}"
