"""Meeting types: what the title and the lead say the meeting is.

Read from the title and the lead's first sentence, with cited documents blanked out
(their content is not the meeting's type), the sentence's boilerplate opening
("Thực hiện Kế hoạch …,") removed, and a Party title of the chair ("Bí thư Ban cán
sự đảng") not taken for a Party meeting.

>>> meeting_types("Hội nghị phổ biến, quán triệt Nghị quyết Đại hội Đảng bộ", "")
['Đảng', 'quán triệt']
>>> meeting_types("Tọa đàm khoa học về kỹ năng tranh tụng", "")
['hội thảo']
"""

from __future__ import annotations

import re

from searcher.facts.spans import without_citations

MEETING_TYPES = (
    "tổng kết",
    "sơ kết",
    "triển khai",
    "giao ban",
    "Đảng",
    "cán bộ công chức",
    "tập huấn",
    "hội thảo",
    "rút kinh nghiệm",
    "quán triệt",
    "ký kết",
    "hội thi",
    "tuyên truyền",
    "khác",
)
_TYPE_PATTERNS = {
    "tổng kết": r"\btong ket\b",
    "sơ kết": r"\bso ket\b",
    "triển khai": r"\btrien khai\b|\bphuong huong,? nhiem vu\b",
    "giao ban": r"\bgiao ban\b",
    "Đảng": r"\bban can su dang\b|\bdang uy\b(?! vien)|\bdang bo\b|\bchi bo\b|\bdai hoi dang\b|"
    r"\bhoi nghi dang\b|\bban chap hanh dang\b",
    "cán bộ công chức": r"\bhoi nghi (?:dai bieu )?(?:can bo|cbcc|cong chuc|vien chuc|"
    r"nguoi lao dong)\b",
    "tập huấn": r"\btap huan\b|\bboi duong\b|\blop dao tao\b",
    "hội thảo": r"\bhoi thao\b|\btoa dam\b|\bhoi nghi chuyen de\b",
    # "phiên tòa (dân sự) rút kinh nghiệm" is a kind of trial, "thông báo rút kinh nghiệm" a
    # document: the subject of a review or a statistic, not a meeting that draws lessons
    "rút kinh nghiệm": r"(?<!phien toa )(?<!phien toa hinh su )(?<!phien toa dan su )"
    r"(?<!phien toa hanh chinh )(?<!thong bao )\brut kinh nghiem\b",
    "quán triệt": r"\bquan triet\b|\bpho bien\b[^.;\n]{0,40}\b(?:nghi quyet|chi thi|(?<!phap )luat|"
    r"bo luat|phap lenh|thong tu|ket luan)\b",
    "ký kết": r"\bky ket\b|\bky (?:quy che|chuong trinh|thoa thuan|ke hoach) phoi hop\b",
    "hội thi": r"(?<!dai )\bhoi thi\b(?! dua)|\bcuoc thi\b|\bhoi dien\b|"
    r"\bthi (?:kiem sat vien gioi|tim hieu|ky nang|nghiep vu)\b|"
    r"\bgiai (?:bong da|the thao|cau long|bong chuyen|bong ban)\b",
    "tuyên truyền": r"\bngay phap luat\b|\btuyen truyen\b[^.;\n]{0,30}\bphap luat\b|"
    r"\bpho bien,? giao duc phap luat\b",
}
_COMPILED = {name: re.compile(p) for name, p in _TYPE_PATTERNS.items()}
_ANY = re.compile("|".join(f"(?:{p})" for p in _TYPE_PATTERNS.values()))  # one scan first
# a review whose object is a contest is the contest's ("tổng kết, trao giải cuộc thi")
_CONTEST_OBJECT = re.compile(r"(?:(?!cong tac)[^.;\n]){0,60}?\b(?:cuoc thi|hoi thi|hoi dien)\b")
_REVIEWS = ("tổng kết", "sơ kết", "rút kinh nghiệm")
# a Party title of a person, not a Party meeting ("Bí thư Ban cán sự đảng, Viện trưởng")
_PARTY_TITLE_BEFORE = re.compile(r"\b(?:bi thu|pho bi thu|uy vien|thuong vu|dang vien|ubkt)\s*$")
_OTHER_PARTY = re.compile(r"\b(?:ubnd|uy ban|tinh uy|thanh uy|hdnd|so [a-z]+|cong an|toa an)\b")
_BOILERPLATE_OPENING = re.compile(
    r"^\s*(?:thuc hien|can cu|de|nham|theo|trien khai|nhan dip|huong toi|chao mung)\b[^,]{0,160},"
)
# a photo caption above the lead ("… (Ảnh: Thành Chung/TTXVN)") is not its first sentence
_CAPTION = re.compile(r"^[^\n]*\(anh\s*:[^)\n]*\)[ \t]*(?:\n|$)|^[ \t]*anh\s*:[^\n]*(?:\n|$)")
# any event at all ("lễ", "buổi", "đoàn … thăm", "gặp mặt"): a report of something held
_EVENT = re.compile(
    r"\b(?:hoi nghi|hop|le|buoi|gap mat|hoi thao|toa dam|tham|lam viec|dai hoi|khai mac|"
    # "tổ chức" holds an event, unless it is the noun ("tổ chức và hoạt động", "Luật Tổ
    # chức", "tổ chức bộ máy") or a passive of a system ("được tổ chức trong Quân đội")
    r"(?<!luat )(?<!duoc )(?<!co cau )(?<!viec )to chuc(?! (?:va|bo may|cua|trong|he thong))|"
    r"cong bo|trao (?:giai|tang|thuong|co|huan|bang|quyet dinh)|don nhan|ky niem|mit tinh|"
    r"giao luu|kiem tra|thanh tra|doan|phat dong|"
    r"thanh lap|chuc mung|sinh hoat|ra mat|khanh thanh|tong ket|dien ra|tham du)\b"
)
_PARTY_ORGANISER = re.compile(r"^\s*(?:ban chap hanh |ban thuong vu )?(?:dang bo|dang uy|chi bo)\b")
_ORGANISER_VERB = re.compile(r"\b(?:to chuc|khai mac|tien hanh|chu tri)\b")
_OWN_DEPLOYMENT = re.compile(
    r"\btrien khai\s+(?:thuc hien\s+)?(?:cong tac|nhiem vu|phuong huong|ke hoach cong tac|"
    r"chuong trinh cong tac|ke hoach kiem sat)"
)


