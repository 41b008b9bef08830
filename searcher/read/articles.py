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

import codecs
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from searcher.read.clean import clean_lines, split_author, split_page
from searcher.read.decode import DecodeError, decode_bytes, decode_line
from searcher.read.fields import read_fields, web_address
from searcher.read.html import html_to_page
from searcher.read.legacy import convert
from searcher.read.sources import (
    MAX_ARTICLE_BYTES,
    MAX_JSON_BYTES,
    SUFFIXES,
    ReadDigest,
    SourceError,
    open_source,
    read_bounded,
    shown,
)
from searcher.vi.dates import (
    CMS_TIMESTAMP,
    DATE_WORDS,
    DMY,
    ISO_DATE,
    parse_cms_timestamp,
    parse_date,
)
from searcher.vi.text import canonical, clean_text, fold

MAX_ID_CHARS = 200
# a stamp is read in the page's header: its first lines, above the first paragraph
HEADER_LINES = 16  # a weather widget or a menu can fill a dozen short lines
PARAGRAPH_CHARS = 160
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
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _split_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n|\u2028|\u2029", text)


_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[\s:]*", re.IGNORECASE)
# "… Đóng góp có hiệu quả 26/07/2025 10:37": a stamp glued to the end of a header line
_STAMP_SUFFIX = re.compile(r"\s(\d{1,2}/\d{1,2}/\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")


def _date_prefix(m: re.Match) -> date | tuple[int, int] | None:
    """ "date 2025-10-19": its date; " date 2025-07": (year, month), no date but a bound."""
    written = m.group(1)
    return parse_date(written) if len(written) == 10 else (int(written[:4]), int(written[5:7]))


# a stamp at the start of a line, then the text: (pattern, its date, or a month alone)
_STAMP_PREFIXES = (
    (CMS_TIMESTAMP, lambda m: parse_cms_timestamp(m.group(0))),  # month/day, 12-hour clock
    (_DATE_PREFIX, _date_prefix),
)  # " date 2025-07": a month only gives no date, and is not text either
_STAMP_FILLER = re.compile(
    r"\b(?:cap nhat|ngay dang(?: tin)?|dang ngay|dang luc|luc|"
    r"thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn|ngay|gmt|am|pm|sa|ch)\b|"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[\d.,]+$|(?:\s+\d{1,7}){1,3}\s*$)?|"
    r"[+-]\s?\d{1,2}\b|[\s,:()|.\-\[\]]+|\bluot xem\s*:?\s*\d+|\bin bai viet\s*$|"
    r"\b(?:cms-)?view(?:s|-count)?\s*:?\s*\d+|\bnguoi dang\s*:(?:\s*[^\W\d_]+){0,5}?\s*(?=[-|])|"
    r"\ba[+-]?(?:\s+a[+-]?){1,2}\s*$"
)  # view counts: "08:0070", "Lượt xem: 36", "| cms-view-count: 43287"; "07:50 41 0": views
# and comments after the time; a poster's label, empty or named, before the stamp ("Người
# đăng: - ngày đăng: 03/07/2020"); the text-size buttons after it ("… [GMT +7] A A", "A- A+")
_SPACED_DATE = re.compile(r"\b(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*([/.\-])\s*(\d{4})\b")
# a two-digit year, read only before a clock ("17/10/18 15:54"): this century's
_SHORT_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/([0-4]\d)(\s+\d{1,2}:\d{2})")
# "PV - 15:21, 28/12/2022": a byline before the stamp
_LEADING_LABEL = re.compile(r"^((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+[-–]\s+(\d.*)$")
_TRAILING_LABEL = re.compile(
    r"^(.*\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+((?:[^\W\d_]+\s*){1,6})$"
)
# "25/03/2024 - 16:03 | Hoạt động đoàn thể": the section's name after a bar
_BAR_LABEL = re.compile(
    r"^(.*\d{4}(?:\s*[-–,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*\|"
    r"\s*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,5}$"
)
# "16 Tháng Ba, 2021": a month written as a word
_MONTHS = {"mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
           "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
           "chap": 12}  # fmt: skip
_MONTH_WORD = re.compile(r"(?<=\d )thang (muoi mot|muoi hai|" + "|".join(_MONTHS) + r")\b")
_POSTED = re.compile(r"\s*(?:ngay dang|dang ngay|cap nhat)\b")
_SECTION_BEFORE = re.compile(r"^((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+[-–]\s+(\w.*)$")
_MERIDIEM = {"sa", "ch", "am", "pm"}  # a clock's half of the day is no byline
_WEEKDAY = re.compile(r"\b(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)\b")


