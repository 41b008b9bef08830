"""Procuracy names: which unit, level and provinces a written name is.

"VKSND huyện Chợ Lách" is a district's unit of Bến Tre, "Viện cấp cao 2" the superior
procuracy in Đà Nẵng, "VKSQS Quân khu 4" a military one (no province), "VKSND khu vực 7 -
TP.HCM" a regional unit of 2025. ``units`` weighs where each is named; this module reads
the names. Folded text.

>>> from searcher.vi.places import gazetteer
>>> [unit_of(m, "", gazetteer()) for m in MENTION.finditer("vksnd huyen cho lach")]
[Unit(level='huyện', unit='VKSND huyện Chợ Lách', provinces=('Bến Tre',), district_before=None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from searcher.facts.spans import PROSECUTION_STEP
from searcher.facts.where import match_name
from searcher.vi.places import Gazetteer

# "Ngành Kiểm sát nhân dân tỉnh Ninh Bình": the province's procuracy as a whole
PREFIX = (
    # "Viện kiểm sát nhân cấp cao": a page's slip for "nhân dân" still names the unit
    r"(?:vksnd|vien kiem sat nhan dan|vien kiem sat nhan(?= cap cao| toi cao| tinh| huyen)|"
    r"vien ksnd|vks nhan dan|vien kiem sat|vks|"
    r"nganh kiem sat(?: nhan dan)?|nganh ksnd)"
)
# another body of the same place, named in one list with the procuracy
_COORDINATED = (
    r"(?:(?:chi doan|cong doan)\s+)?(?:toa an nhan dan|toa an|tand|co quan cong an|cong an|"
    r"so tu phap|(?:(?:chi )?cuc )?thi hanh an dan su|cc\.?\s?thads|thads)"
)
# the procuracy with up to two other bodies of its place named in one list
_WITH_BODIES = PREFIX + r"(?:\s*(?:,|-|\bva\b)\s*" + _COORDINATED + r"){0,2}"
# the countries whose procuracies visit or are visited ("Đoàn đại biểu VKSND tối cao Trung
# Quốc", "Viện Kiểm sát Tối cao Hungary")
_COUNTRY = (
    r"(?:lao|cong hoa dan chu nhan dan lao|chdcnd lao|trung quoc|cuba|hungary|(?:lien bang )?nga|"
    r"campuchia|han quoc|nhat ban|hoa ky|my|phap|duc|belarus|uzbekistan|kazakhstan|indonesia|"
    r"thai lan|singapore|mong co|trieu tien|ba lan|sec|bulgaria|angola|mozambique|australia|uc)"
)
# a unit's place followed by its country ("VKSND tỉnh Hà Nam, Trung Quốc", "… (Lào)")
# (what follows a unit's name as matched: the rest of its place's name, then the country)
ABROAD = re.compile(r"[^,(\n]{0,25}?\s*(?:,|\(|-|–|\bcua)\s*(?:nuoc\s+)?" + _COUNTRY + r"\b")
MENTION = re.compile(
    # every mention starts with one of these letters: the others are passed over at once
    # (4 times faster over a page than trying each branch at each letter)
    r"(?=[kntv])(?:"
    # "phối hợp với Viện kiểm sát nhân dân cùng cấp": the procuracy of the level and place
    # of the court or police named before it (``unit_of`` reads them)
    r"(?P<same_level>(?:vksnd|vien kiem sat nhan dan|vien ksnd|vien kiem sat)\s+cung cap\b)|"
    # "VKSTC" alone, not as a document's code ("KH-VKSTC")
    r"(?P<supreme>(?<![/-])\b(?:vksndtc|vkstc|vien ksndtc)\b(?![/-])|" + PREFIX + r"\s+toi cao\b"
    # the sector's schools are units of VKSND tối cao ("Trường Đào tạo, bồi dưỡng nghiệp vụ
    # kiểm sát tại TP HCM", "Trường Nghiệp vụ", "Trường Đại học Kiểm sát Hà Nội")
    r"|\btruong (?:dai hoc kiem sat|dao tao,? boi duong nghiep vu kiem sat|nghiep vu)\b"
    # and so are its appellate offices: "Viện Công tố và kiểm sát xét xử phúc thẩm tại Đà
    # Nẵng" ("Viện Phúc thẩm 2"), which took over from the superior procuracies on 1 July
    # 2025, like the "Viện phúc thẩm 1, 2, 3" of VKSND tối cao before 2015
    r"|\bvien (?:cong to va kiem sat xet xu phuc tham|phuc tham\s*[123])\b)"
    # not another country's ("Viện Kiểm sát Tối cao Hungary", "VKSND tối cao Lào")
    r"(?!\s+(?:nuoc\s+)?" + _COUNTRY + r"\b)"
    # "VKSNDCC tại Đà Nẵng", "VKSND CC tại TP.HCM": the same, abbreviated
    r"|(?P<superior>(?:" + PREFIX + r"\s+cap cao|vksndcc|vksnd cc)\s+(?:tai\s+)?"
    r"(?P<sup_city>ha noi|da nang|"
    r"(?:tp\.?\s*|thanh pho\s+)?(?:ho chi minh|hcm))"
    # "Viện cấp cao 2", "VKSND cấp cao 3": the superior procuracy by its number
    r"|(?:vien|" + PREFIX + r")\s+cap cao\s*(?P<sup_no>[123])\b)"
    # "Viện kiểm sát Quân khu 4", "Viện Kiểm sát Quân chủng Hải quân": a military one too
    r"|(?P<military>(?:(?:vien kiem sat|vks|vien ks|nganh kiem sat)\s+quan su|vksqstw|vksqs|"
    r"vkqs|ksqs|"
    r"(?:vien kiem sat|vien ks|vks)(?=\s+(?:quan khu|quan doan|quan chung)\b))"
    r"\b(?:\s+(?:"
    r"(?:quan khu|quan doan|khu vuc)\s*\d+(?:\s+[a-z]+)?|khu vuc quan doan\s*\d+|trung uong|"
    r"quan chung [a-z ]{3,25}?(?= |$)|bo doi bien phong))?)"
    # a regional unit and its province: "Khu vực 7 - TP.HCM", "Khu vực 9 – tỉnh Phú Thọ",
    # "Khu vực 7 (TP.HCM)"
    # "Viện KSND và TAND khu vực 4": bodies of one region, as of one place below
    r"|(?P<regional>" + _WITH_BODIES + r"\s+(?:khu vuc|kv)\s*(?P<region_no>\d+)(?:\s*[-–(]?\s*"
    r"(?:(?:tinh|thanh pho)\s+|tp\.?\s*)?(?P<region_rest>[a-z][a-z ]{2,30}))?)"
    # "Viện kiểm sát nhân dân và Tòa án nhân dân tỉnh Quảng Nam", "Chi đoàn Viện kiểm sát
    # nhân dân, Chi đoàn Tòa án và Chi đoàn Sở Tư pháp tỉnh Tiền Giang": bodies of one place
    # "Chi đoàn VKS-TAND-CC.THADS huyện Tân Yên": the same, joined by hyphens
    # "VKSND hai cấp tỉnh Nghệ An": the province's two (or three) levels, led by its own unit
    r"|(?P<local>" + _WITH_BODIES + r"(?:\s+(?:hai|ba|2|3|cac) cap)?"
    # "VKSND các huyện Nghi Lộc, Hưng Nguyên": the districts', the first one named
    r"(?:\s+cac(?=\s+(?:huyen|quan|thi xa|thanh pho)\b))?"
    r"\s+(?P<kind>(?:tinh|thanh pho|quan|huyen(?: dao)?|thi xa)\b|tx\b\.?|tp\.?|q\.|h\.)(?:\s*"
    r"(?P<rest>[a-z0-9][a-z0-9 .'’\-]{0,40})"
    # "VKSND tỉnh, Tòa án tỉnh": the province's own, unnamed; "Viện KSND tỉnh, thành phố
    # trực thuộc Trung ương": every province's, no unit
    r"|\b(?!\s*,?\s*(?:thanh pho|tp)\b)))"  # "Ia H'Drai", "Ia H’Drai"
    # "VKSND Hà Nội", "Viện kiểm sát nhân dân Quảng Trị": a province's, its kind unwritten
    r"|(?P<bare>(?:vksnd|vien kiem sat nhan dan|vien ksnd|nganh kiem sat(?: nhan dan)?)\s+"
    r"(?P<bare_rest>"
    r"(?!(?:tinh|thanh pho|tp|quan|huyen|thi xa|khu vuc|cap|toi cao|quan su|cac)\b"
    r"|(?:hai|ba)\s+cap\b)"
    r"[a-z][a-z .\-]{2,30}))"
    r")"
)
# "Viện kiểm sát nhân dân TP" with no name after it
UNNAMED_CITY_MENTION = re.compile(r"\b" + PREFIX + r"\s+(?:tp\b\.?|thanh pho\b)")
_KIND_NAMES = {
    "tx": "thị xã",
    "tx.": "thị xã",
    "q.": "quận",
    "h.": "huyện",
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "tp.": "thành phố",
    "quan": "quận",
    "huyen": "huyện",
    "huyen dao": "huyện",  # "huyện đảo Lý Sơn": an island district
    "thi xa": "thị xã",
}


@dataclass(frozen=True)
class Unit:
    level: str
    unit: str
    provinces: tuple[str, ...]  # candidates (several for an ambiguous district name)
    # a city named as the province it became ("thành phố Huế", a city of Thừa Thiên Huế
    # before 1 January 2025): a district-level unit for an event before that day
    district_before: date | None = None


UNNAMED_CITY = "VKSND thành phố"
# cities raised to centrally-run cities under their own name, and the day they were
CENTRAL_SINCE = {"Huế": date(2025, 1, 1)}


def superior(city: str) -> str:
    """The name of the superior procuracy seated in ``city`` ("VKSND cấp cao tại Đà Nẵng",
    "VKSND cấp cao tại TP Hồ Chí Minh")."""
    return f"VKSND cấp cao tại {'TP Hồ Chí Minh' if city == 'Hồ Chí Minh' else city}"


def provincial(province) -> str:
    """The name of a province's own procuracy ("VKSND tỉnh Hà Nam", "VKSND thành phố Đà
    Nẵng" for a centrally-run city)."""
    return f"VKSND {'thành phố' if province.central_city else 'tỉnh'} {province.name}"


