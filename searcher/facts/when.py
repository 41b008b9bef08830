"""Dates as facts: the meeting date and the year, from date candidates with roles.

Every date in the lead is a candidate. Roles rule some out (a cited document's date,
a page header's clock, an anniversary range, a signing, a year after publication);
the others are scored by a few features whose weights sit in one table,
``WEIGHTS``, fitted by ``bench/fit_facts.py`` on the development set.

>>> from datetime import date
>>> text = ("Hội nghị\\nThực hiện Kế hoạch số 12/KH-VKS ngày 16/01/2019 của VKSND tỉnh "
...         "Hà Nam, ngày 14/11/2019 VKSND tỉnh Hà Nam tổ chức hội nghị.")
>>> reading = read_dates(text, published=None, title_year=None, today=date(2026, 1, 1))
>>> reading.meeting.isoformat(), [(c.shown, c.rejected) for c in reading.candidates]
('2019-11-14', [('16/01/2019', 'inside a citation (ke hoach)'), ('14/11/2019', '')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from searcher.facts.spans import (
    ORGANISED,
    PROCURACY,
    Span,
    clause_after,
    find_spans,
    inside,
    masked,
    sentence_start,
)
from searcher.facts.years import NAMED_YEAR, YEAR_WORD
from searcher.vi.dates import WEEKDAY, make_date
from searcher.vi.text import fold

LIMIT = 1500  # characters of title and lead where the meeting date is looked for
# feature → weight; a candidate's score is the sum of its features' weights
WEIGHTS: dict[str, float] = {
    "organised": 3.0,  # its clause says what was organised ("… tổ chức hội nghị")
    "time_of_day": 1.0,  # "Sáng 11/4/2024", "Chiều ngày 5/7"
    "clause_start": 1.0,  # it opens its sentence or clause
    "first": 0.5,  # the first date left after the roles
    "procuracy": 2.0,  # its clause names a procuracy ("… lãnh đạo VKSND thành phố Thủ Đức …")
    "has_year": 0.5,  # written with its year
    "title": 0.5,  # in the title
    "bare": -1.0,  # neither "ngày" nor a time of day ("12/9/2022")
    "weekday": -1.0,  # "Thứ Hai, ngày …" without a time of day: a clock more often
}

_DAY = r"(\d{1,2})"
_TIME = r"(?:sang|chieu|toi|trua|dem)"
# the shapes of a day and month, on text whose dates in words are written as numbers
# (``numeric_dates``: "ngày 12 tháng 9 năm 2022", "Sáng 12 tháng 9/2022")
_PATTERNS = (
    # "các ngày 14 và 15/8/2019", "ngày 14-15/8": a range, its first day
    # "(01 và 02/4/2017)": the same in brackets; "các ngày 14, 15, 17/3/2023": a list, too
    ("range", re.compile(r"(?:\b(?:cac\s+)?ngay\s+|\(\s*)" + _DAY
                         + r"(?:\s*(?:va|,)\s*\d{1,2}(?![\d/.\-]))*\s*(?:va|,|-|–|den)\s*"
                         r"(?:ngay\s+)?\d{1,2}\s*[/.\-](\d{1,2})(?:[/.\-](\d{4}))?(?![\d/])")),
    # "Hôm 21/3, VKSND tối cao đã ban hành cáo trạng": opening its clause, a news lead's
    # day, as "ngày" is (not "… được thông báo hôm 26/4": an aside's)
    ("ngay", re.compile(r"(?:\bngay|(?:^|(?<=\n)|(?<=[.;:,(])|(?<=[.;:,(] ))hom)\s*"
                        + _DAY + r"\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?"
                        r"(?![\d/])")),
    # "Sáng nay (5/3)", "Chiều qua (5/3)", "tối mai (7/3)": a time of the day; "Sáng thứ Hai
    # (12/9)", "Hôm nay (12/9)": a news lead's day, in brackets after its weekday
    ("time", re.compile(r"\b(?:" + _TIME + r"\s+(?:(?:nay|qua|mai)\s*\(?\s*)?|(?:" + _TIME
                        + r"\s+)?(?:" + WEEKDAY + r"|hom\s+(?:nay|qua))\s*,?\s*\(\s*)" + _DAY
                        + r"\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])")),
    ("bare", re.compile(r"(?<![\d/.\-])" + _DAY + r"[/.\-](\d{1,2})[/.\-](\d{4})(?![\d/])")),
)  # fmt: skip
_TIME_BEFORE = re.compile(r"\b" + _TIME + r"\s*(?:(?:nay|qua|mai)\s*)?,?\s*$")
_WEEKDAY_BEFORE = re.compile(r"\b(?:" + WEEKDAY + r")\W{0,3}$")
_OPENING = re.compile(
    r"(?:^|[.,;:\-–(]\s*|\n\s*|\b[a-z]{2,5}\s*[-–]\s*)(?:vao\s+)?(?:buoi\s+)?(?:"
    + _TIME
    + r"\s+)?(?:nay\s*,?\s*)?(?:thu\s+\w+\s*,?\s*)?$"
)
# (not a decision that takes a case's step: "Tối 12/9, … Viện KSND tỉnh … cho biết, đã ban
# hành quyết định phê chuẩn khởi tố bị can": that step is the news)
_SIGNED = re.compile(
    r"^[^.;:]{0,60}\b(?:(?:ky|ban hanh)\b[^.;:]{0,15}\b(quyet dinh|nghi quyet|chi thi|ke hoach|"
    r"thong tu|cong van|thong bao)\b|ra quyet dinh\b)"  # not "ra nghị quyết lãnh đạo": a meeting
    r"(?!\s+(?:phe chuan|khoi to|truy to|bat|tam giam|tam giu|chuyen vu an|tra ho so|"
    r"(?:tam )?dinh chi|huy bo)\b)"
)
# (its force taking effect too: "có hiệu lực từ ngày …", "hiệu lực áp dụng từ ngày 01/01/2018")
_ISSUED_BEFORE = re.compile(
    r"\b(?:ky|ban hanh|co hieu luc|hieu luc(?: ap dung| thi hanh)?)\s*(?:tu\s+|vao\s+)?$"
)
# "đến 31/5/2022", "trước ngày 30/4", "kể từ ngày 01/7/2025": a window's end, a deadline
_BOUND_BEFORE = re.compile(
    # ("tới" folds as "Tối", the evening, does after a sentence or a clause: "… dự thi. Tối
    # 28/8/2022, VKSND …", "Thực hiện Kế hoạch …, tối 12/9/2022, VKSND …")
    r"\b(?:den|(?<![.;:,\n] )(?<![.;:,\n])(?<!chieu )toi|truoc|ke tu|sau)"
    r"\s+(?:het\s+)?(?:ngay\s*)?$"
    # a deadline with its hour ("trước 16 giờ ngày 31/5/2020"), "chậm nhất (là) ngày …"
    r"|\b(?:truoc|den|cham nhat(?: la)?)\s+\d{1,2}\s*(?:gio|h)(?:\s*\d{2}(?:\s*phut)?)?"
    r"(?:,?\s*ngay\s*)?$|\bcham nhat(?: la)?\s+(?:vao\s+)?(?:ngay\s*)?$"
    # "từ 01/12/2020 - 28/02/2021": the second date closes the span (of a meeting held over
    # several days, the first day is the meeting's)
    r"|\btu\s+(?:ngay\s*)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?\s*[-–]\s*(?:ngay\s*)?$"
)
# "trong thời gian từ 01/01/2020 đến …", "thời kỳ thanh tra từ ngày …": a window's start
_WINDOW_START_BEFORE = re.compile(
    r"\b(?:thoi gian|thoi diem|thoi ky|giai doan|ky bao cao|so lieu)\b"
    r"[^.;,\n]{0,25}?\btu\s+(?:ngay\s*)?$"
)
# a law named with its year ("Dự thảo sửa đổi Hiến pháp năm 1992", "Bộ luật Hình sự năm
# 2015"): the law's year, not the meeting's
_LAW_BEFORE = re.compile(r"\b(?:hien phap|luat|phap lenh)\b(?: [a-z]+){0,6}\s*$")
# "Ngày 26/07/2019 sắp đến, …": a day to come, the occasion a page looks toward; "ngày
# 26/7 hàng năm": a day of every year
_COMING = re.compile(r"\s*(?:(?:sap|dang|se) (?:den|toi)|hang nam)\b")
# what a case's narration dates ("Nội dung vụ án thứ nhất, vào khoảng 1h ngày 4/9/2023, tại
# nhà …", "Theo cáo trạng, ngày …"): the crime, not the trial or a meeting
_CASE_FACTS = re.compile(
    r"\b(?:noi dung vu an|theo cao trang|theo ket luan dieu tra|theo ho so(?: vu an)?|"
    r"vao khoang \d{1,2}\s*(?:h|gio)(?:\s*\d{2}(?:\s*phut)?)?)\b"
)
# "Trước đó, ngày 24/7/2023, …": what was done before the event the page reports
_EARLIER_BEFORE = re.compile(r"\btruoc do\s*,?\s*(?:vao\s+)?(?:ngay\s*)?$")
# the date that closes a span: day, month, year; the words that join it to the first day
_SPAN_JOIN = r"-|–|den|toi"
_CLOSING = r"(?:ngay\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])"
# a day and month that open a span closed by a full date ("ngày 24/8 và 25/8/2023", "từ
# ngày 14/3 đến hết ngày 15/3/2023")
_SPAN_END = re.compile(r"\s*(?:va|" + _SPAN_JOIN + r")\s*(?:het\s+)?" + _CLOSING)
# a span's close after its first day ("từ 1/6/2016 - 20/8/2016", "từ ngày 5/3 đến ngày
# 30/4/2024"): a meeting, a congress or a course lasts days, a campaign or a contest months
_SPAN_CLOSE = re.compile(r"\s*(?:" + _SPAN_JOIN + r")\s*(?:het\s+)?" + _CLOSING)
LONGEST_MEETING_DAYS = 31


def _span_days(folded: str, end: int, first: date) -> int:
    """How many days the span opened by ``first`` (its text ending at ``end``) lasts; 0
    when it opens none."""
    if not (close := _SPAN_CLOSE.match(folded, end)):
        return 0
    year = int(close.group(3)) if close.group(3) else first.year
    last = make_date(year, int(close.group(2)), int(close.group(1)))
    return (last - first).days if last else 0


# a day and month without a year are read as the latest such day before the publication,
# and only within this many days of it ("Ngày 23/3" on a page of 15/01/2015 is a teaser's)
STALE_DAYS = 200
# a full date this much older than the page's stamp is its story's past ("Theo VKSND tỉnh, ngày
# 19-2-2019, ông … tố cáo …" in a report of April 2020), not what it reports
OLD_NEWS_DAYS = 365


@dataclass
class Candidate:
    """One date of the lead: where it is, its features, and why it was ruled out."""

    start: int
    shown: str  # as written, folded
    day: date | None = None
    year_from: str = ""  # where a day/month date's year came from
    features: dict[str, float] = field(default_factory=dict)
    rejected: str = ""  # why it cannot be the meeting date; "" when it can
    month_day: tuple[int, int] | None = None  # a day and month the text gives no year for

    def score(self, weights: dict[str, float] = WEIGHTS) -> float:
        return sum(weights.get(k, 0.0) * v for k, v in self.features.items())


@dataclass
class DateReading:
    meeting: date | None
    chosen: Candidate | None
    candidates: list[Candidate]  # every date read, in text order
    viable: list[Candidate]  # those no role rules out, before scoring
    spans: list[Span]
    folded: str  # title and lead, folded: the spans' offsets


def read_dates(
    text: str,
    published: date | None,
    title_year: int | None,
    today: date | None = None,
    weights: dict[str, float] = WEIGHTS,
    folded: str | None = None,
    stamped: date | None = None,
) -> DateReading:
    """Every date candidate of title + lead, with roles, and the meeting date chosen.
    ``folded``: the text already folded (the same offsets), if the caller has it;
    ``stamped``: the day the page's stamp gives (``published`` may be only a month's end)."""
    folded = numeric_dates(fold(text[:LIMIT]) if folded is None else folded[:LIMIT])
    spans = find_spans(folded)
    plain = masked(folded, spans, ("citation", "furniture"))
    title_end = folded.find("\n") if "\n" in folded else len(folded)
    latest = published.year if published else (today or date.today()).year
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(folded)
    for kind, pattern in _PATTERNS:
        for m in (m for lo, hi in windows for m in pattern.finditer(folded, lo, hi)):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # already read by a more specific pattern
            taken.append((m.start(), m.end()))
            c = Candidate(m.start(), " ".join(folded[m.start(1) : m.end()].split()))
            c.rejected = _role_of(spans, m, folded)
            c.features = _features(kind, m, folded, plain, title_end)
            if not c.rejected:
                c.day, c.year_from = _resolve(m, folded, plain, spans, published, title_year)
                if c.day is None and c.year_from == "stale":
                    c.rejected = f"over {STALE_DAYS} days before the publication"
                elif c.day is None:
                    c.rejected = NO_YEAR
                    if not m.group(3):  # written without one
                        c.month_day = int(m.group(2)), int(m.group(1))
                elif c.day.year > latest:
                    c.rejected = f"after {'the publication' if published else 'today'}"
                elif published and (published - c.day).days > OLD_NEWS_DAYS:
                    c.rejected = f"over {OLD_NEWS_DAYS} days before the publication: a story's past"
                elif (days := _span_days(folded, m.end(), c.day)) > LONGEST_MEETING_DAYS:
                    c.rejected = f"opens a span of {days} days: a campaign's or a contest's"
            elif c.rejected == EARLIER:  # its year still dates what follows it
                c.day, c.year_from = _resolve(m, folded, plain, spans, published, title_year)
            found.append(c)
    found.sort(key=lambda c: c.start)
    left = [c for c in found if not c.rejected]
    if left:
        left[0].features["first"] = 1.0
    chosen = choose(left, weights)
    yearless = choose([c for c in found if c.month_day and c.rejected == NO_YEAR], weights)
    if (
        chosen
        and yearless
        and yearless.score(weights) >= chosen.score(weights) + _YEARLESS_MARGIN
        and (chosen.day.month, chosen.day.day) != yearless.month_day  # "6/2 … (6/2/2017)"
    ):
        # the lede's own day, its year not known ("Ngày 26/5, Cục … tiến hành tiêu hủy …" on
        # a page with no stamp), far above any other: no other day of the story is the event's
        chosen = None
        bar = f"{yearless.score(weights):.1f}, the day {yearless.shown}'s (no year)"
    else:
        chosen = chosen or _same_day(folded, found, latest, stamped, title_end)
        bar = f"{chosen.score(weights):.1f}" if chosen else ""
    for c in left:
        if c is not chosen:
            c.rejected = f"scored {c.score(weights):.1f}, below {bar}"
    return DateReading(chosen.day if chosen else None, chosen, found, left, spans, folded)


# "Cùng ngày, …" opening a sentence or clause: on the day the text last named
_SAME_DAY = re.compile(r"(?:^|[.;:,]\s*|\n\s*)cung ngay\b")
_FULL_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")


def _same_day(folded: str, found: list[Candidate], latest: int, stamped: date | None,
              title_end: int) -> Candidate | None:  # fmt: skip
    """When no date is the meeting's: the day "Cùng ngày" refers to, the last full date
    written before it, even a cited document's ("Thực hiện Quyết định số 01/QĐ-CCTHADS ngày
    20/12/2022 …. Cùng ngày, … Hội đồng tiến hành tiêu hủy vật chứng"); not a page's stamp or
    an anniversary's years."""
    if "cung ngay" not in folded or not (same := _SAME_DAY.search(folded)):
        return None
    before = [c for c in found if c.start < same.start() and not c.rejected.startswith("in the")]
    written = _FULL_DATE.match(before[-1].shown) if before else None
    day = make_date(*map(int, written.group(3, 2, 1))) if written else None
    if day is None and not before and stamped and same.start() - title_end < 120:
        day = stamped  # the lead opens "Cùng ngày, …" under the stamp: the stamp's day
    if day is None or day.year > latest:
        return None
    return Candidate(same.end() - len("cung ngay"), "cung ngay", day, "the day it refers to",
                     {"same_day": 1.0})  # fmt: skip


