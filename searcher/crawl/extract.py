"""A fetched page → the copy ``add`` indexes, read by the project's own HTML reader.

The bytes are decoded by the charset the server or the page declares
(``Content-Type``, ``<meta charset>``), else as ``add`` decodes a file (UTF-8,
Windows-1258, TCVN3, VNI). The page is read with ``searcher.read`` exactly as
``add`` reads a saved ``.html`` file (title, stamp, body, furniture), so a crawled
article and the same page added by hand are the same article. Its canonical address
(``<link rel=canonical>`` on the site's own hosts, else the address it was fetched
from, cleaned of tracking and print markers) gives the id and is written as the
copy's first line, so the index keeps it as the article's ``url``.

>>> page = Page.read(b'<meta charset="windows-1258"><h1>H\\xf4\\xf2i nghi\\xf2</h1><p>x</p>',
...                  "", "https://vks.example/tin/1?utm_source=z", frozenset({"vks.example"}))
>>> page.article.title, page.canonical, page.id
('Hội nghị', 'https://vks.example/tin/1', 'vks.example-c75896cb5a10')
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
from dataclasses import dataclass

from searcher.crawl.urls import article_id, clean_url, follow_link, on_site
from searcher.read.articles import Article, Problem, parse_html
from searcher.read.decode import DecodeError, decode_bytes
from searcher.read.html import html_to_page

_META_CHARSET = re.compile(
    rb"""<meta\b[^<>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def declared_charset(content_type: str, raw: bytes) -> str | None:
    """The codec the server or the page names, if Python knows it.

    >>> declared_charset("text/html; charset=Windows-1258", b""), declared_charset("", b"x")
    ('cp1258', None)
    """
    m = _HEADER_CHARSET.search(content_type or "") or _META_CHARSET.search(raw[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii") if isinstance(m.group(1), bytes) else m.group(1)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(raw: bytes, content_type: str = "") -> str:
    """The page as text; ``DecodeError`` when it is not text."""
    charset = declared_charset(content_type, raw)
    if charset in (None, "utf-8", "ascii", "iso8859-1", "cp1252"):  # often mislabelled
        return decode_bytes(raw)[0]
    return raw.decode(charset, errors="replace")


@dataclass(frozen=True)
class Page:
    """A fetched article page: its text, canonical address, id and reading."""

    text: str
    canonical: str
    id: str
    article: Article | Problem

    @classmethod
    def read(cls, raw: bytes, content_type: str, url: str, hosts: frozenset[str]) -> Page:
        """``DecodeError`` when the bytes are not text."""
        text = decode_page(raw, content_type)
        declared = html_to_page(text).url
        canonical = follow_link(declared, url) if declared else None
        if canonical is None or not on_site(canonical, hosts):
            canonical = url
        canonical = clean_url(canonical)
        ident = article_id(canonical)
        return cls(text, canonical, ident, parse_html(corpus_copy(text, canonical), ident))

    @property
    def content_hash(self) -> str:
        """What decides "changed": the article as read, not the page's clock or counters."""
        if isinstance(self.article, Problem):
            return hashlib.sha1(self.text.encode("utf-8")).hexdigest()
        return f"{self.article.content_hash}:{self.article.published}"


def corpus_copy(text: str, canonical: str) -> str:
    """The page with its canonical address first (read before any the page declares)."""
    link = f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
    return link + text


__all__ = ["DecodeError", "Page", "corpus_copy", "declared_charset", "decode_page"]
