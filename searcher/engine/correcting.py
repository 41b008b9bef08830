"""When a search offers did-you-mean, and when it shows the correction's results.

Did-you-mean itself (``searcher.results.suggest``) reads only the archive's words; this
module decides when to ask it, from what the query found: a query that finds (almost)
nothing, or whose typed words rarely stand together ("giao bam" matches hundreds of
articles holding "giao" and "bấm" apart), is offered "giao ban"; when the typed words
never stand together and the correction's do, the correction's results are shown.

>>> typed_syllables_of(["Giao", "bam", "2024"])
(['giao', 'bam'], False)
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from searcher.engine.selection import filtered
from searcher.engine.view import View
from searcher.query.nodes import AllOf
from searcher.query.parse import QueryError, SearchRequest, parse_query
from searcher.query.plan import QueryPlan, plan_query
from searcher.results.glued import unglued
from searcher.results.suggest import readings
from searcher.vi.text import canonical, fold, has_diacritics

SUGGEST_BELOW = 5  # did-you-mean is looked for when a query finds fewer articles
SUGGEST_WORDS = 8  # or when its words rarely stand together (plain queries this long)
TOGETHER_BELOW = 2  # … as a whole phrase in fewer articles than this ("se hoi tro")
TOGETHER_BELOW_ACCENTED = 1  # typed with accents and found so, in one article: as meant


class Correction(NamedTuple):
    """Did-you-mean: the corrected request, its plan (planned once, reused if its
    results are shown), the articles holding every word of it under the filters, and the
    query's other likely readings with their odds against it ("bão tuyết" 0.6 beside
    "báo tuyển"), searched with it when its results are shown."""

    request: SearchRequest
    plan: QueryPlan | None
    found: np.ndarray
    others: tuple[tuple[str, float], ...] = ()


def typed_syllables_of(typed: list[str] | tuple[str, ...]) -> tuple[list[str], bool] | None:
    """The plain query's words as the archive is asked for them (canonical when typed
    with accents, else folded) and whether they were accented; None for fewer than two
    words or more than ``SUGGEST_WORDS``."""
    words = [w for w in typed if w.isalpha()]
    if not 2 <= len(words) <= SUGGEST_WORDS:
        return None
    accented = any(has_diacritics(w) for w in words)
    return ([canonical(w) for w in words] if accented else [fold(w) for w in words]), accented


def did_you_mean(view: View, request: SearchRequest, plan: QueryPlan | None, masks: dict,
                 total: int) -> Correction | None:  # fmt: skip
    """Did-you-mean, for a query that finds (almost) nothing — kept when the suggested
    query finds more articles under the same filters — or whose typed words rarely
    stand together in the archive (``rarely_together``) — kept when it finds any.
    Returns the ``Correction`` (the articles holding every word of it start the room of a
    page its results do not fill)."""
    if plan is None or not request.clauses or not request.suggest:
        return None
    few = total < SUGGEST_BELOW
    if not few and not rarely_together(view, plan):
        return None
    key = (plan.plain, plan.typed)  # all that did-you-mean reads of the plan
    found_readings = view.suggestions.get(key, lambda _: tuple(readings(plan, view.vocabulary)))
    if not found_readings:
        return None
    if (read := _reading(view, request, found_readings[0][0])) is None:
        return None
    alternative, alternative_plan = read
    # counted holding every one of its words: function words left out of matching
    # ("cấp cao đã năng") must not make a suggestion find more
    every = AllOf(tuple(q for _, q in alternative_plan.clauses)) if alternative_plan else None
    found = filtered(view.arrays.mask(every) & view.facets.live, masks)
    enough = int(found.sum()) > total if few else int(found.sum()) > 0
    if not enough:
        return None
    return Correction(alternative, alternative_plan, found, tuple(found_readings[1:]))


def _reading(view: View, request: SearchRequest, text: str
             ) -> tuple[SearchRequest, QueryPlan | None] | None:  # fmt: skip
    """``request`` with ``text`` in place of its words (its filters kept, not corrected
    again) and its plan; None for a text the query language refuses."""
    try:
        parsed = parse_query(text)
    except QueryError:
        return None
    read = replace(request, text=text, clauses=parsed.clauses, exclusions=parsed.exclusions,
                   autocorrect=False)  # fmt: skip
    return read, plan_query(read, view.arrays)


def readings_shown(view: View, request: SearchRequest, plan: QueryPlan | None,
                   corrected: Correction | None, total: int
                   ) -> list[tuple[str, QueryPlan, float]] | None:  # fmt: skip
    """The readings whose results take the query's place, the correction first (odds 1),
    then its other likely readings ("bão tuyết" 0.6), each with its plan under the
    request's filters; None when the query's own results are shown. A correction is
    shown when nothing was found, or when the typed words never stand together where the
    correction's do (``surely_misspelt``), unless the user asked for the query exactly as
    typed."""
    if not (request.autocorrect and corrected is not None and plan is not None
            and (total == 0 or surely_misspelt(view, plan, corrected.plan))):  # fmt: skip
        return None
    shown = [(corrected.request.text, corrected.plan, 1.0)]
    for text, odds in corrected.others:
        read = _reading(view, corrected.request, text)
        if read is not None and read[1] is not None:
            shown.append((text, read[1], odds))
    return shown


def rarely_together(view: View, plan: QueryPlan) -> bool:
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
    if (read := typed_syllables_of(plan.typed)) is None:
        return False
    typed, accented = read
    for a, b in itertools.pairwise(typed):
        if not view.arrays.stand_together(a, b, folded=not accented):
            return True
    below = TOGETHER_BELOW_ACCENTED if accented else TOGETHER_BELOW
    return view.vocabulary.phrase_count(typed, folded=not accented) < below


def surely_misspelt(view: View, plan: QueryPlan, corrected: QueryPlan | None) -> bool:
    """Do the typed words never stand together, as typed, in any title or body, while
    the correction's do ("giao bam": "giao" and "bấm" only apart; "giao ban" in
    hundreds)? Then the correction is shown in the query's place. Not a name typed with
    capitals ("Lê Văn Tùng"): a name is meant as typed."""
    if corrected is None or (read := typed_syllables_of(plan.typed)) is None:
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