# a date in words, its year after "năm" or a slash ("12 tháng 9 năm 2022", "12 tháng 9/2022")
_IN_WORDS = re.compile(
    r"(?<![\d/.\-])\b(\d{1,2})\s+thang\s+(\d{1,2})"
    r"(?:(?:\s*,?\s*nam\s+|\s*/\s*)(\d{4}))?\b(?![\d/])"
)


def numeric_dates(folded: str) -> str:
    """``folded`` with its dates in words written as numbers, padded to the same length (the
    same offsets): one shape for every date pattern, span and role to read.

    >>> numeric_dates("sang 12 thang 9 nam 2022, vksnd")
    'sang 12/9/2022          , vksnd'
    """

    def numeric(m: re.Match) -> str:
        day, month, year = m.groups()
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            return m.group(0)
        written = f"{day}/{month}" + (f"/{year}" if year else "")
        return written.ljust(m.end() - m.start())

    return _IN_WORDS.sub(numeric, folded) if "thang" in folded else folded


# every date pattern holds a day next to a month: only the text around those is read
_ANCHOR = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}|\d{1,2}\s+thang\s+\d")


def _windows(folded: str) -> list[tuple[int, int]]:
    """Stretches of ``folded`` around each day-and-month, merged (cheaper than reading
    all of it with every pattern)."""
    out: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(folded):
        lo, hi = max(0, m.start() - 32), min(len(folded), m.end() + 40)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def choose(viable: list[Candidate], weights: dict[str, float] = WEIGHTS) -> Candidate | None:
    """The best-scored candidate; the earlier one on a tie."""
    return max(viable, key=lambda c: (c.score(weights), -c.start), default=None)


