"""Spans of a report that carry a role, found before any fact is read.

Facts are read from roles, not from the first date or name that matches: a date
inside a document citation is the document's, a unit inside a guest list is a
guest's, a clock on a page header is the page's.

Roles:

- ``citation``: a cited document, its kind, number, date and issuer
  ("Kế hoạch số 12/KH-VKS ngày 16/01/2019 của VKSND tỉnh Hà Nam");
- ``anniversary``: a founding-to-now range ("(26/7/1960 - 26/7/2020)");
- ``furniture``: a line that is a page header clock, a stamp, a view count or the site's
  welcome ("Thứ Hai, ngày 15 tháng 12 năm 2025", "06/01/2020 | 1755", "Chào mừng bạn đã
  đến với website …");
- ``guests``: who attended ("Dự Hội nghị có đồng chí …, Phó Viện trưởng VKSND tỉnh"),
  found on their own by ``guest_lists`` (the unit weighing needs only them).

Everything works on folded text (``searcher.vi.text.fold``), whose offsets are those
of the original.

>>> text = fold("Thực hiện Kế hoạch số 12/KH-VKS ngày 16/01/2019 của VKSND tỉnh Hà Nam, "
...             "ngày 14/11/2019 VKSND tỉnh Hà Nam tổ chức hội nghị.")
>>> [(s.role, s.kind, text[s.start:s.end]) for s in find_spans(text)]
[('citation', 'ke hoach', 'ke hoach so 12/kh-vks ngay 16/01/2019 cua vksnd tinh ha nam')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from searcher.vi.text import LOWER_LATIN, fold

# documents a report cites (folded); the longer names first
DOC_KINDS = (
    "thong tu lien tich", "nghi quyet lien tich", "quy che phoi hop", "thong bao ket luan",
    "ke hoach", "chi thi", "quyet dinh", "nghi quyet", "thong bao", "cong van", "huong dan",
    "quy che", "bao cao", "thong tu", "chuong trinh", "quy dinh", "nghi dinh", "de an",
    "van ban", "cong dien", "ket luan", "phap lenh", "bo luat", "luat",
)  # fmt: skip
_DATE = (
    r"(?:ngay[ \t]*)?\d{1,2}[ \t]*[/.\-][ \t]*\d{1,2}[ \t]*[/.\-][ \t]*\d{4}"
    r"|ngay[ \t]+\d{1,2}[ \t]+thang[ \t]+\d{1,2}(?:[ \t]+nam[ \t]+|[ \t]*/[ \t]*)\d{4}"
)  # "ngày 02 tháng 01 năm 2022", "ngày 02 tháng 01/2022"
_NUMBER = (
    # a code may join its issuers with "&" ("01/2017/TTLT-BCA-BQP-BNN&PTNT-VKSNDTC")
    # or be typed with a space before its slash ("số 1234 /QĐ-VKSTC")
    r"(?:so[ \t]*:?[ \t]*)?\d+[0-9a-z.\-]*[ \t]?/[ \t]?[0-9a-z/.\-&]*[0-9a-z]"
    r"(?:[ \t]*[-–][ \t]*[0-9a-z]+)*"
    r"(?:[ \t]+[a-z]+(?:-[a-z]+)+)?"  # a code's last part after a stray space ("VKSTC TANDTC-BQP")
    r"|so[ \t]*:?[ \t]*\d+[0-9a-z.\-]*"
    r"|\d{1,4}(?=[ \t]*,?[ \t]*ngay[ \t]+\d)"  # "Nghị quyết 96 ngày …": no "số", no code
)
CITATION = re.compile(
    r"(?=[kcqnthbvldps])\b(?P<kind>"
    + "|".join(DOC_KINDS)
    + r"|so(?=[ \t]*:?[ \t]*\d+[0-9a-z.\-]*/)"
    # a kind's abbreviation before a numbered code: "TTLT 01/2017", "NĐ 109/2013"
    + r"|(?:ttlt|nd|qd|nq|ct|kh|cv|hd|tb|tt|bc|qc)"
    + r"(?=[ \t]+(?:so[ \t]*:?[ \t]*)?\d+[0-9a-z.\-]*/))\b"
    r"(?P<number>[ \t]*(?:" + _NUMBER + r"))?"
    # "… được ban hành ngày 16/01/2019", "… ký vào ngày …", "… đề ngày …": its date too
    r"(?P<date>[ \t]*[,(]?[ \t]*(?:(?:duoc[ \t]+)?(?:ban hanh|ky)(?:[ \t]+vao)?[ \t]+|de[ \t]+)?"
    r"(?:" + _DATE + r"))?"
    # (a dot between digits, "ngày 26.4.2023" of a second citation, ends nothing, here and
    # in what the document is about)
    r"(?P<issuer>[ \t]*(?:cua|do)[ \t]+(?:[^,.;:\n()]|(?<=\d)\.(?=\d)){0,80}?"
    r"(?=(?<!\d)[.:]|[.:](?!\d)|[,;\n()]|[ \t]ve[ \t]|$))?"
    r"(?P<about>[ \t]*(?:ve viec|ve|v/v)[ \t]+(?:[^,.;:\n()]|(?<=\d)\.(?=\d)){0,120})?"
)
_DAY_MONTH = r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*)?"
ANNIVERSARY = re.compile(
    r"\(\s*" + _DAY_MONTH + r"(\d{4})\s*[-–]\s*" + _DAY_MONTH + r"(\d{4})\s*\)"
)  # "(26/7/1960 - 26/7/2020)", "(26-7-1960 - 26-7-2025)", "(1960 – 2020)"
# the procuracy's founding day needs no brackets: "thành lập … 26/7/1960 - 26 /7/2020"
FOUNDED = re.compile(
    r"(?<![\d/])26\s*[/.\-]\s*0?7\s*[/.\-]\s*(1960)\s*[-–]\s*" + _DAY_MONTH + r"(\d{4})\b"
)
# the clause after a date or a unit says what was organised
ORGANISED = re.compile(
    # "tổ chức" held, not the organisation ("tổ chức bộ máy", "cơ cấu tổ chức", "tổ chức
    # thực hiện" carrying out)
    r"\b(?:(?<!co cau )(?<!luat )to chuc(?! bo may| can bo| thuc hien| va | cua | he thong)|"
    r"khai mac|dien ra|tien hanh|da co buoi|lam viec|chu tri|den tham|hop|"
    # "trao" given, not "trao đổi với phóng viên" (a source speaking to the press)
    r"ky ket|phat dong|trao(?! doi voi (?:phong vien|pv|bao|nha bao|cac co quan bao chi))|"
    r"cong bo|gap mat|duoc to chuc|se to chuc|bo mac|nhom hop|mo phien toa|"
    r"doan (?:kiem tra|cong tac|giam sat))\b"  # "Ngày 17/10/2019, Đoàn kiểm tra do … đã …"
)
# a procuracy named ("Viện kiểm sát", "VKSND", "VKS TP.HCM", "VKSQS", "ngành Kiểm sát")
PROCURACY_NAME = r"\b(?:vien kiem sat|vien ks(?:nd(?:tc)?)?|vks[a-z]*|nganh kiem sat)\b"
PROCURACY = re.compile(PROCURACY_NAME)
# who works with another ("… phối hợp với Tòa án tiến hành …"): what follows is its partner
PARTNER = r"\bphoi hop (?:voi|cung)\b"
# the steps of a case a procuracy takes itself ("khởi tố", "truy tố", "ban hành cáo trạng",
# "kháng nghị"), one list for the words that read a case's news: its type (``types``), its
# unit as the one acting (``units``), where a unit's name ends (``unit_names``)
PROSECUTION_STEP = r"(?:khoi to|truy to|ban hanh cao trang|khang nghi)"
GUESTS = re.compile(
    r"\b(?:tham du|du hoi nghi|du buoi|du le|co su tham du|cung du|khach moi|den du)\b"
    r"[^.\n]{0,400}"
)
# a line that is only a date: a header clock, a stamp, a view count, a weekday
_FURNITURE_LINE = re.compile(
    r"^[\s|,.\-]*(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn)\s*,?\s*)?"
    r"(?:ngay\s+)?\d{1,2}(?:\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\s+thang\s+\d{1,2}"
    r"(?:\s*,?\s*(?:nam\s+)?\d{4}))"
    r"[\s|,]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\s|]*(?:\d+|\[?\(?gmt\s*[+-]\s*\d+\]?\)?)?\s*$"
)


# a site's welcome banner ("Chào mừng bạn đã đến với website www.vksbentre.gov.vn …",
# "CHÀO MỪNG ĐẾN VỚI WEBSITE VIỆN KIỂM SÁT … HƯỞNG ỨNG NGÀY PHÁP LUẬT VIỆT NAM !")
_WELCOME_LINE = re.compile(
    r"\s*chao mung (?:ban |quy vi )?(?:da )?den voi (?:website|trang (?:thong )?tin|cong thong tin)"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    role: str  # citation, anniversary, furniture, guests
    kind: str = ""  # the document's kind, for a citation


def find_spans(folded: str) -> list[Span]:
    """Every span with a role in ``folded`` text, in text order."""
    spans = _citations(folded, 0, len(folded))
    spans += [Span(m.start(), m.end(), "anniversary") for m in ANNIVERSARY.finditer(folded)]
    if "1960" in folded:  # the founding day's range, written bare
        spans += [Span(m.start(), m.end(), "anniversary") for m in FOUNDED.finditer(folded)
                  if not any(s.start <= m.start() < s.end for s in spans)]  # fmt: skip
    start = 0
    for line in folded.split("\n"):
        if (len(line) <= 90 and _FURNITURE_LINE.match(line)) or _WELCOME_LINE.match(line):
            spans.append(Span(start, start + len(line), "furniture"))
        start += len(line) + 1
    return sorted(spans, key=lambda s: s.start)


def citations_near(folded: str, positions: list[int], reach: int = 350) -> list[Span]:
    """The citations that could hold any of ``positions`` (a citation runs ~300
    characters at most): the text around them is read, not all of a long body."""
    windows: list[tuple[int, int]] = []
    for at in sorted(positions):
        lo, hi = max(0, at - reach), min(len(folded), at + reach + 50)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return [s for lo, hi in windows for s in _citations(folded, lo, hi)]


def _citations(folded: str, lo: int, hi: int) -> list[Span]:
    """The citations of ``folded[lo:hi]``, read with the whole text around them."""
    return [s for m in CITATION.finditer(folded, lo, hi) if (s := _citation(m, folded))]


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")


# a photo caption above the lead ("… (Ảnh: Thành Chung/TTXVN)", "Ảnh: …"): not its first
# sentence
_CAPTION = re.compile(r"\s*(?:[^\n]*\(anh\s*:[^)\n]*\)[ \t]*|anh\s*:[^\n]*)(?:\n|$)")


def lede_start(plain: str, start: int) -> int:
    r"""Where the lead that begins at ``start`` of folded ``plain`` has its first sentence:
    after a photo caption.

    >>> lede_start("tieu de\nanh chup hoi nghi (anh: minh anh)\nngay 2/1, vksnd", 8)
    42
    """
    caption = _CAPTION.match(plain, start)
    return caption.end() if caption else start


def first_sentence(text: str) -> str:
    """The first sentence of ``text``'s first 600 characters (offsets kept)."""
    return _SENTENCE_BREAK.split(text[:600], maxsplit=1)[0]


