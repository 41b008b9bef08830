"""Article links from a feed (RSS, Atom), a sitemap, or a list page.

Feeds and sitemaps are XML read by the standard library; any document type
declaration is refused first (no entities, so no "billion laughs"). List pages are
scanned for ``<a href>`` in linear time; an article link is one the site's
``articles`` pattern matches (or, without a pattern, a link whose text reads like a
headline: four words or more), and a next list page is ``rel="next"``, the site's
``pages`` pattern, or a link reading "Trang sau", "Tiếp", "»".

>>> page = '<a href="/tin/hoi-nghi-tong-ket.html">Hội nghị tổng kết công tác năm 2024</a>'
>>> page += '<a href="?page=2" rel="next">Trang sau</a><a href="javascript:void(0)">In</a>'
>>> found = list_page(page, "https://vks.example/tin")
>>> [link.url for link in found.articles], found.next_pages
(['https://vks.example/tin/hoi-nghi-tong-ket.html'], ['https://vks.example/tin?page=2'])
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from searcher.crawl.urls import follow_link

_A = re.compile(r"<a\b([^<>]*)>?", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_REL_NEXT = re.compile(r"""\brel\s*=\s*["']?[^"'>]*\bnext\b""", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>?")
_NEXT_TEXT = {"trang sau", "trang tiếp", "tiếp", "sau", "»", "›", ">>", ">", "next", "xem tiếp"}
MAX_LINKS = 5000  # links read from one page
MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's own limit


class NotXml(ValueError):
    """A feed or sitemap that cannot be read; the message says why."""


@dataclass(frozen=True)
class Link:
    url: str
    modified: datetime | None = None


@dataclass
class ListPage:
    articles: list[Link] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def _words(text: str) -> int:
    return len(text.split())


def list_page(
    markup: str, base: str, articles: re.Pattern | None = None, pages: re.Pattern | None = None
) -> ListPage:
    """The article links and next list pages of one list page, in page order."""
    found, seen = ListPage(), {base}
    for n, m in enumerate(_A.finditer(markup)):
        if n >= MAX_LINKS:
            break
        attrs = m.group(1)
        href = _HREF.search(attrs)
        if not href:
            continue
        raw = html.unescape(href.group(1) or href.group(2) or href.group(3) or "")
        url = follow_link(raw, base)
        if url is None or url in seen:
            continue
        close = markup.find("</a", m.end(), m.end() + 600)
        text = " ".join(html.unescape(_TAG.sub(" ", markup[m.end() : close])).split())
        if _REL_NEXT.search(attrs) or (pages and pages.search(url)) or text.lower() in _NEXT_TEXT:
            found.next_pages.append(url)
        elif articles.search(url) if articles else _words(text) >= 4:
            found.articles.append(Link(url))
        else:
            continue
        seen.add(url)
    return found


def _parse_xml(data: bytes) -> ET.Element:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise NotXml("XML with a document type declaration is refused (entities)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise NotXml(f"not well-formed XML ({exc})") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _when(text: str | None) -> datetime | None:
    """An RSS (RFC 822) or W3C/ISO date, as UTC."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _child(node: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in node if _local(c.tag) == name), None)


def feed_links(data: bytes, base: str) -> list[Link]:
    """Every item of an RSS or Atom feed: its link and its date."""
    root, out = _parse_xml(data), []
    for node in root.iter():
        kind = _local(node.tag)
        if kind not in ("item", "entry"):
            continue
        href = None
        for child in node:
            if _local(child.tag) != "link":
                continue
            if child.get("href") and child.get("rel", "alternate") == "alternate":
                href = child.get("href")
            elif (child.text or "").strip():
                href = child.text.strip()
        stamp = next(
            (
                _local(c.tag)
                for c in node
                if _local(c.tag) in ("pubdate", "updated", "published", "date")
            ),
            None,
        )
        url = follow_link(href, base) if href else None
        if url:
            out.append(Link(url, _when(_child(node, stamp).text) if stamp else None))
    return out


def sitemap_links(data: bytes, base: str) -> tuple[list[Link], list[str]]:
    """(article links with their ``lastmod``, nested sitemaps) of a sitemap file."""
    root = _parse_xml(data)
    links, nested = [], []
    for node in root:
        loc = _child(node, "loc")
        url = follow_link(loc.text or "", base) if loc is not None and loc.text else None
        if url is None:
            continue
        if _local(node.tag) == "sitemap":
            nested.append(url)
        elif _local(node.tag) == "url" and len(links) < MAX_SITEMAP_URLS:
            lastmod = _child(node, "lastmod")
            links.append(Link(url, _when(lastmod.text if lastmod is not None else None)))
    return links, nested
