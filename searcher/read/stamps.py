"""Date stamps in a page's header: the lines that say when the article was published.

A stamp is a line that is only a date and the furniture around it (a clock, a
weekday, a view count, a byline or a section's name): "26/11/2021 17:20",
"Thứ 7, 28/12/2024 | 17:03:32 [GMT +7]", "06/01/2020 | 1755". A weekday and a date
with no time is the page's own clock, not the article's. CMS stamps at the start of
a line are month/day ("1/15/2021 7:29:59 AM", ``STAMP_PREFIXES``).

>>> news_stamp("Cập nhật lúc 22:09, Thứ tư, 10/12/2025 (GMT+7)")
datetime.date(2025, 12, 10)
"""

from __future__ import annotations

import re
from datetime import date

from searcher.vi.dates import (
    CMS_TIMESTAMP,
    DATE_WORDS,
    DMY,
    ENGLISH_WEEKDAYS,
    ISO_DATE,
    WEEKDAY,
    english_as_dmy,
    parse_cms_timestamp,
    parse_date,
)
from searcher.vi.text import fold

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[\s:]*", re.IGNORECASE)
# "… Đóng góp có hiệu quả 26/07/2025 10:37": a stamp glued to the end of a header line
# (an English edition's too: "By Thanh Lam   June 26, 2023 | 11:25 pm PT", "NGUYEN VAN A,
# DIRECTOR OF … July 26, 2024 05:30")
STAMP_SUFFIX = re.compile(
    r"\s(\d{1,2}([/.\-])\d{1,2}\2\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"\s+(?:\|\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?(?:\s+(?:PT|ET|GMT|ICT|UTC))?\s*$"
)  # "… 26-07-2025 10:37", "… 26.07.2025 10:37" too


def suffix_date(m: re.Match) -> date | None:
    """The date a ``STAMP_SUFFIX`` match holds, day/month/year or an English one."""
    return parse_date(m.group(1)) or parse_date(english_as_dmy(fold(m.group(1))))


def _date_prefix(m: re.Match) -> date | tuple[int, int] | None:
    """ "date 2025-10-19": its date; " date 2025-07": (year, month), no date but a bound."""
    written = m.group(1)
    return parse_date(written) if len(written) == 10 else (int(written[:4]), int(written[5:7]))


# a day/month/year stamp with its clock opening a paragraph that goes on (a page whose
# header and lead came as one line: "Thứ ba - 23/01/2024 18:03 Chiều 22/01/2024, VKSND …",
# "08:39 - Thứ Hai, 26/08/2019 Ngày 20/8/2019, …"); a meeting's date has no clock. Folded.
_DMY_CLOCK_PREFIX = re.compile(
    r"^\s*(?:(?:cap nhat|ngay dang|dang ngay)(?:\s+luc)?\s*:?\s*)?"
    r"(?:(?:" + WEEKDAY + r")\s*[,\-–]?\s*)?(?:ngay\s+)?"
    r"(?:(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s*[,|\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*[,|\-–]?\s*(?:(?:" + WEEKDAY + r")\s*,?\s*)?"
    r"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}))"
    r"(?:\s*\(?\s*gmt\s*\+\s*7\s*\)?)?(?=\s+\S.{40})"  # a paragraph, not a byline
)


class _Folded:
    """A pattern of folded text matched at the start of a line as written (its first 200
    characters: folding keeps an NFC line's offsets; a head whose fold changes length is
    not matched)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def match(self, line: str) -> re.Match | None:
        head = line[:200]
        folded = fold(head)
        return self.pattern.match(folded) if len(folded) == len(head) else None


# a stamp at the start of a line, then the text: (pattern, its date, or a month alone)
STAMP_PREFIXES = (
    (CMS_TIMESTAMP, lambda m: parse_cms_timestamp(m.group(0))),  # month/day, 12-hour clock
    (_DATE_PREFIX, _date_prefix),
    (_Folded(_DMY_CLOCK_PREFIX), lambda m: parse_date(m.group(1) or m.group(2))),
)  # " date 2025-07": a month only gives no date, and is not text either
# an English edition's weekday ("Friday, December 27, 2024 09:41")
_ENGLISH_WEEKDAY = "(?:" + "|".join(ENGLISH_WEEKDAYS) + ")"
_STAMP_FILLER = re.compile(
    r"\b(?:cap nhat|(?:ngay |tin )dang(?: tin| tai)?|dang (?:ngay|luc|tai)|luc|ngay xuat ban|"
    r"thoi gian dang|published|posted(?: on)?|updated|last updated|"
    + WEEKDAY
    + r"|"
    + _ENGLISH_WEEKDAY
    + r"|cn|ngay|gmt|ict|utc|pt|et|am|pm|sa|ch)\b|"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[\d.,]+$|(?:\s+(?:\d{1,3}(?:[.,]\d{3})+|\d{1,7})){1,3}\s*$)?|"
    r"[+-]\s?\d{1,2}\b|[\s,:()|.\-–—\[\]]+|\bin bai viet\s*$|"
    r"\bluot xem\s*:?\s*(?:\d{1,3}(?:[.,]\d{3})+\b|\d+)|"  # "Lượt xem: 25,211"
    r"\b(?:cms-)?view(?:s|-count)?\s*:?\s*\d+|"
    r"\b(?:nguoi dang|tac gia)\s*:(?:\s*[^\W\d_]+){0,5}?\s*(?=[-–|])|"
    r"\ba[+-]?(?:\s+a[+-]?){1,2}\s*$"
)  # view counts: "08:0070", "Lượt xem: 36", "| cms-view-count: 43287"; "07:50 41 0": views
# and comments after the time ("16:18 1.737 0": thousands written with a dot); a poster's
# label, empty or named, before the stamp ("Người đăng: - ngày đăng: 03/07/2020"); the
# text-size buttons after it ("… [GMT +7] A A", "A- A+")
_SPACED_DATE = re.compile(r"\b(\d{1,2})\s*[/.\-–]\s*(\d{1,2})\s*[/.\-–]\s*(\d{4})\b")
# a two-digit year, read only before a clock ("17/10/18 15:54"): this century's
_SHORT_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/([0-4]\d)(\s+\d{1,2}:\d{2})")
# "PV - 15:21, 28/12/2022": a byline before the stamp; with no dash only right before a date
# with its clock ("Cao Thuyên 20/05/2014 19:10 GMT+7")
_LEADING_LABEL = re.compile(
    r"^((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+"
    r"(?:[-–]\s+|(?=\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\s+\d{1,2}:\d{2}))(\d.*)$"
)
_TRAILING_LABEL = re.compile(
    r"^(.*\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+((?:[^\W\d_]+\s*){1,6})$"
)
# "25/03/2024 - 16:03 | Hoạt động đoàn thể": the section's name after a bar
_BAR_LABEL = re.compile(
    r"^(.*\d{4}(?:\s*[-–,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*\|"
    r"\s*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,5}$"
)
# "16 Tháng Ba, 2021": a month written as a word
_MONTHS = {"mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
           "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
           "chap": 12}  # fmt: skip
_MONTH_WORD = re.compile(r"(?<=\d )thang (muoi mot|muoi hai|" + "|".join(_MONTHS) + r")\b")
_POSTED = re.compile(r"\s*(?:ngay dang|dang ngay|cap nhat)\b")
_SECTION_BEFORE = re.compile(r"^((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+[-–]\s+(\w.*)$")
_MERIDIEM = {"sa", "ch", "am", "pm"}  # a clock's half of the day is no byline
_WEEKDAY = re.compile(r"\b(?:" + WEEKDAY + r"|" + _ENGLISH_WEEKDAY + r")\b")
# an English byline before its stamp ("By Vu Quoc Ngu | Aug 12, 2015", "By Thanh Lam   June 26")
_BYLINE = re.compile(r"^By\s+(?:[A-Z][\w.]*\s+){0,4}[A-Z][\w.]*\s*(?:[|,\-–]\s*|\s{2,})")
# a paper's name glued to its stamp ("Người Lao ĐộngNgười Lao Động27/12/2024"): capitalised
# words, then the date ending the line
_GLUED_LABEL = re.compile(
    r"^((?:[^\W\d_]+\s+){0,7}[^\W\d_]+)"  # no space before the date: glued
    r"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)


def stamp_shaped(line: str) -> bool:
    """Whether ``line`` has a shape only a stamp has, wherever it stands (a stamp line below an
    edition's first paragraph): a paper's name glued to it ("Báo Tuyên QuangBáo Tuyên
    Quang26/07/2025") or an English byline before it ("By Vu Quoc Ngu | Aug 12, 2015").

    >>> stamp_shaped("Báo Thanh niên31/01/2024"), stamp_shaped("Hội nghị ngày 12/9/2022")
    (True, False)
    """
    return bool(_BYLINE.match(line) or (_GLUED_LABEL.match(line) and line[:1].isupper()))


def news_stamp(line: str) -> date | bool | None:
    """A line that is only a date stamp: its date when it is the article's
    ("26/11/2021 17:20", "Cập nhật lúc 22:09, Thứ tư, 10/12/2025 (GMT+7)", "12/01/2022",
    "06/01/2020 | 1755" with its view count, "Thứ 7, 28/12/2024 | 17:03:32 [GMT +7] A A",
    "Thứ sáu, 28 Tháng 4 2023 11:58", "16 Tháng Ba, 2021 Tin hoạt động" with a section's
    name or a byline after it (or a byline before a stamp with its clock), "25/03/2024 -
    16:03 | Hoạt động đoàn thể"),
    False when it is the page's own date (a weekday and no time: "Thứ sáu, 16/04/2021"),
    None when the line says anything else.

    >>> news_stamp("04/07/2023 08:53"), news_stamp("Thứ sáu, 16/04/2021")
    (datetime.date(2023, 7, 4), False)
    >>> news_stamp("12/01/2022"), news_stamp("Hội nghị 12/9/2022")
    (datetime.date(2022, 1, 12), None)
    >>> news_stamp("06/01/2020 | 1755"), news_stamp("Thứ sáu, 28 Tháng 4 2023 11:58")
    (datetime.date(2020, 1, 6), datetime.date(2023, 4, 28))
    >>> news_stamp("Sự kiện - Ngày đăng : 05:53, 31/05/2016"), news_stamp("Hội nghị - 12/9/2022")
    (datetime.date(2016, 5, 31), None)
    >>> news_stamp("Minh Anh 03/02/2019 08:15 GMT+7"), news_stamp("Hội nghị 12/9/2022 08:00")
    (datetime.date(2019, 2, 3), None)
    >>> news_stamp("December 27, 2024 | 09:41 AM"), news_stamp("June 26, 2023 | 11:25 pm PT")
    (datetime.date(2024, 12, 27), datetime.date(2023, 6, 26))
    >>> news_stamp("Người Lao Động27/12/2024"), news_stamp("Hội Nghị Tổng Kết 12/9/2022")
    (datetime.date(2024, 12, 27), None)
    >>> news_stamp("By Vu Quoc Ngu | Aug 12, 2015"), news_stamp("Báo Thanh niên31/01/2024")
    (datetime.date(2015, 8, 12), datetime.date(2024, 1, 31))
    >>> news_stamp("Friday, December 27, 2024"), news_stamp("Held on December 27, 2024")
    (False, None)
    """
    if len(line) > 80:
        return None
    labelled = _TRAILING_LABEL.match(line)
    label = labelled.group(2).split() if labelled else []
    if label and all(w[0].isupper() for w in label) and fold(label[0]) not in _MERIDIEM:
        # "13/05/2015 13:58 Ngọc Quang": a byline or a section's name after the stamp
        stamp = news_stamp(labelled.group(1))
        if stamp:
            return stamp
    if (barred := _BAR_LABEL.match(line)) and (stamp := news_stamp(barred.group(1))):
        return stamp
    leading = _LEADING_LABEL.match(line) or _SECTION_BEFORE.match(line)
    if (
        leading
        # a byline ("PV - 15:21, 28/12/2022"), or a section's name before a stamp that
        # says it is one ("Sự kiện - Ngày đăng : 05:53, 31/05/2016")
        and (
            all(w[0].isupper() for w in leading.group(1).split())
            or (leading.group(1)[0].isupper() and _POSTED.match(fold(leading.group(2))))
        )
        and (stamp := news_stamp(leading.group(2)))
    ):
        return stamp
    if (glued := _GLUED_LABEL.match(line)) and line[0].isupper():
        return news_stamp(glued.group(2))  # (a paper's name glued: "Báo Thanh niên31/01/2024")
    if byline := _BYLINE.match(line):  # "By Vu Quoc Ngu | Aug 12, 2015"
        return news_stamp(line[byline.end() :]) or None
    folded = _MONTH_WORD.sub(lambda m: f"thang {_MONTHS[m.group(1)]}", fold(line))
    folded = english_as_dmy(folded)  # "December 27, 2024 | 09:41"
    folded = _SPACED_DATE.sub(r"\1/\2/\3", folded)  # "09 - 07 - 2024", "09 – 07 – 2024"
    folded = _SHORT_YEAR.sub(r"\1/\2/20\3\4", folded)  # "17/10/18 15:54"
    m = DMY.search(folded) or ISO_DATE.search(folded) or DATE_WORDS.search(folded)
    if not m:
        return None
    rest = folded[m.end() :]
    if m.re is not DATE_WORDS:  # "06/01/2020 | 1755": the view count after the bar
        rest = re.sub(r"\|\s*\d+\s*$", "", rest)
    if _STAMP_FILLER.sub("", folded[: m.start()] + " " + rest).strip():
        return None
    if _WEEKDAY.search(folded) and re.search(r"\d{1,2}:\d{2}\s*(?:sa|ch)\s*$", folded):
        return False  # "Chủ Nhật, 22/12/2024 15:45 CH": a page clock widget (SA/CH)
    if _WEEKDAY.search(folded) and not re.search(r"\d{1,2}:\d{2}|cap nhat|ngay dang", folded):
        return False  # "Thứ sáu, 16/04/2021": the day the page was shown, not the article's
    return parse_date(m.group(0)) or False
