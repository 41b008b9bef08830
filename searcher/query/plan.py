"""A validated ``SearchRequest`` → one immutable ``QueryPlan`` (pure: the index is
consulted only through the ``Lexicon`` protocol, to group syllables into words).

The query is analysed once, here: each value typed is split into syllables once,
pyvi's segmenter runs at most once, the words are grouped once. Matching, ranking,
the closest articles, highlighting and did-you-mean all read the plan.

Which articles match is decided on the folded view, so "vien kiem sat", "VIỆN
KIỂM SÁT" and "viện kiểm sát" find the same articles. How they rank is not: a
syllable typed with diacritics scores on the canonical view, with only a weak
fallback on the folded one, so "đường" ranks articles with "đường" above those
with only "dương" or "đương". Function and question words (measured:
``data/function_words.txt``) are never required; of the other words a keyword query
needs all, a longer one a share growing with its length (``scoring.required``); a
``+word`` or a quoted phrase is always required. Compounds and adjacent syllables
only add score; a question of more than ``max_units`` words (``scoring.PARAMS``) keeps
its rarest. Abbreviations expand both ways (VKSND ↔ viện kiểm sát nhân dân).

>>> from searcher.query.parse import parse_query
>>> print(plan_query(parse_query("vksnd")).match)  # doctest: +ELLIPSIS
(((title_folded:vksnd OR body_folded:vksnd) OR (title_folded:"vien kiem sat nhan dan" OR ...
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from searcher.analysis.analyzers import WORD_JOINER
from searcher.index.registry import FOLDED, TEXT_FIELDS
from searcher.query import scoring
from searcher.query.abbreviations import abbreviations, folded_expansions
from searcher.query.nodes import AllOf, AnyOf, Node, Pairs, Phrase, Term
from searcher.query.parse import SearchRequest
from searcher.query.reading import MAX_ADJACENT, Reading, Syllable, function_words
from searcher.query.words import Lexicon
from searcher.vi.text import canonical, fold

MAX_PAIRS = 60  # syllable pairs of a query that earn a bonus where they stand together


Mark = str | tuple[str, ...]  # a syllable, or the syllables of a word or phrase in order


@dataclass(frozen=True)
class QueryPlan:
    """A query analysed once, read by every later step.

    ``match`` decides which articles are results (folded view; None: every article),
    and of the ``optional`` content words an article must also hold ``need`` (all of a
    keyword query, a share of a long one; function words are in neither); ``clauses``
    are the query's words as typed with their nodes ("Thiếu: …" for the closest
    articles); ``dropped`` the words a long question was searched without;
    ``excluded`` the -words; ``rank`` scores (canonical view for accented words,
    plus optional nodes that reward words standing together); ``exact_marks`` and
    ``folded_marks`` what snippets mark; ``typed`` the plain syllables as written and
    ``plain`` whether the query is only words (did-you-mean reads both)."""

    match: Node | None
    rank: Node | None
    clauses: tuple[tuple[str, Node], ...] = ()
    excluded: Node | None = None
    optional: tuple[Node, ...] = ()
    need: int = 0
    share: float = 0.0
    dropped: tuple[str, ...] = ()
    exact_marks: frozenset[Mark] = field(default_factory=frozenset)
    folded_marks: frozenset[Mark] = field(default_factory=frozenset)
    typed: tuple[str, ...] = ()
    plain: bool = False


def _fields(suffix: str) -> list[str]:
    return [f"{name}{suffix}" for name in TEXT_FIELDS]


def syllable_node(s: Syllable, rank: bool = False) -> Node:
    if not (rank and s.accented):
        return AnyOf(tuple(Term(f, s.folded) for f in _fields(FOLDED)))
    folded = [Term(f, s.folded, scoring.PARAMS["folded"]) for f in _fields(FOLDED)]
    return AnyOf((*(Term(f, s.exact) for f in _fields("")), *folded))


def phrase_node(sylls: list[Syllable], rank: bool = False) -> Node:
    if len(sylls) == 1:
        return syllable_node(sylls[0], rank)
    folded_words = tuple(s.folded for s in sylls)
    if not rank:
        return AnyOf(tuple(Phrase(f, folded_words) for f in _fields(FOLDED)))
    if not any(s.accented for s in sylls):  # also where the articles' segmenter made it a word
        as_word = WORD_JOINER.join(folded_words)
        words = [Term(f, as_word, scoring.PARAMS["compound"]) for f in _fields("_words_folded")]
        return AnyOf((*(Phrase(f, folded_words) for f in _fields(FOLDED)), *words))
    exact_words = tuple(s.exact for s in sylls)
    folded = [Phrase(f, folded_words, scoring.PARAMS["folded"]) for f in _fields(FOLDED)]
    return AnyOf((*(Phrase(f, exact_words) for f in _fields("")), *folded))


def _abbreviation_nodes(key: str, rank: bool) -> list[Node]:
    """What an abbreviation stands for: its expansion, and its one-word spelling when
    it has several syllables ("tp hcm" → "thành phố hồ chí minh", "tphcm")."""
    expansion = abbreviations()[key]
    nodes = [phrase_node([Syllable(w, fold(w), True) for w in expansion], rank)]
    glued = folded_expansions().get(tuple(fold(w) for w in expansion))
    if glued and glued != key:
        nodes.append(syllable_node(Syllable(glued, glued, False)))
    return nodes


def _with_abbreviation(sylls: list[Syllable], node: Node, rank: bool) -> Node:
    """ "VKSND" also finds "viện kiểm sát nhân dân", and the other way round."""
    key = " ".join(s.folded for s in sylls)
    if len(sylls) <= 2 and key in abbreviations():  # "VKSND", "TP.HCM"
        return AnyOf((node, *_abbreviation_nodes(key, rank)))
    abbr = folded_expansions().get(tuple(s.folded for s in sylls))
    if abbr:
        return AnyOf((node, syllable_node(Syllable(abbr, abbr, False))))
    return node


def _alternative(sylls: list[Syllable], rank: bool) -> Node | None:
    return _with_abbreviation(sylls, phrase_node(sylls, rank), rank) if sylls else None


@dataclass(frozen=True)
class _Unit:
    label: str
    node: Node  # matching (folded view)
    ranked: Node  # scoring
    sylls: tuple[Syllable, ...]  # the syllables of a single-value unit
    strict: bool  # typed with "+" or quoted: every result holds it
    function: bool  # a function or question word: never required


def _units(reading: Reading) -> list[_Unit]:
    """The query's units, each with its matching and its ranking node and its role."""
    out: list[_Unit] = []
    must = set(reading.request.must)
    canon, folded_words = function_words()
    # a short unaccented query may mean any accent form ("nang": nắng, nặng, năng): its
    # syllables are function words only in a pasted question; a syllable of a word
    # the segmenter found ("con người") is never one
    long = len(reading.request.clauses) > MAX_ADJACENT
    in_words = {
        fold(reading.plain_text[a:b])
        for w in (reading.segmented() if reading.accented else [])
        if len(w.syllables) > 1 and not w.is_unit
        for a, b in w.syllables
    }
    for kind, values, abbr, span in reading.units():
        nodes: list[Node | None] = []
        sylls: list[Syllable] = []
        for rank in (False, True):
            if kind == "clause":
                alts = [(v, reading.syllables([v])) for v in values]
                found = [n for n in (_alternative(x, rank) for _, x in alts) if n is not None]
                nodes.append(
                    found[0] if len(found) == 1 else AnyOf(tuple(found)) if found else None
                )
                sylls = alts[0][1] if len(alts) == 1 else []
                continue
            sylls = reading.syllables(values)
            together = _alternative(sylls, rank)
            if kind == "word":
                nodes.append(together)
                continue
            key = " ".join(fold(v) for v in values)
            extra = (
                [syllable_node(Syllable(abbr, abbr, False))]
                if abbr is not None
                else _abbreviation_nodes(key, rank)
            )
            nodes.append(AnyOf(tuple(n for n in (together, *extra) if n is not None)))
        if nodes[0] is None or nodes[1] is None:
            continue
        label = " OR ".join(values) if kind == "clause" else " ".join(values)
        strict = not must.isdisjoint(span)
        single = kind == "word" or (kind == "clause" and len(values) == 1)

        def is_function(x: Syllable) -> bool:
            if x.accented:
                return x.exact in canon and (long or x.folded not in in_words)
            return long and x.folded in folded_words

        function = single and not strict and bool(sylls) and all(map(is_function, sylls))
        function = function and scoring.PARAMS["function_words"] > 0
        out.append(_Unit(label, nodes[0], nodes[1], tuple(sylls), strict, function))
    return out


