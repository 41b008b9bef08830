"""Text in the legacy Vietnamese font encodings TCVN3 (ABC) and VNI, converted to Unicode.

Older provincial archives were typed with .VnTime (TCVN3) or VNI-Times (VNI)
fonts: the file holds Latin-1 characters that only those fonts drew as
Vietnamese. Whether a text is such is decided by evidence, never by a few odd
letters: each conversion is tried, and kept only when it turns a text of
mostly impossible Vietnamese syllables into mostly valid ones. Unicode
Vietnamese is already valid and is never converted; German, Russian or Chinese
do not become Vietnamese, so they are left as they are. Mixed texts are decided
line by line.

>>> convert("Vieän kieåm saùt nhaân daân tænh Thanh Hoùa toå chöùc hoäi nghò")
('Viện kiểm sát nhân dân tỉnh Thanh Hóa tổ chức hội nghị', 'VNI')
>>> convert("ViÖn kiÓm s¸t nh©n d©n tØnh Thanh Ho¸ tæ chøc héi nghÞ")
('Viện kiểm sát nhân dân tỉnh Thanh Hoá tổ chức hội nghị', 'TCVN3 (ABC)')
>>> convert("Viện kiểm sát nhân dân tỉnh Thanh Hóa tổ chức hội nghị")[1] is None
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

TONES = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}
# VNI: a base letter followed by a mark character (lower-case forms; upper case alike)
_VNI_MARKS = {
    "ù": ("", "acute"), "ø": ("", "grave"), "û": ("", "hook"), "õ": ("", "tilde"),
    "ï": ("", "dot"),
    "â": ("\u0302", ""), "á": ("\u0302", "acute"), "à": ("\u0302", "grave"),
    "å": ("\u0302", "hook"), "ã": ("\u0302", "tilde"), "ä": ("\u0302", "dot"),
    "ê": ("\u0306", ""), "é": ("\u0306", "acute"), "è": ("\u0306", "grave"),
    "ú": ("\u0306", "hook"), "ü": ("\u0306", "tilde"), "ë": ("\u0306", "dot"),
}  # fmt: skip
# VNI letters that stand alone: ơ, ư, đ and i/y with tones
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_VNI_BASES = "aeouyơư"
_VNI = re.compile(  # one pass: what a replacement produced is never read again
    "([aeouyAEOUYôöÔÖ])([" + "".join(_VNI_MARKS) + "".join(_VNI_MARKS).upper() + "])"
    "|([" + "".join(_VNI_SINGLE) + "".join(_VNI_SINGLE).upper() + "])"
)
_WORD = re.compile(r"[^\W\d_]+")
# Latin-1 characters Unicode Vietnamese never uses (it uses à á â ã è é ê ì í ò ó ô õ ù ú ý):
# a legacy text is full of them, a Vietnamese one has none, so most texts stop here
_FOREIGN = re.compile(
    "[" + "".join(ch for ch in map(chr, range(0xA1, 0x100))
                  if ch.lower() not in "àáâãèéêìíòóôõùúý") + "]"
)  # fmt: skip


@cache
def _tcvn3_table() -> dict[int, str]:
    table = {}
    path = Path(__file__).parent.parent / "data" / "tcvn3.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            byte, _, char = line.split("\t")
            table[int(byte, 16)] = char
    return table


def from_tcvn3(text: str) -> str:
    """Latin-1 characters read as TCVN3 bytes → Unicode."""
    return text.translate(_tcvn3_table())


def _vni(m: re.Match) -> str:
    if m.group(3):
        char = m.group(3)
        out = _VNI_SINGLE[char.lower()]
        return out.upper() if char.isupper() else out
    base, mark = m.group(1), m.group(2)
    upper = base.isupper()
    base = _VNI_SINGLE.get(base.lower(), base.lower())
    quality, tone = _VNI_MARKS[mark.lower()]
    if (
        base not in _VNI_BASES
        or (quality == "\u0302" and base not in "aeo")
        or (quality == "\u0306" and base != "a")
        or (quality and base in "ơư")
    ):
        return _VNI.sub(_vni, m.group(1)) + _VNI.sub(_vni, m.group(2))
    out = unicodedata.normalize("NFC", base + quality + (TONES[tone] if tone else ""))
    return out.upper() if upper else out


def from_vni(text: str) -> str:
    """Latin-1 characters read as VNI Windows bytes → Unicode."""
    return _VNI.sub(_vni, text)


@cache
def _letters() -> frozenset[str]:
    vowels = "aăâeêioôơuưy"
    toned = {unicodedata.normalize("NFC", v + t) for v in vowels for t in ["", *TONES.values()]}
    return frozenset(toned | set("bcdđfghjklmnpqrstvwxz"))


_NUCLEI = frozenset(
    [
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iê",
        "iu",
        "oa",
        "oă",
        "oe",
        "oi",
        "ôi",
        "ơi",
        "oo",
        "ua",
        "uâ",
        "uê",
        "ui",
        "uô",
        "uơ",
        "uy",
        "ưa",
        "ưi",
        "ươ",
        "ưu",
        "iêu",
        "oai",
        "oay",
        "oao",
        "oeo",
        "uây",
        "uôi",
        "ươi",
        "ươu",
        "uya",
        "uyê",
        "uyu",
        "yê",
        "yêu",
    ]
)
_VOWELS = re.compile("[aăâeêioôơuưy]+")


def _valid_word(word: str) -> bool:
    """Could ``word`` be one Vietnamese syllable (letters, one tone, a real vowel cluster)?"""
    word = word.lower()
    if len(word) > 8 or any(ch not in _letters() for ch in word):
        return False
    decomposed = unicodedata.normalize("NFD", word)
    if sum(ch in TONES.values() for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES.values()))
    if bare.startswith(("gi", "qu")) and len(bare) > 2 and bare[2] in "aăâeêioôơuưy":
        bare = bare[2:] if bare[0] == "q" else bare[1:]
    runs = _VOWELS.findall(bare)
    return len(runs) <= 1 and all(r in _NUCLEI for r in runs)


def vietnamese_share(text: str) -> tuple[float, int]:
    """(share of words that are possible Vietnamese syllables, number of words)."""
    words = _WORD.findall(text[:50_000])
    if not words:
        return 0.0, 0
    return sum(map(_valid_word, words)) / len(words), len(words)


CONVERTERS = {"TCVN3 (ABC)": from_tcvn3, "VNI": from_vni}


def _best(text: str, min_words: int, measured: tuple[float, int] | None = None):
    """(text, None) or (its best conversion, the encoding's name); ``measured`` is the
    text's ``vietnamese_share`` when the caller already has it."""
    share, n = measured or vietnamese_share(text)
    if n < min_words or share > 0.9:
        return text, None
    best, best_name, best_share = text, None, share
    for name, conv in CONVERTERS.items():
        converted = conv(text)
        new_share, _ = vietnamese_share(converted)
        if new_share >= 0.75 and new_share - share >= 0.25 and new_share > best_share:
            best, best_name, best_share = converted, name, new_share
    return best, best_name


def convert(text: str) -> tuple[str, str | None]:
    """(Unicode text, name of the legacy encoding it was in, or None if it was not).
    Lines of four words or more are decided alone; shorter lines follow the text."""
    if not _FOREIGN.search(text):
        return text, None
    _, name = _best(text, min_words=8)
    out, used = [], set()
    for line in text.split("\n"):
        share, words = vietnamese_share(line)
        fixed, line_name = _best(line, min_words=4, measured=(share, words))
        if line_name is None and name is not None and words < 4:
            candidate = CONVERTERS[name](line)
            if vietnamese_share(candidate)[0] > share:
                fixed, line_name = candidate, name
        out.append(fixed)
        if line_name:
            used.add(line_name)
    if not used:
        return text, None
    return "\n".join(out), " + ".join(sorted(used))
