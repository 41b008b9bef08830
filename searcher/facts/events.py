"""Whether a text reports an event held, and the clause that says what was held.

A report says who "tổ chức / khai mạc / tiến hành / chủ trì" what: the organiser clause.
Folded words that are also other words ("họp"/"hợp", "thăm"/"thẩm") count only in the
phrases that make them an event, or with their marks. ``types`` reads the meeting's types
from what these find.

>>> organiser_clause("thuc hien ke hoach, ngay 8/1, vksnd tinh to chuc hoi nghi tap huan")
'to chuc hoi nghi tap huan'
>>> bool(EVENT.search("vksnd tinh kiem sat dot xuat tai trai giam"))
True
"""

from __future__ import annotations

import re
import unicodedata

from searcher.facts.spans import PROCURACY_NAME, first_sentence

BOILERPLATE_OPENING = re.compile(
    r"^\s*(?:thuc hien|can cu|de|nham|theo|trien khai|nhan dip|huong toi|chao mung)\b[^,]{0,160},"
)
# "tổ chức" holds an event, unless it is the noun ("tổ chức và hoạt động", "Luật Tổ chức",
# "tổ chức bộ máy", "Tổ chức, bộ máy, lãnh đạo", "công tác tổ chức cán bộ", "các cơ quan, tổ
# chức"), a passive of a
# system ("được tổ chức trong Quân đội"), a count in a statistic ("tổ chức được 102 phiên
# tòa", "chỉ tiêu tổ chức phiên tòa") or carrying out ("tổ chức thực hiện sơ, tổng kết các
# Chỉ thị")
HOLDS = (
    r"(?<!luat )(?<!duoc )(?<!co cau )(?<!viec )(?<!chi tieu )(?<!co quan, )to chuc"
    r"(?!,? (?:va|bo may|can bo|cua|trong|he thong|duoc|vien|co so|dang|doan the|tin dung|xa hoi|"
    r"thuc hien|trien khai thuc hien)\b)"  # "tổ chức thực hiện": carrying out, not holding
)
# any event at all: a report of something held. Folded words that are also other words
# ("họp"/"hợp", "thăm"/"thẩm", "đoàn"/"đoạn"/"đoàn kết", "lễ"/"tỷ lệ"/the surname "Lê")
# count only in the phrases that make them an event.
EVENT = re.compile(
    r"(?:^|\n)hop\b|"  # a title that starts with "Họp"
    r"\b(?:hoi nghi|hoi thao|toa dam|gap mat|buoi|dai hoi|khai mac|be mac|"
    # a working session, not where or when one works ("môi trường làm việc", "giờ làm việc")
    r"(?<!moi truong )(?<!ngay )(?<!gio )(?<!noi )(?<!che do )(?<!dieu kien )(?<!tac phong )"
    r"(?<!phong )(?<!tru so )(?<!thoi gian )(?<!phuong phap )(?<!quy che )lam viec|"
    r"(?:cuoc|phien|buoi|da|to chuc) hop|hop (?:bao|mat|ban|tong ket|giao ban|chi bo|dinh ky|"
    r"truc tuyen|lien nganh|hoi dong)|"
    r"le (?:ky niem|khai giang|ra mat|cong bo|trao|don nhan|tuyen duong|ky ket|khanh thanh|"
    r"tong ket|be giang|chao co|tang|truy dieu|mit tinh|khoi cong|gan bien|phat dong|ton vinh|"
    r"tiep nhan|ban giao|khai mac|be mac|bao cong|xuat quan)|"
    r"(?:den|toi|di|chuyen|doan|buoi) tham|tham (?:va )?(?:lam viec|hoi|tang qua|chuc mung|"
    r"dong vien|quan)|tham quan|"
    r"doan (?:cong tac|kiem tra|giam sat|dai bieu|lanh dao|thanh tra)|"
    r"(?:tien hanh|cuoc|dot) (?:kiem tra|thanh tra)|kiem tra cong tac|"
    # a procuracy's inspection on site ("trực tiếp kiểm sát việc tạm giữ", "kiểm sát đột xuất")
    r"truc tiep kiem sat|kiem sat (?:truc tiep|dot xuat|dinh ky)|tien hanh kiem sat|"
    r"kiem sat (?:viec )?tieu huy|"  # the destruction of exhibits, supervised
    + HOLDS
    + r"|cong bo (?:quyet dinh|thanh lap)|trao (?:giai|tang|thuong|co|huan|bang|quyet dinh)|"
    r"don nhan|"
    r"ky niem|mit tinh|giao luu|phat dong|chuc mung|sinh hoat|ra mat|khanh thanh|tong ket|so ket|"
    # a trial opened ("TAND huyện đã mở phiên tòa sơ thẩm xét xử …") is held
    r"dien ra|tham du|hien mau|giao huu|tang qua|trao qua|chuc tet|ket nap|phien toa gia dinh|"
    # relief given ("trao hỗ trợ khắc phục hậu quả do bão", "quyên góp ủng hộ đồng bào")
    r"trao (?:ho tro|tien|kinh phi|nha tinh nghia)|(?:quyen gop|phat dong) ung ho|"
    r"ung ho (?:dong bao|quy|nguoi dan|ba con|gia dinh)|"
    r"mo phien toa|"
    # a flag ceremony ("chào cờ đầu tuần"); a public apology to the wrongly prosecuted
    # ("xin lỗi và cải chính công khai", "7 người oan sai được xin lỗi")
    r"chao co|xin loi (?:va cai chinh )?cong khai|cai chinh cong khai|oan sai duoc xin loi|"
    r"xin loi oan|"
    # a visit to pay respects ("Viếng nghĩa trang Liệt sĩ", "lễ viếng", "đến viếng, dâng hương")
    r"(?:le |den |di )?vieng (?:nghia trang|nghia dia|lang|tuong dai|dai tuong niem|mo|den)|"
    r"le vieng|den vieng)\b"
)
# a named activity done at a named place is held there ("Tuyên truyền pháp luật cho người
# dân tại thôn Lồ Ồ, xã Đá Bạc"); a place alone is no event ("Cháy nhà tại xã …")
AT_A_PLACE = re.compile(r"\btai (?:thon|xa|phuong|thi tran|ap|ban|khu pho|to dan pho|truong)\b")
# the same words written with their marks are events whatever follows ("họp bình xét thi
# đua", "thăm", "lễ"): "họp" is not "hợp", "thăm" not "thẩm", "lễ" not "lệ" or "Lê"
HELD_WITH_MARKS = re.compile(r"(?<!\w)(?:họp|thăm|lễ|dâng hương|dâng hoa)(?!\w)")
# a recommendation to another body ("ban hành kiến nghị yêu cầu Chánh án Tòa án … tổ
# chức rút kinh nghiệm"): the act is asked of it, not held; "theo yêu cầu của …" is the reason
# for one that is held
_REQUESTED = re.compile(
    r"(?<!theo )(?<!theo de )\b(?:yeu cau|kien nghi|de nghi)\b(?! cua)[^.;]{0,120}$"
)
ORGANISER_VERB = re.compile(r"\b(?:" + HOLDS + r"|khai mac|tien hanh|chu tri)\b")
# "Đoàn kiểm tra … đến kiểm tra công tác … sơ, tổng kết các Chỉ thị": the inspected work
_INSPECTS = re.compile(r"\b(?:den|tien hanh|doan) kiem tra\b")
# an inspection named as the event ("tổ chức đợt kiểm tra việc triển khai kế hoạch …",
# "tiến hành kiểm tra công tác …"): what follows is the work inspected, not the meeting
INSPECTION = re.compile(
    r"\b(?:(?:doan|dot|cuoc|tien hanh|to chuc) kiem tra|kiem tra (?:viec|ket qua))\b"
)
DIGEST_CLAUSE = re.compile(r"\b(?:" + HOLDS + r"|khai mac|tien hanh)\b([^.;\n]{0,120})")

