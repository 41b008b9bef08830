"""Issue 15 in a real browser: phone first, one truth per page, Vietnamese order,
date range, exports and feed, and axe-core accessibility on every kind of page."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import CHROMIUM, serve_in_thread

from searcher.index.operations import rebuild
from searcher.vi.collate import collation_key

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
PROVINCES = [
    "Thanh Hóa", "Thái Bình", "Đà Nẵng", "An Giang", "Bắc Ninh", "Nghệ An", "Hà Tĩnh",
    "Quảng Trị", "Yên Bái", "Cà Mau", "Lào Cai", "Ninh Bình",
]  # fmt: skip


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A server over twelve provinces, one report each (equal counts: ties to order)."""
    base = tmp_path_factory.mktemp("many")
    corpus, index = base / "corpus", base / "index"
    corpus.mkdir()
    for n, p in enumerate(PROVINCES, 1):
        (corpus / f"p{n:02d}.txt").write_text(
            f"Hội nghị giao ban của VKSND tỉnh {p}\n"
            f"Ngày {n}/3/2023, VKSND tỉnh {p} tổ chức Hội nghị giao ban công tác tháng {n}.\n",
            encoding="utf-8",
        )
    assert rebuild(corpus, index).indexed == len(PROVINCES)
    url, srv = serve_in_thread(index)
    yield url
    srv.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
    yield context.new_page()
    context.close()


def test_first_hit_is_above_the_fold_on_a_phone(phone, server) -> None:
    phone.goto(server + "/search?q=h%E1%BB%99i+ngh%E1%BB%8B")
    first = phone.locator(".hit h3").first.bounding_box()
    assert first["y"] + first["height"] < PHONE["height"], first
    assert not phone.locator(".sidebar").is_visible()  # the desktop sidebar is hidden


def test_filter_drawer_opens_and_closes_without_javascript(browser, server) -> None:
    for js in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=js)
        pg = context.new_page()
        pg.goto(server + "/search?province=Th%C3%A1i+B%C3%ACnh&year=2022")
        summary = pg.locator(".drawer > summary")
        assert summary.inner_text().startswith("Bộ lọc (2)")  # how many filters are active
        assert not pg.locator(".drawer .facet").first.is_visible()  # closed by default
        summary.click()
        assert pg.locator(".drawer .facet").first.is_visible()
        summary.click()
        assert not pg.locator(".drawer .facet").first.is_visible()
        context.close()


def test_pagination_keeps_the_limit(page, server) -> None:
    page.goto(server + "/search?q=&limit=3")
    page.locator(".pages a", has_text="Sau ›").click()
    page.wait_for_url("**page=2*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["limit"] == ["3"] and query["page"] == ["2"]
    assert page.locator(".hit").count() == 3
    assert "Không tìm thấy" not in page.content()


def test_a_page_past_the_end_says_so(page, server) -> None:
    page.goto(server + "/search?q=giao+ban&page=999")
    assert "Không tìm thấy" not in page.content()
    notice = page.locator(".past-end")
    assert "vượt quá số trang" in notice.inner_text()
    notice.locator("a").click()
    page.wait_for_selector(".hit")
    assert page.locator(".pages strong[aria-current=page]").count() in (0, 1)


def test_facet_ties_and_long_lists_in_vietnamese_order(page, many) -> None:
    page.goto(many + "/search")
    facet = page.locator(".sidebar [data-facet=province]")
    top = facet.locator("ul").first.locator(".name").all_inner_texts()
    assert top == sorted(top, key=collation_key) and top[:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]
    more = facet.locator("details.more .name").all_inner_texts()
    assert more == sorted(more, key=collation_key) and len(top) + len(more) == len(PROVINCES)


def test_province_filter_box_with_and_without_diacritics(page, many) -> None:
    page.goto(many + "/search")
    find = page.locator(".sidebar [data-facet=province] .facet-find")
    for typed in ("thanh hoa", "Thanh Hóa", "THANH HO"):
        find.fill(typed)
        shown = page.locator(".sidebar [data-facet=province] li:visible .name").all_inner_texts()
        assert shown == ["Thanh Hóa"], (typed, shown)
    find.fill("")
    assert page.locator(".sidebar [data-facet=province] li[data-key]:visible").count() >= 8


def test_date_range(page, many) -> None:
    page.goto(many + "/search?q=giao+ban")
    assert page.get_attribute("#d-from", "placeholder") == "dd/mm/yyyy"  # one date format
    page.fill("#d-from", "03/03/2023")
    page.fill("#d-to", "5/3/2023")
    page.locator(".sidebar form.dates button").click()
    page.wait_for_url("**to=5*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["giao ban"] and query["from"] == ["03/03/2023"]
    assert page.input_value("#d-to") == "05/03/2023"  # shown back day first
    data = page.request.get(many + "/api/search?" + urlsplit(page.url).query).json()
    days = sorted(h["meeting_date"] for h in data["hits"])
    assert days == ["2023-03-03", "2023-03-04", "2023-03-05"] and data["from"] == "2023-03-03"
    assert "Ngày họp: 03/03/2023 – 05/03/2023" in page.locator(".chips").inner_text()


def test_csv_export_holds_every_result(page, many) -> None:
    page.goto(many + "/search?q=giao+ban&limit=5")
    with page.expect_download() as download:
        page.locator(".downloads a", has_text="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    api = page.request.get(many + "/api/search?q=giao+ban&limit=100").json()
    assert len(rows) == api["total"] == len(PROVINCES)  # every result, not one page of 5
    assert [r["id"] for r in rows] == [h["id"] for h in api["hits"]]
    assert {"province", "meeting_date", "meeting_types", "url"} <= set(rows[0])
    jsonl = page.request.get(many + "/export.jsonl?q=giao+ban").text()
    assert [json.loads(line)["id"] for line in jsonl.splitlines()] == [r["id"] for r in rows]


def test_atom_feed_matches_the_search(page, many) -> None:
    feed = page.request.get(many + "/feed.atom?q=giao+ban&province=Ngh%E1%BB%87+An")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(feed.body())
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == [
        "Hội nghị giao ban của VKSND tỉnh Nghệ An"
    ]
    link = entries[0].find("a:link", ns).get("href")
    assert page.request.get(link).status == 200


AXE_PAGES = [
    "/search?q=giao+ban",
    "/search?q=xyzzy+khong+co",
    "/article/001_19c58e07ec207b15?q=giao+ban",
    "/search?year=abc",  # 400
    "/article/khong-co",  # 404
    "/search?q=giao+ban&map=34",  # the 34-province map
    "/search?q=t%E1%BB%89nh%3Ah%C3%A0+n%E1%BB%99i+%22giao",  # read forgivingly
    "/subscribe?q=giao+ban",
]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"]
)
@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_accessibility_violations(browser, server, path: str, viewport) -> None:
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="vi-VN")
    pg = context.new_page()
    pg.goto(server + path)
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    context.close()
    problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert problems == [], problems
