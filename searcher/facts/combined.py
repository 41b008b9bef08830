r"""Facts that read one another: a meeting's types and its reporting period, once the
date, the title and the lead are read.

- the types named where the meeting date says what was held join those of the title and
  the lead ("Ngày 07/02/2020, Đảng ủy đã tổ chức Hội nghị tập huấn …" → tập huấn);
- a launch where the past year's review is presented is that year's review too;
- a unit's award reception ("đón nhận Huân chương …") is an event of its own beside the
  conference it is held at;
- a conference named by nothing but the report of a period's results it hears is that
  period's sơ kết;
- a launch that reviews nothing reports on the year it plans;
- a trial followed by a meeting that draws its lessons is that meeting too.

Each changes ``meta`` in place and records its evidence in ``ex``.

>>> from searcher.facts.record import Metadata
>>> meta, ex = Metadata(meeting_types=["triển khai"]), {}
>>> launch_plan(meta, "Triển khai công tác năm 2026", "trien khai cong tac nam 2026\n", ex)
>>> meta.period, meta.period_year
('năm', 2026)
"""

from __future__ import annotations

import re

from searcher.facts.events import EVENT, organiser_clause
from searcher.facts.kinds import MEETING_TYPES, clause_types, lead_types
from searcher.facts.period import (
    PERIODS,
    launched_year,
    lead_of,
    period_reported_at,
    results_headline,
    review_at_launch,
    year_reviewed_at,
)
from searcher.facts.record import Evidence, Metadata
from searcher.facts.spans import first_sentence, sentence_start
from searcher.facts.types import (
    ceremony_received,
    names_procuracy,
    retrospective,
    with_types_where_held,
)
from searcher.facts.when import ANY_YEAR, DateReading


def types_where_held(
    meta: Metadata, title: str, reading: DateReading, plain: str, ex: dict[str, Evidence]
) -> None:
    """The types named where the meeting date says what was held, added to those of the
    title and the lead (``with_types_where_held``)."""
    chosen = reading.chosen if meta.meeting_date else None  # none on a page with no event
    if chosen is None or not chosen.features.get("organised"):
        return
    sentence = first_sentence(plain[chosen.start :])
    types = with_types_where_held(meta.meeting_types, title, sentence)
    if types != meta.meeting_types:
        meta.meeting_types = types
        ex["meeting_types"] = Evidence(sentence, "title, lead and the dated organiser clause")


# the meeting's stated purpose ("Hội nghị cũng nhằm phổ biến, quán triệt … Luật đặc xá")
_PURPOSE = re.compile(
    r"(?:^|\n|\. )hoi nghi (?:cung |con )?(?:nham|de|co nhiem vu)\b([^.;\n]{0,160})"
)