def _local_unit(
    kind: str, rest: str, g: Gazetteer, unnamed: bool = True, written: str = ""
) -> Unit | None:
    """The unit of a local name: ``kind`` ("huyen") and the words after it; ``unnamed``:
    whether a district's kind with no district name after it is that district's unit;
    ``written``: those words as the text writes them (names that fold alike)."""
    kind = _KIND_NAMES[kind]
    if kind in ("tỉnh", "thành phố"):
        key = match_name(rest, g.province_keys)
        province = g.province(key) if key else None
        district_key = match_name(rest, g.district_keys)
        if province and (kind == "tỉnh" or province.central_city or not district_key):
            raised = CENTRAL_SINCE.get(province.name) if kind == "thành phố" else None
            return Unit("tỉnh", provincial(province), (province.name,), raised)
        if kind == "thành phố" and district_key:
            found = g.districts(district_key, "thành phố", written)
            name = found[0].name
            return Unit("huyện", f"VKSND thành phố {name}", tuple(d.province for d in found))
        if kind == "tỉnh" and not district_key:  # "VKSND tỉnh" with no name: its own unit
            return Unit("tỉnh", "VKSND tỉnh", ())
        if not rest.strip():  # "VKSND thành phố" with no name: the city of the story's
            return Unit("tỉnh", UNNAMED_CITY, ())  # province (read_unit names it)
        return None
    key = match_name(rest, g.district_keys)
    if not key:
        # "Viện Kiểm sát nhân dân huyện nhập vai …", "phối hợp với VKSND huyện": the
        # district's own unit, unnamed (its province read elsewhere); not a list of every
        # district's ("VKSND huyện, thị xã, thành phố")
        if not unnamed or _LIST_OF_KINDS.match(rest):
            return None
        return Unit("huyện", f"VKSND {kind}", ())
    found = g.districts(key, kind, written)
    provinces = tuple(dict.fromkeys(d.province for d in found))
    return Unit("huyện", f"VKSND {kind} {found[0].name}", provinces)


