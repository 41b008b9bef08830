"""Names of people: family names, how two writings of one name are matched, and the
one spelling a facet shows.

A family name (``data/surnames.txt``) matches with its marks in accented text ("Ban"
is no "Bàn", "Viện" no "Viên") and folded in a passage typed without marks.

>>> person_key("LÊ VĂN HOÀ") == person_key("Le Van Hoa"), display_name("lê văn hoà")
(True, 'Lê Văn Hòa')
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from searcher.vi.places import gazetteer
from searcher.vi.text import LOWER_LATIN, canonical, fold, old_style_tones


@lru_cache(maxsize=1)
def _surname_lines() -> tuple[str, ...]:
    text = resources.files("searcher").joinpath("data/surnames.txt").read_text("utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Family names as written ("nguyễn", …) and folded ("nguyen", …)."""
    words = [w for line in _surname_lines() for w in line.split()]
    return frozenset(canonical(w) for w in words), frozenset(fold(w) for w in words)


# countries whose names start like a family name ("Phó Thủ tướng Thái Lan")
COUNTRIES = ("thai lan", "ha lan", "han quoc", "mong co", "trieu tien", "ba lan", "lao")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of provinces and districts: "Hà Nội" is no person."""
    return frozenset([fold(n) for n in gazetteer().names()] + list(COUNTRIES))


@lru_cache(maxsize=8192)  # the same capitalised words come again and again
def is_surname(word: str, accented: bool = True) -> bool:
    """Is ``word`` a family name? In accented text with its marks ("Ban" is no "Bàn",
    "Viện" no "Viên"); in text typed without marks, folded."""
    written, folded = surnames()
    return canonical(word) in written if accented else fold(word) in folded


def person_key(name: str) -> str:
    """The key two writings of one name share: case, NFC/NFD, tone placement and
    diacritics folded ("Lê Văn Hoà", "LÊ VĂN HÒA", "Le Van Hoa" → "le van hoa")."""
    return " ".join(fold(name).split())


def display_name(name: str) -> str:
    """One spelling of a name for a facet: NFC, old-style tones, each syllable capitalised.

    >>> display_name("NGUYỄN VĂN HOÀ")
    'Nguyễn Văn Hòa'
    """
    words = old_style_tones(" ".join(name.split())).split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


@lru_cache(maxsize=1)
def candidates() -> re.Pattern:
    """Capitalised words whose first letter starts a family name (one regex scan; the
    word itself is then looked up)."""
    words = {w for line in _surname_lines() for w in line.split()}
    first = {f[0] for w in words for f in (w, fold(w).capitalize())}
    # a name has a second syllable after one space, and it is no lower-case Latin letter (nor
    # a digit or a mark): the scan skips two thirds of the capitalised words without a
    # lookup (``_name_at`` checks the letter is a capital)
    return re.compile(
        r"(?<![^\W\d_])[" + "".join(sorted(first)) + r"][^\W\d_]*"
        r"(?= (?![" + LOWER_LATIN + r"])[^\W\d_])"
    )
