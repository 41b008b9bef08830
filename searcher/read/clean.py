"""Website boilerplate removal and the author/source line.

Scraped reports end with footers (address, phone, licence, copyright), related
links ("Tin liên quan"), visitor counters and navigation words. ``clean_lines``
drops those and keeps every sentence of the report.

>>> clean_lines(["Tin hoạt động", "Hội nghị giao ban", "Đang truy cậpKhách online : 474"])
['Hội nghị giao ban']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from searcher.vi.text import fold

# A heading over a list of other articles: their headlines name other units, dates and
# meetings, none of them this page's or its site's ("Tin liên quan", "Các tin khác")
_RELATED = r"tin lien quan|cac tin khac|tin khac|tin cung chuyen muc|bai viet lien quan"
# A line that starts the page's tail: everything after it is site furniture.
_TAIL_STARTS = re.compile(
    r"^(" + _RELATED + r"|trang thong tin dien tu\s*:|ban quyen thuoc|chung nhan tin nhiem mang)"
    r"(?!\w)"
)
_RELATED_STARTS = re.compile(
    r"^(?:" + _RELATED + r")(?!\w)"
    # headings of such lists, alone on their line ("Tin mới hơn", "Xem thêm:")
    r"|^(?:(?:cac )?tin (?:moi|cu)(?: hon| nhat)?|cac tin da dua|(?:cac )?(?:tin bai|bai viet|"
    r"tin tuc) khac|bai lien quan|xem them|doc them|tin (?:doc|xem) nhieu(?: nhat)?|"
    r"tin noi bat)\s*:?$"
)
# A line that is furniture by itself (compared on folded text).
_MOTTO = (
    r"tat ca vi muc tieu dan giau,? nuoc manh,? dan chu,? cong bang,? van minh|"
    r"doan ket,? trach nhiem\s*-?\s*ky cuong,? liem chinh\s*-?\s*ban linh,? hieu qua|"
    r"doan ket,? ky cuong,? hanh dong,? sang tao,? dot phat?,? phat trien|"
    r"cong minh,? chinh truc,? khach quan,? than trong,? khiem ton"
)
_FURNITURE = re.compile(
    r"^(page content|(?:xem voi )?co chu\s*:?(?:\s*a\s*[+-]?)*|tin hoat dong|phan mem quan ly|"
    # a breadcrumb ("Trang chủ » Tin tức - Sự kiện » Hoạt động của ngành")
    r"trang chu\s*[»>›/|].{0,150}|"
    r"lien ket website|"
    r"thong ke|thanh vien|trang chu|in bai viet|gui email|ban in|"
    # the share buttons ("Chia sẻ Facebook Zalo Twitter", "Chia sẻ:")
    r"chia se\s*:?(?:\s*(?:facebook|zalo|twitter|email|linkedin|bai viet|qua|len))*|"
    r"chung nhan tin nhiem mang|dang truy cap.*|tong luot truy cap.*|tong so truy cap.*|"
    r"khach online.*|luot xem.*|so luot xem.*|[•·*\s]*thanh vien|"
    r"tat ca chuyen muc|"
    # the mottos a procuracy's site heads every page with, alone on their line ("Tất cả vì
    # mục tiêu dân giàu, nước mạnh, …", "Công minh, chính trực, khách quan, thận trọng,
    # khiêm tốn")
    r"(?:(?:" + _MOTTO + r")[\s.,;!-]*)+|"
    # a page's loading message ("Xin chờ trong giây lát...", "Đang tải...")
    r"xin (?:vui long )?cho(?: trong)? giay lat\W*|dang tai(?: du lieu)?\W*|loading\W*|"
    # a weather widget: "Đà Nẵng 31 °C", "30°C", "/ 27°C - 33°C"
    r"[•·*\s]*(?:[a-z.]+\s){1,7}\s*-?\d{1,2}\s*°\s*c|"
    r"[/\s]*-?\d{1,2}\s*°\s*c(?:\s*[-–/]\s*-?\d{1,2}\s*°\s*c)?)$"
)
_FOOTER_FIELD = re.compile(
    r"^(dia chi|dien thoai|dt|fax|email|e-mail|website|so giay phep|giay phep|"
    r"truong ban bien tap|co quan chu quan|chiu trach nhiem|thiet ke boi|ban quyen)\s*[:.]"
)
_FOOTER_ANYWHERE = re.compile(r"(dien thoai\s*:.*fax|giay phep so|@vks\.gov\.vn|thiet ke boi)")

_AUTHOR_MARKERS = re.compile(
    r"(^tin(,| va| &)? ?(anh|hinh)\s*:|^anh\s*:|^tac gia\s*:|^nguon\s*:|^bai(,| va) anh\s*:|"
    r"van phong|\bvksnd\b|vien kiem sat|phong \d|\bphong\b.*\bvks)"
)
_DAY_MONTH = re.compile(r"(?<!\d)\d{1,2}\s*[/-]\s*\d{1,2}(?!\d)")
_PERSON_THEN_UNIT = re.compile(r"^[A-ZĐ][^\s,–\-]*(?:\s+[A-ZĐ][^\s,–\-]*){1,4}\s*[-–,_]\s*\S")


_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


@dataclass(frozen=True, slots=True)
class Cleaned:
    lines: list[str]
    author: str | None


def is_furniture(line: str) -> bool:
    """True for a line that belongs to the website, not to the report."""
    return _furniture(fold(line).strip())


def _furniture(folded: str) -> bool:
    if "|" in folded and len(folded) < 200:  # a tool bar: "Cỡ chữ: A- A A+ | In bài | Gửi email"
        parts = [p.strip() for p in folded.split("|")]
        if all(p and _furniture(p) for p in parts):
            return True
    return bool(folded) and bool(
        _FURNITURE.match(folded) or _FOOTER_FIELD.match(folded) or _FOOTER_ANYWHERE.search(folded)
    )


@dataclass(frozen=True, slots=True)
class Page:
    lines: list[str]  # the report's own lines
    furniture: list[str]  # what was dropped but the related headlines (the site's owner)


def split_page(lines: list[str]) -> Page:
    """The report's own lines apart from furniture; the page tail is cut. The headlines
    listed under "Tin liên quan" are dropped from both: other articles' units and dates,
    not this page's nor its site's (a footer after them is furniture again).

    >>> page = split_page(["Hội nghị.", "Tin liên quan", "VKSND tỉnh Cà Mau giao ban",
    ...                    "Bản quyền thuộc VKSND tỉnh Bến Tre"])
    >>> page.lines, page.furniture
    (['Hội nghị.'], ['Tin liên quan', 'Bản quyền thuộc VKSND tỉnh Bến Tre'])
    """
    out: list[str] = []
    furniture: list[str] = []
    in_tail = in_related = False
    for raw in lines:
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        folded = fold(line)  # once: a JSONL body is often one long line
        related = bool(_RELATED_STARTS.match(folded))
        starts_tail = related or bool(_TAIL_STARTS.match(folded))
        if starts_tail or (in_related and _furniture(folded.strip())):
            in_related = related  # a footer ends the list
        if in_related and not starts_tail:
            continue  # another article's headline
        if in_tail or starts_tail or _furniture(folded.strip()):
            in_tail = in_tail or starts_tail
            furniture.append(line)
        else:
            out.append(line)
    return Page(out, furniture)


def clean_lines(lines: list[str]) -> list[str]:
    """The report's own lines: furniture dropped, the page tail cut, spaces tidied."""
    return split_page(lines).lines


