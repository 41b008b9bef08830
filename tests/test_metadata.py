"""Facets read from articles: the seeds exactly, and a labelled set of 80 cases."""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from searcher.facts.metadata import MEETING_TYPES, extract, meeting_types
from searcher.read.articles import Article, Problem, parse_text
from searcher.read.files import read_file
from searcher.read.records import parse_record

ROOT = Path(__file__).parent.parent


def load_cases(name: str) -> list[dict]:
    path = Path(__file__).parent / "fixtures" / name
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


CASES = load_cases("metadata_cases.jsonl")
FIELDS = ("level", "province", "province_2025", "year", "types", "meeting_date", "published")

SEEDS = [
    # id, province, province_2025, level, year, meeting_date, published, must-include types
    ("000_8777a9fa8622df86", "Hải Phòng", "Hải Phòng", "tỉnh", 2020, None, None, {"Đảng"}),
    (
        "001_19c58e07ec207b15",
        "Thanh Hóa",
        "Thanh Hóa",
        "tỉnh",
        2022,
        "2022-09-12",
        None,
        {"giao ban"},
    ),
    (
        "002_d2037cb755c08229",
        "Thái Bình",
        "Hưng Yên",
        "huyện",
        2021,
        "2021-01-12",
        "2021-01-15",
        {"tổng kết"},
    ),
    (
        "003_887b564324172e28",
        "Đà Nẵng",
        "Đà Nẵng",
        "cấp cao",
        2022,
        "2022-01-04",
        "2022-01-12",
        {"triển khai"},
    ),
    (
        "004_f7c25ea428f09783",
        "Thái Bình",
        "Hưng Yên",
        "tỉnh",
        2022,
        "2022-01-11",
        "2022-01-12",
        {"tổng kết", "triển khai"},
    ),
]


def iso(value):
    return value.isoformat() if value else None


@pytest.mark.parametrize(
    ("sid", "province", "p2025", "level", "year", "meeting", "published", "types"), SEEDS
)
def test_seed_metadata(sid, province, p2025, level, year, meeting, published, types) -> None:
    [article] = read_file(ROOT / "corpus" / f"{sid}.txt")
    assert isinstance(article, Article)
    m = extract(article)
    assert (m.province, m.province_2025, m.level, m.year) == (province, p2025, level, year)
    assert (iso(m.meeting_date), iso(m.published)) == (meeting, published)
    assert types <= set(m.meeting_types)


def case_article(case: dict) -> Article | Problem:
    if "date" in case or "url" in case:  # a record with its stamp or its page's address
        title, _, body = case["raw"].partition("\n")
        extra = {k: case[k] for k in ("date", "url") if k in case}
        return parse_record({"title": title, "body": body, **extra}, case["id"], case["id"])
    return parse_text(case["raw"], case["id"], case["id"])


def predicted(article: Article) -> dict:
    m = extract(article)
    return {
        "level": m.level,
        "province": m.province,
        "province_2025": m.province_2025,
        "year": m.year,
        "types": sorted(m.meeting_types),
        "meeting_date": iso(m.meeting_date),
        "published": iso(m.published),
        "period": m.period,
        "period_year": m.period_year,
    }


def field_accuracy() -> tuple[dict[str, float], list[str]]:
    right: Counter = Counter()
    misses = []
    scored = [c for c in CASES if not c["expect"].get("skip")]
    for case in scored:
        got = predicted(case_article(case))
        for f in FIELDS:
            want = sorted(case["expect"][f]) if f == "types" else case["expect"][f]
            if got[f] == want:
                right[f] += 1
            else:
                misses.append(f"{case['id']}.{f}: want {want!r}, got {got[f]!r}")
    return {f: right[f] / len(scored) for f in FIELDS}, misses


def test_labelled_set_is_large_and_varied() -> None:
    scored = [c["expect"] for c in CASES if not c["expect"].get("skip")]
    assert len(scored) >= 60
    assert {e["level"] for e in scored} == {
        "tối cao",
        "cấp cao",
        "tỉnh",
        "huyện",
        "khu vực",
        "quân sự",
    }
    assert len({e["province"] for e in scored}) >= 40
    types = {t for e in scored for t in e["types"]}
    types |= {t for c in NAMED for t in c["expect"].get("types", [])}
    assert types == set(MEETING_TYPES)  # every type, "khác" included


def test_labelled_set_accuracy() -> None:
    accuracy, misses = field_accuracy()
    report = ", ".join(f"{f} {a:.3f}" for f, a in accuracy.items())
    for f, a in accuracy.items():
        assert a >= 0.95, f"{f} accuracy {a:.3f} ({report}); misses: {misses}"


def test_title_only_article_is_kept() -> None:
    [case] = [c for c in CASES if c["expect"].get("skip")]
    result = case_article(case)
    assert isinstance(result, Article)
    assert result.title == "Hội nghị tổng kết năm 2020" and result.body == ""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hội nghị Ban cán sự Đảng mở rộng năm 2020", ["Đảng"]),
        ("Tổng kết công tác năm 2021 và triển khai công tác năm 2022", ["tổng kết", "triển khai"]),
        ("Giao ban công tác 9 tháng", ["giao ban"]),
        ("Hội nghị rút kinh nghiệm vụ án", ["rút kinh nghiệm"]),
        ("Lễ kỷ niệm ngày thành lập", ["khác"]),
        ("TONG KET CONG TAC NAM 2020", ["tổng kết"]),
    ],
)
def test_meeting_types(title: str, expected: list[str]) -> None:
    assert meeting_types(title, "") == expected


FRESH = load_cases("metadata_fresh.jsonl")  # written after the extractor changed
PATTERNS = [c for c in CASES if c["id"].startswith("p")]  # one case per pattern of real pages


@pytest.mark.parametrize("case", PATTERNS + FRESH, ids=lambda c: c["id"])
def test_real_page_patterns_exactly(case: dict) -> None:
    """Each pattern seen on real procuracy pages (dates without "ngày", a digest's date,
    signing dates, news stamps, guests, banners, unnamed units, abbreviations, national
    units, boilerplate types), and the fresh set written after the extractor changed."""
    got = predicted(case_article(case))
    want = {f: sorted(v) if f == "types" else v for f, v in case["expect"].items()}
    assert {f: got[f] for f in want} == want


def test_every_field_has_its_evidence() -> None:
    article = case_article(next(c for c in CASES if c["id"] == "p11"))
    evidence = extract(article).evidence
    # the organiser's passage: the title's "… giao ban quý III của ngành Kiểm sát Phú Yên"
    assert "giao ban" in evidence["unit"] and "Phú Yên" in evidence["unit"]
    assert evidence["meeting_date"].startswith("Ngày 2/10/2023")
    assert evidence["year"] == "the meeting date"


