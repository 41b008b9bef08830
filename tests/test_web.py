"""The Flask app through app.test_client(): every route, parameter and error."""

import pytest

from web import create_app

XSS = "<script>alert(1)</script>"


def test_home_browses_everything(client) -> None:
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert '<html lang="vi">' in html and "9 kết quả (" in html and "giây)" in html
    assert "autofocus" in html and 'name="q"' in html
    assert "Tỉnh/thành (trước 1/7/2025)" in html and "Loại hội nghị" in html and "Mới nhất" in html


def test_search_page_state_in_url(client) -> None:
    r = client.get("/search?q=vien+kiem+sat&province=Th%C3%A1i+B%C3%ACnh&province=Thanh+H%C3%B3a")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'value="vien kiem sat"' in html
    assert "<mark>" in html  # unaccented query, highlighted original text
    assert 'aria-checked="true"' in html
    assert "Xóa bộ lọc" in html and "Bỏ lọc Tỉnh/thành (trước 1/7/2025): Thái Bình" in html
    assert "Bạn có muốn tìm:" not in html  # it finds its articles: no accent guess
    html = client.get("/search?q=giao+bam+zzqq").get_data(as_text=True)
    assert "Bạn có muốn tìm:" not in html and "Không tìm thấy kết quả" in html
    assert "Các bài gần nhất" in html and "Thiếu: <s>bam</s>, <s>zzqq</s>" in html
    html = client.get("/search?q=giao+bam").get_data(as_text=True)
    assert "Đang hiển thị kết quả cho: <strong>giao ban</strong>" in html
    assert 'href="/search?q=giao+bam&amp;exact=1"' in html
    # the correction's few results leave room: the articles holding "giao" as typed
    assert "Các bài có từ như đã gõ “giao bam”:" in html and "Thiếu: <s>bam</s>" in html
    html = client.get("/search?q=giao+bam&exact=1").get_data(as_text=True)
    assert "Không tìm thấy kết quả" in html and "Bạn có muốn tìm:" in html


def test_results_that_do_not_fill_the_page_are_followed_by_partial_matches(client) -> None:
    html = client.get("/search?q=h%E1%BB%99i+ngh%E1%BB%8B+thanh+h%C3%B3a").get_data(as_text=True)
    assert "1 kết quả" in html and "Không tìm thấy kết quả" not in html
    partial = html.index("Các bài chứa một phần các từ:")
    assert html.index('class="hits"') < partial  # after the result, not in its place
    assert "Thiếu: <s>thanh hóa</s>" in html[partial:] and "Các bài gần nhất" not in html
    data = client.get("/api/search?q=h%E1%BB%99i+ngh%E1%BB%8B+thanh+h%C3%B3a").get_json()
    assert data["total"] == 1 and data["closest"][0]["missing"] == ["thanh hóa"]


def test_facet_links_toggle(client) -> None:
    html = client.get("/search?province=Th%C3%A1i+B%C3%ACnh").get_data(as_text=True)
    # the selected value's link removes it; another value's link adds it
    assert 'href="/search"' in html or 'href="/search?' in html
    assert "province=Th%C3%A1i+B%C3%ACnh&amp;province=" in html


def test_sort_and_pagination_links(client) -> None:
    html = client.get("/search?limit=2").get_data(as_text=True)
    assert 'aria-label="Trang kết quả"' in html and "page=2" in html
    html = client.get("/search?sort=oldest&page=2&limit=2").get_data(as_text=True)
    assert '<strong aria-current="page">2</strong>' in html


def test_zero_results_state(client) -> None:
    html = client.get("/search?q=zzqqxx").get_data(as_text=True)
    assert "Không tìm thấy kết quả" in html and "gõ không dấu" in html


