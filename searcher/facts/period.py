"""The reporting period a meeting reviews: a month, a quarter, six or nine months, a year.

Read from the title, else the lead's first sentence, where a reporting word
(giao ban, sơ kết, tổng kết, kết quả, công tác) is followed by the period; cited
documents are blanked out first. Without its own year the period takes the
meeting's.

>>> read_period("Giao ban công tác 9 tháng năm 2022", "", None)
('9 tháng', 2022, (0, 34))
>>> read_period("VKSND tỉnh tổ chức giao ban quý I", "", 2023)[:2]
('quý I', 2023)
>>> read_period("Tổng kết công tác năm 2021, triển khai công tác năm 2022", "", 2022)[:2]
('năm', 2021)
"""

from __future__ import annotations

import re

from searcher.facts.spans import first_sentence, lede_start, without_citations
from searcher.vi.text import fold

PERIODS = (
    *(f"tháng {n}" for n in range(1, 13)),
    "quý I", "quý II", "quý III", "quý IV", "6 tháng", "9 tháng", "năm",
)  # fmt: skip
_QUARTERS = {"i": "I", "1": "I", "ii": "II", "2": "II", "iii": "III", "3": "III", "iv": "IV",
             "4": "IV"}  # fmt: skip
_YEAR = r"(?:\s*(?:nam\s+|/\s*|-\s*)(?P<year>\d{4}))?"
_PERIOD_NAMED = (
    # "6 tháng đầu năm 2021": the year after "đầu năm" is the period's
    r"\b(?:(?P<months>6|9|sau|chin) thang(?: (?:dau|cuoi)(?= nam\b))?"
    r"|qu[yi] (?P<quarter>iv|iii|ii|i|[1-4])"
    # "tháng 7/2025"; "ngày 16 tháng 6 năm 2020" is a date, not a month reviewed
    r"|(?<!\d )thang (?P<month>1[0-2]|0?[1-9])(?!\d|/(?!\s*\d{4}\b)))\b" + _YEAR
)
# the work reviewed may be named at length before its period ("công tác kiểm sát việc giải
# quyết các vụ án hành chính, kinh doanh, thương mại quý III năm 2021"): up to 90 letters
_PERIOD = re.compile(
    # or a body's regular meeting ("Đảng bộ … họp thường lệ 6 tháng đầu năm", "Chi bộ sinh
    # hoạt định kỳ tháng 9"): the period it meets for
    r"\b(?:giao ban|so ket|tong ket|ket qua|bao cao|cong tac|"
    r"(?:hop|sinh hoat) (?:thuong le|dinh ky|thuong ky))\b"
    r"(?:(?!\b(?:giao ban|so ket|tong ket)\b)[^.;:\n]){0,90}?" + _PERIOD_NAMED
)
# a report of a period's results heard at a conference ("Báo cáo tóm tắt kết quả công tác
# kiểm sát của Viện kiểm sát hai cấp trong 9 tháng năm 2020", "Đánh giá công tác 9 tháng")
_REPORTED = re.compile(r"\b(?:ket qua|bao cao|danh gia)\b[^.;:\n]{0,70}?" + _PERIOD_NAMED)
# a title that heads a period's results ("VKSND tỉnh Thái Bình đạt, vượt chỉ tiêu công tác 6
# tháng đầu năm 2025", "… đạt và vượt nhiều chỉ tiêu công tác năm 2022"), the period named
# or not ("… đạt và vượt các chỉ tiêu công tác của Ngành")
_RESULTS = (  # or the tasks done ("VKSND tỉnh Quảng Ngãi hoàn thành xuất sắc nhiệm vụ năm 2021")
    r"(?:\b(?:dat|vuot)\b[^.;:\n]{0,15}?\bchi tieu\b|"
    r"\bhoan thanh (?:xuat sac |tot |toan dien )*(?:cac )?nhiem vu\b)"
)
_RESULTS_WITHOUT_PERIOD = re.compile(_RESULTS)
_RESULTS_HEADLINE = re.compile(
    _RESULTS + r"[^.;:\n]{0,40}?(?:" + _PERIOD_NAMED + r"|\bnam (?P<annual_year>\d{4})\b)"
)
# a year-long period is reported on by a tổng kết, an assessment of the year's results or an
# inspection of its work; a plan's year is read apart (launched_year). "thắng" of "phong
# trào thi đua quyết thắng" folds like "tháng": only "6 tháng", "tháng 3" stop the span
_ANNUAL = re.compile(
    r"\b(?:tong ket|danh gia (?:lai )?ket qua|kiem tra cong tac)\b"
    r"(?:(?!\b(?:giao ban|so ket|trien khai|quy|(?:\d{1,2}|sau|chin) thang|thang \d)\b)"
    r"[^.;:\n]){0,60}?"
    r"\b(?P<annual>nam)\s+(?P<annual_year>\d{4})\b"
)