# One case per named pattern of real pages (issue 22), in our own words; the page each
# came from (never copied):
# citation-before-meeting, several-citations, citation-comma-then-meeting:
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-tham-du-truc-tuyen-hoi-thao-khoa-hoc-8220vien-kiem-sat-nhan-dan-trong-nha-nuoc-phap-quyen-xa-hoi-chu-nghia-viet-nam-den-nam-2030-dinh-huong-den-nam-20458221-do-vien-kiem-sat-nhan-dan-toi-cao-to-chuc-4573.html
# citation-after-meeting, citation-spaced-code, year-only-in-citation: corpus seed 000
#   (a Hải Phòng page citing "Chỉ thị số 01/CT - VKSTC ngày 17/12/2019")
# cited-document-content:
#   https://baovephapluat.vn/cai-cach-tu-phap/dien-dan/vksnd-toi-cao-chuan-bi-to-chuc-2-hoi-nghi-tap-huan-trong-toan-nganh-83250.html
# day-month-from-publication, stamp-*: https://baothanhhoa.vn/cuoc-thi-ky-nang-phat-hien-vi-pham-thong-qua-kiem-sat-ban-an-dan-su-259725.htm
# day-month-from-anniversary:
#   https://kiemsat.vn/hoi-thao-khoa-hoc-mot-so-van-de-ly-luan-va-thuc-tien-ve-to-chuc-va-hoat-dong-cua-vien-kiem-sat-nhan-dan-qua-60-nam-xay-dung-va-phat-trien-57666.html
# header-clock-*: https://baolangson.vn/chinh-tri/20393-hoi-thao-nang-cao-chat-luong-thuc-hanh-quyen-cong-to.html
# planned-range:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/khai-mac-hoi-nghi-vksnd-cac-tinh-co-chung-duong-bien-gioi-viet-lao-lan-thu-6-74174.html
# never-after-*: https://vkspy.gov.vn/nhung-ket-qua-noi-bat-cua-nganh-kiem-sat-nhan-dan-trong-nhiem-ky-quoc-hoi-khoa-xiii-17_3914.html
# party-title-*, period-month-*:
#   https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-tinh-quang-tri-to-chuc-hoi-nghi-giao-ban-vien-kiem-sat-hai-cap-thang-4-nam-2024-2261
# seminar-is-hoi-thao:
#   https://vksndtc.gov.vn/tin-hoat-dong-vksnd-toi-cao/toa-dam-khoa-hoc-mot-so-kinh-nghiem-trong-cong-tac-d2-t12469.html?Page=270
# dissemination-is-quan-triet:
#   https://vkspy.gov.vn/dang-bo-vksnd-tinh--to-chuc-hoi-nghi-pho-bien-nhanh-nghi-quyet-hoi-nghi-lan-thu-13-bch-trung-uong-dang-khoa-xi-65_3873.html
# signing-is-ky-ket: fixture p17 (a Hà Nam signing page of the earlier set)
# contest-*: https://baothanhhoa.vn/vien-kiem-sat-nhan-dan-tinh-tong-ket-trao-giai-cac-cuoc-thi-nghiep-vu-263906.htm
# law-day-is-tuyen-truyen: http://vksbacninh.gov.vn/tin-tuc/tin-phap-luat/huong-ung-ngay-phap-luat-viet-nam-9931.html
# quarterly-review, period-nine-months, period-annual-review:
#   https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-tinh-quang-tri-to-chuc-hoi-nghi-giao-ban-hai-cap-quy-iii-nam-2023-2148
# military-venue-not-province, investigation-agency-national:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksqs-quan-doan-34-tham-va-chuc-mung-vksqs-khu-vuc-52-nhan-ky-niem-50-nam-ngay-truyen-thong-189520.html
# stamp-in-header-block:
#   http://www.baodongnai.com.vn/tintuc/201507/hop-mat-truyen-thong-ngay-thanh-lap-nganh-kiem-sat-2398401/
# clock-widget-not-publication, window-end-not-meeting, timed-year-in-lead: see above
#   (vkspy 12957 repost of the 2020 seminar; baovephapluat 128510; baovephapluat 83250)
# range-from-to, work-year-not-meeting-year:
#   https://daibieunhandan.dienbien.gov.vn/Article/2838/Vien-Kiem-sat-nhan-dan-tinh-to-chuc-Hoi-nghi-Tong-ket-cong-tac-nam-2017-trien-khai-cong-tac-nam-2018.html
# not-a-meeting-report: https://baodantoc.vn/vai+trò+quan+trọng+của+ngành+kiểm+sát.html
# purpose-clause-not-type: http://vksquangtri.gov.vn/index.php?language=vi&nv=news&op=VKSND-Tinh-Quang-Binh/Vien-kiem-sat-nhan-dan-tinh-Quang-Tri-to-chuc-Hoi-nghi-tap-huan-mot-so-nhiem-vu-moi-trong-cong-tac-kiem-sat-giai-quyet-cac-vu-an-hanh-chinh-vu-viec-dan-su-4116
# venue-unit-in-title:
#   http://vkskh.gov.vn/cong-bo-quyet-dinh-thanh-tra-tai-vien-kiem-sat-nhan-dan-huyen-khanh-son_2372_206_2_a.html
# thematic-conference-is-hoi-thao: https://vks.dongnai.gov.vn/Pages/newsdetail.aspx?CatId=96&NewsId=6182
# citation-code-space-after-slash:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/hieu-qua-noi-bat-tu-hoat-dong-tuyen-truyen-pho-bien-giao-duc-phap-luat-cua-vksqs-khu-vuc-21-126124.html
# anniversary-dash-dates, stamp-glued-to-header-line:
#   https://plo.vn/vksnd-tphcm-dong-gop-co-hieu-qua-vao-su-phat-trien-cua-thanh-pho-post862337.html
# month-only-stamp:
#   https://www.vietnamplus.vn/ren-luyen-chuyen-mon-ban-linh-can-bo-kiem-sat-dap-ung-yeu-cau-nhiem-vu-post918894.vnp
# caption-before-lead: the same vietnamplus page
# occasion-opening-not-type: https://vkspy.gov.vn/nhung-ket-qua-noi-bat-cua-nganh-kiem-sat-nhan-dan-trong-nhiem-ky-quoc-hoi-khoa-xiii-17_3914.html
# round 2 (set C), each fixture written in our own words after the real page named here:
# stamp-views-and-comments-after-time:
#   https://vkshue.gov.vn/cap-khuvuc/vksnd-va-tand-khu-vuc-3-tp-hue-ky-ket-quy-che-phoi-hop-lien-nganh-2405.html
# stamp-time-first-with-print-link:
#   https://baodienbienphu.com.vn/tin-tuc/chinh-tri/219327/hoi-dam-vien-kiem-sat-nhan-dan-tinh-dien-bien---u-dom-xay?page=81
# weather-widget-above-title:
#   https://phapluatplus.baophapluat.vn/kien-giang-tao-buoc-tien-moi-trong-cai-cach-bo-may-nganh-kiem-sat-tu-viec-trien-khai-thi-diem-mo-hinh-vien-kiem-sat-khu-vuc-217914.html
# citation-number-without-so:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-tay-ninh-to-chuc-hoi-nghi-so-ket-cong-tac-6-thang-dau-nam-2021-108425.html
# president-name-is-not-the-city:
#   https://baophutho.vn/gap-mat-ky-niem-65-nam-ngay-truyen-thong-nganh-kiem-sat-nhan-dan-236598.htm
# emulation-cluster-head-organises:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/cum-thi-dua-so-1-vksnd-tinh-an-giang-binh-xet-thi-dua-nam-2023-149580.html
# reporting-window-start-not-meeting:
#   https://vksndthaibinh.gov.vn/Article/1809/So-ket-viec-to-chuc-phien-toa-rut-kinh-nghiem-giai-quyet-an-dan-su-cua-hai-cap-Kiem-sat-tinh-Thai-.html
# launch-where-past-year-is-reviewed:
#   https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-thi-xa-quang-tri-to-chuc-hoi-nghi-trien-khai-cong-tac-nam-2023-1892
# mock-trial-is-a-subject-not-a-type: https://vksndtc.gov.vn:443/tintuc/Pages/lists.aspx?Cat=10&ItemID=2946
# party-body-is-the-organiser:
#   https://baothanhhoa.vn/tap-trung-lanh-dao-chi-dao-nang-cao-hieu-luc-hieu-qua-cong-tac-thuc-hanh-quyen-cong-to-kiem-sat-hoat-dong-tu-phap-273641.htm
# round 3 (set D, read this session), each fixture written in our own words after the page:
# homograph-not-event: https://vienkiemsattv.gov.vn/2014/09/18/hoat-dong-thqct-va-ks-xet-xu-so-tham-an-hinh-su-o-vksnd-thanh-pho-tra-vinh/
#   and https://baocaovien.vn/tin-tuc/bao-dam-gan-dan-sat-dan-tao-dieu-kien-thuan-loi-cho-dan-khi-tham-gia-to-tung/245130.html
# statistic-count-not-event:
#   https://baovephapluat.vn/video/vksnd-tinh-dak-nong-hoan-thanh-vuot-muc-chi-tieu-to-chuc-phien-toa-rut-kinh-nghiem-11617.html
# law-name-not-event: https://baonghean.vn/xung-dang-don-vi-dan-dau-phong-trao-thi-dua-toan-nganh-kiem-sat-271318.html
# document-title-not-event:
#   https://vksndtc.gov.vn/thong-tin/cong-tac-xay-dung-dang/ke-hoach-dai-hoi-chi-bo-nhiem-ky-2022---2025-trong-d32-t10106.html?Page=2
# citation-as-first-line-not-event: https://vienkiemsatbrvt.gov.vn/portal/p/2017
# title-starts-with-hop, gift-visit-is-event (guards: events the tighter test must keep):
#   https://vienkiemsattv.gov.vn (Họp lãnh đạo liên ngành tố tụng tỉnh Trà Vinh, set D S041),
#   https://vienkiemsat.cantho.gov.vn (Đoàn thể VKSND thành phố Cần Thơ chúc Tết, set D S051)
# congress-term-gives-year:
#   https://baovephapluat.vn/kiem-sat-24h/van-de-su-kien/vksnd-tinh-vinh-long-to-chuc-dai-hoi-dang-bo-nhiem-ky-2020-2025-89360.html
# staff-conference-reviews-past-year:
#   https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-thanh-pho-dong-ha-to-chuc-hoi-nghi-cong-chuc-va-nguoi-lao-dong-nam-2022-1476
# assessment-of-the-year-is-period:
#   https://vksquangtri.gov.vn/bai-viet/ban-chap-hanh-dang-uy-vien-kiem-sat-nhan-dan-tinh-quang-tri-lam-viec-voi-cac-to-chuc-doan-the-trong-co-quan-1390
# inspection-of-the-year-is-period:
#   https://vienkiemsattv.gov.vn/2014/11/28/vien-kiem-sat-nhan-dan-tinh-tra-vinh-tien-hanh-kiem-tra-cong-tac-kiem-sat-nam-2014/
# en-dash-in-province-name: https://vienkiemsatbrvt.gov.vn/portal/p/2890
# citation-issuer-not-organiser: https://vienkiemsatbrvt.gov.vn/portal/p/2017
# sector-of-a-province-in-title: https://baoninhbinh.org.vn/s/vi%E1%BB%87n%20ki%E1%BB%83m%20s%C3%A1t?page=2
# regional-unit-with-its-city, disseminating-a-cited-document:
#   https://plo.vn/vks-khoi-kien-bao-ve-loi-ich-cong-dau-moc-quan-trong-trong-tien-trinh-cai-cach-tu-phap-post876956.html
# end-of-a-dated-span: https://vksndthainguyen.gov.vn/?tag=thanh-tra-khieu-to
# deploying-a-document-is-not-deployment-of-work:
#   https://baovephapluat.vn/video/vksnd-tinh-phu-tho-trien-khai-quy-che-phoi-hop-giai-quyet-an-hanh-chinh-vu-viec-dan-su-11046.html/p/1
# clock-above-repeated-title, stamp-with-text-size-buttons:
#   https://beta.la34.com.vn/vien-kiem-sat-nhan-dan-tinh-long-an-trien-khai-cong-tac-nam-2025-128023.html
# district-name-with-apostrophe:
#   https://vkskontum.gov.vn/vksnd-huyen-ia-hd-rai/vien-ksnd-huyen-ia-h-drai-chu-tri-le-ky-ket-quy-che-phoi-hop-160.html
# incense-offering-title-is-the-event:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vsnd-tinh-nam-dinh-dang-huong-tuong-nho-dong-chi-hoang-quoc-viet-153154.html
# month-slash-year-period: https://danviet.vn/vien-truong-vien-ksnd-tinh-hung-yen-yeu-cau-kien-quyet-chong-oan-sai-chu-dong-thuc-hien-cac-quyen-nang-phap-ly-von-co-d1355512.html
# written-date-is-not-a-month-reviewed: http://vksbentre.gov.vn/index.php/vksnd-tnh-bn-tre/2125-2020-06-23-02-48-47
# key-cadres-are-not-the-staff-conference: https://vkspy.gov.vn/vksnd-tinh-phu-yen--to-chuc-hoi-nghi-can-bo-chu-chot-nhan-xet-danh-gia-doi-voi-tap-the-ban-can-su-dang-va-cac-dong-chi-lanh-dao-vien-ksnd-tinh-phu-yen-8_3812.html
# byline-before-stamp: https://dantocphattrien.vietnamnet.vn/tiep-tuc-khang-dinh-vi-tri-vai-tro-quan-trong-cua-nganh-kiem-sat-truoc-dang-nha-nuoc-va-nhan-dan-1672215699862.htm
# posted-on-spaced-date: https://vienkiemsat.thanhhoa.gov.vn/portal/Pages/2024-7-9/Vien-truong-VKSND-tinh-Thanh-Hoa-bao-cao-cong-tac-11zy0w.aspx
# procuracy-and-court-of-one-province: https://toaanduyxuyen.gov.vn/lien-nganh-vien-kiem-sat-nhan-dan-va-toa-an-nhan-dan-tinh-quang-nam-to-chuc-hoi-nghi-so-ket.html
# trial-for-lessons-however-worded: https://vksquangtri.gov.vn/bai-viet/vien-ksnd-huyen-gio-linh-phoi-hop-voi-tand-huyen-gio-linh-to-chuc-phien-toa-xet-xu-truc-tuyen-rut-kinh-nghiem-vu-an-tang-tru-trai-phep-chat-ma-tuy-1764
# award-ceremony-at-a-launch: https://vksndtc.gov.vn/tin-tuc/vksnd-tinh-vinh-phuc-don-nhan-huan-chuong-doc-lap--t12727.html
#   and https://baoquangnam.vn/chinh-tri/vien-kiem-sat-nhan-dan-huyen-que-son-don-nhan-huan-chuong-lao-dong-hang-nhat-155064.html
# award-ceremony-presents-the-years-results:
#   https://baovephapluat.vn/kiem-sat-24h/van-de-su-kien/vksnd-tinh-hai-duong-don-nhan-co-thi-dua-cua-chinh-phu-117388.html
# sports-contest-is-other: https://baothuathienhue.vn/the-thao/the-thao-trong-nuoc/vien-kiem-sat-nhan-dan-tinh-khai-mac-hoi-thi-the-thao-74598.html
# another-body-holds-the-event, another-body-holds-the-lead-event (and, the other way,
#   co-organising-procuracy-keeps-its-unit, procuracy-at-another-bodys-event-keeps-its-unit,
#   another-bodys-story-has-no-province, courts-exchange-names-a-city-but-no-unit: no
#   procuracy its subject, no province either, the story's place not a unit's; labellers
#   of sets T and U: https://plo.vn/tand-khu-vuc-15-tphcm-va-tand-khu-vuc-3-tp-da-nang-trao-doi-kinh-nghiem-giai-quyet-an-post881505.html
#   and https://binhphuoc.gov.vn/vi/news/hoat-dong-so-nganh/tang-cuong-hop-tac-giua-toa-an-nhan-dan-tinh-binh-phuoc-voi-toa-an-so-tham-cac-tinh-giap-bien-vuong-quoc-campuchia-33055.html):
#   a court's trial or
#   conference, a department's visit (the procuracy a partner or a guest):
#   http://toaan.camau.gov.vn/toa-an-nhan-dan-huyen-cai-nuoc-to-chuc-phien-toa-xet-xu-rut-kinh-nghiem-theo-yeu-cau-cai-cach-tu-phap.162
#   https://baokhanhhoa.vn/phap-luat/202208/rut-kinh-nghiem-to-chuc-xet-xu-truc-tuyen-khu-vuc-mien-trung-tay-nguyen-8260796
#   http://tuphap.hatinh.gov.vn/chi-tiet-tin-tuc/so-tu-phap-chu-tri-lam-viec-ve-trien-khai-cac-hoat-dong-ho-tro-do-dau-xay-dung-nong-thon-moi-tai-xa-huong-binh-huyen-huong-khe
# procuracy-of-the-same-level-as-the-court ("phối hợp với Viện kiểm sát nhân dân cùng cấp":
#   the court's level and place): http://toaan.camau.gov.vn/tand-huyen-dam-doi-to-chuc-phien-toa-dan-su-rut-kinh-nghiem.462
# approver-of-the-polices-act-is-no-unit ("… đã được VKSND tỉnh Lào Cai phê chuẩn": the
#   police's arrest; and, the other way, procuracys-own-approvals-are-its-work):
#   https://vietbao.vn/bat-cuu-bi-thu-tinh-uy-lao-cai-nguyen-van-vinh-427843.html
# investigating-agency-takes-the-case-step, investigating-agency-over-the-accuseds-unit (a
#   case's step the unit takes, "khởi tố", "ban hành cáo trạng truy tố": its own act, over
#   the accused's former unit; set W's W115, set V's V209, read after their one scoring):
#   https://lifestyle.znews.vn/cuu-pho-vien-truong-vien-kiem-sat-voi-bi-can-hai-san-thuoc-la-post1505373.html
# paying-respects-is-an-event ("Viếng nghĩa trang Liệt sĩ"; set W's W202, read after its
#   one scoring): https://vienkiemsat.cantho.gov.vn/Vieng-nghia-trang-Liet-si-va-Tuong-dai-Bac-Ho
# procuracys-step-named-after-it, procuracys-proposal-at-a-trial ("…, Viện kiểm sát kháng
#   nghị", "VKS đề nghị giảm nhẹ cho …": a case's step; set W's W122 and W221, read after
#   its one scoring): https://vietbao.vn/vu-chay-quan-karaoke-an-phu-vks-de-nghi-giam-nhe-cho-nu-can-bo-keu-oan-558892.html
# source-speaking-to-the-press-is-no-event ("Chiều 2/2, trao đổi với phóng viên, …": the
#   day the paper asked, not the act; "trao đổi" is not "trao"; set W's W105, read after
#   its one scoring): https://dantri.com.vn/phap-luat/giam-doc-va-pho-giam-doc-ban-quan-ly-du-an-bi-bat-vi-nhan-hoi-lo-20230202173309630.htm
# event-named-back-by-its-kind, seminar-named-back (an event read with no kind takes the
#   one a later sentence names it by, "Tại buổi tuyên truyền, …"; set W's W208 and set N's
#   N038): https://vienkiemsatbrvt.gov.vn/portal/p/3362
# ledes-case-step-is-news-of-it ("Vừa qua, Cơ quan điều tra VKSND tối cao đã có kết luận
#   điều tra …, đề nghị truy tố …"; and, the other way, commentary-on-case-steps-is-no-event;
#   set W's W113, read after its one scoring):
#   https://vietbao.vn/toan-canh-vu-an-dua-nhan-va-moi-gioi-hoi-lo-o-tand-cap-cao-da-nang-557695.html
#   ledes-case-step-on-a-month ("Giữa tháng 10, Cơ quan điều tra VKSND Tối cao khởi tố …",
#   set W's W115): https://lifestyle.znews.vn/cuu-pho-vien-truong-vien-kiem-sat-voi-bi-can-hai-san-thuoc-la-post1505373.html
# province-protests-what-its-district-found (a unit's name ends before the case step it
#   takes, "… tỉnh Nghệ An kháng nghị"; set W's W122, read after its one scoring):
#   https://baovephapluat.vn/video/kiem-sat-nhan-dan-tren-vnews-va-antv/toa-cap-so-tham-vi-pham-nghiem-trong-thu-tuc-to-tung-va-noi-dung-vien-kiem-sat-khang-nghi-13936.html
# day-month-near-the-month-named-before, day-month-just-before-the-date-named (a day and
#   month with no stamp to date them take the year that puts them nearest the last month
#   and year named before them; set V's V209, read after its one scoring, and set O's O309):
#   https://vietbao.vn/vi-sao-pho-truong-cong-an-va-pho-vien-truong-vksnd-huyen-vu-thu-bi-bat-298529.html
#   and https://luatsulam.com.vn/chan-dung-19-chanh-an-tand-khu-vuc-tai-tp-hcm/
#   (stale-day-month-stays-undated: a day and month too long before the stamp stay another
#   story's, whatever months the story named)
# scene-setting-sentence-before-the-lede ("Trong giai đoạn cả nước …": the lede is the next
#   sentence; set V's V127, read after its one scoring):
#   https://vksnd.gialai.gov.vn/VKSND-huyen-thi-xa-thanh-pho/vien-ksnd-huyen-dak-po-voi-chuong-trinh-vui-tet-trung-thu-1565.html
# a-review-of-a-coordination-rule-signed-again, a-review-of-a-coordination-rule-alone (a
#   review of a rule is also a signing when the page says the rule was signed again; set
#   D's G029 and set X's X216, read after its one scoring):
#   https://toaanduyxuyen.gov.vn/lien-nganh-vien-kiem-sat-nhan-dan-va-toa-an-nhan-dan-tinh-quang-nam-to-chuc-hoi-nghi-so-ket.html
#   and https://baobinhdinh.vn/viewer.aspx?mabb=167776&macm=15&macmp=17
# indictment-completed-is-a-case-step, detention-in-the-title-is-a-case-step ("vừa hoàn tất
#   cáo trạng truy tố", "Tạm giữ một cựu phó chánh án …"; set X's X124 and X221, read after
#   its one scoring): https://thanhnien.vn/tam-giu-mot-cuu-pho-chanh-an-o-dak-lak-185250828085640281.htm
# a-visits-days-are-no-reporting-window, a-reporting-window-stays-one ("trong thời gian từ
#   ngày 14/5 đến 21/5/2023, Đoàn … đã có chuyến thăm": a span no longer than a meeting
#   lasts is the event's own days; set X's X114, read after its one scoring):
#   https://kiemsat.vn/doan-dai-bieu-vksnd-toi-cao-tham-va-lam-viec-tai-trung-quoc-65599.html
# unnamed-district-unit-of-the-district-named-before ("UBND thị xã Duy Tiên phối hợp với
#   Viện KSND thị xã …": the district of its kind named just before; set X's X128, read
#   after its one scoring): https://baoninhbinh.org.vn/s/ngh%C4%A9a%20v%E1%BB%A5%20qu%C3%A2n%20s%E1%BB%B1?page=2
# main-bridge-host-over-a-guest-list (the host of an online conference's main bridge point
#   outweighs units in its guest list; set X's X116, read after its one scoring):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/rut-kinh-nghiem-trong-giai-quyet-cac-vu-an-hinh-su-bi-cap-giam-doc-tham-huy-de-dieu-tra-xet-xu-lai-128510.html
# congresses-at-every-level-are-an-occasion ("Đại hội Đảng các cấp", like "… toàn quốc", is
#   an occasion, not the unit's Party meeting; set X's X117, read after its one scoring):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/chi-doan-vksnd-tp-ha-tinh-gop-suc-phong-chong-dich-covid-19-85608.html
# sports-games-are-not-a-seminar, sports-games-written-decomposed (NFD) ("Hội thao" folds as
#   "hội thảo" does):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/nhung-bong-hong-vksnd-tp-hcm-tro-tai-trong-hoi-thao-mung-ngay-thanh-lap-nganh-73377.html
#   and https://vks.kiengiang.gov.vn/chitietbantin.aspx?MaTin=4107
# direct-inspection-is-an-event: http://vksndthaibinh.gov.vn/Article/2754/Vien-kiem-sat-nhan-dan-tinh-Thai-Binh-truc-tiep-kiem-sat-viec-tam-giu-tam-giam-va-thi-hanh-an-phat-.html
#   and https://vks.dongnai.gov.vn/Pages/newsdetail.aspx?CatId=96&NewsId=6427
# surprise-inspection-is-an-event: https://nghean24h.vn/vksnd-tinh-nghe-an-kiem-sat-dot-xuat-sau-vu-pham-nhan-tron-trai-a759699.html
# disseminating-a-rule: https://vksdanang.gov.vn/nl/web/guest/chi-tiet?id=45304&_c=67,76,77,68,78,79,80,69,81,82,83,71,87,88,89,73,74,90,91
# launch-presents-past-results: https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-huyen-hai-lang-to-chuc-hoi-nghi-trien-khai-cong-tac-nam-2022-1429
#   and https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tp-ha-noi-to-chuc-hoi-nghi-trien-khai-cong-tac-kiem-sat-nam-2023-133631.html
# retrospective-title-is-a-profile, anniversary-ceremony-title-is-an-event:
#   https://vkssoctrang.gov.vn/27-chitiettin3.html and
#   https://kiemsat.vn/vien-kiem-sat-quan-su-qua-gan-60-nam-xay-dung-va-phat-trien-57236.html
# inspected-work-is-not-the-meeting: https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-to-chuc-dot-kiem-tra-viec-trien-khai-ke-hoach-nam-2023-cua-cac-vks-tinh-khu-vuc-phia-nam-4632.html
# conference-hearing-a-periods-report, a-visit-hearing-a-report-stays-other:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-dong-thap-thuc-hien-hieu-qua-nhieu-nhiem-vu-dot-pha-nam-2020-94750.html
#   and https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tp-hcm-dat-va-vuot-nhieu-chi-tieu-ke-hoach-cong-tac-75552.html
# signing-during-a-visit: https://baodienbienphu.com.vn/tin-tuc/chinh-tri/219327/hoi-dam-vien-kiem-sat-nhan-dan-tinh-dien-bien---u-dom-xay?page=81
# day-month-opening-a-dated-span: https://vksndtc.gov.vn/tin-tuc/tin-hoat-dong-vksnd-toi-cao/tang-cuong-hop-tac-trong-dieu-tra-truy-to-toi-pham-d2-t11561.html?Page=1
#   and https://demo.baosonla.org.vn/the-thao/giai-cau-long-nganh-kiem-sat-31852.html
# bracketed-span-of-days: https://kiemsat.vn/print/48336.html
# training-as-a-topic-is-not-a-course, a-course-of-training: https://baomoi.net.vn/dao-tao-boi-duong-nghiep-vu-kiem-sat-phu-hop-dap-ung-yeu-cau-cua-thuc-tien-c35714400.epi
#   and https://vksndtc.gov.vn/thong-tin/cong-tac-xay-dung-dang/chi-bo-van-phong-vien-cap-cao-3-tap-trung-boi-duon-d32-t10729.html
# month-stamp-dates-day-and-month, month-stamp-to-come-is-no-stamp: https://kenh14.vn/mot-pham-nhan-treo-co-tu-sat-215250529232427027.chn
#   and https://plo.vn/phap-luat/nhung-ngay-dau-van-hanh-tand-tp-thu-duc-suon-se-964178.html
# founding-anniversary-without-brackets: http://bacninhtv.vn/tin-tuc-n9369/vien-kiem-sat-nhan-dan-tinh-tong-ket-cuoc-thi-tim-hieu-60-nam-nganh-kiem-sat-nhan-dan.html
# stamp-with-two-digit-year: http://vienkiemsatbrvt.gov.vn/portal/p/1717
# congress-term-gives-the-year: https://baothanhhoa.vn/dai-hoi-dai-bieu-dang-bo-vien-kiem-sat-nhan-dan-tinh-thanh-hoa-lan-thu-nhat-nhiem-ky-2025-2030-256514.htm
# carrying-out-is-not-holding: https://vienkiemsattv.gov.vn/2015/06/25/vien-ksnd-tinh-tra-vinh-bao-cao-cong-tac-voi-doan-kiem-tra-ban-chi-dao-cai-cach-tu-phap-tinh/
# day-long-before-publication-is-another-story: https://amp.cand.com.vn/thoi-su/Cao-Vien-KSNd-toi-cao-khai-truong-he-thong-truyen-hinh-hoi-nghi-den-cap-huyen-i338723
# launch-plans-its-year: https://baocamau.vn/vien-kiem-sat-nhan-dan-tinh-trien-khai-nhiem-vu-cong-tac-nam-2020-a109917.html
# emulation-victory-is-not-a-month:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vien-kiem-sat-quan-su-trung-uong-xac-dinh-2-khau-dot-pha-3-nhiem-vu-trong-tam-cong-tac-150060.html
# mock-trial-teaches-the-law:
#   https://baoapbac.vn/phap-luat-an-ninh-trat-tu/202307/tien-giang-cung-cap-kien-thuc-phap-luat-qua-phien-toa-gia-dinh-986053
# a-test-held-with-training: https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-tuyen-quang-tap-huan-va-thi-ve-ky-nang-ung-dung-cong-nghe-thong-tin-chuyen-doi-so-138645.html
# mid-term-conference-is-an-interim-review:
#   http://vkscantho.vn/vkscantho/index.php/news/savefile/VKSND-TP-Can-Tho/Hoi-nghi-giua-nhiem-ky-Cong-doan-co-so-559/
# presenting-what-is-new-in-a-law:
#   http://vkscantho.vn/vkscantho/index.php/news/VKSND-TP-Can-Tho/Mot-so-diem-moi-ve-Luat-to-chuc-Vien-kiem-sat-nhan-dan-444/
# interim-review-as-the-verb:
#   https://baomoi.net.vn/dao-tao-boi-duong-nghiep-vu-kiem-sat-phu-hop-dap-ung-yeu-cau-cua-thuc-tien-c35714400.epi
# national-unit-holds-the-online-meeting: the same page as presenting-what-is-new-in-a-law
# party-body-at-work-is-no-meeting (and party-admission-is-an-event, its guard):
#   http://baohoabinh.com.vn/11/202481/Dang-bo-Vien-Kiem-sat-nhan-dan-tinh-gan-xay-dung-Dang-voi-xay-dung-nganh.htm
# personnel-work-is-not-holding:
#   https://baovephapluat.vn/video/xay-dung-doi-ngu-kiem-sat-vien-vung-ve-chinh-tri-gioi-ve-nghiep-vu-9761.html
# meeting-follows-the-document-it-carries-out (its same-year guard, and
# document-bound-yields-to-a-written-year: a year outside the citations wins):
#   https://baogialai.com.vn/vien-ksqs-khu-vuc-52-ky-ket-quy-che-phoi-hop-voi-vien-ksnd-khu-vuc-8-va-9-gia-lai-post577932.html
# round 7:
# propaganda-work-without-an-event-is-no-meeting:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/hieu-qua-noi-bat-tu-hoat-dong-tuyen-truyen-pho-bien-giao-duc-phap-luat-cua-vksqs-khu-vuc-21-126124.html
# propaganda-at-a-named-place-is-an-event: http://vienkiemsatbrvt.gov.vn/portal/p/1717
# past-year-narrated-at-a-launch-is-its-review:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-lao-cai-to-chuc-hoi-nghi-trien-khai-cong-tac-nam-2021-100471.html
# a-schools-name-is-not-training (set K, after its one scoring):
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-tham-du-truc-tuyen-hoi-thao-khoa-hoc-8220vien-kiem-sat-nhan-dan-trong-nha-nuoc-phap-quyen-xa-hoi-chu-nghia-viet-nam-den-nam-2030-dinh-huong-den-nam-20458221-do-vien-kiem-sat-nhan-dan-toi-cao-to-chuc-4573.html
# the-sectors-school-is-a-national-unit (set K, after its one scoring):
#   https://vksndtc.gov.vn/tin-hoat-dong-vksnd-toi-cao/toa-dam-khoa-hoc-mot-so-kinh-nghiem-trong-cong-tac-d2-t12469.html?Page=270
# type-named-where-the-meeting-is-dated:
#   https://vkscapcaohcm.gov.vn/tin-tuc/dang-uy-vien-kiem-sat-nhan-dan-cap-cao-tai-thanh-pho-ho-chi-minh-tap-trung-chi-dao-cong-tac-chuan-bi-dai-hoi-cac-chi-bo-truc-thuoc-nhiem-ky-2020-2022-4359.html
# round 11:
# undated-launch-is-filed-under-its-planned-year, undated-review-and-launch-has-no-year:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-dong-thap-to-chuc-hoi-nghi-trien-khai-cong-tac-nam-2022-117693.html
#   and https://vksndtc.gov.vn (Phòng 8 Đà Nẵng's "tổng kết … và triển khai …", set L)
# undated-review-of-nine-months-is-of-its-year:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tp-hcm-dat-va-vuot-nhieu-chi-tieu-ke-hoach-cong-tac-75552.html
# provinces-procuracy-sector-organises, sector-named-beside-a-unit-is-a-participant:
#   https://baomoi.net.vn/nganh-kiem-sat-tinh-tang-cuong-tu-dao-tao-qua-cac-cuoc-thi-nghiep-vu-c52256011.epi
# military-procuracy-sector:
#   https://baovephapluat.vn/video/xay-dung-doi-ngu-kiem-sat-vien-vung-ve-chinh-tri-gioi-ve-nghiep-vu-9761.html
# unnamed-provincial-procuracy-in-a-list:
#   https://baomoi.com/doan-thanh-nien-cac-co-quan-khoi-noi-chinh-trao-tang-230-phan-qua-trung-thu-tai-chau-thanh-c47052247.epi
# every-provinces-procuracy-is-no-unit: http://cand.com.vn/Xa-hoi/Khai-mac-cuoc-thi-Chung-toi-la-kiem-sat-vien-353344/
# dated-ceremony-under-a-summary: https://tienphong.vn/ban-tin-8h-vien-kiem-sat-nhan-dan-tinh-quang-ngai-co-nu-vien-truong-post1754603.tpo
#   and https://1thegioi.vn/print/96046.html (an inauguration "chiều 30/5")
# dated-inspection-after-citations:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-toi-cao-kiem-tra-toan-dien-tai-vksnd-tinh-lang-son-129931.html
# founding-announced-on-a-date: https://luatduonggia.com/?p=18888
# general-storys-dated-sentence-is-no-meeting (the guard): 15 of 3,000 general news
#   articles (a lottery, a horoscope) that took a dated sentence for a meeting first
# lessons-meeting-after-a-trial (and its guard trial-for-lessons-alone-is-a-trial):
#   http://vksbentre.gov.vn/index.php/vksnd-tnh-bn-tre/2125-2020-06-23-02-48-47 and
#   http://toaan.camau.gov.vn/toa-an-nhan-dan-huyen-cai-nuoc-to-chuc-phien-toa-xet-xu-rut-kinh-nghiem-theo-yeu-cau-cai-cach-tu-phap.162
# review-of-lessons-trials-is-no-lessons-meeting (the guard of lessons-meeting-after-a-trial:
#   only a page reporting a trial; and a clause's words read in their sentence):
#   https://vksndtc.gov.vn:443/tintuc/Pages/lists.aspx?Cat=10&ItemID=2946
# applying-documents-all-year-is-no-dissemination (and dissemination-meeting-still-is):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-quang-ngai-hoan-thanh-xuat-sac-nhiem-vu-nam-2021-117364.html
#   and https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-nghe-an-don-nhan-co-thi-dua-cua-chinh-phu-81346.html
# period-after-a-long-work-area: the work reviewed is named at length before its quarter
#   https://vkscapcaohcm.gov.vn/tin-tuc/vksnd-tinh-binh-thuan-to-chuc-hoi-nghi-truc-tuyen-rut-kinh-nghiem-trong-cong-tac-giai-quyet-an-dan-su-4295.html
#   ("… công tác kiểm sát giải quyết án dân sự, hôn nhân gia đình quý III năm 2019"): 40
#   characters were too few, 90 hold such a name
# whole-sector-without-a-unit (and its guard another-sectors-whole-is-no-unit):
#   https://baovephapluat.vn/cai-cach-tu-phap/dien-dan/to-chuc-hoi-nghi-tap-huan-cong-tac-kiem-sat-viec-tam-giu-tam-giam-va-thi-hanh-an-hinh-su-70126.html
# emulation-pact-of-a-year: https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/cum-thi-dua-so-1-vksnd-tinh-binh-phuoc-ky-ket-giao-uoc-thi-dua-84049.html
# a-recommendation-asks-no-meeting (and its guard held-at-anothers-request): https://vienkiemsat.cantho.gov.vn/Kien-nghi-Toa-an-nhan-dan-quan-Ninh-Kieu-thanh-pho-Can-Tho
# a-look-back-over-years-is-an-essay (and its guard a-review-of-years-is-still-held): https://vksndtc.gov.vn/tin-tuc/cong-tac-kiem-sat/nhung-bai-hoc-rut-ra-tu-viec-to-chuc-cac-phien-toa-d10-t2914.html
# a-years-report-heard-at-the-ceremonys-conference ("Báo cáo tóm tắt tại Hội nghị cho thấy,
#   năm 2019, …" under "đón nhận Cờ thi đua"): https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-nghe-an-don-nhan-co-thi-dua-cua-chinh-phu-81346.html
# the-meetings-stated-purpose (and its guard a-purpose-of-deploying-a-document-is-no-launch):
#   https://baovephapluat.vn/cai-cach-tu-phap/dien-dan/to-chuc-hoi-nghi-tap-huan-cong-tac-kiem-sat-viec-tam-giu-tam-giam-va-thi-hanh-an-hinh-su-70126.html
# an-interview-reports-no-event: https://plo.vn/vksnd-tphcm-dong-gop-co-hieu-qua-vao-su-phat-trien-cua-thanh-pho-post862337.html
#   (and set D's interview of the Procurator General, N022, read so too)
# citation-code-with-a-stray-space: https://baovephapluat.vn/cai-cach-tu-phap/dien-dan/vksnd-toi-cao-ban-hanh-ke-hoach-tap-huan-thong-tu-ve-ghi-am-hoac-ghi-hinh-co-am-thanh-94868.html
# agencies-and-organisations-is-a-noun:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-thi-xa-long-my-lam-tot-cong-tac-tham-muu-phoi-hop-voi-cac-cap-tai-dia-phuong-137749.html
# another-activity-beside-the-meeting (a heritage trip beside a Party admission):
#   https://vkscapcaohcm.gov.vn/tin-tuc/chi-bo-vien-2-to-chuc-ve-nguon-va-le-ket-nap-dang-vien-moi-4566.html
# gifts-beside-a-legal-talk (a mock trial, then gifts, in one sentence):
#   https://vienkiemsatyenbai.gov.vn/chi-doan-vksnd-tinh-yen-bai-ra-quan-huong-ung-ki-niem-92-nam-ngay-thanh-lap-doan-tncs-ho-chi-minh-26-3-1921-26-03-2023
# commending-exemplars-beside-a-launch (and its guard a-guests-praise-is-no-activity):
#   https://baocamau.vn/vien-kiem-sat-nhan-dan-tinh-trien-khai-nhiem-vu-cong-tac-nam-2020-a109917.html
# acting-on-a-years-work-plan (and its guard a-numbered-plans-date-is-no-year):
#   https://vks.dongnai.gov.vn/Pages/newsdetail.aspx?CatId=96&NewsId=6427
# a-periods-results-headline-over-a-conference, a-years-results-headline-over-a-conference:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-thai-binh-dat-vuot-chi-tieu-cong-tac-6-thang-dau-nam-2025-177362.html
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-thai-binh-dat-va-vuot-nhieu-chi-tieu-cong-tac-nam-2022-133162.html
# a-count-of-events-is-a-statistic ("đã tổ chức 3 hội nghị tập huấn chuyên đề" in a year's
#   results): the second page above
# a-military-region-procuracy ("Viện kiểm sát Quân khu 4", no "quân sự"; its Party committee's
#   "hội nghị ra nghị quyết lãnh đạo"):
#   http://baoquankhu4.com.vn/chinh-tri/vien-kiem-sat-quan-khu-4-ra-nghi-quyet-lanh-dao-thuc-hien-nhiem-vu-nam-2026.html
# results-of-the-first-months (and its guard a-span-ending-in-the-first-months-is-no-year):
#   https://vksquangtri.gov.vn/bai-viet/pho-vien-truong-vksnd-tinh-quang-tri-den-tham-va-lam-viec-voi-vksnd-thi-xa-quang-tri-2322
# a-signing-during-the-visit: https://cadn.com.vn/vien-cong-to-han-quoc-tham-va-lam-viec-voi-vien-ksnd-tp-da-nang-post190287.html
#   (and a caption's signing: https://baothuathienhue.vn/chinh-tri-xa-hoi/theo-dong-thoi-su/ket-thuc-chuyen-tham-tot-dep-tai-cong-hoa-dan-chu-nhan-dan-lao-111756.html)
# a-launchs-sentence-on-the-past-year: https://plo.vn/vien-kiem-sat-tphcm-xay-dung-doi-ngu-liem-chinh-cong-tam-chuyen-nghiep-ban-linh-post714961.html
# a-meetings-agenda-is-its-subject: https://vienkiemsattv.gov.vn/2016/05/16/vien-kiem-sat-nhan-dan-tinh-tra-vinh-hop-to-tuyen-truyen/
# an-unnamed-city-procuracy-of-a-central-city:
#   https://demo.vnptmedia.vn/hoan-thien-the-che-D4AD3DB96/thanh-tra-tp-va-vien-kiem-sat-nhan-dan-tp-ky-quy-che-phoi-hop-6720CE67
# a-slip-in-the-units-name ("Viện kiểm sát nhân cấp cao"):
#   https://vkscapcaohcm.gov.vn/tin-tuc/chi-bo-vien-2-to-chuc-ve-nguon-va-le-ket-nap-dang-vien-moi-4566.html
# a-visit-is-the-visitors:
#   https://vksquangtri.gov.vn/bai-viet/pho-vien-truong-vksnd-tinh-quang-tri-den-tham-va-lam-viec-voi-vksnd-thi-xa-quang-tri-2322
# hue-city-before-it-was-a-province (and hue-city-since-it-is-one), a page of January 2024:
#   https://vkshue.gov.vn/tinkiemsat/vien-kiem-sat-nhan-dan-thanh-pho-hue-va-toa-an-nhan-dan-thanh-pho-hue-ky-ket-quy-che-phoi-hop-1966.html
# acting-on-the-years-directive:
#   https://baovephapluat.vn/cai-cach-tu-phap/dien-dan/vksnd-toi-cao-ban-hanh-ke-hoach-tap-huan-thong-tu-ve-ghi-am-hoac-ghi-hinh-co-am-thanh-94868.html
# a-trainings-audience-and-partner:
#   https://tkshcm.edu.vn/tap-huan-ve-ky-nang-phat-bieu-cua-kiem-sat-vien-tai-phien-toa-va-ky-nang-phat-hien-vi-pham/
# lessons-met-when-the-trial-ended ("Kết thúc phiên tòa, đơn vị đã tổ chức họp rút kinh nghiệm"):
#   https://baovephapluat.vn/cai-cach-tu-phap/thuc-tien-kinh-nghiem/vien-kiem-sat-to-chuc-phien-toa-rut-kinh-nghiem-vu-an-dan-su-103733.html
# a-results-headline-whose-lead-names-the-year:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-thanh-hoa-dat-va-vuot-cac-chi-tieu-cong-tac-cua-nganh-va-quoc-hoi-giao-151687.html
# the-city-procuracy-on-its-own-site (an unnamed "Viện kiểm sát nhân dân thành phố"; a Party
#   committee's conference hearing the year's results): https://vienkiemsathaiphong.gov.vn/ban-can-su-dang
# a-congress-day-takes-its-terms-year:
#   https://www.tapchitoaan.vn/dai-hoi-chi-hoi-luat-gia-vien-kiem-sat-nhan-dan-tp.-can-tho-lan-ii11030.html
# an-undated-congress-closing-a-term:
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/dang-bo-vksnd-cap-cao-tai-ha-noi-to-chuc-dai-hoi-dang-bo-lan-thu-i-90113.html
# a-party-body-called-on-is-no-party-meeting:
#   https://baovephapluat.vn/video/tin-tuc/doan-khao-sat-ban-chi-dao-de-an-trung-uong-6-lam-viec-voi-ban-can-su-dang-vksnd-toi-cao-11333.html
# a-party-cells-consent-is-no-party-meeting (and a Party cell among the guests):
#   https://vksbacgiang.gov.vn/baiviet/33/6255
# a-congress-celebrated-is-no-party-meeting:
#   https://cadn.com.vn/khanh-thanh-tru-so-vien-ksnd-tinh-quang-nam-post232448.html
# a-plans-issuer-without-number-is-no-organiser (set O, O110):
#   https://baovephapluat.vn/net-dep-can-bo-cong-chuc-nganh-kiem-sat/mau-ao-thien-thanh-noi-cua-ngo-dong-bac-thu-do-114497.html
# a-trial-opened-is-held (set O, O207):
#   http://vksquangtri.gov.vn/index.php?language=vi&nv=news&op=Nghe-nghiep/Su-phoi-hop-giua-Vien-kiem-sat-va-Toa-an-trong-viec-to-chuc-phien-toa-rut-kinh-nghiem-ngay-cang-hieu-qua-187
# an-occasions-rubric-over-a-retrospective-is-no-event (set O, O111):
#   https://baonamdinh.vn/channel/5084/201507/ky-niem-55-nam-ngay-thanh-lap-nganh-kiem-sat-nhan-dan-26-7-1960-26-7-2015-vien-kiem-sat-nhan-dan-tinh-nam-dinh-55-nam-xay-dung-phat-trien-va-truong-thanh-2429903
# a-photo-of-the-whole-scene-shows-an-event (set O, O104):
#   https://baovephapluat.vn/cai-cach-tu-phap/nhan-to-dien-hinh/vksnd-lao-cai-gop-phan-thap-sang-giac-mo-tri-thuc-o-phin-ngan-68655.html
# a-named-activitys-work-plan-gives-the-year (set O, O104): the same page
# a-list-of-days-starts-on-its-first (set L, L110):
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-to-chuc-dot-kiem-tra-viec-trien-khai-ke-hoach-nam-2023-cua-cac-vks-tinh-khu-vuc-phia-nam-4632.html
# an-online-conferences-main-bridge-is-its-host (set O, O212):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/quan-triet-trien-khai-thuc-hien-cac-thong-tu-lien-tich-trong-nganh-kiem-sat-nhan-dan-68295.html
# a-title-opening-with-dissemination-names-it (set O, O212): the same page
# a-title-reporting-an-appointment-is-an-event (set O, O213):
#   https://nld.com.vn/Print.aspx?NewsID=2012040512065156
# a-units-donation-in-its-title-is-an-event (set O, O209):
#   http://viequestourism.com/bai-viet/vien-kiem-sat-nhan-dan-huyen-dakrong-ung-ho-nhan-dan-tp-ho-chi-minh-va-cac-tinh-phia-nam-phong-chong-dich-covid19-1078
# the-dated-clause-naming-the-procuracy-is-its-meeting (set P, P212):
#   https://vkstphcm.gov.vn/vksnd-thanh-pho-thu-duc-tham-quan-gian-trung-bay-bao-bao-ve-phap-luat-1752.html
# a-sites-welcome-banner-is-furniture (set P, P104):
#   http://vksnd.laocai.gov.vn/qua-trinh-phat-trien/qua-trinh-phat-trien-98862
# a-dated-inspection-delegation-under-a-banner-is-the-event (set F, F026):
#   http://vksbentre.gov.vn/index.php/vksnd-tnh-bn-tre/2015-2019-10-25-06-50-30
# a-decision-issued-is-no-meeting-date (set D, S031):
#   https://vienkiemsattv.gov.vn/2014/11/28/vien-kiem-sat-nhan-dan-tinh-tra-vinh-tien-hanh-kiem-tra-cong-tac-kiem-sat-nam-2014/
# a-joint-youth-cell-joined-by-hyphens-is-the-district (set O, O115):
#   https://vksbacgiang.gov.vn/baiviet/33/6255
# a-units-relief-in-its-title-is-an-event (set Q, Q102, scored once before this rule):
#   https://vksquangninh.gov.vn/?p=11582
# a-resolution-shown-to-the-public-is-propaganda (set L, L002; set Q, Q209):
#   https://haininh.hatinh.gov.vn/tin-tuc/vksnd-khu-vuc-2-ha-tinh-trien-khai-lap-dat-bang-thong-tin-tuyen-truyen-nghi-quyet-so-2052025qh15-cua-quoc-hoi-ve-khoi-kien-vu-an-dan-su-cong-ich-tai-uy-ban-nhan-dan-phuong-hai-ninh
# a-dated-lede-of-a-procuracys-act-is-an-event (set Q, Q210, after its one scoring):
#   https://www.vietnamplus.vn/ren-luyen-chuyen-mon-ban-linh-can-bo-kiem-sat-dap-ung-yeu-cau-nhiem-vu-post918894.vnp
# a-dated-lede-after-a-basis-sentence-is-an-event (set Q, Q209):
#   https://vienkiemsat.cantho.gov.vn/vksnd-khu-vuc-3-can-tho-phoi-hop-voi-dang-uy-xa-phong-dien-thanh-pho-can-tho-lap-dat-bien-infographic-tuyen-truyen-nghi-quyet-so-2052025qh15
# a-photo-caption-is-not-the-leads-first-sentence (the same page: its period)
# a-day-and-month-take-the-year-the-page-gives-otherwise (set Q, Q206):
#   https://thanhnien.vn/vien-ksnd-tphcm-chung-tay-vi-mot-cai-tet-am-no-tron-ven-18526020920471634.htm
# the-start-of-the-year-under-way-names-the-year (set Q, Q201):
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-va-23-vksnd-tinh-khu-vuc-phia-nam-giao-ban-cong-tac-4718.html
# a-founding-date-in-a-profile-is-not-completed (guard; set I, I002)
# a-date-after-before-that-is-an-earlier-activitys (set L, L011; set K, K111):
#   https://vkshue.gov.vn/kiemsatvien/vksnd-thi-xa-huong-tra-ky-niem-76-nam-ngay-thuong-binh-liet-sy-1854.html
# a-law-named-with-its-year-does-not-date-the-meeting (set Q, Q114):
#   https://baonghean.vn/vien-kiem-sat-nhan-dan-tinh-gop-y-du-thao-sua-doi-hien-phap-1992-44160.html
# a-deadline-with-its-hour-is-no-meeting-date, a-deadline-alone-dates-no-meeting (set O, O301):
#   https://vienkiemsatbrvt.gov.vn/portal/p/2017
# from set R after its one scoring: a-flag-ceremony-is-an-event (R105):
#   http://tks.edu.vn/tin-tuc/chi-tiet/31/2097
# a-public-apology-is-an-event (R217, R218):
#   https://thanhnien.vn/thoi-su/xin-loi-oan-sai-nu-hoang-luc-binh-1086535.html
# a-party-title-with-its-duty-is-no-party-meeting (R119):
#   https://baovephapluat.vn/the-thao-giai-tri/the-thao/giai-bong-da-doan-thanh-nien-vksnd-toi-cao-lan-thu-ix-nam-2025-174857.html
# organisation-and-staff-named-by-a-comma-is-no-event (R124):
#   https://vksndthaibinh.gov.vn/Article/2656/To-chuc-bo-may-lanh-dao-nganh-Kiem-sat-Thai-Binh-qua-60-nam-hinh-thanh-va-phat-trien.html
# a-dated-act-after-a-long-opening-is-what-was-held (R122):
#   http://www.vksbacninh.gov.vn/tin-tuc/tin-trong-nganh/vien-kiem-sat-nhan-dan-thanh-pho-bac-ninh-thuc-hien-nghi-le-chao-co-9622.html
# a-speakers-past-year-at-a-launch-is-its-review (R215):
#   http://plo.vn/phap-luat/vksnd-cap-cao-3-giam-an-bi-huy-sua-nam-2018-750363.html
# where-or-when-one-works-is-no-working-session (R104; guard a-working-session-is-still-an-event):
#   https://lite.baomoi.com/dao-tao-nguoi-hoc-co-trach-nhiem-nghe-nghiep-va-y-thuc-phuc-vu-nhan-dan-c52653815.epi
# a-district-name-written-joined-is-the-district (set O, O209: "Đakrông", the gazetteer's
# "Đa Krông"):
#   http://viequestourism.com/bai-viet/vien-kiem-sat-nhan-dan-huyen-dakrong-ung-ho-nhan-dan-tp-ho-chi-minh-va-cac-tinh-phia-nam-phong-chong-dich-covid19-1078
# a-conference-of-exemplars-is-a-commendation-too (R224; read so on Q204, K012 too):
#   https://vienkiemsattv.gov.vn/2015/03/27/vksnd-tinh-tra-vinh-to-chuc-hoi-nghi-dien-hinh-tien-tien/
# an-award-presented-on-the-occasion-is-a-ceremony-too (Q210):
#   https://www.vietnamplus.vn/ren-luyen-chuyen-mon-ban-linh-can-bo-kiem-sat-dap-ung-yeu-cau-nhiem-vu-post918894.vnp
# the-whole-partys-congress-is-an-occasion-not-a-meeting (set O, O310; news: a General
# Secretary's reception of a foreign general, "Đại hội Đảng Cộng sản"):
#   https://vks.dongnai.gov.vn/Pages/newsdetail.aspx?CatId=96&NewsId=6378
# an-unnamed-district-procuracy-is-the-districts (set Q, Q116), with its guards
# a-province-name-starting-like-a-district-kind-is-no-district (news: "Viện kiểm sát nhân
# dân Quảng Trị") and every-districts-procuracy-is-no-unit:
#   https://tracuuquyhoach.com/tin-tuc/tuyen-truyen-phap-luat-cho-gan-600-hoc-sinh-thong-qua-phien-toa-gia-dinh-52105957
# a-span-of-months-is-a-contests-not-the-meetings-day (set C, C027), with its guard
# a-span-of-days-opens-on-the-meetings-first-day:
#   https://baophapluat.vn/gay-can-gala-chung-ket-toan-quoc-chung-toi-la-kiem-sat-vien-post224670.html
# the-evening-is-no-window-end ("Tối 28/8" folds as "tới 28/8", until; found with the
# fixture above; news: "Tối 23/12/2016, …", "chiều tối ngày 23/4")
# the-carrying-out-an-inspection-looks-at-is-no-launch (set Q, Q202):
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-cap-cao-3-thuc-hien-cong-tac-kiem-tra-huong-dan-nghiep-vu-doi-voi-vks-cap-duoi-theo-chi-thi-01-cua-vien-truong-vksndtc-4636.html
# a-code-joining-issuers-with-an-ampersand-is-one-citation (set Q, Q110):
#   https://baovephapluat.vn/cai-cach-tu-phap/thuc-tien-kinh-nghiem/vksnd-tinh-quang-tri-tang-cuong-cong-tac-truc-nghiep-vu-ngoai-gio-hanh-chinh-76700.html
# yesterdays-time-of-day-dates-the-meeting (news style, "Chiều qua (21/4), …";
# a table of 24 ways to write a meeting's day found it; 4,866 news articles: one more dated)
# what-was-said-at-a-meeting-reports-it and what-was-said-at-a-seminar-reports-it (set P,
# P109; set K, K012; no page labelled as reporting no event speaks so):
#   https://thainguyentv.vn/nang-cao-chat-luong-cong-tac-kiem-sat-giai-quyet-nguon-tin-ve-toi-pham-81295.html
# relief-given-is-an-event (set Q's held-out scoring: "trao hỗ trợ khắc phục hậu quả do cơn
# bão", "kịp thời hỗ trợ gia đình"; Q104):
#   https://baomoi.net.vn/vien-kiem-sat-nhan-dan-tinh-trao-ho-tro-khac-phuc-hau-qua-do-con-bao-so-10-gay-ra-c53520168.epi
# a-sentence-standing-as-the-title-is-the-lead (set T, T104; set O, O301) and
# a-periodic-inspection-on-site-is-an-event (set T, T214):
#   https://vksbacgiang.gov.vn/baiviet/22/4109
#   http://vksbentre.gov.vn/index.php/vksnd-tnh-bn-tre/2152-2020-07-31-03-20-42?tmpl=component&print=1&layout=default&page=
# a-days-anniversary-gives-the-year (set T, T120; set J, J030 relabelled, LABEL_GUIDE):
#   https://lite.baomoi.com/vksnd-cac-dia-phuong-mien-trung-to-chuc-nhieu-hoat-dong-ky-niem-ngay-quoc-te-phu-nu-c51663041.epi
# a-list-of-days-in-words-opens-on-its-first (set T, T106):
#   https://vksquangninh.gov.vn/vien-ksnd-huyen-binh-lieu-va-vien-ksnd-huyen-tien-yen-phoi-hop-giao-duc-chinh-tri-tu-tuong-cho-can-bo-dang-vien-qua-hanh-trinh-ve-tham-que-bac
# the-party-committee-with-the-unions-is-no-party-meeting (set T, T207):
#   https://vkscapcaohcm.gov.vn/tin-tuc/vien-kiem-sat-nhan-dan-cap-cao-tai-tphcm-tiep-tuc-ung-ho-quy-phong-chong-covid-19-4488.html
# a-procuracy-named-as-whose-does-not-date-its-meeting (set T, T126; "tổ chức bộ máy" is the
# organisation, not a meeting held):
#   https://baovephapluat.vn/do-hoa-infographic/to-chuc-bo-may-moi-cua-vien-sat-nhan-dan-toi-cao-173249.html
# a-cases-narration-dates-the-crime-not-the-trial (set T, T110; news: "Theo cáo trạng,
# khoảng 7 giờ 30 ngày 6-11-2016, …" under a trial of "Ngày 5-7"):
#   https://baovephapluat.vn/phap-dinh/toa-tuyen-an/vksnd-huyen-duc-tho-phoi-hop-to-chuc-2-phien-toa-xet-xu-truc-tuyen-vu-an-hinh-su-149912.html
# a-procuracy-listed-with-the-civil-judgment-office-of-a-place (set T, T122):
#   http://tinhdoanyenbai.gov.vn/new/tin-noi-bat/?UserKey=Thi-doan-Nghia-Lo-to-chuc-Phien-toa-gia-dinh-
# a-day-to-come-or-of-every-year-is-no-meetings (set T, T103):
#   http://www.vksbacninh.gov.vn/xay-dung-nganh/dang-doan-the/chi-doan-vien-kiem-sat-nhan-dan-thanh-pho-bac-ninh-thi-dua-lap-thanh-tich-chao-mung-59-nam-thanh-lap-nganh-kiem-sat-nhan-dan-26-7-1960-26-7-2019-9820.html
# an-authors-article-reports-no-event and a-byline-standing-as-the-title-opens-an-authors-article
# (set T, T128 and T118; set K, K122):
#   https://www.bienphong.com.vn/nganh-kiem-sat-quan-su-bdbp-phan-dau-hoan-thanh-tot-chuc-nang-nhiem-vu-trong-tinh-hinh-moi-post439683.html
#   https://vksbinhdinh.gov.vn/newsdetail.asp?newsID=92467&cat1id=1&Cat2id=18
# guards: a-dated-document-issued-is-no-event (set N, N019; set O, O314) and
# a-dated-history-inside-a-profile-is-no-lede (set C, C005; set P, P104)
# byline-right-before-a-stamp-with-its-clock (set Y, Y220; news: "Cao Thuyên 20/05/2014 19:10
# GMT+7" under the title):
#   http://danviet.vn/print-7777418794.htm
# an-inspection-carried-out-is-an-event (set Y, Y105; both of its labellers read "tiến hành
# thanh tra" as an event, like "tiến hành kiểm tra"):
#   https://vksquangtri.gov.vn/bai-viet/thanh-tra-vksnd-tinh-quang-tri-tien-hanh-thanh-tra-cong-tac-kiem-sat-hoat-dong-tu-phap-tai-vien-kiem-sat-nhan-dan-huyen-gio-linh-1292
# the-appellate-office-of-the-supreme-procuracy-is-national (set W, W221: "đại diện Viện Công
# tố và kiểm sát xét xử phúc thẩm tại TP.HCM" at an appeal; set Y, Y215: VKSND tối cao's
# decisions founding the three, "đơn vị nghiệp vụ thuộc bộ máy làm việc của VKSND tối cao"):
#   https://vietbao.vn/vu-chay-quan-karaoke-an-phu-vks-de-nghi-giam-nhe-cho-nu-can-bo-keu-oan-558892.html
#   https://baomoi.net.vn/vien-truong-vksnd-toi-cao-ban-hanh-quyet-dinh-thanh-lap-3-vien-phuc-tham-c52650499.epi
# a-district-custody-house-inspected-by-its-own-district, guard
# a-custody-house-inspected-by-a-named-province (set O, O312; set V, V116: pages naming no
# procuracy, the one of the police's own district supervises its custody house):
#   https://vienkiemsat.cantho.gov.vn/Cong-bo-du-thao-ket-luan-kiem-sat-truc-tiep-Nha-tam-giu-Cong-an-quan-Ninh-Kieu
#   https://baovephapluat.vn/cai-cach-tu-phap/thuc-tien-kinh-nghiem/phoi-hop-kiem-sat-dot-xuat-nha-tam-giu-cong-an-thi-xa-quang-yen-125219.html
# the-courts-anniversary-by-its-years-of-growth (set Y, Y212; the courts' day, 13/9/1945):
#   https://vksdanang.gov.vn/hoat-dong-cua-vksnd-khu-vuc/vksnd-khu-vuc-2-chuc-mung-ngay-truyen-thong-nganh-toa-an-1419.html
# a-regular-meeting-for-a-period (set U, U209: "Đảng bộ cơ sở … họp thường lệ 6 tháng đầu năm"):
#   https://vienkiemsattv.gov.vn/2015/06/30/dang-bo-co-so-vien-kiem-sat-tinh-tra-vinh-hop-thuong-le-6-thang-dau-nam/
# a-trial-in-the-title-is-an-event, a-places-prosecution-in-the-title-is-an-event,
# a-procuracy-demands-or-suspends-in-the-title; guards a-question-why-not-prosecuted-is-no-event
# and a-procuracy-meeting-a-requirement-is-no-act (set C, C008) — set Z, read after its one
# scoring (Z221, Z123, Z215, Z218, Z220; a case's step reported as done is an event, the
# guide's round 24 note):
#   http://hanoimoi.com.vn/ban-in/phap-dinh/928634/xet-xu-them-15-bi-cao-ve-toi-gay-roi-tai-phan-ri
#   https://thanhnien.vn/thoi-su/phu-yen-khoi-to-nguyen-chu-tich-ubnd-hdong-hoa-vo-ngoc-hoa-1276712.html
#   https://nld.com.vn/thoi-su/vu-chu-tich-xa-bat-go-lau-bieu-can-bo-yeu-cau-khoi-to-20200418224309024.htm
#   https://tienphong.vn/vu-to-cao-voi-tien-chay-tai-ngoai-o-ca-mau-vien-kiem-sat-yeu-cau-thanh-tra-vao-cuoc-post1540520.tpo
#   https://amp.vtcnews.vn/vu-nu-sinh-tu-vong-o-vinh-long-vien-ksnd-toi-cao-tiep-tuc-tam-dinh-chi-vu-an-ar1004159.html
# a-long-rubric-before-a-trials-step (set Z, Z210: a case's name of 44 letters before the
# colon, "Phúc thẩm vụ án bảo kê, giành đất ở Phú Quốc: Đề nghị tử hình 1 bị cáo"):
#   https://baomoi.net.vn/phuc-tham-vu-an-bao-ke-gianh-dat-o-phu-quoc-de-nghi-tu-hinh-1-bi-cao-c49299912.epi
# a-courts-event-in-the-title-is-no-procuracys (its type: a court's "trả hồ sơ" is a case's
# step, an event), guard
# a-courts-trial-held-for-lessons-keeps-the-procuracy (set S, S032) — sets V, Y, Z (V122, Y219,
# Z221: a court's event, the procuracy named as prosecutor, source or earlier step; every
# labeller: no level; the guide's round 28 note):
#   https://vietbao.vn/doi-lich-xet-xu-phuc-tham-vu-an-ga-loi-trang-561932.html
#   https://dantri.com.vn/phap-luat/toa-tra-ho-so-vu-moi-gioi-hoi-lo-tram-csgt-suoi-tre-o-dong-nai-20240508184342288.htm
#   http://hanoimoi.com.vn/ban-in/phap-dinh/928634/xet-xu-them-15-bi-cao-ve-toi-gay-roi-tai-phan-ri
# a-procuracy-telling-anothers-news-is-a-source, guard a-procuracy-telling-its-own-act-is-its-
# subject (set Y, Y220: "Viện KSND tỉnh Đồng Nai cho biết: Ngày 20.5, Công an huyện … đã bắt";
# set Z, Z119, Z214, Z215: "VKSND tỉnh … cho biết (vừa/đã) …" its own act):
#   http://danviet.vn/print-7777418794.htm
#   https://nld.com.vn/thoi-su/vu-chu-tich-xa-bat-go-lau-bieu-can-bo-yeu-cau-khoi-to-20200418224309024.htm
# a-regional-units-province-in-brackets and a-regional-unit-named-fully-once (set Q, Q208:
# "Viện KSND khu vực 7 (TP.HCM)", the six pilot places named after it):
#   https://thanhnien.vn/vien-ksnd-chuan-bi-lo-trinh-khoi-kien-vu-an-dan-su-185251022214143047.htm
# a-full-date-a-year-before-the-stamp-is-the-storys-past (set Z, Z215: "Theo VKSND tỉnh Đắk
# Lắk, ngày 19-2-2019, ông … tố cáo …" in a report of April 2020; it costs set L's L016, a
# 2020 page whose labelled event is a magazine's founding in 1994):
#   https://nld.com.vn/thoi-su/vu-chu-tich-xa-bat-go-lau-bieu-can-bo-yeu-cau-khoi-to-20200418224309024.htm
# an-essays-title-undated-reports-no-event, guard an-essays-title-with-a-dated-lead-keeps-its-
# event (set U, U102, "Phương pháp và kinh nghiệm khi trực tiếp kiểm sát"; sets G, W, X: G026,
# W213, X203, X219, every such undated title labelled as no event):
#   https://vksndtc.gov.vn/tin-tuc-su-kien/chao-mung-ngay-thanh-lap-vien-kiem-sat-nhan-dan-to/phuong-phap-va-kinh-nghiem-khi-truc-tiep-kiem-sat--s14-t8296.html
# same-day-under-the-stamp-is-the-stamps-day, guard same-day-under-a-month-stamp-is-no-day
# (set Y, Y210: "Cùng ngày, …" opening the lead under "Thứ tư, 27/11/2024 07:21"; the guide's
# round 24 note dates "Cùng ngày" by the last full date written before it):
#   https://cadn.com.vn/print/tam-giu-2-can-bo-tand-tinh-dak-lak-post305037.html
# a-lead-opening-on-the-meeting-holds-the-titles-activity (set Y, Y203: "… hưởng ứng Ngày Pháp
# luật năm 2023" over "Hội nghị do đồng chí … chủ trì …"):
#   https://baovephapluat.vn/kiem-sat-24h/van-de-su-kien/vksnd-tinh-hau-giang-huong-ung-ngay-phap-luat-nam-2023-148530.html
# a-title-heading-the-years-tasks-done-over-a-conference (set K, K020: "VKSND tỉnh Quảng Ngãi
# hoàn thành xuất sắc nhiệm vụ năm 2021" over "Toàn cảnh Hội nghị"):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/vksnd-tinh-quang-ngai-hoan-thanh-xuat-sac-nhiem-vu-nam-2021-117364.html
# a-clause-opening-on-hom-is-the-leads-day, guard an-asides-hom-is-not-the-meeting-day (set Y,
# Y218: "Hôm 21/3, Viện kiểm sát nhân dân (VKSND) tối cao đã ban hành cáo trạng …"; the guard
# from a news article's "được thông báo hôm 26/4" after a press conference's date):
#   https://thitruonghanghoa.com/tap-doan-cong-nghiep-tau-thuy-viet-nam
# a-procuracys-official-act-in-the-title-is-an-event, a-procuracys-decision-issued-in-the-
# title-is-an-event (sets Q, Y, Z: Q112 "VKSND huyện Thạch Hà kiến nghị Chủ tịch UBND huyện",
# Y112 "VKSNDTC hướng dẫn kiểm sát biên bản phiên tòa …", Y215 "Viện trưởng VKSND tối cao ban
# hành Quyết định thành lập …", Z105 "… ban hành và niêm yết Nội quy …", with K113 and W119
# already so: "khác"; L017 and Q214 were labelled as no event, 6 to 2):
#   https://thuvienphapluat.vn/banan/tin-tuc/vksndtc-huong-dan-kiem-sat-bien-ban-phien-toa-xet-xu-cac-vu-an-hinh-su-4449
#   https://baovephapluat.vn/vien-kiem-sat-khang-nghi-kien-nghi/vksnd-huyen-thach-ha-kien-nghi-chu-tich-ubnd-huyen-137819.html
# the-year-of-the-work-programme-carried-out (set Y, Y105: "Thực hiện chương trình công tác
# Thanh tra năm 2021, …", as a work plan's "kế hoạch công tác … năm N" already was):
#   https://vksquangtri.gov.vn/bai-viet/thanh-tra-vksnd-tinh-quang-tri-tien-hanh-thanh-tra-cong-tac-kiem-sat-hoat-dong-tu-phap-tai-vien-kiem-sat-nhan-dan-huyen-gio-linh-1292
# another-countrys-supreme-procuracy-is-no-unit-of-ours (set G, G036: "Đoàn đại biểu cấp cao
# Viện Kiểm sát Tối cao Hungary thăm Đà Nẵng" read as VKSND tối cao; on news, "Viện Kiểm sát
# Nhân dân Tối cao Trung Quốc … thông báo"; G036 itself, labelled as the city's event, now
# goes to the superior procuracy its photo names, still wrong):
#   https://cadn.com.vn/print/doan-dai-bieu-cap-cao-vien-kiem-sat-toi-cao-hungary-tham-da-nang-post195749.html
# a-body-named-as-the-partner-is-not-the-organiser (set Y, Y224: "Tư duy mới, cách làm hay …
# “Số hóa hồ sơ, phối hợp với Tòa án tiến hành công bố tài liệu …” tại phiên tòa …" read as
# the court's event):
#   https://vksnd.gialai.gov.vn/Nghien-cuu-Trao-doi/tu-duy-moi-cach-lam-hay-trong-viec-ung-dung-cntt-thuc-hien-so-hoa-ho-so-phoi-hop-voi-toa-an-tien-hanh-cong-bo-tai-lieu-chung-cu-bang-hinh-anh-tai-phien-toa-xet-xu-cac-vu-an-dan-su-1454.html
# a-province-counted-in-its-other-spellings (bench/facts_invariance.py's "province spellings"
# on set V's V213 and V224: "thành phố Hồ Chí Minh" written "TPHCM" lost the province of an
# unnamed district's procuracy):
#   http://phuongnguyencutrinh.gov.vn/gop-phan-on-dinh-an-ninh-trat-tu-an-toan-xa-hoi/
# a-citation-about-another-with-dotted-dates (bench/facts_invariance.py's "dates with dots" on
# set X's X126: "Kế hoạch … ngày 29/4/2025 … về thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024
# …" written with dots left the second document's date outside the citation):
#   https://baovephapluat.vn/cai-cach-tu-phap/thuc-tien-kinh-nghiem/vksnd-tinh-hung-yen-to-chuc-cuoc-thi-tim-hieu-nghi-quyet-so-57-nq-tw-185296.html
# another-countrys-provincial-procuracy-is-no-unit-of-ours (set ZA, ZA115, read after its one
# scoring: "Lãnh đạo VKSND tối cao tiếp Đoàn đại biểu VKSND tỉnh Hà Nam, Trung Quốc"):
#   https://vksndtc.gov.vn/cong-tac-hop-tac-quoc-te/lanh-dao-vksnd-toi-cao-tiep-doan-dai-bieu-vksnd-ti-d20-t12700.html
# an-english-editions-page-is-read-in-english, guard an-english-page-of-another-countrys-
# procuracy-names-no-unit (sets W, X, ZA: W217 "Chief Prosecutor of the Ho Chi Minh City
# People's Procuracy … hosted a reception for visiting Prosecutor General of the Lao Supreme
# People's Procuracy … on August 26", X208, and ZA221 read after set ZA's one scoring; the
# labellers of set ZA met and skipped two more English pages):
#   https://en.vietnamplus.vn/lao-prosecutor-general-visits-hcm-city/236372.vnp
# a-friendly-match-is-an-event (set ZA, ZA107, read after its one scoring: "Tạp chí Kiểm sát và
# Cơ quan điều tra VKSNDTC giao hữu bóng đá mừng Xuân"; as "giao lưu" already was):
#   http://www.kiemsat.vn/tap-chi-kiem-sat-va-co-quan-dieu-tra-vksndtc-giao-huu-bong-da-mung-xuan-dinh-dau.html
# a-purpose-sentence-before-the-dated-act (set ZA, ZA121, read after its one scoring: "Với mục
# tiêu thúc đẩy … . Ngày 26-9, tại Hà Nội Viện KSNDTC và Tập đoàn VNPT đã ký kết …": an opening
# of purpose, and "Viện KSNDTC" written short, neither read before):
#   https://www.sggp.org.vn/vnpt-hop-tac-va-ho-tro-chuyen-doi-so-nganh-kiem-sat-nhan-dan-post707193.html
# a-party-body-organising-in-the-title-is-a-party-meeting (set U's U210, whose lead's Party
# subject was only read through the site's motto line glued before it, dropped since):
#   https://vienkiemsattv.gov.vn/2017/12/27/dang-uy-vien-kiem-sat-nhan-dan-tinh-tra-vinh-to-chuc-hoi-nghi-trien-khai-quan-triet-hoc-tap-nghi-quyet-trung-uong-6-khoa-xii-cua-dang/
# a-dated-act-after-a-background-paragraph (set Z's Z109: a paragraph on the commune the unit
# sponsors, a photo's caption, then "Ngày 7/11 vừa qua, thực hiện chương trình …, lãnh đạo và
# cán bộ VKSND huyện … đã về UBND xã …"):
#   https://baovephapluat.vn/van-hoa-xa-hoi/vong-tay-nhan-ai/vksnd-huyen-huong-khe-chung-tay-xay-dung-nong-thon-moi-61334.html
# a-directive-issued-after-a-background-paragraph-is-no-event (set W's W214, which the rule
# above first read as a dated act: "Ngày 05/11/2012, Viện trưởng VKSND tối cao ra Chỉ thị số
# 06/CT-VKSTC …" in an essay on digitised case files):
#   https://vksndtc.gov.vn/tin-tuc-su-kien/chao-mung-ngay-thanh-lap-vien-kiem-sat-nhan-dan-to/vksnd-tp-can-tho--so-hoa-ho-so-nghiep-vu-s14-t695.html
# a-decision-taking-a-case-step-dates-the-news (set Z's Z120: "Tối 12/9, thông tin từ Viện KSND
# tỉnh … cho biết, đã ban hành quyết định phê chuẩn khởi tố bị can …", then the police's own
# decision "Hôm qua (ngày 11/9)"; a decision that takes a case's step is no document signed):
#   https://www.24h.com.vn/tin-tuc-trong-ngay/bat-tam-giam-pho-chu-tich-thuong-truc-ubnd-tinh-thanh-hoa-c46a1697411.html
# an-award-ceremony-held-with-the-review-is-another-event (set J's J001: "… tổ chức Hội nghị
# tổng kết công tác hội năm 2015, triển khai nhiệm vụ công tác năm 2016 và tổ chức trao Kỷ niệm
# chương cho một số hội viên"):
#   https://vksbacgiang.gov.vn/baiviet/33/4700
# an-anniversary-ceremony-held-with-a-launch-old-spelling (set Y's Y202: "… tổ chức lễ kỉ niệm
# 20 năm thành lập VKSND quận và hội nghị triển khai công tác năm 2024", "kỉ" for "kỷ"):
#   https://plo.vn/vksnd-quan-binh-tan-tiep-tuc-thuc-hien-nghiem-kiem-soat-quyen-luc-phong-chong-tham-nhung-post771175.html
# a-school-entered-is-not-the-unit (set D's C011: "Đắk Lắk hoàn thành công tác sơ tuyển thí
# sinh dự tuyển vào Trường Đại học Kiểm sát Hà Nội", the school in the title read as the unit):
#   https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/dak-lak-hoan-thanh-cong-tac-so-tuyen-thi-sinh-du-tuyen-vao-truong-dai-hoc-kiem-sat-ha-noi-106542.html
# an-english-stamp-dates-the-english-lead and a-papers-name-glued-to-its-stamp (set X's X208,
# an English edition whose stamp line is the paper's name glued to the date, "Người Lao
# ĐộngNgười Lao Động27/12/2024", before "On the afternoon of December 27, the High-Level
# People's Procuracy …"; English editions write their stamps "December 27, 2024 | 09:41"):
#   https://vietnam.vn/en/vksnd-cap-cao-tai-tp-hcm-khanh-thanh-tru-so-moi
# an-english-review-and-launch-on-a-weekday and an-english-case-step-is-an-event (English
# editions: set ZA's ZA221, "Speaking at a conference of the HCMC People's Procuracy on January
# 3, … the sector's activities in 2019", a review and launch its reader called "khác"; the
# English development set's EN107, "The Supreme People's Procuracy has completed the
# indictment of 54 defendants …", a case's step it did not read as an event):
#   https://m.sggpnews.org.vn/hochiminhcity/city-party-chief-proposes-procuratoracy-to-enhance-it-application-85136.html
#   https://en.sggp.org.vn/defendants-in-repatriation-flight-case-prosecuted-post101663.html
# a-basis-sentence-alone-before-the-news (set V's V105: "Thực hiện Kế hoạch số 18/KH-UBND … năm
# 2023. Vừa qua, Đoàn VKSND tỉnh Lạng Sơn … tham dự Lễ khánh thành …"; a basis that is a
# sentence of its own, then news opening on its time, as a scene set is):
#   https://baovephapluat.vn/van-hoa-xa-hoi/vong-tay-nhan-ai/vksnd-tinh-lang-son-giup-dan-vung-cao-xay-dung-nong-thon-moi-149029.html
# English editions, from the English development set (set EN, labelled 2026-12-08):
# an-english-district-city-procuracy (EN127, "The People's Procuracy of Bien Hoa city, the
# southern province of Dong Nai, has prosecuted …"; EN120, "The Bac Kan City People's
# Procuracy"), an-english-sector-conference-launching-the-next-year (EN118, "the sector's
# conference held on December 29 to launch missions in 2018"),
# another-body-hosting-in-english-has-no-unit (EN109, "President hosts Lao Prosecutor
# General"), an-english-page-writing-names-with-marks (EN108, "HÀ NỘI — The Hà Nội People's
# Court …", read as Vietnamese for its marks), an-english-lead-day-not-a-storys-past (EN120,
# "… busted a gambling operation on 24 December 2013" read as the apology's day),
# an-english-six-month-review-is-a-preliminary-one (EN106, "Conference to review the work of
# the first 6 months of 2025"):
#   http://www.ufabetindo.in/dong-nai-prosecutes-20-persons-for-disturbing-public-order-post135070.vnp
#   https://vietnamnet.vn/en/public-apology-for-unjustly-prosecuted-woman-E164569.html
#   https://en.vietnamplus.vn/president-calls-for-comprehensive-development-in-procuracy-sector-post124092.vnp
#   https://en.vietnamplus.vn/president-hosts-lao-prosecutor-general/236075.vnp
#   https://vietnamnews.vn/society/1731631/first-instance-trial-for-le-trung-khoa-to-open-later-this-month.html
#   https://www.vietnam.vn/en/tap-trung-kien-toan-to-chuc-bo-may-vien-kiem-sat-3-cap
# English editions, from the second English development set (set EN's EN2xx, 2026-12-08):
# an-english-unit-written-with-marks (EN221, "the People's Procuracies of Điện Biên Province
# and Udomxay Province"), an-english-place-own-procuracy (EN213, "Binh Thuan's Police and
# People's Procuracy"), an-english-procuracy-in-a-province (EN202, "the two-level People's
# Procuracy in Ha Tinh", "worked with"), an-english-quarterly-meeting-this-morning (EN222,
# "This morning, June 19, … a meeting to assess … the second quarter of 2024", under the
# paper's name glued to its stamp), an-english-anniversary-span-dates-the-day (EN209, "(March
# 26, 1931 - March 26, 2024), on the morning of March 18"), an-english-byline-stamp (EN224,
# "By Thanh Lam   June 26, 2023 | 11:25 pm PT"):
#   https://en.baodienbienphu.com.vn/thoi-su-chinh-tri/laos-and-viet-nam-strengthen-cooperation-in-judicial-assistance-t0YjEu4Ng.html
#   https://theinvestor.vn/42-years-too-late-authorities-apologize-to-innocent-murder-suspect-d774.html
#   https://vietnam.vn/en/phoi-hop-tham-muu-cac-giai-phap-dau-tranh-phong-chong-toi-pham
#   https://vietnam.vn/en/giao-ban-cac-co-quan-phoi-hop-tinh-quang-tri-quy-ii-2024
#   https://vietnam.vn/en/doi-thoai-giua-ban-can-su-dang-lanh-dao-vksnd-tinh-voi-the-he-tre-nganh-kiem-sat-thanh-hoa
#   https://e.vnexpress.net/news/news/five-former-coast-guard-leaders-stand-trial-for-2m-embezzlement-4622249.html
# a-law-taking-effect-is-no-meeting-date (a national paper's news of laws announced, read in
# the news benchmark: "… hiệu lực áp dụng từ ngày 01/01/2018" taken as the day of the event):
#   https://baomoi.com/ (baomoi-2017 record 22738284, ../shared/data/news; "Công bố thêm 6 Luật
#   mới được Quốc hội thông qua")
# the-ledes-day-without-a-year-leaves-the-date-unknown (set X's X125: "Ngày 30/3, Viện Kiểm sát
# … xác nhận vừa ra kháng nghị …" on a page with no stamp, and the case's dated past further
# down taken for it; eleven news articles without stamps the same, in the news benchmark):
#   https://beta.vietnamplus.vn/khang-nghi-tang-hinh-phat-bi-cao-cuop-go-sua-o-phong-nha-ke-bang-post314949.vnp
# a-buildings-owner-is-not-who-holds-the-ceremony (set V's V103: "Khởi công xây dựng trụ sở
# Viện kiểm sát nhân dân huyện Kiến Xương", the ceremony held by VKSND tỉnh Thái Bình):
#   https://vksndthaibinh.gov.vn:443/Article/1823/Khoi-cong-xay-dung-tru-so-Vien-kiem-sat-nhan-dan-huyen-Kien-Xuong.html
# a-dated-step-of-another-body-in-case-news-is-an-event (set ZA's ZA124, "Đến ngày 28/4/2023,
# TAND tỉnh Lào Cai đã xét xử phúc thẩm vụ án", and ZA222, "Ngày 12-9, VKSND huyện Bình Chánh
# đã ra quyết định chuyển vụ án", read as no event; the label guide's round 24 and 28 notes: a
# case's step is an event, another body's without a level):
#   https://phapluatmedia.vn/tand-tinh-lao-cai-huy-ban-an-so-tham-do-vi-pham-nghiem-trong-ve-thu-tuc-to-tung-9203.html
#   http://plo.vn/phap-luat/vu-danh-nha-bao-va-ksv-tai-toa-binh-chanh-chuyen-ho-so-len-tp-791954.html
# an-english-page-with-many-vietnamese-names (set ZB's ZB112, read after its one scoring: a list
# of defendants "Bui Thi Noi, Tran Thi La, …" read as Vietnamese words, the page no longer read
# as English by this session's own word lists):
#   https://en.vietnamplus.vn/dong-tam-case-charges-against-19-defendants-changed/182706.vnp
# Set ZB's English pages, read after its one scoring (development since round 36):
# an-edition-stamp-under-its-first-paragraph (ZB118, "Báo Tuyên QuangBáo Tuyên Quang26/07/2025"
# under the first paragraph of a vietnam.vn page; ZB216, "Báo Thanh niênBáo Thanh niên…";
# "offered incense … and paid tribute"), an-english-byline-and-bar-stamp (ZB218, "By Vu Quoc
# Ngu | Aug 12, 2015"), an-english-launch-reporting-the-past-year (ZB204, "… lauded the
# performance of the people's procuracy sector in 2023 … a hybrid conference on Monday to
# launch the people's procuracy sector's tasks in 2024"), the-sectors-nth-anniversary-dates-an-
# english-day (ZB120, "a ceremony to mark the sector's 55 th founding anniversary in Hanoi on
# July 23"):
#   https://www.vietnam.vn/en/vien-kiem-sat-nhan-dan-tinh-tuyen-quang-dang-huong-tai-nghia-trang-liet-si-quoc-gia-vi-xuyen
#   https://vjs.vietnam.vn/en/sau-gan-30-nam-ong-nguyen-van-khan-nhan-loi-xin-loi-tu-vien-ksnd-tp-hcm
#   http://www.vietnamhumanrightsdefenders.net/2015/08/12/hcmc-procuracy-publicly-apologizes-to-local-resident-wrongly-detained-for-four-year-in-murder-case/
#   https://www.einpresswire.com/article/677298609/na-chairman-lauds-people-s-procuracy-sector-s-performance-in-2023
#   https://en.vietnamplus.vn/president-lauds-procuracy-sectors-attainments/77886.vnp
# Pages in other languages (set ZC, read after its one scoring: 28 of its 51 pages are French,
# Chinese, Japanese or Spanish editions, most about the sector or the supreme procuracy):
# a-french-edition-names-the-national-unit (ZC103, "Le Parquet populaire suprême a organisé
# ce mercredi après-midi à Hanoi une conférence …"), a-chinese-edition-names-the-national-unit
# (ZC107, "越南最高人民检察院副检察长 … 与中国最高人民检察院检察长 …"),
# another-countrys-supreme-procuracy-in-chinese-is-no-unit (the same page's "中国最高人民检察院"),
# a-chinese-edition-about-a-provincial-procuracy (ZC111, "崇左市人民检察院代表团赴越南谅山省
# 检察机关"):
#   http://fr.vietnamplus.vn/le-chef-de-letat-a-la-conference-du-secteur-des-parquets-populaires/84055.vnp
#   https://shidai.thoidai.com.vn/detail-article-49114.html
#   https://www.yybnet.net/chongzuo/news/201903/8802607.html
# a-french-edition-dates-and-names-its-event (set ZC's ZC209, "Les deux Parquets populaires
# suprêmes … ont organisé le 18 juillet … la 5e réunion", ZC115, "Un séminaire organisé mardi 20
# juin"), a-chinese-edition-dates-its-talks (ZC107, "2025年9月22日下午 … 举行了双边会谈"),
# a-japanese-edition-names-a-launch (ZC221, "最高人民検察院は、2019年の任務を展開する会議"),
# all read after set ZC's one scoring:
#   http://fr.vietnamplus.vn/vietnamlaos-reunion-des-parquets-populaires-des-provinces-limitrophes/91270.vnp
#   https://shidai.thoidai.com.vn/detail-article-49114.html
#   https://vietnam.vnanet.vn/japanese/%E6%A4%9C%E5%AF%9F%E9%83%A8%E9%96%80-2019%E5%B9%B4%E3%81%AE%E4%BB%BB%E5%8B%99%E3%82%92%E5%B1%95%E9%96%8B/409369.html
# a-french-edition-names-a-provincial-procuracy (set ZC's ZC207, "le chef du Parquet populaire
# de la province de Dong Nai a déclaré …"), a-german-edition-names-a-provincial-procuracy (set
# ZB's ZB122, "… zwischen der Volksstaatsanwaltschaft der Provinz Thanh Hoa und …"), read
# after the sets' one scoring:
#   https://vietnam.vn/fr/dong-nai-truy-to-nhom-co-nhan-tien-bao-ke-xe-qua-tai
NAMED = load_cases("metadata_patterns.jsonl")