_TOLD = re.compile(r"\b(?:da|dang|se|vua)\s+[a-z]")


def looks_like_author(line: str) -> bool:
    """The short signature that ends a report.

    >>> looks_like_author("Tin và hình: Lê Vũ Phong.")
    True
    >>> looks_like_author("Văn phòng tổng hợp_VKSND tỉnh Thanh Hóa")
    True
    >>> looks_like_author("Hội nghị thống nhất chọn chủ đề công tác năm 2021./.")
    False
    >>> looks_like_author("Tham dự có đại diện các đơn vị: VKSQS Trung ương, VKSND cấp cao")
    False
    >>> looks_like_author("Ngày 21/3/2023, Đoàn kiểm tra của VKSND tối cao đã kiểm tra.")
    False
    >>> looks_like_author("Tại buổi học, đồng chí Trưởng phòng đã giới thiệu về tác hại của ma túy")
    False
    """
    if len(line) > 120 or line.endswith("./.") or line.count(".") > 2:
        return False
    folded = fold(line)
    # a sentence about the meeting, unless a short label leads it ("Tin, ảnh: …")
    if re.search(r"\b(hoi nghi|to chuc|phat bieu|tham du)\b", folded) and ":" not in line[:20]:
        return False
    # nor a sentence that dates something ("Trong hai ngày 21 và 22/3/2023, Đoàn kiểm tra
    # của VKSND tối cao đã …"): a signature carries no day and month
    if _DAY_MONTH.search(line) and ":" not in line[:20]:
        return False
    # nor a sentence that tells what someone did ("Tại buổi tuyên truyền, đồng chí Phó Chánh
    # Văn phòng đã giới thiệu …"): a signature names, it has no verb of the past or future
    if _TOLD.search(folded) and len(line.split()) > 8 and ":" not in line[:20]:
        return False
    return bool(_AUTHOR_MARKERS.search(folded) or _PERSON_THEN_UNIT.match(line))


def split_author(lines: list[str]) -> Cleaned:
    """Take the author/source line off the end of the report, if there is one."""
    if len(lines) >= 2 and looks_like_author(lines[-1]):
        return Cleaned(lines[:-1], lines[-1].rstrip(". ").strip())
    return Cleaned(lines, None)
