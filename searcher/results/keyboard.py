"""Edits between a typed syllable and an accent form, as a keyboard types them.

A letter with its marks is one key: "nhs" is one edit from "nhà" (the "à" key was
missed, its marks with it), "bạo" one from "báo" (the same letter, another mark), and a
mark the user typed is meant ("ỹm" is one edit from "mỹ", two from "em"). Did-you-mean
(``searcher.results.suggest``) counts a candidate's cost in these edits.

>>> letters_apart("nhs", "nhà"), letters_apart("bạo", "báo"), letters_apart("ỹm", "em")
(1.0, 1.0, 2.0)
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from searcher.vi.text import fold

TONE_EDIT = 1.0  # a wrong or missing tone mark, in edits; fitted with suggest.EDIT_COST


@lru_cache(maxsize=65536)
def marks(syllable: str) -> str:
    """The diacritics of a syllable, tone and vowel marks and đ's stroke.

    >>> marks("nhũng") == marks("nhũngg"), marks("nhũng") == marks("những")
    (True, False)
    """
    return "".join(sorted(ch for ch in unicodedata.normalize("NFD", syllable)
                          if unicodedata.combining(ch) or ch == "đ"))  # fmt: skip


@lru_cache(maxsize=65536)
def marks_apart(a: str, b: str) -> int:
    """Diacritics to add, drop or replace to go from one syllable to the other
    ("rắn", "ra": two; "dẵn", "dằn": one)."""
    ma, mb = Counter(marks(a)), Counter(marks(b))
    return max(sum((ma - mb).values()), sum((mb - ma).values()))


@lru_cache(maxsize=262144)
def letters_apart(typed: str, form: str) -> float:
    """Edits from a word typed with diacritics to an accent form, letter by letter as
    a keyboard writes them (a letter with its marks is one key): a letter added,
    replaced, dropped or two swapped cost one; the same letter with other marks costs
    ``TONE_EDIT`` per mark, and a mark on the wrong letter of the syllable ``TONE_EDIT``
    in all. A mark the user typed is meant: a typed letter dropped or
    replaced by another letter costs ``TONE_EDIT`` more for each of its marks the form
    lacks there, while a missed key loses its marks for free ("nhs" is one edit from
    "nhà", "trưng" one from "trường"; "ỹm" one from "mỹ" and two from "em").

    >>> letters_apart("nhs", "nhà"), letters_apart("trưng", "trường"), letters_apart("ỹm", "em")
    (1.0, 1.0, 2.0)
    >>> letters_apart("taị", "tại")
    1.0
    """
    a, b = typed, form
    if len(a) == len(b) and fold(a) == fold(b):  # the same letters, other marks
        if a != b and marks(a) == marks(b):  # a mark on the wrong vowel: "taị" for "tại"
            return TONE_EDIT
        return sum(_letter_cost(x, y) for x, y in zip(a, b, strict=True))
    start = 0  # the letters both share at either end are matched for free
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    prev2: list[float] = []
    prev = [float(j) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        x = a[i - 1]
        drop = _letter_cost(x, "")  # what dropping the typed letter leaves unexplained
        row = [prev[0] + drop] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            y = b[j - 1]
            row[j] = min(prev[j] + drop, row[j - 1] + 1, prev[j - 1] + _letter_cost(x, y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y and x != y:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


@lru_cache(maxsize=16384)
def _letter_cost(typed: str, meant: str) -> float:
    """One typed letter for one meant letter ("" for none): other marks on the same
    letter cost ``TONE_EDIT`` each; another letter, or none, costs one plus
    ``TONE_EDIT`` for each typed mark it lacks."""
    if typed == meant:
        return 0.0
    if meant and fold(typed) == fold(meant):
        return TONE_EDIT * marks_apart(typed, meant)
    return 1 + TONE_EDIT * sum((Counter(marks(typed)) - Counter(marks(meant))).values())
