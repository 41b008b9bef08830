"""The analysis of a title or body, as plain functions (no index library here).

Three views of the same text: syllables in canonical form ("viện", "kiểm",
"sát"), the same syllables folded ("vien", "kiem", "sat"), and pyvi's compounds in
canonical form ("kiểm_sát_nhân_dân") plus units such as dates and document numbers
("12/9/2022", "01/ct-vkstc"). The index stage wraps these in Whoosh analyzers
(``searcher.index.analyzers``); the query stage reads ``syllable_spans``.

>>> canonical_syllables("Viện Kiểm sát Thanh Hoá")
['viện', 'kiểm', 'sát', 'thanh', 'hóa']
"""

from __future__ import annotations

import gc
import re
import string
from collections.abc import Iterator
from functools import lru_cache

from searcher.analysis.segcache import SegmentCache
from searcher.vi.segment import segment, syllabify_cached
from searcher.vi.text import canonical, fold

# The same title or body is split for its syllables and its compounds: segment it once.
_words = lru_cache(maxsize=16)(segment)
canonical_form = lru_cache(maxsize=100_000)(canonical)

EDGE_PUNCT = string.punctuation + "“”‘’–—…•·"
WORD_JOINER = "_"
# Punctuation that ends a clause or a sentence: a word, a phrase or two adjacent
# syllables never span it. Standing alone between syllables (not inside "TP.HCM",
# "12.000" or "1,5"), or a line break, it leaves a gap in the token stream: the
# BREAK token, which no query can hold (it strips to nothing as a syllable).
CLAUSE_PUNCT = frozenset(",.;:!?…\"“”'‘’()[]{}«»")
BREAK = "|"


