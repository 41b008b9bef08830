"""Canonical form, folding and diacritic detection (parametrized tables)."""

import unicodedata

import pytest

from searcher.vi.text import canonical, fold, has_diacritics, strip_diacritics


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Thanh Hóa", "thanh hóa"),
        ("Thanh Hoá", "thanh hóa"),
        ("THANH HOÁ", "thanh hóa"),
        (nfd("Thanh Hoá"), "thanh hóa"),
        ("hoà bình", "hòa bình"),
        ("khoẻ", "khỏe"),
        ("KHOẺ", "khỏe"),
        ("thuý", "thúy"),
        ("Uỷ ban", "ủy ban"),
        ("hoạ sĩ", "họa sĩ"),
        # a final consonant or vowel keeps the tone on the second vowel
        ("Hoàng", "hoàng"),
        ("toán", "toán"),
        ("ngoài", "ngoài"),
        ("khuyến", "khuyến"),
        ("khuya", "khuya"),
        # qu + y: the u belongs to the consonant
        ("quý", "quý"),
        ("Quỳnh", "quỳnh"),
        (nfd("VIỆN KIỂM SÁT"), "viện kiểm sát"),
        ("Đà Nẵng", "đà nẵng"),
        ("", ""),
        ("VKSND 130/130", "vksnd 130/130"),
    ],
)
def test_canonical(raw: str, expected: str) -> None:
    assert canonical(raw) == expected
    assert unicodedata.is_normalized("NFC", canonical(raw))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Viện Kiểm Sát", "vien kiem sat"),
        ("Đà Nẵng", "da nang"),
        ("đường", "duong"),
        ("dương", "duong"),
        ("Thanh Hoá", "thanh hoa"),
        (nfd("Thanh Hóa"), "thanh hoa"),
        ("vien kiem sat", "vien kiem sat"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


LONG = " Viện kiểm sát nhân dân tỉnh Thanh Hóa tổ chức hội nghị giao ban" * 2


@pytest.mark.parametrize(
    "odd",
    [
        "",
        "ΑΣ ΣΑ",  # a Greek capital sigma lowers by its context (final "ς")
        "İstanbul",  # lowers to two code points
        "e\u0301 a\u0300",  # combining marks: NFC composes them, or fold drops them
        "\u0301\u0301",  # a mark with nothing to sit on
        "😀 𝔸",  # beyond the BMP
        "\ud800",  # a lone surrogate
        "ﬁ ß Đ",
    ],
)
def test_fold_of_a_long_text_is_the_fold_of_its_characters(odd: str) -> None:
    """A text from ``LONG_TEXT`` characters on is folded as one array: the same as the
    short path (str.translate) on every odd character, in NFC and NFD."""
    from searcher.vi.text import _FAST_FOLD, LONG_TEXT

    for text in (LONG + odd + LONG, nfd(LONG + odd)):
        assert len(text) >= LONG_TEXT
        short_path = unicodedata.normalize("NFC", text).lower().translate(_FAST_FOLD)
        assert fold(text) == short_path


def test_strip_diacritics_keeps_case() -> None:
    assert strip_diacritics("Đà Nẵng") == "Da Nang"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("vien kiem sat", False),
        ("VKSND", False),
        ("2022", False),
        ("", False),
        ("viện", True),
        ("dan", False),
        ("đan", True),
        ("Đ", True),
        (nfd("hóa"), True),
        ("hoa", False),
    ],
)
def test_has_diacritics(raw: str, expected: bool) -> None:
    assert has_diacritics(raw) is expected