def news_stamp(line: str) -> date | bool | None:
    """A line that is only a date stamp: its date when it is the article's
    ("26/11/2021 17:20", "Cập nhật lúc 22:09, Thứ tư, 10/12/2025 (GMT+7)", "12/01/2022",
    "06/01/2020 | 1755" with its view count, "Thứ 7, 28/12/2024 | 17:03:32 [GMT +7] A A",
    "Thứ sáu, 28 Tháng 4 2023 11:58", "16 Tháng Ba, 2021 Tin hoạt động" with a section's
    name or a byline after it, "25/03/2024 - 16:03 | Hoạt động đoàn thể"),
    False when it is the page's own date (a weekday and no time: "Thứ sáu, 16/04/2021"),
    None when the line says anything else.

    >>> news_stamp("04/07/2023 08:53"), news_stamp("Thứ sáu, 16/04/2021")
    (datetime.date(2023, 7, 4), False)
    >>> news_stamp("12/01/2022"), news_stamp("Hội nghị 12/9/2022")
    (datetime.date(2022, 1, 12), None)
    >>> news_stamp("06/01/2020 | 1755"), news_stamp("Thứ sáu, 28 Tháng 4 2023 11:58")
    (datetime.date(2020, 1, 6), datetime.date(2023, 4, 28))
    >>> news_stamp("Sự kiện - Ngày đăng : 05:53, 31/05/2016"), news_stamp("Hội nghị - 12/9/2022")
    (datetime.date(2016, 5, 31), None)
    """
    if len(line) > 80:
        return None
    labelled = _TRAILING_LABEL.match(line)
    label = labelled.group(2).split() if labelled else []
    if label and all(w[0].isupper() for w in label) and fold(label[0]) not in _MERIDIEM:
        # "13/05/2015 13:58 Ngọc Quang": a byline or a section's name after the stamp
        stamp = news_stamp(labelled.group(1))
        if stamp:
            return stamp
    if (barred := _BAR_LABEL.match(line)) and (stamp := news_stamp(barred.group(1))):
        return stamp
    leading = _LEADING_LABEL.match(line) or _SECTION_BEFORE.match(line)
    if (
        leading
        # a byline ("PV - 15:21, 28/12/2022"), or a section's name before a stamp that
        # says it is one ("Sự kiện - Ngày đăng : 05:53, 31/05/2016")
        and (
            all(w[0].isupper() for w in leading.group(1).split())
            or (leading.group(1)[0].isupper() and _POSTED.match(fold(leading.group(2))))
        )
        and (stamp := news_stamp(leading.group(2)))
    ):
        return stamp
    folded = _MONTH_WORD.sub(lambda m: f"thang {_MONTHS[m.group(1)]}", fold(line))
    folded = _SPACED_DATE.sub(r"\1\2\3\4\5", folded)  # "09 - 07 - 2024"
    folded = _SHORT_YEAR.sub(r"\1/\2/20\3\4", folded)  # "17/10/18 15:54"
    m = DMY.search(folded) or ISO_DATE.search(folded) or DATE_WORDS.search(folded)
    if not m:
        return None
    rest = folded[m.end() :]
    if m.re is not DATE_WORDS:  # "06/01/2020 | 1755": the view count after the bar
        rest = re.sub(r"\|\s*\d+\s*$", "", rest)
    if _STAMP_FILLER.sub("", folded[: m.start()] + " " + rest).strip():
        return None
    if _WEEKDAY.search(folded) and re.search(r"\d{1,2}:\d{2}\s*(?:sa|ch)\s*$", folded):
        return False  # "Chủ Nhật, 22/12/2024 15:45 CH": a page clock widget (SA/CH)
    if _WEEKDAY.search(folded) and not re.search(r"\d{1,2}:\d{2}|cap nhat|ngay dang", folded):
        return False  # "Thứ sáu, 16/04/2021": the day the page was shown, not the article's
    return parse_date(m.group(0)) or False


