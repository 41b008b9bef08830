"""The year of a meeting when no date gives it: from the title, a congress's term, a
meeting named for its year, an anniversary range, or the lead.

``when`` reads dates; these read a year the page gives otherwise, each a role that
``metadata`` tries in turn, and ``when.day_month_year`` reads a day and month's year from
the same words.

>>> title_year("Tổng kết công tác năm 2020 và triển khai năm 2021")
2021
>>> meeting_year_in_title("VKSND sơ kết công tác quý I năm 2022")
2022
"""

from __future__ import annotations

import re

from searcher.facts.spans import Span, masked
from searcher.vi.text import fold

YEAR_WORD = re.compile(r"\bnam\s+(\d{4})\b")


def title_year(title: str) -> int | None:
    """The year named in a title: "... năm 2020". With two ("tổng kết năm 2020 và
    triển khai năm 2021") the later one: such meetings are held in its January.

    >>> title_year("Tổng kết công tác năm 2020 và triển khai năm 2021")
    2021
    """
    years = [int(y) for y in YEAR_WORD.findall(fold(title))]
    valid = [y for y in years if 1990 <= y <= 2100]
    return max(valid) if valid else None


# a congress opens the term it names last ("Tổng kết hoạt động nhiệm kỳ 2018 – 2023 và phương
# hướng, nhiệm vụ nhiệm kỳ 2024 – 2029"), in that term's first year
_CONGRESS = re.compile(r"(?<!nghi quyet )(?<!chao mung )(?<!huong toi )\bdai hoi\b")
_CONGRESS_HELD = re.compile(r"\b(?:to chuc|khai mac|dien ra)\s+(?:thanh cong\s+)?dai hoi\b")
_TERM = re.compile(r"\bnhiem ky\s+(\d{4})\s*[-–]\s*(\d{4})\b")


_REVIEWED_TERM = re.compile(r"\b(?:trong|tong ket[^.;\n]{0,30}?)\s*$")


def congress_year(title: str, head: str) -> int | None:
    """The year a congress is held, when the title or the lead says it is one: the first
    year of the term it opens ("… phương hướng, nhiệm vụ nhiệm kỳ 2024 – 2029"), else the
    last of the term it reviews ("Trong nhiệm kỳ 2015-2020, Đảng bộ …"). ``title`` and
    ``head`` (the title, a newline and the lead) folded.

    >>> congress_year("dai hoi chi hoi lan ii", "… nhiem ky 2018 – 2023, nhiem ky 2024 – 2029")
    2024
    >>> congress_year("dai hoi dang bo lan thu i", "trong nhiem ky 2015-2020, dang bo …")
    2020
    """
    if not (_CONGRESS.search(title) or _CONGRESS_HELD.search(head)):
        return None  # "chào mừng Đại hội …", "Nghị quyết Đại hội …": another's, no event
    opened, reviewed = [], []
    for m in _TERM.finditer(head):
        first, last = int(m.group(1)), int(m.group(2))
        if last > first:
            before = head[max(0, m.start() - 40) : m.start()]
            (reviewed if _REVIEWED_TERM.search(before) else opened).append((first, last))
    if opened:
        return max(first for first, _ in opened)
    return max(last for _, last in reviewed) if reviewed else None


_WORK_YEAR = re.compile(
    r"\b(?:cong tac|tong ket|trien khai|nhiem vu|thi dua|ke hoach|chuong trinh)"
    r"(?:(?!\b(?:quy|thang|dot)\b)[^.;:\n]){0,25}?\bnam\s+(\d{4})\b"
)