def purpose_types(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """What a sentence whose subject is the meeting says it is for ("Hội nghị cũng nhằm phổ
    biến, quán triệt … Luật …") adds to the types of a meeting already read."""
    if not meta.meeting_types or meta.meeting_types == ["khác"]:
        return
    added = [t for m in _PURPOSE.finditer(lead_of(title, plain)) for t in lead_types(m.group(1))
             if t not in meta.meeting_types]  # fmt: skip
    if added:
        meta.meeting_types = sorted({*meta.meeting_types, *added}, key=MEETING_TYPES.index)
        ex["meeting_types"] = Evidence(title, "title, lead and the meeting's stated purpose")


# the event named back by its kind ("Tại buổi tuyên truyền, …", "Tại lớp tập huấn, …")
_NAMED_BACK = re.compile(r"(?:^|\n|\. )tai ((?:buoi|lop|hoi nghi|le|cuoc) [^.,;:\n]{3,40})")


def named_back(meta: Metadata, lead: str, rest: str, ex: dict[str, Evidence]) -> None:
    """An event read with no kind ("… phối hợp tổ chức" at a line's end) takes the kind a
    later sentence names it by ("Tại buổi tuyên truyền, đồng chí … giới thiệu …"), in the
    first 1,500 letters of the (folded) ``lead`` and the ``rest`` of the body after it."""
    if meta.meeting_types != ["khác"]:
        return
    head = lead[:1500]
    head += "\n" + rest[: 1499 - len(head)] if len(head) < 1500 else ""
    for m in _NAMED_BACK.finditer(head):
        if named := lead_types(m.group(1)):
            meta.meeting_types = named
            ex["meeting_types"] = Evidence(m.group(0).strip(". \n"), "the event named back")
            return


def _review_period(meta: Metadata, reviewed: int, ex: dict[str, Evidence], passage: str) -> None:
    """A meeting found to review the year ``reviewed`` has it as its period, unless one was
    read already."""
    if meta.period is None:
        meta.period, meta.period_year = "năm", reviewed
        ex["period"] = Evidence(passage, "reporting period")


def launch_review(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """A launch meeting where the past year's review is presented is also that year's
    review ("triển khai công tác năm 2023 … báo cáo tổng kết công tác năm 2022")."""
    types = meta.meeting_types
    if "triển khai" not in types or "tổng kết" in types:
        return
    if (reviewed := review_at_launch(title, plain, meta.year)) is None:
        return
    meta.meeting_types = sorted([*types, "tổng kết"], key=MEETING_TYPES.index)
    ex["meeting_types"] = Evidence(title, "launch where the past year is reviewed")
    _review_period(meta, reviewed, ex, f"the review of {reviewed} at the launch")


def award_ceremony(
    meta: Metadata, title: str, plain: str, ex: dict[str, Evidence], latest: int
) -> None:
    """A unit's ceremony of receiving an award ("VKSND tỉnh … đón nhận Huân chương …") is an
    event of its own ("khác") beside the conference it is held at, and a conference whose
    lead presents the past year's results ("Năm 2021, ngành Kiểm sát tỉnh … đã …") reviews
    that year, not after ``latest``."""
    types = meta.meeting_types
    if not types or not ceremony_received(title):
        return
    added = {"khác"}
    reviewed = (None if {"tổng kết", "sơ kết", "triển khai"} & set(types)
                else year_reviewed_at(title, plain, latest))  # fmt: skip
    if reviewed is not None:
        added.add("tổng kết")
        _review_period(meta, reviewed, ex, f"the results of {reviewed} presented")
    merged = sorted(set(types) | added, key=MEETING_TYPES.index)
    if merged != types:
        meta.meeting_types = merged
        ex["meeting_types"] = Evidence(title, "an award's ceremony, and the conference it is at")


def party_year_review(
    meta: Metadata, title: str, plain: str, ex: dict[str, Evidence], latest: int
) -> None:
    """A Party committee's conference whose lead presents a year's results ("Hội nghị Ban
    cán sự Đảng mở rộng năm 2020 … tóm tắt, đánh giá kết quả công tác kiểm sát năm 2020")
    reviews that year as well, not after ``latest``."""
    if meta.meeting_types != ["Đảng"]:
        return
    if (reviewed := year_reviewed_at(title, plain, latest)) is None:
        return
    meta.meeting_types = ["tổng kết", "Đảng"]
    ex["meeting_types"] = Evidence(title, "a Party conference hearing the year's results")
    _review_period(meta, reviewed, ex, f"the results of {reviewed} presented")


def period_reported(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """A conference named by nothing but its report of a period's results ("Tại Hội
    nghị, … Báo cáo tóm tắt kết quả công tác … trong 9 tháng năm 2020") reviews that
    period: a sơ kết of a quarter, six or nine months."""
    if meta.meeting_types != ["khác"]:
        return
    found = period_reported_at(title, plain, meta.year) if meta.period is None else None
    # or the title heads them ("… đạt, vượt chỉ tiêu công tác 6 tháng đầu năm 2025")
    if found is None and (found := results_headline(title, plain, meta.year)) is None:
        return
    period, year = found
    if period.startswith("tháng"):
        return  # a month's results are heard at a giao ban, not reviewed
    meta.meeting_types = ["tổng kết" if period == "năm" else "sơ kết"]
    meta.period, meta.period_year = period, year
    ex["meeting_types"] = ex["period"] = Evidence(title, "a conference hearing a period's report")


def launch_plan(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """A launch that reviews nothing reports on the year it plans ("Hội nghị triển khai công
    tác năm 2026" → năm 2026)."""
    if meta.period is not None or "triển khai" not in meta.meeting_types:
        return
    if (planned := launched_year(title, plain)) is not None:
        meta.period, meta.period_year = "năm", planned
        ex["period"] = Evidence(f"the year {planned} the launch plans", "reporting period")


# periods reviewed within their own year: a sơ kết of "9 tháng năm 2019" is held in the
# autumn of 2019; a year's, a fourth quarter's or December's review may be held in the
# January after, so those give no year
_WITHIN_YEAR = set(PERIODS) - {"năm", "quý IV", "tháng 12"}


# the emulation pact of a year ("ký kết giao ước thi đua năm 2020"), signed as the year
# begins, as a launch plans it: the meeting is filed under that year
_PACT_YEAR = re.compile(r"\bgiao uoc thi dua\b[^.;\n]{0,20}?\bnam (\d{4})\b")
# the results of the first months of a year ("báo cáo kết quả công tác kiểm sát trong 05 tháng
# đầu năm 2024") are heard within that year; not the end of a span ("từ năm 2015 đến hết 6
# tháng đầu năm 2020") nor a comparison ("so với 6 tháng đầu năm 2022")
_FIRST_MONTHS = re.compile(
    r"(?<!het )(?<!den )(?<!so voi )(?<!cung ky )\b(?:0?[1-9]|1[01]) thang dau nam (\d{4})\b"
)
# what a unit does "carrying out its work plan (or programme) of year N" (a reason clause
# opening the lead's sentence: "Thực hiện Kế hoạch công tác kiểm sát năm 2026; vừa qua,
# VKSND …", "thực hiện kế hoạch công tác tuyên truyền pháp luật năm 2019, VKSND tỉnh đã …",
# "Thực hiện chương trình công tác Thanh tra năm 2021, …"), or
# the year's directive on the sector's work ("…, thực hiện Chỉ thị của Viện trưởng VKSND
# tối cao về công tác của ngành KSND năm 2020; …") is done in that year, the plan's own;
# not a numbered document's date, which is blanked
_WORK_PLAN_YEAR = re.compile(
    r"(?:^|\n|[.;:,]\s)\s*thuc hien (?:theo )?"
    r"(?:(?:ke hoach|chuong trinh) cong tac (?:[a-z]+,? ){0,6}?|"
    r"chi thi\b[^.;\n]{0,60}?\bcong tac\b[^.;\n]{0,40}?)nam (\d{4})\b"
)


def undated_year(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """The year of a meeting no date, stamp or written year places, from what it plans or
    reviews: a launch is filed under the year it plans ("Hội nghị triển khai công tác năm
    2022", held that January or the December before), a review of a period shorter than
    the year under that period's year ("sơ kết công tác 9 tháng năm 2019" → 2019), the
    signing of a year's emulation pact under that year ("ký kết giao ước thi đua năm
    2020" → 2020). A title
    that names the year reviewed beside the one planned ("Tổng kết công tác năm 2017,
    triển khai công tác năm 2018") says the meeting sits between them: no year."""
    if meta.year is not None or meta.meeting_date is not None or not meta.meeting_types:
        return
    planned = launched_year(title, plain) if "triển khai" in meta.meeting_types else None
    if planned is None and "ký kết" in meta.meeting_types:
        pact = _PACT_YEAR.search(plain)  # a year's emulation pact, signed as it begins
        planned = int(pact.group(1)) if pact else None
    if planned and set(ANY_YEAR.findall(plain[: len(title)])) <= {str(planned)}:
        meta.year = planned
        ex["year"] = Evidence(f"the year {planned} the launch plans", "planned year")
    elif plan := _WORK_PLAN_YEAR.search(plain, len(title)):
        meta.year = int(plan.group(1))
        ex["year"] = Evidence(plan.group(0).strip(), "the year of the work plan it carries out")
    elif months := _FIRST_MONTHS.search(plain):
        meta.year = int(months.group(1))
        ex["year"] = Evidence(months.group(0), "the first months of the year reported")
    elif meta.period in _WITHIN_YEAR and meta.period_year is not None:
        meta.year = meta.period_year
        ex["year"] = Evidence(f"the {meta.period} of {meta.period_year} reviewed",
                              "reporting period")  # fmt: skip


def dated_event(
    meta: Metadata,
    title: str,
    reading: DateReading,
    plain: str,
    ex: dict[str, Evidence],
    own_site: bool = False,
) -> None:
    """A report whose title and first sentence hold no event, but whose lead has a dated
    clause that opens its sentence and says what was held ("Chiều 25/6, tại TP Quảng Ngãi,
    VKSND tối cao tổ chức lễ công bố quyết định …" under a summary of the appointment;
    "Trong hai ngày 12 và 13/10/2022, Đoàn kiểm tra … đã tiến hành kiểm tra" after a
    sentence of citations): that event is the report's. ``own_site``: the page is a
    procuracy's own, whose units need not name the procuracy."""
    chosen = reading.chosen
    if meta.meeting_types or chosen is None or chosen.start <= len(title):
        return  # a date in the title was read with the title
    if not {"organised", "time_of_day"} & chosen.features.keys():
        return  # "(… phát hành ngày 15/4/2020)": a date, not an occasion
    heading = plain[: len(title)]
    sentence = first_sentence(plain[sentence_start(plain, chosen.start) :])
    # a page's title, else (none, or the site's banner: furniture) the dated sentence itself;
    # on a procuracy's own site its units go by their own names ("Chi bộ Viện 4: …")
    named = own_site or names_procuracy(heading if heading.strip() else sentence)
    if not named or retrospective(heading):
        return  # a general story's or a profile's dated sentence reports no meeting
    if not EVENT.search(sentence):
        return
    meta.meeting_types = clause_types(sentence, organiser_clause(sentence)) or ["khác"]
    ex["meeting_types"] = Evidence(sentence, "the dated sentence of the lead")


# after the trial its participants meet to draw its lessons ("Sau khi kết thúc phiên tòa,
# các thành phần tham dự đã họp rút kinh nghiệm …", "Kết thúc phiên tòa, đơn vị đã tổ chức
# họp rút kinh nghiệm"): a meeting, not the trial's kind
_LESSONS_AFTER_TRIAL = re.compile(
    r"\b(?:sau (?:khi )?(?:ket thuc )?phien toa(?: ket thuc)?|ket thuc phien toa)\b[^.;\n]{0,160}?"
    r"\b(?:hop|phien hop|cuoc hop|to chuc)\b[^.;\n]{0,80}?\brut kinh nghiem\b"
)


# a title that reports a trial held ("Viện kiểm sát tổ chức phiên tòa rút kinh nghiệm …")
_TRIAL_HELD = re.compile(r"[^\n]*\b(?:to chuc|mo|xet xu)\b[^\n]{0,20}\bphien toa\b")


def lessons_after_trial(meta: Metadata, plain: str, ex: dict[str, Evidence]) -> None:
    """A reported trial after which a meeting drew its lessons is also "rút kinh nghiệm"
    (a "phiên tòa rút kinh nghiệm" alone is a kind of trial, not that meeting).
    ``plain``: folded, citations blanked."""
    types = meta.meeting_types
    # the trial reported is an event of its own ("khác"), or the title says one was held
    # ("Viện kiểm sát tổ chức phiên tòa rút kinh nghiệm …", its lessons meeting read alone);
    # a review of such trials ("sơ kết tổ chức phiên tòa rút kinh nghiệm") says what is done
    # after each, no meeting it reports
    held = "khác" in types or (types == ["rút kinh nghiệm"] and _TRIAL_HELD.match(plain))
    if not held or {"khác", "rút kinh nghiệm"} <= set(types):
        return
    if (m := _LESSONS_AFTER_TRIAL.search(plain)) is None:
        return
    meta.meeting_types = sorted({*types, "khác", "rút kinh nghiệm"}, key=MEETING_TYPES.index)
    ex["meeting_types"] = Evidence(plain[m.start() : m.end()], "a meeting after the trial")


# the meeting named only where something was said or done at it ("Phát biểu tại hội nghị,
# đồng chí …", "… đã được các đại biểu trao đổi tại hội nghị"): a report of that meeting
_AT_MEETING = re.compile(
    r"\b(?:tai|phat bieu (?:khai mac |be mac |chi dao )?tai|ket luan)\s+"
    r"(?:(?P<seminar>hoi thao|toa dam|buoi toa dam)|hoi nghi|buoi lam viec)\b"
)


def said_at_a_meeting(meta: Metadata, title: str, plain: str, ex: dict[str, Evidence]) -> None:
    """A procuracy's report whose title and first sentence name no event, but whose lead
    tells what was said at a meeting, reports that meeting: "hội thảo" for a seminar, else
    "khác" (no page of no event speaks of what was said "tại hội nghị")."""
    if meta.meeting_types or not names_procuracy(plain):
        return
    if at := _AT_MEETING.search(plain, len(title)):
        meta.meeting_types = ["hội thảo" if at.group("seminar") else "khác"]
        ex["meeting_types"] = Evidence(at.group(0), "said or done at a meeting")
