"""A validated ``SearchRequest`` → a Whoosh query (pure: no index is touched).

Which articles match is decided on the folded view, so "vien kiem sat", "VIỆN
KIỂM SÁT" and "viện kiểm sát" find the same articles. How they rank is not: a
syllable typed with diacritics scores on the canonical view, with only a weak
fallback on the folded one, so "đường" ranks articles with "đường" above those
with only "dương" or "đương". Every clause is required; compounds and adjacent syllables only add
score. Abbreviations expand both ways (VKSND ↔ viện kiểm sát nhân dân).

>>> from searcher.query.parse import parse_query
>>> print(text_query(parse_query("vksnd")).match)  # doctest: +ELLIPSIS
(((title_folded:vksnd OR body_folded:vksnd) OR (title_folded:"vien kiem sat nhan dan" OR ...
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from whoosh import query as wq

from searcher.analysis.analyzers import WORD_JOINER, syllable_spans
from searcher.query.parse import SearchRequest
from searcher.query.words import Lexicon, word_runs
from searcher.vi.segment import segment
from searcher.vi.text import canonical, fold, has_diacritics

TEXT_FIELDS = ("title", "body")
FOLDED_FALLBACK = 0.2
COMPOUND_BOOST = 0.6
ADJACENT_BOOST = 1.6
MAX_ADJACENT = 6  # longer queries (pasted questions) skip the costly pair phrases
MAX_PAIRS = 60  # syllable pairs of a query that earn a bonus where they stand together
LONG_QUERY = 7  # clauses from which a query is matched by share, not all required
SHOULD_MATCH = 0.25  # share of a long query's clause weight an article must hold


@dataclass(frozen=True, slots=True)
class Syllable:
    exact: str  # canonical form
    folded: str
    accented: bool


def syllables(text: str, accented: bool | None = None) -> list[Syllable]:
    """The query's syllables. A syllable counts as typed with diacritics when it
    has some, or when ``accented`` says the whole query was typed with them (then
    "thanh" in "Thanh Hóa" means exactly "thanh")."""
    out = []
    for text_, _, _ in syllable_spans(text):
        marked = has_diacritics(text_) or bool(accented)
        out.append(Syllable(canonical(text_), fold(text_), marked))
    return out


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    """folded abbreviation → expansion syllables (canonical), from data/abbreviations.tsv.
    An abbreviation of several syllables ("TP HCM", also typed "TP.HCM") is keyed by
    its folded syllables joined with spaces."""
    text = resources.files("searcher").joinpath("data/abbreviations.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbr, expansion = line.split("\t")
            key = " ".join(s.folded for s in syllables(abbr))
            table[key] = tuple(canonical(expansion).split())
    return table


@lru_cache(maxsize=1)
def folded_expansions() -> dict[tuple[str, ...], str]:
    """folded expansion syllables → folded one-word abbreviation ("tphcm"), longest first."""
    table = sorted(abbreviations().items(), key=lambda kv: -len(kv[1]))
    out: dict[tuple[str, ...], str] = {}
    for abbr, expansion in table:
        if " " not in abbr:
            out.setdefault(tuple(fold(w) for w in expansion), abbr)
    return out


def _fields(suffix: str) -> list[str]:
    return [f"{name}{suffix}" for name in TEXT_FIELDS]


def syllable_query(s: Syllable, rank: bool = False) -> wq.Query:
    folded = [wq.Term(f, s.folded) for f in _fields("_folded")]
    if not (rank and s.accented):
        return wq.Or(folded)
    for q in folded:
        q.boost = FOLDED_FALLBACK
    return wq.Or([wq.Term(f, s.exact) for f in _fields("")] + folded)


def phrase_query(sylls: list[Syllable], rank: bool = False) -> wq.Query:
    if len(sylls) == 1:
        return syllable_query(sylls[0], rank)
    folded = [wq.Phrase(f, [s.folded for s in sylls]) for f in _fields("_folded")]
    if not (rank and any(s.accented for s in sylls)):
        return wq.Or(folded)
    for q in folded:
        q.boost = FOLDED_FALLBACK
    return wq.Or([wq.Phrase(f, [s.exact for s in sylls]) for f in _fields("")] + folded)


def _with_abbreviation(sylls: list[Syllable], q: wq.Query, rank: bool) -> wq.Query:
    """ "VKSND" also finds "viện kiểm sát nhân dân", and the other way round."""
    table = abbreviations()
    key = " ".join(s.folded for s in sylls)
    if len(sylls) <= 2 and key in table:  # "VKSND", "TP.HCM"
        return wq.Or([q, *_abbreviation_queries(key, rank)])
    abbr = folded_expansions().get(tuple(s.folded for s in sylls))
    if abbr:
        return wq.Or([q, syllable_query(Syllable(abbr, abbr, False))])
    return q


def _alternative(value: str, accented: bool, rank: bool) -> tuple[wq.Query | None, list]:
    sylls = syllables(value, accented)
    if not sylls:
        return None, []
    return _with_abbreviation(sylls, phrase_query(sylls, rank), rank), sylls


def _expansion_runs(clauses: list[tuple[str, ...]], rank: bool) -> list[tuple[int, int, list]]:
    """Runs of single-word clauses that spell an abbreviation's expansion ("viện kiểm
    sát nhân dân": also the abbreviation) or an abbreviation of several syllables
    ("TP HCM": also its expansion and its one-word form "TPHCM"), with the queries
    that may stand for the run."""
    words = [fold(c[0]) if len(c) == 1 and " " not in c[0] else None for c in clauses]
    multi = [(tuple(k.split()), k) for k in abbreviations() if " " in k]
    runs = []
    i = 0
    while i < len(words):
        for expansion, abbr in folded_expansions().items():
            n = len(expansion)
            if tuple(words[i : i + n]) == expansion:
                runs.append((i, i + n, [syllable_query(Syllable(abbr, abbr, False))]))
                i += n - 1
                break
        else:
            for parts, key in multi:
                if tuple(words[i : i + len(parts)]) == parts:
                    runs.append((i, i + len(parts), _abbreviation_queries(key, rank)))
                    i += len(parts) - 1
                    break
        i += 1
    return runs


def _abbreviation_queries(key: str, rank: bool) -> list[wq.Query]:
    """What an abbreviation stands for: its expansion, and its one-word spelling when
    it has several syllables ("tp hcm" → "thành phố hồ chí minh", "tphcm")."""
    expansion = abbreviations()[key]
    queries = [phrase_query([Syllable(w, fold(w), True) for w in expansion], rank)]
    glued = folded_expansions().get(tuple(fold(w) for w in expansion))
    if glued and glued != key:
        queries.append(syllable_query(Syllable(glued, glued, False)))
    return queries


@dataclass(frozen=True)
class QueryPlan:
    """A query analysed once, read by every later step. ``match`` decides which
    articles are results (folded view) — for a long query (``should_match`` > 0) an
    article need only hold that share of the clauses, weighted by their rarity;
    ``clauses`` are the required clauses as typed with their queries (matching,
    and "Thiếu: …" for the closest articles); ``excluded`` the -words; ``rank``
    scores (canonical view for accented words, plus optional clauses that reward
    words standing together)."""

    match: wq.Query
    rank: wq.Query
    clauses: tuple[tuple[str, wq.Query], ...] = ()
    excluded: wq.Query | None = None
    should_match: float = 0.0


def _clauses(
    request: SearchRequest, rank: bool, words: dict[int, int], labels: list[str] | None = None
) -> tuple[list[wq.Query], list[Syllable]]:
    """One query per required clause, and the syllables of single-value clauses;
    ``words``: the runs of clauses that form one word (start → end); ``labels`` (if
    given) receives each required clause as the user typed it."""
    labels = [] if labels is None else labels
    required: list[wq.Query] = []
    all_sylls: list[Syllable] = []
    accented = has_diacritics(request.text)
    runs = {start: (end, alts) for start, end, alts in _expansion_runs(request.clauses, rank)}
    i = 0
    while i < len(request.clauses):
        if i in words:  # one word of several syllables: they must stand together
            end = words[i]
            value = " ".join(request.clauses[j][0] for j in range(i, end))
            q, sylls = _alternative(value, accented, rank)
            if q is not None:
                required.append(q)
                labels.append(value)
                all_sylls.extend(sylls)
            i = end
            continue
        if i in runs:
            end, alternatives = runs[i]
            value = " ".join(request.clauses[j][0] for j in range(i, end))
            together, sylls = _alternative(value, accented, rank)  # a name: its words together
            required.append(wq.Or([q for q in (together, *alternatives) if q is not None]))
            labels.append(value)
            all_sylls.extend(sylls)
            i = end
            continue
        alts = [_alternative(value, accented, rank) for value in request.clauses[i]]
        queries = [q for q, _ in alts if q is not None]
        if queries:
            required.append(queries[0] if len(queries) == 1 else wq.Or(queries))
            labels.append(" OR ".join(request.clauses[i]))
            if len(alts) == 1:
                all_sylls.extend(alts[0][1])
        i += 1
    return required, all_sylls


def text_query(request: SearchRequest, *, lexicon: Lexicon | None = None) -> QueryPlan | None:
    """The plan for the request's text, or None to browse everything. Every clause is
    required, except in a long query (see ``QueryPlan.should_match``)."""
    if not request.has_text:
        return None
    accented = has_diacritics(request.text)
    expansions = {start: (end, None) for start, end, _ in _expansion_runs(request.clauses, False)}
    words = _word_runs(request, expansions, accented, lexicon)  # once: both views share them
    labels: list[str] = []
    required, _ = _clauses(request, False, words, labels)
    match: wq.Query = wq.And(required) if required else wq.Every()
    excluded = [
        q for q, _ in (_alternative(v, False, False) for v in request.exclusions) if q is not None
    ]
    excluded_query = wq.Or(excluded) if excluded else None
    if excluded_query is not None:
        match = wq.AndNot(match, excluded_query)
    if not required:
        return QueryPlan(match=match, rank=match, excluded=excluded_query)
    clauses = tuple(zip(labels, required, strict=True))
    share = SHOULD_MATCH if len(required) >= LONG_QUERY else 0.0
    ranked, sylls = _clauses(request, True, words)
    rank = wq.Or([wq.And(ranked), *_boosts(request, sylls)])
    return QueryPlan(match, rank, clauses, excluded_query, share)


def _word_runs(
    request: SearchRequest, runs: dict, accented: bool, lexicon: Lexicon | None = None
) -> dict[int, int]:
    """start → end of the runs of one-syllable clauses that form one word, for short
    queries (a long pasted question keeps its syllables apart: see ``text_query``)."""
    if len(request.clauses) > MAX_ADJACENT:
        return {}
    taken = {j for start, (end, _) in runs.items() for j in range(start, end)}
    folded = []
    for i, clause in enumerate(request.clauses):
        key = fold(clause[0])
        plain = len(clause) == 1 and i not in taken and key.isalpha()
        folded.append(key if plain else None)
    typed = " ".join(c[0] for c in request.clauses if len(c) == 1) if accented else ""
    return dict(word_runs(folded, typed, lexicon))


def _boosts(request: SearchRequest, sylls: list[Syllable]) -> list[wq.Query]:
    """Optional clauses that reward words standing together."""
    boosts: list[wq.Query] = []
    plain = " ".join(v for c in request.clauses if len(c) == 1 for v in c)
    if any(s.accented for s in sylls):
        for word in segment(plain):
            if len(word.syllables) > 1 and not word.is_unit:
                term = canonical(WORD_JOINER.join(plain[a:b] for a, b in word.syllables))
                for f in _fields("_words"):
                    boosts.append(wq.Term(f, term, boost=COMPOUND_BOOST))
    if len(sylls) <= MAX_PAIRS:
        for a, b in itertools.pairwise(sylls):
            boosts.append(wq.Phrase("body_folded", [a.folded, b.folded], boost=ADJACENT_BOOST))
    return boosts


Mark = str | tuple[str, ...]  # a syllable, or the syllables of a word or phrase in order


def highlight_terms(
    request: SearchRequest, lexicon: Lexicon | None = None
) -> tuple[set[Mark], set[Mark]]:
    """(canonical, folded) marks for snippets: accented query syllables mark only
    their exact form, unaccented ones every accent variant; a word of several
    syllables ("giao ban") or a phrase is marked only where its syllables stand
    together, so "được giao" and "cơ bản" stay unmarked."""
    exact: set[Mark] = set()
    folded: set[Mark] = set()
    accented = has_diacritics(request.text)
    table = abbreviations()
    words = _word_runs(request, {}, accented, lexicon)
    values: list[str] = []
    i = 0
    while i < len(request.clauses):
        if i in words:
            values.append(" ".join(request.clauses[j][0] for j in range(i, words[i])))
            i = words[i]
            continue
        values.extend(request.clauses[i])
        i += 1
    for value in values:
        sylls = syllables(value, accented)
        key = " ".join(s.folded for s in sylls)
        if 1 <= len(sylls) <= 2 and key in table:
            folded.add(tuple(fold(w) for w in table[key]))
        if len(sylls) == 1:
            s = sylls[0]
            (exact if s.accented else folded).add(s.exact if s.accented else s.folded)
        elif sylls and all(s.accented for s in sylls):
            exact.add(tuple(s.exact for s in sylls))
        elif sylls:
            folded.add(tuple(s.folded for s in sylls))
    return exact, folded