@pytest.mark.parametrize("case", NAMED, ids=lambda c: c["id"])
def test_named_pattern(case: dict) -> None:
    """Each named pattern of issue 22, exactly on the fields it is about."""
    got = predicted(case_article(case))
    want = {f: sorted(v) if f == "types" else v for f, v in case["expect"].items()}
    assert {f: got[f] for f in want} == want


# site-names-the-province (set D: the pages of baothanhhoa.vn, vksquangngai.gov.vn,
# baophuyen.vn that say only "VKSND tỉnh"; fixture in our own words)
@pytest.mark.parametrize(
    ("url", "province"),
    [
        ("https://baothanhhoa.vn/tong-ket-cong-tac-xay-dung-dang-273000.htm", "Thanh Hóa"),
        ("http://vksquangngai.gov.vn/tin-tuc/hoi-nghi", "Quảng Ngãi"),
        ("https://plo.vn/vksnd-tinh-tong-ket-post1.html", None),  # a national paper: none
        # a procuracy's site by the province's initials (set F/G: vkspy.gov.vn, e.g.
        # https://vkspy.gov.vn/dang-bo-vksnd-tinh--to-chuc-hoi-nghi-pho-bien-nhanh-nghi-quyet-hoi-nghi-lan-thu-13-bch-trung-uong-dang-khoa-xi-65_3873.html)
        # (the article is of 30/12/2025: shown under the merged provinces' names)
        ("https://vkspy.gov.vn/hoi-nghi-1.html", "Đắk Lắk"),  # Phú Yên
        ("https://www.vksbrvt.gov.vn/portal/p/1", "Hồ Chí Minh"),  # Bà Rịa - Vũng Tàu
        ("https://vksbd.gov.vn/tin/1", None),  # Bình Định or Bình Dương: none
        ("https://vksnd.gov.vn/tin/1", None),
        (None, None),
    ],
)
def test_the_publishers_site_gives_the_province_of_an_unnamed_unit(url, province) -> None:
    article = Article("x", "Đảng bộ VKSND tỉnh tổng kết công tác năm 2025",
                      "Chiều 30/12/2025, Đảng bộ VKSND tỉnh tổ chức hội nghị tổng kết.",
                      url=url)  # fmt: skip
    assert extract(article).province == province


