"""Facts of a page written in English: a Vietnamese paper's English edition reporting a
procuracy's event ("Chief Prosecutor of the Ho Chi Minh City People's Procuracy … hosted a
reception … on August 26").

The Vietnamese readers find nothing in such a page; this one reads the same roles in
English words: the unit that acts (not another country's: "the Lao Supreme People's
Procuracy"), the lead's day ("on August 26", "On the afternoon of December 27", "3 January
2020"), and the kind of event. ``metadata`` fills only what the Vietnamese readers left
empty.

>>> is_english("Lao Prosecutor General visits HCM City", "Chief Prosecutor of the city's "
...            "People's Procuracy hosted a reception for the guest, who was visiting with "
...            "his delegation, on August 26.")
True
>>> is_english("Hoi nghi tong ket", "Vien kiem sat nhan dan tinh to chuc hoi nghi tong ket "
...            "cong tac nam 2023, co the noi la on dinh, that su hieu qua.")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from searcher.facts.english_events import (
    anniversary_year,
    day_from_stamp,
    day_of,
    english_day_match,
    english_event,
    english_period,
    launch_reviews,
    launch_year,
    lead_paragraphs,
)
from searcher.facts.record import Evidence, Metadata
from searcher.facts.unit_names import provincial, superior
from searcher.vi.dates import year_not_after
from searcher.vi.places import Gazetteer, Province
from searcher.vi.text import LOWER_LATIN, fold

# words only English prose has this often, and words only Vietnamese prose has (folded:
# typed with or without its marks); neither list holds a word both write ("to", "an", "ban",
# and "the", "that": "có thể", "thật sự" fold so), nor one English writes in names ("Thi",
# "Nam", "Da Nang", "Tinh", "Nhan": "Bui Thi Noi", "Viet Nam")
_ENGLISH_WORDS = frozenset((
    "of", "and", "for", "with", "its", "has", "have", "had", "was", "were", "is", "are", "be",
    "been", "from", "by", "which", "this", "at", "their", "they", "his", "her", "will",
    "would", "said",
))  # fmt: skip
_VIETNAMESE_WORDS = frozenset((
    "cua", "va", "cac", "nhung", "duoc", "trong", "voi", "cho", "nay", "de", "tai", "ngay",
    "nguoi", "khong", "mot", "se", "cung", "theo", "ve", "tu", "den", "tren", "sau", "khi",
    "hoi", "kiem", "sat", "vien", "tac", "chuc",
))  # fmt: skip


_ENGLISH_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_ENGLISH_WORDS)) + r")(?!\w)")
_VIETNAMESE_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_VIETNAMESE_WORDS)) + r")(?!\w)")


def is_english(title: str, body: str) -> bool:
    """Whether the page is written in English: among the first 800 characters' words, at
    least three only English writes, over twice as many as words only Vietnamese writes (an
    English edition writes names with their marks: "HÀ NỘI – …", "Lê Trung Khoa"; a
    Vietnamese headline may stand over an English text)."""
    head = (title + "\n" + body)[:800]
    english = len(_ENGLISH_RE.findall(head.lower()))  # its words have no marks to fold
    if english < 3:
        return False  # (a Vietnamese page, most often: one scan, nothing folded)
    vietnamese = len(_VIETNAMESE_RE.findall(fold(head)))
    return english > 2 * vietnamese


UPPER_LATIN = "".join(c.upper() for c in LOWER_LATIN if len(c.upper()) == 1 and c.upper() != c)
_PROCURACY = r"(?i:(?:people['’]?s\s+)?procura(?:cy|cies|torate|toracy))"
# another country's ("the Lao Supreme People's Procuracy", "… of Laos"): no unit of ours
_FOREIGN = re.compile(
    r"\b(?:lao|laos|chinese|china|cuban|cuba|hungarian|russian|cambodian|korean|japanese|"
    r"american|french|german|belarusian|uzbek|kazakh|indonesian|thai|mongolian)\b"
    r"(?:\s+[a-z'’]+){0,2}\s*$",
    re.IGNORECASE,
)
_LISTED = re.compile(r"\s*,\s*(?:[A-Z]\w*\s+){0,3}(?:City|[A-Z]\w*)\s*,")
_ABROAD_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:laos|china|cuba|hungary|russia|cambodia|"
                           r"korea|japan|lao pdr)\b", re.IGNORECASE)  # fmt: skip
_SUPERIOR = re.compile(
    r"\b(?:high[- ]level|superior|high)\s+"
    + _PROCURACY
    + r"\s+(?:in|of)\s+(?P<city>ha\s?noi|da\s?nang|ho chi minh city|hcm\s?city|hcmc)\b",
    re.IGNORECASE,
)
_SUPREME = re.compile(r"\bsupreme\s+" + _PROCURACY + r"|\bSPP\b", re.IGNORECASE)
_MILITARY = re.compile(r"\bmilitary\s+procura(?:cy|torate)\b", re.IGNORECASE)
# the national sector ("the procuracy sector's conference", "the people's procuracy sector")
_SECTOR = re.compile(r"\b" + _PROCURACY + r"\s+sector\b", re.IGNORECASE)
# another body receives, hosts or passes a law for the procuracy ("President hosts Lao
# Prosecutor General", "National Assembly adopts law …"): its event, not a unit's
_ANOTHER_HOST = re.compile(
    r"^\s*(?:(?:state\s+)?president|prime minister|pm|deputy pm|national assembly|na|"
    r"na chairman|na chairwoman|top legislator|party chief|party leader)(?:\s+[A-Z]\w*){0,3}"
    r"\s+(?:hosts|receives|welcomes|adopts|passes|approves)\b",
    re.IGNORECASE,
)
# a province's or city's: "the Ho Chi Minh City People's Procuracy", "HCMC People's
# Procuratorate", "the People's Procuracy of Quang Ninh province"
# (its words capitalised, not "The" nor the kind of place: "the Bac Kan City People's …")
# (a word with its marks, as English editions write names: "Điện Biên", "Khánh Hòa")
_PLACE_WORD = (
    r"(?!(?:The|City|Province|Provincial|District|Town|Municipal)\b)[" + UPPER_LATIN + r"]"
    r"[" + UPPER_LATIN + LOWER_LATIN + r"]*"
)
_PLACE = r"(?P<place>(?:" + _PLACE_WORD + r"[ \t]+){0,3}" + _PLACE_WORD + r")"
# (a district's or a provincial city's: "the Bac Kan City People's Procuracy", "the People's
# Procuracy of Bien Hoa city", "… of Mang Thit district")
_LOCAL = re.compile(
    _PLACE
    + r"\s+(?i:(?P<kind>city|district|town)\s+|province\s+|provincial\s+|municipal\s+)?"
    + _PROCURACY
    + r"|"
    + _PROCURACY
    + r"\s+(?:of|in)\s+(?:the\s+)?"
    + _PLACE.replace("place", "place2")
    + r"(?:\s+(?i:province|(?P<kind2>city|district|town))\b)?"
    # a place's own: "Binh Thuan's Police and People's Procuracy"
    + r"|"
    + _PLACE.replace("place", "place3")
    + r"['’]s\s+(?:\w+\s+){0,3}?"
    + _PROCURACY
)
# what a unit does when it holds the event ("… hosted a reception", "… held the
# inauguration ceremony", "a conference of the HCMC People's Procuracy")
_ACTS = re.compile(
    r"^[^.;]{0,80}?\b(?:hosted|held|holds|organi[sz]ed|received|welcomed|inaugurated|signed|"
    r"launched|visited|met)\b",
    re.IGNORECASE,
)
_OWNED = re.compile(r"\b(?:conference|meeting|ceremony|session)\s+of\s+(?:the\s+)?$", re.I)


@dataclass
class EnglishUnit:
    level: str
    province: Province | None
    passage: str
    name: str = ""  # as the Vietnamese readers name it: "VKSND tỉnh Quảng Ninh"


def english_unit(title: str, body: str, g: Gazetteer) -> EnglishUnit | None:
    """The procuracy the page is about: the one that acts (hosts, holds, signs) or whose
    meeting it is, else the one the title names, else the first named; never another
    country's."""
    text = title + "\n" + body[:1500]
    found: list[tuple[float, int, int, EnglishUnit]] = []  # weight, start, end, unit
    if _ANOTHER_HOST.match(title):
        return None
    for pattern, level in ((_SUPERIOR, "cấp cao"), (_SUPREME, "tối cao"),
                           (_MILITARY, "quân sự"), (_LOCAL, "tỉnh"),
                           (_SECTOR, "tối cao")):  # fmt: skip
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for _, s, e, _ in found):
                continue  # inside a name already read ("High-Level People's Procuracy")
            foreign = _FOREIGN.search(text, max(0, m.start() - 30), m.start())
            if foreign or _ABROAD_AFTER.match(text, m.end()) or _LISTED.match(text, m.end()):
                continue  # (nor the first of a list: "the People's Procuracies of Hanoi, …")
            if level == "cấp cao":
                province = _city(m.group("city"), g)
            elif level == "tỉnh":
                place = m.group("place") or m.group("place2") or m.group("place3")
                level, province = _local(place, m.group("kind") or m.group("kind2"), g)
                if province is None:
                    continue  # "the local procuracy", "Vietnamese People's Procuracy"
            else:
                province = None
            weight = 10.0 if m.start() < len(title) else 1.0
            if _ACTS.match(text, m.end()) or _OWNED.search(text, max(0, m.start() - 40), m.start()):
                weight += 5.0
            passage = text[max(0, m.start() - 60) : m.end() + 60].replace("\n", " ")
            name = _name(level, province) or m.group(0)
            found.append((weight, m.start(), m.end(), EnglishUnit(level, province, passage, name)))
    if not found:
        return None
    return max(found, key=lambda f: (f[0], -f[1]))[3]


