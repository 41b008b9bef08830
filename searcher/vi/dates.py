"""Dates in scraped Vietnamese reports.

CMS timestamps are month/day ("1/15/2021 7:29:59 AM"); Vietnamese prose is
day/month ("Sáng ngày 12/9/2022", "ngày 12 tháng 01 năm 2021", "12/01/2022").

>>> parse_cms_timestamp("1/15/2021 7:29:59 AM")
datetime.date(2021, 1, 15)
>>> meeting_date("Sáng ngày 12/9/2022, VKSND tỉnh Thanh Hóa tổ chức Hội nghị")
datetime.date(2022, 9, 12)
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
# On folded text: "ngay 12 thang 01 nam 2021", "ngay 12/9/2022", "ngay 7/7"
NGAY_WORDS = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?")
NGAY_NUMERIC = re.compile(
    r"\bngay\s+(\d{1,2})(?:\s*[-–]\s*\d{1,2})?[/.\-](\d{1,2})(?:[/.\-](\d{4}))?(?![\d/])"
)
# "Sáng 11/4/2024", "chiều 10/01/2018", "Chiều 18.7": a time of day, then the date, no "ngày"
BARE_DAY = re.compile(
    r"\b(?:sang|chieu|toi|trua)\s+(?:nay\s+)?(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?(?![\d/])"
)
# the clause after a date says what happened on it
ORGANIZED = re.compile(
    r"\b(to chuc|khai mac|dien ra|tien hanh|da co buoi|lam viec|chu tri|den tham|hop|"
    r"ky ket|phat dong|trao|cong bo|gap mat)\b"
)
SIGNED = re.compile(
    r"^[^.;:]{0,60}\b(?:ky|ban hanh)\b[^.;:]{0,15}\b(quyet dinh|nghi quyet|chi thi|ke hoach|"
    r"thong tu|cong van|thong bao)\b"
)
WEEKDAY_BEFORE = re.compile(r"\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\W{0,3}$")
# A date right after these is a document's date, not the meeting's.
DOCUMENT_CONTEXT = re.compile(
    r"(\bso\s*\d|\d+/[a-z]|\bchi thi\b|\bke hoach\b|\bnghi quyet\b|\bquyet dinh\b|"
    r"\bcong van\b|\bthong tu\b|\bhuong dan\b|\bban hanh\b|\bky\b)[^.;\n]{0,40}$"
)


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
    if (m := NGAY_WORDS.search(folded)) and m.group(3):
        return make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def meeting_date(
    text: str, published: date | None = None, title_year: int | None = None, limit: int = 1500
) -> date | None:
    """The meeting's date in the lead: "ngày 12/9/2022", "Sáng 11/4/2024", "Ngày 3-1".

    A date whose own clause says what was organised comes first; document, signing
    and page-header dates are not meeting dates. A day/month date takes its year from
    the publication date, else from its sentence, else from the title.

    >>> meeting_date("Chỉ thị số 01/CT-VKSTC ngày 17/12/2019 của Viện trưởng") is None
    True
    >>> meeting_date("ngày 12 tháng 01 năm 2021, Viện kiểm sát")
    datetime.date(2021, 1, 12)
    >>> meeting_date("Tin ngày 10/3/2025 gồm: … Ngày 07/3/2025, VKSND tỉnh Yên Bái tổ chức")
    datetime.date(2025, 3, 7)
    >>> meeting_date("Ngày 25/12, VKSND tối cao tổ chức Hội nghị triển khai công tác năm 2024.")
    datetime.date(2023, 12, 25)
    """
    folded = fold(text[:limit])
    candidates = []
    for pattern in (NGAY_WORDS, NGAY_NUMERIC, BARE_DAY):
        for m in pattern.finditer(folded):
            before = folded[max(0, m.start() - 60) : m.start()].rsplit("\n", 1)[-1]
            after = re.split(r"[.;:\n]", folded[m.end() : m.end() + 160], maxsplit=1)[0]
            organized = bool(ORGANIZED.search(after))
            if WEEKDAY_BEFORE.search(before) or SIGNED.search(after):
                continue  # a page header ("Thứ Hai, ngày 15 …") or a signing date
            if DOCUMENT_CONTEXT.search(before) and not organized:
                continue
            candidates.append((not organized, m.start(), m, after))
    for _, _, m, after in sorted(candidates, key=lambda c: c[:2]):
        day, month = int(m.group(1)), int(m.group(2))
        year = (
            int(m.group(3)) if m.group(3) else _year_for(day, month, after, published, title_year)
        )
        found = make_date(year, month, day) if year else None
        if found:
            return found
    return None


def _year_for(day: int, month: int, sentence: str, published, title_year) -> int | None:
    """The year of a day/month date: the publication's (the latest such date not after
    it), else the one its sentence names (a December "triển khai năm Y" meeting is held
    in Y-1, a January "tổng kết năm Y" one in Y+1), else the title's."""
    if published:
        for year in (published.year, published.year - 1):
            found = make_date(year, month, day)
            if found and found <= published:
                return year
    if m := re.search(r"\bnam\s+(\d{4})\b", sentence):
        year = int(m.group(1))
        if month == 12 and re.search(r"\btrien khai\b", sentence):
            return year - 1
        if month <= 2 and re.search(r"\btong ket\b", sentence):
            return year + 1
        return year
    return title_year


def title_year(title: str) -> int | None:
    """The year named in a title: "... năm 2020". With two ("tổng kết năm 2020 và
    triển khai năm 2021") the later one: such meetings are held in its January.

    >>> title_year("Tổng kết công tác năm 2020 và triển khai năm 2021")
    2021
    """
    years = re.findall(r"\bnam\s+(\d{4})\b", fold(title))
    valid = [int(y) for y in years if 1990 <= int(y) <= 2100]
    return max(valid) if valid else None


def date_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
