"""What an English page says was held, when, and for which period: the kinds of event in
English words ("a conference to review its work in 2023 and launch tasks for 2024" →
"tổng kết", "triển khai"), the lead's day ("on August 26", "On the afternoon of December 27",
"on Monday" under a stamp) and the period reviewed ("in 2023", "the first six months").

>>> english_event("HCM City procuracy reviews 2023 work", "The People's Procuracy held a "
...               "conference to review its work in 2023 and launch tasks for 2024.").types
['tổng kết', 'triển khai']
>>> day_of(english_day_match("The delegation arrived on the afternoon of December 27."))
(12, 27, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from searcher.facts.kinds import MEETING_TYPES
from searcher.vi.dates import ENGLISH_MONTH, ENGLISH_WEEKDAYS

_MONTH = r"(?P<month>" + "|".join(sorted(ENGLISH_MONTH, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(ENGLISH_WEEKDAYS) + r")"
# the lead's day: "on August 26", "On the afternoon of December 27", "on Monday, August 26,
# 2022", "on 3 January 2020", "on December 27 (VNA)"; not a day in a name or a range's end
# ("from June to August")
_DAY = re.compile(
    r"\b(?:(?:on|of)\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?|"
    r"this\s+(?:morning|afternoon|evening),?\s+)"  # "This morning, June 19, the …"
    r"(?:" + _WEEKDAY.replace("weekday", "wd") + r",?\s+)?"
    r"(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.replace("month", "month2")
    + r"(?:,?\s+(?P<year2>\d{4}))?)\b",
    re.IGNORECASE,
)
# a weekday alone ("… held a conference on Monday", "On Friday morning, …"), or a day said
# from the stamp's ("held yesterday", "today"): the latest such day not after the stamp
_WEEKDAY_ONLY = re.compile(r"\bon\s+" + _WEEKDAY + r"\b(?!,?\s+(?:\d|[a-z]+\s+\d))", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>yesterday|today)\b", re.I)


def english_day_match(text: str) -> re.Match | None:
    """Where the lead says something happened: the first day of the month that exists
    (1–31) ``_DAY`` reads."""
    return next((m for m in _DAY.finditer(text) if 1 <= int(m["day"] or m["day2"]) <= 31), None)


def day_of(m: re.Match) -> tuple[int, int, int | None]:
    """(month, day, year or None) of an ``english_day_match``."""
    month = ENGLISH_MONTH[(m["month"] or m["month2"]).lower()]
    year = m["year"] or m["year2"]
    return month, int(m["day"] or m["day2"]), int(year) if year else None


def day_from_stamp(text: str, stamp: date) -> tuple[date, re.Match] | None:
    """The day a lead names only by its weekday or as the stamp's ("on Monday", "held
    yesterday") under the stamp's day: the latest such day not after it.

    >>> day_from_stamp("The procuracy held a conference on Monday.", date(2024, 12, 27))[0]
    datetime.date(2024, 12, 23)
    >>> day_from_stamp("… at a conference held yesterday to review …", date(2022, 12, 29))[0]
    datetime.date(2022, 12, 28)
    """
    named = [m for m in (_WEEKDAY_ONLY.search(text), _RELATIVE.search(text)) if m]
    if not named:
        return None
    m = min(named, key=lambda m: m.start())
    if m.re is _WEEKDAY_ONLY:
        back = (stamp.weekday() - ENGLISH_WEEKDAYS.index(m["weekday"].lower())) % 7
    else:
        back = 1 if m["rel"].lower() == "yesterday" else 0
    return stamp - timedelta(days=back), m


# a paragraph that is no prose of the lead: a photo's caption, a stamp or a section's line
_CAPTION = re.compile(r"\(?photo\b|\bảnh\s*\d", re.I)


def lead_paragraphs(title: str, body: str, count: int = 2) -> str:
    """The lead's first ``count`` paragraphs of prose (not the title written again, a
    caption, a heading or a stamp), where its day is read (a day further down is a story's past:
    "… busted a gambling operation on 24 December 2013")."""
    out = []
    for line in body[:1500].splitlines():
        line = line.strip()
        if len(line) < 40 or line == title.strip() or _CAPTION.search(line) or "." not in line:
            continue  # (nor a heading: "Perfecting the organization of the 3-level Procuracy")
        out.append(line)
        if len(out) == count:
            break
    return "\n".join(out)


# an anniversary's span in the lead ("(March 26, 1931 - March 26, 2024)", "(July 26, 1960-
# 2025)"): the year the anniversary is marked, that of its day too when nothing else dates it
_ANNIVERSARY_SPAN = re.compile(
    r"\((?:[A-Za-z]+\.?\s+\d{1,2},?\s+)?\d{4}\s*[-–]\s*(?:[A-Za-z]+\.?\s+\d{1,2},?\s+)?"
    r"(\d{4})\)"
)


# the sector's N-th anniversary (founded on 26 July 1960: "the sector's 55th founding
# anniversary", "the 65th anniversary of the traditional day of the People's Procuracy")
_SECTOR_FOUNDED = 1960
_SECTOR_ANNIVERSARY = re.compile(
    r"\b(?:procura\w+|sector)['’]s\s+(\d{1,2})\s*(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary"
    r"|\b(\d{1,2})\s*(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\s+of\s+(?:the\s+)?"
    r"(?:(?:founding|traditional\s+day)\s+of\s+the\s+)?(?:\w+['’]s\s+)?(?:procura\w+|sector)",
    re.IGNORECASE,
)


def anniversary_year(text: str) -> int | None:
    """The year an anniversary's span in ``text`` ends in, or the sector's N-th anniversary
    falls in.

    >>> anniversary_year("the 93rd anniversary (March 26, 1931 - March 26, 2024), on …")
    2024
    >>> anniversary_year("a ceremony to mark the sector's 55 th founding anniversary")
    2015
    """
    if m := _ANNIVERSARY_SPAN.search(text):
        return int(m.group(1))
    if m := _SECTOR_ANNIVERSARY.search(text):
        return _SECTOR_FOUNDED + int(m.group(1) or m.group(2))
    return None


# a launch's year ("… held on December 29 to launch missions in 2018"): a day in its last
# quarter is the year before
_LAUNCHED_YEAR = re.compile(
    r"\b(?:launch\w*|deploy\w*|outlin\w*)\s+(?:\w+\s+){0,3}(?:in|for)\s+(\d{4})\b", re.I
)


def launch_year(text: str, month: int) -> int | None:
    """The year a day of ``month`` has at a launch that names the year it plans.

    >>> launch_year("a conference held on December 29 to launch missions in 2018", 12)
    2017
    """
    if (m := _LAUNCHED_YEAR.search(text)) is None:
        return None
    return int(m.group(1)) - (month >= 10)


# the kinds of event, in English words (each a type of the label guide)
_TYPES = {
    "tổng kết": r"\byear[- ]end\b|\breview(?:ed|s|ing)?\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:\d{4}\s+)?(?:work|performance|operations?|activities|results|implementation)\b|"
    r"\bsumm(?:ary|ari[sz]e\w*)\b",
    "sơ kết": r"\b(?:preliminary|mid-year|mid-term|six-month|half-year)\s+review\b",
    "triển khai": r"\b(?:launch\w*|deploy\w*|set\s+out|outlin\w*)\s+"
    r"(?:the\s+|its\s+)?(?:[\w’']+\s+){0,3}(?:tasks|work|plans?|missions)\b|"
    r"\bimplement\w*\s+(?:the\s+)?tasks\s+(?:for|in)\s+\d{4}\b",  # (the year's, not a work's)
    # a quarter's or a month's meeting ("a meeting to assess … in the second quarter")
    "giao ban": r"\bbriefing\b|\b(?:quarterly|monthly)\s+meeting\b|"
    r"\bmeeting\b[^.]{0,160}\b(?:first|second|third|fourth)\s+quarter\b",
    "Đảng": r"\bparty\s+(?:congress|committee['’]s\s+(?:conference|meeting)|cell\s+meeting)\b",
    "cán bộ công chức": r"\b(?:civil|public)\s+servants['’]?\s+conference\b",
    "tập huấn": r"\btraining\s+(?:course|session|conference|class|workshop)\b|"
    r"\brefresher\s+course\b",
    "hội thảo": r"\b(?:seminar|workshop|symposium|round[- ]?table|scientific conference)\b",
    "quán triệt": r"\bdisseminat\w*\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"(?:resolution|law|directive|conclusion)s?\b",
    "ký kết": r"\bsign(?:ed|s|ing)?\b[^.]{0,60}\b(?:agreement|regulation|memorandum|mou|"
    r"coordination|cooperation|joint circulars?)",
    "hội thi": r"\bcontest\b|(?<!sports )(?<!sport )\bcompetition\b",  # not a tournament
    "tuyên truyền": r"\blaw\s+day\b|\blegal\s+(?:education|dissemination|propaganda)\b|"
    r"\bmock\s+trial\b",
}
_COMPILED = {name: re.compile(p, re.IGNORECASE) for name, p in _TYPES.items()}
_EVENT = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|reception|received|hosted|held|inaugurat\w+|ceremony|conference|"
    r"meeting|working session|met with|launched|"
    # a ceremony, a dialogue ("the celebration of the 65th anniversary", "a dialogue
    # conference"); a case's step taken ("indicted", "issued an indictment", "charging",
    # "approved the arrest", "a public apology", "recommended sentences", an appellate hearing)
    r"receiving|celebrat\w+|anniversary|dialogue|work(?:ed|s)? with|reopen(?:ed|s)?|"
    # a tribute or a gift ("offered incense, flowers, and paid tribute", "handed over a house")
    r"offer(?:ed|s)?\s+incense|paid\s+tribute|handed\s+over|organi[sz](?:ed|es)|"
    r"indicted|indictment|charg(?:ed|ing)|prosecuted|apolog(?:y|ies|i[sz]ed?)|"
    r"approved\s+the\s+(?:arrest|decision)|recommend(?:ed|ing)?\s+(?:\w+\s+){0,2}sentences?|"
    r"hearing|trial|tried|sentenced|arrested|adopt(?:s|ed)|pass(?:es|ed)\s+the\s+law)\b",
    re.IGNORECASE,
)


@dataclass
class EnglishEvent:
    types: list[str] = field(default_factory=list)
    passage: str = ""


def english_event(title: str, body: str) -> EnglishEvent:
    """The kinds of event the title and the lead's first sentences name ("hosted a
    reception" → "khác", "signed a coordination regulation" → "ký kết")."""
    head = title + "\n" + body[:600]
    named = [(name, m) for name, pattern in _COMPILED.items() if (m := pattern.search(head))]
    types = sorted((name for name, _ in named), key=MEETING_TYPES.index)
    if "tổng kết" in types and (period := english_period(head)) and period[0] != "năm":
        types[types.index("tổng kết")] = "sơ kết"  # "review the work of the first 6 months"
    reviewed = launch_reviews(head)
    if "triển khai" in types and "tổng kết" not in types and reviewed:
        types = sorted([*types, "tổng kết"], key=MEETING_TYPES.index)  # the past year reported
    event = _EVENT.search(head)
    if not types and event:
        types = ["khác"]
    where = event or (named[0][1] if named else None)
    passage = head[max(0, where.start() - 80) : where.end() + 80] if where else ""
    return EnglishEvent(types, passage.replace("\n", " "))