_LIST_OF_KINDS = re.compile(
    r"\s*(?:,|/|va\b|hoac\b)\s*(?:thi xa|thanh pho|tp|quan|huyen|khu vuc|cap huyen)\b"
)


# a court, the police or the civil judgment office of a place, the peer a procuracy "cùng
# cấp" is named after ("TAND huyện Đầm Dơi phối hợp với Viện kiểm sát nhân dân cùng cấp")
_PEER = re.compile(
    r"\b(?:tand|toa an(?: nhan dan)?|cong an|thi hanh an dan su)\s+"
    r"(?P<kind>tinh|thanh pho|quan|huyen|thi xa|tx|tp)\b\.?\s*(?P<rest>[a-z0-9][a-z0-9 '\-]{0,40})"
)
# a district of each kind, named ("UBND thị xã Duy Tiên"), for a unit of it left unnamed
_DISTRICT_OF_KIND = {
    kind: re.compile(r"\b(?P<kind>" + folded + r")\s+(?P<rest>[a-z][a-z '\-]{2,30})")
    for kind, folded in (("huyện", "huyen"), ("quận", "quan"), ("thị xã", "thi xa"))
}


# a district police's custody house inspected ("kiểm sát trực tiếp Nhà tạm giữ Công an quận
# Ninh Kiều", "kiểm sát đột xuất Nhà tạm giữ - Công an thị xã Quảng Yên")
_DISTRICT_CUSTODY = re.compile(
    r"\bkiem sat\b[^.;\n]{0,60}?\bnha tam giu\s*(?:-\s*)?(?:cong an|ca)\s+"
    r"(?P<kind>quan|huyen|thi xa|thanh pho|tp)\b\.?\s*(?P<rest>[a-z][a-z '\-]{1,30})"
)


