"""The crawler's parts without a network: addresses, the registry, feeds and sitemaps,
list pages, robots rules, the health table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from searcher.crawl.discover import NotXml, feed_links, list_page, sitemap_links
from searcher.crawl.fetch import Fetcher, FetchError, HostClock, Limits, Response, retry_after
from searcher.crawl.registry import RegistryError, parse_sources
from searcher.crawl.robots import Rules
from searcher.crawl.store import State
from searcher.crawl.urls import article_id, article_key, clean_url, follow_link, on_site

BASE = "https://vksnd.example/tin-tuc/"


# -- one article, one id ---------------------------------------------------------------
@pytest.mark.parametrize(
    "twin",
    [
        "http://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html",
        "https://www.vksnd.example/tin-tuc/hoi-nghi-giao-ban.html",
        "https://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html?utm_source=zalo&fbclid=x1",
        "https://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html#binh-luan",
        "https://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html?print=1",
        "https://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html/print",
        "https://VKSND.example:443/tin-tuc/hoi-nghi-giao-ban.html?view=print",
    ],
)
def test_the_same_article_under_other_addresses_has_one_id(twin):
    plain = "https://vksnd.example/tin-tuc/hoi-nghi-giao-ban.html"
    assert article_key(twin) == article_key(plain)
    assert article_id(twin) == article_id(plain)


def test_different_articles_keep_different_ids():
    a = article_id("https://vksnd.example/tin?id=7")
    assert a != article_id("https://vksnd.example/tin?id=8")
    assert a != article_id("https://vksnd.khac.example/tin?id=7")
    assert clean_url("https://vksnd.example/tin?view=list&id=7") == (
        "https://vksnd.example/tin?view=list&id=7"  # view=list is not a print view
    )


@pytest.mark.parametrize(
    "href",
    ["javascript:void(0)", "file:///etc/passwd", "mailto:vp@vksnd.example", "data:text/html,x",
     "ftp://vksnd.example/a", "http://[::1", "http://x:99999/", "  ", "a\nb", "x" * 3000],
)  # fmt: skip
def test_links_that_are_never_followed(href):
    assert follow_link(href, BASE) is None


def test_links_resolved_against_the_page():
    assert follow_link("../gioi-thieu/", BASE) == "https://vksnd.example/gioi-thieu/"
    assert follow_link("//cdn.example/a", BASE) == "https://cdn.example/a"
    assert not on_site("https://cdn.example/a", frozenset({"vksnd.example"}))
    assert on_site("https://www.vksnd.example/a", frozenset({"vksnd.example"}))


# -- the registry ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[site]]\nname = 'A'\nstart = ", "not valid TOML"),
        ("[[site]]\nstart = ['https://a.example/']", "'name' is required"),
        ("[[site]]\nname = 'A'", "give 'start', 'feeds' or 'sitemaps'"),
        ("[[site]]\nname = 'A'\nstart = ['https://a.example/']\nspeed = 9", "unknown field"),
        ("[[site]]\nname = 'A'\nstart = ['https://a.example/']\narticles = '('", "regular"),
        ("[[site]]\nname = 'A'\nstart = ['https://a.example/']\ndelay = -1", "'delay' must"),
        ("[[site]]\nname = 'A'\nfeeds = ['javascript:x']", "is not an http(s) address"),
        ("[[site]]\nname = 'A'\nstart = ['https://a.example/']\n[[site]]\nname = 'A'\n"
         "start = ['https://b.example/']", "two sites named 'A'"),
        ("title = 'x'", "no [[site]] entry"),
    ],
)  # fmt: skip
def test_registry_errors_name_the_problem(text, message):
    with pytest.raises(RegistryError, match=re.escape(message)):
        parse_sources(text)


def test_registry_entry_with_every_field():
    (site,) = parse_sources(
        "[[site]]\nname = 'VKSND tỉnh Ninh Bình'\nunit = 'Viện kiểm sát nhân dân tỉnh Ninh Bình'\n"
        "start = ['https://vksninhbinh.example/tin-tuc']\nfeeds = ['https://vksninhbinh.example/rss']\n"
        "sitemaps = ['https://static.vksninhbinh.example/sitemap.xml']\n"
        "hosts = ['www.vksninhbinh.example']\n"
        "articles = '/tin-tuc/[^/]+\\.html$'\npages = 'page=\\d+'\ndelay = 5\nmax_pages = 50\n"
    )  # fmt: skip
    assert site.hosts == frozenset({"vksninhbinh.example", "static.vksninhbinh.example"})
    assert (site.delay, site.max_pages, site.unit[:9]) == (5.0, 50, "Viện kiểm")
    assert site.articles.search("/tin-tuc/hoi-nghi.html")


def test_the_registry_in_the_readme_parses():
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    sites = parse_sources(block)
    assert [s.name for s in sites] == [
        "VKSND tỉnh Thái Bình", "VKSND cấp cao tại Đà Nẵng", "Tạp chí Kiểm sát"]  # fmt: skip
    assert sites[0].articles.search("https://vksthaibinh.gov.vn/Pages/hoi-nghi.aspx")
    assert sites[0].pages.search("https://vksthaibinh.gov.vn/Pages/tin-hoat-dong.aspx?Page=2")
    assert "static.kiemsat.vn" in sites[2].hosts


# -- feeds, sitemaps, list pages ---------------------------------------------------------
def test_rss_and_atom_feeds():
    rss = (
        b"<?xml version='1.0'?><rss><channel><item><title>Giao ban</title>"
        b"<link>https://vksnd.example/tin/1.html</link>"
        b"<pubDate>Tue, 05 Mar 2024 08:00:00 +0700</pubDate></item>"
        b"<item><link>javascript:alert(1)</link></item></channel></rss>"
    )
    (link,) = feed_links(rss, BASE)
    assert link.url == "https://vksnd.example/tin/1.html"
    assert link.modified.isoformat() == "2024-03-05T01:00:00+00:00"
    atom = (
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><link rel='alternate' href='/tin/2'/>"
        b"<updated>2024-03-06T10:00:00Z</updated></entry></feed>"
    )
    assert [x.url for x in feed_links(atom, BASE)] == ["https://vksnd.example/tin/2"]


def test_xml_with_entities_is_refused():
    laughs = b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>]><rss>&lol;</rss>"
    with pytest.raises(NotXml, match="document type declaration"):
        feed_links(laughs, BASE)
    with pytest.raises(NotXml, match="not well-formed"):
        sitemap_links(b"<urlset><url><loc>", BASE)


def test_sitemap_index_and_urls():
    index = (
        b"<sitemapindex><sitemap><loc>https://vksnd.example/s1.xml</loc></sitemap></sitemapindex>"
    )
    assert sitemap_links(index, BASE) == ([], ["https://vksnd.example/s1.xml"])
    urls = b"<urlset><url><loc>/tin/3</loc><lastmod>2024-01-02</lastmod></url></urlset>"
    (link,), nested = sitemap_links(urls, BASE)
    assert (link.url, link.modified.year, nested) == ("https://vksnd.example/tin/3", 2024, [])


def test_list_page_in_linear_time_on_hostile_markup():
    import time

    started = time.perf_counter()
    found = list_page("<a" * 500_000 + "<a href=" + "x" * 100_000, BASE)
    assert time.perf_counter() - started < 2.0 and found.articles == []


# -- politeness helpers ----------------------------------------------------------------
def test_retry_after_as_a_date():
    assert retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == 30.0
    assert retry_after(None) is None


def test_host_clock_waits_the_delay_between_two_requests():
    slept = []
    now = [100.0]
    clock = HostClock(clock=lambda: now[0], sleep=slept.append)
    clock.done("vksnd.example", 3.0)
    now[0] = 101.0
    clock.wait("vksnd.example", None)
    clock.wait("khac.example", None)
    assert slept == [2.0]


def test_robots_rules_for_this_crawler():
    rules = Rules.parse("User-agent: vksnd-searcher\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert not rules.allows("https://vksnd.example/tin")
    assert Rules(None, "robots.txt answered HTTP 503").allows("https://vksnd.example/") is False


def test_health_without_runs_and_with_one():
    with State(":memory:") as state:
        assert state.health() == []
        run = state.start_run("VKSND tỉnh A")
        state.fetched(run, "VKSND tỉnh A", "https://a.example/1", 200, 0.5, "ok")
        state.fetched(run, "VKSND tỉnh A", "https://a.example/2", 200, 1.5, "ok")
        state.count(run, "errors", "HTTP 404")
        (row,) = state.health()
    assert (row.errors, row.median_seconds, row.last_error) == (1, 1.0, "HTTP 404")


# -- retries, back-off, budget (a scripted server, a fake clock) ---------------------------
class Scripted(Fetcher):
    """A Fetcher whose requests get the next scripted answer; time only moves by sleeping."""

    def __init__(self, answers: list, **kw) -> None:
        self.now, self.slept, self.asked = 0.0, [], []
        clock = HostClock(clock=lambda: self.now, sleep=self._sleep)
        super().__init__(Limits(retries=3, backoff=2.0, max_wait=60.0), clock=clock, **kw)
        self.answers = answers

    def _sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds

    def _request(self, url: str, extra: dict) -> Response:
        self.asked.append((url, extra))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, headers = answer
        return Response(url, status, headers, b"<h1>Tin</h1>", 0.0)


def allowed(url: str) -> None:
    return None


def test_exponential_back_off_on_server_errors():
    f = Scripted([(503, {}), (500, {}), (502, {}), (200, {})])
    assert f.get("https://vksnd.example/tin", delay=1.0, allowed=allowed).status == 200
    assert f.slept == [2.0, 4.0, 8.0]  # doubled each time, never less than the delay


def test_retry_after_is_waited_and_a_long_one_left_for_the_next_run():
    f = Scripted([(429, {"retry-after": "7"}), (200, {})])
    f.get("https://vksnd.example/tin", delay=1.0, allowed=allowed)
    assert f.slept == [7.0]
    g = Scripted([(503, {"retry-after": "86400"})])
    with pytest.raises(FetchError, match="asks to wait 86400 s; left for the next run"):
        g.get("https://vksnd.example/tin", delay=1.0, allowed=allowed)
    assert g.slept == []


def test_network_errors_are_retried_then_reported():
    f = Scripted([FetchError("u", "network", "connection reset")] * 4)
    with pytest.raises(FetchError, match="reset"):
        f.get("https://vksnd.example/tin", delay=1.0, allowed=allowed)
    assert f.slept == [2.0, 4.0, 8.0]


def test_the_time_budget_stops_before_waiting_past_it():
    f = Scripted([(200, {}), (200, {})], deadline=5.0)
    f.get("https://vksnd.example/a", delay=10.0, allowed=allowed)
    with pytest.raises(FetchError) as caught:
        f.get("https://vksnd.example/b", delay=10.0, allowed=allowed)
    assert caught.value.kind == "budget" and len(f.asked) == 1


def test_conditional_headers_and_redirect_limits():
    f = Scripted([(304, {})])
    got = f.get("https://vksnd.example/a", delay=0.0, allowed=allowed, etag='"v1"',
                last_modified="Tue, 14 Nov 2023 22:13:20 GMT")  # fmt: skip
    assert got.status == 304
    assert f.asked[0][1] == {"If-None-Match": '"v1"', "If-Modified-Since":
                             "Tue, 14 Nov 2023 22:13:20 GMT"}  # fmt: skip
    hops = [(302, {"location": f"https://vksnd.example/{n}"}) for n in range(10)]
    with pytest.raises(FetchError, match="more than 5 redirects"):
        Scripted(hops).get("https://vksnd.example/start", delay=0.0, allowed=allowed)
    to_file = Scripted([(301, {"location": "file:///etc/passwd"})])
    with pytest.raises(FetchError, match="redirect to a non-web address"):
        to_file.get("https://vksnd.example/a", delay=0.0, allowed=allowed)


def test_a_page_that_stalls_is_a_limit_not_retried():
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted = []

    def serve() -> None:
        conn, _ = server.accept()
        accepted.append(conn)
        conn.recv(4096)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        conn.sendall(head + "<p>Bắt đầu".encode())

    threading.Thread(target=serve, daemon=True).start()
    fetcher = Fetcher(Limits(connect_seconds=0.2, read_seconds=5.0, retries=3))
    url = f"http://127.0.0.1:{server.getsockname()[1]}/tin"
    with pytest.raises(FetchError, match=r"page stalled \(nothing for 0.2 s\)") as caught:
        fetcher.get(url, delay=0.0, allowed=allowed)
    assert caught.value.kind == "limit" and len(accepted) == 1  # asked once, not retried
    accepted[0].close()
    server.close()
