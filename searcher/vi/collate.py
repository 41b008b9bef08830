"""Vietnamese alphabetical order, for facet values and long lists.

Letters in the Vietnamese alphabet's order (a ă â b c d đ e ê g h i k l m n o ô
ơ p q r s t u ư v x y, with f j w z where the Latin alphabet puts them); tones
only break ties, after the base letters, in dictionary order: ngang, huyền, hỏi,
ngã, sắc, nặng; then case. Code-point order puts "Đà Nẵng" after "Yên Bái" and
"Thanh Hóa" before "Thái Bình"; this does not.

>>> vietnamese_sorted(["Thanh Hóa", "Đà Nẵng", "Thái Bình", "An Giang", "Ân Thi", "Yên Bái"])
['An Giang', 'Ân Thi', 'Đà Nẵng', 'Thái Bình', 'Thanh Hóa', 'Yên Bái']
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i + 20 for i, ch in enumerate(ALPHABET)}  # digits 10-19, space 0
_RANK.update({str(d): 10 + d for d in range(10)})
_RANK[" "] = 0
_QUALITY = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=4096)
def collation_key(text: str) -> tuple:
    """A sort key: (letters, tones, the text itself).

    >>> sorted(["bạ", "bá", "ba", "bà", "bả", "bã", "bac"], key=collation_key)
    ['ba', 'bà', 'bả', 'bã', 'bá', 'bạ', 'bac']
    """
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", " ".join(text.lower().split())):
        if ch in _QUALITY and letters:
            base = ALPHABET[letters[-1] - 20] if letters[-1] >= 20 else ""
            composed = unicodedata.normalize("NFC", base + ch)
            letters[-1] = _RANK.get(composed, letters[-1])
        elif ch in _TONE and tones:
            tones[-1] = _TONE[ch]
        elif not unicodedata.combining(ch):
            letters.append(_RANK.get(ch, 1000 + ord(ch)))
            tones.append(0)
    return tuple(letters), tuple(tones), text


def vietnamese_sorted(values) -> list[str]:
    return sorted(values, key=collation_key)