def custody_supervisor(head: str, g: Gazetteer) -> Unit | None:
    """The procuracy that supervises the custody house of a district's police the title or
    the lead (``head``, folded) says was inspected: that district's own, the peer of its
    police (Luật Thi hành tạm giữ, tạm giam), when the page names no procuracy.

    >>> from searcher.vi.places import gazetteer
    >>> head = "kiem sat dot xuat nha tam giu cong an thi xa quang yen"
    >>> custody_supervisor(head, gazetteer()).unit
    'VKSND thị xã Quảng Yên'
    """
    m = _DISTRICT_CUSTODY.search(head)
    if m is None:
        return None
    found = _local_unit(m.group("kind"), m.group("rest"), g, unnamed=False)
    return found if found is not None and found.provinces else None


def _named_before(m: re.Match, place: re.Pattern, g: Gazetteer, known: bool = False
                  ) -> Unit | None:  # fmt: skip
    """The unit of the last place ``place`` finds in the 200 characters before ``m`` (its
    groups ``kind`` and ``rest``), if the gazetteer knows it: the procuracy "cùng cấp" (of
    the same level) as a court or police named before it, or a district's own unit left
    unnamed ("VKSND thị xã" after "UBND thị xã Duy Tiên"); ``known``: only a unit whose
    province is known."""
    named = list(place.finditer(m.string, max(0, m.start() - 200), m.start()))
    if not named:
        return None
    found = _local_unit(named[-1].group("kind"), named[-1].group("rest"), g, unnamed=False)
    return found if found is not None and (found.provinces or not known) else None


def unit_of(m: re.Match, original: str, g: Gazetteer) -> Unit | None:
    if m.group("same_level"):
        return _named_before(m, _PEER, g)
    if m.group("supreme"):
        return Unit("tối cao", "VKSND tối cao", ())  # national: no province
    if m.group("superior"):
        city = g.superior.get(m.group("sup_no") or "")
        if city is None:
            found = g.province(m.group("sup_city"))
            city = found.name if found else None
        return Unit("cấp cao", superior(city), (city,)) if city else None
    if m.group("military"):
        text = original[m.start() : m.end()] if original else m.group("military")
        return Unit("quân sự", text.strip(), ())
    if m.group("regional"):
        province = ()
        if m.group("region_rest"):
            key = match_name(m.group("region_rest"), g.province_keys)
            found = g.province(key) if key else None
            province = (found.name,) if found else ()
        suffix = f" - {province[0]}" if province else ""
        return Unit("khu vực", f"VKSND khu vực {m.group('region_no')}{suffix}", province)
    if m.group("bare"):
        key = match_name(m.group("bare_rest"), g.province_keys)
        found = g.province(key) if key else None
        return Unit("tỉnh", provincial(found), (found.name,)) if found else None
    kind, rest = m.group("kind"), m.group("rest") or ""
    if _KIND_NAMES[kind] not in ("tỉnh", "thành phố") and not rest:
        rest = m.string[m.end() : m.end() + 20]  # what follows: a list of kinds or not
    if not rest and _LIST_OF_KINDS.match(m.string, m.end()):
        return None  # "Viện KSND và TAND tỉnh, khu vực", "VKSND tỉnh, huyện": every level
    # a kind glued to a word the gazetteer does not know ("H.Xyz") names no unit
    whole_word = not m.string[m.end("kind") : m.end("kind") + 1].isalnum()
    written = original[m.start("rest") : m.end("rest")] if original and m.group("rest") else ""
    unit = _local_unit(kind, rest, g, unnamed=whole_word, written=written)
    if unit is not None and unit.level == "huyện" and not unit.provinces:
        # "UBND thị xã Duy Tiên phối hợp với Viện KSND thị xã tổ chức …": a district's unit
        # left unnamed is of the district of its kind named just before it
        place = _DISTRICT_OF_KIND.get(_KIND_NAMES[kind])
        return (_named_before(m, place, g, known=True) if place else None) or unit
    return unit


def name_end(m: re.Match) -> int:
    """Where the unit's name ends: a local unit's match runs on past its name ("huyện
    Chợ Lách đã tổ chức …"), up to the first word that cannot be part of one."""
    if not m.group("local") or m.group("rest") is None:
        return m.end()
    rest = m.group("rest")
    stop = _AFTER_NAME.search(rest)
    return m.start("rest") + (stop.start() if stop else len(rest))


# (and a case's step it takes: "… tỉnh Nghệ An kháng nghị", "truy tố", "khởi tố"; or what it
# tells: "… tỉnh Đồng Nai cho biết")
_AFTER_NAME = re.compile(
    r"\b(?:da|to|khai|tien|phoi|chu|va|cung|tai|voi|ve|nam|lan|cho biet|thong tin|"
    + PROSECUTION_STEP
    + r")\b"
)
