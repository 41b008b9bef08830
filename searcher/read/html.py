"""Plain lines of text from an article's HTML markup, in linear time.

Scripts, styles, navigation, headers and footers are dropped; block elements
end lines; inside an ``<article>`` element only its text is kept; without one, the
text starts at the first ``<h1>`` when more text outside links follows it than
precedes it (above the title stand the site's banner, menus and breadcrumbs, mostly
links). The page's
canonical address (``<link rel="canonical">`` or ``og:url``) is kept as its url.

One regular expression finds the markup and the text lies between its matches;
each alternative always consumes what it looks at, so a page of any shape (50k
nested ``<div>``, a million ``<``, unclosed comments) is read in one pass, at the
regex engine's speed.

>>> page = html_to_page("<title>T</title><h1>Hội nghị</h1><p>Sáng ngày 12/9/2022</p>")
>>> page.title, page.lines
('Hội nghị', ['Sáng ngày 12/9/2022'])
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "button",
        "select",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "figcaption",
        "figure",
        "dd",
        "dt",
        "hr",
    ]
)
_VOID = frozenset(
    ["br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"]
)
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment (an unclosed one runs to the end)
    r"|<(?P<raw>script|style|textarea|title)\b(?P<rattrs>[^>]*)>?(?P<rtext>.*?)"
    r"(?:</(?P=raw)\s*>|\Z)"  # raw-text element: its text is not markup
    r"|</(?P<end>[A-Za-z][A-Za-z0-9:-]*)[^>]*>?"  # end tag
    r"|<(?P<tag>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>[^>]*)>?"  # start tag
    r"|<[!?/][^>]*>?",  # declaration, processing instruction, stray "</"
    re.DOTALL | re.IGNORECASE,
)  # text is what lies between two matches: a "<" that starts no markup is text
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    title: str
    lines: list[str]
    url: str | None = None


def _attrs(raw: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(raw[:2000])
    }


def _canonical_url(tag: str, raw_attrs: str) -> str | None:
    if tag not in ("link", "meta") or ("canonical" not in raw_attrs and "og:url" not in raw_attrs):
        return None
    attrs = _attrs(raw_attrs)
    if tag == "link" and attrs.get("rel", "").lower() == "canonical":
        return attrs.get("href") or None
    if tag == "meta" and attrs.get("property", "").lower() == "og:url":
        return attrs.get("content") or None
    return None  # which addresses are kept is decided for every format in make_article


class _Collector:
    """Open elements as a stack plus a count per tag: every check is O(1), and each
    element is pushed and popped once."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.skip = 0
        self.in_article = 0
        self.title = ""
        self.h1_parts: list[str] | None = None  # collecting while the first <h1> is open
        self.h1 = ""
        self.h1_at: int | None = None  # where the first <h1> starts in parts
        self.plain = 0  # characters of text outside links (menus are links) so far
        self.plain_before_h1 = 0
        self.url: str | None = None

    def start(self, tag: str, raw_attrs: str) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.add("\n")
            elif self.url is None:
                self.url = _canonical_url(tag, raw_attrs)
            return
        if raw_attrs.endswith("/"):
            return  # self-closing: nothing inside
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _SKIP:
            self.skip += 1
        elif tag == "article":
            self.in_article += 1
        elif tag == "h1" and not self.h1 and self.h1_parts is None:
            self.h1_parts = []
            if self.h1_at is None:
                self.h1_at, self.plain_before_h1 = len(self.parts), self.plain
        if tag in _BLOCK:
            self.add("\n")

    def end(self, tag: str) -> None:
        if not self.open.get(tag):
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _SKIP:
                self.skip -= 1
            elif top == "article":
                self.in_article -= 1
            elif top == "h1" and self.h1_parts is not None and not self.open["h1"]:
                self.h1 = " ".join("".join(self.h1_parts).split())
                self.h1_parts = None
            if top == tag:
                break
        if tag in _BLOCK:
            self.add("\n")

    def add(self, text: str) -> None:
        self.parts.append(text)
        if self.in_article:
            self.article_parts.append(text)

    def data(self, text: str) -> None:
        if self.skip:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if not self.open.get("a"):
            self.plain += len(text.strip())
        self.add(text)


def html_to_page(markup: str) -> HtmlPage:
    """Title (``<h1>``, else ``<title>``), text lines and canonical url of a page."""
    c = _Collector()
    unescape = html.unescape
    last = 0
    for m in _MARKUP.finditer(markup):
        if m.start() > last:
            text = markup[last : m.start()]
            c.data(unescape(text) if "&" in text else text)
        last = m.end()
        kind = m.lastgroup
        if kind == "attrs":
            c.start(m.group("tag").lower(), m.group("attrs").strip())
        elif kind == "end":
            c.end(m.group("end").lower())
        elif kind == "rtext" or kind == "raw":
            raw = m.group("raw").lower()
            if raw == "title" and not c.title:
                c.title = " ".join(unescape(m.group("rtext")).split())
            elif raw == "textarea":
                c.data(unescape(m.group("rtext")))
    if last < len(markup):
        text = markup[last:]
        c.data(unescape(text) if "&" in text else text)
    if c.h1_parts is not None:  # an <h1> never closed
        c.h1 = " ".join("".join(c.h1_parts).split())
    if c.article_parts:
        text = "".join(c.article_parts)
    else:
        text = "".join(c.parts)
        # the page's header (banner, menus) stands above its title
        if c.h1_at is not None and c.plain - c.plain_before_h1 > c.plain_before_h1:
            text = "".join(c.parts[c.h1_at :])
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    title = c.h1 or c.title
    if lines and lines[0] == title:
        lines = lines[1:]
    return HtmlPage(title, lines, c.url)
