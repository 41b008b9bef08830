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
import unicodedata

from searcher.facts.events import (
    A_DAY,
    AT_A_PLACE,
    EVENT,
    HELD_WITH_MARKS,
    INSPECTION,
    ORGANISER_VERB,
    WITH_AIM,
    before_verb,
    dated_act,
    first_held,
    organiser_clause,
    organiser_subject,
    subject_before,
    with_marks,
)
from searcher.facts.kinds import (
    MEETING_TYPES,
    OTHER_PARTY,
    OWN_DEPLOYMENT,
    clause_types,
    lead_types,
    types_in,
)
from searcher.facts.spans import (
    PARTNER,
    PROCURACY,
    PROCURACY_NAME,
    PROSECUTION_STEP,
    first_sentence,
    lede_start,
    without_citations,
)
from searcher.vi.text import fold

# a step of a case, the procuracy's or another body's (an arrest, a detention, an apology
# or a compensation to the wrongly prosecuted)
_CASE_ACT = r"(?:" + PROSECUTION_STEP + r"|de nghi truy to|tam giu|bat tam giam|xin loi|boi thuong)"
# a title that reports an act as done ("Bổ nhiệm 2 Phó Viện trưởng …", "Thành lập 39 Viện
# kiểm sát quân sự", "VKSND huyện Đakrông ủng hộ nhân dân …", "… quyên góp 185 triệu đồng",
# "VKSND khu vực 4 kịp thời hỗ trợ gia đình …", "… lắp đặt biển tuyên truyền …")
_TITLE_ACT = re.compile(
    r"^\s*(?:bo nhiem|thanh lap|trao quyet dinh)\b|"
    # a step of a case, done: "Bắt cựu Bí thư …", "Vụ án …: Truy tố 15 bị can", "… bị bắt",
    # "Bồi thường cho bảy người bị oan", "7 người oan sai được xin lỗi"
    r"^\s*(?:[^\n:]{0,60}:\s*)?(?:" + _CASE_ACT + r"|phe chuan|"
    # a trial's step: "Xét xử thêm 15 bị cáo …", "…: Đề nghị tử hình 1 bị cáo", "…: Yêu cầu
    # khởi tố"
    r"xet xu|de nghi (?:tu hinh|muc an|tuyen|y an|giam nhe|huy an)|"
    r"yeu cau (?:khoi to|truy to|huy))\b|"
    # a place's step: "Phú Yên khởi tố nguyên Chủ tịch …"
    # (not a question, "Vì sao chưa khởi tố …?", nor a step not taken)
    r"^\s*(?!vi sao|tai sao)(?:[^\W\d_]+\s+){1,3}(?<!chua )(?<!khong )"
    r"(?:khoi to|truy to|bat tam giam|tra ho so)\b(?![^\n]*\?)|"
    r"\b(?:bi (?:khoi to|truy to)|duoc (?:boi thuong|xin loi))\b|"
    # the procuracy takes the step, named before it: "…, Viện kiểm sát kháng nghị", "VKS đề
    # nghị giảm nhẹ cho …" (at a trial), "Vì sao VKS xin lỗi …"
     + PROCURACY_NAME + r"[^\n:,.]{0,40}?\b(?:" + PROSECUTION_STEP + r"|xin loi|boi thuong|"
    r"(?<!dap ung )(?<!theo )yeu cau|(?:tiep tuc )?(?:tam )?dinh chi|huy bo|"
    # an official act toward others: "VKSND huyện … kiến nghị Chủ tịch UBND huyện", "VKSNDTC
    # hướng dẫn kiểm sát biên bản phiên tòa …", "Viện trưởng VKSND tối cao ban hành Quyết
    # định thành lập …"
    # (not the work's name: "làm tốt công tác kiến nghị phòng ngừa")
    r"(?<!cong tac )(?:kien nghi|huong dan|ban hanh)|"
    r"de nghi (?:truy to|giam nhe|tuyen|muc an|y an|huy an|bac))\b|"
    r"^[^\n:]{0,80}?"
    + PROCURACY_NAME
    + r"[^\n:]{0,52}?\b(?:ung ho|quyen gop|ho tro|cuu tro|lap dat)\b"
)
# a lede whose procuracy (or its investigating agency) took a case's step ("Vừa qua, Cơ quan
# điều tra VKSND tối cao đã có kết luận điều tra …, đề nghị truy tố 28 bị can"): news of it
_CASE_STEP = r"(?:" + _CASE_ACT + r"|hoan (?:tat|thanh) cao trang|ket luan dieu tra|chi tra)\b"
_CASE_STEP_DONE = re.compile(
    # done ("đã", "vừa"), or on a time the lede opens with ("Giữa tháng 10, … khởi tố")
    r"[^.;:\n]{0,60}?"
    + PROCURACY_NAME
    + r"[^.;:\n]{0,60}?\b(?:da|vua) (?:co )?"
    + _CASE_STEP
    + r"|\s*(?:(?:giua|cuoi|dau|trong) )?thang \d{1,2}(?:[/.\-]\d{4})?\s*,"
    r"[^.;:\n]{0,60}?" + PROCURACY_NAME + r"[^.;:\n]{0,30}?\b" + _CASE_STEP
)
# a step of a case dated in the news, whoever took it ("Đến ngày 28/4/2023, TAND tỉnh … đã xét
# xử phúc thẩm vụ án", "Ngày 12-9, VKSND huyện … đã ra quyết định chuyển vụ án", "Sáng 4-7, …
# Cơ quan CSĐT Bộ Công an và đại diện VKSND tối cao … khám xét"): the story reports an event
_DATED_CASE_STEP = re.compile(
    r"\b(?:ngay|sang|chieu|toi|trua)\s+\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?\s*,"
    r"[^.;\n]{0,160}?\b(?:da\s+)?(?:xet xu|mo phien toa|tuyen an|huy ban an|khoi to|truy to|"
    r"bat (?:giu|tam giam)|kham xet|chuyen (?:ho so|vu an)|ra quyet dinh (?:khoi to|chuyen|"
    r"truy to|tam giam|phe chuan))\b"
)
# a lead's sentence that sets the scene before its news ("Trong giai đoạn …", "Hòa chung không
# khí …", "Với tinh thần …")
_SCENE_SETTING = re.compile(
    r"\s*(?:trong (?:giai doan|thoi gian|boi canh|khong khi)|hoa chung(?: khong khi)?|"
    + WITH_AIM
    + r")\b"
)
# an arrest, with its marks ("Bắt cựu Bí thư …", "… bị bắt", "Bắt giam lái xe …"): not "Bất
# ngờ", "Bất chấp", which fold alike, nor "bắt đầu" (to begin), "bị bắt nạt" (bullied)
_ARREST = re.compile(
    r"(?:^|:\s*|\bbị\s+)bắt(?!\w)"
    r"(?!\s+(?:đầu|tay|nhịp|kịp|buộc|gặp|mắt|chước|nguồn|nạt|đáy|ép|vợ|chồng|sóng|bóng)\b)",
    re.IGNORECASE,
)
# a sentence of basis alone ("Thực hiện Kế hoạch số 18/KH-UBND … năm 2023.") before the news
# ("Vừa qua, Đoàn VKSND tỉnh … tham dự Lễ khánh thành …"): the lede is the news
_BASIS = re.compile(r"\s*(?:thuc hien|can cu)\b")
_NEWS_OPENS = re.compile(r"[\s.]*(?:vua qua|moi day|gan day|ngay \d|(?:sang|chieu) \d)")
# a title that opens with the dissemination names the event ("Quán triệt, triển khai thực
# hiện các Thông tư liên tịch …"), whatever boilerplate the same words make in a sentence
_OPENS_WITH_DISSEMINATION = re.compile(r"\s*(?:hoi nghi\s+)?(?:hoc tap,?\s+)?quan triet\b")
# a review of a coordination rule ("sơ kết 03 năm thực hiện Quy chế phối hợp số 01/…")
_REVIEWS_A_RULE = re.compile(
    r"\b(?:so ket|tong ket)\b[^.;]{0,40}?\b(?:quy che|chuong trinh)\s+phoi hop\b"
)
# ... that signs the rule again, amended, or the next one ("lãnh đạo 2 ngành đã ký kết quy chế
# sửa đổi", "ký kết chương trình phối hợp công tác năm 2022"); a review alone signs nothing
_SIGNS_AGAIN = re.compile(r"\bky (?:ket|lai|bo sung)\b")
_STAFF_AGENDA = ("tổng kết", "triển khai")  # what a staff conference's lead says it does
# a type that also names a body or an ongoing work: alone, without an event held, a
# commentary on the Party's work ("Đảng bộ … gắn xây dựng Đảng với xây dựng ngành") or on
# the work of teaching the law ("Hiệu quả từ công tác tuyên truyền pháp luật"), not a meeting
_ACTIVITIES = {"Đảng", "tuyên truyền"}
# the unit receives an award ("nhận Cờ thi đua của UBND tỉnh", "đón nhận Huân chương")
_AWARD_RECEIVED = re.compile(
    r"\b(?:don nhan|vinh du nhan|nhan (?:co|bang khen|huan chuong|huy chuong|danh hieu|"
    r"ky niem chuong)|duoc (?:tang|trao) (?:co|bang khen|huan chuong|danh hieu))\b"
)
# the unit's own ceremony of receiving it ("VKSND tỉnh … đón nhận Huân chương Độc lập"),
# not an award handed to it at another's meeting ("nhận Cờ thi đua của UBND tỉnh")
_CEREMONY_RECEIVED = re.compile(r"\bdon nhan\b")
# an essay's title: a method, experience, issues or notes on the work ("Phương pháp và kinh
# nghiệm khi trực tiếp kiểm sát", "Một số vấn đề chú ý trong việc xây dựng cáo trạng")
_ESSAY_TITLE = re.compile(
    r"\s*(?:phuong phap|(?:mot so )?kinh nghiem|(?:mot so )?ky nang|mot so van de|ban ve|"
    r"trao doi(?: ve)?|thuc trang|mot so luu y)\b"
)
# a lead that opens on the meeting itself ("Hội nghị do đồng chí … chủ trì …", "Buổi lễ có
# sự tham dự của …"): the activity the title names was held
_MEETING_OPENS = re.compile(
    r"\s*(?:hoi nghi|buoi (?:le|gap mat|sinh hoat|toa dam)|le|hoi thao|toa dam)\b"
)
# a retrospective of a unit ("VKSND huyện Mỹ Tú 41 năm hình thành và phát triển",
# "chặng đường gần 60 năm xây dựng và trưởng thành"): a profile, whatever its lead recalls
_RETROSPECTIVE = re.compile(
    r"\b\d{1,3} nam (?:xay dung|hinh thanh|phat trien|truong thanh|chien dau)\b"
    # a look back over years of work ("… rút kinh nghiệm của VKSND tỉnh Hà Nam trong 5 năm
    # qua"): an essay, whatever event its lead recalls
    r"|\btrong \d{1,2} nam qua\b"
)
# a delegation's visit ("Hội đàm …", "chuyến thăm", "thăm và làm việc tại …")
_VISIT = re.compile(r"\b(?:hoi dam|chuyen tham|(?:den |sang )?tham va lam viec)\b")
# a delegation's visit whose programme signs a cooperation paper ("Cũng trong khuôn khổ
# chuyến thăm …, hai bên đã tiến hành ký biên bản thỏa thuận hợp tác", a photo caption "Đoàn
# VKSND tỉnh … ký kết biên bản ghi nhớ với …"): a signing as well
_SIGNED_ON_A_VISIT = re.compile(
    r"\bky (?:ket )?(?:cac )?(?:bien ban ghi nho|ban ghi nho|bien ban thoa thuan|"
    r"thoa thuan hop tac|quy che phoi hop|chuong trinh phoi hop)\b"
)
# an activity of its own held beside a named meeting, "khác" by the label guide: gifts to
# people in need ("trao tặng các phần quà", "15 suất quà"), a heritage trip or incense
# ("tổ chức về nguồn", "dâng hương"), a commendation of exemplars ("… và biểu dương các
# điển hình tiên tiến"); not a guest's praise ("ghi nhận và biểu dương những nỗ lực")
_ANOTHER_ACTIVITY = re.compile(
    r"\b(?:(?:trao|tang)(?: tang)?(?: cac)?(?: phan| suat)? qua|\d+ (?:phan|suat) qua|"
    r"ve nguon|dang huong|thap huong|"
    # an award or an anniversary's ceremony held with it ("… triển khai nhiệm vụ năm 2016 và tổ
    # chức trao Kỷ niệm chương cho hội viên", "tổ chức lễ kỉ niệm 20 năm thành lập … và hội
    # nghị triển khai công tác năm 2024")
    r"to chuc (?:le )?trao (?:tang )?(?:ky niem chuong|huan chuong|bang khen|co thi dua|giay khen)|"
    r"le k[iy] niem|"
    r"bieu duong (?:cac |nhung )?(?:dien hinh|tap the,? ca nhan|guong)(?: [a-z]+){0,2} tien tien|"
    # a conference of exemplars ("Hội nghị điển hình tiên tiến, tổng kết phong trào thi đua")
    r"hoi nghi (?:bieu duong |bao cao )?dien hinh tien tien)\b"
)
# an award presented at the meeting ("Nhân dịp này, … trao Huân chương Độc lập hạng Nhì cho
# tập thể Viện Kiểm sát …"): a ceremony of its own, "khác"
_AWARD_ON_THE_OCCASION = re.compile(
    r"\bnhan dip nay\b[^.;\n]{0,120}?\btrao(?: tang)?\b[^.;\n]{0,40}?"
    r"\b(?:huan chuong|bang khen|co thi dua|ky niem chuong|danh hieu)\b"
)
# a photo's caption showing the whole scene of an event ("Toàn cảnh hội nghị tuyên truyền
# pháp luật", "Quang cảnh buổi lễ"): the page reports it (71 development pages have one, 69
# report an event; the two others show "một buổi …", any such session)
_SCENE = re.compile(r"(?m)^[^\w\n]*(?:toan canh|quang canh)\s+(?!mot\b)([^\n]{0,120})")
# a paper's tag opening its summary paragraph ("(PLO)-", "(BVPL) -", "(Báo Thanh Hóa) –")
_AGENCY_TAG = re.compile(r"\s*\([a-z][a-z .]{1,24}\)\s*[-–]")
_DOCUMENT_TITLE = re.compile(
    r"\s*(?:can cu|thuc hien|theo|ke hoach|quyet dinh|thong bao|nghi quyet|cong van|"
    r"huong dan|chi thi|thong tu|nghi dinh|bao cao|to trinh|quy che|quy dinh|luat|phap lenh)\b"
)
_PARTY_ORGANISER = re.compile(r"^\s*(?:ban chap hanh |ban thuong vu )?(?:dang bo|dang uy|chi bo)\b")