# a-procuracys-own-page-is-its-own (set K: https://vksndthaibinh.gov.vn:443/detail/954/Gioi-thieu-chung.html,
# a site's introduction that names no unit; fixture in our own words)
@pytest.mark.parametrize(
    ("url", "unit", "level"),
    [
        ("https://vksndthaibinh.gov.vn/detail/1/gioi-thieu.html", "VKSND tỉnh Thái Bình", "tỉnh"),
        ("http://vksdanang.gov.vn/gioi-thieu", "VKSND thành phố Đà Nẵng", "tỉnh"),
        ("https://baothaibinh.com.vn/gioi-thieu", None, None),  # a newspaper's: no unit
    ],
)
def test_a_procuracys_own_site_page_that_names_no_unit_is_its_own(url, unit, level) -> None:
    article = Article(
        "x",
        "Giới thiệu chung",
        "Vùng đất này có truyền thống lâu đời; nhân dân cần cù, hiếu học.",
        url=url,
    )
    m = extract(article)
    assert (m.unit, m.level) == (unit, level)


def test_the_publishers_site_chooses_among_districts_of_one_name() -> None:
    """'huyện Vĩnh Thạnh' is a district of Cần Thơ and of Bình Định: the site names which.
    After http://vkscantho.vn/vkscantho/index.php/news/savefile/VKSND-TP-Can-Tho/Hoi-nghi-giua-nhiem-ky-Cong-doan-co-so-559/
    (set G, G035; fixture in our own words)."""
    text = "Ngày 2/4/2016, VKSND huyện Vĩnh Thạnh tổ chức hội nghị sơ kết công tác quý I."
    for url, province in [("http://vkscantho.vn/tin/1", "Cần Thơ"),
                          ("http://vksbinhdinh.gov.vn/tin/1", "Bình Định")]:  # fmt: skip
        article = Article("x", "Sơ kết công tác quý I", text, url=url)
        assert extract(article).province == province


