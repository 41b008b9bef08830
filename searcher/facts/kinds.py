"""The words of meeting types: which words name each type, read in their context.

``types`` decides which sentence says what was held; this module says which types a
sentence (folded, citations blanked) names: a Party title ("Bí thư Ban cán sự đảng") is
not a Party meeting, a trial held for lessons is not a meeting drawing them, "triển khai"
is the unit's own work only.

>>> types_in("hoi nghi tong ket cong tac nam 2024 va trien khai nhiem vu nam 2025")
['tổng kết', 'triển khai']
>>> types_in("dong chi bi thu ban can su dang chu tri hoi nghi giao ban")
['giao ban']
"""

from __future__ import annotations

import re

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
    # a mid-term conference reviews the first half of a term ("Hội nghị giữa nhiệm kỳ")
    "sơ kết": r"\bso ket\b|\bhoi nghi giua nhiem ky\b",
    # not the carrying out that an inspection or a report looks at ("kiểm tra việc triển
    # khai thực hiện công tác thực hành quyền công tố")
    "triển khai": r"(?<!viec )\btrien khai\b|\bphuong huong,? nhiem vu\b",
    "giao ban": r"\bgiao ban\b",
    # a Party committee's "resolution leading the year's tasks" ("hội nghị ra nghị quyết lãnh
    # đạo thực hiện nhiệm vụ năm 2026", the army's words for its annual Party meeting)
    # not the Party committee with the unions ("Đảng ủy và Công đoàn … phát động quyên góp"):
    # the whole unit's activity
    "Đảng": r"\bban can su dang\b|\bdang uy\b(?! vien)"
    r"(?!\s*(?:,|va)\s*(?:ban chap hanh )?(?:cong doan|chi doan|doan thanh nien)\b)|"
    r"\bdang bo\b|\bchi bo\b|"
    # not the congress of the whole Party ("trong thời gian diễn ra Đại hội Đảng toàn quốc lần
    # thứ XIV"), an occasion the sector works toward, never a unit's own meeting
    r"\bdai hoi dang\b(?! toan quoc| cong san| cac cap)|"  # nor "Đại hội Đảng các cấp"
    r"\bhoi nghi dang\b|\bban chap hanh dang\b|\bra nghi quyet lanh dao\b",
    # the staff's conference, not a meeting of the key cadres ("cán bộ chủ chốt")
    "cán bộ công chức": r"\bhoi nghi (?:dai bieu )?(?:can bo(?! chu chot| lanh dao)|cbcc|"
    r"cong chuc|vien chuc|nguoi lao dong)\b",
    # "bồi dưỡng" as a course of something ("khóa bồi dưỡng nghiệp vụ kiểm sát"), not
    # the work of training as a topic ("công tác đào tạo, bồi dưỡng", "bồi dưỡng, rèn
    # luyện đoàn viên") nor a school's name ("Trường Đào tạo, bồi dưỡng nghiệp vụ Kiểm sát")
    "tập huấn": r"\btap huan\b|(?<!dao tao, )(?<!dao tao )(?<!dao tao - )(?<!dao tao – )"
    r"(?<!truong )(?<!cong tac )"  # the school's name ("Trường Đào tạo - bồi dưỡng …")
    r"\bboi duong (?:nghiep vu|kien thuc|ky nang|chinh tri|ly luan|chuyen mon|chuyen de)\b|"
    r"\b(?:khoa|lop) boi duong\b|\blop dao tao\b",
    "hội thảo": r"\bhoi thao\b|\btoa dam\b|\bhoi nghi chuyen de\b",
    # "thông báo rút kinh nghiệm" is a document, "phiên tòa (…) rút kinh nghiệm" a kind of
    # trial (``_TRIAL_BEFORE``): the subject of a review or a statistic, not a meeting
    "rút kinh nghiệm": r"(?<!thong bao )\brut kinh nghiem\b",
    # disseminating a document, named or cited (a cited one is blanked: a run of spaces)
    # or presenting what is new in one ("thông báo nhanh về một số điểm mới của Luật …")
    # a study conference of a resolution or of the Party's theme of the term is one too
    # but not the work's boilerplate of a review ("đã kịp thời quán triệt thực hiện
    # nghiêm túc Chỉ thị …", "tổ chức quán triệt, thực hiện nghiêm các Chỉ thị"): the
    # documents were applied all year, no meeting disseminated them
    "quán triệt": r"\bquan triet\b(?!,? (?:va )?(?:thuc hien|trien khai thuc hien)\b)|"
    r"\bhoc tap (?:chuyen de|nghi quyet)\b|"
    r"\b(?:pho bien|(?:thong bao|gioi thieu)[^.;\n]{0,25}\bdiem moi)\b"
    r"[^.;\n]{0,40}\b(?:nghi quyet|chi thi|(?<!phap )luat|bo luat|phap lenh|thong tu|ket luan|"
    r"nghi dinh|quy che|quy dinh)\b|"
    r"\bpho bien {4,}|"
    # a conference deploying a law or a resolution ("Hội nghị trực tuyến triển khai Luật
    # Tổ chức VKSND"), not the unit's own work nor the year's directive a launch deploys,
    # nor what a review says was carried out ("tích cực triển khai thực hiện nghị quyết")
    r"\bhoi nghi (?:truc tuyen )?(?:toan nganh )?trien khai (?:thi hanh |thuc hien )?"
    r"(?:luat|bo luat|nghi quyet|thong tu|nghi dinh|phap lenh|quy che|ket luan)\b",
    "ký kết": r"\bky ket\b|\bky (?:quy che|chuong trinh|thoa thuan|ke hoach) phoi hop\b",
    # a contest of knowledge or skill; a sports tournament is "khác" (the label guide)
    "hội thi": r"(?<!dai )\bhoi thi\b(?! dua| the thao| the duc)|\bcuoc thi\b|\bhoi dien\b|"
    r"\bthi (?:ve )?(?:kiem sat vien gioi|tim hieu|ky nang|nghiep vu)\b",
    # a mock trial ("phiên tòa giả định") is staged to teach the law
    # … or a resolution to the public, named or cited (a cited one is blanked: a run of
    # spaces), not a study conference's list ("học tập, quán triệt, tuyên truyền … Nghị quyết")
    "tuyên truyền": r"\bngay phap luat\b|\btuyen truyen\b[^.;\n]{0,30}\bluat\b|"
    r"(?<!quan triet, )\btuyen truyen\b(?:[^.;\n]{0,30}\bnghi quyet\b| {4,})|"
    r"\bpho bien,? giao duc phap luat\b|\bphien toa gia dinh\b|"
    r"\b(?:buoi|hoi nghi|dot) tuyen truyen\b",  # the event itself ("Tại buổi tuyên truyền, …")
}
_COMPILED = {name: re.compile(p) for name, p in _TYPE_PATTERNS.items()}
_ANY = re.compile("|".join(f"(?:{p})" for p in _TYPE_PATTERNS.values()))  # one scan first
# a review whose object is a contest is the contest's ("tổng kết, trao giải cuộc thi")
_CONTEST_OBJECT = re.compile(r"(?:(?!cong tac)[^.;\n]){0,60}?\b(?:cuoc thi|hoi thi|hoi dien)\b")
_REVIEWS = ("tổng kết", "sơ kết", "rút kinh nghiệm")
# a trial held for lessons, however its kind is worded before "rút kinh nghiệm"
_TRIAL_BEFORE = re.compile(r"\bphien toa\b(?:(?!\b(?:hop|hoi nghi)\b)[^.,;:\n]){0,45}$")
# a Party title of a person, not a Party meeting ("Bí thư Ban cán sự đảng, Viện trưởng")
# ("Phó Bí thư chuyên trách Đảng ủy", "Trưởng Ban Tổ chức Đảng ủy VKSND tối cao")
_PARTY_TITLE_BEFORE = re.compile(
    r"\b(?:bi thu|pho bi thu|uy vien|thuong vu|dang vien|ubkt)(?: (?:chuyen trach|thuong truc))?"
    r"\s*$|\b(?:pho )?truong ban (?:to chuc|tuyen giao|kiem tra|dan van)\s*$"
)
# a Party body called on, consenting or a guest, not meeting: "Đoàn khảo sát … làm việc với
# Ban cán sự Đảng VKSND tối cao", "được sự nhất trí của chi ủy chi bộ 3 cơ quan, … tổ chức
# Đại hội Chi đoàn"
_PARTY_NOT_MEETING_BEFORE = re.compile(
    r"\b(?:lam viec|tham va lam viec) (?:voi|tai)\s*$|"
    # a partner ("phối hợp với Đảng ủy xã Phong Điền lắp đặt biển tuyên truyền", "cùng Đảng
    # ủy xã …")
    r"\b(?:phoi hop )?(?:cung|voi)\s*$|"
    r"\b(?:nhat tri|dong y|cho phep|chi dao|lanh dao) cua(?:\s+[a-z]+){0,3}\s*$|"
    # or among the guests ("chào mừng các đại biểu thay mặt Ban Thường vụ Huyện đoàn, chi ủy
    # chi bộ 3 cơ quan")
    r"\b(?:thay mat|dai dien)\b(?:,?\s+[a-z]+){0,8},?\s*$|"  # words apart: no backtracking
    # or an occasion celebrated ("công trình chào mừng Đại hội Đại biểu Đảng bộ tỉnh")
    r"\b(?:chao mung|huong toi)\b(?:\s+[a-z]+){0,4}\s*$"
)
# another body, not a procuracy: a government, a Party committee of a province, the police, a court
OTHER_PARTY = re.compile(r"\b(?:ubnd|uy ban|tinh uy|thanh uy|hdnd|so [a-z]+|cong an|toa an)\b")
# "triển khai" of the unit's own work ("triển khai công tác năm 2024"), not of a document
OWN_DEPLOYMENT = re.compile(
    r"\btrien khai\s+(?:thuc hien\s+)?(?:cong tac|nhiem vu|phuong huong|ke hoach cong tac|"
    r"hoat dong|chuong trinh cong tac|ke hoach kiem sat|nam \d{4})|\bphuong huong,? nhiem vu\b"
)