def meeting_types(title: str, body: str, plain: str | None = None) -> list[str]:
    """Meeting types named in the title or the first sentence of the body.

    >>> meeting_types("Tổng kết công tác năm 2021 và triển khai công tác năm 2022", "")
    ['tổng kết', 'triển khai']
    >>> meeting_types("Tổng kết, trao giải cuộc thi kỹ năng tranh tụng", "")
    ['hội thi']
    """
    if plain is None:  # title + "\n" + lead, folded, citations blanked (same offsets)
        plain = _plain(title) + "\n" + _plain(body[:1500])
    lead = plain[lede_start(plain, len(title) + 1) :].lstrip()
    # a title naming a document ("Kế hoạch Đại hội chi bộ …", "Căn cứ Kế hoạch số …") says
    # what the document is about, not what was held: only the lead's clause counts
    heading = "" if _DOCUMENT_TITLE.match(plain) else plain[: len(title)]
    heading = _up_to_inspection(heading)
    named = types_in(heading)
    # the headline after an occasion's rubric ("Kỷ niệm 55 năm Ngày thành lập ngành …: VKSND
    # tỉnh Nam Định 55 năm xây dựng và trưởng thành") says what the page is
    headline = heading.rsplit(":", 1)[-1]
    if _RETROSPECTIVE.search(headline) and not (
        (types_in(headline) if ":" in heading else named)
        or EVENT.search(_RETROSPECTIVE.sub("", headline))
    ):
        return []  # a profile titled by its years, not a report of an event
    if _ESSAY_TITLE.match(headline) and not A_DAY.search(lead[:400]):
        return []  # "Phương pháp và kinh nghiệm khi trực tiếp kiểm sát": an essay, undated
    if "quán triệt" not in named and _OPENS_WITH_DISSEMINATION.match(heading):
        named = sorted([*named, "quán triệt"], key=MEETING_TYPES.index)
    found = list(named)
    if "triển khai" in found and not OWN_DEPLOYMENT.search(heading):
        found.remove("triển khai")  # "triển khai Quy chế phối hợp": a document's, not the work's
    # and what the lead's first sentence says the meeting is, without its boilerplate
    # opening ("Thực hiện Kế hoạch công tác năm 2021, …"); there "triển khai" must be
    # of the work itself, not "triển khai kế hoạch phát triển kinh tế - xã hội"
    first = first_sentence(lead)
    clause = _up_to_inspection(organiser_clause(first))
    tagged = _AGENCY_TAG.match(first) or _AGENCY_TAG.match(fold(body[:40]))
    if tagged and "\n" in lead and not EVENT.search(clause):
        # "(PLO)- Lãnh đạo … khẳng định …": a summary; the report's own lead follows it
        first = first_sentence(lead[lead.index("\n") :].lstrip())
        clause = organiser_clause(first)
    if (
        not EVENT.search(clause)
        and (
            _SCENE_SETTING.match(first)
            or (_BASIS.match(first) and _NEWS_OPENS.match(lead, len(first)))
        )
        and len(lead) > len(first) + 1
    ):
        # "Trong giai đoạn cả nước chung tay phòng, chống dịch …": a sentence that sets the
        # scene; the lede is the next one ("Vừa qua Viện KSND huyện … đã tổ chức …")
        first = first_sentence(lead[len(first) :].lstrip(" .\n"))
        clause = _up_to_inspection(organiser_clause(first))
    lead_found = clause_types(first, clause)
    if "cán bộ công chức" in found + lead_found:  # its agenda reviews and deploys the work:
        lead_found = [t for t in lead_found if t not in _STAFF_AGENDA]  # one staff conference
    found += [t for t in lead_found if t not in found]
    subject = organiser_subject(first)
    if "Đảng" not in found and (
        _PARTY_ORGANISER.search(subject) or _PARTY_ORGANISER.search(organiser_subject(heading))
    ):
        found.append("Đảng")  # "…, Đảng bộ VKSND tỉnh tổ chức hội nghị …": a Party body meets
    # a digest: what its first "tổ chức …" clause says was held, unless the title names its
    # own event ("… dâng hương tưởng nhớ …")
    organiser = subject if clause else ""
    if not found and not HELD_WITH_MARKS.search(with_marks(title if heading else "", "")):
        digest = first_held(lead)
        found = lead_types(digest.group(1)) if digest else []
        organiser = subject_before(lead, digest.start()) if digest else ""
    if _AWARD_RECEIVED.search(heading) and not named and _another_body(organiser):
        return ["khác"]  # an award received at another body's meeting: not the unit's review
    if (
        _REVIEWS_A_RULE.search(fold(title + "\n" + body[:400]))
        and "ký kết" not in found
        and ({"sơ kết", "tổng kết"} & set(found))
        and _SIGNS_AGAIN.search(fold(body[:2500]))
    ):
        found.append("ký kết")  # the review of a coordination rule that signs it again
    visit = _VISIT.search(heading + "\n" + first)
    if "ký kết" in found and "khác" not in found and visit:
        found.append("khác")  # a rule signed during a delegation's visit: the visit too
    if visit and "ký kết" not in found and _SIGNED_ON_A_VISIT.search(lead):
        found += ["ký kết"] + ([] if "khác" in found else ["khác"])  # the visit signed a paper
    if (
        found
        and "khác" not in found
        and (
            _ANOTHER_ACTIVITY.search(heading + "\n" + clause) or _AWARD_ON_THE_OCCASION.search(lead)
        )
    ):
        found.append("khác")  # "… tổ chức về nguồn và lễ kết nạp đảng viên": the trip too
    found.sort(key=MEETING_TYPES.index)
    # nothing named, or only a Party body ("Đảng bộ … gắn xây dựng Đảng với xây dựng
    # ngành"), and no event held: commentary, an interview, a profile
    if set(found) <= _ACTIVITIES and not (
        EVENT.search(heading + " " + clause)
        or _TITLE_ACT.search(heading)
        or (heading and _ARREST.search(unicodedata.normalize("NFC", title)))
        or HELD_WITH_MARKS.search(with_marks(title if heading else "", body))
        or (found and AT_A_PLACE.search(heading + " " + clause))
        or (found and _MEETING_OPENS.match(first))
    ):
        # unless a photo shows the whole scene of the event, or a lede dates a procuracy's act
        scene = _SCENE.search(lead)
        if scene is not None and EVENT.search(scene.group(1)):
            found = found or lead_types(scene.group(1))
        elif dated := dated_act(lead):
            found = found or lead_types(lead[: dated.end()], dated.start("act"))
        elif not (
            _CASE_STEP_DONE.match(first_sentence(lead)) or _DATED_CASE_STEP.search(lead, 0, 1500)
        ):
            return []  # (else a lede's case step the procuracy took, or a dated step of any
            # body in the case news: an event, "khác")
    if found and "khác" not in found and _AWARD_ON_THE_OCCASION.search(lead):
        found = sorted([*found, "khác"], key=MEETING_TYPES.index)  # its award ceremony too
    return found or ["khác"]


