"""Plain lines of text from an article's HTML markup.

Scripts, styles, navigation, headers and footers are dropped; block elements
end lines; inside an ``<article>`` element only its text is kept.

>>> html_to_lines("<title>T</title><h1>Hội nghị</h1><p>Sáng ngày 12/9/2022</p>")
('Hội nghị', ['Sáng ngày 12/9/2022'])
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {
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
}
_BLOCK = {
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
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.in_article = 0
        self.title = ""
        self.h1 = ""
        self.where: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._add("\n")
            return
        self.where.append(tag)
        if tag in _SKIP:
            self.skip += 1
        if tag == "article":
            self.in_article += 1
        if tag in _BLOCK:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.where:
            return
        while self.where:
            top = self.where.pop()
            if top in _SKIP:
                self.skip -= 1
            if top == "article":
                self.in_article -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self._add("\n")

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self.in_article:
            self.article_parts.append(text)

    def handle_data(self, data: str) -> None:
        if "title" in self.where and not self.title:
            self.title = data.strip()
            return
        if self.skip:
            return
        if "h1" in self.where and not self.h1:
            self.h1 = data.strip()
        self._add(data)


def html_to_lines(markup: str) -> tuple[str, list[str]]:
    """(title, body lines) of an HTML page."""
    parser = _Collector()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.article_parts if parser.article_parts else parser.parts)
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    title = parser.h1 or parser.title
    if lines and lines[0] == title:
        lines = lines[1:]
    return title, lines
