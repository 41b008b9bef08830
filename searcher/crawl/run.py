"""``searcher crawl``: every site of the registry (or single addresses), then one ``add``.

Sites are crawled side by side (one thread per site, one request at a time per
host); the article pages found new or changed are written to a staging folder as
``<id>.html`` and indexed by ``searcher.index.operations.add``, the path of
``searcher add``: the same reading, the same duplicate rule, the same report of what
was skipped and why. Only then is the state updated, so an interrupted run loses
nothing: the next one asks again. The raw bytes go to the archive
(``searcher.crawl.archive``) for the "Bản lưu" link.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from searcher.crawl import archive
from searcher.crawl.extract import corpus_copy
from searcher.crawl.fetch import Fetcher, HostClock, Limits
from searcher.crawl.registry import Site, single_url_site
from searcher.crawl.robots import Robots
from searcher.crawl.site import Budget, Fetched, SiteCrawl, SiteResult
from searcher.crawl.store import State
from searcher.crawl.urls import clean_url, follow_link, on_site
from searcher.index.operations import Report, add
from searcher.read.articles import Problem

STATE_FILE = "state.sqlite"
MAX_SITE_THREADS = 4


@dataclass
class CrawlReport:
    """What a run did; ``index`` is the report of the ``add`` it ended with."""

    sites: list[SiteResult] = field(default_factory=list)
    index: Report | None = None
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def messages(self) -> list[str]:
        return [m for s in self.sites for m in s.messages]

    def to_json(self) -> dict:
        return {
            "new": self.new,
            "changed": self.changed,
            "messages": self.messages,
            "index": self.index.to_json() if self.index else None,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Settings:
    """How a run behaves; the defaults are the polite ones."""

    limits: Limits = field(default_factory=Limits)
    max_pages: int = 2000  # requests in the whole run
    max_seconds: float = 3600.0
    delay: float | None = None  # overrides every site's delay (tests)
    recheck: bool = False  # ask again for every known article (conditionally)
    wait: float = 30.0  # for another writer of the index


def sites_for_urls(urls: list[str], registry: list[Site]) -> list[tuple[Site, list[str]]]:
    """Each address with the registry site it belongs to (or a site of its own).

    >>> from searcher.crawl.registry import parse_sources
    >>> sites = parse_sources('[[site]]\\nname = "VKSND tỉnh A"\\nstart = ["https://a.example/tin"]')
    >>> [(s.name, u) for s, u in sites_for_urls(["https://www.a.example/tin/1?fbclid=x",
    ...                                          "https://b.example/bai"], sites)]
    [('VKSND tỉnh A', ['https://www.a.example/tin/1']), ('b.example', ['https://b.example/bai'])]
    """
    out: dict[str, tuple[Site, list[str]]] = {}
    for raw in urls:
        url = follow_link(raw, raw)
        if url is None:
            raise ValueError(f"not an http(s) address: {raw[:100]!r}")
        site = next((s for s in registry if on_site(url, s.hosts)), None) or single_url_site(url)
        out.setdefault(site.name, (site, []))[1].append(clean_url(url))
    return list(out.values())


def crawl(
    sites: list[Site],
    corpus: Path,
    index_dir: Path,
    settings: Settings | None = None,
    urls: list[str] | None = None,
) -> CrawlReport:
    """Crawl ``sites`` (or only ``urls``, with the registry's sites for their settings)
    and index what is new or changed."""
    settings = settings or Settings()
    started = time.monotonic()
    home = archive.crawl_home(corpus)
    clock = HostClock()
    fetcher = Fetcher(settings.limits, clock=clock, deadline=clock.clock() + settings.max_seconds)
    robots, budget = Robots(fetcher), Budget(settings.max_pages)
    work = sites_for_urls(urls, sites) if urls else [(s, None) for s in sites]
    report = CrawlReport()
    with State(home / STATE_FILE) as state:
        crawls = [
            SiteCrawl(
                site.with_delay(settings.delay),
                fetcher,
                robots,
                state,
                budget,
                recheck=settings.recheck,
            )
            for site, _ in work
        ]
        with ThreadPoolExecutor(max_workers=min(MAX_SITE_THREADS, len(work) or 1)) as pool:
            results = list(
                pool.map(
                    lambda pair: pair[0].crawl(pair[1]),
                    [(c, u) for c, (_, u) in zip(crawls, work, strict=True)],
                )
            )
        report.sites = results
        fetched = [f for r in results for f in r.articles]
        if fetched:
            report.index = _index(fetched, corpus, index_dir, home, state, settings, report)
        for c in crawls:
            state.finish_run(c.run)
    report.seconds = time.monotonic() - started
    return report


def _one_per_article(fetched: list[Fetched]) -> list[Fetched]:
    """The first address of each article (a print view or a second address of a page
    fetched in the same run is the same article)."""
    seen: dict[str, Fetched] = {}
    for f in fetched:
        seen.setdefault(f.page.id, f)
    return list(seen.values())


def _index(fetched: list[Fetched], corpus: Path, index_dir: Path, home: Path, state: State,
           settings: Settings, report: CrawlReport) -> Report:  # fmt: skip
    """``add`` one copy of each article; then remember every address that led to it."""
    kept = _one_per_article(fetched)
    # outside the corpus: ``add`` indexes a file already inside the corpus where it lies
    staging = Path(tempfile.mkdtemp(prefix="searcher-crawl-"))
    try:
        paths = []
        for f in kept:
            path = staging / f"{f.page.id}.html"
            path.write_text(corpus_copy(f.page.text, f.page.canonical), "utf-8")
            archive.keep(home, f.page.id, f.raw, f.response.url,
                         f.response.headers.get("content-type", ""))  # fmt: skip
            paths.append(path)
        # a fresh staging folder each run: the crawler's names (one per article id) are
        # its own, so a changed page replaces its copy (add's --replace)
        result = add(paths, corpus, index_dir, timeout=settings.wait, replace=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    # skipped, or the same title and body as an article already indexed (add's duplicate)
    refused = [p.source for p in result.skipped] + [d.split(": same content as ")[0]
                                                   for d in result.duplicates]  # fmt: skip
    indexed = {f.page.id for f in kept if not any(f"{f.page.id}.html" in s for s in refused)}
    addresses = {str(staging / f"{f.page.id}.html"): f.response.url for f in kept}
    result.skipped = [
        Problem(addresses.get(p.source, p.source), p.reason) for p in result.skipped
    ]  # fmt: skip (a page by its address)
    for f in fetched:
        article = f.page.id if f.page.id in indexed else None
        for url in dict.fromkeys((f.url, f.response.url)):
            state.remember(url, f.site.name, "article", etag=f.response.headers.get("etag"),
                           last_modified=f.response.headers.get("last-modified"),
                           content_hash=f.page.content_hash, article_id=article)  # fmt: skip
    for f in kept:
        if f.page.id not in indexed:
            continue
        state.save_article(f.page.id, f.page.canonical, f.site.name, f.page.content_hash)
        run = next(r.run for r in report.sites if r.site == f.site.name)
        state.count(run, "changed" if f.changed else "new")
        (report.changed if f.changed else report.new).append(f.page.id)
    return result