# a news lede that dates what a procuracy did ("Ngày 2/1, Viện Kiểm sát nhân dân Thành phố Hồ
# Chí Minh triển khai công tác năm 2024", "Ngày 01/12/2025, Đoàn VKSND Khu vực 3 … phối hợp
# cùng Đảng ủy xã … lắp đặt biển …"): a lede that opens with a day and a month, its subject a
# procuracy (or its delegation, youth union, staff), reports something done that day,
# whatever the verb; not a document issued ("ban hành Kế hoạch …"). Group "act": from the
# subject on.
_ONE_DAY = r"\d{1,2}(?:\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?)?"  # "12", "12/9", "12/9/2023"
_DATED = (
    # a day or days ("Trong hai ngày 12 và 13/9/2023", "Từ ngày 12/9 đến 15/9/2023"), with a
    # month somewhere
    r"(?:(?:vua qua|moi day|gan day|hom qua)\s*,\s*)?"  # "Vừa qua, ngày 12/9/2023, …"
    r"(?=[^,\n]{0,60}?\d\s*[/.\-]\s*\d)"
    r"(?:trong\s+(?:\d{1,2}|hai|ba|bon|nam)\s+ngay\s+\(?|cac\s+ngay\s+|tu\s+(?:ngay\s+)?"
    r"|(?:vao\s+)?(?:(?:sang|chieu|toi|trua)\s+(?:ngay\s+)?|ngay\s+))?"
    # "01/12/2025", "1-12", "01.12.2025" (a date in words is read as one: numeric_dates)
    r"" + _ONE_DAY + r"(?:\s*(?:va|,|-|–|den(?:\s+het)?)\s*(?:ngay\s+)?" + _ONE_DAY + r"){0,3}"
    r"\)?\s*(?:vua qua\s*)?,\s*"
    # a purpose between the day and the subject ("Ngày 7/11 vừa qua, thực hiện chương trình
    # …, lãnh đạo và cán bộ VKSND huyện … đã về xã …")
    r"(?:(?:thuc hien|nham|de|huong ung|chao mung)\b[^.;:\n]{0,160}?,\s*)?"
    # its subject may hold a comma ("tập thể cán bộ, công chức VKSND …", "đồng chí …, Viện
    # trưởng VKSND …"); not a document issued or an order signed ("… ra Chỉ thị số 06/CT-VKSTC",
    # "Bác Hồ ký Lệnh công bố Luật Tổ chức VKSND")
    r"(?P<act>(?![^.;\n]*\b(?:ban hanh|ra (?:chi thi|nghi quyet|thong bao|ke hoach)|"
    r"ky (?:sac )?lenh)\b|[^.;\n]*\bra {3})[^.;:\n]{0,40}?" + PROCURACY_NAME + r"[^.;\n]{0,160})"
)
_DATED_ACT = re.compile(r"[\s.;]*" + _DATED)
# the same after a long opening of purpose or basis in its sentence ("Thực hiện Nghị quyết
# …; Đề án … của Ban Thường vụ Thành ủy …, sáng ngày 11/02/2019, Viện kiểm sát nhân dân
# thành phố Bắc Ninh trang trọng thực hiện nghi lễ Chào cờ")
_DATED_ACT_AFTER = re.compile(r"[,;]\s*" + _DATED)
# a lead's opening of purpose or basis ("Thực hiện Kế hoạch số …, đồng thời ….", "Với mục
# tiêu thúc đẩy …"): the lede is the sentence after it
# "Với mục tiêu …", "Với tinh thần …": an aim the lede follows (a scene set, for ``types``)
WITH_AIM = r"voi (?:muc tieu|muc dich|tinh than|phuong cham)"
_PURPOSE_OPENING = re.compile(
    r"\s*(?:thuc hien|can cu|nham|de|theo|huong ung|chao mung|huong toi|" + WITH_AIM + r")\b"
)


