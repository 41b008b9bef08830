"""Issue 15 without a browser: collation, links that keep every parameter, exports,
the feed, the date range, and the small things every page must get right."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from searcher.query.parse import QueryError, build_request
from searcher.results.export import to_csv
from searcher.vi.collate import collation_key, vietnamese_sorted
from web.presenters import UrlState


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["b", "â", "ă", "a"], ["a", "ă", "â", "b"]),
        (["đ", "e", "d", "ê"], ["d", "đ", "e", "ê"]),
        (["ơ", "ô", "o", "p"], ["o", "ô", "ơ", "p"]),
        (["ư", "v", "u"], ["u", "ư", "v"]),
        (["mạ", "má", "mã", "mả", "mà", "ma"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
        (["Thanh Hóa", "Thái Bình", "Đà Nẵng"], ["Đà Nẵng", "Thái Bình", "Thanh Hóa"]),
        (["Thanh Hoá", "thanh hóa", "Thanh Hóa"], ["Thanh Hoá", "Thanh Hóa", "thanh hóa"]),
        (["Ấp 10", "Ấp 2", "Ấp"], ["Ấp", "Ấp 10", "Ấp 2"]),
    ],
)  # fmt: skip
def test_vietnamese_collation_table(words: list[str], expected: list[str]) -> None:
    assert vietnamese_sorted(words) == expected
    assert collation_key("Hòa") == collation_key("Hòa")  # deterministic, cached


def test_every_link_keeps_every_parameter() -> None:
    state = UrlState(q="giao ban", filters={"province": ["Thái Bình"]}, sort="newest",
                     page=2, limit=3, date_from="2022-01-01", date_to="2022-12-31")  # fmt: skip
    for url in (state.with_page(3).url(), state.toggled("year", "2022").url()):
        query = dict(p.split("=") for p in url.split("?")[1].split("&"))
        assert {"q", "province", "sort", "limit", "from", "to"} <= set(query), url
    assert state.active_filters == 2  # one province + the date range


@pytest.mark.parametrize(
    ("frm", "to", "message"),
    [("2023-13-01", "", "from"), ("31/02/2023", "", "from"), ("", "x", "to"),
     ("2023-02-01", "2023-01-01", "trước ngày kết thúc")],
)  # fmt: skip
def test_bad_dates_are_query_errors(frm: str, to: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        build_request("", date_from=frm, date_to=to)


def test_date_range_filters_and_counts(client) -> None:
    everything = client.get("/api/search?q=").get_json()
    ranged = client.get("/api/search?q=&from=2022-01-01&to=2022-12-31").get_json()
    assert 0 < ranged["total"] < everything["total"]
    assert all("2022-01-01" <= (h["meeting_date"] or h["published"]) <= "2022-12-31"
               for h in ranged["hits"])  # fmt: skip
    assert sum(v["count"] for v in ranged["facets"]["level"]) == ranged["total"]
    assert client.get("/search?from=2022-99-01").status_code == 400


def test_page_past_the_end_agrees_with_itself(client) -> None:
    page = client.get("/search?q=giao+ban&page=999").get_data(as_text=True)
    assert "vượt quá số trang" in page and "Không tìm thấy" not in page
    assert "Về trang cuối" in page and '<a href="/search?q=giao+ban">' in page  # last page: 1


def test_facet_boxes_without_values_are_not_drawn(client) -> None:
    page = client.get("/search?q=xyzzyqwerty").get_data(as_text=True)
    assert 'data-facet="province"' not in page and "Không có" not in page
    assert "Cú pháp tìm kiếm" in page  # help where it is needed


def test_query_stays_in_the_header_box_everywhere(client) -> None:
    for url in ("/article/001_19c58e07ec207b15?q=giao+ban", "/search?q=giao+ban&year=abc",
                "/article/khong-co?q=giao+ban"):  # fmt: skip
        page = client.get(url).get_data(as_text=True)
        assert 'name="q" type="search" value="giao ban"' in page, url


def test_favicon(client) -> None:
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert client.get("/favicon.ico").status_code == 301
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)


def test_exports_stream_every_result(client) -> None:
    api = client.get("/api/search?q=&limit=100").get_json()
    with client.get("/export.csv?q=&limit=2") as r:
        assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["id"] for row in rows] == [h["id"] for h in api["hits"]]
    with client.get("/export.jsonl?q=&province=Thanh+H%C3%B3a") as r:
        ids = [json.loads(line)["id"] for line in r.get_data(as_text=True).splitlines()]
    assert ids and all(i in {h["id"] for h in api["hits"]} for i in ids)


def test_csv_cells_are_never_formulas() -> None:
    [_, line] = "".join(to_csv([{"id": "=HYPERLINK(1)", "title": "+1", "author": "@x"}])).split(
        "\n", 1
    )
    assert line.startswith("'=HYPERLINK(1),'+1,")


def test_feed_is_valid_atom_of_the_newest(client) -> None:
    with client.get("/feed.atom?q=&level=t%E1%BB%89nh") as r:
        root = ET.fromstring(r.get_data())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    updated = [e.find("a:updated", ns).text for e in root.findall("a:entry", ns)]
    assert updated and updated == sorted(updated, reverse=True)
    assert "Cấp: tỉnh" in root.find("a:title", ns).text


def test_cli_exports_and_dates(built) -> None:
    from click.testing import CliRunner

    from searcher.cli import cli

    run = CliRunner().invoke
    r = run(cli, ["--index", str(built[1]), "search", "--format", "csv", "--limit", "1"])
    assert r.exit_code == 0 and len(list(csv.reader(io.StringIO(r.output)))) == 10  # 9 + header
    r = run(cli, ["--index", str(built[1]), "search", "--from", "2022-01-01", "--json"])
    assert json.loads(r.output)["from"] == "2022-01-01"
    r = run(cli, ["--index", str(built[1]), "search", "giao", "--from", "2022-13-01", "--json"])
    assert r.exit_code == 2 and json.loads(r.stderr)["error"].startswith("not a date")
