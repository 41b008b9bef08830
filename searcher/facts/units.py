"""Units and places: who organised the meeting, its level and its province.

Every unit named is weighed by where it is named (title, banner, lead, body), whether
its clause organises ("VKSND huyện Chợ Lách tổ chức …") or it is a guest's
affiliation ("Phó Viện trưởng VKSND tỉnh Bến Tre tới dự"); the heaviest is the
organiser. National and military units have no province: "tại Hà Nội" is where they
met.

>>> from searcher.vi.places import gazetteer
>>> from searcher.vi.text import fold
>>> title = "VKSND huyện Chợ Lách tổ chức hội nghị"
>>> found = read_unit({"title": title}, {"title": fold(title)}, gazetteer())
>>> found.unit, found.level, found.province
('VKSND huyện Chợ Lách', 'huyện', 'Bến Tre')
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from searcher.facts.spans import (
    DOC_KINDS,
    PARTNER,
    PROSECUTION_STEP,
    citations_near,
    guest_lists,
)
from searcher.facts.unit_names import (
    ABROAD,
    MENTION,
    UNNAMED_CITY,
    UNNAMED_CITY_MENTION,
    Unit,
    custody_supervisor,
    name_end,
    provincial,
    unit_of,
)
from searcher.facts.where import procuracy_site, province_counts, site_host, site_province
from searcher.vi.places import Gazetteer

# the sector as a whole ("trong toàn Ngành", "toàn ngành Kiểm sát nhân dân") in a text about
# the procuracy's work ("kiểm sát"), not another sector's ("toàn ngành y tế")
_WHOLE_SECTOR = re.compile(
    r"(?=[^\0]*\bkiem sat\b)[^\0]*?\btoan nganh\b(?!\s+(?:y te|giao duc|tai chinh|ngan hang|"
    r"cong an|toa an|tu phap|thue|hai quan|dien|nong nghiep|van hoa|du lich|cong thuong|"
    r"xay dung|giao thong|thanh tra|bao hiem|lao dong|tai nguyen|quan doi)\b)"
)
# the sector named as a whole ("gian trưng bày của ngành Kiểm sát nhân dân"): its own
# event, when the page reports one and names no unit (a page on the sector's history is
# about no unit)
_SECTOR_NAMED = re.compile(r"\bnganh kiem sat nhan dan\b")
_WEIGHTS = {"title": 100.0, "furniture": 30.0, "author": 20.0, "lead": 10.0, "body": 1.0}
# a site's banner or owner line ("Trang tin của Viện kiểm sát nhân dân tỉnh Bến Tre")
_BANNER = re.compile(r"\b(?:trang tin|trang thong tin|cong thong tin|website|www)\b|\.gov\.vn")
_INSERTED = re.compile(
    r"\s*\((?:vksnd|ksnd|vks|vksndtc|vkstc)\)"
)  # "Viện kiểm sát nhân dân (VKSND) tỉnh"
# the unit organises: "VKSND huyện Chợ Lách (đã) tổ chức …"
# or visits: "Phó Viện trưởng VKSND tỉnh Quảng Trị đến thăm và làm việc với …" is the
# province's visit, whatever unit it calls on
_ORGANISER_AFTER = re.compile(
    r"^[^.;,]{0,40}?\b(?:da\s+)?"
    r"(?:to chuc|khai mac|tien hanh|phoi hop|(?:den |ve )?tham va lam viec|"
    # a case's step the unit takes ("Cơ quan điều tra VKSND tối cao khởi tố, bắt tạm giam
    # …", "VKSND tỉnh An Giang ban hành cáo trạng truy tố …"): its own act
    r"ban hanh khang nghi|" + PROSECUTION_STEP + r")\b"
)
# a unit that attends ("Phó Viện trưởng VKSND tối cao Nguyễn Văn An dự và chỉ đạo Hội nghị …
# của VKSND tỉnh …", "Lãnh đạo VKSND tỉnh tới dự lễ …"): a guest, wherever it is named ("dự"
# before the event it attends: not "dự án", "dự thảo", "dự kiến")
_ATTENDS_AFTER = re.compile(
    r"^[^.;,:]{0,40}?\b(?:tham |toi |den |ve )?du (?:va (?:chi dao|phat bieu|trao)|hoi nghi|"
    r"le|buoi|dai hoi|cuoc|phien|chuong trinh|hoi thao|toa dam|lop|tong ket|so ket|"
    r"giao ban|trien khai)\b"
)
# the event's owner ("… dự Hội nghị tổng kết công tác năm 2022 của VKSND tỉnh …"): who
# holds it, not a guest's affiliation ("Dự hội nghị có đại diện lãnh đạo của VKSND …")
_EVENT_OWNER_BEFORE = re.compile(
    r"\b(?:hoi nghi|dai hoi|hoi thao|toa dam|hoi thi|le ky niem)\b"
    r"(?:(?!\b(?:co|du|dai dien|lanh dao|thay mat|moi|voi|tai|cung)\b)[^.;:,\n]){0,60}?\bcua\s*$"
)
# a person's affiliation ("Phó Viện trưởng VKSND tối cao … tới dự") is a guest, not the organiser
_GUEST_BEFORE = re.compile(
    r"\b(?:vien truong|kiem sat vien|vu truong|truong phong|chanh van phong|lanh dao|dai dien|"
    r"giang vien|bao cao vien)\s*$"
)
# a training's audience ("… cho cán bộ, Kiểm sát viên Viện kiểm sát nhân dân TP HCM"): whom
# it is held for, not who holds it
_AUDIENCE_BEFORE = re.compile(
    r"\bcho (?:cac |toan the )?(?:can bo|cong chuc|hoc vien|kiem sat vien|doan vien)"
    r"(?:,? (?:va )?(?:can bo|cong chuc|kiem sat vien|kiem tra vien|chuyen vien))*\s*(?:cua\s*)?$"
)
# a partner: "Trường … phối hợp với Viện kiểm sát nhân dân TP HCM tổ chức lớp …" is the
# school's class, held with the procuracy
_PARTNER_BEFORE = re.compile(PARTNER + r"\s*$")
# the approver of another body's decision ("các quyết định trên đã được VKSND tỉnh Lào Cai
# phê chuẩn", "đề nghị Viện kiểm sát cùng cấp phê chuẩn"): the police's act, reported in
# passing; a unit named only so is not the page's (its own statistic, "VKSND thành phố phê
# chuẩn 500 lệnh", stays its work)
_APPROVER_BEFORE = re.compile(r"\b(?:duoc|de nghi)\s*$")
_APPROVES = re.compile(r"[^.;,]{0,80}?\bphe chuan\b")  # from the unit's name on
# a source that tells another's news ("Viện KSND tỉnh Đồng Nai cho biết: Ngày 20.5, Công an
# huyện … đã bắt …"), not its own act ("… cho biết vừa ban hành …", "cho biết, đơn vị đã phê
# chuẩn …", "cho biết Phòng 8 (VKSND tỉnh) đã trực tiếp kiểm sát …"): read after the name
_TELLS = re.compile(r"[^.;,:]{0,40}?\b(?:cho biet|thong tin)\b")
_OWN_ACT = re.compile(  # its verb comes before anyone else is named
    r"(?:(?!\b(?:cong an|toa an|tand|co quan (?!nay)|ubnd|bi can|bi cao|doi tuong)\b)[^.;])"
    r"{0,100}?\b(?:da|vua|dang|se)\b"
)
# an emulation cluster ("Cụm thi đua") is run by its head unit; the unit named after the
# cluster's number is the one it belongs to, often a level above its members
_CLUSTER_HEAD = re.compile(r"(?:(?!vksnd|vien k)[^.;]){0,80}?\bcum truong\b")
_CLUSTER_BEFORE = re.compile(r"\b(?:cum|khoi) thi dua(?: so)?\s*[0-9ivx]*\s*[-–(]?\s*(?:cua\s+)?$")
# a document's issuer, cited without a number ("bám sát … Kế hoạch của VKSND TP Hà Nội",
# "theo Hướng dẫn của Viện trưởng VKSND tỉnh"): whose paper is carried out, not who meets
_ISSUER_BEFORE = re.compile(
    r"\b(?:" + "|".join(DOC_KINDS) + r")\b[^.;:\n]{0,40}?\b(?:cua|do)\s+"
    r"(?:(?:vien truong|lanh dao|ban can su dang|dang uy)\s+)?$"
)
# an online conference's main bridge point is its host's seat ("nối điểm cầu chính tại trụ
# sở VKSND tối cao tới hơn 800 điểm cầu", "điểm cầu trung tâm VKSND tỉnh"): the organiser
_MAIN_BRIDGE_BEFORE = re.compile(
    r"\bdiem cau (?:chinh|trung tam)\s*(?:dat\s+)?(?:tai\s+|tu\s+)?(?:tru so\s+)?(?:cua\s+)?$"
)
# where, or whom a visit calls on ("… đến thăm và làm việc với VKSND thị xã Quảng Trị")
_VENUE_BEFORE = re.compile(
    r"\b(?:tai|den|toi|ve)\s+(?:(?:hoi truong|tru so|phong hop)\s+)*(?:cua\s+)?$|"
    r"\b(?:tham|lam viec) (?:voi|tai)\s*$|"
    # the building's owner ("lễ khởi công xây dựng trụ sở Viện kiểm sát nhân dân huyện Kiến
    # Xương", held by the province's procuracy)
    r"\btru so (?:lam viec )?(?:moi )?(?:cua )?$"
)  # "tại Hội trường VKSND tỉnh": the venue
# a school applied to or entered ("thí sinh dự tuyển vào Trường Đại học Kiểm sát Hà Nội"): what
# the candidates enter, never who acts
_ENTERED_BEFORE = re.compile(r"\b(?:tuyen sinh|du tuyen|du thi|thi|hoc|nhap hoc) vao\s+$")


@dataclass
class Metadata:
    unit: str | None = None


def _mentions(
    parts: dict[str, str], folded_parts: dict[str, str], g: Gazetteer
) -> tuple[dict[Unit, float], dict[Unit, str]]:
    """Each unit named, with a weight (where it is named, whether it organises or is a
    guest's affiliation) and the passage that shows it best: where it organises, else
    where it weighs most."""
    scores: dict[Unit, float] = defaultdict(float)
    subject: set[Unit] = set()  # named once at least other than as another's approver
    where_named: dict[Unit, str] = {}
    heaviest: dict[Unit, tuple[bool, float]] = {}
    for where, text in parts.items():
        folded = folded_parts[where]
        if "–" in folded or "—" in folded:  # "Bà Rịa – Vũng Tàu": one dash for names
            folded = folded.replace("–", "-").replace("—", "-")
        if "(" in folded:
            folded = _INSERTED.sub("", folded)
        original = text if len(folded) == len(text) else ""
        named = list(MENTION.finditer(folded))
        if not named:
            continue
        citations = [(s.start, s.end) for s in citations_near(folded, [m.start() for m in named])]
        guests = guest_lists(folded) if where == "lead" else []
        breaks = [b.start() for b in re.finditer("\n", folded)]  # found once: linear
        banners = [(b.start(), b.end()) for b in _BANNER.finditer(folded)]
        for m in named:
            unit = unit_of(m, original, g)
            if unit is None:
                continue
            weight = _WEIGHTS[where]
            if where != "title" and folded.startswith("nganh", m.start()):
                # "về phía ngành Kiểm sát tỉnh …" in the text: a participant, the organiser
                # only when no procuracy is named ("ngành Kiểm sát tỉnh … đã tổ chức cuộc thi")
                weight *= 0.01
            after = folded[(end := name_end(m)) : end + 60]  # what the unit does
            if ABROAD.match(after):
                continue  # "VKSND tỉnh Hà Nam, Trung Quốc": another country's, no unit of ours
            bridge = _MAIN_BRIDGE_BEFORE.search(folded, max(0, m.start() - 40), m.start())
            organises = bool(
                _ORGANISER_AFTER.search(after)
                or bridge
                or _EVENT_OWNER_BEFORE.search(folded, max(0, m.start() - 90), m.start())
            )
            if (unit.level in ("tối cao", "quân sự") and where not in ("title", "furniture")
                    and not organises):  # fmt: skip
                weight *= 0.05  # "Chỉ thị của Viện trưởng VKSND tối cao": a reference
            if any(s <= m.start() < e for s, e in citations) or _ISSUER_BEFORE.search(
                folded, max(0, m.start() - 70), m.start()
            ):
                weight *= 0.05  # "Kế hoạch số 72/KH-VKSTC … của VKSND tối cao": an issuer
            if not unit.provinces and unit.level in ("tỉnh", "huyện"):
                weight *= 0.3  # "VKSND tỉnh", "VKSND huyện" unnamed: weak evidence of its own
            before = folded[max(0, m.start() - 30) : m.start()]
            approver = _APPROVER_BEFORE.search(before) and _APPROVES.match(folded, m.start())
            tells = _TELLS.match(folded, end)
            if not (approver or (tells and not _OWN_ACT.match(folded, tells.end()))):
                subject.add(unit)
            if _banner_on_line(breaks, banners, m.start()):
                weight *= 0.05  # the site's name, not the article's unit
            elif _CLUSTER_HEAD.match(folded, m.start() + 5, m.start() + 100):
                weight *= 5  # "VKSND huyện Đức Hòa - đơn vị Cụm trưởng": heads the cluster
            elif _AUDIENCE_BEFORE.search(before):
                weight *= 0.1  # "tập huấn … cho cán bộ, Kiểm sát viên VKSND …": its audience
            elif _PARTNER_BEFORE.search(before):
                pass  # "… phối hợp với VKSND … tổ chức": the partner of who organises
            elif organises:
                weight *= 9 if bridge else 3  # organises or chairs; hosts the main bridge
            elif _ATTENDS_AFTER.search(after):
                weight *= 0.1  # attends another's event
            elif _GUEST_BEFORE.search(before):
                weight *= 0.3
            elif _ENTERED_BEFORE.search(before):
                weight *= 0.02  # "sơ tuyển thí sinh dự tuyển vào Trường Đại học Kiểm sát": a school
            elif _VENUE_BEFORE.search(before):
                weight *= 0.2  # "thanh tra tại VKSND huyện Khánh Sơn": where, not who
            elif any(s <= m.start() and m.end() <= e for s, e in guests):
                weight *= 0.3  # "Tham dự Hội nghị có … VKSND tỉnh …": a guest list
            if _CLUSTER_BEFORE.search(before):
                weight *= 0.2  # "Cụm thi đua số 1 VKSND tỉnh X": whose cluster, not who met
            scores[unit] += weight
            # its evidence: the clause where it organises, else where it weighs most
            if (rank := (organises, weight)) > heaviest.get(unit, (False, -1.0)):
                heaviest[unit] = rank
                where_named[unit] = _passage(text, m.start(), m.end())
    return {u: w for u, w in scores.items() if u in subject}, where_named


def _banner_on_line(breaks: list[int], banners: list[tuple[int, int]], at: int) -> bool:
    """Is a site banner named earlier on the line of ``at``? (``breaks``: line-break
    offsets, ``banners``: banner matches, both in text order.)"""
    line = bisect.bisect_left(breaks, at)
    start = breaks[line - 1] + 1 if line else 0
    first = bisect.bisect_left(banners, (start, -1))
    return first < len(banners) and banners[first][1] <= at


def _passage(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) of ``text``, for ``show --explain``."""
    near = max(0, start - 120)  # bounded searches: the passage is 120 characters at most
    lo = max(text.rfind(". ", near, start) + 1, text.rfind("\n", near, start) + 1, near)
    stops = [i for i in (text.find(". ", end, end + 122), text.find("\n", end, end + 120))
             if i != -1]  # fmt: skip
    hi = min([*stops, end + 120, len(text)])
    return " ".join(text[lo:hi].split())


BY_SITE = "the publisher's site"  # where a province read from the site's address came from


@dataclass
class UnitReading:
    unit: str | None = None
    level: str | None = None
    province: str | None = None  # as the gazetteer names it (before any display form)
    unit_from: str = ""
    province_from: str = ""
    rejected: list[str] | None = None  # other units weighed, with their weights
    district_before: date | None = None  # the unit was a district-level city before this day


def _province_of(unit: Unit, counts: dict[str, int], url: str | None, g: Gazetteer) -> str:
    """The province of a unit the text names: of a district name several provinces have
    ("huyện Vĩnh Thạnh": Cần Thơ, Bình Định), the one the text names most, else the
    publisher's site's, else the first."""
    site = site_province(url, g) if len(unit.provinces) > 1 else None
    return max(unit.provinces, key=lambda p: (counts.get(p, 0), p == site))


def read_unit(parts: dict[str, str], folded_parts: dict[str, str], g: Gazetteer,
              url: str | None = None, reports_event: bool = False) -> UnitReading:  # fmt: skip
    """The organiser among the units named, and its province: the organiser's own, else
    the one the publisher's site names ("vksquangngai.gov.vn", "baothanhhoa.vn": "VKSND
    tỉnh" written without a name), else the one the text names most often.
    ``reports_event``: the page reports an event, which the sector named as a whole and no
    unit makes the sector's own (VKSND tối cao)."""
    scores, named = _mentions(parts, folded_parts, g)
    counts = province_counts("\n".join(parts.values()), g)
    out = UnitReading(rejected=[])
    national = False
    if scores:
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best = ranked[0][0]
        out.unit_from = named.get(best, "")
        if not best.provinces and best.level == "khu vực":
            # "VKSND khu vực 7" in the title, "Viện KSND khu vực 7 (TP.HCM)" in the lead: one
            # unit, its province named once
            named_fully = [u for u, _ in ranked if u.unit.startswith(best.unit + " - ")]
            best = named_fully[0] if named_fully else best
        out.unit, out.level = best.unit, best.level
        out.district_before = best.district_before
        out.rejected = [f"{u.unit} (weight {w:.1f} < {ranked[0][1]:.1f})" for u, w in ranked[1:6]]
        # national and military units have no province (the level says what they are)
        national = best.level in ("tối cao", "quân sự")
        if best.provinces:
            out.province = _province_of(best, counts, url, g)
            out.province_from = named.get(best, "")
    head = folded_parts.get("title", "") + "\n" + folded_parts.get("lead", "")
    if out.unit is None and (
        _WHOLE_SECTOR.match(head) or (reports_event and _SECTOR_NAMED.search(head))
    ):
        # no unit named, the whole sector concerned ("tập huấn … trực tuyến trong toàn
        # Ngành"): the sector's own, VKSND tối cao, which has no province
        out.unit, out.level, national = "VKSND tối cao", "tối cao", True
        out.unit_from = "the whole sector (toàn Ngành), no unit named"
    if out.unit is None and (peer := custody_supervisor(head, g)) is not None:
        # "kiểm sát trực tiếp Nhà tạm giữ Công an quận Ninh Kiều" on a page naming no
        # procuracy: the district's own supervises its police's custody house
        out.unit, out.level, out.unit_from = peer.unit, peer.level, "the custody house inspected"
        out.province, out.province_from = _province_of(peer, counts, url, g), out.unit_from
    if out.province is None and not national and (site := site_province(url, g)):
        host = site_host(url)
        out.province, out.province_from = site, f"{BY_SITE} ({host})"
        if out.unit is None and procuracy_site(host):
            # a page of the province's procuracy's own site that names no unit ("Giới
            # thiệu chung" on vksndthaibinh.gov.vn) is that procuracy's
            found = g.province(site)
            out.unit, out.level = (provincial(found) if found else f"VKSND tỉnh {site}"), "tỉnh"
            out.unit_from = out.province_from
    if out.province is None and counts and not national:
        out.province = max(counts.items(), key=lambda kv: kv[1])[0]
        out.province_from = f"the province named most often ({counts[out.province]}×)"
    city = g.province(out.province) if out.province else None
    central = bool(city and city.central_city)
    if out.unit == UNNAMED_CITY and out.province:
        # "Lãnh đạo Viện kiểm sát nhân dân thành phố" on vienkiemsathaiphong.gov.vn: the
        # centrally-run city's own procuracy, else the province's city (a district level)
        out.level = "tỉnh" if central else "huyện"
        out.unit = provincial(city) if central else UNNAMED_CITY
    elif out.unit is None and central and UNNAMED_CITY_MENTION.search(head):
        # "Thanh tra TP và Viện kiểm sát nhân dân TP ký quy chế phối hợp" in a story of Đà
        # Nẵng: "TP" unnamed is the centrally-run city the text is about
        out.unit, out.level = provincial(city), "tỉnh"
        out.unit_from = f"VKSND TP unnamed, in a story of {city.name}"
    if out.unit is None:
        # no procuracy is the page's subject (a court's exchange, the NA's session): the
        # province the story is set in is not a unit's province
        out.province, out.province_from = None, ""
    return out
