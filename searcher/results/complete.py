"""As-you-type completions: the typed words with the last one completed, then titles.

The last word is completed after the word before it ("thanh h" → "Thanh Hóa"),
the words before it get their accents from what stands next to them in the index,
and the last is continued to the end of its word ("vien kiem" → "viện kiểm sát");
then come titles containing what was typed, accents ignored.
"""

from __future__ import annotations

from searcher.query.words import with_place_names
from searcher.vi.text import fold


def complete(vocab, arrays, folded_titles: list[str], prefix: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` completions of ``prefix`` from the index's ``vocab`` (a
    ``suggest.Vocabulary``) and its titles (``folded_titles`` by document number)."""
    key = " ".join(fold(prefix).split())
    if len(key) < 2:
        return []
    typed = prefix.split()
    last = key.rsplit(" ", 1)[-1]
    before = key.split()[-2] if len(typed) > 1 else None
    words = vocab.starting(last, before, limit // 2)
    if before and not words:
        words = vocab.starting(last, None, limit // 2)
    out = [" ".join(with_place_names(vocab.phrase(typed[:-1], w))) for w in words]
    for docnum, folded_title in enumerate(folded_titles):
        if key in folded_title:
            title = _title(arrays, docnum)
            if title not in out:
                out.append(title)
        if len(out) >= limit:
            break
    return out[:limit]


def _title(arrays, docnum: int) -> str:
    for seg, base in zip(arrays.segments, arrays.bases, strict=True):
        if base <= docnum < base + seg.n:
            return seg.titles[docnum - base]
    return ""
