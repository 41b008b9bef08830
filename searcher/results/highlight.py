"""Snippets with the matched words marked in the original text.

Matching compares each syllable of the original text in canonical or folded
form, so "thanh hoa", "THANH HOÁ" and the NFD form all mark "Thanh Hóa" as
written in the article.

>>> snippet_html("Sáng ngày 12/9/2022, VKSND tỉnh Thanh Hóa tổ chức", set(), {"thanh", "hoa"})
'Sáng ngày 12/9/2022, VKSND tỉnh <mark>Thanh</mark> <mark>Hóa</mark> tổ chức'
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from searcher.vi.segment import syllabify
from searcher.vi.text import canonical, fold

Span = tuple[int, int]
_canonical = lru_cache(maxsize=65536)(canonical)
_fold = lru_cache(maxsize=65536)(fold)


_WORD = re.compile(r"[^\W_]+")


def match_spans(text: str, exact: set, folded: set) -> list[Span]:
    """(start, end) of every word of ``text`` that matches a query mark: a syllable
    whose folded form is in ``folded`` or canonical form in ``exact``, or a tuple of
    syllables (a word, a phrase) matched by consecutive words.

    >>> t = "Được giao ban hành; họp giao ban"
    >>> [t[a:b] for a, b in match_spans(t, set(), {("giao", "ban")})]
    ['giao', 'ban', 'giao', 'ban']
    >>> [t[a:b] for a, b in match_spans("cơ bản, giao", set(), {("giao", "ban")})]
    []
    """
    nfc = unicodedata.normalize("NFC", text)
    folded_text = fold(nfc)
    marks = _marks(frozenset(exact), frozenset(folded))
    if nfc != text or len(folded_text) != len(text):
        return _match_words(text, _words_slow(text), marks)
    if marks.pattern is None:
        return []
    spans: list[Span] = []
    folded, singles_exact, exact_keys = marks.folded, marks.singles_exact, marks.exact_keys
    for m in _word_starts(marks.pattern, folded_text):  # candidates found in C; checked below
        found = m.group()
        if _WORD.fullmatch(found):  # one word (most candidates of a long question)
            a, b = m.span()
            if found in folded or (found in exact_keys and _canonical(text[a:b]) in singles_exact):
                spans.append((a, b))
            continue
        words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(folded_text, *m.span())]
        spans.extend(_match_words(text, words, marks, whole=True))
    return spans


def _word_starts(pattern: re.Pattern, text: str):
    """The matches of ``pattern`` in ``text`` that start a word, as ``finditer`` with a
    look-behind would give them (a match inside a word is skipped, and the search goes
    on from its next character)."""
    pos, end = 0, len(text)
    while pos < end and (m := pattern.search(text, pos)):
        a = m.start()
        if a and text[a - 1].isalnum():
            pos = a + 1
            continue
        yield m
        pos = m.end() if m.end() > a else a + 1


@dataclass(frozen=True)
class _Marks:
    """A query's marks, prepared once: a regex finding, in folded text, every word or
    run of words a mark could match, and the sets that decide."""

    pattern: re.Pattern | None
    folded: frozenset
    singles_exact: frozenset
    exact_keys: frozenset
    phrases: tuple
    firsts: frozenset


@lru_cache(maxsize=512)
def _marks(exact: frozenset, folded: frozenset) -> _Marks:
    runs = {tuple(fold(w) for w in m) for m in exact | folded if isinstance(m, tuple)}
    singles = {fold(m) for m in exact | folded if isinstance(m, str)}
    parts = [r"[\W_]+".join(map(re.escape, r)) for r in sorted(runs, key=len, reverse=True)]
    parts += sorted(map(re.escape, singles), key=len, reverse=True)
    parts = [p for p in parts if p]
    # no look-behind: tried at every character it doubled the scan; a match inside a word
    # is set aside by ``_word_starts``
    pattern = re.compile(r"(?:" + "|".join(parts) + r")(?![^\W_])") if parts else None
    singles_exact = frozenset(e for e in exact if isinstance(e, str))
    phrases = tuple([(p, True) for p in exact if isinstance(p, tuple)]
                    + [(p, False) for p in folded if isinstance(p, tuple)])  # fmt: skip
    return _Marks(pattern, folded, singles_exact, frozenset(fold(e) for e in singles_exact),
                  phrases, frozenset(fold(p[0]) for p, _ in phrases))  # fmt: skip


def _match_words(text: str, words: list[tuple[int, int, str]], marks: _Marks,
                 whole: bool = False) -> list[Span]:  # fmt: skip
    """Which of ``words`` (start, end, folded) the marks match; ``whole``: the words
    were found together as a run, and match only as one of the runs."""
    folded, singles_exact, exact_keys = marks.folded, marks.singles_exact, marks.exact_keys
    phrases, firsts = marks.phrases, marks.firsts
    marked = [False] * len(words)
    for i, (a, b, word) in enumerate(words):
        if not whole and (
            word in folded or (word in exact_keys and _canonical(text[a:b]) in singles_exact)
        ):
            marked[i] = True
        if word not in firsts:
            continue
        for phrase, accented in phrases:
            k = len(phrase)
            run = words[i : i + k]
            if len(run) < k or (whole and k != len(words)):
                continue
            pairs = zip(run, phrase, strict=True)
            if accented:
                ok = all(_canonical(text[x:y]) == p for (x, y, _), p in pairs)
            else:
                ok = all(w == p for (_, _, w), p in pairs)
            if ok:
                marked[i : i + k] = [True] * k
    return [(a, b) for (a, b, _), m in zip(words, marked, strict=True) if m]


def _words_slow(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) of each word of text that is not NFC (pyvi's syllables)."""
    out = []
    for start, end in syllabify(text):
        piece = text[start:end].strip(".,;:!?()\"'“”")
        if not piece:
            continue
        lead = text.index(piece, start)
        out.append((lead, lead + len(piece), _fold(piece)))
    return out