def _informative(units: list[_Unit], lexicon: Lexicon | None) -> tuple[list[_Unit], list[str]]:
    """A question of more than ``max_units`` units (``scoring.PARAMS``) keeps its most
    informative ones: function words go first, then the commonest words (the documents
    holding a unit's rarest syllable). Strict units always stay. (kept in order, dropped labels)"""
    limit = int(scoring.PARAMS["max_units"])
    if len(units) <= limit:
        return units, []

    def rarity(i: int) -> tuple[int, int]:
        u = units[i]
        if u.strict:
            return (0, 0)
        df = min((lexicon.count(x.folded) for x in u.sylls), default=0) if lexicon else 0
        return (1 + u.function, df)

    order = sorted(range(len(units)), key=lambda i: (rarity(i), i))
    keep = set(order[:limit])
    return [u for i, u in enumerate(units) if i in keep], [
        u.label for i, u in enumerate(units) if i not in keep
    ]


def _boosts(reading: Reading, sylls: list[Syllable]) -> list[Node]:
    """Optional nodes that reward words standing together."""
    boosts: list[Node] = []
    plain = reading.plain_text
    if any(s.accented for s in sylls):
        for word in reading.segmented():
            if len(word.syllables) > 1 and not word.is_unit:
                term = canonical(WORD_JOINER.join(plain[a:b] for a, b in word.syllables))
                boost = scoring.PARAMS["compound"]
                boosts.extend(Term(f, term, boost) for f in _fields("_words"))
    if scoring.PARAMS["pair_fixed"]:
        if len(sylls) <= MAX_PAIRS:
            for a, b in itertools.pairwise(sylls):
                pair = (a.folded, b.folded)
                boosts.append(Phrase("body_folded", pair, scoring.PARAMS["proximity"]))
        return boosts
    pairs = tuple(dict.fromkeys((a.folded, b.folded) for a, b in itertools.pairwise(sylls)))
    if pairs:
        boosts.append(Pairs(pairs[:MAX_PAIRS]))
    return boosts


