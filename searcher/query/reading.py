"""A request read once: each typed value split into syllables once (canonical,
folded, accented), pyvi's segmenter run at most once over the plain words, the
syllables grouped into words once, and the runs spelling an abbreviation's expansion.
The plan (``searcher.query.plan``) is built from this reading and nothing else.

>>> from searcher.query.parse import parse_query
>>> r = Reading(parse_query("giao ban thanh hoa"), None)
>>> r.groups, [s.folded for s in r.syllables(["Thanh", "Hóa"])]
({0: 2, 2: 4}, ['thanh', 'hoa'])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from searcher.analysis.analyzers import syllable_spans
from searcher.query.abbreviations import abbreviations, folded_expansions
from searcher.query.parse import SearchRequest
from searcher.query.words import Lexicon, word_runs
from searcher.vi.segment import Word, segment
from searcher.vi.text import canonical, fold, has_diacritics

MAX_ADJACENT = 6  # longer queries (pasted questions) keep their syllables apart


@lru_cache(maxsize=1)
def function_words() -> tuple[frozenset[str], frozenset[str]]:
    """(canonical, folded) function and question words (``data/function_words.txt``,
    measured by ``bench/function_words.py``): never required, still scored."""
    text = resources.files("searcher").joinpath("data/function_words.txt").read_text("utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words), frozenset(fold(w) for w in words)


@dataclass(frozen=True, slots=True)
class Syllable:
    exact: str  # canonical form
    folded: str
    accented: bool


def _expansion_runs(clauses: list[tuple[str, ...]]) -> list[tuple[int, int, str | None]]:
    """Runs of single-word clauses that spell an abbreviation's expansion ("viện kiểm
    sát nhân dân": also the abbreviation, given as its folded form) or an abbreviation
    of several syllables ("TP HCM": key None, also its expansion and "TPHCM")."""
    words = [fold(c[0]) if len(c) == 1 and " " not in c[0] else None for c in clauses]
    multi = [tuple(k.split()) for k in abbreviations() if " " in k]
    runs: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(words):
        for expansion, abbr in folded_expansions().items():
            n = len(expansion)
            if tuple(words[i : i + n]) == expansion:
                runs.append((i, i + n, abbr))
                i += n - 1
                break
        else:
            for parts in multi:
                if tuple(words[i : i + len(parts)]) == parts:
                    runs.append((i, i + len(parts), None))
                    i += len(parts) - 1
                    break
        i += 1
    return runs


class Reading:
    """One request read once: each value's syllables, the segmenter's words, the groups."""

    def __init__(self, request: SearchRequest, lexicon: Lexicon | None) -> None:
        self.request = request
        self.accented = has_diacritics(request.text)
        self._spans: dict[str, list[tuple[str, str, str, bool]]] = {}  # value → syllables
        single = [c for c in request.clauses if len(c) == 1]
        self.plain_text = " ".join(c[0] for c in single)
        self._segmented: list[Word] | None = None
        self.expansions = _expansion_runs(request.clauses)
        self.groups = self._word_groups(lexicon)

    def _split(self, value: str) -> list[tuple[str, str, str, bool]]:
        """(as written, canonical, folded, accented) of each syllable of ``value``,
        split once however often it is asked for."""
        spans = self._spans.get(value)
        if spans is None:
            spans = self._spans[value] = [
                (t, canonical(t), fold(t), has_diacritics(t)) for t, _, _ in syllable_spans(value)
            ]
        return spans

    def syllables(self, values: list[str], accented: bool | None = None) -> list[Syllable]:
        """The syllables of ``values`` typed one after another."""
        accented = self.accented if accented is None else accented
        return [Syllable(c, f, d or accented) for v in values for _, c, f, d in self._split(v)]

    def typed(self) -> tuple[str, ...]:
        """The syllables of the single-value clauses as written."""
        single = (c[0] for c in self.request.clauses if len(c) == 1)
        return tuple(t for v in single for t, _, _, _ in self._split(v))

    def segmented(self) -> list[Word]:
        """pyvi's words of the plain clauses (at most one run of the segmenter)."""
        if self._segmented is None:
            self._segmented = segment(self.plain_text) if self.plain_text else []
        return self._segmented

    def _word_groups(self, lexicon: Lexicon | None) -> dict[int, int]:
        """start → end of the runs of one-syllable clauses that form one word, for short
        queries (a long pasted question keeps its syllables apart)."""
        clauses = self.request.clauses
        if len(clauses) > MAX_ADJACENT:
            return {}
        taken = {j for start, end, _ in self.expansions for j in range(start, end)}
        folded = []
        for i, clause in enumerate(clauses):
            key = fold(clause[0])
            plain = len(clause) == 1 and i not in taken and key.isalpha()
            folded.append(key if plain else None)
        found = []
        if self.accented:
            text = self.plain_text
            for word in self.segmented():
                if len(word.syllables) > 1 and not word.is_unit:
                    found.append(tuple(fold(text[a:b]) for a, b in word.syllables))
        return dict(word_runs(folded, found, lexicon))

    def units(self) -> list[tuple[str, list[str], str | None, range]]:
        """Each unit as (kind, values, abbreviation, clauses): a word of several clauses,
        a run spelling an abbreviation's expansion (with the abbreviation, or None for an
        abbreviation of several syllables), or a clause and its alternatives."""
        clauses = self.request.clauses
        runs = {start: (end, abbr) for start, end, abbr in self.expansions}
        out = []
        i = 0
        while i < len(clauses):
            if i in self.groups:
                end = self.groups[i]
                values = [clauses[j][0] for j in range(i, end)]
                out.append(("word", values, None, range(i, end)))
                i = end
            elif i in runs:
                end, abbr = runs[i]
                values = [clauses[j][0] for j in range(i, end)]
                out.append(("run", values, abbr, range(i, end)))
                i = end
            else:
                out.append(("clause", list(clauses[i]), None, range(i, i + 1)))
                i += 1
        return out
