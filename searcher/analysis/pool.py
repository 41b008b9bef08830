"""A batch's articles analysed into documents (the ``work`` function the index stage
passes in): in this process, or in worker processes, the results delivered in the
order the articles were given.

Analysis (pyvi segmentation above all) is most of the cost of indexing; a rebuild
spreads it over the machine's cores while this process feeds Whoosh and collects
the array rows.

>>> from searcher.analysis.analyzers import text_views
>>> from searcher.read.articles import Article
>>> got = []
>>> def work(article, source, size, sha1, cache):
...     return text_views(article.title, article.body, cache)
>>> with Analyser(1, work) as a:
...     a.submit(Article("a1", "Giao ban", "Họp giao ban."), "a1.txt", 0, "", got.append)
>>> got[0]["title"]
['giao', 'ban']
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from pathlib import Path

from searcher.analysis.segcache import SegmentCache
from searcher.read.articles import Article

IN_FLIGHT = 64  # articles queued per worker before the oldest is waited for


Work = Callable[[Article, str, int, str, SegmentCache | None], dict]
_worker: tuple[Work, SegmentCache | None] | None = None  # set in each worker process


def _start_worker(work: Work, path: Path | None) -> None:
    """A worker's own state: the work function and its read-only segmentation cache."""
    global _worker
    _worker = (work, SegmentCache(path, readonly=True) if path else None)


def _in_worker(article: Article, source: str, size: int, sha1: str) -> dict:
    assert _worker is not None
    work, cache = _worker
    return work(article, source, size, sha1, cache)


class Analyser:
    """Submit articles; each ``then(document)`` runs in this process, in order."""

    def __init__(self, workers: int, work: Work, *, cache: SegmentCache | None = None,
                 cache_path: Path | None = None) -> None:  # fmt: skip
        """``work(article, source, size, sha1, cache)`` makes a document (a top-level
        function: workers receive it by name); ``cache`` is the segmentation cache this
        process reads, ``cache_path`` the file each worker opens read-only."""
        self.work, self.cache = work, cache
        self.pool = None
        if workers > 1:
            context = multiprocessing.get_context("fork")
            self.pool = context.Pool(
                workers, initializer=_start_worker, initargs=(work, cache_path)
            )
        self.limit = IN_FLIGHT * max(workers, 1)
        self.pending: deque = deque()

    def submit(self, article: Article, source: str, size: int, sha1: str,
               then: Callable[[dict], None]) -> None:  # fmt: skip
        if self.pool is None:
            then(self.work(article, source, size, sha1, self.cache))
            return
        job = self.pool.apply_async(_in_worker, (article, source, size, sha1))
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