def _marks(reading: Reading) -> tuple[frozenset[Mark], frozenset[Mark]]:
    """(canonical, folded) marks for snippets: accented query syllables mark only
    their exact form, unaccented ones every accent variant; a word of several
    syllables ("giao ban") or a phrase is marked only where its syllables stand
    together, so "được giao" and "cơ bản" stay unmarked."""
    exact: set[Mark] = set()
    folded: set[Mark] = set()
    table = abbreviations()
    values: list[list[str]] = []
    for kind, unit_values, abbr, _ in reading.units():
        if kind == "clause":
            values.extend([v] for v in unit_values)
            continue
        values.append(unit_values)
        if abbr is not None:  # "thanh pho ho chi minh" also matches "TPHCM"
            folded.add(abbr)
    for parts in values:
        sylls = reading.syllables(parts)
        key = " ".join(s.folded for s in sylls)
        if 1 <= len(sylls) <= 2 and key in table:  # "TP HCM": its expansion, and "TPHCM"
            expansion = tuple(fold(w) for w in table[key])
            folded.add(expansion)
            glued = folded_expansions().get(expansion)
            if len(sylls) == 2 and glued:
                folded.add(glued)
        if len(sylls) == 1:
            s = sylls[0]
            (exact if s.accented else folded).add(s.exact if s.accented else s.folded)
        elif sylls and all(s.accented for s in sylls):
            exact.add(tuple(s.exact for s in sylls))
        elif sylls:
            folded.add(tuple(s.folded for s in sylls))
    return frozenset(exact), frozenset(folded)


def _is_plain(request: SearchRequest) -> bool:
    """Only words: no filters typed, operators, quotes or exclusions."""
    text = request.text
    return not (any(ch in text for ch in ':"') or " OR " in f" {text} " or "-" in text)


def plan_query(request: SearchRequest, lexicon: Lexicon | None = None) -> QueryPlan | None:
    """The plan for the request's text, or None to browse everything."""
    if not request.has_text:
        return None
    reading = Reading(request, lexicon)
    excluded_nodes = [
        n for n in (_alternative(reading.syllables([v], False), False) for v in request.exclusions)
        if n is not None
    ]  # fmt: skip
    excluded = AnyOf(tuple(excluded_nodes)) if excluded_nodes else None
    exact_marks, folded_marks = _marks(reading)
    common = dict(excluded=excluded, exact_marks=exact_marks, folded_marks=folded_marks,
                  typed=reading.typed(), plain=_is_plain(request))  # fmt: skip
    units, dropped = _informative(_units(reading), lexicon)
    if not units:
        return QueryPlan(match=None, rank=None, **common)  # type: ignore[arg-type]
    content = [u for u in units if not u.strict and not u.function]
    if not content:  # only function words ("ai là gì"): they are the content
        content = [u for u in units if not u.strict]
    strict = [u.node for u in units if u.strict]
    need = scoring.required(len(content), sentence=any(u.function for u in units))
    optional: tuple[Node, ...] = ()
    share = scoring.PARAMS["share"] if len(content) >= scoring.SHARE_FROM else 0.0
    if share:
        optional, need = tuple(u.node for u in content), 0
    elif need >= len(content):
        strict += [u.node for u in content]
    else:
        optional = tuple(u.node for u in content)
    match = AllOf(tuple(strict)) if strict else None
    sylls = [x for u in units for x in u.sylls]
    rank = AnyOf((AllOf(tuple(u.ranked for u in units)), *_boosts(reading, sylls)))
    clauses = tuple((u.label, u.node) for u in units)
    return QueryPlan(match, rank, clauses, optional=optional, need=need if optional else 0,
                     share=share, dropped=tuple(dropped), **common)  # type: ignore[arg-type]  # fmt: skip