def _citation(m: re.Match, folded: str) -> Span | None:
    """A citation needs a number or a date; a date after a comma belongs to it only
    when no organiser clause follows ("Kế hoạch số 12, ngày 5/3 VKSND tỉnh tổ chức")."""
    if not (m.group("number") or m.group("date")):
        return None
    end = m.end()
    date = m.group("date")
    if date and date.lstrip()[:1] in ",(" and not m.group("issuer"):
        after = clause_after(folded, m.end("date"), 120)
        if ORGANISED.search(after):
            end = m.start("date")
    if end == m.start("date") and not m.group("number"):
        return None
    return Span(m.start(), end, "citation", m.group("kind"))


def guest_lists(folded: str) -> list[tuple[int, int]]:
    """Where the guest lists are ("Tham dự Hội nghị có …"), on their own: the cheap
    question the unit weighing asks of every lead."""
    return [(m.start(), m.end()) for m in GUESTS.finditer(folded)]


def inside(spans: list[Span], start: int, end: int, role: str) -> Span | None:
    """The span of ``role`` that holds [start, end), if any."""
    for s in spans:
        if s.role == role and s.start <= start and end <= s.end:
            return s
    return None


def sentence_start(text: str, at: int, lo: int = 0) -> int:
    """Where the sentence holding ``at`` begins, not before ``lo`` (after ". " or a line
    break; ``lo`` when neither comes between)."""
    return max(text.rfind(". ", lo, at) + 1, text.rfind("\n", lo, at) + 1, lo)