def dated_act(lead: str) -> re.Match | None:
    """The lede's dated act (``_DATED_ACT``): the lead's first sentence, or the second after
    an opening of purpose or basis. ``lead``: folded, citations blanked.

    >>> dated_act("ngay 2/1, vien kiem sat nhan dan tp trien khai cong tac nam 2024.").group("act")
    'vien kiem sat nhan dan tp trien khai cong tac nam 2024'
    >>> dated_act("ngay 28/3/2022, dang bo vksnd toi cao ban hanh ke hoach") is None
    True
    """
    first = first_sentence(lead)
    if not _PURPOSE_OPENING.match(first):
        return _DATED_ACT.match(lead) or _after_background(lead)
    # after the opening, in its sentence ("Thực hiện Kế hoạch …, ngày 12/9/2023, VKSND …") or
    # the next one
    return _DATED_ACT_AFTER.search(lead, 0, len(first)) or _DATED_ACT.match(lead, len(first))


# a paragraph's opening, in the lead's first 900 characters
_PARAGRAPH = re.compile(r"\n\s*(?=\S)")
# a day written (with its month): a lead that dates something
A_DAY = re.compile(r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\b|\bngay \d")


def _after_background(lead: str) -> re.Match | None:
    """The dated act that opens a later paragraph when the paragraphs before it date
    nothing: a background the lede follows ("Xã Hương Long là một xã nghèo … VKSND huyện
    là đơn vị nhận đỡ đầu thôn …" / a photo's caption / "Ngày 7/11 vừa qua, …, lãnh đạo
    VKSND huyện … đã về xã …")."""
    first_day = A_DAY.search(lead, 0, 900)
    bound = first_day.start() + 1 if first_day else 900  # a day written before: the lede
    for m in _PARAGRAPH.finditer(lead, 0, bound):
        if found := _DATED_ACT.match(lead, m.end()):
            return found
    return None


# a count of events held ("đã tổ chức 3 hội nghị tập huấn chuyên đề", "tổ chức 05 lớp …"): a
# statistic of the period reviewed, not the event the page reports
_COUNTED = re.compile(
    r"\s*(?:duoc |thanh cong )?0*(?:[2-9]|[1-9]\d+)\s+"
    r"(?:hoi nghi|lop|cuoc|buoi|dot|phien|hoi thi)\b"
)


def first_held(lead: str) -> re.Match | None:
    """The digest's first "tổ chức …" clause (``DIGEST_CLAUSE``), unless it says what the
    unit asks another body to hold (``_REQUESTED``): then the page reports no meeting held
    (a recommendation, a directive), and no later clause is read for one; nor when it
    counts the events of a period (``_COUNTED``), a statistic."""
    m = DIGEST_CLAUSE.search(lead)
    if m is None or _REQUESTED.search(lead, 0, m.start()) or _COUNTED.match(m.group(1)):
        return None
    return m


def with_marks(title: str, body: str) -> str:
    """The title and the lead's first sentence as written, in lower case (NFC)."""
    first = first_sentence(body.lstrip())
    return unicodedata.normalize("NFC", title + "\n" + first).lower()


def before_verb(folded: str) -> str:
    """The sentence up to its organiser verb ("" without one): who held the meeting and
    when ("Chiều 28/12, Chi đoàn VKSND, Chi đoàn TAND tỉnh " before "phối hợp tổ chức")."""
    m = ORGANISER_VERB.search(folded)
    return folded[: m.start()] if m else ""


def organiser_subject(folded: str) -> str:
    """Who the sentence says held the meeting: the words before its organiser verb, back
    to the last comma ("Chiều 28/12, Đảng bộ VKSND tỉnh tổ chức …")."""
    before = before_verb(folded)
    return subject_before(before, len(before))


def subject_before(folded: str, verb: int) -> str:
    """The words before the verb at ``verb``, back to the last comma."""
    return folded[folded.rfind(",", 0, verb) + 1 : verb]


def organiser_clause(folded: str) -> str:
    """What the sentence says was held: from its organiser verb on ("…, ngày 8/1/2026,
    VKSND tỉnh tổ chức Hội nghị tập huấn …"), so a purpose clause before it ("nhằm triển
    khai, quán triệt …") is not the meeting; without a verb, the sentence without its
    boilerplate opening, if it names an event at all."""
    m = ORGANISER_VERB.search(folded)
    if m and _REQUESTED.search(folded, 0, m.start()):
        return ""  # what the unit asks another to hold ("kiến nghị … Tòa án … tổ chức …")
    if m and _COUNTED.match(folded, m.end()):
        return ""  # "đã tổ chức 4 hội nghị tập huấn …": a period's statistic
    if m and not folded[max(0, m.start() - 5) : m.start()].strip().endswith("duoc"):
        return folded[m.start() :]
    if (dated := _DATED_ACT_AFTER.search(folded)) and EVENT.search(dated.group("act")):
        return dated.group("act")  # what the procuracy did that day, after why it did
    sentence = BOILERPLATE_OPENING.sub("", folded)
    if inspects := _INSPECTS.search(sentence):  # what an inspection looks at is not the event
        sentence = sentence[: inspects.end()]
    # a sentence that holds nothing ("Đảng bộ … ban hành Kế hoạch …") names no meeting
    return sentence if EVENT.search(sentence) else ""