def _short_span(m: re.Match, folded: str) -> bool:
    """Whether the day and month at ``m`` open a span no longer than a meeting lasts
    ("trong thời gian từ ngày 14/5 đến 21/5/2023, Đoàn … đã có chuyến thăm"): the event's
    own days, not a reporting window ("từ ngày 1/10/2022 đến 30/9/2023")."""
    first = make_date(2000, int(m.group(2)), int(m.group(1)))  # a leap year: any 29/2
    if first is None or not (close := _SPAN_CLOSE.match(folded, m.end())):
        return False
    last = make_date(2000 + (int(close.group(2)) < first.month), int(close.group(2)),
                     int(close.group(1)))  # fmt: skip
    return last is not None and 0 <= (last - first).days <= LONGEST_MEETING_DAYS


def _role_of(spans: list[Span], m: re.Match, folded: str) -> str:
    """Why the date at ``m`` has a role that is not the meeting's, or ""."""
    for role in ("citation", "furniture", "anniversary"):
        if s := inside(spans, m.start(1), m.end(), role):
            return f"inside a citation ({s.kind})" if role == "citation" else f"in the {role}"
    if _SIGNED.search(clause_after(folded, m.end())):
        return "the date a document was signed"
    before = folded[max(0, m.start() - 20) : m.start()]
    if _ISSUED_BEFORE.search(before):
        return "the date a document was issued"
    wider = folded[max(0, m.start() - 45) : m.start(1)]
    if _BOUND_BEFORE.search(wider):
        return "the end of a window or a deadline"
    if _WINDOW_START_BEFORE.search(wider) and not _short_span(m, folded):
        return "the start of a reporting or inspection window"
    if _EARLIER_BEFORE.search(wider):
        return EARLIER
    if _COMING.match(folded, m.end()):
        return "an occasion to come or of every year (… sắp đến, … hàng năm)"
    lo = max(0, m.start() - 120)
    if _CASE_FACTS.search(folded[sentence_start(folded, m.start(), lo) : m.start()]):
        return "a case's facts (when the crime was done)"
    return ""