def retrospective(title: str) -> bool:
    """Whether the (folded) title is a unit's retrospective, a profile that reports no
    event however its lead recalls one.

    >>> retrospective("vksnd huyen my tu 41 nam hinh thanh va phat trien")
    True
    """
    return bool(_RETROSPECTIVE.search(title))


def names_procuracy(folded: str) -> bool:
    """Whether the folded text names a procuracy.

    >>> names_procuracy("tan vien truong vks tp.hcm"), names_procuracy("ubnd tinh hop")
    (True, False)
    """
    return bool(PROCURACY.search(folded))


def with_types_where_held(found: list[str], title: str, sentence: str) -> list[str]:
    """``found`` (the types of the title and the lead) with those the sentence of the
    meeting's date names in its organiser clause ("Ngày 07/02/2020, Đảng ủy đã tổ chức
    Hội nghị tập huấn …" → tập huấn): the meeting the report dates, however its title and
    lead speak of it. Not when the title says an award was received (the meeting it was
    given at is another's), nor a staff conference's agenda. ``sentence``: folded,
    citations blanked.

    >>> with_types_where_held(["Đảng"], "", "ngay 7/2, dang uy to chuc hoi nghi tap huan")
    ['Đảng', 'tập huấn']
    """
    m = ORGANISER_VERB.search(sentence)
    if not found or m is None or _AWARD_RECEIVED.search(fold(title)):
        return found
    held = _up_to_agenda(sentence, m.start())  # not what it is held to discuss
    added = [t for t in lead_types(held, m.start()) if t not in found]
    if "cán bộ công chức" in found:
        added = [t for t in added if t not in _STAFF_AGENDA]
    if not added:
        return found
    return sorted([*(t for t in found if t != "khác"), *added], key=MEETING_TYPES.index)