def _name(level: str, province: Province | None) -> str:
    """The unit's name as the Vietnamese readers give it ("VKSND tỉnh Quảng Ninh"); "" for a
    military or a district's one (its name as written is kept)."""
    if level == "tối cao":
        return "VKSND tối cao"
    if province is None or level == "huyện":
        return ""  # (a district's as written: "the People's Procuracy of Bien Hoa city")
    return superior(province.name) if level == "cấp cao" else provincial(province)


def _local(place: str, kind: str | None, g: Gazetteer) -> tuple[str, Province | None]:
    """A local unit's level and province: a province's or a centrally run city's ("Quang
    Ninh", "Ho Chi Minh City") is "tỉnh"; a district's, a town's or a provincial city's
    ("Bac Kan City", "Bien Hoa city", "Mang Thit district") is "huyện"."""
    province = _city(place, g)
    kind = (kind or "").lower()
    if kind and not (province and province.central_city):
        name = re.sub(r"^the\s+", "", place.strip(), flags=re.I)
        wanted = {"city": "thành phố", "town": "thị xã"}.get(kind)
        districts = g.districts(name, wanted) if kind != "district" else g.districts(name)
        if districts and (found := g.province(districts[0].province)):
            return "huyện", found
    return "tỉnh", province


def _city(place: str, g: Gazetteer) -> Province | None:
    """The province a place's English name is ("Ho Chi Minh City", "HCMC", "Quang Ninh",
    "Hanoi": the gazetteer reads the names without marks or spaces)."""
    name = re.sub(r"^the\s+|\s+(?:city|province)$", "", place.strip(), flags=re.I)
    return g.province("HCM" if name.lower() == "hcmc" else name)


