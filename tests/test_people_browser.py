"""Issue 25 in a real browser: the people facet, the article's people, grouped cards
("N bài cùng hội nghị" opens to the other reports) and similar reports, with axe-core
at desktop and phone widths. The corpus (``fixtures/people``) was written for these
tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CHROMIUM, serve_in_thread

from searcher.index.operations import rebuild

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]
PEOPLE = Path(__file__).parent / "fixtures" / "people" / "people.jsonl"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
VIEWPORTS = [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("people-site")
    corpus, index = base / "corpus", base / "index"
    corpus.mkdir()
    shutil.copy(PEOPLE, corpus / PEOPLE.name)
    assert rebuild(corpus, index).indexed == 5
    url, srv = serve_in_thread(index)
    yield url
    srv.close()


def test_chair_facet_narrows_to_one_person(page, site) -> None:
    page.goto(site + "/search?q=giao+ban")
    box = page.locator(".sidebar .facet[data-facet=chair]")
    assert box.is_visible()
    box.locator("a.option", has_text="Lê Văn Hòa").click()
    page.wait_for_function("() => location.search.includes('chair=')")
    assert page.locator(".chip").count() == 1
    titles = page.locator(".hit h3").all_inner_texts()
    assert titles and all("Hà Nam" in t for t in titles), titles


def test_grouped_card_opens_to_the_other_report(page, site) -> None:
    page.goto(site + "/search?q=giao+ban+qu%C3%BD+I")
    group = page.locator(".hit details.group").first
    assert group.locator("summary").inner_text() == "1 bài cùng hội nghị"
    assert not group.locator("li a").is_visible()  # closed until asked
    group.locator("summary").click()
    link = group.locator("li a")
    assert link.is_visible() and "Hà Nam" in link.inner_text()
    assert "baophapluat.example.vn" in group.inner_text()
    link.click()
    page.wait_for_selector("article h1")
    assert "/article/hanam-site-b" in page.url


def test_article_people_and_similar_reports(page, site) -> None:
    page.goto(site + "/article/hanam-site-a")
    facts = page.locator(".facts").inner_text()
    assert "Người chủ trì" in facts and "Lê Văn Hoà" in facts
    people = page.locator("section.people")
    assert people.get_by_role("heading", name="Người tham dự").is_visible()
    assert "Trần Thị Bình, Phó Viện trưởng VKSND tỉnh Hà Nam" in people.inner_text()
    similar = page.locator("section.related", has_text="Báo cáo tương tự")
    assert "cùng đơn vị, cùng loại" in similar.locator("li").first.inner_text()
    people.get_by_role("link", name="Trần Thị Bình").click()  # everything naming her
    page.wait_for_selector(".hit")
    assert "người:" in page.locator("#q").input_value()
    assert page.locator(".hit").count() == 1  # one card: the meeting she attended


def test_article_facts_spelled_as_the_facets(page, site) -> None:
    """The sidebar says "Tỉnh" and "Quý I"; the article's facts said "tỉnh", "quý I 2024"."""
    page.goto(site + "/article/hanam-site-a")
    assert page.locator(".facts dt:text-is('Cấp') + dd").inner_text() == "Tỉnh"
    assert page.locator(".facts dt:text-is('Kỳ báo cáo') + dd").inner_text() == "Quý I 2024"


def test_article_fits_a_phone(browser, site) -> None:
    """The original's long address ("Bài gốc") wraps instead of widening the page past
    the phone's 390 px (the merged page measured 461 px)."""
    context = browser.new_context(viewport=VIEWPORTS[1], locale="vi-VN", is_mobile=True)
    pg = context.new_page()
    pg.goto(site + "/article/hanam-site-a")
    assert pg.locator("a.original").is_visible()
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= VIEWPORTS[1]["width"], width


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["/article/hanam-site-a", "/search?q=giao+ban"])
def test_no_accessibility_violations(browser, site, path: str, viewport) -> None:
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="vi-VN")
    pg = context.new_page()
    pg.goto(site + path)
    for summary in pg.locator("details.group summary").all():  # the group lists open too
        if summary.is_visible():
            summary.click()
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    context.close()
    problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert problems == [], problems
