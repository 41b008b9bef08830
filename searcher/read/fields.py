"""The fields of one exported record (JSON/JSONL), each read on its own: a field that
cannot be read is left out and named in a note, never a reason to lose the article.
Only a record with no text at all is refused (``articles.make_article`` decides that).

>>> f = read_fields({"title": "Hội nghị", "body": "…", "date": "20201001"}, "tin-1")
>>> f.title, f.published.isoformat(), f.notes
('Hội nghị', '2020-10-01', [])
>>> read_fields({"title": "Hội nghị", "date": "2020-13-45"}, "tin-2").notes
["date '2020-13-45' not understood: ignored (dates are read from the text)"]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from searcher.vi.dates import read_date_field
from searcher.vi.text import clean_text

SHOWN_CHARS = 40  # of a value quoted in a note


@dataclass(slots=True)
class RecordFields:
    """What was read of a record; ``notes`` say what was left out and why."""

    id: str
    title: str = ""
    body: str = ""
    published: date | None = None
    url: str | None = None
    source: str | None = None
    notes: list[str] = field(default_factory=list)


def quoted(value: object) -> str:
    """A value as a note quotes it: short, on one line.

    >>> quoted("2020-13-45"), quoted(["a"]), quoted("x" * 50)[-3:]
    ("'2020-13-45'", 'a list', "x…'")
    """
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, bool) or value is None:
        return "a " + ("boolean" if isinstance(value, bool) else "null")
    text = " ".join(clean_text(str(value)).split())
    return repr(text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…")


def _text(value: object) -> str | None:
    """Text from a string or a list of strings (paragraphs); else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n".join(value)
    return None


def read_fields(
    record: dict, default_id: str, stamp_in_text: Callable[[str], date | None] | None = None
) -> RecordFields:
    """Every field of ``record`` that can be read. ``stamp_in_text`` reads a date from the
    body's first lines when the ``date`` field cannot be read (as for ``.txt`` pages)."""
    out = RecordFields(id=default_id)
    for name in ("title", "body"):
        value = record.get(name)
        text = _text(value) if value is not None else ""
        if text is None:
            out.notes.append(f"field '{name}' is {quoted(value)}, not text: ignored")
        setattr(out, name, text or "")
    raw_id = record.get("id")
    if raw_id not in (None, ""):
        if isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
            out.id = str(raw_id)
        else:
            out.notes.append(f"id {quoted(raw_id)} is not text: stored as '{default_id}'")
    _read_date(record, out, stamp_in_text)
    url = record.get("url")
    if url not in (None, ""):
        out.url = web_address(url) if isinstance(url, str) else None
        if out.url is None:
            out.notes.append(f"url {quoted(url)} is not a web address (http/https): ignored")
    source = record.get("source")
    if source not in (None, ""):
        if isinstance(source, str):
            out.source = source
        else:
            out.notes.append(f"source {quoted(source)} is not text: ignored")
    return out


def _read_date(
    record: dict, out: RecordFields, stamp_in_text: Callable[[str], date | None] | None
) -> None:
    value = record.get("date")
    if value in (None, ""):
        return
    out.published, remark = read_date_field(value)
    if out.published is not None:
        if remark:
            out.notes.append(f"date {quoted(value)} {remark}")
        return
    found = stamp_in_text(out.body) if stamp_in_text else None
    if found is not None:
        out.published = found
        out.notes.append(f"date {quoted(value)} not understood: read from the text instead")
    else:
        out.notes.append(f"date {quoted(value)} not understood: ignored (dates are read "
                         "from the text)")  # fmt: skip


def web_address(raw: str) -> str | None:
    """An http(s) address, or None: anything else (``javascript:``, a path) is dropped.

    >>> web_address(" https://vks.example/tin?id=1 "), web_address("javascript:alert(1)")
    ('https://vks.example/tin?id=1', None)
    >>> web_address("http://[bad/tin"), web_address("http://vks.example:99999/")
    (None, None)
    """
    url = raw.strip()
    ok = url.lower().startswith(("http://", "https://")) and not any(
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Cs", "Cn") for ch in url
    )
    return url if ok and len(url) <= 2000 and _readable(url) else None


def _readable(url: str) -> bool:
    """Whether the address's host and port can be read ("http://[bad" cannot): every
    later reader of it (the publisher's province, the page's site name) splits it."""
    try:
        parts = urlsplit(url)
        parts.hostname, parts.port  # noqa: B018 - parsed on access, may raise
    except ValueError:
        return False
    return True
