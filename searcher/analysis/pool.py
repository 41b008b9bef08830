"""``to_document`` for a batch's articles: in this process, or in worker processes
with the results delivered in the order the articles were given.

Analysis (pyvi segmentation above all) is most of the cost of indexing; a rebuild
spreads it over the machine's cores while this process feeds Whoosh and collects
the array rows.

>>> from searcher.read.articles import Article
>>> got = []
>>> with Analyser(1) as a:
...     a.submit(Article("a1", "Giao ban", "Họp giao ban."), "a1.txt", 0, "", got.append)
>>> got[0]["title"]
['giao', 'ban']
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from pathlib import Path

from searcher.read.articles import Article

IN_FLIGHT = 64  # articles queued per worker before the oldest is waited for


def _read_cache(path: Path | None) -> None:
    from searcher.analysis.analyzers import use_segment_cache
    from searcher.analysis.segcache import SegmentCache

    use_segment_cache(SegmentCache(path, readonly=True) if path else None)


def _document(article: Article, source: str, size: int, sha1: str) -> dict:
    from searcher.index import batch as ingest  # looked up at call time: tests may patch it

    return ingest.to_document(article, source, size, sha1)


class Analyser:
    """Submit articles; each ``then(document)`` runs in this process, in order."""

    def __init__(self, workers: int, cache: Path | None = None) -> None:
        """``cache``: a segmentation cache file the workers read (see ``segcache``)."""
        self.pool = None
        if workers > 1:
            context = multiprocessing.get_context("fork")
            self.pool = context.Pool(workers, initializer=_read_cache, initargs=(cache,))
        self.limit = IN_FLIGHT * max(workers, 1)
        self.pending: deque = deque()

    def submit(self, article: Article, source: str, size: int, sha1: str,
               then: Callable[[dict], None]) -> None:  # fmt: skip
        if self.pool is None:
            then(_document(article, source, size, sha1))
            return
        job = self.pool.apply_async(_document, (article, source, size, sha1))
        self.pending.append((job, then))
        while len(self.pending) > self.limit:
            self._deliver_oldest()

    def _deliver_oldest(self) -> None:
        job, then = self.pending.popleft()
        then(job.get())

    def flush(self) -> None:
        """Deliver everything submitted (before a deletion or a commit)."""
        while self.pending:
            self._deliver_oldest()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        self.pending.clear()

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.flush()
        self.close()
