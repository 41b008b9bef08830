"""Build searcher/data/gazetteer.json from the official lists in ../shared/data/admin.

    python tools/build_gazetteer.py [--admin ../shared/data/admin]

The output is data the project owns: provinces before and after the 1 July 2025
merger, every district (with its province then and since 2025) including older
names, superior procuracies and common aliases. Display names use one tone
placement ("Hòa Bình", not "Hoà Bình").
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from searcher.vi.text import old_style_tones

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "searcher" / "data" / "gazetteer.json"

# Aliases as users and reporters write them -> official short name (pre-2025 list).
ALIASES = {
    "TP HCM": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "Thừa Thiên-Huế": "Huế",
    "TT-Huế": "Huế",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "BR-VT": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Daklak": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đak Lak": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Đắc Nông": "Đắk Nông",
    "Đắk Nông": "Đắk Nông",
    "Đăk Nông": "Đắk Nông",
    "Hà Nội": "Hà Nội",
    "HN": "Hà Nội",
    "Hải Phòng": "Hải Phòng",
    "Cần Thơ": "Cần Thơ",
}
# The three superior procuracies (VKSND cấp cao), "Viện cấp cao 1/2/3".
SUPERIOR = {"1": "Hà Nội", "2": "Đà Nẵng", "3": "Hồ Chí Minh"}


def without_kind(name: str, kinds: tuple[str, ...]) -> str:
    """The name without the kind it starts with, in any case ("Thành Phố Bắc Kạn" →
    "Bắc Kạn"), with old-style tones."""
    for kind in kinds:
        if name.lower().startswith(kind):
            return old_style_tones(name[len(kind) :])
    return old_style_tones(name)


def short(full: str) -> str:
    """A province's name without "Tỉnh" or "Thành phố"."""
    return without_kind(full, ("thành phố ", "tỉnh "))


def bare(name: str) -> str:
    """A district's name without its kind, which a few rows of the official list repeat
    ("Thị Xã Mường Lay" → "Mường Lay")."""
    return without_kind(name, ("thị xã ", "thành phố ", "huyện ", "quận "))


def build(admin: Path) -> dict:
    provinces = []
    for row in csv.DictReader((admin / "provinces_63_pre2025.csv").open(encoding="utf-8")):
        provinces.append(
            {
                "code": row["code"],
                "name": old_style_tones(row["name"]),
                "central_city": row["type"].startswith("Thành phố"),
                "name_2025": short(row["new_full_name_2025"]),
            }
        )
    provinces_2025 = [
        {"code": row["code_2025"], "name": short(row["full_name_2025"])}
        for row in csv.DictReader((admin / "provinces_34_2025.csv").open(encoding="utf-8"))
    ]
    by_code = {p["code"]: p["name"] for p in provinces}
    districts = []
    seen = set()
    for row in csv.DictReader((admin / "districts_696_pre2025.csv").open(encoding="utf-8")):
        entry = {
            "name": bare(row["name"]),
            "type": row["type"].lower(),
            "province": by_code[row["province_code"]],
        }
        districts.append(entry)
        seen.add((entry["type"], entry["name"], entry["province"]))
    historical = admin / "districts_historical_names_2003-2021.csv"
    for row in csv.DictReader(historical.open(encoding="utf-8")):
        full = old_style_tones(row["historical_full_name"])
        kind, _, name = full.partition(" ")
        if kind == "Thành" or kind == "Thị":
            kind2, _, name = name.partition(" ")
            kind = f"{kind} {kind2}"
        province = by_code.get(row["province_code"])
        key = (kind.lower(), name, province)
        if province and name and key not in seen:
            seen.add(key)
            districts.append({"name": name, "type": kind.lower(), "province": province})
    return {
        "source": "../shared/data/admin (GSO lists, 1 March 2025; 2025 merger)",
        "provinces": provinces,
        "provinces_2025": provinces_2025,
        "districts": districts,
        "aliases": {old_style_tones(k): v for k, v in ALIASES.items()},
        "superior": SUPERIOR,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin", type=Path, default=ROOT.parent / "shared" / "data" / "admin")
    args = parser.parse_args()
    data = build(args.admin)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(data['provinces'])} provinces, {len(data['districts'])} districts")


if __name__ == "__main__":
    main()