def _window(text: str, spans: list[Span], width: int) -> tuple[int, int]:
    """The ``width``-character window holding the most matches, on word boundaries."""
    if len(text) <= width:
        return 0, len(text)
    best, best_count = 0, -1
    starts = [a for a, _ in spans]  # in order: matches are found left to right
    ends = [b for _, b in spans]
    for s in starts or [0]:
        lo = max(0, s - width // 4)
        count = bisect.bisect_right(ends, lo + width) - bisect.bisect_left(starts, lo)
        if count > best_count:
            best, best_count = lo, count
    lo, hi = best, min(len(text), best + width)
    if lo > 0:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < lo + 30 else lo
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    return lo, hi


def render(text: str, spans: list[Span], lo: int = 0, hi: int | None = None) -> str:
    """HTML: the text escaped, matches wrapped in <mark>."""
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for a, b in spans:
        if a < lo or b > hi:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:hi]))
    return "".join(out)


SNIPPET_SCAN = 6000  # the passage is chosen from the start of long texts


def snippet_html(text: str, exact: set[str], folded: set[str], width: int = 240) -> str:
    """The best passage of ``text`` (``…`` where cut) with matches marked."""
    text = " ".join(text[: SNIPPET_SCAN + 200].split())
    if len(text) > SNIPPET_SCAN:
        cut = text.rfind(" ", 0, SNIPPET_SCAN)
        text = text[: cut if cut > 0 else SNIPPET_SCAN] + " …"
    spans = match_spans(text, exact, folded)
    lo, hi = _window(text, spans, width)
    html = render(text, spans, lo, hi)
    return ("… " if lo > 0 else "") + html + (" …" if hi < len(text) else "")


def highlight_html(text: str, exact: set[str], folded: set[str]) -> str:
    """The whole text escaped, with matches marked (for titles and article pages)."""
    return render(text, match_spans(text, exact, folded))
