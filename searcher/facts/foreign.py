"""The unit of a page in a language neither Vietnamese nor English: a Vietnamese paper's
French, Spanish, Chinese or Japanese edition reporting a procuracy's event ("Le Parquet
populaire suprême a organisé …", "越南最高人民检察院副检察长 …", "検察部門 2019年の任務を展開").

Only the national unit, and a province's in French and Spanish, are read: the sector and the
supreme procuracy under each language's name, never another country's ("中国最高人民检察院",
"le Parquet populaire suprême du Laos"). ``metadata`` fills only what the Vietnamese and the
English readers left empty.

>>> foreign_unit("Le Parquet populaire suprême a organisé mercredi une conférence à Hanoi.")
'tối cao'
>>> foreign_unit("中国最高人民检察院检察长会见代表团。") is None
True
"""

from __future__ import annotations

import re
from datetime import date

from searcher.facts.kinds import MEETING_TYPES
from searcher.facts.record import Evidence, Metadata
from searcher.facts.unit_names import provincial
from searcher.vi.dates import make_date, year_not_after
from searcher.vi.places import Gazetteer, Province

# a page in another language: letters of a CJK script, or French, Spanish and German words no
# Vietnamese or English text writes this often
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_ROMANCE_WORDS = re.compile(
    r"(?<!\w)(?:le|les|des|du|une|dans|avec|est|el|los|las|del|con|para|una|que|"
    r"der|und|mit|von|eine|zwischen)(?!\w)"
)
# the national unit: the supreme procuracy or the sector, in each language
_NATIONAL = re.compile(
    r"parquets?\s+populaires?\s+supr[eê]mes?|secteur\s+des\s+parquets|"
    r"fiscal[ií]a\s+(?:suprema\s+popular|popular\s+suprema)|sector\s+fiscal|fiscal[ií]a\s+nacional|"
    r"最高人民检察院|最高人民検察院|检察部门|検察部門|检察行业",
    re.IGNORECASE,
)
# another country's, named just before it ("中国最高人民检察院", "老挝最高人民检察院")
_FOREIGN_BEFORE = re.compile(r"(?:中国|中华人民共和国|老挝|柬埔寨|日本|中國)$")
# … or just after it ("le Parquet populaire suprême du Laos", "de la Chine")
_FOREIGN_AFTER = re.compile(
    r"\s+(?:du|de\s+la|de\s+l['’]|de|del)\s+(?:Laos|Chine|Cambodge|Cuba|China|Camboya)\b"
)


def is_other_language(title: str, body: str) -> bool:
    """Whether the page is written in a language the other readers do not read: a CJK script,
    or French, Spanish or German (five of their common words in the first 800 characters)."""
    head = (title + "\n" + body)[:800]
    if len(_CJK.findall(head)) >= 10:
        return True
    return len(_ROMANCE_WORDS.findall(head.lower())) >= 5


# a province's or a city's procuracy ("省人民检察院", "谅山省检察机关", "崇左市人民检察院",
# "le Parquet populaire de la province de …"): not the national unit, whatever it meets
_LOCAL = re.compile(
    r"[省市](?:人民)?(?:检察院|検察院|检察机关)|parquet\s+populaire\s+(?:provincial|de\s+la\s+"
    r"province|municipal)|fiscal[ií]a\s+popular\s+(?:provincial|de\s+la\s+provincia)",
    re.IGNORECASE,
)


def foreign_unit(text: str) -> str | None:
    """The level of the unit a page in another language names: "tối cao" when it names the
    supreme procuracy or the sector, not another country's, before any local one.

    >>> foreign_unit("崇左市人民检察院代表团赴越南谅山省检察机关交流访问。最高人民检察院 …") is None
    True
    """
    local = _LOCAL.search(text, 0, 1500)
    for m in _NATIONAL.finditer(text[:1500]):
        if local and local.start() < m.start():
            return None  # a local unit named first: the page is about it
        if _FOREIGN_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        if _FOREIGN_AFTER.match(text, m.end()):
            continue
        return "tối cao"
    return None


# a province's or a centrally run city's procuracy, named in French, Spanish or German ("le
# Parquet populaire de la province de Dong Nai", "Parquet populaire de Hô Chi Minh-Ville", "la
# Fiscalía Popular de la provincia de …", "die Volksstaatsanwaltschaft der Provinz Thanh Hoa")
_PLACE = r"(?P<place>[A-ZÀ-Ỹ][\wÀ-ỹ'’-]*(?:[ -][A-ZÀ-Ỹ][\wÀ-ỹ'’-]*){0,3})"
_PROVINCIAL = re.compile(
    r"(?i:\bparquet\s+populaire\s+(?:provincial\s+)?de\s+(?:la\s+province\s+de\s+)?)"
    + _PLACE
    + r"|(?i:\bfiscal[ií]a\s+popular\s+de\s+(?:la\s+provincia\s+de\s+)?)"
    + _PLACE.replace("place", "p2")
    + r"|(?i:\bVolksstaatsanwaltschaft\s+der\s+Provinz\s+)"
    + _PLACE.replace("place", "p3")
)