# a procuracy named as whose or where ("đề nghị của Viện trưởng VKSND tối cao", "làm việc
# tại VKSND huyện"), not as who acts
_OWNER_BEFORE = re.compile(r"\b(?:cua|tai|voi|cho|den|theo)\s+(?:[a-z]+\s+){0,2}$")


def _procuracy_acts(clause: str) -> bool:
    """Whether ``clause`` names a procuracy as one that acts, not only as an owner or a
    place."""
    return any(not _OWNER_BEFORE.search(clause, max(0, p.start() - 30), p.start())
               for p in PROCURACY.finditer(clause))  # fmt: skip


def _features(kind: str, m: re.Match, folded: str, plain: str, title_end: int) -> dict:
    line_start = folded.rfind("\n", 0, m.start()) + 1
    before = folded[max(line_start, m.start() - 40) : m.start()]
    time_of_day = kind == "time" or bool(_TIME_BEFORE.search(before))
    features = {
        "organised": float(bool(ORGANISED.search(clause := clause_after(plain, m.end())))),
        "procuracy": float(_procuracy_acts(clause)),
        "time_of_day": float(time_of_day),
        "clause_start": float(bool(_OPENING.search(before))),
        "has_year": float(bool(m.group(3))),
        "title": float(m.start() < title_end),
        "bare": float(kind == "bare" and not time_of_day),
        "weekday": float(bool(_WEEKDAY_BEFORE.search(before)) and not time_of_day),
    }
    return {k: v for k, v in features.items() if v}


