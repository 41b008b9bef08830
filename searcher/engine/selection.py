"""What a request selects, in what order, and the articles that come close.

Pure reads of one ``View``: the documents a plan matches under the filters, a page of
them ranked (by relevance or by date), the page's hits from the stored fields, and,
for a first page the results do not fill, the articles holding some of the words
("hội nghị giao ban quý 3" without "quý 3"), each saying which words it lacks.
"""

from __future__ import annotations

import numpy as np

from searcher.engine.view import View
from searcher.query.parse import SearchRequest
from searcher.query.plan import QueryPlan
from searcher.results.hits import Hit, SearchResults, hit, member

Ranked = list[tuple[int, float | None]]


def matching(view: View, plan: QueryPlan | None) -> np.ndarray:
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


def selection(view: View, request: SearchRequest, plan: QueryPlan | None
              ) -> tuple[np.ndarray, dict, np.ndarray]:  # fmt: skip
    """(text mask, filter masks, matched): the documents a request selects, for a
    page of results and for an export alike."""
    text_mask = matching(view, plan)
    masks = view.facets.filter_masks(request)
    return text_mask, masks, filtered(text_mask, masks)


def filtered(found: np.ndarray, masks: dict) -> np.ndarray:
    """``found`` under every filter mask (a new array)."""
    out = found.copy()
    for m in masks.values():
        out &= m
    return out


FUSED_RANK = 10  # a reading's n-th result adds its odds / (FUSED_RANK + n) to its score


