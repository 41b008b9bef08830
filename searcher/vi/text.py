"""Canonical and folded forms of Vietnamese text.

The same word reaches us as NFC or NFD, with old ("hòa") or new ("hoà") tone
placement, in any case, with or without diacritics. Two forms are used the same
way at index time and at query time:

- ``canonical``: NFC, lower case, old-style tone placement for oa/oe/uy.
  ``canonical("Thanh Hoá") == canonical("THANH HÓA") == "thanh hóa"``
- ``fold``: canonical with every diacritic removed and đ → d.
  ``fold("Viện Kiểm Sát") == "vien kiem sat"``
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np

# Tone marks (combining), as opposed to vowel-quality marks (circumflex, breve, horn).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# the lower-case letters of the Latin blocks Vietnamese is written in (ASCII to Latin
# Extended-B, Latin Extended Additional); none needs escaping in a character class
LOWER_LATIN = "".join(
    chr(c) for block in (range(0x250), range(0x1E00, 0x1F00)) for c in block if chr(c).islower()
)
_TONED_SECOND = {  # new-style placement: tone on the second vowel of oa/oe/uy
    "o": "aàáảãạ",
    "u": "yỳýỷỹỵ",
}


def _toned(vowel: str, mark: str) -> str:
    return unicodedata.normalize("NFC", vowel + mark)


def _build_tone_table() -> dict[str, str]:
    """Map new-style "oà", "oé", "uý"... to old-style "òa", "óe", "úy"."""
    table: dict[str, str] = {}
    for first, seconds in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in TONE_MARKS:
            table[first + _toned(seconds, mark)] = _toned(first, mark) + seconds
    return table


_NEW_TO_OLD = _build_tone_table()
# A new-style pair at the end of a syllable (no final consonant or vowel after it),
# not part of "qu" (in "quý" the u belongs to the consonant).
_NEW_STYLE_RE = re.compile(
    "(?<![qQ])(" + "|".join(sorted(_NEW_TO_OLD, key=len, reverse=True)) + r")(?![^\W\d_])"
)


# Letters that stand for others, one for one (so offsets into the text still hold):
# full-width ASCII (typed with an East Asian keyboard: "Ｇｉａｏ ｂａｎ") and eth,
# which is what "đ" becomes when Windows-1258 text is read as Latin-1 ("Ðà Nẵng").
_STAND_INS = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_STAND_INS |= {0x3000: " ", ord("ð"): "đ", ord("Ð"): "Đ"}
# and the "fancy font" letters pasted from social media ("𝐇𝐨̣̂𝐢 𝐧𝐠𝐡𝐢̣", "𝔤𝔦𝔞𝔬 𝔟𝔞𝔫"): the
# Mathematical Alphanumeric Symbols, each one Latin letter or digit (lower case: they have
# no case of their own to lower)
FANCY_LETTERS = {
    cp: letter.lower()
    for cp in range(0x1D400, 0x1D800)
    if len(letter := unicodedata.normalize("NFKC", chr(cp))) == 1
    and letter.isascii()
    and letter.isalnum()
}
FANCY = re.compile("[\U0001d400-\U0001d7ff]")
_STAND_INS |= FANCY_LETTERS
_STAND_IN_RE = re.compile("[\uff01-\uff5e\u3000ðÐ\U0001d400-\U0001d7ff]")


def canonical(text: str) -> str:
    """NFC, lower case, one tone placement, stand-in letters read as what they stand for.

    >>> canonical("Thanh Hoá")
    'thanh hóa'
    >>> canonical("KHOẺ"), canonical("Ｇｉａｏ ｂａｎ"), canonical("Ðà Nẵng")
    ('khỏe', 'giao ban', 'đà nẵng')
    >>> canonical("𝐇𝐨̣̂𝐢 𝐧𝐠𝐡𝐢̣"), canonical("𝔤𝔦𝔞𝔬 𝔟𝔞𝔫")
    ('hội nghị', 'giao ban')
    """
    text = unicodedata.normalize("NFC", text).lower()
    if not text.isascii() and _STAND_IN_RE.search(text):
        text = text.translate(_STAND_INS)
        if not unicodedata.is_normalized("NFC", text):  # a fancy letter's marks compose now
            text = unicodedata.normalize("NFC", text)
    return _NEW_STYLE_RE.sub(_to_old_style, text)


def _to_old_style(m: re.Match) -> str:
    return _NEW_TO_OLD[m.group(1)]


def old_style_tones(text: str) -> str:
    """Move new-style tones to old-style placement, keeping case (for display names).

    >>> old_style_tones("Tỉnh Hoà Bình")
    'Tỉnh Hòa Bình'
    """
    text = unicodedata.normalize("NFC", text)
    lower = text.lower()
    if len(lower) != len(text):
        return text
    out = list(text)
    for m in _NEW_STYLE_RE.finditer(lower):
        fixed = _NEW_TO_OLD[m.group(1)]
        for i, ch in enumerate(fixed):
            j = m.start() + i
            out[j] = ch.upper() if text[j].isupper() else ch
    return "".join(out)


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, đ → d, keeping case and length of ASCII text.

    >>> strip_diacritics("Đà Nẵng")
    'Da Nang'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _build_fold_table() -> dict[int, str | None]:
    """Every precomposed Latin letter → its base letter; combining marks → nothing."""
    table: dict[int, str | None] = {cp: None for cp in range(0x0300, 0x0370)}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(start, end):
            base = "".join(
                c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c)
            )
            if base and base != chr(cp):
                table[cp] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    table |= {cp: to.translate(_FOLD_TABLE) for cp, to in _STAND_INS.items()}
    return table


_FAST_FOLD = _build_fold_table()


LONG_TEXT = 64  # characters: from here on ``fold`` maps code points as one array


def fold(text: str) -> str:
    """Canonical form without diacritics (tone placement does not matter here).

    >>> fold("Viện Kiểm Sát"), fold("Thanh Hoá"), fold("Ｇｉａｏ ｂａｎ Ðà")
    ('vien kiem sat', 'thanh hoa', 'giao ban da')
    """
    text = unicodedata.normalize("NFC", text)
    if len(text) >= LONG_TEXT:  # an article's body: ten times faster as one array
        folded = _fold_as_array(text)
        if folded is not None:
            return folded
    return text.lower().translate(_FAST_FOLD)


@cache
def _fold_arrays() -> tuple[np.ndarray, np.ndarray]:
    """(each BMP code point → its folded code point, the code points folded otherwise:
    to nothing or to several, or by their context as Greek capital sigma)."""
    table = np.arange(0x10000, dtype=np.uint32)
    special = np.zeros(0x10000, dtype=bool)
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000 or cp == 0x03A3:
            special[cp] = True
            continue
        out = chr(cp).lower().translate(_FAST_FOLD)
        if len(out) != 1:
            special[cp] = True
        elif out != chr(cp):
            table[cp] = ord(out)
    return table, special


def _fold_as_array(text: str) -> str | None:
    """``text`` (NFC) folded code point by code point in numpy, or None when one of
    its code points folds otherwise (``_fold_arrays``) or lies beyond the BMP."""
    table, special = _fold_arrays()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(points.max()) >= 0x10000 or special[points].any():
        return None
    return table[points].tobytes().decode("utf-32-le")


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (or đ).

    >>> has_diacritics("vien kiem sat"), has_diacritics("viện")
    (False, True)
    """
    decomposed = unicodedata.normalize("NFD", text)
    return any(unicodedata.combining(ch) for ch in decomposed) or "đ" in text or "Đ" in text


_ZERO_WIDTH_SPACE = re.compile("(?<=\\S)\u200b+(?=\\S)")  # between two words: a space
_INVISIBLE = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffd\ufffe\uffff\u00ad\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff]"
)


def clean_text(text: str) -> str:
    """NFC text without what no reader can see or store: lone surrogates (and U+FFFD,
    what one becomes when a URL's bytes are decoded), noncharacters, zero-width and
    direction marks, soft hyphens. A zero-width space between two words is a space
    (pages put it where a line may break). Articles and queries both pass through it,
    so "empty" means the same everywhere, on the web and in the core.

    >>> clean_text("Hội\\u200b nghị\\udcff"), clean_text("\\u200b\\u200c")
    ('Hội nghị', '')
    >>> clean_text("giao\\u200bban"), clean_text("gi\\u00adao\\u200d ban")
    ('giao ban', 'giao ban')
    """
    text = _ZERO_WIDTH_SPACE.sub(" ", text) if "\u200b" in text else text
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
