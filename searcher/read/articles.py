"""Read raw articles (.txt, .html/.htm, .json, .jsonl) in any supported encoding.

A file gives a stream of ``Article`` and ``Problem``: one bad record or file is
reported by name with a reason and never stops the rest. JSONL is read record
by record (a 1 GB export in constant memory); the 5 MB limit applies to each
article, not to the file. Ids are the user's: the JSON ``id`` or the file stem,
kept exactly.

>>> a = parse_text("Hội nghị giao ban\\n1/15/2021 7:29:59 AM Sáng ngày 12/1/2021, ...", "x")
>>> a.title, a.published.isoformat()
('Hội nghị giao ban', '2021-01-15')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from searcher.read.clean import split_author, split_page
from searcher.read.fields import web_address
from searcher.read.html import html_to_page
from searcher.read.stamps import (
    STAMP_PREFIXES,
    STAMP_SUFFIX,
    news_stamp,
    stamp_shaped,
    suffix_date,
)
from searcher.vi.text import canonical, clean_text

MAX_ID_CHARS = 200
# a stamp is read in the page's header: its first lines, above the first paragraph
HEADER_LINES = 16  # a weather widget or a menu can fill a dozen short lines
PARAGRAPH_CHARS = 160
# a header's leftovers, not the title: the weekday of a clock whose date was read ("Thứ tư
# 03/12/2025 14:29"), a breadcrumb ("Home | Nội chính | …")
_HEADER_LEFTOVER = re.compile(
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*[,|-]?"
    r"|(?:home|trang chủ)\s*[|>»/].*",
    re.IGNORECASE,
)
# an ad slot's or a portlet's name ("qc-top", "menu_WAR_vienkiemsatportlet_INSTANCE_hKW…"),
# read under the first line only ("COVID-19" may be a title)
_AD_SLOT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")
MAX_TITLE_CHARS = 300  # a longer first line is a paragraph: titles reach 255 (35k news, 350 pages)
NOT_JSONL_AFTER = 20  # lines read before a stream with no JSON object is refused whole


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: original text for display, facts read from the page.
    ``locator`` is the record's line (JSONL) or position (JSON array) in its file."""

    id: str
    title: str
    body: str
    author: str | None = None
    published: date | None = None
    url: str | None = None
    source: str = ""
    furniture: str = ""  # site furniture (footer, owner), used only to read metadata
    locator: int | None = None
    note: str | None = None  # something the reader did that the user should know
    # a stamp that gives only the month ("date 2025-05"): no publication date to show,
    # but the latest a day and month of the text can be (read by the facts)
    published_month: tuple[int, int] | None = None

    @property
    def content_hash(self) -> str:
        """Same title and body in any Unicode form or case → same hash."""
        key = canonical(self.title + "\n" + self.body)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    """An article that was skipped, and why (in plain words)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def id_problem(article_id: str) -> str | None:
    """Why a string cannot be an article id, or None. Anything else is kept exactly.

    >>> id_problem("Luật Phòng, chống ma túy@1") is None, id_problem("a\\x07b")
    (True, 'the id has a control or invisible character')
    """
    if not article_id.strip():
        return "the id is empty"
    if len(article_id) > MAX_ID_CHARS:
        return f"the id is too long ({len(article_id)} characters, at most {MAX_ID_CHARS})"
    if article_id in (".", ".."):
        return f"'{article_id}' cannot be an id"
    if clean_text(article_id) != unicodedata.normalize("NFC", article_id) or any(
        unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in article_id
    ):
        return "the id has a control or invisible character"
    return None


# control characters: never text, and XML 1.0 forbids the C0 ones (a feed would break)
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# a site's name after the headline, as a page's <title> has it ("… - Báo Thanh Hóa", "… |
# Tạp chí Kiểm sát", "… - Cổng thông tin điện tử tỉnh Hà Tĩnh")
_SITE_NAME = re.compile(
    r"\s+[-–|]\s+(?:Báo|BÁO|Tạp chí|TẠP CHÍ|Cổng thông tin|Trang thông tin|Trang tin|Đài|"
    r"Truyền hình|Tuổi Trẻ|Thanh Niên|Dân trí|VnExpress|VOV|VTV|TTXVN|Vietnamplus)\b[^-–|]{0,60}$"
)


def without_site_name(title: str) -> str:
    """The headline without the site's name a page's <title> adds after it.

    >>> without_site_name("VKSND tỉnh Hà Tĩnh tổng kết năm 2023 - Báo Hà Tĩnh")
    'VKSND tỉnh Hà Tĩnh tổng kết năm 2023'
    """
    return _SITE_NAME.sub("", title)


def same_line(line: str, other: str) -> bool:
    """Whether two lines say the same, whatever their case, spacing or Unicode form (a
    headline in capitals above the site's header, the same words under it).

    >>> same_line("VKSND TỈNH LONG AN TRIỂN KHAI", " VKSND tỉnh Long An  triển khai")
    True
    """
    return " ".join(canonical(line).split()) == " ".join(canonical(other).split())


def _title_then_stamp(line: str, title: str) -> date | None:
    """The stamp after the title repeated on ``line``, if that is all the line holds."""
    words, head = line.split(), title.split()
    if len(words) <= len(head) or not same_line(" ".join(words[: len(head)]), title):
        return None
    stamp = news_stamp(" ".join(words[len(head) :]))
    return stamp or None


def split_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n|\u2028|\u2029", text)


def parse_text(text: str, article_id: str, source: str = "", **extra) -> Article | Problem:
    """A scraped page: title line, optional CMS timestamp line, body, furniture."""
    page = split_page(split_lines(clean_text(text)))
    published = above_repeat = month_only = None
    kept: list[str] = []
    header = True  # the lines above the first paragraph: title, banner, stamps, menus
    headline = without_site_name(page.lines[0]) if page.lines else ""  # repeated under it
    for i, line in enumerate(page.lines):
        header = header and i < HEADER_LINES and len(line) < PARAGRAPH_CHARS
        if header and i > 0 and same_line(line, headline):
            # the title again, under the site's header, is not the body's text; a clock
            # above it is the page's, the stamp under it the article's ("Chủ Nhật,
            # 29/12/2024 09:48" … title … "Thứ 7, 28/12/2024 | 17:03:32")
            if published:
                above_repeat, published = published, None
            continue
        if header and i > 0 and (glued := _title_then_stamp(line, headline)):
            # the title again with its stamp glued on ("… Ngày Thương binh Liệt sĩ 02/08/2022")
            published = glued
            continue
        prefix = i <= 3 and next(
            ((m, read) for pattern, read in STAMP_PREFIXES if (m := pattern.match(line))), None
        )
        if prefix:  # "1/15/2021 7:29:59 AM …", "date 2025-10-19 (GLO)- Quân đoàn …"
            m, read = prefix
            stamped = read(m)
            if isinstance(stamped, tuple):  # "date 2025-05": a month, no day
                month_only = month_only or stamped
            else:
                published = published or stamped
            line = line[m.end() :].strip()
            if not line:
                continue
        # "… Đóng góp có hiệu quả 26/07/2025 10:37": a stamp glued to a header line (not a
        # stamp line of its own, "Ngày 12/03/2024 10:15:00", read whole below)
        if i <= 3 and (m := STAMP_SUFFIX.search(line)) and not news_stamp(line):
            published = published or suffix_date(m)
            line = line[: m.start()].strip()
        if (i <= 3 or header or (i <= 10 and not published and stamp_shaped(line))) and (
            stamp := news_stamp(line)
        ) is not None:
            published = published or stamp or None
            continue  # a stamp line, or the page's own date header: not the article's text
        if (
            header
            and i <= 3
            and (_HEADER_LEFTOVER.fullmatch(line) or (i > 0 and _AD_SLOT.fullmatch(line)))
        ):
            continue  # the header's leftovers ("Thứ tư" of a clock, "qc-top", a breadcrumb)
        kept.append(line)
    furniture = "\n".join(page.furniture)
    published = published or above_repeat
    return make_article(
        kept,
        article_id,
        source,
        published=published,
        furniture=furniture,
        published_month=month_only if published is None else None,
        **extra,
    )


def make_article(
    lines: list[str],
    article_id: str,
    source: str,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    furniture: str = "",
    locator: int | None = None,
    note: str | None = None,
    first_line_title: bool = True,
    published_month: tuple[int, int] | None = None,
) -> Article | Problem:
    """The one rule for every format: invisible characters never count, a title
    alone is an article (photo reports, short notices), nothing at all is not.
    Without a title, a page's first line is its title (``first_line_title``) unless it
    is longer than any headline (``MAX_TITLE_CHARS``: a paragraph); a JSON record
    without one, and such a page, keeps its whole text as body and has no title (the
    pages show its first sentence, ``read.headline``)."""
    article_id = unicodedata.normalize("NFC", article_id)  # one id, however it was typed
    if problem := id_problem(article_id):
        return Problem(source, problem)
    lines = [ln for ln in (CONTROLS.sub("", ln).strip() for ln in lines) if clean_text(ln).strip()]
    title = " ".join(clean_text(CONTROLS.sub("", title or "")).split())
    if not title and not lines:
        return Problem(source, "empty article: no text after cleaning")
    if not title and first_line_title and len(lines[0]) <= MAX_TITLE_CHARS:
        title, lines = " ".join(lines[0].split()), lines[1:]
    if title and lines and same_line(lines[0], title):
        lines = lines[1:]
    cleaned = split_author(lines)
    return Article(
        id=article_id,
        title=title,
        body="\n".join(cleaned.lines).strip(),
        author=cleaned.author,
        published=published,
        url=web_address(url) if url else None,
        source=source,
        furniture=furniture,
        locator=locator,
        note=note,
        published_month=published_month,
    )


def parse_html(text: str, article_id: str, source: str = "", **extra) -> Article | Problem:
    """Article text from HTML markup; title from <h1> or <title>; canonical url kept."""
    page = html_to_page(text)
    lines = ([page.title] if page.title else []) + page.lines
    return parse_text("\n".join(lines), article_id, source, url=page.url, **extra)
