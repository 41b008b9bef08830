"""One open generation of the index, as every search of it reads it.

A ``View`` holds the segment arrays (the query path), the facet arrays, a Whoosh
searcher for the stored fields of the page's hits, and what is built from them on
first use (did-you-mean's vocabulary, meeting groups, titles for completions).
``Engine`` swaps views when a new generation is committed; threads share one, so
"giao bam" corrected to "giao ban" once is remembered for every thread
(``View.suggestions``) until the next ``add`` makes a new view.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from searcher.engine.arrays import ArrayIndex
from searcher.engine.facets import FacetIndex
from searcher.engine.related import Related
from searcher.index.recent import Recent
from searcher.query.abbreviations import folded_expansions
from searcher.query.words import known_words
from searcher.results.vocabulary import Vocabulary
from searcher.vi.segment import segment
from searcher.vi.text import fold

SUGGESTIONS = 4096  # did-you-mean answers remembered per view (a query asked again)


def load_shared_tables() -> None:
    """Load the tables every search reads and no index changes (the segmenter's model
    and dictionary, places, abbreviations): a pre-forking server calls this once, so
    its workers share these pages instead of each loading a copy."""
    known_words()
    folded_expansions()
    segment("Viện kiểm sát nhân dân tỉnh Thanh Hóa họp giao ban")


class View:
    """One open index: its segment arrays (the query path) and a Whoosh searcher for
    the stored fields of the page's hits. Immutable once built: threads share it."""

    def __init__(self, index, gen: Path) -> None:
        self.index = index
        self.searcher = index.searcher()
        try:
            self.arrays = ArrayIndex(gen, self.searcher.reader())
        except BaseException:
            self.searcher.close()
            raise
        self.facets = FacetIndex(self.arrays)
        known_words()  # the word dictionary, loaded once per process before a query needs it
        self.stored_lock = threading.Lock()  # one file position per Whoosh reader
        self._vocab: Vocabulary | None = None
        self.suggestions = Recent(SUGGESTIONS)  # (plain, typed syllables) → did-you-mean
        self._titles: list[str] | None = None
        self._related: Related | None = None
        self._related_lock = threading.Lock()

    @property
    def related(self) -> Related:
        """Meeting groups and similar reports, built on first use."""
        if self._related is None:
            with self._related_lock:
                if self._related is None:
                    self._related = Related(self.arrays, self.facets)
        return self._related

    def docnum(self, article_id: str) -> int | None:
        """The document number of an article id (from the stored id field)."""
        with self.stored_lock:
            found = self.searcher.document_number(id=article_id)
        return found

    def __del__(self) -> None:
        """Close the segment files when no search (or export) uses this view any more;
        a replaced view is not closed at once, an export may still be reading it."""
        with contextlib.suppress(Exception):
            self.searcher.close()

    def stored(self, docnums: list[int]) -> list[dict]:
        with self.stored_lock:
            return [self.searcher.stored_fields(d) for d in docnums]

    @property
    def titles(self) -> list[str]:
        """Folded titles of every document (for completions), from the arrays."""
        if self._titles is None:
            self._titles = [fold(t) for seg in self.arrays.segments for t in seg.titles.tolist()]
        return self._titles

    @property
    def vocabulary(self) -> Vocabulary:
        if self._vocab is None:
            self._vocab = Vocabulary(self.arrays)
        return self._vocab
