"""Segmentation results kept across rebuilds: a text's compounds by the text's hash.

pyvi's CRF is most of the cost of indexing. ``index/segments.sqlite`` remembers
the compounds of every title and body indexed, keyed by a hash of the text, so a
rebuild (after a schema change, say) segments only what is new. A rebuild writes
a fresh file holding exactly the texts it indexed and swaps it in at the end;
``add`` and ``sync`` add to the live one. A damaged or missing file is no error:
the text is segmented again.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with SegmentCache(d / "s.sqlite") as c:
...     c.put([("Hội nghị giao ban", ["hội_nghị", "giao_ban"])])
...     c.get("Hội nghị giao ban"), c.get("khác")
(['hội_nghị', 'giao_ban'], None)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

FILE = "segments.sqlite"
SEP = "\x1f"


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SegmentCache:
    """One cache file; reading never fails (a miss), writing is best effort."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        with contextlib.suppress(sqlite3.Error, OSError):
            if readonly:
                if path.exists():
                    self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            else:
                self.db = sqlite3.connect(path)
                self.db.execute("CREATE TABLE IF NOT EXISTS seg (k BLOB PRIMARY KEY, w TEXT)")

    def get(self, text: str) -> list[str] | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT w FROM seg WHERE k = ?", (text_key(text),)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        return row[0].split(SEP) if row[0] else []

    def put(self, items: list[tuple[str, list[str]]]) -> None:
        if self.db is None or not items:
            return
        rows = [(text_key(t), SEP.join(w)) for t, w in items]
        with contextlib.suppress(sqlite3.Error), self.db:
            self.db.executemany("INSERT OR REPLACE INTO seg VALUES (?, ?)", rows)

    def close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None

    def __enter__(self) -> SegmentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def fresh_path(index_dir: Path) -> Path:
    """Where a rebuild writes its cache before ``replace_with`` swaps it in."""
    for stale in index_dir.glob(f".{FILE}.*"):
        stale.unlink(missing_ok=True)
    return index_dir / f".{FILE}.{os.getpid()}"


def replace_with(index_dir: Path, fresh: Path) -> None:
    with contextlib.suppress(OSError):
        os.replace(fresh, index_dir / FILE)