def test_a_battle_is_not_a_province() -> None:
    """'chiến thắng Điện Biên Phủ' names a battle; the guest's unit names the province.
    After http://vksbinhdinh.gov.vn/newsdetail.asp?newsID=10871 (set D C035)."""
    article = Article(
        "x", "Chi đoàn VKSND tỉnh tổ chức đêm tuyên truyền pháp luật",
        "Kỷ niệm 70 năm chiến thắng Điện Biên Phủ, ngày 07/5/2024 Chi đoàn VKSND tỉnh tổ "
        "chức đêm tuyên truyền pháp luật. Dự có đồng chí Viện trưởng VKSND tỉnh Phú Yên.",
    )  # fmt: skip
    assert extract(article).province == "Phú Yên"


@pytest.mark.parametrize(
    ("title", "unit", "province", "level"),
    [("VIỆN KIỂM SÁT NHÂN DÂN THỊ XÃ MƯỜNG LAY", "VKSND thị xã Mường Lay", "Điện Biên", "huyện"),
     ("VKSND thành phố Bắc Kạn tổ chức hội nghị giao ban", "VKSND thành phố Bắc Kạn", "Bắc Kạn",
      "huyện"),  # the provincial town, not the province's procuracy
     ("VKSND tỉnh Bắc Kạn tổ chức hội nghị giao ban", "VKSND tỉnh Bắc Kạn", "Bắc Kạn", "tỉnh"),
     ("VKSND thị xã Buôn Hồ tổ chức hội nghị", "VKSND thị xã Buôn Hồ", "Đắk Lắk", "huyện"),
     # a name of two syllables written as one word: the gazetteer's "Đa Krông"
     ("VKSND huyện Đakrông tổ chức hội nghị", "VKSND huyện Đa Krông", "Quảng Trị", "huyện")],
)  # fmt: skip
def test_districts_the_official_list_names_with_their_kind(title, unit, province, level) -> None:
    """A few rows of the official list repeat the kind in the name ("Thị Xã Mường Lay"):
    the gazetteer keeps the bare name, so the unit is found and filed in its province."""
    m = extract(parse_text(title + "\nHội nghị diễn ra sáng nay.", "x", "x"))
    assert (m.unit, m.province, m.level) == (unit, province, level)