def ceremony_received(title: str) -> bool:
    """Whether the title reports the unit's ceremony of receiving an award.

    >>> ceremony_received("VKSND tỉnh Vĩnh Phúc đón nhận Huân chương Độc lập")
    True
    """
    return bool(_CEREMONY_RECEIVED.search(fold(title)))


# a meeting held "to discuss" its agenda ("tổ chức họp tổ tuyên truyền để bàn các nội dung: …
# Cuộc thi …"): what it discusses is its subject, not its kind
_AGENDA = re.compile(r"\bde ban (?:bac )?(?:cac noi dung|ve|viec)\b")


def _up_to_inspection(folded: str) -> str:
    """``folded`` up to an inspection named as the event ("tổ chức đợt kiểm tra việc triển
    khai kế hoạch …"): what follows is the work inspected, not the meeting's type; and
    up to a meeting's agenda ("… để bàn các nội dung: …")."""
    inspection = INSPECTION.search(folded)
    return _up_to_agenda(folded[: inspection.end()] if inspection else folded)


def _up_to_agenda(folded: str, start: int = 0) -> str:
    """``folded`` up to what a meeting is held to discuss, from ``start`` ("… họp tổ tuyên
    truyền để bàn các nội dung: … Cuộc thi …": the contest is its subject)."""
    agenda = _AGENDA.search(folded, start)
    return folded[: agenda.start()] if agenda else folded


