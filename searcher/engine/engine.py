"""Run a ``SearchRequest`` against the live index and return plain data.

``Engine`` keeps one Whoosh searcher and its facet arrays, reopening them when
``rebuild`` swaps in a new generation or ``add`` commits. The CLI and the web
app both call ``Engine.search`` and render the same ``SearchResults``.

>>> from pathlib import Path
>>> Engine(Path("/nonexistent")).search(build_request("")).total
0
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from unicodedata import normalize

import numpy as np

from searcher.engine.arrays import MissingArrays
from searcher.engine.correcting import did_you_mean, readings_shown
from searcher.engine.selection import as_typed, cards, closest, fused, ranked, selection
from searcher.engine.view import View, load_shared_tables
from searcher.index.generations import build_info, current_generation, open_current
from searcher.index.sizes import index_sizes
from searcher.query.parse import SearchRequest, build_request
from searcher.query.plan import QueryPlan, plan_query
from searcher.results.complete import Completions, complete, grouped
from searcher.results.export import export_row
from searcher.results.highlight import highlight_html
from searcher.results.hits import ArticleView, Hit, SearchResults, hit, member

__all__ = ["ArticleView", "Engine", "Hit", "SearchResults", "build_request", "load_shared_tables"]
REFRESH_SECONDS = 0.5
NORMS = ("NFC", "NFD")


class Engine:
    """Searches the index in ``index_dir``; safe to share between threads. Searches
    run side by side on the current view; only swapping views takes a lock."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()  # guards the view swap, never a whole search
        self._view: View | None = None
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

    def _current(self) -> View | None:
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
                self._view, self._generation = View(index, gen), gen
        elif not self._view.searcher.up_to_date():
            self._view = View(self._view.index, gen)

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

    def _search(self, view: View, request: SearchRequest, started: float,
                plan: QueryPlan | None = None,
                others: list[tuple[QueryPlan, float]] | None = None) -> SearchResults:  # fmt: skip
        """``plan``: the request's plan when the caller has it (a correction shown);
        ``others``: the other readings searched with it, with their odds."""
        fx = view.facets
        plan = plan or plan_query(request, view.arrays)
        text_mask, masks, matched = selection(view, request, plan)
        # scored once: the ranking, each meeting's best report and the closest read them
        by_relevance = plan is not None and request.sort == "relevance"
        exact, folded = (plan.exact_marks, plan.folded_marks) if plan else (set(), set())
        scores = view.arrays.scores(plan.rank) if by_relevance and not others else None
        if plan is not None and others:  # several readings of a misspelt query, together
            text_mask, matched, scores = fused(view, [(plan, 1.0), *others], masks, by_relevance)
            exact = exact.union(*(p.exact_marks for p, _ in others))
            folded = folded.union(*(p.folded_marks for p, _ in others))
        every = text_mask  # every report holding the words, before one per meeting is kept
        if request.grouped:  # one card per meeting, its best report (relevance) or longest
            text_mask = view.related.collapse(text_mask, scores)
            matched = view.related.collapse(matched, scores)
        total = int(matched.sum())
        corrected = did_you_mean(view, request, plan, masks, total)
        if shown := readings_shown(view, request, plan, corrected, total):
            # nothing found, or the typed words never stand together where the
            # correction's do: show the correction's results, its other likely readings'
            # with them (and how to search as typed)
            alternative, others = corrected.request, shown[1:]
            weighed = [(p, odds) for _, p, odds in others]
            # the correction is not corrected again: its own did-you-mean would not be shown
            results = self._search(view, replace(alternative, suggest=False), started,
                                   corrected.plan, weighed)  # fmt: skip
            results.query, results.corrected = request.text, alternative.text
            results.readings = [text for text, _, _ in others]
            results.typed_total = total
            results.suggestion = None
            # the typed query's own reads (matches, scores) are reused for what follows it
            results.as_typed = as_typed(view, request, plan, results, (matched, every, masks),
                                        scores)  # fmt: skip
            return results
        suggested = corrected.request.text if corrected else None
        offset = (request.page - 1) * request.limit
        page = ranked(view, request, plan, matched, offset, request.limit, scores)
        hits = cards(view, page, exact, folded, request.grouped, scores)
        relaxed = plan is not None and len(request.clauses) > 1 and not text_mask.any()
        # a first page the results do not fill ends with the articles holding most words
        room = request.limit - total if request.page == 1 else 0
        nearby, suggested_first = [], 0
        if plan is not None and (len(request.clauses) > 1 or corrected) and room > 0:
            nearby, suggested_first = closest(
                view, plan, masks, every, room, exact, folded,
                (corrected.plan, corrected.found) if corrected else None, scores)  # fmt: skip
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
            closest=nearby,
            closest_suggested=suggested_first,
            date_from=request.date_from.isoformat() if request.date_from else None,
            date_to=request.date_to.isoformat() if request.date_to else None,
            shortened=len(plan.clauses) if plan is not None and plan.dropped else 0,
            timeline=timeline,
            year_only=year_only,
        )

    def export(self, request: SearchRequest, batch: int = 200) -> Iterator[dict]:
        """Every result of ``request`` (not one page), in its order, as flat rows of
        metadata (``searcher.results.export.FIELDS``). The order is computed once; stored fields are
        read a batch at a time, so a long export never holds the engine for long."""
        view = self._current()
        if view is None:
            return
        plan = plan_query(request, view.arrays)
        _, masks, matched = selection(view, request, plan)
        scores = None  # the page's correction and its readings, when the page shows them
        total = int(matched.sum())
        corrected = did_you_mean(view, request, plan, masks, total)
        if shown := readings_shown(view, request, plan, corrected, total):
            request, plan = corrected.request, corrected.plan
            together = [(p, odds) for _, p, odds in shown if p is not None]
            _, matched, scores = fused(view, together, masks, request.sort == "relevance")
        order = ranked(view, request, plan, matched, 0, int(matched.sum()), scores)
        for start in range(0, len(order), batch):
            part = order[start : start + batch]
            for stored, (_, score) in zip(view.stored([d for d, _ in part]), part, strict=True):
                yield export_row(stored, score)

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
