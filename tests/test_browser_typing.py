"""Issue 25 in a real browser: results as you type, the completion combobox, the
timeline, the province tile map and its 63/34 toggle, a forgiving query, and the
page without JavaScript. Headless Chromium (Debian's), as ``test_browser.py``."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]


def total(page) -> int:
    return int(page.locator(".took").inner_text().split()[0].replace(".", ""))


def shown(page, typed: str) -> None:
    """Wait until the results of ``typed`` are painted in place."""
    page.wait_for_function("q => document.getElementById('main').dataset.shown === q", arg=typed)


@pytest.mark.parametrize("typed", ["viện kiểm sát thanh hóa", "vien kiem sat thanh hoa"])
def test_results_as_you_type_in_place(page, server, typed: str) -> None:
    page.goto(server + "/search?province=Thanh+H%C3%B3a")
    page.evaluate("() => { window.samePage = true; }")  # lost if the page were reloaded
    everything = total(page)
    page.locator("#q").press_sequentially(typed, delay=20)
    shown(page, typed)
    assert page.evaluate("() => window.samePage") is True
    query = parse_qs(urlsplit(page.url).query)  # the URL follows (history.replaceState)
    assert query == {"q": [typed], "province": ["Thanh Hóa"]}
    assert 0 < total(page) <= everything
    assert "Thanh Hóa" in page.locator(".hit").first.inner_text()
    assert page.locator(".hit mark").count() > 0
    # facet counts were replaced too: the province facet agrees with the total
    count = page.locator(".sidebar .facet[data-facet=province] a[aria-checked=true] .count")
    assert int(count.inner_text()) == total(page)
    assert page.evaluate("() => performance.getEntriesByName('type-to-paint').length") > 0


def test_completions_by_keyboard(page, server) -> None:
    page.goto(server + "/search")
    box = page.locator("#q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("thanh h", delay=30)
    page.wait_for_selector("#q-listbox [role=option]:has-text('Thanh Hóa')")
    assert box.get_attribute("aria-expanded") == "true"
    groups = page.locator("#q-listbox [role=group]")
    first_group = page.locator("#" + groups.first.get_attribute("aria-labelledby")).inner_text()
    assert first_group == "Từ và địa danh"  # words and places first, titles apart
    words = groups.first.locator("[role=option]").all_inner_texts()
    assert "Thanh Hóa" in words[0], words
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    assert box.input_value() == words[0]
    assert box.get_attribute("aria-expanded") == "false"
    shown(page, words[0])
    assert total(page) > 0
    box.press("Escape")  # nothing open: nothing happens


def test_title_completions_are_a_group_of_articles(page, server) -> None:
    page.goto(server + "/")
    page.locator("#q").press_sequentially("giao ban", delay=30)
    page.wait_for_selector("#q-listbox [role=option].opt-title")
    label = page.locator("#q-group-titles").inner_text()
    assert label == "Bài viết"
    page.locator("#q-listbox .opt-title").first.click()
    page.wait_for_selector("article h1")  # a title opens its article


def test_timeline_bar_narrows_the_dates(page, server) -> None:
    page.goto(server + "/search")
    everything = total(page)
    bars = page.locator(".sidebar ~ .results .timeline-chart a, .results .timeline-chart a")
    assert bars.count() > 0
    label = bars.first.get_attribute("aria-label")
    bars.first.click()
    page.wait_for_url("**to=*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["from"][0] < query["to"][0]
    assert 0 < total(page) < everything
    assert int(label.split(": ")[1].split()[0]) == total(page)  # the bar said how many


def test_map_tile_filters_and_toggle(page, server) -> None:
    page.goto(server + "/search")
    tiles = page.locator(".sidebar svg.map > a, .sidebar svg.map > g.tile")
    assert tiles.count() == 63
    page.locator(".sidebar svg.map a[aria-label^='Thanh Hóa']").click()
    page.wait_for_url("**province=*")
    assert parse_qs(urlsplit(page.url).query)["province"] == ["Thanh Hóa"]
    selected = page.locator(".sidebar svg.map a.on")
    assert selected.count() == 1 and "đang chọn" in selected.get_attribute("aria-label")
    page.locator(".sidebar .map-toggle a", has_text="34 tỉnh").click()
    page.wait_for_url("**map=34*")
    assert page.locator(".sidebar svg.map[data-map='34'] > .tile").count() == 34
    # keyboard: a tile is a link in the tab order
    tile = page.locator(".sidebar svg.map a").first
    tile.focus()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')")


def test_forgiving_query_says_how_it_was_read(page, server) -> None:
    page.goto(server + "/")
    page.fill("#q", 'tỉnh:thanh hóa "giao ban')
    page.press("#q", "Enter")
    page.wait_for_selector(".reading")
    reading = page.locator(".reading a")
    assert reading.inner_text() == 'tỉnh:"Thanh Hóa" "giao ban"'
    assert total(page) > 0
    reading.click()
    page.wait_for_selector(".hit")
    assert page.locator(".reading").count() == 0  # the strict form needs no reading


def test_the_page_works_without_javascript(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(server + "/")
    assert page.locator("#q").get_attribute("role") is None  # no half-made combobox
    page.fill("#q", "giao ban")
    page.press("#q", "Enter")
    page.wait_for_url("**q=giao+ban*")
    assert total(page) > 0
    page.locator(".sidebar svg.map a").first.click()  # the map's links are plain links
    page.wait_for_url("**province=*")
    page.locator(".results .timeline-chart a").first.click()
    page.wait_for_url("**from=*")
    assert total(page) > 0
    context.close()


def test_did_you_mean_once_typing_settles(page, server) -> None:
    page.goto(server + "/search")
    page.locator("#q").press_sequentially("giao bam", delay=20)
    shown(page, "giao bam")
    page.wait_for_selector(".didyoumean", timeout=5000)  # asked again after the pause
    assert "giao ban" in page.locator(".didyoumean").first.inner_text()
    assert "live" not in page.url


@pytest.mark.parametrize("width", [1280, 390])
def test_open_combobox_and_live_results_pass_axe(browser, server, width: int) -> None:
    from test_page import AXE

    context = browser.new_context(viewport={"width": width, "height": 844}, bypass_csp=True,
                                  locale="vi-VN")  # fmt: skip
    page = context.new_page()
    page.goto(server + "/search")
    page.locator("#q").press_sequentially("thanh h", delay=20)
    page.wait_for_selector("#q-listbox [role=option]:has-text('Thanh Hóa')")
    shown(page, "thanh h")
    page.locator("#q").press("ArrowDown")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def test_phone_filter_panel_stays_open_while_typing(browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/search")
    page.locator(".drawer > summary").click()
    page.locator("#q").press_sequentially("giao ban", delay=20)
    shown(page, "giao ban")
    assert page.evaluate("() => document.querySelector('.drawer').open") is True
    assert page.locator(".drawer svg.map").is_visible()
    context.close()