def another_body_held(title: str, lead: str) -> bool:
    """Whether the report is of another body's event, no procuracy its subject: the title
    names no procuracy, and the organiser (of the title, else of the lead's first sentence)
    is another body ("Tòa án nhân dân huyện … tổ chức phiên tòa …", "Chiều 23-8, TAND cấp
    cao … tổ chức hội nghị …"; a procuracy among its guests or partners), or the title opens
    with a court's event ("Tòa trả hồ sơ …", "Xét xử thêm 15 bị cáo …"), whatever procuracy
    the story names as prosecutor, source or earlier step. Folded text.

    >>> another_body_held("so tu phap chu tri lam viec ve nong thon moi", "")
    True
    >>> another_body_held("vksnd tinh nhan co thi dua", "ubnd tinh to chuc hoi nghi")
    False
    >>> another_body_held("xet xu them 15 bi cao ve toi gay roi", "vksnd tinh cho biet …")
    True
    """
    if names_procuracy(title):
        return False
    if _COURTS_TITLE.match(title):
        return True
    before = [before_verb(title), before_verb(first_sentence(lead))]
    if any(names_procuracy(b) for b in before):
        return False  # a procuracy among the organisers ("Chi đoàn VKSND, Chi đoàn TAND …")
    return any(_another_body(subject_before(b, len(b))) for b in before)


# a court's event opening the title ("Tòa trả hồ sơ …", "Xét xử thêm 15 bị cáo …", "Đổi lịch
# xét xử phúc thẩm …"); not a trial held for lessons, which the procuracy holds with the court
_COURTS_TITLE = re.compile(
    r"\s*(?:(?:doi lich|hoan)\s+)?(?:toa(?! dam)|tand|toa an|hdxx|xet xu)\b"
    r"(?![^\n]*\brut kinh nghiem\b)"
)


def _another_body(subject: str) -> bool:
    """Whether the organiser named is a body other than a procuracy ("Tỉnh ủy, HĐND, UBND
    tỉnh", "Ủy ban nhân dân thành phố")."""
    # a body named as the partner of an unnamed one ("… phối hợp với Tòa án tiến hành …"):
    # who works with it is the subject
    subject = _PARTNER.split(subject, 1)[0]
    return bool(OTHER_PARTY.search(subject)) and not names_procuracy(subject)


_PARTNER = re.compile(PARTNER)


_plain = without_citations
