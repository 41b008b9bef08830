"""Years an occasion names when the text gives no date: the last resorts for a year.

- a lunar new year by its name: "Tết Nguyên đán Mậu Tuất" is 2018, "Xuân Bính Ngọ"
  2026 (ten stems and twelve branches: the year's last digit and its remainder by 12);
- the N-th anniversary of a founding whose date every reader knows: "kỷ niệm 60 năm
  Ngày thành lập ngành Kiểm sát nhân dân" is 2020 (26/7/1960), the Party's (1930), the
  Youth Union's (1931), the Trade Union's (1929), the army's (1944), the police's and the
  courts' (1945), also written "80 năm xây dựng và trưởng thành của ngành Tòa án"; and of
  a day the country marks ("115 năm Ngày Quốc tế Phụ nữ": 2025).

A work year the title names ("triển khai công tác năm 2022") is not one: such a meeting
is held in that January or the December before (the labellers of the development set
split evenly on it), so it gives the period, not the year.

>>> lunar_year("Thăm hỏi nhân dịp Tết Nguyên đán Mậu Tuất", latest=2026)
2018
>>> founding_anniversary_year("Kỷ niệm 60 năm Ngày thành lập ngành Kiểm sát nhân dân", 2026)
2020
"""

from __future__ import annotations

import re

from searcher.vi.text import canonical, fold

# a stem is the year's last digit, a branch its remainder by 12 ("giáp tý" = 1984, 2044)
STEMS = {"canh": 0, "tân": 1, "nhâm": 2, "quý": 3, "quí": 3, "giáp": 4, "ất": 5, "bính": 6,
         "đinh": 7, "mậu": 8, "kỷ": 9, "kỉ": 9}  # fmt: skip
BRANCHES = {"thân": 0, "dậu": 1, "tuất": 2, "hợi": 3, "tý": 4, "tí": 4, "sửu": 5, "dần": 6,
            "mão": 7, "mẹo": 7, "thìn": 8, "tỵ": 9, "tị": 9, "ngọ": 10, "mùi": 11}  # fmt: skip
_LUNAR = re.compile(
    r"(?<!\w)(?:tết|xuân)(?:\s+nguyên\s+đán)?\s+("
    + "|".join(STEMS)
    + r")\s+("
    + "|".join(BRANCHES)
    + r")(?!\w)"
)

# founding years by the folded name that follows "N năm ngày thành lập"; the sector's
# and the unions' own names, not a province's unit or a Party committee ("Đảng bộ")
_END = r"(?=[ \t]*(?:[^\w\s]|\n|$))"  # the name ends there: "Đảng (3/2/1930 …", "Đoàn.", a line
FOUNDED = (
    # "… kỷ niệm 60 năm thành lập ngành": the sector a procuracy's page names unnamed
    (r"nganh kiem sat|vien kiem sat nhan dan(?!\s+(?:tinh|thanh pho|huyen|quan|thi xa|cap"
     r"|khu vuc|toi cao|quan su)\b)|nganh" + _END, 1960),
    (r"dang cong san viet nam|dang" + _END, 1930),
    (r"doan thanh nien cong san ho chi minh|doan tncs ho chi minh|doan" + _END, 1931),
    (r"cong doan viet nam", 1929),
    (r"quan doi nhan dan viet nam", 1944),
    (r"cong an nhan dan", 1945),
    # the courts' (13/9/1945), named by the sector, not a court of a place
    (r"nganh toa an(?: nhan dan)?|toa an nhan dan(?!\s+(?:tinh|thanh pho|huyen|quan|thi xa|cap"
     r"|khu vuc|toi cao|quan su)\b)", 1945),
)  # fmt: skip
_FOUNDING = re.compile(
    r"\b(\d{1,3})\s+nam\s+(?:ngay\s+)?(?:thanh\s+lap|truyen\s+thong|"
    r"xay\s+dung\s+va\s+truong\s+thanh(?:\s+cua)?)\s+(?:"
    + "|".join(f"({name})" for name, _ in FOUNDED)
    + ")"
)


# days the country marks, by the folded name after "N năm (Ngày)": "kỷ niệm 115 năm Ngày Quốc
# tế Phụ nữ" is 2025 (8/3/1910)
COMMEMORATED = (
    (r"quoc te phu nu", 1910),
    (r"phu nu viet nam|thanh lap hoi lien hiep phu nu viet nam", 1930),
    (r"thuong binh,? liet si", 1947),
    (r"nha giao viet nam", 1982),
    (r"sinh (?:cua )?(?:chu tich ho chi minh|bac ho|bac)" + _END, 1890),
    (r"quoc khanh|cach mang thang tam", 1945),
    (r"giai phong (?:hoan toan )?mien nam", 1975),
)
_COMMEMORATION = re.compile(
    r"\b(\d{1,3})\s+nam\s+(?:ngay\s+)?(?:" + "|".join(f"({name})" for name, _ in COMMEMORATED) + ")"
)


def lunar_year(text: str, latest: int) -> int | None:
    """The year of the first lunar new year the text names ("Tết Nhâm Dần": 2022), the
    latest such year not after ``latest`` + 1, and never after ``latest`` (a visit in the
    December before the Tết it names is in that December's year)."""
    m = _LUNAR.search(canonical(text))
    if not m:
        return None
    stem, branch = STEMS[m.group(1)], BRANCHES[m.group(2)]
    for year in range(latest + 1, latest - 60, -1):
        if year % 10 == stem and year % 12 == branch:
            return min(year, latest)
    return None  # a stem and a branch that never meet ("giáp sửu")


def founding_anniversary_year(text: str, latest: int) -> int | None:
    """The year of the N-th anniversary of a well-known founding the text celebrates,
    never after ``latest``."""
    folded = fold(text)
    for pattern, table in ((_FOUNDING, FOUNDED), (_COMMEMORATION, COMMEMORATED)):
        for m in pattern.finditer(folded):
            founded = next(y for (_, y), g in zip(table, m.groups()[1:], strict=True) if g)
            year = founded + int(m.group(1))
            if founded < year <= latest:  # "0 năm" celebrates nothing
                return year
    return None