@pytest.mark.parametrize(
    ("text", "year"),
    [("Kỷ niệm 95 năm Ngày thành lập Đảng.", 2025),
     ("Kỷ niệm 0 năm ngày thành lập Đảng.", None),  # celebrates nothing
     ("Kỷ niệm 300 năm ngày thành lập ngành Kiểm sát", None),  # after the latest year
     ("Kỷ niệm 30 năm ngày thành lập Viện kiểm sát nhân dân tỉnh Bình Phước", None),
     ("Chào mừng 95 năm ngày thành lập Đảng bộ tỉnh", None),  # a committee's own date
     ("Tết Canh Tý", 2020), ("Xuân Giáp Sửu", None),  # a stem and branch that never meet
     # the sector unnamed at the end of a headline, a name at a line's end (set V's V212,
     # read after its one scoring, "… giải bóng đá mini kỷ niệm 60 năm thành lập ngành":
     # https://baovephapluat.vn/the-thao-giai-tri/the-thao-cong-dong/vksnd-huyen-go-cong-dong-to-chuc-giai-bong-da-mini-ky-niem-60-thanh-lap-nganh-91345.html)
     ("Giải bóng đá kỷ niệm 60 năm thành lập ngành\nBan tổ chức thông báo thể lệ.", 2020),
     ("Kỷ niệm 93 năm ngày thành lập Đảng\nSáng nay, chi bộ họp.", 2023),
     ("Kỷ niệm 70 năm thành lập ngành Y tế", None)],  # another sector
)  # fmt: skip
def test_years_an_occasion_names(text: str, year: int | None) -> None:
    from searcher.facts.occasions import founding_anniversary_year, lunar_year

    assert (founding_anniversary_year(text, 2026) or lunar_year(text, 2026)) == year


_TWO_STORIES = (
    "Sáng 16/3/2021, Viện kiểm sát nhân dân tỉnh Thái Nguyên tổ chức hội nghị giao ban.\n"
    "Chiều 18/3/2021, Công đoàn Viện kiểm sát nhân dân tỉnh Thái Nguyên thăm hỏi đoàn viên."
)


@pytest.mark.parametrize(
    ("title", "url", "stories", "types"),
    [("Tag Archives: Thanh tra", None, 2, []),
     ("Viện kiểm sát nhân dân", "https://bao.example.vn/tag/vien-kiem-sat-nhan-dan", 2, []),
     ("Viện kiểm sát nhân dân", "https://vks.example.gov.vn/?tag=giao-ban", 2, []),
     ("Giao ban quý I", "https://vks.example.gov.vn/tin-tuc/giao-ban-quy-i-12.html", 2,
      ["giao ban"]),
     # a tag's page holding one headline and its lead is that story (set W's W219 and W220,
     # read after its one scoring, and set Q's Q121:
     # https://doisongphapluat.com.vn/tag/7-thanh-nien-vu-an-oan.html)
     ("Giao ban quý I", "https://bao.example.vn/tag/giao-ban", 1, ["giao ban"])],
)  # fmt: skip
def test_a_tags_listing_page_reports_no_event(
    title: str, url: str | None, stories: int, types: list
) -> None:
    """A page listing a tag's articles opens on the first one's lead; it is not a report,
    so it has no meeting type and no meeting year (the labels of three such pages)."""
    body = "\n".join(_TWO_STORIES.splitlines()[:stories])
    m = extract(parse_text(f"{title}\n{body}", "x", "x", url=url))
    assert (m.meeting_types, m.year is None) == (types, not types)


# words that fold to a province's name are other words or places when written with other
# marks (3,000 news articles: "diễn biến" was counted as Điện Biên 96 times, "Huệ" as Huế,
# "năm Đinh" as Nam Định, "đa năng" as Đà Nẵng); a name without marks, in capitals, with
# the new tone placement or as an alias still counts. Page: I028 of set I,
# https://baomoi.com/doan-thanh-nien-cac-co-quan-khoi-noi-chinh-trao-tang-230-phan-qua-trung-thu-tai-chau-thanh-c47052247.epi
@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("tình hình diễn biến phức tạp", {}),
        ("Diễn biến vụ án; hoa huệ; năm Đinh Dậu; máy đa năng; đã nâng cao", {}),
        ("Trại giam Thạnh Hòa, huyện Châu Thành, tỉnh Long An", {"Long An": 1}),
        ("tỉnh Điện Biên; tinh Dien Bien; ĐIỆN BIÊN", {"Điện Biên": 3}),
        ("Thanh Hoá và Thanh Hóa", {"Thanh Hóa": 2}),
        ("Đắk Lắk, Đăk Lăk, Đak Lak", {"Đắk Lắk": 3}),
        ("Bà Rịa – Vũng Tàu", {"Bà Rịa - Vũng Tàu": 1}),
        ("Chủ tịch  Hồ Chí Minh; TP. Hồ Chí Minh", {"Hồ Chí Minh": 1}),
        ("chiến thắng Điện Biên Phủ", {}),
    ],
)
def test_a_word_that_folds_to_a_province_is_not_one(text: str, counts: dict) -> None:
    from searcher.facts.where import province_counts
    from searcher.vi.places import gazetteer

    assert province_counts(text, gazetteer()) == counts


def test_a_long_word_after_a_guests_title_is_read_in_linear_time() -> None:
    """A scraped run of letters between "thay mặt" and a Party cell ("thay mặt
    aaaa…a; chi bộ"): the guard against guests reads it without backtracking (with
    words allowed to split anywhere, these 45 letters took 18 s an article)."""
    raw = (
        "Đại biểu thay mặt " + "a" * 45 + "; chi bộ dự Đại hội chi đoàn\nNgày 5/3/2019, "
        "VKSND huyện Lục Ngạn tổ chức Đại hội chi đoàn nhiệm kỳ 2019 – 2022."
    )
    article = parse_text(raw, "long", "long")
    assert isinstance(article, Article)
    assert extract(article).meeting_date == date(2019, 3, 5)


# a cited document's date, however its number and date are written (issue 22: "Dates
# inside a citation of a document are never the meeting date"; shapes seen on set Q's
# Q110, https://baovephapluat.vn/cai-cach-tu-phap/thuc-tien-kinh-nghiem/vksnd-tinh-quang-tri-tang-cuong-cong-tac-truc-nghiep-vu-ngoai-gio-hanh-chinh-76700.html,
# and written out here in our own words)
@pytest.mark.parametrize(
    "cited",
    [
        "Kế hoạch số 12/KH-VKS ngày 16/01/2019",
        "Kế hoạch 12/KH-VKS ngày 16-01-2019",
        "KH số 12/KH-VKS ngày 16/01/2019",
        "Kế hoạch số 12/KH - VKS ngày 16 - 01 - 2019",
        "Kế hoạch số 45/KH–VKS ngày 16/01/2019",
        "Quyết định số 12/QĐ-VKS ngày 16 tháng 01 năm 2019",
        "Quyết định số 1234 /QĐ-VKSTC ngày 16/01/2019",
        "Hướng dẫn số 24-HD/BTGTU ngày 16/01/2019",
        "Nghị quyết số 96/2019/QH14 ngày 16/01/2019",
        "Thông tư liên tịch số 01/2017/TTLT-BCA-BQP-BNN&PTNT-VKSNDTC ngày 16/01/2019",
        "Kế hoạch số 12/KH-VKS được ban hành ngày 16/01/2019",
        "Kế hoạch số 12/KH-VKS ký vào ngày 16/01/2019",
        "Kế hoạch số 12/KH-VKS đề ngày 16/01/2019",
    ],
)
def test_a_cited_documents_date_is_never_the_meeting_date(cited: str) -> None:
    article = parse_text(f"VKSND tỉnh Nam Định tổ chức hội nghị\nThực hiện {cited} của "
                         "VKSND tỉnh, vừa qua VKSND tỉnh Nam Định tổ chức hội nghị sơ kết.",
                         "x")  # fmt: skip
    m = extract(article)
    assert (m.meeting_date, m.year) == (None, None)


# a unit's name in the shapes pages write it (issue 22: the level and province of the
# organiser; a table of 56 shapes, written here in our own words, found the abbreviated
# kinds, the superior procuracy by number, "KV9", a kind left unwritten and "hai cấp";
# set P's P109 names "Viện kiểm sát nhân dân Bắc Giang" so). A sweep of every name in the
# official lists (63 provinces written whole and bare, 696 districts with and without their
# province; session 21) found names that fold alike told apart wrongly, the Central
# Highlands' names with an apostrophe not found, and "Hải …", "Bà Rịa …" taken for "hai
# cấp", "ba cấp", and an island district ("huyện đảo") not read as a district
@pytest.mark.parametrize(
    ("name", "level", "province"),
    [
        ("Viện KSND tỉnh Thanh Hoá", "tỉnh", "Thanh Hóa"),
        ("VKSND TPHCM", "tỉnh", "Hồ Chí Minh"),
        ("VKSND Hà Nội", "tỉnh", "Hà Nội"),
        ("Viện kiểm sát nhân dân Quảng Trị", "tỉnh", "Quảng Trị"),
        ("VKSND hai cấp tỉnh Nghệ An", "tỉnh", "Nghệ An"),
        ("VKSND Q. Ba Đình", "huyện", "Hà Nội"),
        ("VKSND H. Đông Hưng", "huyện", "Thái Bình"),
        ("VKSND TX. Sơn Tây", "huyện", "Hà Nội"),
        ("VKSND TP Thủ Đức", "huyện", "Hồ Chí Minh"),
        ("VKSND Quận 3, TP.HCM", "huyện", "Hồ Chí Minh"),
        ("VKSND huyện Châu Thành (Tiền Giang)", "huyện", "Tiền Giang"),
        ("VKSND KV9 Phú Thọ", "khu vực", "Phú Thọ"),
        ("VKSND Khu vực 3 (Đà Nẵng)", "khu vực", "Đà Nẵng"),
        ("VKSND cấp cao 3", "cấp cao", "Hồ Chí Minh"),
        ("Viện cấp cao 2", "cấp cao", "Đà Nẵng"),
        ("Viện kiểm sát quân sự khu vực 42", "quân sự", None),
        ("VKSNDTC", "tối cao", None),
        ("VIỆN KIỂM SÁT NHÂN DÂN TỈNH NGHỆ AN", "tỉnh", "Nghệ An"),
        ("VKSND các cấp", None, None),  # every level's: no unit
        ("Viện KSND Hải Dương", "tỉnh", "Hải Dương"),
        ("VKSND Bà Rịa - Vũng Tàu", "tỉnh", "Bà Rịa - Vũng Tàu"),
        ("VKSND ba cấp tỉnh Nghệ An", "tỉnh", "Nghệ An"),
        # names that fold alike: the marks as written tell them apart
        ("VKSND huyện Tam Dương", "huyện", "Vĩnh Phúc"),
        ("VKSND huyện Tam Đường", "huyện", "Lai Châu"),
        ("VKSND huyện Phú Ninh", "huyện", "Quảng Nam"),
        ("VKSND huyện Phù Ninh", "huyện", "Phú Thọ"),
        ("VKSND huyện Thạnh Trị", "huyện", "Sóc Trăng"),
        ("VKSND huyện Thanh Trì", "huyện", "Hà Nội"),
        # an apostrophe in a name, written or left out, with or without a space
        ("VKSND huyện Ea H'leo", "huyện", "Đắk Lắk"),
        ("VKSND huyện Cư M’gar", "huyện", "Đắk Lắk"),
        ("VKSND huyện M'Đrắk", "huyện", "Đắk Lắk"),
        ("VKSND huyện Đắk R’Lấp", "huyện", "Đắk Nông"),
        ("VKSND huyện Ia H' Drai", "huyện", "Kon Tum"),
        ("VKSND huyện Ia H’Drai", "huyện", "Kon Tum"),
        ("VKSND huyện đảo Lý Sơn", "huyện", "Quảng Ngãi"),  # an island district
        # abbreviations of the national, superior and military units (a table of 30 more)
        ("Viện KSNDTC", "tối cao", None),
        ("VKSNDCC tại Đà Nẵng", "cấp cao", "Đà Nẵng"),
        ("VKSND CC tại TP.HCM", "cấp cao", "Hồ Chí Minh"),
        ("VKSQSTW", "quân sự", None),
        # bodies of one region named together; levels listed, no unit (set G's G016,
        # https://baogialai.com.vn/nang-cao-chat-luong-xet-xu-tu-phien-toa-rut-kinh-nghiem-post574129.html)
        ("Viện KSND và TAND khu vực 4 (Gia Lai)", "khu vực", "Gia Lai"),
        ("Viện KSND và TAND tỉnh, khu vực", None, None),
        ("VKSND tỉnh, huyện", None, None),
        ("Ngành Kiểm sát Hà Nam", "tỉnh", "Hà Nam"),  # the province's procuracy as a whole
    ],
)
def test_a_units_name_in_any_written_shape(name: str, level: str | None, province) -> None:
    m = extract(parse_text(f"Hội nghị giao ban công tác tháng 3\nSáng 5/3/2023, {name} tổ "
                           "chức hội nghị giao ban công tác tháng 3.", "x"))  # fmt: skip
    assert (m.level, m.province) == (level, province)


# the meeting date in the shapes a lead writes it (issue 22; a sweep of 26 shapes in our own
# words, session 21, found a news lead's weekday with its day in brackets unread: "Sáng thứ
# Hai (12/9)", "Hôm nay (12/9)", as news sites write a lead: 384 of the benchmark's news
# articles do, e.g. https://dantri.com.vn/kinh-doanh/habeco-tiet-lo-ke-hoach-moi-20210428130118430.htm
# ("Hôm nay (28/4), … tổ chức Đại hội") and http://www.baomoi.com/a/c/21757746.epi)
@pytest.mark.parametrize(
    "lead",
    [
        "Sáng ngày 12/9/2022, {u} tổ chức hội nghị giao ban",
        "Ngày 12-9-2022, {u} tổ chức hội nghị giao ban",
        "Ngày 12 tháng 9 năm 2022, {u} tổ chức hội nghị giao ban",
        "Sáng 12.9.2022, {u} tổ chức hội nghị giao ban",
        "Trong 2 ngày 12 và 13/9/2022, {u} tổ chức hội nghị giao ban",
        "Từ ngày 12 đến ngày 13/9/2022, {u} tổ chức hội nghị giao ban",
        "{u} tổ chức hội nghị giao ban vào sáng ngày 12/9/2022",
        "{u} vừa tổ chức hội nghị giao ban (ngày 12/9/2022)",
        "Chiều 12/9, {u} tổ chức hội nghị giao ban",
        "Sáng thứ Hai (12/9), {u} tổ chức hội nghị giao ban",
        "Thứ 2 (12/9), {u} tổ chức hội nghị giao ban",
        "Hôm nay (12/9), {u} tổ chức hội nghị giao ban",
        "Sáng thứ Hai, ngày 12/9/2022, {u} tổ chức hội nghị giao ban",
        "Sáng 12/9/2022 (tức ngày 17/8 âm lịch), {u} tổ chức hội nghị giao ban",
        "Thực hiện Kế hoạch số 05/KH-VKS ngày 02/01/2022, sáng 12/9, {u} tổ chức hội nghị giao ban",
        "Hội nghị giao ban của {u} được tổ chức vào ngày 12/9/2022",
        # session 22: the development pages' dates rewritten in words and a second sweep of
        # 212 shapes found a time of the day before a date in words unread ("Sáng 29 tháng
        # 5", http://www.baomoi.com/a/c/22620154.epi), a month's year after a slash, and the
        # evening after a citation's comma taken for "tới" (until)
        "Sáng 12 tháng 9 năm 2022, {u} tổ chức hội nghị giao ban",
        "Chiều 12 tháng 9/2022, {u} tổ chức hội nghị giao ban",
        "Ngày 12 tháng 9/2022, {u} tổ chức hội nghị giao ban",
        "Thực hiện Kế hoạch số 05 ngày 02 tháng 01/2022, sáng 12/9/2022, {u} tổ chức hội nghị",
        "Thực hiện Kế hoạch số 05/KH-VKS ngày 02/01/2022, tối 12/9/2022, {u} tổ chức hội nghị",
    ],
)
def test_a_meeting_date_in_the_shapes_a_lead_writes_it(lead: str) -> None:
    text = lead.format(u="Viện kiểm sát nhân dân tỉnh Thanh Hóa")
    title = "VKSND tỉnh Thanh Hóa giao ban công tác 9 tháng năm 2022"
    lead = f"{text[0].upper()}{text[1:]} công tác 9 tháng năm 2022."
    m = extract(parse_text(f"{title}\n{lead}", "x"))
    assert m.meeting_date == date(2022, 9, 12)


