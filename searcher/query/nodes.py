"""The project's own query types: what a plan asks of the index, as plain immutable
data. The engine's array reader walks them (masks, BM25, phrase bonuses); nothing
here knows the index or Whoosh.

>>> q = AnyOf((Term("title_folded", "giao"), Phrase("body_folded", ("giao", "ban"))))
>>> print(q)
(title_folded:giao OR body_folded:"giao ban")
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """One token of one field's view ("body_folded", "vien")."""

    field: str
    text: str
    boost: float = 1.0

    def __str__(self) -> str:
        return f"{self.field}:{self.text}"


@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens standing together, in order, in one field's view."""

    field: str
    words: tuple[str, ...]
    boost: float = 1.0

    def __str__(self) -> str:
        return f'{self.field}:"{" ".join(self.words)}"'


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Matches where one part does; scores the sum of its parts."""

    parts: tuple[Node, ...]
    boost: float = 1.0

    def __str__(self) -> str:
        return "(" + " OR ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True, slots=True)
class AllOf:
    """Matches where every part does; scores the sum of its parts."""

    parts: tuple[Node, ...]
    boost: float = 1.0

    def __str__(self) -> str:
        return "(" + " AND ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True, slots=True)
class Pairs:
    """The query's adjacent syllable pairs (folded), each weighed by its rarity: one
    saturating bonus for the share of them an article holds together, in its title
    or its body (``searcher.query.scoring.proximity``). Matches nothing by itself."""

    pairs: tuple[tuple[str, str], ...]
    boost: float = 1.0

    def __str__(self) -> str:
        return "near(" + ", ".join(f"{a} {b}" for a, b in self.pairs) + ")"


Node = Term | Phrase | AnyOf | AllOf | Pairs
