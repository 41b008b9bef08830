"""Whoosh analyzers for Vietnamese: small tokenizers and filters joined with ``|``.

Three views of the same text (Whoosh indexes the first, with positions, and the
third; the segment arrays derive the second from the first):

- ``syllable_analyzer()``: syllables in canonical form ("viện", "kiểm", "sát")
- ``folded_analyzer()``: the same syllables folded ("vien", "kiem", "sat")
- ``word_analyzer()``: pyvi compounds in canonical form ("kiểm_sát_nhân_dân")
  plus units such as dates and document numbers ("12/9/2022", "01/ct-vkstc")

>>> [t.text for t in syllable_analyzer()("Viện Kiểm sát Thanh Hoá")]
['viện', 'kiểm', 'sát', 'thanh', 'hóa']
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Filter, Token, Tokenizer

from searcher.vi.segment import segment, syllabify_cached
from searcher.vi.text import canonical, fold

# The same title or body goes through three views: split it once.
_words = lru_cache(maxsize=16)(segment)
_canonical = lru_cache(maxsize=100_000)(canonical)

_EDGE_PUNCT = string.punctuation + "“”‘’–—…•·"
WORD_JOINER = "_"


def _token(positions: bool, chars: bool, keeporiginal: bool, kwargs: dict) -> Token:
    return Token(positions, chars, removestops=False, mode=kwargs.get("mode", ""))


def _emit(
    t: Token,
    text: str,
    pos: int,
    start: int,
    end: int,
    positions: bool,
    chars: bool,
    keeporiginal: bool,
    start_char: int,
) -> Token:
    t.text = text
    t.boost = 1.0
    t.stopped = False
    if keeporiginal:
        t.original = text
    if positions:
        t.pos = pos
    if chars:
        t.startchar = start_char + start
        t.endchar = start_char + end
    return t


class SyllableTokenizer(Tokenizer):
    """Yields each syllable of the text (pyvi's syllabification), punctuation
    dropped, with offsets into the original string.

    >>> [t.text for t in SyllableTokenizer()("ngày 12/9/2022, Tp. Huế")]
    ['ngày', '12', '9', '2022', 'Tp', 'Huế']
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = _token(positions, chars, keeporiginal, {"mode": mode})
        pos = start_pos
        for start, end in syllabify_cached(value):
            piece = value[start:end]
            stripped = piece.strip(_EDGE_PUNCT)
            if not stripped:
                continue
            lead = piece.index(stripped)
            s, e = start + lead, start + lead + len(stripped)
            yield _emit(t, stripped, pos, s, e, positions, chars, keeporiginal, start_char)
            pos += 1


class CompoundTokenizer(Tokenizer):
    """Yields pyvi's multi-syllable words and units (dates, document numbers),
    syllables joined by ``_``.

    >>> [t.text for t in CompoundTokenizer()("Viện kiểm sát nhân dân ngày 12/9/2022")]
    ['kiểm_sát_nhân_dân', '12/9/2022']
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = _token(positions, chars, keeporiginal, {"mode": mode})
        pos = start_pos
        for word in _words(value):
            if word.is_punct or (len(word.syllables) < 2 and not word.is_unit):
                continue
            if word.is_unit:
                text = word.text
            else:
                text = WORD_JOINER.join(value[s:e] for s, e in word.syllables)
            yield _emit(
                t, text, pos, word.start, word.end, positions, chars, keeporiginal, start_char
            )
            pos += 1


class CanonicalFilter(Filter):
    """NFC, lower case, one tone placement: "Hoá" → "hóa"."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = _canonical(t.text)
            yield t


class FoldFilter(Filter):
    """Strips diacritics, đ → d: "hóa" → "hoa"."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = fold(t.text)
            yield t


def syllable_analyzer():
    """Syllables in canonical form."""
    return SyllableTokenizer() | CanonicalFilter()


def folded_analyzer():
    """Syllables without diacritics."""
    return SyllableTokenizer() | FoldFilter()


def word_analyzer():
    """pyvi compounds and units in canonical form."""
    return CompoundTokenizer() | CanonicalFilter()


_segment_cache = None  # a SegmentCache while a writer indexes (see ``segment_cache``)


def use_segment_cache(cache) -> None:
    """Let ``analyse`` take compounds from ``cache`` (None: segment every text)."""
    global _segment_cache
    _segment_cache = cache


def analyse(text: str) -> tuple[list[str], list[str]]:
    """(canonical syllables, compounds) of a title or body: what the ``title``/``body``
    and ``_words`` views index, computed once. The indexer hands these lists to Whoosh
    (which indexes a list as given) and to the derived arrays, so both see one analysis.

    >>> analyse("Viện kiểm sát nhân dân Thanh Hoá")
    (['viện', 'kiểm', 'sát', 'nhân', 'dân', 'thanh', 'hóa'], ['kiểm_sát_nhân_dân', 'thanh_hóa'])
    """
    words = _segment_cache.get(text) if _segment_cache is not None else None
    if words is None:
        words = [t.text for t in word_analyzer()(text)]
    return canonical_syllables(text), words


def canonical_syllables(text: str) -> list[str]:
    """What ``syllable_analyzer`` yields, as plain strings (no token objects).

    >>> canonical_syllables("Ngày 12/9, VKSND Thanh Hoá")
    ['ngày', '12', '9', 'vksnd', 'thanh', 'hóa']
    """
    out = []
    for start, end in syllabify_cached(text):
        stripped = text[start:end].strip(_EDGE_PUNCT)
        if stripped:
            out.append(_canonical(stripped))
    return out


def text_views(title: str, body: str) -> dict[str, list[str]]:
    """The four indexed views of an article as token lists: ``title``/``body``
    (canonical syllables) and ``*_words`` (compounds). (The folded views are
    derived from the syllables by the segment arrays.)

    >>> text_views("Giao ban", "")["title_words"]
    ['giao_ban']
    """
    views: dict[str, list[str]] = {}
    for name, text in (("title", title), ("body", body)):
        views[name], views[f"{name}_words"] = analyse(text)
    return views