# a meeting's types in the words leads name them (issue 22: "recognise quarterly reviews,
# 'phổ biến, quán triệt', signings of coordination rules, 'Ngày Pháp luật' events, training,
# seminars, competitions"; a table of 40 phrasings in our own words, session 21, found a
# conference deploying a law untyped; N037 of set D, a unit deploying a coordination rule,
# is labelled so: https://baovephapluat.vn/video/vksnd-tinh-phu-tho-trien-khai-quy-che-phoi-hop-giai-quyet-an-hanh-chinh-vu-viec-dan-su-11046.html/p/1)
@pytest.mark.parametrize(
    ("phrase", "types"),
    [
 ("tổ chức Hội nghị tổng kết công tác năm 2023", ["tổng kết"]),
 ("tổ chức Hội nghị tổng kết công tác kiểm sát năm 2023 và triển khai nhiệm vụ năm 2024",
  ["tổng kết", "triển khai"]),
 ("tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2023", ["sơ kết"]),
 ("tổ chức hội nghị sơ kết công tác quý I năm 2023", ["sơ kết"]),
 ("tổ chức Hội nghị triển khai công tác năm 2024", ["triển khai"]),
 ("tổ chức Hội nghị giao ban công tác tháng 5 năm 2023", ["giao ban"]),
 ("tổ chức hội nghị giao ban trực tuyến công tác quý III năm 2023", ["giao ban"]),
 ("tổ chức Hội nghị cán bộ, công chức, viên chức năm 2023", ["cán bộ công chức"]),
 ("tổ chức Hội nghị cán bộ công chức năm 2023", ["cán bộ công chức"]),
 ("tổ chức lớp tập huấn nghiệp vụ kiểm sát án hình sự", ["tập huấn"]),
 ("tổ chức lớp bồi dưỡng kỹ năng viết cáo trạng cho Kiểm sát viên", ["tập huấn"]),
 ("tổ chức Hội thảo khoa học về nâng cao chất lượng tranh tụng", ["hội thảo"]),
 ("tổ chức buổi tọa đàm về công tác kiểm sát", ["hội thảo"]),
 ("tổ chức Hội nghị rút kinh nghiệm công tác giải quyết án hình sự", ["rút kinh nghiệm"]),
 ("tổ chức Hội nghị học tập, quán triệt Nghị quyết Đại hội XIII của Đảng", ["quán triệt"]),
 ("tổ chức hội nghị phổ biến, quán triệt Luật Tổ chức VKSND năm 2024", ["quán triệt"]),
 ("và Công an tỉnh ký kết Quy chế phối hợp trong công tác điều tra", ["ký kết"]),
 ("tổ chức Hội thi Kiểm sát viên giỏi năm 2023", ["hội thi"]),
 ("tổ chức cuộc thi viết cáo trạng năm 2023", ["hội thi"]),
 ("tổ chức Hội thao chào mừng ngày thành lập ngành", ["khác"]),
 ("phối hợp tổ chức tuyên truyền pháp luật cho nhân dân xã Nghi Lộc", ["tuyên truyền"]),
 ("hưởng ứng Ngày Pháp luật Việt Nam tổ chức buổi sinh hoạt chuyên đề", ["tuyên truyền"]),
 ("tổ chức Lễ kỷ niệm 63 năm ngày thành lập ngành Kiểm sát nhân dân", ["khác"]),
 ("đến thăm, tặng quà gia đình chính sách", ["khác"]),
 ("tổ chức chương trình hiến máu tình nguyện", ["khác"]),
 ("tổ chức Hội nghị Ban chấp hành Đảng bộ mở rộng", ["Đảng"]),
 ("tổ chức Đại hội Chi bộ nhiệm kỳ 2025 - 2027", ["Đảng"]),
 ("tổ chức Lễ công bố quyết định bổ nhiệm Phó Viện trưởng", ["khác"]),
 ("tổ chức phiên tòa rút kinh nghiệm vụ án dân sự", ["khác"]),
 ("phối hợp với Tòa án tổ chức phiên tòa xét xử lưu động", ["khác"]),
 ("tiến hành kiểm sát trực tiếp tại Trại tạm giam Công an tỉnh", ["khác"]),
 ("tổ chức Hội nghị tổng kết 10 năm thi hành Luật Tổ chức VKSND", ["tổng kết"]),
 ("tổ chức Hội nghị sơ kết 3 năm thực hiện Chỉ thị số 05", ["sơ kết"]),
 ("tổ chức Hội nghị trực tuyến triển khai Luật Tổ chức VKSND sửa đổi", ["quán triệt"]),
 ("tổ chức Hội nghị tổng kết công tác thi đua khen thưởng năm 2023", ["tổng kết"]),
 ("tổ chức Hội nghị giao ban Cụm thi đua số 3", ["giao ban"]),
 ("tổ chức hội nghị trực tuyến tập huấn chuyên đề kiểm sát điều tra", ["tập huấn"]),
 ("tổ chức Hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024 và ký kết giao ước thi đua",
  ["tổng kết", "triển khai", "ký kết"]),
 ("tổ chức Đại hội Công đoàn cơ sở nhiệm kỳ 2023-2028", ["khác"]),
 ("tổ chức Đại hội Chi đoàn nhiệm kỳ 2022-2024", ["khác"]),
    ],
)  # fmt: skip
def test_a_meeting_type_in_the_words_a_lead_names_it(phrase: str, types: list[str]) -> None:
    title = "VKSND tỉnh Nghệ An " + phrase.replace("tổ chức ", "", 1)
    lead = (f"Sáng ngày 12/9/2023, Viện kiểm sát nhân dân tỉnh Nghệ An {phrase}. Dự hội nghị "
            "có đồng chí Viện trưởng cùng toàn thể cán bộ, công chức đơn vị.")  # fmt: skip
    assert sorted(extract(parse_text(f"{title}\n{lead}", "x")).meeting_types) == sorted(types)


# who holds the event, by the role of each unit's span (issue 22: "the real organiser over
# banner or title units", a guest's unit is not the province); a table of 16 shapes in our
# own words, session 21, found a title's guest who attends ("Phó Viện trưởng VKSND tối cao dự
# hội nghị …", as N016's title has the Chairman of the National Assembly attend:
# https://baovephapluat.vn/kiem-sat-24h/van-de-su-kien/chu-tich-quoc-hoi-vuong-dinh-hue-du-hoi-nghi-trien-khai-cong-tac-nganh-kiem-sat-nhan-dan-nam-2024-151137.html),
# the event's owner after "của", the venue "tại Hội trường VKSND tỉnh" and a cluster's
# districts ("VKSND các huyện …", as M008's cluster of provinces:
# https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/cum-thi-dua-vksnd-cac-tinh-bac-trung-bo-tong-ket-cong-tac-thi-dua-nam-2021-115633.html)
@pytest.mark.parametrize(
    ("title", "lead", "level", "province"),
    [
        (
            "Hội nghị tổng kết công tác năm 2022",
            "Sáng 12/1/2023, VKSND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2022. Dự "
            "hội nghị có đồng chí Nguyễn Văn An, Phó Viện trưởng VKSND tối cao.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "Phó Viện trưởng VKSND tối cao dự hội nghị tổng kết tại Nghệ An",
            "Sáng 12/1/2023, đồng chí Nguyễn Văn An, Phó Viện trưởng VKSND tối cao dự và chỉ đạo"
            " Hội nghị tổng kết công tác năm 2022 của VKSND tỉnh Nghệ An.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "VKSND tối cao tổng kết công tác năm 2022",
            "Sáng 12/1/2023, VKSND tối cao tổ chức Hội nghị trực tuyến tổng kết công tác năm "
            "2022 tới 63 điểm cầu VKSND các tỉnh, thành phố. Tại điểm cầu VKSND tỉnh Nghệ An, dự"
            " hội nghị có đồng chí Viện trưởng.",
            "tối cao",
            None,
        ),
        (
            "Phiên tòa rút kinh nghiệm",
            "Ngày 12/9/2022, VKSND huyện Nghi Lộc phối hợp với Tòa án nhân dân huyện Nghi Lộc tổ"
            " chức phiên tòa rút kinh nghiệm.",
            "huyện",
            "Nghệ An",
        ),
        (
            "TAND tỉnh Nghệ An tổng kết công tác năm 2022",
            "Sáng 12/1/2023, Tòa án nhân dân tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm"
            " 2022. Dự hội nghị có đại diện lãnh đạo VKSND tỉnh Nghệ An.",
            None,
            None,
        ),
        (
            "Ban cán sự đảng VKSND tỉnh Nghệ An tổ chức hội nghị",
            "Sáng 12/1/2023, Ban cán sự đảng VKSND tỉnh Nghệ An tổ chức Hội nghị kiểm điểm tập "
            "thể năm 2022.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "Giao ban công tác tháng 8",
            "Sáng 12/9/2022, VKSND tỉnh Nghệ An tổ chức Hội nghị giao ban trực tuyến với VKSND "
            "21 huyện, thành phố, thị xã.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "Cụm thi đua số 3 tổ chức hội nghị",
            "Sáng 12/9/2022, tại Hội trường VKSND tỉnh Nghệ An, Cụm thi đua số 3 gồm VKSND các "
            "huyện Nghi Lộc, Hưng Nguyên, Nam Đàn tổ chức hội nghị sơ kết công tác thi đua.",
            "huyện",
            "Nghệ An",
        ),
        (
            "Hội nghị tổng kết công tác năm 2022",
            "Sáng 12/1/2023, Viện KSND huyện Nghi Lộc (Nghệ An) tổ chức hội nghị tổng kết công "
            "tác năm 2022. Dự hội nghị có đồng chí Phó Viện trưởng VKSND tỉnh Nghệ An.",
            "huyện",
            "Nghệ An",
        ),
        (
            "Lãnh đạo VKSND tỉnh Nghệ An làm việc với VKSND huyện Nghi Lộc",
            "Ngày 12/9/2022, Đoàn công tác của VKSND tỉnh Nghệ An do đồng chí Viện trưởng làm "
            "trưởng đoàn đã có buổi làm việc với VKSND huyện Nghi Lộc về kết quả công tác 8 "
            "tháng.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "VKSQS Quân khu 4 tổng kết công tác năm 2022",
            "Sáng 12/1/2023, tại thành phố Vinh, tỉnh Nghệ An, Viện kiểm sát quân sự Quân khu 4 "
            "tổ chức hội nghị tổng kết công tác năm 2022.",
            "quân sự",
            None,
        ),
        (
            "Hội nghị ký kết quy chế phối hợp",
            "Sáng 12/9/2022, VKSND tỉnh Nghệ An và Công an tỉnh Nghệ An tổ chức ký kết Quy chế "
            "phối hợp.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "Công an tỉnh Nghệ An và VKSND tỉnh ký kết quy chế phối hợp",
            "Sáng 12/9/2022, Công an tỉnh Nghệ An và VKSND tỉnh tổ chức ký kết Quy chế phối hợp.",
            "tỉnh",
            "Nghệ An",
        ),
        (
            "Hội nghị giao ban khối nội chính",
            "Sáng 12/9/2022, Ban Nội chính Tỉnh ủy Nghệ An tổ chức hội nghị giao ban khối nội "
            "chính. Dự có lãnh đạo Công an, VKSND, TAND tỉnh.",
            None,
            None,
        ),
        (
            "VKSND cấp cao tại Hà Nội làm việc tại Nghệ An",
            "Ngày 12/9/2022, Đoàn công tác VKSND cấp cao tại Hà Nội do đồng chí Viện trưởng làm "
            "trưởng đoàn đã làm việc với VKSND tỉnh Nghệ An.",
            "cấp cao",
            "Hà Nội",
        ),
        (
            "VKSND khu vực 3 - Nghệ An tổ chức hội nghị",
            "Sáng 12/9/2025, Viện kiểm sát nhân dân khu vực 3 - Nghệ An tổ chức hội nghị triển "
            "khai công tác.",
            "khu vực",
            "Nghệ An",
        ),
    ],
)
def test_the_organiser_by_the_role_of_each_units_span(title, lead, level, province) -> None:
    m = extract(parse_text(f"{title}\n{lead}", "x"))
    assert (m.level, m.province) == (level, province)


def test_a_unit_named_where_the_lead_ends_is_read_whole() -> None:
    """The lead (the first 400 characters, weighed above the body) ended inside a word, so
    a unit named there ("… ngày 20/5/2025, V|iện kiểm sát nhân dân thành phố …") was read
    as no unit and the cited document's issuer won. Set Q's Q113, a hard-wrapped page
    whose long citations push the organiser past the lead:
    https://vienkiemsathaiphong.gov.vn/vksnd-tp/hoi-nghi-lay-y-kien-cac-du-an-luat-nghi-quyet-cua-quoc-hoi-21813"""
    opening = ("Thực hiện Công văn số 12/VKSTC-V14 ngày 09/5/2025 của Viện kiểm sát nhân dân tối "
               "cao về việc góp ý các dự án luật, ")  # fmt: skip
    filler = "Công văn số 45/CV-HLG ngày 08/5/2025 của Hội Luật gia thành phố về việc lấy ý kiến, "
    lead = opening + filler * 4
    lead = lead[: 399 - len(" ngày 20/5/2025, ")] + " ngày 20/5/2025, "
    body = lead + "Viện kiểm sát nhân dân thành phố Hải Phòng tổ chức Hội nghị lấy ý kiến."
    assert body.index("Viện kiểm sát nhân dân thành phố") < 400 < body.index("thành phố Hải")
    m = extract(parse_text("Hội nghị lấy ý kiến các dự án Luật\n" + body, "x"))
    assert (m.level, m.province) == ("tỉnh", "Hải Phòng")


def test_a_hard_wrapped_pages_sentences_are_read_whole() -> None:
    """A page whose lines break inside its sentences ("Viện kiểm sát nhân\\ndân thành phố
    Hải Phòng tổ chức …", Q113's page above): its units and clauses are read across the
    breaks."""
    body = ("Sáng ngày 20/5/2025, Viện kiểm sát nhân\ndân thành phố Hải Phòng tổ chức Hội\n"
            "nghị giao ban công tác tháng 5.")  # fmt: skip
    m = extract(parse_text("Hội nghị giao ban\n" + body, "x"))
    assert (m.level, m.province, m.meeting_types) == ("tỉnh", "Hải Phòng", ["giao ban"])


# the province a site's address names, for a page whose unit goes unnamed ("VKSND tỉnh"); a
# table of 60 provincial papers' and procuracies' hosts (session 21) found Thừa Thiên Huế's
# never named (its short name "Huế" is too short to look for in a host, its long one an
# alias), e.g. https://vkshue.gov.vn/tin-huyen/nhung-hoat-dong-den-on-dap-nghia-uong-nuoc-nho-nguon-1016.html
@pytest.mark.parametrize(
    ("host", "province"),
    [("baothanhhoa.vn", "Thanh Hóa"), ("baodienbienphu.info.vn", "Điện Biên"),
     ("vksndhungyen.gov.vn", "Hưng Yên"), ("vksbrvt.gov.vn", "Bà Rịa - Vũng Tàu"),
     ("vkspy.gov.vn", "Phú Yên"), ("hanoimoi.com.vn", "Hà Nội"),
     ("baothuathienhue.vn", "Huế"), ("vkshue.gov.vn", "Huế"), ("tphcm.gov.vn", "Hồ Chí Minh"),
     ("baovephapluat.vn", None), ("vksndtc.gov.vn", None), ("thanhnien.vn", None)],
)  # fmt: skip
def test_the_province_a_sites_address_names(host: str, province: str | None) -> None:
    from searcher.facts.where import site_province
    from searcher.vi.places import gazetteer

    assert site_province(f"https://{host}/tin-tuc/1.html", gazetteer()) == province


# the same page with its dates written with dots, dashes or in words ("29.09.2021",
# "15-11-2025", "ngày 17 tháng 11 năm 2014"), as many sites write them (session 22: the 481
# development pages rewritten so changed 26 and 33 facts; K121 has "(29/09/2021 và …)":
# https://vksndtc.gov.vn/tin-tuc/cong-tac-dao-tao-boi-duong/khai-giang-lop-boi-duong-nghiep-vu-kiem-sat-vien-d7-t11121.html,
# and U207 "Ngày 5.9, Viện Kiểm sát nhân dân tỉnh Tây Ninh tổ chức …":
# https://baotayninh.vn/sinh-hoat-chuyen-de-50-nam-thuc-hien-di-chuc-cua-chu-tich-ho-chi-minh-a113416.html)
@pytest.mark.parametrize("sep", ["/", ".", "-", " tháng "])
@pytest.mark.parametrize(
    ("raw", "meeting"),
    [
        # the clause after the first day does not end at the dot of the second
        ("VKSND tỉnh Bình Định tổ chức lớp tập huấn\nTrong hai ngày (12/9/2022 và 13/9/2022), "
         "Viện kiểm sát nhân dân tỉnh Bình Định tổ chức lớp tập huấn.", "2022-09-12"),
        # two citations, the second's date after the first's issuer
        ("VKSQS Trung ương sơ kết công tác\nHội nghị sơ kết được tổ chức theo Kế hoạch số "
         "64/KH-VKSTC ngày 30/3/2023 của VKSND tối cao và Kế hoạch số 155/KH-VKS ngày 26/4/2023 "
         "của VKSQS Trung ương.", None),
        # a procuracy's dated act, whatever its verb: an event reported, on its day
        ("VKSND khu vực 3 - Cần Thơ phối hợp với Đảng ủy xã Phong Điền, thành phố Cần Thơ gắn "
         "biển tuyên truyền\nNgày 01/12/2025, Đoàn VKSND khu vực 3 - "
         "Cần Thơ phối hợp cùng Đảng ủy xã Phong Điền lắp đặt biển tuyên truyền pháp luật.",
         "2025-12-01"),
        # in words as well: a span's first day, a decision signed before it, an anniversary's
        # years, a span in brackets (S031, G018, K007 so rewritten lost their dates:
        # https://vienkiemsattv.gov.vn/2014/12/01/vien-kiem-sat-tinh-kiem-tra-cong-tac-kiem-sat-nam-2014-doi-voi-vien-kiem-sat-cap-huyen/)
        ("VKSND tỉnh Trà Vinh kiểm tra công tác\nVào ngày 10/11/2014 Viện trưởng Viện kiểm sát "
         "nhân dân tỉnh Trà Vinh đã ra quyết định thành lập Đoàn kiểm tra. Từ ngày 17 đến ngày "
         "26/11/2014, Đoàn kiểm tra Viện kiểm sát tỉnh đã tiến hành kiểm tra công tác.",
         "2014-11-17"),
        ("VKSND TP Hà Nội kỷ niệm ngày thành lập ngành\nSáng 23/7, Viện kiểm sát nhân dân thành "
         "phố Hà Nội tổ chức lễ kỷ niệm 60 năm Ngày thành lập ngành Kiểm sát nhân dân (26/7/1960 "
         "- 26/7/2020).", "2020-07-23"),
        ("VKSND tỉnh Lai Châu dự giải bóng đá\nViện kiểm sát nhân dân tỉnh Lai Châu tổ chức giải "
         "bóng đá khối nội chính trong 02 ngày (01 và 02/4/2017).", "2017-04-01"),
    ],
)  # fmt: skip
def test_dates_written_with_dots_dashes_or_words_read_as_with_slashes(
    sep: str, raw: str, meeting: str | None
) -> None:
    year = " năm " if sep == " tháng " else sep  # "12 tháng 9 năm 2022"
    text = re.sub(r"(\d{1,2})/(\d{1,2})/(\d{4})", rf"\1{sep}\2{year}\3", raw)
    m = extract(parse_text(text, "x"))
    assert (m.meeting_date.isoformat() if m.meeting_date else None) == meeting


