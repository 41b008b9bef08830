"""The gazetteer: provinces (63 before, 34 after 1 July 2025), districts, aliases.

Built from the official lists by ``tools/build_gazetteer.py`` into
``searcher/data/gazetteer.json``. Every lookup compares folded forms, so
"Thanh Hoá", "thanh hóa" and "THANH HOA" name the same province.

>>> gazetteer().province("thanh hoa").name
'Thanh Hóa'
>>> gazetteer().province("TP.HCM").name
'Hồ Chí Minh'
>>> gazetteer().province("Thái Bình").name_2025
'Hưng Yên'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from searcher.vi.text import canonical, fold

MERGER_DATE = date(2025, 7, 1)


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # as it was before 1 July 2025, e.g. "Thái Bình"
    name_2025: str  # the province it became part of, e.g. "Hưng Yên"
    central_city: bool


@dataclass(frozen=True, slots=True)
class District:
    name: str
    kind: str  # "quận", "huyện", "thị xã", "thành phố"
    province: str


def name_key(folded: str) -> str:
    """Folded words as the gazetteer looks them up: one space between words, no
    apostrophe ("ea h'leo", "ea h’ leo" and "ea hleo" are one name)."""
    if "'" in folded or "’" in folded:
        folded = re.sub(r"\s*['’]\s*", "", folded)
    return re.sub(r"[\s.\-]+", " ", folded).strip()


def _key(name: str) -> str:
    return name_key(fold(name))


def written_words(name: str) -> tuple[str, ...]:
    """A name's words as written, in canonical form ("Thanh Hoá" → ("thanh", "hóa"))."""
    return tuple(re.findall(r"[^\W_]+", canonical(name)))


class Gazetteer:
    """Lookups over the project's gazetteer data."""

    def __init__(self, data: dict) -> None:
        self.provinces = [
            Province(p["name"], p["name_2025"], p["central_city"]) for p in data["provinces"]
        ]
        self.provinces_2025 = [p["name"] for p in data["provinces_2025"]]
        self._provinces = {_key(p.name): p for p in self.provinces}
        # each province as written with its marks, in words ("thanh hóa"; "đăk lăk")
        self.written: dict[str, set[tuple[str, ...]]] = {
            p.name: {written_words(p.name)} for p in self.provinces
        }
        self.aliases = list(data["aliases"])  # other spellings of a province's name
        for alias, target in data["aliases"].items():
            self._provinces.setdefault(_key(alias), self._provinces[_key(target)])
            self.written[self._provinces[_key(target)].name].add(written_words(alias))
        for key, province in list(self._provinces.items()):  # "haiphong", "thanhhoa"
            self._provinces.setdefault(key.replace(" ", ""), province)
        self._provinces_2025 = {_key(n): n for n in self.provinces_2025}
        self._districts: dict[str, list[District]] = {}
        for d in data["districts"]:
            district = District(d["name"], d["type"], d["province"])
            self._districts.setdefault(_key(d["name"]), []).append(district)
        for key, found in list(self._districts.items()):  # "Đakrông" for "Đa Krông"
            self._districts.setdefault(key.replace(" ", ""), found)
        self.superior = dict(data["superior"])
        self.province_keys = sorted(self._provinces, key=len, reverse=True)
        self.district_keys = sorted(self._districts, key=len, reverse=True)

    def names(self) -> list[str]:
        """Every place name as written: provinces (before and since 2025), then districts."""
        names = [p.name for p in self.provinces] + list(self.provinces_2025)
        return names + [d.name for ds in self._districts.values() for d in ds]

    def province(self, name: str) -> Province | None:
        """The pre-2025 province (or alias) called ``name``, or None."""
        key = _key(name)
        return self._provinces.get(key) or self._provinces.get(key.replace(" ", ""))

    def province_2025(self, name: str) -> str | None:
        """One of the 34 post-merger names, or None."""
        return self._provinces_2025.get(_key(name))

    def districts(self, name: str, kind: str | None = None, written: str = "") -> list[District]:
        """Every district called ``name`` (optionally of one kind); ``written``: the words
        as the text writes them, marks and all, which tell apart names that fold alike
        ("Tam Dương" of Vĩnh Phúc, "Tam Đường" of Lai Châu; "Phú Ninh", "Phù Ninh").

        >>> [d.province for d in gazetteer().districts("tam duong", "huyện", "Tam Dương sơ")]
        ['Vĩnh Phúc']
        """
        found = self._districts.get(_key(name), [])
        if written and len(found) > 1:
            words = written_words(written)
            marked = [d for d in found if words[: len(w := written_words(d.name))] == w]
            found = marked or found
        if kind is None:
            return list(found)
        same = [d for d in found if d.kind == kind]
        return same or list(found)

    def display_province(self, name: str, when: date | None) -> str:
        """A province's name as it was on ``when``: the old name before the merger,
        the merged one after it."""
        p = self.province(name)
        if p is None:
            return name
        if when is not None and when >= MERGER_DATE:
            return p.name_2025
        return p.name

    def facet_province(self, value: str) -> str | None:
        """Resolve a user's province filter (any spelling, old or new) to its display form."""
        p = self.province(value)
        if p is not None:
            return p.name
        return self.province_2025(value)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    text = resources.files("searcher").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    return Gazetteer(json.loads(text))
