"""Run a ``SearchRequest`` against the live index and return plain data.

``Engine`` keeps one Whoosh searcher and its facet arrays, reopening them when
``rebuild`` swaps in a new generation or ``add`` commits. The CLI and the web
app both call ``Engine.search`` and render the same ``SearchResults``.

>>> from pathlib import Path
>>> Engine(Path("/nonexistent")).search(build_request("")).total
0
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from unicodedata import normalize

import numpy as np

from searcher.engine.arrays import ArrayIndex, MissingArrays
from searcher.engine.facets import FacetIndex
from searcher.engine.related import Related
from searcher.index.generations import build_info, current_generation, open_current
from searcher.index.recent import Recent
from searcher.index.sizes import index_sizes
from searcher.query.abbreviations import folded_expansions
from searcher.query.nodes import AllOf
from searcher.query.parse import QueryError, SearchRequest, build_request, parse_query
from searcher.query.plan import QueryPlan, plan_query
from searcher.query.words import known_words
from searcher.results.complete import Completions, complete, grouped
from searcher.results.export import export_row
from searcher.results.highlight import highlight_html
from searcher.results.hits import ArticleView, Hit, SearchResults, hit, member
from searcher.results.suggest import suggestion, unglued
from searcher.results.vocabulary import Vocabulary
from searcher.vi.segment import segment
from searcher.vi.text import canonical, fold, has_diacritics

__all__ = ["ArticleView", "Engine", "Hit", "SearchResults", "build_request"]
REFRESH_SECONDS = 0.5
SUGGEST_BELOW = 5  # did-you-mean is looked for when a query finds fewer articles
SUGGEST_WORDS = 8  # or when its words rarely stand together (plain queries this long)
TOGETHER_BELOW = 2  # … as a whole phrase in fewer articles than this ("se hoi tro")
TOGETHER_BELOW_ACCENTED = 1  # typed with accents and found so, in one article: as meant
SUGGESTIONS = 4096  # did-you-mean answers remembered per view (a query asked again)
NORMS = ("NFC", "NFD")


def load_shared_tables() -> None:
    """Load the tables every search reads and no index changes (the segmenter's model
    and dictionary, places, abbreviations): a pre-forking server calls this once, so
    its workers share these pages instead of each loading a copy."""
    known_words()
    folded_expansions()
    segment("Viện kiểm sát nhân dân tỉnh Thanh Hóa họp giao ban")


class _View:
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


def _typed_syllables(plan: QueryPlan) -> tuple[list[str], bool] | None:
    """The plain query's words as the archive is asked for them (canonical when typed
    with accents, else folded) and whether they were accented; None for fewer than two
    words or more than ``SUGGEST_WORDS``."""
    words = [w for w in plan.typed if w.isalpha()]
    if not 2 <= len(words) <= SUGGEST_WORDS:
        return None
    accented = any(has_diacritics(w) for w in words)
    return ([canonical(w) for w in words] if accented else [fold(w) for w in words]), accented


class Engine:
    """Searches the index in ``index_dir``; safe to share between threads. Searches
    run side by side on the current view; only swapping views takes a lock."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()  # guards the view swap, never a whole search
        self._view: _View | None = None
        self._generation: Path | None = None
        self._checked = 0.0
        self._unreadable: str | None = None  # why the newest state is not the one served

    def warm(self) -> None:
        """Open the index and build what its first searches would (did-you-mean's
        tables): a server's worker calls this before it takes requests, so its first
        user does not wait for them."""
        view = self._current()
        if view is not None:
            view.vocabulary.warm()

    def _current(self) -> _View | None:
        now = time.monotonic()
        if self._view is not None and now - self._checked < REFRESH_SECONDS:
            return self._view
        with self._lock:
            if self._view is not None and now - self._checked < REFRESH_SECONDS:
                return self._view
            self._checked = now
            try:
                self._refresh()
                self._unreadable = None
            except (OSError, MissingArrays) as exc:  # the previous view, if any, is served
                what = "its arrays are missing" if isinstance(exc, MissingArrays) else "a file"
                self._unreadable = f"the newest index state cannot be read ({what})"
                self._checked = 0.0 if self._view is None else now
        return self._view

    def _refresh(self) -> None:
        gen = current_generation(self.index_dir)
        if gen is None:
            self._view = None
        elif self._view is None or gen != self._generation:
            index = open_current(self.index_dir)
            if index is not None:
                self._view, self._generation = _View(index, gen), gen
        elif not self._view.searcher.up_to_date():
            self._view = _View(self._view.index, gen)

    def refresh(self) -> None:
        """Look for a newer index now, instead of at the next search after
        ``REFRESH_SECONDS`` (a writer in this process has just committed)."""
        with self._lock:
            self._checked = 0.0
        self._current()

    def health(self) -> dict:
        """The served state's article count, and "degraded" (with the reason) when the
        newest state cannot be read: ``{"status": "ok", "articles": 3}``."""
        articles = self.article_count()
        if self._unreadable and self.ready():
            return {"status": "degraded", "articles": articles, "reason": self._unreadable}
        return {"status": "ok", "articles": articles}

    def article_count(self) -> int:
        """Live articles of the served state (a search's total counts meeting cards:
        two reports of one meeting are one)."""
        self.search(build_request("", limit=1))  # IndexMissing when there is no index
        view = self._current()
        return int(np.count_nonzero(view.facets.live)) if view is not None else 0

    def ready(self) -> bool:
        """Is there a built index to search?"""
        return current_generation(self.index_dir) is not None

    def search(self, request: SearchRequest) -> SearchResults:
        started = time.perf_counter()
        view = self._current()
        if view is None:
            return SearchResults(request.text, 0, request.page, request.limit, 0.0, None, [])
        return self._search(view, request, started)

    def _search(self, view: _View, request: SearchRequest, started: float,
                plan: QueryPlan | None = None) -> SearchResults:  # fmt: skip
        """``plan``: the request's plan when the caller has it (a correction shown)."""
        fx = view.facets
        plan = plan or plan_query(request, view.arrays)
        text_mask, masks, matched = self._selection(view, request, plan)
        if request.grouped:  # one card per meeting
            text_mask, matched = view.related.collapse(text_mask), view.related.collapse(matched)
        total = int(matched.sum())
        corrected = self._suggestion(view, request, plan, masks, total)
        if (request.autocorrect and corrected is not None
                and (total == 0 or self._surely_misspelt(view, plan, corrected[1]))):  # fmt: skip
            # nothing found, or the typed words never stand together where the
            # correction's do: show the correction's results (and how to search as typed)
            alternative, alternative_plan, _ = corrected
            # the correction is not corrected again: its own did-you-mean would not be shown
            results = self._search(view, replace(alternative, suggest=False), started,
                                   alternative_plan)  # fmt: skip
            results.query, results.corrected = request.text, alternative.text
            results.typed_total = total
            results.suggestion = None
            return results
        suggested = corrected[0].text if corrected else None
        offset = (request.page - 1) * request.limit
        exact, folded = (plan.exact_marks, plan.folded_marks) if plan else (set(), set())
        ranked = self._ranked(view, request, plan, matched, offset, request.limit)
        hits = self._hits(view, ranked, exact, folded)
        if request.grouped:
            for found, (d, _) in zip(hits, ranked, strict=True):
                found.group = [member(m) for m in view.stored(view.related.members(d))]
        relaxed = plan is not None and len(request.clauses) > 1 and not text_mask.any()
        # a first page the results do not fill ends with the articles holding most words
        room = request.limit - total if request.page == 1 else 0
        closest, suggested_first = [], 0
        if plan is not None and (len(request.clauses) > 1 or corrected) and room > 0:
            closest, suggested_first = self._closest(
                view, plan, masks, text_mask, room, exact, folded,
                corrected[1:] if corrected else None)  # fmt: skip
        timeline, year_only = fx.timeline(matched)
        took = (time.perf_counter() - started) * 1000
        return SearchResults(
            query=request.text,
            total=total,
            page=request.page,
            limit=request.limit,
            took_ms=took,
            suggestion=suggested,
            hits=hits,
            facets=fx.facets(request, text_mask, masks),
            sort=request.sort,
            relaxed=relaxed,
            closest=closest,
            closest_suggested=suggested_first,
            date_from=request.date_from.isoformat() if request.date_from else None,
            date_to=request.date_to.isoformat() if request.date_to else None,
            shortened=len(plan.clauses) if plan is not None and plan.dropped else 0,
            timeline=timeline,
            year_only=year_only,
        )

    def _selection(self, view: _View, request: SearchRequest, plan: QueryPlan | None):
        """(text mask, filter masks, matched): the documents a request selects, for a
        page of results and for an export alike."""
        text_mask = self._matching(view, plan)
        masks = view.facets.filter_masks(request)
        matched = text_mask.copy()
        for m in masks.values():
            matched &= m
        return text_mask, masks, matched

    def _suggestion(self, view: _View, request: SearchRequest, plan: QueryPlan | None,
                    masks: dict, total: int
                    ) -> tuple[SearchRequest, QueryPlan, np.ndarray] | None:  # fmt: skip
        """Did-you-mean, for a query that finds (almost) nothing — kept when the suggested
        query finds more articles under the same filters — or whose typed words rarely
        stand together in the archive (``_rarely_together``: "giao bam" matches hundreds
        of articles holding "giao" and "bấm" apart) — kept when it finds any. Returns the corrected
        request, its plan (planned once, reused if its results are shown) and the articles
        holding every word of it under the filters (the page's room starts with them)."""
        if plan is None or not request.clauses or not request.suggest:
            return None
        few = total < SUGGEST_BELOW
        if not few and not self._rarely_together(view, plan):
            return None
        key = (plan.plain, plan.typed)  # all that did-you-mean reads of the plan
        suggested = view.suggestions.get(key, lambda _: suggestion(plan, view.vocabulary))
        if suggested is None:
            return None
        try:
            parsed = parse_query(suggested)
        except QueryError:
            return None
        alternative = replace(request, text=suggested, clauses=parsed.clauses,
                              exclusions=parsed.exclusions, autocorrect=False)  # fmt: skip
        alternative_plan = plan_query(alternative, view.arrays)
        # counted holding every one of its words: function words left out of matching
        # ("cấp cao đã năng") must not make a suggestion find more
        every = AllOf(tuple(q for _, q in alternative_plan.clauses)) if alternative_plan else None
        found = view.arrays.mask(every) & view.facets.live
        for m in masks.values():
            found &= m
        enough = int(found.sum()) > total if few else int(found.sum()) > 0
        return (alternative, alternative_plan, found) if enough else None

    @staticmethod
    def _rarely_together(view: _View, plan: QueryPlan) -> bool:
        """Do the words of a plain query stand together, as typed, in fewer than
        ``TOGETHER_BELOW`` articles, body or title? (With their accents when typed
        with them, "thám nhũng"; then in none: words typed with their accents that an
        article holds as typed were meant, ``TOGETHER_BELOW_ACCENTED``.) Two
        neighbours that never stand together answer first, from the pair tables
        did-you-mean reads too; then the whole phrase. A word typed without the spaces
        between its syllables that the archive writes apart far more often ("hanoi")
        is suspect too.
        A typo rarely makes words that stand together: "se hoi tro" matches
        thousands of articles holding "hỏi" and "trò" apart, and one that holds them
        together."""
        if not plan.plain:
            return False
        words = [w for w in plan.typed if w.isalpha()]
        if len(words) <= SUGGEST_WORDS and unglued(words, view.vocabulary) != words:
            return True  # "hanoi": the archive writes "hà nội" far more often
        if (read := _typed_syllables(plan)) is None:
            return False
        typed, accented = read
        for a, b in itertools.pairwise(typed):
            if not view.arrays.stand_together(a, b, folded=not accented):
                return True
        below = TOGETHER_BELOW_ACCENTED if accented else TOGETHER_BELOW
        return view.vocabulary.phrase_count(typed, folded=not accented) < below

    @staticmethod
    def _surely_misspelt(view: _View, plan: QueryPlan, corrected: QueryPlan | None) -> bool:
        """Do the typed words never stand together, as typed, in any title or body, while
        the correction's do ("giao bam": "giao" and "bấm" only apart; "giao ban" in
        hundreds)? Then the correction is shown in the query's place. Not a name typed with
        capitals ("Lê Văn Tùng"): a name is meant as typed."""
        if corrected is None or (read := _typed_syllables(plan)) is None:
            return False
        typed, accented = read
        fixed = [w for w in corrected.typed if w.isalpha()]
        if len(fixed) != len(typed):
            return False
        if all(w[:1].isupper() for w in plan.typed if w.isalpha()):
            return False  # a name as typed ("Lê Văn Tùng"): meant, whatever the archive holds
        if view.vocabulary.phrase_count(typed, folded=not accented):
            return False
        return view.vocabulary.phrase_count([canonical(w) for w in fixed]) > 0

    @staticmethod
    def _hits(view: _View, ranked: list, exact: set[str], folded: set[str]) -> list[Hit]:
        stored = view.stored([d for d, _ in ranked])
        return [hit(f, score, exact, folded) for f, (_, score) in zip(stored, ranked, strict=True)]

    def _closest(self, view: _View, plan: QueryPlan, masks: dict, text_mask: np.ndarray,
                 limit: int, exact: set[str], folded: set[str],
                 suggested: tuple[QueryPlan, np.ndarray] | None = None,
                 ) -> tuple[list[Hit], int]:  # fmt: skip
        """The articles that are not results but hold some of the words (under the
        filters, without the excluded words): those holding most of them first, then as
        results are ranked; each says which words it lacks. Before them, when the page
        suggests a correction (``suggested``: its plan and the articles holding every word
        of it, "giao bam" → "giao ban"), those articles, as it ranks them. Shown after the results
        of a first page they do not fill (in their place when there are none), never
        counted as results. Returns them and how many hold the correction's words."""
        clause_masks = [(label, view.arrays.mask(q)) for label, q in plan.clauses]
        held = np.zeros(view.arrays.size, dtype=np.int32)
        for _, m in clause_masks:
            held += m
        allowed = view.facets.live & ~text_mask
        if plan.excluded is not None:
            allowed &= ~view.arrays.mask(plan.excluded)
        for m in masks.values():
            allowed &= m
        first = np.zeros(0, dtype=np.int64)
        if suggested is not None:
            better_plan, holding = suggested
            first = np.flatnonzero(holding & allowed)
            better = view.arrays.scores(better_plan.rank)[first]
            first = first[np.lexsort((view.arrays.tie_rank[first], -better))][:limit]
            allowed[first] = False
        rest = np.flatnonzero(allowed & (held > 0))
        scores = view.arrays.scores(plan.rank)
        rank = view.arrays.tie_rank[rest]
        order = np.lexsort((rank, -scores[rest], -held[rest]))[: limit - len(first)]
        candidates = np.concatenate([first, rest[order]])
        if not len(candidates):
            return [], 0
        ranked = [(int(d), float(scores[d])) for d in candidates]
        hits = self._hits(view, ranked, exact, folded)
        for found, (d, _) in zip(hits, ranked, strict=True):
            found.missing = [label for label, m in clause_masks if not m[d]]
        return hits, len(first)

    @staticmethod
    def _ranked(view: _View, request: SearchRequest, plan, matched, offset: int, limit: int):
        """(docnum, score) of the results ``offset`` to ``offset + limit``, in order."""
        if plan is not None and request.sort == "relevance":
            return view.arrays.top(plan.rank, matched, offset, limit)
        docnums = np.flatnonzero(matched)
        keys = view.facets.sort_key[docnums].astype(np.int64)
        rank = view.arrays.id_rank[docnums]  # the same day: in the order of the ids
        order = np.lexsort((rank, keys if request.sort == "oldest" else -keys))
        return [(int(d), None) for d in docnums[order][offset : offset + limit]]

    def export(self, request: SearchRequest, batch: int = 200) -> Iterator[dict]:
        """Every result of ``request`` (not one page), in its order, as flat rows of
        metadata (``searcher.results.export.FIELDS``). The order is computed once; stored fields are
        read a batch at a time, so a long export never holds the engine for long."""
        view = self._current()
        if view is None:
            return
        plan = plan_query(request, view.arrays)
        _, _, matched = self._selection(view, request, plan)
        ranked = self._ranked(view, request, plan, matched, 0, int(matched.sum()))
        for start in range(0, len(ranked), batch):
            part = ranked[start : start + batch]
            for stored, (_, score) in zip(view.stored([d for d, _ in part]), part, strict=True):
                yield export_row(stored, score)

    @staticmethod
    def _matching(view: _View, plan: QueryPlan | None) -> np.ndarray:
        """Live documents matching the plan (all live documents for None): every
        required unit, and ``plan.need`` of the optional ones, without the excluded."""
        fx = view.facets
        if plan is None:
            return fx.live.copy()
        found = view.arrays.mask(plan.match) & fx.live
        if plan.share:  # a share of the optional words' idf weight
            weights = np.zeros(view.arrays.size, dtype=np.float32)
            total = 0.0
            for q in plan.optional:
                m = view.arrays.mask(q) & fx.live
                w = view.arrays.idf(int(m.sum()))
                weights += w * m
                total += w
            found &= (weights >= plan.share * total) & (weights > 0)
        elif plan.optional:
            held = np.zeros(view.arrays.size, dtype=np.int16)
            for q in plan.optional:
                held += view.arrays.mask(q)
            found &= held >= plan.need
        if plan.excluded is not None:
            found &= ~view.arrays.mask(plan.excluded)
        return found

    def article(self, article_id: str, request: SearchRequest | None = None) -> ArticleView | None:
        """One article's metadata and clean text, query words marked if given."""
        view = self._current()
        if view is None:
            return None
        stored = None
        with view.stored_lock:
            for form in dict.fromkeys((article_id, *(normalize(f, article_id) for f in NORMS))):
                stored = view.searcher.document(id=form)
                if stored is not None:  # an id typed in another Unicode form is the same id
                    break
        if stored is None:
            return None
        plan = plan_query(request, view.arrays) if request else None
        exact, folded = (plan.exact_marks, plan.folded_marks) if plan else (set(), set())
        shown = hit(stored, None, exact, folded)
        body = stored.get("body_text", "")
        people = stored.get("people") or {}
        found = ArticleView(
            **asdict(shown),
            author=stored.get("author"),
            body=body,
            body_html=highlight_html(body, exact, folded),
            source=stored.get("source", ""),
            attendees=[{"name": n, "role": r} for n, r in people.get("attendees") or []],
        )
        docnum = view.docnum(stored["id"])
        if docnum is not None:
            related = view.related
            found.group = [member(m) for m in view.stored(related.members(docnum))]
            similar = related.similar(docnum)
            shown = view.stored([d for d, _ in similar])
            found.similar = [member(m, k) for m, (_, k) in zip(shown, similar, strict=True)]
        return found

    def duplicates(self, article_id: str) -> list[str]:
        """Ids of the other reports of the same meeting as ``article_id`` (near-duplicate
        text, or the same unit, day and type), for a crawler that skips them."""
        view = self._current()
        docnum = view.docnum(article_id) if view is not None else None
        if view is None or docnum is None:
            return []
        return [s["id"] for s in view.stored(view.related.members(docnum))]

    def stats(self) -> dict:
        """Article count, facet value counts, bytes on disk (``index_sizes``: the served
        generation by part, the cache, the whole folder) and last build."""
        results = self.search(build_request("", limit=1))
        sizes = index_sizes(self.index_dir)
        return {
            "articles": self.article_count(),
            "facets": {
                name: {v.value: v.count for v in values} for name, values in results.facets.items()
            },
            "index_bytes": sizes["total"],
            "sizes": sizes,
            "build": build_info(self.index_dir),
        }

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """As-you-type suggestions (``searcher.results.complete``)."""
        view = self._current()
        return [] if view is None else complete(view.vocabulary, view.arrays, view.titles,
                                                prefix, limit)  # fmt: skip

    def completion_groups(self, prefix: str) -> Completions:
        """Words and places, then article titles, apart (the search box's two groups)."""
        view = self._current()
        return Completions() if view is None else grouped(view.vocabulary, view.arrays,
                                                          view.titles, prefix)  # fmt: skip