# a month and year the story names ("cuối tháng 10/2020", "tháng 5 năm 2024"), or a date
# with its year ("12/3/2024"): its month and year
_TOLD_BEFORE = re.compile(
    r"\bthang\s*(\d{1,2})\s*(?:[/.\-]|\s+nam\s+)\s*(\d{4})\b|"
    r"(?<![\d/.\-])\d{1,2}[/.\-](\d{1,2})[/.\-](\d{4})(?![\d/])"
)


def _resolve(m: re.Match, folded: str, plain: str, spans, published,
             title_year) -> tuple[date | None, str]:  # fmt: skip
    day, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        return make_date(int(m.group(3)), month, day), "written"
    closed = _SPAN_END.match(folded, m.end())
    if closed and closed.group(3):  # "24/8 và 25/8/2023": the span's year
        return make_date(int(closed.group(3)), month, day), "the span it opens"
    year, source = day_month_year(day, month, clause_after(plain, m.end()), published, title_year)
    if year is None:
        for s in spans:  # "(26/7/1960 - 26/7/2020)": the anniversary's year
            if s.role == "anniversary":
                year, source = (
                    int(max(re.findall(r"\d{4}", plain[s.start : s.end]))),
                    "the anniversary",
                )
    if year is None and source != "stale" and (told := _TOLD_BEFORE.findall(plain, 0, m.start())):
        # "Từ cuối tháng 10/2020 đến nay, … Cụ thể, ngày 2/12, …", "Từ 1-7-2025, … Ngày 30-6,
        # …": the year that puts the day nearest the last month and year named before it
        near_month, near_year = (int(g) for g in told[-1] if g)
        near = near_year * 12 + near_month
        year = min((near_year - 1, near_year, near_year + 1),
                   key=lambda y: abs(y * 12 + month - near))  # fmt: skip
        source = "the month and year named before it"
    if year is None and not ANY_YEAR.search(plain) and (cited := latest_cited(folded, spans)):
        # "thực hiện Thông tư … ngày 20-10-2025 …", met "ngày 20-1": after what it carries
        # out, when the cited documents hold the page's only years
        year = cited.year + ((month, day) < (cited.month, cited.day))
        source = "after the document it cites"
    return (make_date(year, month, day) if year else None), source


