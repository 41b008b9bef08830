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

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from searcher.vi.places import gazetteer
from searcher.vi.segment import model
from searcher.vi.text import canonical, fold

LONGEST = 4
COLLOCATION = 0.3  # share of the rarer syllable's documents where the two stand together


@lru_cache(maxsize=1)
def known_words() -> dict[tuple[str, ...], int]:
    """Folded multi-syllable words → weight: pyvi's dictionary (1), places (2)."""
    m = model()
    out = {tuple(fold(w).split()): 1 for w in (*m.bi_grams, *m.tri_grams)}
    out.update(dict.fromkeys(place_names(), 2))
    return {w: k for w, k in out.items() if 2 <= len(w) <= LONGEST}


class Lexicon(Protocol):
    """What the index says of folded syllables: documents holding one, and holding
    several standing together."""

    def count(self, syllable: str) -> int: ...

    def phrase_count(self, syllables: tuple[str, ...]) -> int: ...


@lru_cache(maxsize=1)
def place_names() -> dict[tuple[str, ...], list[str]]:
    """Folded syllables of a province or district → names as written, provinces first
    ("thanh hoa" → Thanh Hóa, then the district Thạnh Hóa)."""
    out: dict[tuple[str, ...], list[str]] = {}
    for n in gazetteer().names():
        found = out.setdefault(tuple(fold(n).replace("-", " ").split()), [])
        if n not in found:
            found.append(n)
    return out


def with_place_names(words: list[str]) -> list[str]:
    """The words, a place name at their end written as the gazetteer writes it.

    >>> with_place_names(["thanh", "hóa"])
    ['Thanh', 'Hóa']
    """
    for n in (3, 2):
        if len(words) < n:
            continue
        names = place_names().get(tuple(fold(w) for w in words[-n:]), [])
        same = [
            m for m in names if canonical(m.replace("-", " ")) == canonical(" ".join(words[-n:]))
        ]
        if same or names:
            return [*words[:-n], *(same or names)[0].replace("-", " ").split()]
    return words


def word_runs(folded: list[str | None], segmented: Iterable[tuple[str, ...]] = (),
              lexicon: Lexicon | None = None) -> list[tuple[int, int]]:  # fmt: skip
    """[start, end) runs of ``folded`` (None: not a plain syllable) that form one word.
    ``segmented``: the words (folded syllables) pyvi's segmenter found in the query as
    typed with diacritics. With the index's ``lexicon``, words the archive holds are
    preferred, and two syllables that mostly stand together in it are one word
    ("tin báo", a name)."""
    known = known_words()
    found = dict.fromkeys(segmented, 2)
    n = len(folded)
    best: list[tuple[int, list[tuple[int, int]]]] = [(0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = best[i + 1]
        for k in range(2, min(LONGEST, n - i) + 1):
            piece = folded[i : i + k]
            if None in piece:
                break
            key = tuple(piece)
            known_weight = known.get(key, 0)  # type: ignore[arg-type]
            weight = max(known_weight, found.get(key, 0))  # type: ignore[arg-type]
            if lexicon is not None:
                weight = _checked(key, weight, lexicon, known_weight > 0)  # type: ignore[arg-type]
            if weight:
                score = best[i + k][0] + weight * k * k
                if score >= best[i][0]:  # a tie: the word starting first
                    best[i] = (score, [(i, i + k), *best[i + k][1]])
    return best[0][1]


def _checked(piece: tuple[str, ...], weight: int, lexicon: Lexicon, listed: bool = True) -> int:
    """A known word the archive holds counts more than one it lacks (still a word:
    "hà nội" is not "hà" + "nội" in an archive without it); unknown syllables that
    mostly stand together in the archive count as a word of their own. A word only the
    segmenter found (not ``listed`` in its dictionary or the gazetteer: pyvi glues runs
    of capitals and long compounds, "Ảnh_Xinhua", "trẻ_trung_khỏe_mạnh") is one only
    where the archive writes it so: a photo credit "Ảnh: Xinhua" is not the phrase."""
    if weight:
        if lexicon.phrase_count(piece):
            return weight + 1
        return weight if listed else 0
    if len(piece) != 2:
        return 0
    together = lexicon.phrase_count(piece)
    if together >= 2:
        rarer = min(lexicon.count(piece[0]), lexicon.count(piece[1]))
        return 2 if together >= COLLOCATION * rarer else 0
    return 0
