"""``searcher crawl`` against local fixture sites (tests/crawl_sites.py): no internet.

One crawl of the three CMS-shaped sites (module fixture ``first``) then a second run
(``second``); each test reads what it needs from them. Hostile cases come first.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_server import build_sites
from crawl_sites import EXPECTED, GOV_TWIN, WP, hostile_registry, registry

from searcher.cli import cli
from searcher.crawl import archive
from searcher.crawl.commands import run, status_text
from searcher.crawl.fetch import Limits
from searcher.crawl.urls import article_id
from searcher.engine.engine import Engine
from searcher.index.operations import add
from searcher.query.parse import build_request

DELAY = 0.05
LIMITS = Limits(read_seconds=0.5, connect_seconds=2.0, retries=2, backoff=0.05, max_wait=2.0)


def crawl_once(sources: Path, corpus: Path, index: Path, **kw):
    return run([], sources, corpus, index, only=[], max_pages=kw.pop("max_pages", 500),
               max_seconds=60, delay=DELAY, limits=LIMITS, **kw)  # fmt: skip


@pytest.fixture(scope="module")
def sites():
    started = build_sites()
    yield started
    for s in started.values():
        s.server.shutdown()
        s.server.server_close()


@pytest.fixture(scope="module")
def first(sites, tmp_path_factory):
    base = tmp_path_factory.mktemp("crawl")
    sources = base / "sources.toml"
    sources.write_text(registry(sites), "utf-8")
    corpus, index = base / "corpus", base / "index"
    report = crawl_once(sources, corpus, index)
    counts = {n: len(s.hits) for n, s in sites.items()}
    return {"report": report, "sources": sources, "corpus": corpus, "index": index,
            "counts": counts}  # fmt: skip


@pytest.fixture(scope="module")
def second(sites, first):
    before = {n: len(s.hits) for n, s in sites.items()}
    report = crawl_once(first["sources"], first["corpus"], first["index"])
    new_hits = {n: s.hits[before[n] :] for n, s in sites.items()}
    return {"report": report, "hits": new_hits}


def expected_id(sites, e) -> str:
    return article_id(sites[e.site].base + e.path)


def messages(report) -> str:
    return "\n".join(report.messages)


# -- hostile cases --------------------------------------------------------------------
def test_hostile_pages_end_with_a_clear_message(first):
    said = messages(first["report"])
    assert "/Pages/da-xoa.aspx: HTTP 404" in said
    assert "/trang-rat-lon/: page larger than 5 MB" in said
    assert "/bom-nen/: page unpacks to more than 5 MB" in said
    assert "/khong-bao-gio-het/: page not finished after 0.5 s" in said
    assert "/vong-a/: redirect loop" in said
    assert "/Pages/chuyen-di.aspx: leaves the site" in said


def test_nothing_lost_to_the_hostile_pages(sites, first):
    engine = Engine(first["index"])
    missing = [e.path for e in EXPECTED if engine.article(expected_id(sites, e)) is None]
    assert missing == []


def test_links_off_the_site_and_non_web_links_are_never_requested(sites, first):
    assert sites["gov"].count("/tin-tuc/ngoai-trang.html") == 0  # linked and redirected to
    paths = [h.path for s in sites.values() for h in s.hits]
    assert not [p for p in paths if "passwd" in p or "javascript" in p or "mailto" in p]


def test_robots_rules_obeyed(sites, first):
    assert sites["sp"].count("/Pages/noi-bo.aspx") == 0
    assert "/Pages/noi-bo.aspx: disallowed by robots.txt" in messages(first["report"])
    assert sites["sp"].count("/robots.txt") == 1  # read once per run


def test_endless_list_pages_and_a_robots_txt_that_disallows_all(sites, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(hostile_registry(sites), "utf-8")
    report = crawl_once(sources, tmp_path / "corpus", tmp_path / "index")
    said = messages(report)
    assert "Danh sách vô tận: stopped after 4 list pages" in said
    assert sites["endless"].count() <= 1 + 4 + 8  # robots, 4 list pages, their 8 articles
    assert len(report.new) == 8
    assert [h.path for h in sites["closed"].hits] == ["/robots.txt"]
    assert "/tin-tuc: disallowed by robots.txt" in said


def test_the_page_budget_stops_the_run(sites, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(registry(sites), "utf-8")
    report = crawl_once(sources, tmp_path / "corpus", tmp_path / "index", max_pages=3)
    assert "the run's page budget is spent" in messages(report)
    assert len(report.new) <= 3
    sources.write_text(registry(sites).replace('name = "Báo', 'max_pages = 2\nname = "Báo'))
    report = run([], sources, tmp_path / "c2", tmp_path / "i2", only=["Báo Kiểm sát (thử)"],
                 max_pages=500, max_seconds=60, delay=DELAY, limits=LIMITS)  # fmt: skip
    assert messages(report) == "Báo Kiểm sát (thử): the site's page budget is spent"
    assert len(report.new) == 1  # the sitemap, then one article


# -- the crawl itself -----------------------------------------------------------------
def test_every_article_indexed_exactly_once(sites, first):
    engine = Engine(first["index"])
    everything = engine.search(build_request("", limit="50"))
    ids = sorted(h.id for h in everything.hits)
    assert ids == sorted(expected_id(sites, e) for e in EXPECTED)  # no print view, no twin
    assert sorted(first["report"].new) == ids
    twin = article_id(sites["gov"].base + GOV_TWIN)  # a print view nothing marks: add's twin
    assert [d.split(".html")[0] for d in first["report"].index.duplicates] == [twin]


def test_title_body_and_stamp_right_on_every_page(sites, first):
    engine = Engine(first["index"])
    for e in EXPECTED:
        article = engine.article(expected_id(sites, e))
        assert (article.title, article.published) == (e.title, e.published), e.path
        assert e.sentence in article.body, e.path
        assert "Page Content" not in article.body and "Xem với cỡ chữ" not in article.body


def test_canonical_address_and_tracking_parameters(sites, first):
    engine = Engine(first["index"])
    linked = engine.article(article_id(sites["gov"].base + "/tin-tuc/id-7.html"))
    assert linked.url == sites["gov"].base + "/tin-tuc/id-7.html"
    assert sites["gov"].count("/index.php?option=bai-viet&id=7") == 1  # fetched without utm/fbclid
    moved = engine.article(article_id(sites["sp"].base + "/Pages/bai-moi.aspx"))
    assert moved.url == sites["sp"].base + "/Pages/bai-moi.aspx"  # where the redirect led


def test_windows_1258_page_declared_in_a_meta_tag(sites, first):
    article = Engine(first["index"]).article(article_id(sites["gov"].base + "/tin-tuc/id-9.html"))
    assert article.title == "Tọa đàm về kiểm sát việc tạm giữ, tạm giam"


def test_429_retry_after_is_honoured(sites, first):
    hits = [h for h in sites["sp"].hits if h.path == "/Pages/cho-doi.aspx"]
    assert [h.status for h in hits[:2]] == [429, 200]
    assert hits[1].at - hits[0].end >= 1.0


def test_politeness_one_request_at_a_time_and_the_delay_between(sites, first):
    for site in sites.values():
        hits = sorted(site.hits, key=lambda h: h.at)
        delay = 0.2 if site.name == "gov" else DELAY  # gov's robots.txt asks Crawl-delay: 0.2
        for a, b in itertools.pairwise(hits):
            assert b.at - a.at >= delay, (site.name, a.path, b.path)
            if a.status != 499:  # the server learns late that a client hung up (a limit)
                assert b.at >= a.end, (site.name, a.path, b.path)  # never two at once


def test_user_agent_names_the_project(sites, first):
    from searcher.crawl.fetch import USER_AGENT

    assert "vksnd-searcher" in USER_AGENT


def test_crawl_gives_what_add_gives_for_the_same_saved_pages(sites, first, tmp_path):
    saved = tmp_path / "saved"
    saved.mkdir()
    for e in EXPECTED:
        path = "/Pages/bai-moi.aspx" if e.path.endswith("bai-cu.aspx") else e.path
        (saved / f"{expected_id(sites, e)}.html").write_bytes(sites[e.site].pages[path][0])
    report = add([saved], tmp_path / "corpus", tmp_path / "index")
    assert report.indexed == len(EXPECTED) and not report.skipped
    crawled, added = Engine(first["index"]), Engine(tmp_path / "index")
    for e in EXPECTED:
        a = crawled.article(expected_id(sites, e)).to_json()
        b = added.article(expected_id(sites, e)).to_json()
        for view in (a, b):
            view.pop("url")  # the saved page keeps the address only if it declares one
            view.pop("score", None)
            for neighbours in ("similar", "group"):  # the other articles of each index
                view.pop(neighbours, None)
        assert a == b, e.path


def test_stored_copy_on_the_article_page_served_as_plain_text(sites, first):
    from web import create_app

    app = create_app({"INDEX_DIR": str(first["index"]), "CORPUS_DIR": str(first["corpus"])})
    client = app.test_client()
    ident = expected_id(sites, EXPECTED[0])
    page = client.get(f"/article/{ident}").get_data(as_text=True)
    assert f'href="/ban-luu/{ident}">Bản lưu ngày ' in page
    copy = client.get(f"/ban-luu/{ident}")
    assert copy.status_code == 200 and copy.mimetype == "text/plain"
    assert copy.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in copy.headers["Content-Security-Policy"]
    text = copy.get_data(as_text=True)
    assert "<script>document.title" in text  # shown as text, never run
    assert text.startswith(f"Bản lưu của {sites['sp'].base}{EXPECTED[0].path}, tải về lúc 20")
    for missing in ("001_19c58e07ec207b15", "../../etc/passwd", "x" * 300):
        assert client.get(f"/ban-luu/{missing}").status_code == 404


def test_status_table_per_site(first):
    table = status_text(first["corpus"])
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["site", "last", "success"]
    assert any(line.startswith("Báo Kiểm sát (thử)") for line in lines)
    rows = {r["site"]: r for r in json.loads(status_text(first["corpus"], as_json=True))}
    assert rows["VKSND tỉnh Hà Nam (thử)"]["robots"] >= 1
    assert rows["Cổng VKSND tỉnh Quảng Trị (thử)"]["articles"] == 4
    assert rows["Báo Kiểm sát (thử)"]["median_seconds"] is not None


def test_second_run_fetches_nothing_unchanged(second):
    report = second["report"]
    assert (report.new, report.changed) == ([], [])
    bodies = [(n, h.path) for n, hits in second["hits"].items() for h in hits if h.status == 200]
    assert [b for b in bodies if not b[1].endswith("robots.txt")] == [], second["hits"]
    conditional = [h for hits in second["hits"].values() for h in hits if h.status == 304]
    assert conditional and all(h.conditional for h in conditional)


def test_a_changed_page_reindexes_only_that_article(sites, first, second):
    wp = sites["wp"]
    path = "/2024/05/hoi-nghi-tong-ket-thi-dua/"
    wp.put(path, WP[path].replace("ký giao ước thi đua", "ký giao ước thi đua và trao cờ"))
    sitemap = wp.pages["/sitemap.xml"][0].decode()
    entry = f"<loc>{wp.base}{path}</loc><lastmod>2024-06-12</lastmod>"
    wp.put("/sitemap.xml", sitemap.replace(entry, entry.replace("2024-06-12", "2099-01-01")),
           "application/xml")  # fmt: skip
    before = len(wp.hits)
    report = crawl_once(first["sources"], first["corpus"], first["index"])
    changed_id = article_id(wp.base + path)
    assert (report.new, report.changed) == ([], [changed_id])
    assert (report.index.replaced, len(report.index.copied)) == (1, 1)
    assert "trao cờ" in Engine(first["index"]).article(changed_id).body
    fetched = [h.path for h in wp.hits[before:] if h.status == 200]
    assert sorted(fetched) == [path, "/robots.txt", "/sitemap.xml"]  # robots.txt: once a run


def test_raw_copy_kept_beside_the_article(sites, first):
    e = EXPECTED[6]  # the Windows-1258 page: kept as its bytes, not re-encoded
    copy = archive.stored(archive.crawl_home(first["corpus"]), expected_id(sites, e))
    assert copy.raw == sites["gov"].pages[e.path][0]
    assert copy.url == sites["gov"].base + e.path and copy.fetched_at[:2] == "20"


def test_single_url_from_the_command_line(sites, tmp_path):
    url = sites["wp"].base + "/2024/06/tuyen-truyen-phap-luat/?utm_campaign=x"
    args = ["--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i"), "crawl", url,
            "--delay", "0.05", "--sources", str(tmp_path / "none.toml")]  # fmt: skip
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "crawl: 1 new, 0 changed articles, 0 problems" in result.output
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "crawl: 0 new, 0 changed articles, 0 problems" in again.output
    status = CliRunner().invoke(cli, ["--corpus", str(tmp_path / "c"), "crawl", "--status"])
    assert "127.0.0.1" in status.output


def test_command_line_errors(tmp_path):
    base = ["--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i"), "crawl"]
    missing = CliRunner().invoke(cli, [*base, "--sources", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2 and "no source registry" in missing.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[[site]]\nname = 'A'\nstart = ['file:///etc']\n", "utf-8")
    broken = CliRunner().invoke(cli, [*base, "--sources", str(bad)])
    assert broken.exit_code == 2 and "is not an http(s) address" in broken.output
    js = CliRunner().invoke(cli, [*base, "javascript:alert(1)"])
    assert js.exit_code == 2 and "not an http(s) address" in js.output