# a clause ends at . ; : or a line break, not at a dot or colon inside a word or a number
# (a date written "29.09.2021", a clock "8:30", "1.000 người", "TP.HCM", "TP.Cần Thơ") nor
# at an abbreviation's dot ("TP. Hồ Chí Minh", "TS. Nguyễn Văn A")
CLAUSE_END = re.compile(
    r"[;\n]|:(?!\w)|(?<!\btp)(?<!\btx)(?<!\bts)(?<!\bgs)(?<!\bths)(?<!\bq)(?<!\bp)\.(?!\w)"
)


def clause_after(folded: str, end: int, width: int = 160) -> str:
    """The rest of the clause that follows ``end`` (up to . ; : or a line break).

    >>> clause_after("(29.09.2021 va 30.09.2021), vksnd tp.hcm to chuc tap huan. tiep", 11)
    'va 30.09.2021), vksnd tp.hcm to chuc tap huan'
    """
    rest = folded[end : end + width + 12]
    start = len(rest) - len(rest.lstrip(" "))  # after a date's padding (``numeric_dates``)
    return CLAUSE_END.split(rest[start : start + width], maxsplit=1)[0]


def masked(folded: str, spans: list[Span], roles: tuple[str, ...]) -> str:
    """``folded`` with the spans of ``roles`` blanked out (same length, same offsets)."""
    chars = list(folded)
    for s in spans:
        if s.role in roles:
            chars[s.start : s.end] = " " * (s.end - s.start)
    return "".join(chars)