NO_YEAR = "no year for this day and month"
# how far a day with no year must score above the best dated one to leave the date unknown
_YEARLESS_MARGIN = 2.0
EARLIER = "an earlier activity's"


def earlier_year(reading: DateReading, latest: int) -> int | None:
    """The year of an earlier activity the page dates ("Trước đó, ngày 24/7/2023, …"): the
    event it reports follows it, in the same year."""
    years = [c.day.year for c in reading.candidates if c.rejected == EARLIER and c.day]
    return max((y for y in years if y <= latest), default=None)


def completed(reading: DateReading, year: int) -> tuple[date, Candidate] | None:
    """The best-scored day and month the text gave no year for, in ``year`` (the meeting
    year read otherwise: "Ngày 9.2, đoàn … đến thăm, chúc Tết Nguyên đán Bính Ngọ 2026" →
    2026-02-09), if any is left."""
    yearless = [c for c in reading.candidates if c.month_day and c.rejected == NO_YEAR]
    best = choose(yearless)
    made = make_date(year, *best.month_day) if best else None
    return (made, best) if made else None


ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def latest_cited(folded: str, spans: list[Span]) -> date | None:
    """The latest full date inside a cited document ("Thông tư liên tịch số
    07/2025/TTLT-… ngày 20-10-2025" → 2025-10-20): a meeting that carries a document
    out is held after it, so a day and month with no other year take the first such
    day after it."""
    found = []
    for s in spans:
        if s.role == "citation":
            for _, pattern in _PATTERNS:  # the date shapes the meeting's are read in
                for m in pattern.finditer(folded, s.start, s.end):
                    if m.group(3) and (made := make_date(*map(int, m.group(3, 2, 1)))):
                        found.append(made)
    return max(found, default=None)


