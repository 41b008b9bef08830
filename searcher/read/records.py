"""JSON and JSONL exports: one object per article, read record by record.

A broken record is reported by its place ("news.jsonl:17: invalid JSON on line 17")
and the others are read; a JSONL export is streamed with a bounded buffer per line,
so a 1 GB file is read in constant memory. A record without a title keeps its whole
text as body ({"body": "Sáng 11/4/2024, VKSND tỉnh Thanh Hóa tổ chức …"}).

>>> parse_record({"title": "Hội nghị giao ban", "body": "Sáng 11/4."}, "x", "t.json").title
'Hội nghị giao ban'
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

from searcher.read.articles import (
    CONTROLS,
    NOT_JSONL_AFTER,
    Article,
    Problem,
    id_problem,
    make_article,
    parse_text,
    split_lines,
)
from searcher.read.clean import clean_lines
from searcher.read.decode import DecodeError, decode_line
from searcher.read.fields import read_fields
from searcher.read.legacy import convert
from searcher.read.sources import MAX_ARTICLE_BYTES
from searcher.read.stamps import news_stamp
from searcher.vi.text import clean_text


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
    source = CONTROLS.sub("", fields.source or source)
    published = fields.published
    if title and published is None and (stamp := news_stamp(" ".join(title.split()))):
        # a "title" that is only the page's stamp ("03:36 11/07/2017" above a tag page's one
        # story): its publication date, and no title
        title, published = "", stamp
    if title and published is None:  # read like a page: stamps in its header lines
        page = parse_text(" ".join(title.split()) + "\n" + body, article_id, source, url=fields.url,
                          locator=locator, note="; ".join(notes) or None)  # fmt: skip
        if isinstance(page, Article) and page.title:
            return page
    return make_article(
        clean_lines(split_lines(clean_text(body))),
        article_id,
        source,
        title=title,
        published=published,
        url=fields.url,
        locator=locator,
        note="; ".join(notes) or None,
        first_line_title=False,
    )


def _stamp_in_text(body: str) -> date | None:
    """A date stamp line among a record's first lines, as a ``.txt`` page's is read."""
    for line in split_lines(clean_text(body))[:4]:
        if (stamp := news_stamp(line.strip())) is not None:
            return stamp or None
    return None


def _loads(text: str) -> object:
    """``json.loads``; what it cannot read raises ``ValueError`` saying why in words
    ("nested too deeply"), a syntax error its ``JSONDecodeError``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # a number of more than 4,300 digits (Python's int limit)
        raise ValueError("a number too long to read") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None


def parse_json(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    """A JSON object or an array of objects; ``null`` entries (removed records) are skipped."""
    try:
        data = _loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(source, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    except ValueError as exc:
        yield Problem(source, f"invalid JSON: {exc}")
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
            record = _loads(line)
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else exc
            yield Problem(where, f"invalid JSON on line {n}: {reason}")
            continue
        yield parse_record(record, f"{stem}-{n}", where, n)
