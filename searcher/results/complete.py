"""As-you-type completions: the typed words with the last one completed, then titles.

The last word is completed after the word before it ("thanh h" → "Thanh Hóa"),
the words before it get their accents from what stands next to them in the index,
and the last is continued to the end of its word ("vien kiem" → "viện kiểm sát");
then come titles containing what was typed, accents ignored. ``grouped`` keeps the
two apart (the search box shows them as two groups: words and places, then articles).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from searcher.query.words import with_place_names
from searcher.vi.text import fold


@dataclass
class Completions:
    """Words and places ("Thanh Hóa"), and articles whose title holds what was typed."""

    words: list[str] = field(default_factory=list)
    titles: list[tuple[str, str]] = field(default_factory=list)  # (title, article id)

    def to_json(self) -> dict:
        return {"words": self.words,
                "titles": [{"title": t, "id": i} for t, i in self.titles]}  # fmt: skip


def grouped(vocab, arrays, folded_titles: list[str], prefix: str, words: int = 5,
            titles: int = 5) -> Completions:  # fmt: skip
    """Up to ``words`` completions of ``prefix`` from the index's ``vocab`` (a
    ``suggest.Vocabulary``) and up to ``titles`` titles (``folded_titles`` by
    document number) holding it, accents ignored."""
    key = " ".join(fold(prefix).split())
    if len(key) < 2:
        return Completions()
    typed = prefix.split()
    last = key.rsplit(" ", 1)[-1]
    before = key.split()[-2] if len(typed) > 1 else None
    found = vocab.starting(last, before, words)
    if before and not found:
        found = vocab.starting(last, None, words)
    out = Completions([" ".join(with_place_names(vocab.phrase(typed[:-1], w))) for w in found])
    seen = set(out.words)
    for docnum, folded_title in enumerate(folded_titles):
        if key in folded_title:
            title, article_id = _title(arrays, docnum)
            if title not in seen:
                seen.add(title)
                out.titles.append((title, article_id))
                if len(out.titles) >= titles:
                    break
    return out


def complete(vocab, arrays, folded_titles: list[str], prefix: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` completions, words first, then titles, as one list."""
    found = grouped(vocab, arrays, folded_titles, prefix, limit // 2, limit)
    return (found.words + [t for t, _ in found.titles])[:limit]


def _title(arrays, docnum: int) -> tuple[str, str]:
    for seg, base in zip(arrays.segments, arrays.bases, strict=True):
        if base <= docnum < base + seg.n:
            return seg.titles[docnum - base], seg.ids[docnum - base]
    return "", ""
