"""Which typed syllables form one word: "giao ban", "hà nội", "kiểm sát".

A query is typed as syllables; a Vietnamese word is often several of them, and a
syllable alone means something else ("ban" is not "giao ban"). Runs of syllables
are grouped when they spell a word of pyvi's dictionary, a place name of the
gazetteer (provinces, districts) or — for text typed with diacritics — a word
pyvi's segmenter finds; of the ways to group a query, the one covering most
syllables in long words wins, place names and the segmenter's words first.
Grouping works on folded syllables, so "ha noi" and "Hà Nội" group alike.

>>> word_runs(["giao", "ban", "thanh", "hoa"])
[(0, 2), (2, 4)]
>>> word_runs("vien kiem sat tinh thanh hoa".split())  # not "tỉnh thành"
[(0, 3), (4, 6)]
>>> word_runs(["xyzzy", "con", "meo", "bay"])
[]
"""

from __future__ import annotations

from functools import lru_cache

from searcher.places import gazetteer
from searcher.segment import model, segment
from searcher.text import fold

LONGEST = 4


@lru_cache(maxsize=1)
def known_words() -> dict[tuple[str, ...], int]:
    """Folded multi-syllable words → weight: pyvi's dictionary (1), places (2)."""
    m = model()
    out = {tuple(fold(w).split()): 1 for w in (*m.bi_grams, *m.tri_grams)}
    g = gazetteer()
    names = [p.name for p in g.provinces] + list(g.provinces_2025)
    names += [d.name for ds in g._districts.values() for d in ds]
    out.update({tuple(fold(n).replace("-", " ").split()): 2 for n in names})
    return {w: k for w, k in out.items() if 2 <= len(w) <= LONGEST}


def word_runs(folded: list[str | None], typed: str = "") -> list[tuple[int, int]]:
    """[start, end) runs of ``folded`` (None: not a plain syllable) that form one word.
    ``typed`` (the query as written) adds the words pyvi's segmenter finds in it when it
    carries diacritics."""
    known = known_words()
    found: dict[tuple[str, ...], int] = {}
    if typed:
        for word in segment(typed):
            if len(word.syllables) > 1 and not word.is_unit:
                found[tuple(fold(typed[a:b]) for a, b in word.syllables)] = 2
    n = len(folded)
    best: list[tuple[int, list[tuple[int, int]]]] = [(0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = best[i + 1]
        for k in range(2, min(LONGEST, n - i) + 1):
            piece = folded[i : i + k]
            if None in piece:
                break
            weight = max(known.get(tuple(piece), 0), found.get(tuple(piece), 0))  # type: ignore[arg-type]
            if weight:
                score = best[i + k][0] + weight * k * k
                if score >= best[i][0]:  # a tie: the word starting first
                    best[i] = (score, [(i, i + k), *best[i + k][1]])
    return best[0][1]
