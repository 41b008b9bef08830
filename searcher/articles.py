"""Read raw articles (.txt, .html/.htm, .json, .jsonl) in any supported encoding.

Every file gives a list of ``Article`` and ``Problem``: one bad record or file is
reported by name with a reason, and never stops the rest of a batch.

>>> a = parse_text("Hội nghị giao ban\\n1/15/2021 7:29:59 AM Sáng ngày 12/1/2021, ...", "x")
>>> a.title, a.published.isoformat()
('Hội nghị giao ban', '2021-01-15')
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from searcher.clean import clean_lines, split_author, split_page
from searcher.dates import CMS_TIMESTAMP, DMY, ISO_DATE, parse_cms_timestamp, parse_date
from searcher.decode import DecodeError, decode_bytes
from searcher.html_text import html_to_lines
from searcher.text import canonical

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_BYTES = 5 * 1024 * 1024  # a report is ~10 kB; bigger files are dumps, not articles
_ID_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: original text for display, facts read from the page."""

    id: str
    title: str
    body: str
    author: str | None = None
    published: date | None = None
    url: str | None = None
    source: str = ""
    furniture: str = ""  # site furniture (footer, owner), used only to read metadata

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


def safe_id(raw: str) -> str:
    """An article id safe in a URL and a file name: "Hội nghị 1" → "Hội_nghị_1"."""
    return _ID_UNSAFE.sub("_", unicodedata.normalize("NFC", raw)).strip("._")[:120]


def _split_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n|\u2028|\u2029", text)


def parse_text(text: str, article_id: str, source: str = "") -> Article | Problem:
    """A scraped page: title line, optional CMS timestamp line, body, furniture."""
    page = split_page(_split_lines(text))
    lines = page.lines
    published = None
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i <= 3 and (m := CMS_TIMESTAMP.match(line)):
            published = published or parse_cms_timestamp(line)
            rest = line[m.end() :].strip()
            if rest:
                kept.append(rest)
            continue
        if 0 < i <= 3 and (DMY.fullmatch(line) or ISO_DATE.fullmatch(line)):
            published = published or parse_date(line)
            continue
        kept.append(line)
    return _make_article(
        kept, article_id, source, published=published, furniture="\n".join(page.furniture)
    )


def _make_article(
    lines: list[str],
    article_id: str,
    source: str,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    furniture: str = "",
) -> Article | Problem:
    if title is None:
        if not lines:
            return Problem(source, "empty article: no text after cleaning")
        title, lines = lines[0], lines[1:]
    title = re.sub(r"\s+", " ", title).strip()
    if lines and lines[0] == title:
        lines = lines[1:]
    cleaned = split_author(lines)
    body = "\n".join(cleaned.lines).strip()
    if not title:
        return Problem(source, "no title")
    if not body:
        return Problem(source, "empty article: title but no body text")
    return Article(
        id=article_id,
        title=title,
        body=body,
        author=cleaned.author,
        published=published,
        url=url,
        source=source,
        furniture=furniture,
    )


def parse_html(text: str, article_id: str, source: str = "") -> Article | Problem:
    """Article text from HTML markup; title from <h1> or <title>."""
    title, lines = html_to_lines(text)
    article = parse_text("\n".join(([title] if title else []) + lines), article_id, source)
    return article


def parse_record(record: object, default_id: str, source: str) -> Article | Problem:
    """One JSON object with ``title`` and ``body`` (optional date, url, source, id)."""
    if not isinstance(record, dict):
        return Problem(source, f"expected a JSON object, got {type(record).__name__}")
    for field in ("title", "body"):
        value = record.get(field)
        if value is None:
            return Problem(source, f"missing field '{field}'")
        if not isinstance(value, str):
            return Problem(source, f"field '{field}' must be a string, got {type(value).__name__}")
    for field in ("date", "url", "source", "id"):
        value = record.get(field)
        if value is not None and not isinstance(value, (str, int)):
            return Problem(source, f"field '{field}' must be a string, got {type(value).__name__}")
    article_id = safe_id(str(record["id"])) if record.get("id") not in (None, "") else default_id
    if not article_id:
        return Problem(source, "field 'id' has no usable characters")
    published = parse_date(str(record["date"])) if record.get("date") else None
    if record.get("date") and published is None:
        return Problem(source, f"field 'date' is not a date: {str(record['date'])[:40]!r}")
    body_lines = clean_lines(_split_lines(record["body"]))
    return _make_article(
        body_lines,
        article_id,
        str(record.get("source") or source),
        title=record["title"],
        published=published,
        url=str(record["url"]) if record.get("url") else None,
    )


def parse_json(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    """A JSON object or an array of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(source, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            yield parse_record(record, f"{stem}-{n}", f"{source}[{n}]")
    else:
        yield parse_record(data, stem, source)


def parse_jsonl(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    """One JSON object a line; a broken line is reported, the others still read."""
    for n, line in enumerate(_split_lines(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON on line {n}: {exc.msg}")
            continue
        yield parse_record(record, f"{stem}-{n}", where)


def read_file(path: Path, id_stem: str | None = None) -> list[Article | Problem]:
    """Every article in one file, or the problems that stopped them. Article ids
    come from the file name (or ``id_stem``), or the JSON ``id``."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return [Problem(source, f"unsupported file type '{suffix or path.name}'")]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return [Problem(source, f"file too large ({size / 1e6:.0f} MB; the limit is 5 MB)")]
        raw = path.read_bytes()
    except PermissionError:
        return [Problem(source, "cannot read file: permission denied")]
    except OSError as exc:
        return [Problem(source, f"cannot read file: {exc.strerror or exc}")]
    try:
        text = decode_bytes(raw)
    except DecodeError as exc:
        return [Problem(source, str(exc))]
    stem = safe_id(id_stem or path.stem)
    if suffix == ".json":
        return list(parse_json(text, stem, source))
    if suffix == ".jsonl":
        return list(parse_jsonl(text, stem, source))
    if not stem:
        return [Problem(source, "file name gives no usable article id")]
    if suffix in (".html", ".htm"):
        return [parse_html(text, stem, source)]
    return [parse_text(text, stem, source)]


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files under the given files and folders, sorted, hidden files skipped."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                        yield Path(root) / name
        else:
            yield path
