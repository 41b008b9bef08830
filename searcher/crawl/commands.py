"""What ``searcher crawl`` does, without click: load the registry, choose the sites,
run, and say it in English.

>>> summary(CrawlReport(new=["vks.example-0a1b2c3d4e5f"], seconds=2.5))
'crawl: 1 new, 0 changed articles, 0 problems in 2.5 s'
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from searcher.crawl.archive import crawl_home
from searcher.crawl.fetch import Limits
from searcher.crawl.registry import RegistryError, load_sources
from searcher.crawl.run import STATE_FILE, CrawlReport, Settings, crawl
from searcher.crawl.status import health_table
from searcher.crawl.store import State


class UsageError(ValueError):
    """A registry or an argument that cannot be used (exit 2)."""


def run(
    urls: list[str],
    sources: Path,
    corpus: Path,
    index_dir: Path,
    *,
    only: list[str],
    max_pages: int,
    max_seconds: float,
    delay: float | None = None,
    recheck: bool = False,
    wait: float = 30.0,
    limits: Limits | None = None,
) -> CrawlReport:
    """A crawl of the registry's sites (``only`` some), or of ``urls`` alone."""
    if not urls and not sources.exists():
        raise UsageError(f"no source registry at {sources} (see README: 'The crawler')")
    try:
        sites = load_sources(sources) if sources.exists() else []
    except RegistryError as exc:
        raise UsageError(f"{sources}: {exc}") from None
    if only:
        unknown = sorted(set(only) - {s.name for s in sites})
        if unknown:
            raise UsageError(f"no site named {unknown[0]!r} in {sources}")
        sites = [s for s in sites if s.name in only]
    settings = Settings(
        limits=limits or Limits(),
        max_pages=max_pages,
        max_seconds=max_seconds,
        delay=delay,
        recheck=recheck,
        wait=wait,
    )
    try:
        return crawl(sites, corpus, index_dir, settings, urls=urls or None)
    except ValueError as exc:  # an address that is not http(s)
        raise UsageError(str(exc)) from None


def status_text(corpus: Path, as_json: bool = False) -> str:
    """The health table (or its JSON) of the crawls of this corpus."""
    path = crawl_home(corpus) / STATE_FILE
    rows = []
    if path.exists():
        with State(path) as state:
            rows = state.health()
    if as_json:
        return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1)
    return health_table(rows)


def summary(report: CrawlReport) -> str:
    return (
        f"crawl: {len(report.new)} new, {len(report.changed)} changed articles, "
        f"{len(report.messages)} problems in {report.seconds:.1f} s"
    )
