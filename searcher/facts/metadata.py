"""Facets read out of an article: unit, level, province (then and since 2025), year,
meeting date, meeting types and reporting period, each with its evidence.

The jobs live in their own modules: ``spans`` (roles of spans: citations, guests,
furniture), ``when`` (dates as facts), ``units`` (organiser, level, province),
``types`` (meeting types, with ``events``: whether and what a text says was held),
``period`` (reporting period), ``combined`` (facts that read one another) and ``people``
(the chair and the attendees), into a ``record``; this one puts them together.

>>> from searcher.read.articles import Article, without_site_name
>>> title = "VKSND cấp cao tại Đà Nẵng tổ chức Hội nghị triển khai công tác năm 2022"
>>> m = extract(Article("x", title, "Sáng ngày 04/01/2022, tại trụ sở cơ quan."))
>>> m.level, m.province, m.year, m.meeting_types, m.meeting_date.isoformat()
('cấp cao', 'Đà Nẵng', 2022, ['triển khai'], '2022-01-04')
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date

from searcher.facts.combined import (
    award_ceremony,
    dated_event,
    launch_plan,
    launch_review,
    lessons_after_trial,
    named_back,
    party_year_review,
    period_reported,
    purpose_types,
    said_at_a_meeting,
    types_where_held,
    undated_year,
)
from searcher.facts.english import fill_from_english
from searcher.facts.foreign import fill_from_foreign
from searcher.facts.kinds import MEETING_TYPES
from searcher.facts.occasions import founding_anniversary_year, lunar_year
from searcher.facts.people import read_people
from searcher.facts.period import PERIODS, read_period, staff_conference_year
from searcher.facts.record import Evidence, Metadata
from searcher.facts.spans import fold_games, masked, unwrapped
from searcher.facts.types import another_body_held, meeting_types
from searcher.facts.units import BY_SITE, UnitReading, read_unit
from searcher.facts.when import LIMIT, DateReading, completed, earlier_year, read_dates
from searcher.facts.where import procuracy_site, site_host
from searcher.facts.years import (
    anniversary_year,
    body_year,
    congress_year,
    meeting_year_in_title,
    named_year_in_title,
    title_year,
)
from searcher.read.articles import Article, without_site_name
from searcher.vi.places import Gazetteer, gazetteer
from searcher.vi.text import fold

__all__ = ["LEVELS", "MEETING_TYPES", "PERIODS", "Evidence", "Metadata", "extract",
           "meeting_types"]  # fmt: skip

LEVELS = ("tối cao", "cấp cao", "tỉnh", "huyện", "khu vực", "quân sự")


LEAD_CHARS = 400


def lead_end(body: str) -> int:
    """Where the lead ends: about ``LEAD_CHARS`` in, at a word's end, so no name is cut in
    two ("… ngày 20/5/2025, V|iện kiểm sát nhân dân thành phố …").

    >>> body = "x" * 398 + " Viện kiểm sát nhân dân"
    >>> body[lead_end(body):], lead_end("short")
    (' Viện kiểm sát nhân dân', 5)
    """
    if len(body) <= LEAD_CHARS:
        return len(body)
    space = max(
        body.rfind(" ", LEAD_CHARS - 40, LEAD_CHARS + 1),
        body.rfind("\n", LEAD_CHARS - 40, LEAD_CHARS + 1),
    )
    return space if space > 0 else LEAD_CHARS


def extract(article: Article, g: Gazetteer | None = None, today: date | None = None) -> Metadata:
    """Every facet of one article, each with its evidence (``explain``)."""
    g = g or gazetteer()
    today = today or date.today()
    if _SENTENCE_TITLE.match(fold(article.title)):
        # a page scraped without its headline, its lead's first sentence standing as the
        # title ("Thực hiện Chỉ thị số 01/CT-VKSTC …, ngày 29/5/2015 VKSND tỉnh … tổ chức
        # phiên tòa …."): read as the lead it is (the article shown keeps its title)
        article = dataclasses.replace(article, title="", body=article.title + "\n" + article.body)
    # read: a hard-wrapped page's sentences whole, the headline without the site's name
    # ("… - Báo Hà Tĩnh"), a paragraph without its paper's tag ("(PLVN) - "); a summary under
    # such a tag is still read as one (``meeting_types`` is given the body as written)
    tagged = unwrapped(article.body)
    body = _PAPER_TAG.sub(_blank, tagged)
    article = dataclasses.replace(article, title=without_site_name(article.title), body=body)
    published = latest_published(article, today)  # a month stamp alone bounds the dates
    cut = lead_end(article.body)
    lead, rest = article.body[:cut], article.body[cut:]
    parts = {"title": article.title, "lead": lead, "body": rest}
    if article.author:
        parts["author"] = article.author
    if article.furniture:
        parts["furniture"] = article.furniture
    folded_parts = {where: fold_games(text) for where, text in parts.items()}  # folded once
    ex: dict[str, Evidence] = {}
    meta = Metadata(published=article.published)
    if article.published:
        ex["published"] = Evidence("the page's publication stamp", "furniture")

    folded = folded_parts["title"] + "\n" + folded_parts["lead"] + folded_parts["body"][:LIMIT]
    # a congress's day and month ("Chiều ngày 29/5, … Đại hội …") take the year of the term
    # it opens when the title names none, and so does its year when nothing else gives one
    congress = congress_year(folded_parts["title"], folded[: len(folded_parts["title"]) + 1201])
    reading = read_dates(
        article.title + "\n" + article.body,
        published,
        title_year(article.title) or congress,
        today,
        folded=folded,
        stamped=article.published,
    )
    # one reading of the spans: what a report says, without its citations and page furniture
    plain = masked(reading.folded, reading.spans, ("citation", "furniture"))
    if _listing(article):  # a tag's list of articles reports no event of its own
        meta.meeting_types = []
        ex["meeting_types"] = Evidence(article.url or article.title, "a tag's listing page")
    elif asked := _INTERVIEW.search(plain):  # questions put to a guest: no event reported
        meta.meeting_types = []
        ex["meeting_types"] = Evidence(plain[asked.start() : asked.end() + 60], "an interview")
    elif signed := _SIGNED_ARTICLE.search(plain, 0, 700):  # an author's article: no event
        meta.meeting_types = []
        ex["meeting_types"] = Evidence(plain[signed.start() : signed.end() + 60],
                                       "an author's article")  # fmt: skip
    else:
        meta.meeting_types = meeting_types(article.title, tagged, plain)
        ex["meeting_types"] = Evidence(article.title, "title and lead")
        own_site = procuracy_site(site_host(article.url))
        dated_event(meta, article.title, reading, plain, ex, own_site)
        said_at_a_meeting(meta, article.title, plain, ex)
    _dates(meta, article, ex, reading, today, published, congress)
    types_where_held(meta, article.title, reading, plain, ex)
    purpose_types(meta, article.title, plain, ex)
    named_back(meta, folded_parts["lead"], folded_parts["body"], ex)

    found = read_unit(parts, folded_parts, g, article.url, bool(meta.meeting_types))
    # a procuracy read as the organiser, or the publisher's province: not when the report
    # is another body's event (the province most named stays: where a general story is)
    by_site = found.province_from.startswith(BY_SITE)
    if (found.unit or by_site) and another_body_held(folded_parts["title"], folded_parts["lead"]):
        ex["level"] = Evidence(article.title, "another body's event",
                               [f"{found.unit or found.province}: a guest, a partner or the "
                                "site's province"])  # fmt: skip
        found = UnitReading()
    meta.unit, meta.level = found.unit, found.level
    if found.unit:
        ex["unit"] = ex["level"] = Evidence(found.unit_from, "organiser", found.rejected or [])
    year_start = date(meta.year, 1, 1) if meta.year else None
    held = meta.meeting_date or year_start or meta.published
    if found.district_before and held and held < found.district_before:
        meta.level = "huyện"  # "thành phố Huế" in 2024: a city of its province, not yet one
        role = f"a district-level city before {found.district_before:%d/%m/%Y}"
        ex["level"] = Evidence(found.unit_from, role, found.rejected or [])
    if found.province:
        when = meta.published or meta.meeting_date or year_start
        meta.province = g.display_province(found.province, when)
        ex["province"] = Evidence(found.province_from, "organiser's seat")
        province = g.province(found.province)
        meta.province_2025 = province.name_2025 if province else None
        ex["province_2025"] = Evidence(f"{found.province} in the 1 July 2025 merger table")
    elif found.level in ("tối cao", "quân sự"):
        ex["province"] = Evidence("a national or military unit has no province", "organiser")

    meta.period, meta.period_year, where = (
        read_period(article.title, article.body, meta.year, plain)
        if meta.meeting_types
        else (None, None, None)  # no event reported: no period reviewed
    )
    launch_review(meta, article.title, plain, ex)
    lessons_after_trial(meta, plain, ex)
    latest = published.year if published else meta.year or today.year
    award_ceremony(meta, article.title, plain, ex, latest)
    party_year_review(meta, article.title, plain, ex, latest)
    period_reported(meta, article.title, plain, ex)
    if meta.period is None and "cán bộ công chức" in meta.meeting_types:
        reviewed = staff_conference_year(article.title)
        if reviewed is not None:
            meta.period, meta.period_year = "năm", reviewed
            ex["period"] = Evidence(article.title, "the year a staff conference is named for")
    launch_plan(meta, article.title, plain, ex)
    undated_year(meta, article.title, plain, ex)
    if meta.period and where:
        text = article.title + "\n" + article.body
        ex["period"] = Evidence(_passage(text, *where), "reporting period")
    fill_from_english(meta, article.title, article.body, g, ex)  # an English edition's page
    fill_from_foreign(meta, article.title, article.body, ex, published, g)  # French, Chinese …
    meta.people = read_people(article.title, article.body)
    if meta.people.chair:
        ex["chair"] = Evidence(meta.people.chair.name, "the clause that says who chaired")
    meta.explain = ex
    return meta


# a paper's tag opening a paragraph ("(PLVN) - Năm 2020, …", "TPO - Ngày 3/1, …", "VOV.VN -"):
# its paragraph reads as it would without it (a paragraph's opening year, a dated act)
_PAPER_TAG = re.compile(
    r"(?m)^[ \t]*(?:\([^\W\d_][\w .]{0,24}\)|[A-ZĐ]{2,8}(?:\.VN)?)[ \t]*[-–—][ \t]*"
)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


# a sentence of basis or purpose, whole (its full stop) or longer than headlines run
_SENTENCE_TITLE = re.compile(
    r"\s*(?:thuc hien|can cu|nham|de)\b(?:.{0,400}\.\s*$|.{150})", re.DOTALL
)
_TAG_URL = re.compile(r"[/?&](?:tag|tags)[/=]", re.IGNORECASE)
_TAG_TITLE = re.compile(r"^\s*(?:tag archives|luu tru the|the)\s*:", re.IGNORECASE)


# an author's article the page presents ("Kiemsat.vn trân trọng giới thiệu bài viết của
# Thiếu tướng …", "Báo Biên phòng trân trọng giới thiệu bài viết của Đại tá …") or one that
# opens on its author's byline ("ThS. Trần Văn Sang" standing as the title): commentary
_SIGNED_ARTICLE = re.compile(
    r"\bgioi thieu bai viet cua\b|^\s*(?:ths|ts|pgs\.?\s*ts)\.\s*(?:[a-z]+ ?){2,5}\n"
)
# a reporter's question put to the interviewee ("Phóng viên: Thưa ông, …", "PV: Xin bà
# cho biết …"): an interview, whatever occasion it is published for
_INTERVIEW = re.compile(
    r"\b(?:phong vien|pv)\s*:\s*(?:kinh )?(?:thua|xin (?:ong|ba|dong chi)|ong|ba)\b"
)


def _listing(article: Article) -> bool:
    """A page listing the articles of a tag ("…/tag/vien-kiem-sat-nhan-dan", "?tag=…",
    "Tag Archives: Thanh tra"), not a report; one holding a single headline and its lead
    is that article ("/tag/7-thanh-nien-vu-an-oan.html": "… ngày 2/12, VKSND tỉnh Sóc
    Trăng xác nhận đã tạm ứng tiền bồi thường …")."""
    if not (_TAG_URL.search(article.url or "") or _TAG_TITLE.match(fold(article.title))):
        return False
    return sum(1 for line in article.body.splitlines() if line.strip()) > 1


def latest_published(article: Article, today: date) -> date | None:
    """The publication date, else the last day of the publication month a stamp gives
    alone ("date 2025-05": "Ngày 29-5" is 2025-05-29, the year 2025), never after
    ``today`` (a month still to come is no stamp at all)."""
    if article.published or not article.published_month:
        return article.published
    year, month = article.published_month
    if not (1 <= month <= 12 and 1900 < year <= today.year) or date(year, month, 1) > today:
        return None
    return min(date(year, month, calendar.monthrange(year, month)[1]), today)


def _dates(
    meta: Metadata,
    article: Article,
    ex: dict[str, Evidence],
    reading: DateReading,
    today: date,
    published: date | None,
    congress: int | None,
) -> None:
    """The meeting date and the year, with the candidates set aside; ``congress``: the year
    of the terms a congress names (``congress_year``)."""
    text = article.title + "\n" + article.body
    rejected = [f"{c.shown}: {c.rejected}" for c in reading.candidates if c.rejected]
    latest = published.year if published else today.year
    if not meta.meeting_types:  # a page that reports no event has no meeting date or year
        dates = [c.shown for c in reading.candidates if not c.rejected]
        ex["meeting_date"] = Evidence("", "no event reported", rejected + dates)
        return
    if (chosen := reading.chosen) and reading.meeting:
        meta.meeting_date = reading.meeting
        features = ", ".join(sorted(chosen.features))
        role = f"meeting date ({features}; year from {chosen.year_from})"
        ex["meeting_date"] = Evidence(_passage(text, chosen.start), role, rejected)
        meta.year = reading.meeting.year
        ex["year"] = Evidence("the meeting date", "meeting date")
        return
    if rejected:
        ex["meeting_date"] = Evidence("", "no meeting date", rejected)
    in_title = meeting_year_in_title(article.title)
    if not meta.meeting_types:
        return  # not a meeting report: no meeting year
    if published:
        meta.year = published.year
        ex["year"] = Evidence("the publication " + ("date" if article.published else "month"),
                              "furniture")  # fmt: skip
    elif in_title and in_title <= latest:
        meta.year = in_title
        ex["year"] = Evidence(article.title, "title")
    elif (named := named_year_in_title(article.title)) and named <= latest:
        meta.year = named
        ex["year"] = Evidence(article.title, "a meeting named for its year")
    elif year := anniversary_year(reading.spans, reading.folded, latest):
        meta.year = year
        ex["year"] = Evidence("the anniversary range", "anniversary")
    elif congress and congress <= latest:
        meta.year = congress
        ex["year"] = Evidence("the term the congress opens or closes", "congress")
    else:
        start = len(article.title) + 1
        year, where, role = body_year(reading.spans, reading.folded, start, latest)
        if year:  # "kết quả công tác Quý 1 năm 2023": the year only in the lead
            meta.year = year
            ex["year"] = Evidence(_passage(text, where), role)
        elif earlier := earlier_year(reading, latest):
            meta.year = earlier
            ex["year"] = Evidence("an earlier activity's date", "an earlier activity")
        else:
            _occasion_year(meta, article.title, text[:LIMIT], latest, ex)
    # a day and month in the year read otherwise; not a year a statistic of the lead ties to
    # a month ("tháng 7/2000"): on news pages that is a past one more often than not
    if meta.year and ex["year"].role != "lead" and (found := completed(reading, meta.year)):
        meta.meeting_date, chosen = found
        role = f"meeting date ({', '.join(sorted(chosen.features))}; year from {ex['year'].role})"
        ex["meeting_date"] = Evidence(_passage(text, chosen.start), role, rejected)


def _occasion_year(
    meta: Metadata, title: str, lead: str, latest: int, ex: dict[str, Evidence]
) -> None:
    """The last resort, when no date or year is written for the meeting: the year an
    occasion names (an anniversary of a founding, else a lunar new year)."""
    year, role = founding_anniversary_year(lead, latest), "the anniversary of a founding"
    if year is None:
        year, role = lunar_year(lead, latest), "the lunar new year it names"
    if year is not None:
        meta.year = year
        ex["year"] = Evidence(title, role)


def _passage(text: str, start: int, end: int | None = None) -> str:
    """The sentence around [start, end) of ``text``, for ``show --explain``."""
    end = start + 1 if end is None else end
    lo = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, start - 120, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min([*stops, end + 120, len(text), LIMIT])
    return " ".join(text[lo:hi].split())