def foreign_province(text: str, g: Gazetteer) -> Province | None:
    """The province whose procuracy a page in French, Spanish or German names first, before any
    national one.

    >>> from searcher.vi.places import gazetteer
    >>> foreign_province("le chef du Parquet populaire de la province de Dong Nai a déclaré",
    ...                  gazetteer()).name
    'Đồng Nai'
    """
    m = _PROVINCIAL.search(text, 0, 1500)
    national = _NATIONAL.search(text, 0, 1500)
    if m is None or (national and national.start() < m.start()):
        return None
    place = m["place"] or m["p2"] or m["p3"]
    return g.province(re.sub(r"-?Ville$", "", place))  # "Hô Chi Minh-Ville": "Hô Chi Minh"


# the kinds of event, in French, Spanish, German, Chinese and Japanese words (each a type of
# the label guide; "khác" when only an event is named)
_TYPES = {
    "tổng kết": r"\bbilan\b|\brésumer\s+les\s+tâches|总结",
    "triển khai": r"\bdéplo(?:yer|iement)\b|工作计划部署|部署会议|任務を展開|業務展開",
    "hội thảo": r"\bséminaire\b|\bseminario\b|座谈会|研讨会",
    "ký kết": r"\bsign(?:é|er|ature)\b[^.]{0,60}\b(?:accord|mémorandum|règlement)|签署",
}
_COMPILED = {name: re.compile(p, re.IGNORECASE) for name, p in _TYPES.items()}
_EVENT = re.compile(
    r"\b(?:conférence|réunion|cérémonie|visite|reçoit|a\s+reçu|séance|procès|remis|rencontre|"
    r"conferencia|reunión|ceremonia|visita|recibió|Konferenz|Treffen|Besuch|"
    r"acte\s+d['’]accusation|excuses\s+publiques)\b|"  # a case's step: an indictment, an apology
    r"会议|会谈|会见|访问|仪式|举行|召开|会議|会談|訪問|迎え|訪日",
    re.IGNORECASE,
)
_MONTHS = {
    **{m: i for i, m in enumerate(("janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre"), 1)},
    **{m: i for i, m in enumerate(("enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"), 1)},
    **{m: i for i, m in enumerate(("januar", "februar", "märz", "april", "mai", "juni", "juli",
        "august", "september", "oktober", "november", "dezember"), 1)},
}  # fmt: skip
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
# the lead's day: "le 18 juillet", "du 1er décembre", "mardi 20 juin", "el 5 de marzo", "am
# Morgen des 2. Juli", "2025年9月22日", "7月23日"
_DAY = re.compile(
    r"\b(?P<day>\d{1,2})(?:er|\.)?\s+(?:de\s+)?" + _MONTH + r"\b(?:\s+(?:de\s+)?(?P<year>\d{4}))?"
    r"|(?:(?P<cjk_year>\d{4})年)?(?P<cjk_month>\d{1,2})月(?P<cjk_day>\d{1,2})日",
    re.IGNORECASE,
)


def foreign_types(head: str) -> list[str]:
    """The kinds of event a page in another language names.

    >>> foreign_types("越南最高人民检察院召开2023年人民检察院工作计划部署会议")
    ['triển khai']
    >>> foreign_types("Un séminaire organisé mardi 20 juin à Hô Chi Minh-Ville")
    ['hội thảo']
    """
    found = [name for name, pattern in _COMPILED.items() if pattern.search(head)]
    if not found and _EVENT.search(head):
        found = ["khác"]
    return sorted(found, key=MEETING_TYPES.index)


def foreign_day(head: str, bound: date | None) -> date | None:
    """The first day the lead names, its year written or the latest not after ``bound``
    (the stamp's day or month's end).

    >>> foreign_day("… ont organisé le 18 juillet dans la province …", date(2017, 7, 31))
    datetime.date(2017, 7, 18)
    >>> foreign_day("2025年9月22日下午,在香港", None)
    datetime.date(2025, 9, 22)
    """
    for m in _DAY.finditer(head):
        if m["cjk_month"]:
            year, month, day = m["cjk_year"], int(m["cjk_month"]), int(m["cjk_day"])
        else:
            year, month, day = m["year"], _MONTHS[m["month"].lower()], int(m["day"])
        if year is None and bound is not None:
            year = year_not_after(month, day, bound)
        if year is None:
            continue
        if found := make_date(int(year), month, day):
            return found
    return None


def fill_from_foreign(
    meta: Metadata,
    title: str,
    body: str,
    ex: dict[str, Evidence],
    bound: date | None = None,
    g: Gazetteer | None = None,
) -> None:
    """A page in another language: its national unit, its kind of event and its day, where
    no other reader found them; ``bound``: the stamp's day, or its month's end."""
    if not is_other_language(title, body):
        return
    text = title + "\n" + body
    if meta.level is None and g is not None and (province := foreign_province(text, g)):
        meta.level, meta.unit = "tỉnh", provincial(province)
        meta.province = g.display_province(province.name, meta.published)
        meta.province_2025 = province.name_2025
        ex["unit"] = ex["level"] = ex["province"] = Evidence(
            title, "organiser, in another language"
        )
    elif meta.level is None and (level := foreign_unit(text)):
        meta.level, meta.unit = level, "VKSND tối cao"
        ex["unit"] = ex["level"] = Evidence(title, "organiser, in another language")
    head = title + "\n" + body[:800]
    if not meta.meeting_types and (types := foreign_types(head)):
        meta.meeting_types = types
        ex["meeting_types"] = Evidence(title, "event named in another language")
    if meta.meeting_types and not meta.meeting_date and (day := foreign_day(head, bound)):
        meta.meeting_date, meta.year = day, day.year
        ex["meeting_date"] = ex["year"] = Evidence(title, "lead's day, in another language")
