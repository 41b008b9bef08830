"""Search results for other programs: flat rows as CSV or JSONL, and an Atom feed.

Pure builders: each takes rows (``Engine.export``) or results and yields text,
so the web can stream them and the CLI can print them; nothing here knows
Flask or click.

>>> row = {"id": "a1", "title": "Hội nghị", "meeting_types": ["giao ban", "tổng kết"]}
>>> "".join(to_csv([row])).splitlines()[1]
'a1,Hội nghị,,,,,,,,giao ban; tổng kết,,,,,,'
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from searcher.index.registry import EXPORT_FIELDS
from searcher.results.hits import shown_title

FIELDS = EXPORT_FIELDS


def export_row(stored: dict, score: float | None) -> dict:
    """One result as a flat row of metadata."""
    year = stored.get("year")
    return {
        "id": stored["id"],
        "title": shown_title(stored)[0],
        "meeting_date": stored.get("meeting_date"),
        "published": stored.get("published"),
        "year": int(year) if year else None,
        "province": stored.get("province"),
        "province_2025": stored.get("province_2025"),
        "level": stored.get("level"),
        "unit": stored.get("unit"),
        "meeting_types": list(stored.get("meeting_types") or []),
        "period": stored.get("period"),
        "period_year": int(stored["period_year"]) if stored.get("period_year") else None,
        "author": stored.get("author"),
        "url": stored.get("url"),
        "source": stored.get("source"),
        "score": round(score, 4) if score is not None else None,
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    text = str(value)
    # a cell a spreadsheet would run as a formula is quoted as text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: Iterable[dict]) -> Iterator[str]:
    """CSV with a header line, one line a row (streamed; UTF-8, with a BOM for Excel
    is the caller's choice)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in FIELDS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def to_jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


UNDATED = "1970-01-01"  # an entry with no date at all sorts last in a feed reader
EXPORT_LIMIT = 100_000  # rows in one web export: the whole archive, not an unbounded loop
# no XML 1.0 document holds these (C0 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF); nor can a lone surrogate be written as UTF-8
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (whatever an index holds,
    nothing the server writes carries them).

    >>> xml_safe("Hội nghị\\x1b giao ban\\ud800")
    'Hội nghị giao ban'
    """
    return _NOT_XML.sub("", text)


def _xml(text: str) -> str:
    """Text for an XML element: escaped, without the characters XML cannot hold.

    >>> _xml("Hội nghị \x01<1>")
    'Hội nghị &lt;1&gt;'
    """
    return escape(xml_safe(text))


def _attr(text: str) -> str:
    return quoteattr(xml_safe(text))


def to_atom(
    rows: Iterable[dict], *, title: str, feed_url: str, page_url: str, article_url
) -> Iterator[str]:
    """An Atom 1.0 feed of the rows (newest first is the caller's order).
    ``article_url(id)`` gives each entry's absolute link."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    yield '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
    yield f"<title>{_xml(title)}</title>\n<id>{_xml(feed_url)}</id>\n<updated>{now}</updated>\n"
    yield f'<link rel="self" href={_attr(feed_url)}/>\n<link href={_attr(page_url)}/>\n'
    yield "<author><name>Báo cáo VKSND</name></author>\n"
    for row in rows:
        day = row.get("meeting_date") or row.get("published")
        day = day or (f"{row['year']}-01-01" if row.get("year") else UNDATED)
        updated = f"{day}T00:00:00Z"
        link = article_url(row["id"])
        parts = [row.get("unit"), row.get("province"), ", ".join(row.get("meeting_types") or [])]
        summary = " · ".join(p for p in parts if p)
        yield (
            f"<entry><title>{_xml(row['title'])}</title><id>{_xml(link)}</id>"
            f"<link href={_attr(link)}/><updated>{updated}</updated>"
            f"<summary>{_xml(summary)}</summary></entry>\n"
        )
    yield "</feed>\n"