def meeting_types(title: str, body: str, plain: str | None = None) -> list[str]:
    """Meeting types named in the title or the first sentence of the body.

    >>> meeting_types("Tổng kết công tác năm 2021 và triển khai công tác năm 2022", "")
    ['tổng kết', 'triển khai']
    >>> meeting_types("Tổng kết, trao giải cuộc thi kỹ năng tranh tụng", "")
    ['hội thi']
    """
    if plain is None:  # title + "\n" + lead, folded, citations blanked (same offsets)
        plain = _plain(title) + "\n" + _plain(body[:1500])
    lead = _CAPTION.sub("", plain[len(title) + 1 :].lstrip(), count=1)
    found = types_in(plain[: len(title)])
    # and what the lead's first sentence says the meeting is, without its boilerplate
    # opening ("Thực hiện Kế hoạch công tác năm 2021, …"); there "triển khai" must be
    # of the work itself, not "triển khai kế hoạch phát triển kinh tế - xã hội"
    first = re.split(r"(?<=[.!?])\s", lead[:600], maxsplit=1)[0]
    found += [t for t in _lead_types(_organiser_clause(first)) if t not in found]
    if "Đảng" not in found and _PARTY_ORGANISER.search(_organiser_subject(first)):
        found.append("Đảng")  # "…, Đảng bộ VKSND tỉnh tổ chức hội nghị …": a Party body meets
    if not found:  # a digest: what its first "tổ chức …" clause says was held
        clause = re.search(r"\b(?:to chuc|khai mac|tien hanh)\b([^.;\n]{0,120})", lead)
        found = _lead_types(clause.group(1)) if clause else []
    found.sort(key=MEETING_TYPES.index)
    if not found and not _EVENT.search(plain[: len(title)] + " " + _organiser_clause(first)):
        return []  # not a meeting report: commentary, an interview, a profile
    return found or ["khác"]


def _organiser_subject(folded: str) -> str:
    """Who the sentence says held the meeting: the words before its organiser verb, back
    to the last comma ("Chiều 28/12, Đảng bộ VKSND tỉnh tổ chức …")."""
    m = _ORGANISER_VERB.search(folded)
    return folded[folded.rfind(",", 0, m.start()) + 1 : m.start()] if m else ""


def _organiser_clause(folded: str) -> str:
    """What the sentence says was held: from its organiser verb on ("…, ngày 8/1/2026,
    VKSND tỉnh tổ chức Hội nghị tập huấn …"), so a purpose clause before it ("nhằm triển
    khai, quán triệt …") is not the meeting; without a verb, the sentence without its
    boilerplate opening."""
    m = _ORGANISER_VERB.search(folded)
    if m and not folded[max(0, m.start() - 5) : m.start()].strip().endswith("duoc"):
        return folded[m.start() :]
    return _BOILERPLATE_OPENING.sub("", folded)


_plain = without_citations


def _lead_types(folded: str) -> list[str]:
    """Types named in the body: "triển khai" only of the work itself."""
    found = types_in(folded)
    if "triển khai" in found and not _OWN_DEPLOYMENT.search(folded):
        found.remove("triển khai")
    return found


def types_in(folded: str) -> list[str]:
    """Every type whose pattern names the meeting in ``folded`` text."""
    found: list[str] = []
    if not _ANY.search(folded):
        return found
    for name, pattern in _COMPILED.items():
        for m in pattern.finditer(folded):
            if name in _REVIEWS and _CONTEST_OBJECT.match(folded, m.end()):
                continue  # the wrap-up of a contest
            if name == "Đảng" and (
                _PARTY_TITLE_BEFORE.search(folded, 0, m.start())
                or _OTHER_PARTY.match(folded[m.end() : m.end() + 20].lstrip())
            ):
                continue  # a person's Party title, or another body's Party committee
            found.append(name)
            break
    return found
