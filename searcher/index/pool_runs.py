"""Whoosh's posting pool, spilling in chunks.

When a writer's postings pass its memory limit, Whoosh sorts them and writes a
"run" to a temporary file, one pickle per posting, and reads it back the same
way to merge the runs at commit: two Python calls per posting, a large part of
a big rebuild. ``install()`` makes the pool write and read each run as pickled
lists of up to ``CHUNK`` postings (the same items, in the same order; a run is
read only by the writer that wrote it). Called once by the indexer; the writer
processes Whoosh forks inherit it.

>>> install()
>>> pool = SortingPool(maxsize=2)
>>> for item in [(3, b"c"), (1, b"a"), (2, b"b")]:
...     pool.add(item)
>>> list(pool.items())
[(1, b'a'), (2, b'b'), (3, b'c')]
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from whoosh.externalsort import SortingPool

CHUNK = 50_000


def _write_run(self, f: BinaryIO, items: Iterable[Any]) -> None:
    it = iter(items)
    while chunk := list(itertools.islice(it, CHUNK)):
        pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
    f.close()


def _read_run(self, path: str) -> Iterator[Any]:
    f = self._open_run(path)
    try:
        while True:
            try:
                chunk = pickle.load(f)
            except EOFError:
                return
            yield from chunk
    finally:
        f.close()
        self._remove_run(path)


def install() -> None:
    """Patch ``SortingPool`` (and so Whoosh's ``PostingPool``) in this process."""
    SortingPool._write_run = _write_run
    SortingPool._read_run = _read_run