# a paper's tag opening a paragraph ("(PLVN) - ", "TPO - ", "(BVPL) -") is no part of its
# words (session 22: the tag put before the lead of the 481 development pages changed 30
# pages' facts: a launch's review of the past year and a dated act no longer read; set D's
# N037 opens "(BVPL) - Ngày 25/11/2021, Viện kiểm sát nhân dân tỉnh Phú Thọ tổ chức …":
# https://baovephapluat.vn/video/vksnd-tinh-phu-tho-trien-khai-quy-che-phoi-hop-giai-quyet-an-hanh-chinh-vu-viec-dan-su-11046.html/p/1)
@pytest.mark.parametrize("tag", ["", "(PLVN) - ", "TPO - ", "(BVPL) – ", "VOV.VN - "])
@pytest.mark.parametrize(
    ("title", "lead", "day", "types", "period"),
    [
        ("Nâng cao chất lượng công tác kiểm sát năm 2021",
         "Hội nghị triển khai công tác kiểm sát năm 2021\n{tag}Năm 2020, ngành Kiểm sát tỉnh "
         "Hưng Yên đã giải quyết 98% số vụ án, vượt 12 chỉ tiêu.", None,
         ["tổng kết", "triển khai"], ("năm", 2020)),
        ("VKSND khu vực 3 - Cần Thơ phối hợp với Đảng ủy xã Phong Điền, thành phố Cần Thơ gắn "
         "biển tuyên truyền", "{tag}Ngày 01/12/2025, Đoàn VKSND khu vực 3 - Cần Thơ phối hợp "
         "cùng Đảng ủy xã Phong Điền lắp đặt biển tuyên truyền pháp luật.", date(2025, 12, 1),
         ["tuyên truyền"], (None, None)),
    ],
)  # fmt: skip
def test_a_papers_tag_before_a_paragraph_changes_nothing(
    tag: str, title: str, lead: str, day: date | None, types: list[str], period: tuple
) -> None:
    m = extract(parse_text(f"{title}\n{lead.format(tag=tag)}", "x"))
    assert m.meeting_date == day
    assert sorted(m.meeting_types) == sorted(types)
    assert (m.period, m.period_year) == period


# a city written with an abbreviation's dot ("TP.HCM", "TP. Hồ Chí Minh") does not end the
# clause its unit acts in (session 22: S018's "Ngày 3-1, VKSND TPHCM tổ chức hội nghị triển
# khai công tác kiểm sát năm 2023" rewritten "TP.HCM" lost its year, and the training
# school's name "Trường đào tạo - bồi dưỡng" in S007's lead read as a training:
# https://vkscapcaohcm.gov.vn/tin-tuc/doan-vien-kiem-sat-nhan-dan-nuoc-cong-hoa-dan-chu-nhan-dan-lao-tham-va-lam-viec-tai-vien-kiem-sat-nhan-dan-cap-cao-tai-thanh-pho-ho-chi-minh-4350.html)
@pytest.mark.parametrize(
    "city", ["TPHCM", "TP.HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP HCM"]
)
def test_a_citys_abbreviation_ends_no_clause(city: str) -> None:
    launch = extract(parse_text(f"Viện kiểm sát {city} xây dựng đội ngũ liêm chính\nNgày 3-1, "
                                f"VKSND {city} tổ chức hội nghị triển khai công tác kiểm sát năm "
                                "2023.", "x"))  # fmt: skip
    assert (launch.meeting_date, launch.province) == (date(2023, 1, 3), "Hồ Chí Minh")
    visit = extract(parse_text(f"Đoàn Viện kiểm sát Lào thăm Viện KSND cấp cao tại {city}\nChiều "
                               f"17/10/2023, Viện KSND cấp cao tại {city} đón đoàn cán bộ Viện "
                               "kiểm sát Lào đang học tập tại Trường đào tạo - bồi dưỡng nghiệp vụ "
                               "kiểm sát đến thăm và trao đổi kinh nghiệm.", "x"))  # fmt: skip
    assert visit.meeting_types == ["khác"]


# a procuracy's supervision work dated in any opening: the unit's own act that day, "khác"
# (session 22: a table of 200 such leads in our own words, 10 acts × 5 openings × 4 units,
# found 48 unread when the day opened a span or list ("Trong hai ngày 12 và 13/9/2023") or
# followed a purpose in the same sentence ("Thực hiện Kế hoạch …, ngày 12/9/2023, …") and
# the verb was not "tổ chức" or "tiến hành"; the shape of set O's O312,
# https://vienkiemsat.cantho.gov.vn/Cong-bo-du-thao-ket-luan-kiem-sat-truc-tiep-Nha-tam-giu-Cong-an-quan-Ninh-Kieu)
@pytest.mark.parametrize(
    "opening",
    ["Ngày 12/9/2023, ", "Trong hai ngày 12 và 13/9/2023, ", "Từ ngày 12/9 đến 15/9/2023, ",
     "Thực hiện Kế hoạch công tác năm 2023, ngày 12/9/2023, ",
     "Thực hiện Quyết định số 15/QĐ-VKS ngày 01/9/2023 của Viện trưởng, trong 02 ngày (12 và "
     "13/9/2023), "],
)  # fmt: skip
@pytest.mark.parametrize(
    "act",
    ["tiến hành phúc tra việc thực hiện kiến nghị đối với Cơ quan Cảnh sát điều tra",
     "đã kiểm sát việc thi hành án tử hình đối với một phạm nhân",
     "đã cử Kiểm sát viên kiểm sát việc cưỡng chế thi hành án dân sự tại xã Sơn Kim",
     "phối hợp với Cơ quan điều tra kiểm sát việc giao nhận hồ sơ vụ án"],
)  # fmt: skip
def test_supervision_work_dated_in_any_opening(opening: str, act: str) -> None:
    m = extract(parse_text(f"VKSND huyện Hương Sơn kiểm sát thi hành án\n{opening}Viện kiểm sát "
                           f"nhân dân huyện Hương Sơn {act}.", "x"))  # fmt: skip
    assert (m.level, m.province) == ("huyện", "Hà Tĩnh")
    assert (m.meeting_date, m.meeting_types) == (date(2023, 9, 12), ["khác"])


# who acts in a dated lead: the unit, its staff, its youth union or its head (session 22: a
# table of 210 leads in our own words, 7 subjects × 6 acts × 5 openings, found 28 acts with
# no meeting word unread when the subject held a comma, "tập thể cán bộ, công chức VKSND …",
# "đồng chí …, Viện trưởng VKSND …", or the date came after "Vừa qua,"; set Q's Q121 opens
# "…; Vừa qua Chi đoàn Viện Kiểm sát nhân dân tỉnh Gia Lai phối hợp … tổ chức hoạt động tình
# nguyện": https://vksnd.gialai.gov.vn/tag/thông-tin/page-4)
@pytest.mark.parametrize(
    "subject",
    ["tập thể cán bộ, công chức Viện kiểm sát nhân dân huyện Kỳ Anh",
     "đồng chí Nguyễn Văn An, Viện trưởng Viện kiểm sát nhân dân huyện Kỳ Anh",
     "Chi đoàn Viện kiểm sát nhân dân huyện Kỳ Anh"],
)  # fmt: skip
@pytest.mark.parametrize("opening", ["Ngày 12/9/2023, ", "Vừa qua, ngày 12/9/2023, "])
def test_who_acts_in_a_dated_lead(subject: str, opening: str) -> None:
    m = extract(parse_text(f"Hoạt động của VKSND huyện Kỳ Anh\n{opening}{subject} cùng Tòa án "
                           "nhân dân huyện dọn dẹp vệ sinh môi trường.", "x"))  # fmt: skip
    assert (m.level, m.province, m.meeting_date) == ("huyện", "Hà Tĩnh", date(2023, 9, 12))
    assert m.meeting_types == ["khác"]


def test_the_founding_order_signed_is_no_dated_act() -> None:
    """The day the founding order was signed, written as a lede ("Ngày 26/7/1960, Bác Hồ ký
    lệnh công bố Luật tổ chức VKSND"), is history, not a unit's act (an anniversary page,
    set D's N035: https://media.qdnd.vn/tiep-lua-truyen-thong/ngay-26-7-1960-ngay-truyen-thong-nganh-kiem-sat-nhan-dan-55058)"""
    m = extract(parse_text("Ngày truyền thống ngành Kiểm sát\nNgày 26/7/1960, Bác Hồ ký lệnh "
                           "công bố Luật tổ chức Viện kiểm sát nhân dân.", "x"))  # fmt: skip
    assert (m.meeting_types, m.year) == ([], None)


# a step of a case reported as done is an event, "khác" (labellers of sets T and V read
# every such headline so; set T's T215 "Đề nghị truy tố …", set V's V124 "Bắt cựu Bí thư Tỉnh
# ủy …", V204 "Vụ án …: Truy tố 15 bị can", V215 "… Bồi thường cho bảy người bị oan", read
# after set V's one scoring: https://plo.vn/soc-trang-boi-thuong-cho-bay-nguoi-bi-oan-post317819.html);
# words that fold alike are not ("Bất ngờ", "Bất chấp"), nor "bắt đầu", "bị bắt nạt"
@pytest.mark.parametrize(
    ("title", "event"),
    [("Bắt nguyên Giám đốc Sở Xây dựng tỉnh", True), ("Vụ án đất đai: Truy tố 15 bị can", True),
     ("Vì sao Phó Chủ tịch huyện bị bắt?", True), ("Khởi tố nguyên Chủ tịch xã", True),
     ("Cà Mau: Bồi thường cho ba người bị oan", True), ("Hai người được xin lỗi sau 30 năm", True),
     ("Bất ngờ với kết quả kiểm sát năm nay", False), ("Bắt đầu một năm công tác mới", False),
     ("Học sinh bị bắt nạt: trách nhiệm của ai", False)],
)  # fmt: skip
def test_a_case_step_in_the_headline_is_an_event(title: str, event: bool) -> None:
    m = extract(parse_text(f"{title}\nTheo Viện kiểm sát nhân dân tỉnh Sóc Trăng, số vụ án "
                           "năm nay tăng so với cùng kỳ.", "x"))  # fmt: skip
    assert m.meeting_types == (["khác"] if event else [])


def test_the_same_day_is_the_day_last_named() -> None:
    """ "Cùng ngày, …" dates the act by the last full date before it, a cited decision's
    too, when no other date is the meeting's; supervising the destruction of exhibits is an
    event (set V's V109 and V111, read after its one scoring:
    https://vksquangtri.gov.vn/bai-viet/vien-kiem-sat-nhan-dan-huyen-huong-hoa-kiem-sat-viec-tieu-huy-vat-chung-tai-chi-cuc-thi-hanh-an-dan-su-huyen-huong-hoa-tinh-quang-tri-1875)"""
    title = "VKSND huyện Hướng Hóa kiểm sát việc tiêu hủy vật chứng"
    lead = ("Thực hiện Quyết định số 01/QĐ-CCTHADS ngày 20/12/2022 của Chi cục Thi hành án dân "
            "sự huyện về việc thành lập Hội đồng tiêu hủy vật chứng. Cùng ngày, tại Chi cục, "
            "Hội đồng tiến hành tiêu hủy vật chứng dưới sự kiểm sát của Viện kiểm sát nhân dân "
            "huyện Hướng Hóa.")  # fmt: skip
    assert extract(parse_text(f"{title}\n{lead}", "x")).meeting_date == date(2022, 12, 20)
    dated = extract(parse_text(f"{title}\nNgày 23/12/2022, Viện kiểm sát nhân dân huyện "
                               f"Hướng Hóa tổ chức hội nghị. {lead}", "x"))  # fmt: skip
    assert dated.meeting_date == date(2022, 12, 23)  # a meeting's own date comes first


def test_a_span_closed_to_its_last_day_gives_its_first_day_the_year() -> None:
    """ "từ ngày 14/3 đến hết ngày 15/3/2023": the span's year dates its first day, as
    "ngày 24/8 và 25/8/2023" does (a table of 11 leads with competing dates, session 21;
    the shape of set D's planned range, https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/khai-mac-hoi-nghi-vksnd-cac-tinh-co-chung-duong-bien-gioi-viet-lao-lan-thu-6-74174.html)"""
    m = extract(parse_text("VKSND tỉnh Thanh Hóa sơ kết công tác\nHội nghị sơ kết của Viện "
                           "kiểm sát nhân dân tỉnh Thanh Hóa diễn ra từ ngày 14/3 đến hết ngày "
                           "15/3/2023.", "x"))  # fmt: skip
    assert m.meeting_date == date(2023, 3, 14)


def test_a_procuracys_own_site_reports_its_units_dated_event() -> None:
    """On a procuracy's own site a unit goes by its own name ("Chi bộ Phòng 2", "Chi bộ
    Viện 4"), and a slogan stands as the title: the dated clause that says what was held is
    the report's event (set U's U216, after its one scoring:
    https://vkscapcaohcm.gov.vn/tin-tuc/chi-bo-vien-4-day-manh-cong-tac-tuyen-truyen-ve-truyen-thong-cach-mang-trong-cong-tac-xay-dung-dang-nham-nang-cao-nhan-thuc-ve-chinh-tri-vung-ve-tu-tuong-va-doan-ket-trong-moi-hoat-dong-chung-cua-don-vi-4607.html)"""
    raw = ("Chi bộ Phòng 2: “Học tập và làm theo gương Bác”\nNhằm nâng cao nhận thức chính trị "
           "của đảng viên, công tác tuyên giáo luôn được coi trọng. Ngày 15/9/2023, Chi bộ Phòng "
           "2 đã tổ chức chuyến về nguồn tại khu di tích lịch sử.")  # fmt: skip
    on_site = extract(parse_text(raw, "x", url="https://vksbinhdinh.gov.vn/tin/1.html"))
    elsewhere = extract(parse_text(raw, "x", url="https://baomoi.com/tin/1.html"))
    assert (on_site.meeting_date, on_site.meeting_types) == (date(2023, 9, 15), ["khác"])
    assert elsewhere.meeting_types == []


@pytest.mark.parametrize(
    ("lead", "year"),
    [("Chúng tôi dự phiên tòa giả định do Viện KSND tỉnh tổ chức hồi cuối tháng 6-2020 tại "
      "trường THPT.", 2020),
     ("Viện KSND tỉnh đã nhiều lần tổ chức phiên tòa giả định. Số vụ án tháng 6-2020 tăng.",
      None)],  # a month of a statistic, not of what was organised
)  # fmt: skip
def test_a_month_with_a_hyphen_after_what_was_organised_gives_the_year(lead, year) -> None:
    """ "… do Viện KSND tỉnh tổ chức hồi cuối tháng 6-2020": the year of what was held, when
    nothing else dates it (set I's I011,
    https://baonamdinh.vn/channel/5101/202008/tuyen-truyen-phap-luat-qua-phien-toa-gia-dinh-2539107);
    a bare "tháng 6-2020" elsewhere is a statistic's as often as not (three news pages)."""
    m = extract(parse_text(f"Tuyên truyền pháp luật qua phiên tòa giả định\n{lead}", "x"))
    assert m.year == year


@pytest.mark.parametrize(
    ("raw", "level"),
    [("Cán bộ hưu trí thăm gian trưng bày\nTại Triển lãm thành tựu, gian trưng bày của ngành "
      "Kiểm sát nhân dân đón nhiều đoàn cán bộ hưu trí về thăm trong ngày thứ ba.", "tối cao"),
     ("Ngày truyền thống ngành Kiểm sát nhân dân\nNgày 26-7-1960, Chủ tịch Hồ Chí Minh ký lệnh "
      "công bố Luật Tổ chức Viện Kiểm sát nhân dân, đánh dấu sự ra đời của ngành Kiểm sát nhân "
      "dân.", None)],  # the sector's history: no event, no unit
)  # fmt: skip
def test_the_sector_named_as_a_whole_holds_the_event_no_unit_holds(raw, level) -> None:
    """An event of "ngành Kiểm sát nhân dân" with no unit named is the sector's own (VKSND
    tối cao, as "trong toàn Ngành" is): set N's N036,
    https://lite.baomoi.com/cac-the-he-can-bo-nganh-kiem-sat-an-tuong-khong-gian-trung-bay-cua-nganh-c53127509.epi;
    a page on the sector's history reports no event and is no unit's (N035,
    https://media.qdnd.vn/tiep-lua-truyen-thong/ngay-26-7-1960-ngay-truyen-thong-nganh-kiem-sat-nhan-dan-55058)."""
    assert extract(parse_text(raw, "x")).level == level


def test_an_english_page_names_its_unit_and_shows_its_evidence() -> None:
    """``show --explain`` on a page in English: the unit named as the Vietnamese readers name
    it, the day's passage and the role each fact was read in; a Vietnamese page typed without
    marks is not read as English."""
    page = parse_text(
        "Quang Ninh procuracy hosts Cambodian delegation\n14/03/2023 09:10\nThe Quang Ninh "
        "provincial People's Procuracy hosted a working session with a delegation of the "
        "Cambodian Supreme People's Procuracy on March 13. The two sides, which share a "
        "border, agreed to exchange information regularly.",
        "en1",
    )
    meta = extract(page)
    assert (meta.unit, meta.level, meta.province) == ("VKSND tỉnh Quảng Ninh", "tỉnh", "Quảng Ninh")
    assert "on March 13" in meta.explain["meeting_date"].passage
    assert meta.explain["level"].role == meta.explain["unit"].role == "organiser, in English"
    unmarked = extract(parse_text(
        "Vien kiem sat tinh to chuc hoi nghi\n14/03/2023 09:10\nSang 13/3, Vien kiem sat nhan "
        "dan tinh Quang Ninh to chuc hoi nghi tong ket cong tac, co the noi la on dinh.", "vi1"
    ))  # fmt: skip
    assert not any(e.role.endswith("in English") for e in unmarked.explain.values())
