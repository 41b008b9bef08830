"""Issue 25 without a browser: the page's new parts as the server draws them."""

from __future__ import annotations

import itertools

import pytest

from web.facetview import display
from web.presenters import clean_author
from web.urlstate import UrlState


def test_api_page_sends_the_main_area_and_its_address(client) -> None:
    answer = client.get("/api/page?q=giao+ban&province=Thanh+H%C3%B3a&page=1").get_json()
    assert answer["url"] == "/search?q=giao+ban&province=Thanh+H%C3%B3a"
    assert answer["total"] >= 1 and "data-live-results" in answer["html"]
    assert "<html" not in answer["html"]  # the main area only
    assert answer["reading"]["changed"] is False


def test_suggestions_come_in_two_groups(client) -> None:
    answer = client.get("/api/suggest?q=thanh+h").get_json()
    assert answer["groups"]["words"][0] == "Thanh Hóa"
    titles = client.get("/api/suggest?q=giao+ban").get_json()["groups"]["titles"]
    assert titles and all(t["url"].startswith("/article/") for t in titles)


def test_timeline_and_map_are_links(client) -> None:
    page = client.get("/search").get_data(as_text=True)
    assert 'class="timeline-chart"' in page and "from=" in page
    assert page.count('class="tile') >= 2 * 63  # the sidebar's map and the drawer's
    assert 'aria-label="Thanh Hóa: ' in page
    page34 = client.get("/search?map=34").get_data(as_text=True)
    assert 'data-map="34"' in page34 and 'aria-current="true" title="34 tỉnh' in page34
    assert client.get("/search?map=50").status_code == 400


def test_year_facet_newest_first_with_bars(client) -> None:
    years = [v["value"] for v in client.get("/api/search").get_json()["facets"]["year"]]
    assert years == sorted(years, reverse=True)
    page = client.get("/search").get_data(as_text=True)
    assert page.count('<rect class="track"') >= len(years)


def test_dates_shown_day_first_and_chips_short(client) -> None:
    page = client.get("/search?from=2022-01-01&to=30/06/2022&province=Thanh+H%C3%B3a")
    html = page.get_data(as_text=True)
    assert 'value="01/01/2022"' in html and 'value="30/06/2022"' in html
    assert 'placeholder="dd/mm/yyyy"' in html and 'type="date"' not in html
    assert '<span class="chip-facet">Tỉnh/thành (trước 1/7/2025): </span>Thanh Hóa' in html
    assert 'aria-label="Bỏ lọc Tỉnh/thành (trước 1/7/2025): Thanh Hóa"' in html


def test_zero_results_have_no_sort_bar(client) -> None:
    html = client.get("/search?q=xyzzy+qqqq").get_data(as_text=True)
    assert "Không tìm thấy" in html and "Sắp xếp:" not in html
    assert "Sắp xếp:" in client.get("/search?q=giao+ban").get_data(as_text=True)


def test_feed_link_opens_a_subscribe_page(client) -> None:
    html = client.get("/search?q=giao+ban").get_data(as_text=True)
    assert 'href="/subscribe?q=giao+ban">Theo dõi (Atom)' in html
    page = client.get("/subscribe?q=giao+ban").get_data(as_text=True)
    assert "/feed.atom?q=giao+ban" in page and "trình đọc tin" in page


def test_display_of_values_and_authors() -> None:
    assert [display(t) for t in ("Đảng", "giao ban", "tổng kết")] == [
        "Đảng",
        "Giao ban",
        "Tổng kết",
    ]
    assert clean_author("Văn phòng tổng hợp_VKSND tỉnh Thái Bình") == (
        "Văn phòng tổng hợp – VKSND tỉnh Thái Bình"
    )
    assert clean_author("Tin và hình: Lê Vũ Phong.") == "Tin và hình: Lê Vũ Phong"


def test_strict_link_keeps_the_other_parameters() -> None:
    state = UrlState(q="x", filters={"year": ["2022"]}, map_mode="34")
    assert state.url() == "/search?q=x&year=2022&map=34"


def test_live_requests_leave_did_you_mean_for_later(client) -> None:
    live = client.get("/api/page?q=giao+bam&live=1").get_json()
    settled = client.get("/api/page?q=giao+bam").get_json()
    assert "Đang hiển thị kết quả cho" not in live["html"]  # "hà n" is no typo yet
    assert "Đang hiển thị kết quả cho" in settled["html"] and "giao ban" in settled["html"]
    assert "live=" not in live["url"]