def fused(view: View, readings: list[tuple[QueryPlan, float]], masks: dict, scored: bool
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:  # fmt: skip
    """(text mask, matched under the filter ``masks``, scores) of several readings of one
    query searched together ("bao tuye": "báo tuyển" 1.0, "bão tuyết" 0.6): the articles
    any of them matches, each scored by its place in every reading's ranking, weighted by
    the reading's odds (a reciprocal-rank fusion: the likeliest reading's first results
    come first, another's follow, interleaved by their odds). Places are counted before
    any filter: a facet narrows the list without reordering it. ``scored`` False (a sort
    by date): no scores."""
    text_mask = np.zeros(view.arrays.size, dtype=bool)
    scores = np.zeros(view.arrays.size, dtype=np.float64) if scored else None
    for plan, odds in readings:
        found = matching(view, plan)
        text_mask |= found
        if scores is not None:
            docs = np.flatnonzero(found)
            own = view.arrays.scores(plan.rank)[docs]
            order = np.lexsort((view.arrays.tie_rank[docs], -own))
            scores[docs[order]] += odds / (FUSED_RANK + np.arange(len(docs)))
    return text_mask, filtered(text_mask, masks), scores


def ranked(view: View, request: SearchRequest, plan: QueryPlan | None, matched: np.ndarray,
           offset: int, limit: int, scores: np.ndarray | None = None) -> Ranked:  # fmt: skip
    """(docnum, score) of the results ``offset`` to ``offset + limit``, in order
    (``scores``: the plan's, when the caller has them)."""
    if plan is not None and request.sort == "relevance":
        return view.arrays.top(plan.rank, matched, offset, limit, scores)
    docnums = np.flatnonzero(matched)
    keys = view.facets.sort_key[docnums].astype(np.int64)
    rank = view.arrays.id_rank[docnums]  # the same day: in the order of the ids
    order = np.lexsort((rank, keys if request.sort == "oldest" else -keys))
    return [(int(d), None) for d in docnums[order][offset : offset + limit]]


def page_hits(view: View, found: Ranked, exact: set[str], folded: set[str]) -> list[Hit]:
    """The hits of ranked documents, read from their stored fields, marks placed."""
    stored = view.stored([d for d, _ in found])
    return [hit(f, score, exact, folded) for f, (_, score) in zip(stored, found, strict=True)]


def cards(view: View, found: Ranked, exact: set[str], folded: set[str],
          grouped: bool, scores: np.ndarray | None = None) -> list[Hit]:  # fmt: skip
    """The hits of ranked documents, each with its meeting's other reports when
    ``grouped`` (one card per meeting): those that match the query best first when the
    search ranks by relevance (``scores``), else the longest first."""
    hits = page_hits(view, found, exact, folded)
    if grouped:
        for shown, (d, _) in zip(hits, found, strict=True):
            members = view.related.members(d)
            if scores is not None and len(members) > 1:
                members = sorted(members, key=lambda m: -scores[m])  # stable: then longest
            shown.group = [member(m) for m in view.stored(members)]
    return hits


def as_typed(view: View, request: SearchRequest, plan: QueryPlan, shown: SearchResults,
             selected: tuple[np.ndarray, np.ndarray, dict], scores: np.ndarray | None,
             ) -> list[Hit]:  # fmt: skip
    """After a correction's results (``shown``) that do not fill a first page, what the
    query as typed finds ("bo giia" → "bố giá": 13 results, then the articles holding
    "bo"): its results, then the articles holding some of its words, without those
    already shown. ``selected``: the typed query's matches (one per meeting when
    grouped), every report holding its words, and the filter masks; ``scores`` its
    scores — read, not computed again."""
    room = request.limit - len(shown.hits) - len(shown.closest)
    if request.page != 1 or room <= 0:
        return []
    matched, every, masks = selected
    seen = {x for h in (*shown.hits, *shown.closest) for x in (h.id, *(m.id for m in h.group))}
    want, total = room + len(seen), int(matched.sum())
    exact, folded = plan.exact_marks, plan.folded_marks
    found = cards(view, ranked(view, request, plan, matched, 0, want, scores), exact, folded,
                  request.grouped)  # fmt: skip
    nearby: list[Hit] = []
    if len(request.clauses) > 1 and want > total:
        nearby, _ = closest(view, plan, masks, every, want - total, exact, folded, None, scores)
    return [h for h in (*found, *nearby) if h.id not in seen][:room]


def closest(view: View, plan: QueryPlan, masks: dict, text_mask: np.ndarray, limit: int,
            exact: set[str], folded: set[str],
            suggested: tuple[QueryPlan, np.ndarray] | None = None,
            scores: np.ndarray | None = None,
            ) -> tuple[list[Hit], int]:  # fmt: skip
    """The articles that are not results (``text_mask``: every report holding the
    words, a card's other reports of its meeting too) but hold some of the words (under the
    filters, without the excluded words): those holding most of them first, then as
    results are ranked; each says which words it lacks. Before them, when the page
    suggests a correction (``suggested``: its plan and the articles holding every word
    of it, "giao bam" → "giao ban"), those articles, as it ranks them. Shown after the
    results of a first page they do not fill (in their place when there are none), never
    counted as results. Returns them and how many hold the correction's words."""
    clause_masks = [(label, view.arrays.mask(q)) for label, q in plan.clauses]
    held = np.zeros(view.arrays.size, dtype=np.int32)
    for _, m in clause_masks:
        held += m
    allowed = filtered(view.facets.live & ~text_mask, masks)
    if plan.excluded is not None:
        allowed &= ~view.arrays.mask(plan.excluded)
    first = np.zeros(0, dtype=np.int64)
    if suggested is not None:
        better_plan, holding = suggested
        first = np.flatnonzero(holding & allowed)
        better = view.arrays.scores(better_plan.rank)[first]
        first = first[np.lexsort((view.arrays.tie_rank[first], -better))][:limit]
        allowed[first] = False
    rest = np.flatnonzero(allowed & (held > 0))
    scores = view.arrays.scores(plan.rank) if scores is None else scores
    rank = view.arrays.tie_rank[rest]
    order = np.lexsort((rank, -scores[rest], -held[rest]))[: limit - len(first)]
    candidates = np.concatenate([first, rest[order]])
    if not len(candidates):
        return [], 0
    found = [(int(d), float(scores[d])) for d in candidates]
    hits = page_hits(view, found, exact, folded)
    for shown, (d, _) in zip(hits, found, strict=True):
        shown.missing = [label for label, m in clause_masks if not m[d]]
    return hits, len(first)
