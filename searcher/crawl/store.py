"""The crawl's memory, one SQLite file: what each address gave last time (ETag,
Last-Modified, content hash, article id), each article once (by canonical address),
every fetch and every run per site (the health table of ``searcher crawl --status``).

>>> with State(":memory:") as s:
...     run = s.start_run("VKSND tỉnh A")
...     s.remember("https://a.example/tin/1", "VKSND tỉnh A", "article", etag='"x1"')
...     s.page("https://a.example/tin/1")["etag"]
'"x1"'
"""

from __future__ import annotations

import functools
import sqlite3
import statistics
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, site TEXT NOT NULL, kind TEXT NOT NULL,
    etag TEXT, last_modified TEXT, content_hash TEXT, article_id TEXT, fetched_at TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, canonical TEXT NOT NULL, site TEXT NOT NULL,
    content_hash TEXT NOT NULL, first_seen TEXT NOT NULL, updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
    new INTEGER DEFAULT 0, changed INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0, robots INTEGER DEFAULT 0, last_error TEXT
);
CREATE TABLE IF NOT EXISTS fetches (
    run INTEGER NOT NULL, site TEXT NOT NULL, url TEXT NOT NULL, at TEXT NOT NULL,
    status INTEGER, seconds REAL, outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fetches_site ON fetches (site, at);
"""
COUNTERS = ("new", "changed", "unchanged", "errors", "robots")


def _locked(method):
    """One thread at a time on the connection (sites are crawled in threads)."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return run


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Health:
    """One row of ``searcher crawl --status``."""

    site: str
    last_success: str | None
    new: int
    errors: int
    robots: int
    median_seconds: float | None
    articles: int
    last_error: str | None


class State:
    """The state file, opened for one run (or one status query)."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.lock = threading.RLock()
        self.db.execute("PRAGMA journal_mode=WAL")  # a status query never waits for a run
        self.db.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints, not per fetch
        self.db.executescript(SCHEMA)

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_locked
    def close(self) -> None:
        self.db.commit()
        self.db.close()

    @_locked
    def page(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()

    @_locked
    def article(self, article_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    @_locked
    def remember(
        self,
        url: str,
        site: str,
        kind: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        content_hash: str | None = None,
        article_id: str | None = None,
    ) -> None:
        """What ``url`` gave now (replaces what it gave before)."""
        self.db.execute(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (url, site, kind, etag, last_modified, content_hash, article_id, now_iso()),
        )
        self.db.commit()

    @_locked
    def save_article(self, article_id: str, canonical: str, site: str, content_hash: str) -> None:
        stamp = now_iso()
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "content_hash = excluded.content_hash, updated = excluded.updated",
            (article_id, canonical, site, content_hash, stamp, stamp),
        )
        self.db.commit()

    @_locked
    def start_run(self, site: str) -> int:
        cur = self.db.execute("INSERT INTO runs (site, started) VALUES (?, ?)", (site, now_iso()))
        self.db.commit()
        return int(cur.lastrowid)

    @_locked
    def count(self, run: int, counter: str, error: str | None = None) -> None:
        assert counter in COUNTERS
        self.db.execute(f"UPDATE runs SET {counter} = {counter} + 1 WHERE id = ?", (run,))
        if error:
            self.db.execute("UPDATE runs SET last_error = ? WHERE id = ?", (error[:300], run))
        self.db.commit()

    @_locked
    def fetched(
        self, run: int, site: str, url: str, status: int | None, seconds: float | None, outcome: str
    ) -> None:
        self.db.execute(
            "INSERT INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run, site, url, now_iso(), status, seconds, outcome),
        )
        self.db.commit()

    @_locked
    def finish_run(self, run: int) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (now_iso(), run))
        self.db.commit()

    @_locked
    def health(self) -> list[Health]:
        """Per site: last successful fetch, the last run's new articles, errors and robots
        blocks, the median time of its last 200 fetches, articles known."""
        rows = []
        sites = [r[0] for r in self.db.execute("SELECT DISTINCT site FROM runs ORDER BY site")]
        for site in sites:
            last = self.db.execute(
                "SELECT * FROM runs WHERE site = ? ORDER BY id DESC LIMIT 1", (site,)
            ).fetchone()
            success = self.db.execute(
                "SELECT max(at) FROM fetches WHERE site = ? AND outcome IN ('ok', 'not-modified')",
                (site,),
            ).fetchone()[0]
            times = [
                r[0]
                for r in self.db.execute(
                    "SELECT seconds FROM fetches WHERE site = ? AND seconds IS NOT NULL "
                    "ORDER BY rowid DESC LIMIT 200",
                    (site,),
                )
            ]
            known = self.db.execute("SELECT count(*) FROM articles WHERE site = ?", (site,))
            rows.append(
                Health(
                    site,
                    success,
                    last["new"],
                    last["errors"],
                    last["robots"],
                    statistics.median(times) if times else None,
                    known.fetchone()[0],
                    last["last_error"],
                )
            )
        return rows
