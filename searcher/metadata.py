"""Facets read out of an article: unit, level, province (then and since 2025),
year, meeting types and dates.

>>> from searcher.articles import Article
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

from searcher.articles import Article
from searcher.dates import meeting_date, title_year
from searcher.places import Gazetteer, gazetteer
from searcher.text import fold

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
    "triển khai": r"\btrien khai\b|\bke hoach cong tac\b|\bphuong huong,? nhiem vu\b",
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
    r"|(?P<military>(?:vien kiem sat|vks|vien ksqs|vksqs)\s+quan su(?:\s+(?:quan khu|khu vuc)"
    r"\s*\d+|\s+trung uong)?)"
    r"|(?P<regional>" + _PREFIX + r"\s+khu vuc\s*(?P<region_no>\d+)(?:\s*[-–]\s*(?P<region_rest>"
    r"[a-z][a-z ]{2,30}))?)"
    r"|(?P<local>" + _PREFIX + r"\s+(?P<kind>tinh|thanh pho|tp\.?|quan|huyen|thi xa)\s*"
    r"(?P<rest>[a-z0-9][a-z0-9 .\-]{0,40}))"
)
_WEIGHTS = {"title": 100.0, "furniture": 30.0, "author": 20.0, "lead": 10.0, "body": 1.0}
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
        return None
    key = _match_name(rest, g.district_keys)
    if not key:
        return None
    found = g.districts(key, kind)
    provinces = tuple(dict.fromkeys(d.province for d in found))
    return _Unit("huyện", f"VKSND {kind} {found[0].name}", provinces)


def _unit_of(m: re.Match, original: str, g: Gazetteer) -> _Unit | None:
    if m.group("supreme"):
        return _Unit("tối cao", "VKSND tối cao", ("Hà Nội",))
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


def _mentions(parts: dict[str, str], g: Gazetteer) -> dict[_Unit, float]:
    scores: dict[_Unit, float] = defaultdict(float)
    for where, text in parts.items():
        folded = fold(text)
        original = text if len(folded) == len(text) else ""
        for m in _MENTION.finditer(folded):
            unit = _unit_of(m, original, g)
            if unit is None:
                continue
            weight = _WEIGHTS[where]
            if unit.level in ("tối cao", "quân sự") and where not in ("title", "furniture"):
                weight *= 0.05  # "Chỉ thị của Viện trưởng VKSND tối cao": a reference
            scores[unit] += weight
    return scores


def _province_counts(text: str, g: Gazetteer) -> dict[str, int]:
    """How often each province is named anywhere (for ambiguous districts and fallbacks)."""
    folded = " " + re.sub(r"[^a-z0-9]+", " ", fold(text)) + " "
    counts: dict[str, int] = {}
    for p in g.provinces:
        n = folded.count(" " + re.sub(r"[^a-z0-9]+", " ", fold(p.name)).strip() + " ")
        if n:
            counts[p.name] = n
    return counts


def meeting_types(title: str, body: str) -> list[str]:
    """Meeting types named in the title or the first sentence of the body.

    >>> meeting_types("Tổng kết công tác năm 2021 và triển khai công tác năm 2022", "")
    ['tổng kết', 'triển khai']
    """
    first = re.split(r"(?<=[.!?])\s", body[:600], maxsplit=1)[0]
    found = _types_in(fold(title) + "\n" + fold(first))
    return found or ["khác"]


def _types_in(folded: str) -> list[str]:
    return [name for name, pattern in _TYPE_PATTERNS.items() if re.search(pattern, folded)]


def extract(article: Article, g: Gazetteer | None = None) -> Metadata:
    """Every facet of one article."""
    g = g or gazetteer()
    lead, rest = article.body[:400], article.body[400:]
    parts = {"title": article.title, "lead": lead, "body": rest}
    if article.author:
        parts["author"] = article.author
    if article.furniture:
        parts["furniture"] = article.furniture
    scores = _mentions(parts, g)
    all_text = "\n".join(parts.values())
    counts = _province_counts(all_text, g)

    meta = Metadata(
        published=article.published, meeting_types=meeting_types(article.title, article.body)
    )
    hint = article.published.year if article.published else title_year(article.title)
    meta.meeting_date = meeting_date(article.title + "\n" + article.body, year_hint=hint)
    if meta.meeting_date:
        meta.year = meta.meeting_date.year
    elif article.published:
        meta.year = article.published.year
    else:
        meta.year = title_year(article.title)

    province = None
    if scores:
        best = max(scores.items(), key=lambda kv: kv[1])[0]
        meta.unit, meta.level = best.unit, best.level
        if best.provinces:
            province = max(
                best.provinces, key=lambda p: (counts.get(p, 0), -best.provinces.index(p))
            )
    if province is None and counts:
        province = max(counts.items(), key=lambda kv: kv[1])[0]
    if province:
        when = meta.published or meta.meeting_date or (date(meta.year, 1, 1) if meta.year else None)
        meta.province = g.display_province(province, when)
        found = g.province(province)
        meta.province_2025 = found.name_2025 if found else None
    return meta