def fill_from_english(
    meta: Metadata, title: str, body: str, g: Gazetteer, ex: dict[str, Evidence]
) -> None:
    """An English page's unit, day and event, where the Vietnamese readers found none
    ("hosted a reception … on August 26" under a stamp of 26/08/2022: 2022-08-26)."""
    if not is_english(title, body):
        return
    if meta.level is None and (unit := english_unit(title, body, g)) is not None:
        meta.level, meta.unit = unit.level, unit.name
        ex["unit"] = ex["level"] = Evidence(unit.passage, "organiser, in English")
        if (province := unit.province) is not None:
            meta.province = g.display_province(province.name, meta.published)
            meta.province_2025 = province.name_2025
            ex["province"] = Evidence(unit.passage, "organiser's seat, in English")
            ex["province_2025"] = Evidence(f"{province.name} in the 1 July 2025 merger table")
    if not meta.meeting_types:
        event = english_event(title, body)
        if event.types:
            meta.meeting_types = event.types
            ex["meeting_types"] = Evidence(event.passage, "event named in English")
    reviews = {"tổng kết", "sơ kết", "giao ban"} & set(meta.meeting_types or [])
    head = title + "\n" + body[:800]
    if reviews and meta.period is None and (period := english_period(head)):
        meta.period, meta.period_year = period  # "its work in 2019": năm 2019
        ex["period"] = Evidence(title, "reporting period, in English")
    elif reviews and meta.period is None and (reviewed := launch_reviews(head)):
        meta.period, meta.period_year = "năm", reviewed  # "launch tasks in 2024": 2023's
        ex["period"] = Evidence(title, "the year a launch reports, in English")
    if not meta.meeting_types or meta.meeting_date:
        return
    lead = lead_paragraphs(title, body)
    said = english_day_match(lead)
    if said is not None:
        month, dom, year = day_of(said)
        if year is None and meta.published:  # the latest such day not after the stamp
            year = year_not_after(month, dom, meta.published)
        if year is None:  # "held on December 29 to launch missions in 2018": 2017
            year = launch_year(lead, month) or anniversary_year(lead)
        if year is None:
            return
        try:
            meta.meeting_date = date(year, month, dom)
        except ValueError:
            return
        passage = lead[max(0, said.start() - 80) : said.end() + 40]
    elif meta.published and (told := day_from_stamp(lead, meta.published)):
        meta.meeting_date, m = told  # "on Monday" under the stamp of Friday 27/12/2024
        passage = lead[max(0, m.start() - 80) : m.end() + 40]
    else:
        if meta.published and meta.year is None:  # an event, no day: the stamp's year
            meta.year = meta.published.year
            ex["year"] = Evidence("the publication date", "furniture")
        return
    meta.year = meta.meeting_date.year
    ex["meeting_date"] = ex["year"] = Evidence(passage, "lead's day, in English")
