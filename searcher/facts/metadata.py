"""Facets read out of an article: unit, level, province (then and since 2025),
year, meeting types and dates.

>>> from searcher.read.articles import Article
>>> title = "VKSND cấp cao tại Đà Nẵng tổ chức Hội nghị triển khai công tác năm 2022"
>>> m = extract(Article("x", title, "Sáng ngày 04/01/2022, tại trụ sở cơ quan."))
>>> m.level, m.province, m.year, m.meeting_types, m.meeting_date.isoformat()
('cấp cao', 'Đà Nẵng', 2022, ['triển khai'], '2022-01-04')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from searcher.read.articles import Article
from searcher.vi.dates import meeting_date, title_year
from searcher.vi.places import Gazetteer, gazetteer
from searcher.vi.text import fold

LEVELS = ("tối cao", "cấp cao", "tỉnh", "huyện", "khu vực", "quân sự")
MEETING_TYPES = (
    "tổng kết",
    "sơ kết",
    "triển khai",
    "giao ban",
    "Đảng",
    "cán bộ công chức",
    "tập huấn",
    "rút kinh nghiệm",
    "khác",
)
_TYPE_PATTERNS = {
    "tổng kết": r"\btong ket\b",
    "sơ kết": r"\bso ket\b",
    "triển khai": r"\btrien khai\b|\bphuong huong,? nhiem vu\b",
    "giao ban": r"\bgiao ban\b",
    "Đảng": r"\bban can su dang\b|\bdang uy\b|\bdang bo\b|\bchi bo\b|\bdai hoi dang\b|"
    r"\bhoi nghi dang\b|\bcap uy\b",
    "cán bộ công chức": r"\bhoi nghi (dai bieu )?(can bo|cbcc|cong chuc|vien chuc|"
    r"nguoi lao dong)\b|\bcan bo,? cong chuc,? (vien chuc,? )?(va )?nguoi lao dong\b",
    "tập huấn": r"\btap huan\b|\bhoi thao\b|\btoa dam\b|\bboi duong\b|\bchuyen de\b",
    "rút kinh nghiệm": r"\brut kinh nghiem\b",
}

_PREFIX = r"(?:vksnd|vien kiem sat nhan dan|vien ksnd|vks nhan dan|vien kiem sat|vks)"
_MENTION = re.compile(
    r"(?P<supreme>\b(?:vksndtc|vkstc)\b(?![/-])|" + _PREFIX + r"\s+toi cao\b)"
    r"|(?P<superior>" + _PREFIX + r"\s+cap cao\s+(?:tai\s+)?(?P<sup_city>ha noi|da nang|"
    r"(?:tp\.?\s*|thanh pho\s+)?(?:ho chi minh|hcm))|vien cap cao\s*(?P<sup_no>[123])\b)"
    r"|(?P<military>(?:(?:vien kiem sat|vks|vien ks)\s+quan su|vksqs|vkqs|ksqs)\b(?:\s+(?:"
    r"(?:quan khu|quan doan|khu vuc)\s*\d+(?:\s+[a-z]+)?|khu vuc quan doan\s*\d+|trung uong|"
    r"quan chung [a-z ]{3,25}?(?= |$)|bo doi bien phong))?)"
    r"|(?P<regional>" + _PREFIX + r"\s+khu vuc\s*(?P<region_no>\d+)(?:\s*[-–]\s*(?P<region_rest>"
    r"[a-z][a-z ]{2,30}))?)"
    r"|(?P<local>" + _PREFIX + r"\s+(?P<kind>tinh|thanh pho|tp\.?|quan|huyen|thi xa)\s*"
    r"(?P<rest>[a-z0-9][a-z0-9 .\-]{0,40}))"
)
_WEIGHTS = {"title": 100.0, "furniture": 30.0, "author": 20.0, "lead": 10.0, "body": 1.0}
# a site's banner or owner line ("Trang tin của Viện kiểm sát nhân dân tỉnh Bến Tre")
_BANNER = re.compile(r"\b(?:trang tin|trang thong tin|cong thong tin|website|www)\b|\.gov\.vn")
_INSERTED = re.compile(
    r"\s*\((?:vksnd|ksnd|vks|vksndtc|vkstc)\)"
)  # "Viện kiểm sát nhân dân (VKSND) tỉnh"
# the unit organises: "VKSND huyện Chợ Lách (đã) tổ chức …"
_ORGANISER_AFTER = re.compile(
    r"^[^.;,]{0,40}?\b(?:da\s+)?(?:to chuc|khai mac|tien hanh|phoi hop)\b"
)
# a person's affiliation ("Phó Viện trưởng VKSND tối cao … tới dự") is a guest, not the organiser
_GUEST_BEFORE = re.compile(
    r"\b(?:vien truong|kiem sat vien|vu truong|truong phong|chanh van phong|lanh dao|dai dien|"
    r"giang vien|bao cao vien)\s*$"
)
_KIND_NAMES = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "tp.": "thành phố",
    "quan": "quận",
    "huyen": "huyện",
    "thi xa": "thị xã",
}


@dataclass
class Metadata:
    unit: str | None = None
    level: str | None = None
    province: str | None = None
    province_2025: str | None = None
    year: int | None = None
    meeting_types: list[str] = field(default_factory=list)
    meeting_date: date | None = None
    published: date | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field → the passage it came from


@dataclass(frozen=True)
class _Unit:
    level: str
    unit: str
    provinces: tuple[str, ...]  # candidates (several for an ambiguous district name)


def _match_name(words: str, keys: list[str]) -> str | None:
    """The longest gazetteer key that ``words`` starts with (whole words)."""
    words = re.sub(r"[\s.\-]+", " ", words).strip()
    for key in keys:
        if words == key or words.startswith(key + " "):
            return key
    return None


def _local_unit(kind: str, rest: str, g: Gazetteer) -> _Unit | None:
    kind = _KIND_NAMES[kind]
    if kind in ("tỉnh", "thành phố"):
        key = _match_name(rest, g.province_keys)
        province = g.province(key) if key else None
        district_key = _match_name(rest, g.district_keys)
        if province and (kind == "tỉnh" or province.central_city or not district_key):
            prefix = "thành phố" if province.central_city else "tỉnh"
            return _Unit("tỉnh", f"VKSND {prefix} {province.name}", (province.name,))
        if kind == "thành phố" and district_key:
            found = g.districts(district_key, "thành phố")
            name = found[0].name
            return _Unit("huyện", f"VKSND thành phố {name}", tuple(d.province for d in found))
        if kind == "tỉnh" and not district_key:  # "VKSND tỉnh" with no name: its own unit
            return _Unit("tỉnh", "VKSND tỉnh", ())
        return None
    key = _match_name(rest, g.district_keys)
    if not key:
        return None
    found = g.districts(key, kind)
    provinces = tuple(dict.fromkeys(d.province for d in found))
    return _Unit("huyện", f"VKSND {kind} {found[0].name}", provinces)


def _unit_of(m: re.Match, original: str, g: Gazetteer) -> _Unit | None:
    if m.group("supreme"):
        return _Unit("tối cao", "VKSND tối cao", ())  # national: no province
    if m.group("superior"):
        city = g.superior.get(m.group("sup_no") or "")
        if city is None:
            found = g.province(m.group("sup_city"))
            city = found.name if found else None
        if city is None:
            return None
        shown = "TP Hồ Chí Minh" if city == "Hồ Chí Minh" else city
        return _Unit("cấp cao", f"VKSND cấp cao tại {shown}", (city,))
    if m.group("military"):
        text = original[m.start() : m.end()] if original else m.group("military")
        return _Unit("quân sự", text.strip(), ())
    if m.group("regional"):
        province = ()
        if m.group("region_rest"):
            key = _match_name(m.group("region_rest"), g.province_keys)
            found = g.province(key) if key else None
            province = (found.name,) if found else ()
        suffix = f" - {province[0]}" if province else ""
        return _Unit("khu vực", f"VKSND khu vực {m.group('region_no')}{suffix}", province)
    return _local_unit(m.group("kind"), m.group("rest"), g)


def _mentions(
    parts: dict[str, str], folded_parts: dict[str, str], g: Gazetteer
) -> tuple[dict[_Unit, float], dict[_Unit, str]]:
    """Each unit named, with a weight (where it is named, whether it organises or is a
    guest's affiliation) and the passage that named it first."""
    scores: dict[_Unit, float] = defaultdict(float)
    where_named: dict[_Unit, str] = {}
    for where, text in parts.items():
        folded = folded_parts[where]
        if "(" in folded:
            folded = _INSERTED.sub("", folded)
        original = text if len(folded) == len(text) else ""
        for m in _MENTION.finditer(folded):
            unit = _unit_of(m, original, g)
            if unit is None:
                continue
            weight = _WEIGHTS[where]
            if unit.level in ("tối cao", "quân sự") and where not in ("title", "furniture"):
                weight *= 0.05  # "Chỉ thị của Viện trưởng VKSND tối cao": a reference
            if not unit.provinces and unit.level == "tỉnh":
                weight *= 0.3  # "VKSND tỉnh" unnamed: weak evidence of its own
            before = folded[max(0, m.start() - 30) : m.start()]
            line = folded[folded.rfind("\n", 0, m.start()) + 1 : m.start()]
            if _BANNER.search(line):
                weight *= 0.05  # the site's name, not the article's unit
            elif _ORGANISER_AFTER.search(folded[m.end() : m.end() + 60]):
                weight *= 3  # organises or chairs
            elif _GUEST_BEFORE.search(before):
                weight *= 0.3
            scores[unit] += weight
            where_named.setdefault(unit, _passage(text, m.start(), m.end()))
    return scores, where_named


def _passage(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) of ``text``, for ``show --explain``."""
    lo = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, start - 120, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min([*stops, end + 120, len(text)])
    return " ".join(text[lo:hi].split())


def _province_counts(folded_text: str, g: Gazetteer) -> dict[str, int]:
    """How often each province is named anywhere (for ambiguous districts and fallbacks):
    one scan of the folded text for all names at once."""
    names, pattern = _province_pattern(g)
    words = " " + re.sub(r"[^a-z0-9]+", " ", folded_text) + " "
    counts: dict[str, int] = {}
    for key in pattern.findall(words):
        counts[names[key]] = counts.get(names[key], 0) + 1
    return counts


_PATTERNS: dict[int, tuple[dict[str, str], re.Pattern]] = {}


def _province_pattern(g: Gazetteer) -> tuple[dict[str, str], re.Pattern]:
    """(folded name → province, one regex of every folded name), built once per gazetteer."""
    if id(g) not in _PATTERNS:
        names = {re.sub(r"[^a-z0-9]+", " ", fold(p.name)).strip(): p.name for p in g.provinces}
        keys = sorted(names, key=len, reverse=True)
        alternation = "|".join(re.escape(k) for k in keys)
        _PATTERNS[id(g)] = names, re.compile(rf"(?<= )({alternation})(?= )")
    return _PATTERNS[id(g)]


def meeting_types(title: str, body: str) -> list[str]:
    """Meeting types named in the title or the first sentence of the body.

    >>> meeting_types("Tổng kết công tác năm 2021 và triển khai công tác năm 2022", "")
    ['tổng kết', 'triển khai']
    """
    found = _types_in(fold(title))
    # and what the lead's first sentence says the meeting is, without its boilerplate
    # opening ("Thực hiện Kế hoạch công tác năm 2021, …"); there "triển khai" must be
    # of the work itself, not "triển khai kế hoạch phát triển kinh tế - xã hội"
    first = fold(re.split(r"(?<=[.!?])\s", body[:600], maxsplit=1)[0])
    found += [t for t in _lead_types(_BOILERPLATE_OPENING.sub("", first)) if t not in found]
    if not found:  # a digest: what its first "tổ chức …" clause says was held
        clause = re.search(r"\b(?:to chuc|khai mac|tien hanh)\b([^.;\n]{0,120})", fold(body[:1500]))
        found = _lead_types(clause.group(1)) if clause else []
    found.sort(key=list(_TYPE_PATTERNS).index)
    return found or ["khác"]


def _lead_types(folded: str) -> list[str]:
    """Types named in the body: "triển khai" only of the work itself."""
    found = _types_in(folded)
    if "triển khai" in found and not _OWN_DEPLOYMENT.search(folded):
        found.remove("triển khai")
    return found


_BOILERPLATE_OPENING = re.compile(r"^\s*(?:thuc hien|can cu|de|nham|theo|trien khai)\b[^,]{0,160},")
_OWN_DEPLOYMENT = re.compile(
    r"\btrien khai\s+(?:thuc hien\s+)?(?:cong tac|nhiem vu|phuong huong|ke hoach cong tac|"
    r"chuong trinh cong tac|ke hoach kiem sat)"
)


_OTHER_PARTY = re.compile(r"\b(?:ubnd|uy ban|tinh uy|thanh uy|hdnd|so [a-z]+|cong an|toa an)\b")


def _types_in(folded: str) -> list[str]:
    found = [name for name, pattern in _TYPE_PATTERNS.items() if re.search(pattern, folded)]
    if "Đảng" in found and not _own_party(folded):
        found.remove("Đảng")  # "Ban cán sự Đảng UBND tỉnh": another body's Party committee
    return found


def _own_party(folded: str) -> bool:
    for m in re.finditer(_TYPE_PATTERNS["Đảng"], folded):
        if not _OTHER_PARTY.match(folded[m.end() : m.end() + 20].lstrip()):
            return True
    return False


def extract(article: Article, g: Gazetteer | None = None) -> Metadata:
    """Every facet of one article, each with the passage it was read from (``evidence``)."""
    g = g or gazetteer()
    lead, rest = article.body[:400], article.body[400:]
    parts = {"title": article.title, "lead": lead, "body": rest}
    if article.author:
        parts["author"] = article.author
    if article.furniture:
        parts["furniture"] = article.furniture
    folded_parts = {where: fold(text) for where, text in parts.items()}  # folded once
    scores, named = _mentions(parts, folded_parts, g)
    counts = _province_counts("\n".join(folded_parts.values()), g)
    ev: dict[str, str] = {}

    meta = Metadata(
        published=article.published, meeting_types=meeting_types(article.title, article.body)
    )
    ev["meeting_types"] = article.title
    in_title = title_year(article.title)
    meta.meeting_date = meeting_date(
        article.title + "\n" + article.body, published=article.published, title_year=in_title
    )
    if meta.meeting_date:
        meta.year, ev["year"] = meta.meeting_date.year, "the meeting date"
        ev["meeting_date"] = _date_passage(article.title + "\n" + article.body, meta.meeting_date)
    elif article.published:
        meta.year, ev["year"] = article.published.year, "the publication date"
    elif in_title:
        meta.year, ev["year"] = in_title, article.title
    elif (m := re.search(r"\bnam\s+(\d{4})\b", fold(article.body[:600]))) and 1990 <= int(
        m.group(1)
    ) <= 2100:  # "kết quả công tác Quý 1 năm 2023": the year only in the body
        meta.year = int(m.group(1))
        ev["year"] = _passage(article.body, m.start(), m.end())

    province = None
    national = False
    if scores:
        best = max(scores.items(), key=lambda kv: kv[1])[0]
        meta.unit, meta.level = best.unit, best.level
        ev["unit"] = ev["level"] = named.get(best, "")
        # national units have no province (the level says what they are)
        national = best.level == "tối cao" or fold(best.unit).endswith("trung uong")
        if best.provinces:
            province = max(
                best.provinces, key=lambda p: (counts.get(p, 0), -best.provinces.index(p))
            )
            ev["province"] = named.get(best, "")
    if province is None and counts and not national:
        province = max(counts.items(), key=lambda kv: kv[1])[0]
        ev["province"] = f"the province named most often ({counts[province]}×)"
    if province:
        when = meta.published or meta.meeting_date or (date(meta.year, 1, 1) if meta.year else None)
        meta.province = g.display_province(province, when)
        found = g.province(province)
        meta.province_2025 = found.name_2025 if found else None
        ev["province_2025"] = f"{province} in the 1 July 2025 merger table"
    meta.evidence = ev
    return meta


def _date_passage(text: str, day: date) -> str:
    folded = fold(text[:1500])
    d, m = day.day, day.month
    for token in (f"{d}/{m}", f"{d:02d}/{m:02d}", f"{d}-{m}", f"{d}.{m}", f"{d} thang {m}",
                  f"{d:02d} thang {m:02d}"):  # fmt: skip
        if (i := folded.find(token)) != -1:
            return _passage(text, i, i + len(token))
    return ""
