"""The archive copy of each crawled article: the bytes exactly as fetched, beside a
small JSON note (address, fetch time, content type), under ``<corpus>/.crawl/raw/``
(a hidden folder: ``sync`` and ``rebuild`` never read it as articles). It outlives
the site, and a better extractor can re-read it later.

>>> import tempfile
>>> home = Path(tempfile.mkdtemp())
>>> raw = "<h1>Hội nghị</h1>".encode()
>>> keep(home, "vks.example-0a1b2c3d4e5f", raw, "https://vks.example/tin/1", "text/html")
>>> copy = stored(home, "vks.example-0a1b2c3d4e5f")
>>> copy.url, copy.raw[:4], len(copy.fetched_at) > 10
('https://vks.example/tin/1', b'<h1>', True)
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

CRAWL_DIR = ".crawl"  # under the corpus
_SAFE_ID = re.compile(r"^[a-z0-9.-]{1,100}-[0-9a-f]{12}$")  # the ids urls.article_id gives


def crawl_home(corpus: Path) -> Path:
    """Where the crawl keeps its state and copies for this corpus."""
    return corpus / CRAWL_DIR


@dataclass(frozen=True)
class StoredCopy:
    raw: bytes
    url: str
    fetched_at: str  # ISO 8601, UTC
    content_type: str


def _paths(home: Path, article_id: str) -> tuple[Path, Path] | None:
    if not _SAFE_ID.match(article_id):
        return None  # not a crawled article: never a path built from user input
    folder = home / "raw"
    return folder / f"{article_id}.html", folder / f"{article_id}.json"


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def keep(home: Path, article_id: str, raw: bytes, url: str, content_type: str) -> None:
    """Store ``raw`` as the archive copy of ``article_id`` (the newest one wins)."""
    paths = _paths(home, article_id)
    if paths is None:
        raise ValueError(f"not a crawl id: {article_id!r}")
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    note = {
        "url": url,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "content_type": content_type,
    }
    _write(paths[0], raw)
    _write(paths[1], json.dumps(note, ensure_ascii=False).encode("utf-8"))


def has_copy(home: Path, article_id: str) -> bool:
    """Is an archive copy of ``article_id`` kept (without reading it)?"""
    paths = _paths(home, article_id)
    return paths is not None and any(path.exists() for path in paths)


def forget(home: Path, article_id: str) -> bool:
    """Delete the archive copy of ``article_id`` (after ``remove``): True if there was one."""
    paths = _paths(home, article_id)
    found = False
    for path in paths or ():
        try:
            path.unlink()
            found = True
        except FileNotFoundError:
            pass
    return found


def stored(home: Path, article_id: str) -> StoredCopy | None:
    """The archive copy of ``article_id``, or None."""
    paths = _paths(home, article_id)
    if paths is None:
        return None
    try:
        note = json.loads(paths[1].read_text("utf-8"))
        raw = paths[0].read_bytes()
    except (OSError, ValueError):
        return None
    return StoredCopy(
        raw,
        str(note.get("url", "")),
        str(note.get("fetched_at", "")),
        str(note.get("content_type", "")),
    )