@lru_cache(maxsize=256)
def without_citations(text: str) -> str:
    """``text`` folded (``fold_games``), its cited documents blanked out: what types and
    periods are read from (asked of the same title and lead several times, so remembered)."""
    folded = fold_games(text)
    return masked(folded, find_spans(folded), ("citation",))


# "hội thao" (sports games) and "hội thảo" (a seminar) fold alike
_GAMES = re.compile(r"\bhội thao\b", re.IGNORECASE)


# what a hard-wrapped sentence's line break sits between: lower-case letters (or a comma)
_WRAPPED = re.compile(f"(?<=[{LOWER_LATIN},])\n(?=[{LOWER_LATIN}])")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks a hard-wrapped page puts inside its sentences (a
    lower-case letter or a comma before, a lower-case letter after) read as the spaces
    they stand for; as long, so every offset stays the original's.

    >>> unwrapped("Viện kiểm sát nhân\\ndân thành phố Hải Phòng tổ chức\\nHội nghị.\\nẢnh: Minh")
    'Viện kiểm sát nhân dân thành phố Hải Phòng tổ chức\\nHội nghị.\\nẢnh: Minh'
    """
    return _WRAPPED.sub(" ", text) if "\n" in text else text


def fold_games(text: str) -> str:
    """``text`` folded, sports games ("Hội thao", which folds as a seminar does) written as
    what they are, "the thao" (as long: the offsets stay the original's).

    >>> fold_games("Hội thao chào mừng; hội thảo khoa học")
    'the thao chao mung; hoi thao khoa hoc'
    """
    nfc = unicodedata.normalize("NFC", text)  # what ``fold`` reads: its offsets
    folded = fold(nfc)
    if "thao" not in folded or len(folded) != len(nfc):
        return folded
    pieces, at = [], 0
    for m in _GAMES.finditer(nfc):
        pieces += [folded[at : m.start()], "the thao"]
        at = m.end()
    return "".join(pieces) + folded[at:]