def lead_types(folded: str, start: int = 0) -> list[str]:
    """Types named in the body from ``start`` (the words before it still read as their
    context): "triển khai" only of the work itself."""
    found = types_in(folded, start)
    if "triển khai" in found and not OWN_DEPLOYMENT.search(folded, start):
        found.remove("triển khai")
    return found


def clause_types(sentence: str, clause: str) -> list[str]:
    """``lead_types`` of a ``clause`` of ``sentence`` (what was held, from its organiser
    verb), its words read in their sentence ("… 01 phiên tòa để đơn vị tổ chức học tập và
    rút kinh nghiệm": the lessons are the trial's kind, not a meeting)."""
    at = sentence.find(clause) if clause else -1
    if at < 0:
        return lead_types(clause)
    return lead_types(sentence[: at + len(clause)], at)


def types_in(folded: str, start: int = 0) -> list[str]:
    """Every type whose pattern names the meeting in ``folded`` text from ``start`` (what
    comes before it is context only: "… phiên tòa để đơn vị tổ chức học tập và rút kinh
    nghiệm" names a kind of trial, whichever of its words a reader starts from)."""
    found: list[str] = []
    if not _ANY.search(folded, start):
        return found
    for name, pattern in _COMPILED.items():
        for m in pattern.finditer(folded, start):
            if name in _REVIEWS and _CONTEST_OBJECT.match(folded, m.end()):
                continue  # the wrap-up of a contest
            if name == "rút kinh nghiệm" and _TRIAL_BEFORE.search(folded, max(0, m.start() - 60),
                                                              m.start()):  # fmt: skip
                continue  # "phiên tòa xét xử trực tuyến rút kinh nghiệm": a kind of trial
            if name == "Đảng" and (
                _PARTY_TITLE_BEFORE.search(folded, 0, m.start())
                or _PARTY_NOT_MEETING_BEFORE.search(folded, max(0, m.start() - 60), m.start())
                or OTHER_PARTY.match(folded[m.end() : m.end() + 20].lstrip())
            ):
                continue  # a person's Party title, a Party body called on or consenting, or
                # another body's Party committee
            found.append(name)
            break
    return found
