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

from searcher.facts.record import Evidence, Metadata

# a page in another language: letters of a CJK script, or French and Spanish words no
# Vietnamese or English text writes this often
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_ROMANCE_WORDS = re.compile(
    r"(?<!\w)(?:le|les|des|du|une|dans|avec|est|el|los|las|del|con|para|una|que)(?!\w)"
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
    or French or Spanish (five of their common words in the first 800 characters)."""
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


def fill_from_foreign(meta: Metadata, title: str, body: str, ex: dict[str, Evidence]) -> None:
    """A page in another language: its national unit, where no other reader found one."""
    if meta.level is not None or not is_other_language(title, body):
        return
    if level := foreign_unit(title + "\n" + body):
        meta.level, meta.unit = level, "VKSND tối cao"
        ex["unit"] = ex["level"] = Evidence(title, "organiser, in another language")