@pytest.mark.parametrize(
    "url",
    [
        "/search?page=-1",
        "/search?page=abc",
        "/search?year=abc",
        "/search?q=" + "x" * 5001,
        "/search?province=Atlantis",
        "/search?type=unknown",
        "/search?level=x",
        "/search?sort=random",
        "/search?limit=0",
        "/search?foo=bar",
        "/api/search?page=0",
        "/api/suggest?q=" + "x" * 300,
    ],
)
def test_bad_parameters_are_400_in_vietnamese(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    body = r.get_data(as_text=True)
    assert "Traceback" not in body
    if url.startswith("/api/"):
        assert r.json["status"] == 400 and r.json["error"]
    else:
        assert "Yêu cầu không hợp lệ" in body


def test_article_page_and_way_back(client) -> None:
    html = client.get("/search?q=c%E1%BA%A5p+cao").get_data(as_text=True)
    assert "/article/003_887b564324172e28?q=c%E1%BA%A5p+cao&amp;back=" in html
    r = client.get(
        "/article/003_887b564324172e28?q=c%E1%BA%A5p+cao&back=/search?q%3Dc%E1%BA%A5p+cao"
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    for text in (
        "VKSND cấp cao tại Đà Nẵng",
        "Đà Nẵng",
        "2022-01-04",
        "2022-01-12",
        "triển khai",
        "Tin và hình: Lê Vũ Phong",
        "Tỉnh/thành (từ 1/7/2025)",  # the facet's own label
    ):
        assert text in page
    assert "<mark>cấp</mark> <mark>cao</mark>" in page
    assert 'href="/search?q=c%E1%BA%A5p+cao"' in page


def test_back_link_cannot_leave_the_site(client) -> None:
    page = client.get("/article/003_887b564324172e28?back=https://evil.example/").get_data(
        as_text=True
    )
    assert "evil.example" not in page and 'href="/search"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/article/nope",
        "/article/..%2F..%2Fetc%2Fpasswd",
        "/article/a%20b",
        "/api/article/nope",
        "/nothing-here",
    ],
)
def test_unknown_is_404(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404 and "Traceback" not in r.get_data(as_text=True)


def test_json_twins(client) -> None:
    data = client.get("/api/search?q=giao+ban&year=2022").json
    assert data["total"] >= 1 and set(data) >= {"hits", "facets", "took_ms", "suggestion"}
    article = client.get("/api/article/001_19c58e07ec207b15").json
    assert article["province"] == "Thanh Hóa" and article["body"]
    assert (article["period"], article["period_year"]) == ("9 tháng", 2022)
    by_period = client.get("/api/search?period=9+th%C3%A1ng").json
    assert [h["id"] for h in by_period["hits"]] == ["001_19c58e07ec207b15"]
    page = client.get("/search?q=giao+ban").get_data(as_text=True)
    assert "Kỳ báo cáo" in page  # the facet box, with its Vietnamese label
    suggest = client.get("/api/suggest?q=giao").json
    assert any("giao" in s.lower() for s in suggest["suggestions"])
    assert client.get("/api/suggest?q=thanh+hoa").json["suggestions"]  # no diacritics typed
    assert client.get("/healthz").json == {"status": "ok", "articles": 9}


def test_escaping_of_query_and_article_text(client) -> None:
    html = client.get("/search?q=" + XSS).get_data(as_text=True)
    assert XSS not in html and "&lt;script&gt;" in html
    page = client.get("/article/x03_html_text").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>tập huấn</i>" not in page


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=a",
        "/article/x03_html_text",
        "/api/search",
        "/healthz",
        "/article/nope",
        "/search?page=-1",
    ],
)
def test_security_headers_everywhere(client, url: str) -> None:
    r = client.get(url)
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"]


def test_no_inline_script_and_local_assets(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "onclick" not in html and "style=" not in html
    assert "http://" not in html and "https://" not in html
    for asset in ("/static/style.css", "/static/app.js"):
        with client.get(asset) as r:
            assert r.status_code == 200


def test_read_only(client) -> None:
    assert client.post("/search", data={"q": "x"}).status_code == 405
    assert client.delete("/article/001_19c58e07ec207b15").status_code == 405
    assert client.post("/api/search", data="x" * 100_000).status_code in (405, 413)


def test_missing_index_is_a_503_not_zero_results(tmp_path) -> None:
    """A mistyped index path must not look like "no results" (issue 12, item 15)."""
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")}).test_client()
    r = client.get("/search?q=giao+ban")
    page = r.get_data(as_text=True)
    assert r.status_code == 503 and "Chưa có chỉ mục" in page and "kết quả" not in page
    assert r.headers["Retry-After"] and r.headers["Content-Security-Policy"]
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["status"] == 503
    with client.get("/static/style.css") as css:  # the 503 page keeps its style
        assert css.status_code == 200


def test_405_says_which_methods_are_allowed(client) -> None:
    r = client.post("/search")
    assert r.status_code == 405 and r.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert r.headers["X-Frame-Options"] == "DENY"


def test_over_long_url_is_a_414(client) -> None:
    r = client.get("/search?q=" + "x" * 300_000)
    assert r.status_code == 414 and "Địa chỉ quá dài" in r.get_data(as_text=True)
    assert r.headers["Content-Security-Policy"]


def test_the_atom_feed_is_valid_xml_whatever_the_title(tmp_path) -> None:
    """A title holding a control character (U+0001) still makes a feed XML can read."""
    import xml.etree.ElementTree as ET

    from searcher.index.operations import rebuild
    from web import create_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        '{"id": "x1", "title": "Giao ban \\u0001 quý I", "body": "VKSND tỉnh Nghệ An họp."}\n',
        encoding="utf-8",
    )
    rebuild(corpus, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    feed = ET.fromstring(client.get("/feed.atom?q=giao+ban").get_data())
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert len(titles) == 2 and titles[1].startswith("Giao ban")
