"""The source registry (``sources.toml``): one ``[[site]]`` table per website.

    [[site]]
    name = "VKSND tỉnh Ninh Bình"
    unit = "Viện kiểm sát nhân dân tỉnh Ninh Bình"
    start = ["https://vksninhbinh.example/tin-tuc"]   # list pages
    feeds = ["https://vksninhbinh.example/rss"]        # optional
    sitemaps = ["https://vksninhbinh.example/sitemap.xml"]  # optional
    articles = "/tin-tuc/[^/]+\\.html$"                # optional: which links are articles
    pages = "[?&]page=\\d+$"                           # optional: which links are next list pages
    delay = 3.0                                        # optional politeness overrides
    max_pages = 200

>>> sites = parse_sources('[[site]]\\nname = "VKSND tỉnh A"\\nstart = ["https://a.example/tin"]')
>>> sites[0].name, sorted(sites[0].hosts), sites[0].delay
('VKSND tỉnh A', ['a.example'], 3.0)
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from searcher.crawl.urls import follow_link, host_of

DEFAULT_DELAY = 3.0  # seconds between two requests to one host
DEFAULT_KNOWN_STOP = 10  # already-known article links in a row that end a discovery
DEFAULT_MAX_LIST_PAGES = 30  # list pages followed per site and run
DEFAULT_MAX_PAGES = 500  # requests per site and run
_KEYS = {
    "name",
    "unit",
    "start",
    "feeds",
    "sitemaps",
    "articles",
    "pages",
    "hosts",
    "delay",
    "max_pages",
    "max_list_pages",
    "known_stop",
}


class RegistryError(ValueError):
    """The registry cannot be used; the message names the entry and the field."""


@dataclass(frozen=True)
class Site:
    """One website of the registry, with its politeness settings."""

    name: str
    start: tuple[str, ...] = ()
    unit: str = ""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    articles: re.Pattern | None = None
    pages: re.Pattern | None = None
    hosts: frozenset[str] = field(default_factory=frozenset)
    delay: float = DEFAULT_DELAY
    max_pages: int = DEFAULT_MAX_PAGES
    max_list_pages: int = DEFAULT_MAX_LIST_PAGES
    known_stop: int = DEFAULT_KNOWN_STOP

    def with_delay(self, delay: float | None) -> Site:
        """The same site with another delay (tests, ``--delay``)."""
        return self if delay is None else replace(self, delay=delay)


def _urls(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError(f"{where}: '{key}' must be a list of addresses")
    out = []
    for raw in value:
        url = follow_link(raw, raw)
        if url is None:
            raise RegistryError(f"{where}: '{raw[:80]}' in '{key}' is not an http(s) address")
        out.append(url)
    return tuple(out)


def _pattern(entry: dict, key: str, where: str) -> re.Pattern | None:
    value = entry.get(key)
    if value is None:
        return None
    try:
        return re.compile(str(value))
    except re.error as exc:
        raise RegistryError(f"{where}: '{key}' is not a regular expression ({exc})") from None


def _number(entry: dict, key: str, default, where: str, low: float):
    value = entry.get(key, default)
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value < low:  # TOML can spell nan and inf
        raise RegistryError(f"{where}: '{key}' must be a number ≥ {low}")
    return type(default)(value)


def site_from(entry: dict, where: str) -> Site:
    """One ``[[site]]`` table, checked."""
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where}: 'name' is required")
    start, feeds = _urls(entry, "start", where), _urls(entry, "feeds", where)
    sitemaps = _urls(entry, "sitemaps", where)
    if not (start or feeds or sitemaps):
        raise RegistryError(f"{where} ({name}): give 'start', 'feeds' or 'sitemaps'")
    hosts = {host_of(u) for u in (*start, *feeds, *sitemaps)}
    extra = entry.get("hosts", [])
    if not isinstance(extra, list) or not all(isinstance(h, str) for h in extra):
        raise RegistryError(f"{where}: 'hosts' must be a list of host names")
    hosts |= {host_of(f"http://{h.strip()}/") for h in extra}
    return Site(
        name=name.strip(),
        unit=str(entry.get("unit", "")).strip(),
        start=start,
        feeds=feeds,
        sitemaps=sitemaps,
        articles=_pattern(entry, "articles", where),
        pages=_pattern(entry, "pages", where),
        hosts=frozenset(hosts),
        delay=_number(entry, "delay", DEFAULT_DELAY, where, 0.0),
        max_pages=_number(entry, "max_pages", DEFAULT_MAX_PAGES, where, 1),
        max_list_pages=_number(entry, "max_list_pages", DEFAULT_MAX_LIST_PAGES, where, 1),
        known_stop=_number(entry, "known_stop", DEFAULT_KNOWN_STOP, where, 1),
    )


def parse_sources(text: str) -> list[Site]:
    """Every site of a registry's text; ``RegistryError`` names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"not valid TOML: {exc}") from None
    entries = data.get("site", [])
    if not isinstance(entries, list) or not entries:
        raise RegistryError("no [[site]] entry")
    sites = [site_from(e, f"site {n}") for n, e in enumerate(entries, 1)]
    names = [s.name for s in sites]
    if dupes := sorted({n for n in names if names.count(n) > 1}):
        raise RegistryError(f"two sites named {dupes[0]!r}")
    return sites


def load_sources(path: Path) -> list[Site]:
    """``parse_sources`` of a file."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RegistryError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RegistryError(f"{path} is not UTF-8 text: save it as UTF-8") from None
    return parse_sources(text)


def single_url_site(url: str) -> Site:
    """The site of one address given on the command line (``searcher crawl URL``)."""
    return Site(name=host_of(url), hosts=frozenset({host_of(url)}))
