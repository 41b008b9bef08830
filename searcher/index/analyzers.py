"""Whoosh analyzers over the analysis stage's functions, for the schema: small
tokenizers and filters joined with ``|``. (The indexer hands Whoosh token lists
already analysed; these say what a field means and serve Whoosh's own tools.)

>>> [t.text for t in syllable_analyzer()("Viện Kiểm sát Thanh Hoá")]
['viện', 'kiểm', 'sát', 'thanh', 'hóa']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from whoosh.analysis import Filter, Token, Tokenizer

from searcher.analysis.analyzers import (
    canonical_form,
    clause_spans,
    compound_spans,
)
from searcher.vi.text import fold


class _SpanTokenizer(Tokenizer):
    """Yields the spans of ``spans(text)`` — (text, start, end, positions skipped
    before it) — as Whoosh tokens."""

    spans: Callable[[str], Iterator[tuple[str, int, int, int]]]

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: object) -> Iterator[Token]:  # fmt: skip
        t = Token(positions, chars, removestops=False, mode=mode)
        pos = start_pos
        for text, start, end, gap in type(self).spans(value):
            pos += gap
            t.text, t.boost, t.stopped = text, 1.0, False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t
            pos += 1


class SyllableTokenizer(_SpanTokenizer):
    """Each syllable, punctuation dropped, with offsets; a position is skipped where
    clause punctuation stands (the indexed token lists hold ``BREAK`` there).

    >>> [(t.text, t.pos) for t in SyllableTokenizer()("ngày 12/9, Huế", positions=True)]
    [('ngày', 0), ('12', 1), ('9', 2), ('Huế', 4)]
    """

    spans = staticmethod(clause_spans)


class CompoundTokenizer(_SpanTokenizer):
    """pyvi's multi-syllable words and units, syllables joined by ``_``.

    >>> [t.text for t in CompoundTokenizer()("Viện kiểm sát nhân dân ngày 12/9/2022")]
    ['kiểm_sát_nhân_dân', '12/9/2022']
    """

    spans = staticmethod(lambda text: ((w, s, e, 0) for w, s, e in compound_spans(text)))


class CanonicalFilter(Filter):
    """NFC, lower case, one tone placement: "Hoá" → "hóa"."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = canonical_form(t.text)
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