def parse_text(text: str, article_id: str, source: str = "", **extra) -> Article | Problem:
    """A scraped page: title line, optional CMS timestamp line, body, furniture."""
    page = split_page(_split_lines(clean_text(text)))
    published = above_repeat = month_only = None
    kept: list[str] = []
    header = True  # the lines above the first paragraph: title, banner, stamps, menus
    for i, line in enumerate(page.lines):
        header = header and i < HEADER_LINES and len(line) < PARAGRAPH_CHARS
        if header and i > 0 and line.strip() == page.lines[0].strip():
            # the title again, under the site's header, is not the body's text; a clock
            # above it is the page's, the stamp under it the article's ("Chủ Nhật,
            # 29/12/2024 09:48" … title … "Thứ 7, 28/12/2024 | 17:03:32")
            if published:
                above_repeat, published = published, None
            continue
        prefix = i <= 3 and next(
            ((m, read) for pattern, read in _STAMP_PREFIXES if (m := pattern.match(line))), None
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
        if i <= 3 and (m := _STAMP_SUFFIX.search(line)):
            published = published or parse_date(m.group(1))
            line = line[: m.start()].strip()
        if (i <= 3 or header) and (stamp := news_stamp(line)) is not None:
            published = published or stamp or None
            continue  # a stamp line, or the page's own date header: not the article's text
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
    lines = [ln for ln in (_CONTROLS.sub("", ln).strip() for ln in lines) if clean_text(ln).strip()]
    title = " ".join(clean_text(_CONTROLS.sub("", title or "")).split())
    if not title and not lines:
        return Problem(source, "empty article: no text after cleaning")
    if not title and first_line_title and len(lines[0]) <= MAX_TITLE_CHARS:
        title, lines = " ".join(lines[0].split()), lines[1:]
    if title and lines and lines[0] == title:
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


def parse_record(
    record: object, default_id: str, source: str, locator: int | None = None
) -> Article | Problem:
    """One JSON object with ``title`` and ``body`` (optional date, url, source, id). A
    field that cannot be read is left out and said in the article's note; only a record
    without any text is refused."""
    if not isinstance(record, dict):
        return Problem(source, f"expected a JSON object, got {type(record).__name__}")
    fields = read_fields(record, default_id, _stamp_in_text)
    if not fields.title and not fields.body:
        missing = [n for n in ("title", "body") if record.get(n) in (None, "")]
        if len(missing) == 2:
            return Problem(source, "missing fields 'title' and 'body'")
        return Problem(source, "; ".join([*fields.notes, "no text to index"]))
    title, body = fields.title, fields.body
    if len(title) + len(body) > MAX_ARTICLE_BYTES:
        return Problem(source, "article too large (the limit is 5 MB)")
    (title, title_from), (body, body_from) = convert(title), convert(body)
    legacy = title_from or body_from
    notes = [*fields.notes, *([f"converted from {legacy} to Unicode"] if legacy else [])]
    article_id = fields.id
    if fields.id != default_id and (problem := id_problem(fields.id)):
        notes.append(f"id {fields.id[:40]!r} cannot be used ({problem}): stored as "
                     f"'{default_id}'")  # fmt: skip
        article_id = default_id
    source = _CONTROLS.sub("", fields.source or source)
    if title and fields.published is None:  # read like a page: stamps in its header lines
        page = parse_text(" ".join(title.split()) + "\n" + body, article_id, source, url=fields.url,
                          locator=locator, note="; ".join(notes) or None)  # fmt: skip
        if isinstance(page, Article) and page.title:
            return page
    return make_article(
        clean_lines(_split_lines(clean_text(body))),
        article_id,
        source,
        title=title,
        published=fields.published,
        url=fields.url,
        locator=locator,
        note="; ".join(notes) or None,
        first_line_title=False,
    )


def _stamp_in_text(body: str) -> date | None:
    """A date stamp line among a record's first lines, as a ``.txt`` page's is read."""
    for line in _split_lines(clean_text(body))[:4]:
        if (stamp := news_stamp(line.strip())) is not None:
            return stamp or None
    return None


def parse_json(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    """A JSON object or an array of objects; ``null`` entries (removed records) are skipped."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(source, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    except ValueError:  # a number of more than 4,300 digits (Python's int limit)
        yield Problem(source, "invalid JSON: a number too long to read")
        return
    except RecursionError:
        yield Problem(source, "invalid JSON: nested too deeply")
        return
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            if record is not None:
                yield parse_record(record, f"{stem}-{n}", f"{source}[{n}]", n)
    else:
        yield parse_record(data, stem, source)


def _jsonl_lines(fh: BinaryIO) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, problem) for each line, each read with a bounded buffer."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        stream = io.TextIOWrapper(fh, encoding="utf-16", errors="replace", newline=None)
        try:
            for n, line in enumerate(iter(lambda: stream.readline(MAX_ARTICLE_BYTES + 1), ""), 1):
                if len(line) > MAX_ARTICLE_BYTES:
                    yield n, None, "record too large (the limit is 5 MB)"
                    while line and not line.endswith("\n"):
                        line = stream.readline(MAX_ARTICLE_BYTES)
                    continue
                yield n, line, None
        finally:
            stream.detach()  # the caller closes the file, not this wrapper
        return
    n = 0
    while raw := fh.readline(MAX_ARTICLE_BYTES + 1):
        n += 1
        if len(raw) > MAX_ARTICLE_BYTES:
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = fh.readline(MAX_ARTICLE_BYTES)
            yield n, None, "record too large (the limit is 5 MB)"
            continue
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield n, decode_line(raw), None
        except DecodeError as exc:
            yield n, None, str(exc)


def parse_jsonl(
    fh: BinaryIO, stem: str, source: str, position: Callable[[int], None] | None = None
) -> Iterator[Article | Problem]:
    """One JSON object a line, streamed; a broken line is reported, the others read.
    ``position`` is told how many bytes were read after each line. A stream whose first
    lines are all unreadable is not JSONL (binary data piped in): said once, not per line."""
    readable = 0
    for n, line, problem in _jsonl_lines(fh):
        if position is not None:
            position(fh.tell())
        where = f"{source}:{n}"
        if readable == 0 and n > NOT_JSONL_AFTER:
            yield Problem(source, f"not JSONL: none of the first {NOT_JSONL_AFTER} lines is "
                          "a JSON record; the rest is not read")  # fmt: skip
            return
        if problem:
            yield Problem(where, problem)
            continue
        if line.strip().startswith("{"):
            readable += 1
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON on line {n}: {exc.msg}")
            continue
        except ValueError:  # a number of more than 4,300 digits (Python's int limit)
            yield Problem(where, f"invalid JSON on line {n}: a number too long to read")
            continue
        except RecursionError:
            yield Problem(where, f"invalid JSON on line {n}: nested too deeply")
            continue
        yield parse_record(record, f"{stem}-{n}", where, n)


def read_source(
    path: Path,
    stem: str | None = None,
    root: Path | None = None,
    kind: str | None = None,
    position: Callable[[int], None] | None = None,
    digest: ReadDigest | None = None,
) -> Iterator[Article | Problem]:
    """Every article in one file, streamed. Ids come from ``stem`` (default: the
    file's own stem) or the JSON ``id``; the format from ``kind`` (a suffix such as
    ".jsonl"; default: the file's own); with ``root``, the file must lie inside it;
    with ``digest``, the bytes read are hashed as they are parsed (read once)."""
    source = shown(path)
    stem = path.stem if stem is None else stem
    suffix = (kind or path.suffix).lower()
    if suffix not in SUFFIXES:
        yield Problem(source, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        fh = open_source(path, root)
    except SourceError as exc:
        yield Problem(source, exc.reason)
        return
    if digest is not None:
        fh = digest.wrap(fh)
    with fh:
        if suffix == ".jsonl":
            yield from parse_jsonl(fh, stem, source, position)
            if digest is not None:
                digest.finish(fh)
            return
        limit = MAX_JSON_BYTES if suffix == ".json" else MAX_ARTICLE_BYTES
        try:
            raw = read_bounded(fh, limit)
            if digest is not None:
                digest.finish(fh)
            text, note = decode_bytes(raw)
        except (SourceError, DecodeError) as exc:
            yield Problem(source, getattr(exc, "reason", None) or str(exc))
            return
        except OSError as exc:
            yield Problem(source, f"cannot read file: {exc.strerror or exc}")
            return
    if suffix == ".json":
        yield from parse_json(text, stem, source)
    elif suffix in (".html", ".htm"):
        yield parse_html(text, stem, source, note=note)
    else:
        yield parse_text(text, stem, source, note=note)


def read_file(path: Path, id_stem: str | None = None) -> list[Article | Problem]:
    """``read_source`` as a list, for small files and tests."""
    return list(read_source(path, id_stem))