# a launch meeting for year Y where the review of year Y-1 is presented ("Hội nghị triển
# khai công tác năm 2023 … trình bày Báo cáo tổng kết công tác kiểm sát năm 2022")
_LAUNCH_YEAR = re.compile(
    r"\btrien khai (?:thuc hien )?(?:nhiem vu |cong tac |chuong trinh |ke hoach )+"
    r"(?:kiem sat)?[^.;:\n]{0,30}?\bnam (\d{4})\b"
)
# the past year's results: reviewed, reported ("Báo cáo tóm tắt tại Hội nghị cho thấy, năm
# 2019, …"), or opening a paragraph
_YEAR_REVIEW = re.compile(
    r"\b(?:tong ket|ket qua(?: cong tac| hoat dong)?|(?:theo )?bao cao)\b"
    r"(?:(?!\b(?:quy|thang|6 thang|9 thang)\b)[^.;\n]){0,50}?"
    r"\bnam (\d{4})\b"
    # a paragraph that opens on the past year's results ("Năm 2020, ngành Kiểm sát tỉnh …")
    # or a sentence ("… năm 2023. Theo đó, năm 2022, VKSND TP.HCM đã đạt …"), or what a
    # speaker says ("Báo cáo tại hội nghị, Viện trưởng … cho biết: năm 2017, cơ quan …")
    r"|(?:^|\n|[.:] )\s*(?:theo do,? |trong )?nam (\d{4}),"
    # a paragraph that opens on it without a comma ("Năm 2023 VKSND hai cấp tỉnh … đã …")
    r"|\n\s*nam (\d{4}) (?=vksnd|vien kiem sat|nganh kiem sat|vks)"
)


_STAFF_CONFERENCE = re.compile(
    r"\bhoi nghi (?:dai bieu )?(?:can bo,? )?(?:cong chuc|vien chuc)[^.;:\n]{0,40}?\bnam (\d{4})\b"
)


def staff_conference_year(title: str) -> int | None:
    """The year a staff conference reports on: the year it is named for ("Hội nghị công
    chức, người lao động năm 2023", held in February 2023, reviews 2022 and sets 2023's
    targets and pledges; both labellers who met one filed it under 2023).

    >>> staff_conference_year("Hội nghị công chức, người lao động năm 2022")
    2022
    """
    m = _STAFF_CONFERENCE.search(fold(title))
    return int(m.group(1)) if m else None


def review_at_launch(title: str, plain: str, year: int | None) -> int | None:
    r"""The year reviewed at a launch meeting, when the lead says its review is presented:
    the year before the one launched (from the title or the lead, else ``year``).
    ``plain``: title + newline + lead, folded, citations blanked.

    >>> title = "Triển khai công tác năm 2023"
    >>> plain = "trien khai cong tac nam 2023\nbao cao tong ket cong tac nam 2022."
    >>> review_at_launch(title, plain, None)
    2022
    """
    launched = _LAUNCH_YEAR.search(plain[:1200])
    target = int(launched.group(1)) if launched else year
    if target is None:
        return None
    return target - 1 if target - 1 in _reviewed_years(lead_of(title, plain)) else None


def _reviewed_years(lead: str) -> list[int]:
    """The years whose results ``lead`` presents (``_YEAR_REVIEW``), in text order."""
    return [int(next(y for y in m.groups() if y)) for m in _YEAR_REVIEW.finditer(lead)]


def lead_of(title: str, plain: str) -> str:
    """The lead of ``plain`` (title + newline + lead): its first 1,500 letters."""
    return plain[len(title) + 1 :][:1500]


def _conference_lead(title: str, plain: str) -> str | None:
    """The lead of ``plain`` (title + newline + lead) when it names a conference."""
    lead = lead_of(title, plain)
    return lead if "hoi nghi" in lead else None


def year_reviewed_at(title: str, plain: str, latest: int) -> int | None:
    r"""The past year whose results the lead presents at a conference ("Năm 2021, ngành
    Kiểm sát … đã …" under "… đón nhận Cờ thi đua"), not after ``latest``; None when the
    lead names no conference or reviews no year. ``plain``: title + newline + lead, folded,
    citations blanked.

    >>> year_reviewed_at("X", "x\ntham du hoi nghi co lanh dao.\nnam 2021, nganh da", 2022)
    2021
    """
    if (lead := _conference_lead(title, plain)) is None:
        return None
    return next((y for y in _reviewed_years(lead) if y <= latest), None)