# a launch's year ("tasks in 2024", "tasks for 2025") and the year before it reported at it
# ("the performance … in 2023", "its achievements … in 2024", "during the past year")
_LAUNCH_FOR = re.compile(r"\b(?:tasks|missions|work|plans?)\s+(?:in|for)\s+(\d{4})\b", re.I)


def launch_reviews(head: str) -> int | None:
    """The year a launch reports the results of, the one before the year it plans, when its
    lead speaks of it (the label guide's round 14 note: a review and a launch).

    >>> launch_reviews("… lauded its performance in 2023 … a conference to launch tasks in 2024")
    2023
    """
    if (m := _LAUNCH_FOR.search(head)) is None:
        return None
    past = int(m.group(1)) - 1
    said = re.search(rf"\bin\s+{past}\b|\b(?:past|previous|last)\s+year\b", head, re.I)
    return past if said else None


# the period a review names ("its work in 2023", "the first six months of 2024", "the first
# quarter of 2022"): (the label's period, its year)
_PERIOD = re.compile(
    r"\b(?:(?P<half>first (?:six|6) months|first half|(?:six|6) months)|"
    r"(?P<nine>(?:first )?(?:nine|9) months)|"
    r"(?P<quarter>first|second|third|fourth) quarter)\s+of\s+(?:the\s+year\s+)?(?P<y1>\d{4})"
    r"|\b(?:work|performance|results|activities)\s+(?:in|of)\s+(?P<y2>\d{4})\b"
    r"|\breview\w*\s+(?:the\s+|its\s+)?(?P<y3>\d{4})\s+(?:work|performance|results)\b",
    re.IGNORECASE,
)
_QUARTERS = {"first": "quý I", "second": "quý II", "third": "quý III", "fourth": "quý IV"}


def english_period(head: str) -> tuple[str, int] | None:
    """The period a review's lead names.

    >>> english_period("a conference to review its work in 2019")
    ('năm', 2019)
    >>> english_period("reviewed the first six months of 2024")
    ('6 tháng', 2024)
    """
    m = _PERIOD.search(head)
    if m is None:
        return None
    if m["y2"] or m["y3"]:
        return "năm", int(m["y2"] or m["y3"])
    name = "6 tháng" if m["half"] else "9 tháng" if m["nine"] else _QUARTERS[m["quarter"].lower()]
    return name, int(m["y1"])