def test_zero_results_draw_the_syntax_help_once(client) -> None:
    """The merged page drew "Cú pháp tìm kiếm" in the sidebar, in the drawer and in the
    zero-result box: on a desktop two were on screen at once."""
    html = client.get("/search?q=xyzzy+qqqq").get_data(as_text=True)
    assert html.count('<details class="syntax">') == 1
    assert html.count('<details class="syntax">') < client.get("/search?q=giao+ban").get_data(
        as_text=True
    ).count('<details class="syntax">')


def test_year_ticks_never_overlap() -> None:
    """Eight years of results: the year labels at the phone's font size (22 units, about
    14 units a digit) each need their own room on the axis, not "20172018…"."""
    from web.timeline import timeline_view

    months = {f"{y}-06": 3 for y in range(2017, 2025)} | {"2017-01": 1}
    t = timeline_view(months, 0, UrlState(q="giao ban"))
    assert t is not None and t.unit == "năm"
    xs = [k.x for k in t.ticks]
    assert len(xs) >= 3 and t.ticks[0].text == "2017"
    assert all(b - a >= 14 * 4 for a, b in itertools.pairwise(xs)), xs


@pytest.mark.parametrize(
    "months",
    [{f"{y}-06": 3 for y in range(1990, 2027)},  # a bar per year across the chart
     {f"{y}-{m:02d}": 1 for y in range(2020, 2026) for m in range(1, 13)},  # 72 months
     {"2025-11": 2, "2025-12": 5}],
)  # fmt: skip
def test_every_tick_ends_inside_the_chart(months: dict[str, int]) -> None:
    """The last bar's label sits at the chart's right edge: at the phone's font size it
    must end inside the chart, not be cut off (390 px screenshots, round 12)."""
    from web.timeline import CHAR, WIDTH, timeline_view

    t = timeline_view(months, 0, UrlState(q="giao ban"))
    assert t.ticks and all(k.x + CHAR * len(k.text) <= WIDTH for k in t.ticks)


def test_month_row_year_ticks_never_overlap() -> None:
    """December 2016 to March 2017: the first slot's year and January's year must not
    collide on the year row."""
    from web.timeline import timeline_view

    t = timeline_view({"2016-12": 2, "2017-01": 1, "2017-03": 4}, 0, UrlState())
    years = [k for k in t.ticks if len(k.text) == 4]
    assert [k.text for k in years] == ["2017"] or all(
        b.x - a.x >= 14 * 4 for a, b in itertools.pairwise(years)
    ), [(k.text, k.x) for k in years]


def test_sidebar_keeps_the_report_kinds_together() -> None:
    """Meeting type, report period and level describe the report; the chair (a person)
    comes after them, not between them."""
    from web.urlstate import FACET_ORDER

    order = list(FACET_ORDER)
    kinds = [order.index(n) for n in ("meeting_type", "period", "level")]
    assert max(kinds) - min(kinds) == 2
    assert order.index("chair") > max(kinds)


def test_month_row_names_january_not_the_crowded_first_slot() -> None:
    from web.timeline import timeline_view

    t = timeline_view({"2016-12": 2, "2017-03": 4}, 0, UrlState())
    assert [k.text for k in t.ticks if len(k.text) == 4] == ["2017"]
    t = timeline_view({"2016-06": 2, "2017-03": 4}, 0, UrlState())
    assert [k.text for k in t.ticks if len(k.text) == 4] == ["2016", "2017"]


def test_the_34_map_sits_in_the_box_of_its_provinces(client) -> None:
    """With the 34-province map, the box that carries it is headed "từ 1/7/2025" and
    lists those provinces (the merged page showed it under the 63-province heading,
    above the 63-province list), and it stays first in the sidebar."""
    import re

    html = client.get("/search?map=34").get_data(as_text=True)
    sidebar = html.split('<aside class="sidebar">', 1)[1].split("</aside>", 1)[0]
    boxes = re.findall(r'data-facet="(\w+)"', sidebar)
    assert boxes[0] == "province_2025" and "province" in boxes, boxes
    first = sidebar.split('data-facet="province_2025"', 1)[1].split("</section>", 1)[0]
    assert 'data-map="34"' in first and "Tỉnh/thành (từ 1/7/2025)" in first
    html63 = client.get("/search").get_data(as_text=True)
    assert re.findall(r'data-facet="(\w+)"', html63)[0] == "province"


def test_how_the_query_was_read_comes_before_the_timeline(client) -> None:
    """A forgiving query's "Đã tìm: …" explains every number below it, so it is read
    first (the merged page drew it under the timeline, a screen down on a phone)."""
    html = client.get("/search?q=t%E1%BB%89nh%3Athanh+h%C3%B3a+giao+ban").get_data(as_text=True)
    assert 'class="didyoumean reading"' in html and 'class="timeline"' in html
    assert html.index('class="didyoumean reading"') < html.index('class="timeline"')