def period_reported_at(title: str, plain: str, year: int | None) -> tuple[str, int | None] | None:
    r"""The period whose results the lead says a conference heard ("Tại Hội nghị, … trình
    bày Báo cáo tóm tắt kết quả công tác … trong 9 tháng năm 2020"): (period, its year),
    or None when the lead names no conference or no such report. ``plain``: title +
    newline + lead, folded, citations blanked.

    >>> period_reported_at("X", "x\ntai hoi nghi, bao cao ket qua cong tac 9 thang nam 2020.", None)
    ('9 tháng', 2020)
    """
    if (lead := _conference_lead(title, plain)) is None:
        return None
    if m := _REPORTED.search(lead):
        written = m.group("year")
        return _name(m), int(written) if written else year
    return None


def results_headline(title: str, plain: str, year: int | None) -> tuple[str, int | None] | None:
    r"""The period whose results the title heads, when the lead names the conference they
    were heard at ("VKSND tỉnh … đạt, vượt chỉ tiêu công tác 6 tháng đầu năm 2025" over "…
    chủ trì hội nghị"): (period, its year), else None. ``plain`` as above.

    >>> results_headline("Đạt chỉ tiêu năm 2022", "dat chi tieu nam 2022\nchu tri hoi nghi.", None)
    ('năm', 2022)
    """
    if _conference_lead(title, plain) is None:
        return None
    if m := _RESULTS_HEADLINE.search(plain, 0, len(title)):
        if m.group("annual_year"):
            return "năm", int(m.group("annual_year"))
        return _name(m), int(m.group("year")) if m.group("year") else year
    if not _RESULTS_WITHOUT_PERIOD.search(plain, 0, len(title)):
        return None
    # "… đạt và vượt các chỉ tiêu công tác của Ngành": the lead says which period
    if reported := period_reported_at(title, plain, year):
        return reported
    reviewed = year_reviewed_at(title, plain, year or 9999)
    return None if reviewed is None else ("năm", reviewed)


def launched_year(title: str, plain: str) -> int | None:
    r"""The year a launch meeting plans, written in the title or the lead's first sentence:
    the period of a launch that reviews nothing ("triển khai công tác năm 2026" → năm 2026).
    ``plain``: title + newline + lead, folded, citations blanked.

    >>> title = "Triển khai nhiệm vụ công tác năm 2020"
    >>> launched_year(title, "trien khai nhiem vu cong tac nam 2020\n")
    2020
    """
    found = _LAUNCH_YEAR.search(plain[: len(title)]) or _LAUNCH_YEAR.search(
        first_sentence(plain[lede_start(plain, len(title) + 1) :])
    )
    return int(found.group(1)) if found else None


def read_period(
    title: str, body: str, year: int | None, plain: str | None = None
) -> tuple[str | None, int | None, tuple[int, int] | None]:
    """(period, its year, where it is in title + newline + lead), or (None, None, None).
    ``plain``: title + newline + lead, folded, with citations blanked (the text's offsets)."""
    if plain is None:
        plain = without_citations(title) + "\n" + without_citations(body[:600])
    lede = lede_start(plain, len(title) + 1)  # after a photo caption
    first = first_sentence(plain[lede:])
    for base, part in ((0, plain[: len(title)]), (lede, first)):
        found = [*_PERIOD.finditer(part), *_ANNUAL.finditer(part)]
        for m in sorted(found, key=lambda m: m.start()):
            if m.groupdict().get("month") and re.search(
                r"\bngay\s+\d{1,2}\s+$", part[: m.start("month")]
            ):
                continue  # "ngày 5 tháng 3": a date, not a month reported on
            period = _name(m)
            written = m.groupdict().get("annual_year") or m.groupdict().get("year")
            found_year = int(written) if written else year
            return period, found_year, (base + m.start(), base + m.end())
    return None, None, None


def _name(m: re.Match) -> str:
    if m.re is _ANNUAL:
        return "năm"
    if m.group("months"):
        return "6 tháng" if m.group("months") in ("6", "sau") else "9 tháng"
    if m.group("quarter"):
        return "quý " + _QUARTERS[m.group("quarter")]
    return f"tháng {int(m.group('month'))}"
