"""robots.txt, read once per host and run with protego (a maintained parser: wildcards,
``Allow`` precedence, ``Crawl-delay``, as Google and RFC 9309 read them).

A missing robots.txt (4xx) allows everything; one that cannot be read (5xx, network
error, a limit) disallows everything for this run, as RFC 9309 asks.

>>> rules = Rules.parse("User-agent: *\\nDisallow: /quan-tri/\\nCrawl-delay: 7")
>>> rules.allows("https://vks.example/quan-tri/dang-nhap"), rules.allows("https://vks.example/tin")
(False, True)
>>> rules.delay
7.0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from protego import Protego

from searcher.crawl.fetch import Fetcher, FetchError, Limits
from searcher.crawl.urls import host_of

AGENT = "vksnd-searcher"
MAX_ROBOTS_BYTES = 500_000  # Google reads the first 500 KiB
MAX_CRAWL_DELAY = 60.0  # the longest Crawl-delay obeyed


class Rules:
    """One host's rules for this crawler."""

    def __init__(self, parser: Protego | None, blocked: str | None = None) -> None:
        self.parser, self.blocked = parser, blocked

    @classmethod
    def parse(cls, text: str) -> Rules:
        return cls(Protego.parse(text))

    def allows(self, url: str) -> bool:
        if self.blocked:
            return False
        return self.parser is None or self.parser.can_fetch(url, AGENT)

    @property
    def delay(self) -> float | None:
        found = self.parser.crawl_delay(AGENT) if self.parser else None
        return float(found) if found is not None else None


class Robots:
    """The rules of every host met in a run, fetched on first use."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.rules: dict[str, Rules] = {}

    def for_url(self, url: str, delay: float, on_site: Callable[[str], str | None]) -> Rules:
        host = host_of(url)
        if host not in self.rules:
            self.rules[host] = self._fetch(url, delay, on_site)
        return self.rules[host]

    def _fetch(self, url: str, delay: float, on_site: Callable[[str], str | None]) -> Rules:
        scheme = url.split(":", 1)[0]
        netloc = url.split("/")[2]
        robots_url = f"{scheme}://{netloc}/robots.txt"
        small = Fetcher(
            _small(self.fetcher.limits),
            self.fetcher.user_agent,
            self.fetcher.clock,
            self.fetcher.deadline,
        )
        try:
            response = small.get(robots_url, delay=delay, allowed=on_site)
        except FetchError as exc:
            if exc.kind == "budget":
                raise
            return Rules(None, f"robots.txt unreadable ({exc.reason}): nothing fetched")
        if 400 <= response.status < 500:
            return Rules(None)
        if response.status >= 500:
            return Rules(None, f"robots.txt answered HTTP {response.status}: nothing fetched")
        rules = Rules.parse(response.body.decode("utf-8", errors="replace"))
        if rules.delay:  # the next request to this host already waits as robots.txt asks
            self.fetcher.clock.done(host_of(url), min(rules.delay, MAX_CRAWL_DELAY))
        return rules


def _small(limits: Limits) -> Limits:
    return replace(limits, max_bytes=min(limits.max_bytes, MAX_ROBOTS_BYTES), retries=1)
