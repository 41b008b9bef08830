"""One site's share of a run: discover article links (feeds, then sitemaps, then list
pages), then fetch the new and changed articles, politely and within the budget.

Discovery of a list stops after ``known_stop`` already-known articles (the rest was
seen on an earlier run), after ``max_list_pages`` pages, or at a page already seen;
a feed, sitemap or list page that has not changed (HTTP 304) gives nothing new.
Every fetch, error and robots block is written to the state (the health table).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from searcher.crawl.discover import Link, NotXml, feed_links, list_page, sitemap_links
from searcher.crawl.extract import DecodeError, Page, decode_page
from searcher.crawl.fetch import Fetcher, FetchError, Response
from searcher.crawl.registry import Site
from searcher.crawl.robots import MAX_CRAWL_DELAY, Robots
from searcher.crawl.store import State
from searcher.crawl.urls import article_id, clean_url, on_site

MAX_SITEMAPS = 20  # sitemap files read per site and run (an index and its children)
# failures that the next run would meet again: remembered, asked again only when a feed
# or sitemap says the page changed (or with --recheck); network errors and 429/5xx are not
PERMANENT = {"limit", "redirect", "offsite"}


class Budget:
    """Requests left in this run, shared by every site.

    >>> budget = Budget(1)
    >>> budget.take(), budget.take()
    (True, False)
    """

    def __init__(self, pages: int) -> None:
        self.left, self.lock = pages, threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


@dataclass
class Fetched:
    """An article page to index: the page read, its raw bytes, what to remember."""

    page: Page
    raw: bytes
    response: Response
    site: Site
    url: str
    changed: bool


@dataclass
class SiteResult:
    site: str
    run: int
    articles: list[Fetched] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


class SiteCrawl:
    def __init__(
        self,
        site: Site,
        fetcher: Fetcher,
        robots: Robots,
        state: State,
        budget: Budget,
        *,
        recheck: bool = False,
    ) -> None:
        self.site, self.fetcher, self.robots, self.state = site, fetcher, robots, state
        self.budget, self.recheck = budget, recheck
        self.run = state.start_run(site.name)
        self.result = SiteResult(site.name, self.run)
        self.out_of_budget = False
        self.requests = 0  # this site's requests in this run (max_pages)

    # -- fetching ------------------------------------------------------------------
    def _on_site(self, url: str) -> str | None:
        if not on_site(url, self.site.hosts):
            return f"leaves the site ({url[:100]}): not followed"
        return None

    def _allowed(self, url: str) -> str | None:
        if reason := self._on_site(url):
            return reason
        rules = self.robots.for_url(url, self.site.delay, self._on_site)
        if not rules.allows(url):  # a robots.txt that could not be read says why
            return rules.blocked or "disallowed by robots.txt"
        return None

    def _delay(self, url: str) -> float:
        asked = self.robots.for_url(url, self.site.delay, self._on_site).delay
        return max(self.site.delay, min(asked or 0.0, MAX_CRAWL_DELAY))

    def _problem(self, url: str, kind: str, reason: str) -> None:
        self.result.messages.append(f"{self.site.name}: {url}: {reason}")
        self.state.count(self.run, "robots" if kind == "robots" else "errors", reason)
        self.state.fetched(self.run, self.site.name, url, None, None, kind)

    def fetch(self, url: str, kind: str, conditional: bool = True) -> Response | None:
        """A 200 response, or None (304, an error: counted and said)."""
        if self.out_of_budget:
            return None
        if (reason := self._allowed(url)) is not None:  # refused without spending the budget
            self._problem(url, "robots" if "robots" in reason else "offsite", reason)
            return None
        if self.requests >= self.site.max_pages or not self.budget.take():
            whose = "the site's" if self.requests >= self.site.max_pages else "the run's"
            self.result.messages.append(f"{self.site.name}: {whose} page budget is spent")
            self.out_of_budget = True
            return None
        self.requests += 1
        known = self.state.page(url) if conditional else None
        try:
            response = self.fetcher.get(
                url,
                delay=self.site.delay if self._on_site(url) else self._delay(url),
                allowed=self._allowed,
                etag=known["etag"] if known else None,
                last_modified=known["last_modified"] if known else None,
            )
        except FetchError as exc:
            if exc.kind == "budget":
                self.out_of_budget = True
                self.result.messages.append(f"{self.site.name}: the run's time budget is spent")
                return None
            self._problem(url, exc.kind, exc.reason)
            if kind == "article" and exc.kind in PERMANENT:
                self.state.remember(url, self.site.name, "failed")  # not asked again unless changed
            return None
        outcome = {200: "ok", 304: "not-modified"}.get(response.status, "status")
        self.state.fetched(
            self.run, self.site.name, url, response.status, response.seconds, outcome
        )
        if response.status == 304:
            return None
        if response.status != 200:
            self._problem(url, "status", f"HTTP {response.status}")
            if kind == "article" and 400 <= response.status < 500 and response.status != 429:
                self.state.remember(url, self.site.name, "failed")
            return None
        return response

    def _remember(self, url: str, kind: str, response: Response, **extra) -> None:
        self.state.remember(
            url,
            self.site.name,
            kind,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            **extra,
        )

    # -- discovery -----------------------------------------------------------------
    def discover(self) -> dict[str, Link]:
        """Candidate article links in discovery order, one per clean address."""
        found: dict[str, Link] = {}

        def add(link: Link) -> bool:
            url = clean_url(link.url)
            if self._on_site(url):
                return False
            is_known = self._known(url)
            found.setdefault(url, Link(url, link.modified))
            return is_known

        for feed in self.site.feeds:
            self._read_xml(feed, "feed", lambda data, u: [add(x) for x in feed_links(data, u)])
        queue, sitemaps = list(self.site.sitemaps), 0
        while queue and sitemaps < MAX_SITEMAPS:
            sitemaps += 1

            def read(data: bytes, u: str) -> None:
                links, nested = sitemap_links(data, u)
                queue.extend(n for n in nested if not self._on_site(n))
                for x in links:
                    add(x)

            self._read_xml(queue.pop(0), "sitemap", read)
        for start in self.site.start:
            self._walk_list(start, add)
        return found

    def _known(self, url: str) -> bool:
        return self.state.page(url) is not None or self.state.article(article_id(url)) is not None

    def _read_xml(self, url: str, kind: str, use: Callable[[bytes, str], object]) -> None:
        response = self.fetch(url, kind)
        if response is None:
            return
        try:
            use(response.body, response.url)
        except NotXml as exc:
            self._problem(url, "status", f"{kind}: {exc}")
            return
        self._remember(url, kind, response)

    def _walk_list(self, start: str, add: Callable[[Link], bool]) -> None:
        queue, seen, pages, known_run = [start], {start}, 0, 0
        while queue:
            if pages >= self.site.max_list_pages:
                self.result.messages.append(
                    f"{self.site.name}: stopped after {pages} list pages "
                    f"from {start} (max_list_pages)"
                )
                return
            url = queue.pop(0)
            pages += 1
            response = self.fetch(url, "list", conditional=url == start)
            if response is None:
                return
            try:
                text = decode_page(response.body, response.headers.get("content-type", ""))
            except DecodeError as exc:
                self._problem(url, "status", f"list page: {exc}")
                return
            if url == start:
                self._remember(url, "list", response)
            listing = list_page(text, response.url, self.site.articles, self.site.pages)
            for link in listing.articles:
                known_run = known_run + 1 if add(link) else 0
                if known_run >= self.site.known_stop:
                    return  # the rest was seen before
            for nxt in listing.next_pages:
                if nxt not in seen and not self._on_site(nxt):
                    seen.add(nxt)
                    queue.append(nxt)

    # -- articles ------------------------------------------------------------------
    def due(self, links: dict[str, Link]) -> list[str]:
        """The links to fetch: new ones, ones whose feed/sitemap date is newer than our
        copy, and every known one with ``recheck`` (asked conditionally)."""
        out = []
        for url, link in links.items():
            row = self.state.page(url)
            new = row is None and self.state.article(article_id(url)) is None
            newer = (
                row is not None
                and link.modified is not None
                and row["fetched_at"] is not None
                and link.modified > datetime.fromisoformat(row["fetched_at"])
            )
            if new or newer or self.recheck:
                out.append(url)
        return out

    def fetch_article(self, url: str) -> None:
        response = self.fetch(url, "article")
        if response is None:
            return
        try:
            page = Page.read(
                response.body,
                response.headers.get("content-type", ""),
                response.url,
                self.site.hosts,
            )
        except DecodeError as exc:
            self._problem(url, "status", f"not a text page: {exc}")
            self.state.remember(url, self.site.name, "failed")
            return
        before = self.state.article(page.id)
        if before is not None and before["content_hash"] == page.content_hash:
            self.state.count(self.run, "unchanged")
            self._remember(
                url, "article", response, content_hash=page.content_hash, article_id=page.id
            )
            return
        self.result.articles.append(
            Fetched(page, response.body, response, self.site, url, changed=before is not None)
        )

    def crawl(self, urls: list[str] | None = None) -> SiteResult:
        """Discover and fetch (or fetch just ``urls``); the pages are indexed by the run."""
        targets = urls if urls is not None else self.due(self.discover())
        seen: set[str] = set()
        for url in targets:
            if url in seen or self.out_of_budget:
                continue
            seen.add(url)
            self.fetch_article(url)
        return self.result