def day_month_year(
    day: int, month: int, sentence: str, published: date | None, title_year: int | None
) -> tuple[int | None, str]:
    """The year of a day/month date: the publication's (the latest such date not after
    it), else the one its sentence names (a December "triển khai năm Y" meeting is held
    in Y-1, a January "tổng kết năm Y" one in Y+1), else the title's.

    >>> day_month_year(27, 12, "", date(2024, 12, 28), None)
    (2024, 'the publication')
    >>> day_month_year(25, 12, "to chuc hoi nghi trien khai cong tac nam 2024", None, None)
    (2023, 'its sentence')
    """
    if published:
        for year in (published.year, published.year - 1):
            found = make_date(year, month, day)
            if found and found <= published:
                if (published - found).days > STALE_DAYS:
                    return None, "stale"  # a report tells of recent days: another story's
                return year, "the publication"
    named = (
        m for m in YEAR_WORD.finditer(sentence) if not _LAW_BEFORE.search(sentence, 0, m.start())
    )
    if m := next(named, None):
        year = int(m.group(1))
        if month == 12 and re.search(r"\btrien khai\b", sentence):
            return year - 1, "its sentence"
        if month <= 2 and re.search(r"\btong ket\b", sentence):
            return year + 1, "its sentence"
        return year, "its sentence"
    if m := NAMED_YEAR.search(sentence):  # "Đại hội … nhiệm kỳ 2025-2030": its term opens
        return int(next(g for g in m.groups() if g)), "the term it opens"
    return (title_year, "the title") if title_year else (None, "")
