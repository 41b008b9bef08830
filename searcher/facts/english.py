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
    day_from_stamp,
    day_of,
    english_day_match,
    english_event,
    english_period,
)
from searcher.facts.record import Evidence, Metadata
from searcher.facts.unit_names import provincial, superior
from searcher.vi.places import Gazetteer, Province

# words that only English prose has this often (a Vietnamese page quoting an English name
# has few of them)
# (not "the", "to", "on", "that": Vietnamese typed without marks has "có thể", "tổ chức", "ổn
# định", "thật" so)
_FUNCTION_WORDS = re.compile(r"\b(?:of|and|for|with|its|has|was|were|is|from|by|which)\b")
_MARKED = re.compile(r"[^\W\d_a-zA-Z]")  # a letter outside a-z: "ă", "ệ", "đ"


def is_english(title: str, body: str) -> bool:
    """Whether the page is written in English: English function words among its words and
    next to no letters with Vietnamese marks in its first 800 characters."""
    head = (title + "\n" + body)[:800]
    marked = len(_MARKED.findall(head))  # a Vietnamese page is over at once
    if marked > 16:
        return False
    letters = len(_LATIN.findall(head))
    common = len(_FUNCTION_WORDS.findall(head.lower()))
    words = len(_WORD.findall(head))
    return letters > 0 and marked / (letters + marked) < 0.02 and common >= max(3, 0.05 * words)


_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[A-Za-z]+")


_PROCURACY = r"(?i:(?:people['’]?s\s+)?procura(?:cy|torate|toracy))"
# another country's ("the Lao Supreme People's Procuracy", "… of Laos"): no unit of ours
_FOREIGN = re.compile(
    r"\b(?:lao|laos|chinese|china|cuban|cuba|hungarian|russian|cambodian|korean|japanese|"
    r"american|french|german|belarusian|uzbek|kazakh|indonesian|thai|mongolian)\b"
    r"(?:\s+[a-z'’]+){0,2}\s*$",
    re.IGNORECASE,
)
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
# a province's or city's: "the Ho Chi Minh City People's Procuracy", "HCMC People's
# Procuratorate", "the People's Procuracy of Quang Ninh province"
_PLACE = r"(?P<place>(?:[A-Z][A-Za-z]*[ \t]+){0,3}[A-Z][A-Za-z]*)"
_LOCAL = re.compile(
    _PLACE
    + r"\s+(?i:city\s+|province\s+|provincial\s+|municipal\s+)?"
    + _PROCURACY
    + r"|"
    + _PROCURACY
    + r"\s+of\s+(?:the\s+)?"
    + _PLACE.replace("place", "place2")
    + r"\s+(?i:province|city)\b"
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
    for pattern, level in ((_SUPERIOR, "cấp cao"), (_SUPREME, "tối cao"),
                           (_MILITARY, "quân sự"), (_LOCAL, "tỉnh")):  # fmt: skip
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for _, s, e, _ in found):
                continue  # inside a name already read ("High-Level People's Procuracy")
            foreign = _FOREIGN.search(text, max(0, m.start() - 30), m.start())
            if foreign or _ABROAD_AFTER.match(text, m.end()):
                continue
            if level == "cấp cao":
                province = _city(m.group("city"), g)
            elif level == "tỉnh":
                province = _city(m.group("place") or m.group("place2"), g)
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
    military one (its name as written is kept)."""
    if level == "tối cao":
        return "VKSND tối cao"
    if province is None:
        return ""
    return superior(province.name) if level == "cấp cao" else provincial(province)


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
    reviews = {"tổng kết", "sơ kết"} & set(meta.meeting_types or [])
    if reviews and meta.period is None and (period := english_period(title + "\n" + body[:800])):
        meta.period, meta.period_year = period  # "its work in 2019": năm 2019
        ex["period"] = Evidence(title, "reporting period, in English")
    if not meta.meeting_types or meta.meeting_date:
        return
    said = english_day_match(body[:800])
    if said is not None:
        month, dom, year = day_of(said)
        if year is None and meta.published:  # the latest such day not after the stamp
            year = meta.published.year - ((month, dom) > (meta.published.month, meta.published.day))
        if year is None:
            return
        try:
            meta.meeting_date = date(year, month, dom)
        except ValueError:
            return
        passage = body[max(0, said.start() - 80) : said.end() + 40]
    elif meta.published and (told := day_from_stamp(body[:800], meta.published)):
        meta.meeting_date, m = told  # "on Monday" under the stamp of Friday 27/12/2024
        passage = body[max(0, m.start() - 80) : m.end() + 40]
    else:
        return
    meta.year = meta.meeting_date.year
    ex["meeting_date"] = ex["year"] = Evidence(passage, "lead's day, in English")