def meeting_year_in_title(title: str) -> int | None:
    """A year the title gives the meeting ("thi tuyển … đợt 1 năm 2020", "sơ kết quý I năm
    2022"); a work year ("tổng kết công tác năm 2017", "triển khai công tác năm 2015") is
    not one: such meetings are held in December or in January.

    >>> meeting_year_in_title("Tổng kết công tác năm 2017, triển khai công tác năm 2018")
    >>> meeting_year_in_title("VKSND sơ kết công tác quý I năm 2022")
    2022
    """
    folded = fold(title)
    work = {m.start(1) for m in _WORK_YEAR.finditer(folded)}
    years = [int(m.group(1)) for m in YEAR_WORD.finditer(folded) if m.start(1) not in work]
    valid = [y for y in years if 1990 <= y <= 2100]
    return max(valid) if valid else None


# a meeting named for the year it is held in: a congress at the start of its term, the
# staff conference of the year (a launch, "triển khai công tác năm 2022", is not: it is
# held in that January or the December before)
NAMED_YEAR = re.compile(
    r"\bdai hoi\b[^.;:\n]{0,60}?\bnhiem ky\s+(\d{4})\s*[-–]\s*\d{4}"
    r"|\bhoi nghi (?:dai bieu )?(?:can bo,? )?(?:cong chuc|vien chuc)"
    r"[^.;:\n]{0,40}?\bnam\s+(\d{4})\b"
)


def named_year_in_title(title: str) -> int | None:
    """The year of a meeting named for the year it is held in, when the text gives no
    date: "Đại hội … nhiệm kỳ 2020-2025" (a congress opens its term), "Hội nghị công chức,
    người lao động năm 2026".

    >>> named_year_in_title("Tổ chức Đại hội Đảng bộ nhiệm kỳ 2020-2025")
    2020
    >>> named_year_in_title("VKSND tỉnh An Giang triển khai công tác năm 2022")
    """
    m = NAMED_YEAR.search(fold(title))
    return int(next(g for g in m.groups() if g)) if m else None


def anniversary_year(spans: list[Span], folded: str, latest: int) -> int | None:
    """The later year of an anniversary range ("(26/7/1960 – 26/7/2020)"): the year the
    anniversary is celebrated."""
    for s in spans:
        if s.role == "anniversary":
            year = max(int(y) for y in re.findall(r"\d{4}", folded[s.start : s.end]))
            if year <= latest:
                return year
    return None


# a year in the lead tied to a time of the year ("tháng 10/2019", "Quý II năm 2020"); a
# bare "năm 2017" there is mostly a statistic's or a plan's
_TIMED_YEAR = re.compile(
    r"\b(?:thang\s+\d{1,2}|qu[yi]\s+(?:iv|iii|ii|i|[1-4]))\s*(?:/|nam\s+)(\d{4})\b"
    # or to the start of the work year under way ("Từ đầu năm công tác 2023, lãnh đạo …"; not
    # "từ đầu năm 2020 đến nay", a window that may be years long)
    r"|\btu\s+dau\s+nam\s+cong\s+tac\s+(\d{4})\b"
    # or a month written with a hyphen after what was organised ("phiên tòa giả định do Viện
    # KSND tỉnh tổ chức hồi cuối tháng 6-2020"; a bare "tháng 6-2020" is a statistic's too)
    r"|\bto chuc\b[^.;\n]{0,40}?\bthang\s+\d{1,2}\s*-\s*(\d{4})\b"
)
YEAR_UNDER_WAY = "the year under way"


def body_year(
    spans: list[Span], folded: str, start: int, latest: int
) -> tuple[int | None, int, str]:
    """A year the lead (from ``start``) ties to a month or a quarter, outside
    citations, furniture and anniversaries ("dự kiến vào Quý II năm 2020"), where, and
    its role: "lead", or ``YEAR_UNDER_WAY`` ("Từ đầu năm công tác 2023"); never one after
    ``latest``."""
    plain = masked(folded, spans, ("citation", "furniture", "anniversary"))
    for m in _TIMED_YEAR.finditer(plain, start):
        year = int(m.group(1) or m.group(2) or m.group(3))
        if 1990 <= year <= latest:
            return year, m.start(), (YEAR_UNDER_WAY if m.group(2) else "lead")
    return None, -1, ""