def syllable_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Each syllable as written, punctuation at its edges dropped, with its offsets.

    >>> [s for s, _, _ in syllable_spans("ngày 12/9/2022, Tp. Huế")]
    ['ngày', '12', '9', '2022', 'Tp', 'Huế']
    """
    for start, end in syllabify_cached(text):
        piece = text[start:end]
        stripped = piece.strip(EDGE_PUNCT)
        if stripped:
            lead = piece.index(stripped)
            yield stripped, start + lead, start + lead + len(stripped)


def compound_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """pyvi's multi-syllable words (syllables joined by ``_``) and units, as written.

    >>> [w for w, _, _ in compound_spans("Viện kiểm sát nhân dân ngày 12/9/2022")]
    ['kiểm_sát_nhân_dân', '12/9/2022']
    """
    for word in _words(text):
        if word.is_punct or (len(word.syllables) < 2 and not word.is_unit):
            continue
        joined = (
            word.text if word.is_unit else WORD_JOINER.join(text[s:e] for s, e in word.syllables)
        )
        yield joined, word.start, word.end


def clause_spans(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """``syllable_spans`` with, for each, whether clause punctuation or a line break
    separates it from the syllable before.

    >>> [(s, gap) for s, _, _, gap in clause_spans("giáo, bạn")]
    [('giáo', False), ('bạn', True)]
    """
    gap = False
    last_end = -1
    for start, end in syllabify_cached(text):
        piece = text[start:end]
        stripped = piece.strip(EDGE_PUNCT)
        if not stripped:
            gap = gap or not CLAUSE_PUNCT.isdisjoint(piece)
            continue
        lead = piece.index(stripped)
        apart = last_end >= 0 and (gap or "\n" in text[last_end:start])
        yield stripped, start + lead, start + lead + len(stripped), apart
        gap = False
        last_end = end


def indexed_syllables(text: str) -> list[str]:
    """Canonical syllables as indexed: ``BREAK`` between two syllables that clause
    punctuation or a line break separates, so positions carry the gap.

    >>> indexed_syllables("cô giáo, bạn bè. Buổi giao ban TP.HCM\\nngày 1,5")
    ['cô', 'giáo', '|', 'bạn', 'bè', '|', 'buổi', 'giao', 'ban', 'tp', 'hcm', '|', 'ngày', '1,5']
    """
    out: list[str] = []
    for syllable, _, _, gap in clause_spans(text):
        if gap:
            out.append(BREAK)
        out.append(canonical_form(syllable))
    return out


def canonical_syllables(text: str) -> list[str]:
    """Canonical syllables of a text, punctuation dropped.

    >>> canonical_syllables("Ngày 12/9, VKSND Thanh Hoá")
    ['ngày', '12', '9', 'vksnd', 'thanh', 'hóa']
    """
    return [canonical_form(s) for s, _, _ in syllable_spans(text)]


def folded_syllables(text: str) -> list[str]:
    """The syllables without diacritics (đ → d).

    >>> folded_syllables("Đà Nẵng")
    ['da', 'nang']
    """
    return [fold(s) for s, _, _ in syllable_spans(text)]


def compounds(text: str) -> list[str]:
    """pyvi's compounds and units in canonical form.

    >>> compounds("Viện kiểm sát nhân dân Thanh Hoá")
    ['kiểm_sát_nhân_dân', 'thanh_hóa']
    """
    return [canonical_form(w) for w, _, _ in compound_spans(text)]


# A text longer than this is analysed piece by piece (cut at a line break, else a space,
# else a punctuation mark), so the segmenter's per-syllable working memory stays bounded
# whatever one article holds (a 5 MB report, a scraped table of dates). Every real
# article is shorter: it is analysed whole, exactly as before.
PIECE_CHARS = 50_000
_NOT_ALNUM = re.compile(r"[\W_]")


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[str]:
    """``text`` cut into pieces of at most ``limit`` characters, each cut at the last line
    break of the window, else its last space, else after its last non-alphanumeric
    character, else at the limit (one run of letters or CJK that long).

    >>> list(pieces("Hội nghị\\ngiao ban tỉnh", 12))
    ['Hội nghị\\n', 'giao ban ', 'tỉnh']
    """
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start + 1, end)
        if cut < 0:
            cut = max(text.rfind(" ", start + 1, end), text.rfind("\t", start + 1, end))
        if cut < 0:
            m = _NOT_ALNUM.search(text[end - 1 : start : -1])  # the last one: search backwards
            cut = end - 1 - m.start() if m else end - 1
        yield text[start : cut + 1]
        start = cut + 1
    if start < len(text):
        yield text[start:]


def analyse(text: str, cache: SegmentCache | None = None) -> tuple[list[str], list[str]]:
    """(canonical syllables, compounds) of a title or body, computed once; ``cache``
    (a writer's segmentation cache) may already hold the compounds. A text over
    ``PIECE_CHARS`` is analysed in ``pieces`` (a ``BREAK`` between two: no phrase spans
    a cut), in time and memory linear in its length.

    >>> analyse("Viện kiểm sát nhân dân Thanh Hoá")
    (['viện', 'kiểm', 'sát', 'nhân', 'dân', 'thanh', 'hóa'], ['kiểm_sát_nhân_dân', 'thanh_hóa'])
    """
    words = cache.get(text) if cache is not None else None
    if len(text) <= PIECE_CHARS:
        return indexed_syllables(text), compounds(text) if words is None else words
    syllables: list[str] = []
    found: list[str] = []
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived tuples, freed by reference counting: a quarter
    try:  # of the time went to the cycle collector walking them
        for piece in pieces(text, PIECE_CHARS):
            if syllables:
                syllables.append(BREAK)
            syllables.extend(indexed_syllables(piece))
            if words is None:
                found.extend(compounds(piece))
            syllabify_cached.cache_clear()  # the pieces are not looked at again: free them
            _words.cache_clear()
    finally:
        if collecting:
            gc.enable()
    return syllables, found if words is None else words


def text_views(title: str, body: str, cache: SegmentCache | None = None) -> dict[str, list[str]]:
    """The four indexed views of an article as token lists: ``title``/``body``
    (canonical syllables) and ``*_words`` (compounds). (The folded views are
    derived from the syllables by the segment arrays.)

    >>> text_views("Giao ban", "")["title_words"]
    ['giao_ban']
    """
    views: dict[str, list[str]] = {}
    for name, text in (("title", title), ("body", body)):
        views[name], views[f"{name}_words"] = analyse(text, cache)
    return views
