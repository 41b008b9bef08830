"""pyvi segmentation with offsets into the original string."""

import unicodedata
from pathlib import Path

import pytest

from searcher.vi.segment import nfc_with_offsets, segment, syllabify

SEEDS = sorted((Path(__file__).parent.parent / "corpus").glob("0*.txt"))
# Recorded once from pyvi 0.1.1's own ViTokenizer.tokenize (scikit-learn install):
# our reimplementation must give the same words.
PYVI_REFERENCE = Path(__file__).parent / "fixtures" / "pyvi_reference.tsv"


def test_offsets_slice_original_nfc() -> None:
    text = "Viện kiểm sát nhân dân tỉnh Thanh Hóa tổ chức Hội nghị"
    words = segment(text)
    assert [w.text for w in words] == [
        "Viện",
        "kiểm sát nhân dân",
        "tỉnh",
        "Thanh Hóa",
        "tổ chức",
        "Hội nghị",
    ]
    for w in words:
        assert text[w.start : w.end] == w.text


def test_offsets_slice_original_nfd() -> None:
    text = unicodedata.normalize("NFD", "Viện kiểm sát tỉnh Thanh Hóa")
    words = segment(text)
    slices = [unicodedata.normalize("NFC", text[w.start : w.end]) for w in words]
    assert slices == ["Viện", "kiểm sát", "tỉnh", "Thanh Hóa"]
    for w in words:
        for s, _e in w.syllables:
            assert not unicodedata.combining(text[s])  # never starts inside a letter


def test_nfc_with_offsets_maps_back() -> None:
    text = unicodedata.normalize("NFD", "Đà Nẵng")
    nfc, offsets = nfc_with_offsets(text)
    assert nfc == "Đà Nẵng"
    assert len(offsets) == len(nfc) + 1
    assert offsets[-1] == len(text)
    assert unicodedata.normalize("NFC", text[offsets[3] : offsets[7]]) == "Nẵng"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Sáng ngày 12/9/2022, VKSND", "12/9/2022"),
        ("hoàn thành 130/130 chỉ tiêu", "130/130"),
        ("Chỉ thị số 01/CT-VKSTC ngày 27/12/2021", "01/CT-VKSTC 27/12/2021"),
        ("Chỉ thị 01/CT-VKSTC.", "01/CT-VKSTC"),
        ("Chỉ thị số 26-CT/TW, ngày", "26-CT/TW"),
        ("dịch Covid-19 tại", "Covid-19"),
        ("ngày 04/01/2022.", "04/01/2022"),
    ],
)
def test_units_survive(text: str, unit: str) -> None:
    words = segment(text)
    units = [w for w in words if w.is_unit]
    assert [w.text for w in units] == unit.split()
    for w in units:
        assert text[w.start : w.end] == w.text


def test_a_long_slashed_run_is_searched_in_bounded_pieces(monkeypatch) -> None:
    """Hostile input: 2,000 gapless syllables that never form a unit. The unit search
    tries each start against a bounded number of ends (it tried every end: cubic)."""
    from searcher.vi import segment as seg

    calls = []
    real = seg._is_unit
    monkeypatch.setattr(seg, "_is_unit", lambda piece: calls.append(1) or real(piece))
    words = segment("Ngày " + "a/" * 1000 + "/1 họp")
    assert len(calls) <= 2003 * seg.MAX_UNIT_SYLLABLES
    assert [w.text for w in words][:3] == ["Ngày", "a", "/"]
    long = segment("số " + "/".join(["1"] * 40))
    assert all(len(w.syllables) <= seg.MAX_UNIT_SYLLABLES for w in long)


def test_abbreviation_is_one_word() -> None:
    assert "VKSND" in [w.text for w in segment("VKSND tỉnh Thái Bình")]


def test_unaccented_text_is_not_glued() -> None:
    # pyvi does not segment text without diacritics: every syllable stays alone
    assert [w.text for w in segment("vien kiem sat nhan dan")] == [
        "vien",
        "kiem",
        "sat",
        "nhan",
        "dan",
    ]


def test_empty_and_punctuation_only() -> None:
    assert segment("") == []
    assert all(w.is_punct for w in segment("... ,;"))
    assert syllabify("   ") == []


def test_matches_pyvi_reference() -> None:
    lines = PYVI_REFERENCE.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 100
    for line in lines:
        text, expected = line.split("\t")
        got = " ".join(
            "_".join(text[s:e] for s, e in w.syllables) for w in segment(text, units=False)
        )
        assert got == expected, text
