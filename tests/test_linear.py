"""Issue 23 items 9–10: every analysis step is linear in the article's length with a
bounded working set. Wall-clock targets live in ``bench/big_articles.py``; here the
structure that guarantees them, and memory measured by tracemalloc (deterministic)."""

from __future__ import annotations

import random
import subprocess
import sys
import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searcher.analysis import analyzers
from searcher.analysis.analyzers import PIECE_CHARS, analyse, indexed_syllables, pieces
from searcher.vi.segment import segment

CLASSES = {  # one generator per character class, as a hostile export would fill an article
    "letters": lambda r, n: "".join(r.choice("abcdeghiklmnopqrstuvxyđâêôơư") for _ in range(n)),
    "digits": lambda r, n: "".join(r.choice("0123456789") for _ in range(n)),
    "punctuation": lambda r, n: "".join(r.choice(".,;:/-!?()[]\"'") for _ in range(n)),
    "cjk": lambda r, n: "".join(chr(r.randint(0x4E00, 0x9FFF)) for _ in range(n)),
    "mixed": lambda r, n: "".join(r.choice("ab1/.-ệ院 ,\n") for _ in range(n)),
    "dates": lambda r, n: " ".join(
        f"{r.randint(1, 28)}/{r.randint(1, 12)}/2021" for _ in range(n // 10)
    ),
    "words": lambda r, n: " ".join(
        r.choice(["hội", "nghị", "giao", "ban", "Viện", "kiểm", "sát", "2021,"])
        for _ in range(n // 5)
    ),
}


def text_of(kind: str, n: int) -> str:
    return CLASSES[kind](random.Random(n), n)


@given(st.text(alphabet=st.sampled_from("ab \n.,1院"), max_size=400), st.integers(1, 50))
def test_pieces_cover_the_text_in_bounded_pieces(text: str, limit: int) -> None:
    cut = list(pieces(text, limit))
    assert "".join(cut) == text
    assert all(0 < len(piece) <= limit for piece in cut)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_a_long_text_is_cut_where_nothing_joins(kind: str) -> None:
    text = text_of(kind, 3 * PIECE_CHARS)
    cut = list(pieces(text))
    assert "".join(cut) == text and len(cut) >= 3
    assert all(len(piece) <= PIECE_CHARS for piece in cut)
    if kind in ("mixed", "words", "dates"):  # a line break or a space was there to cut at
        assert all(piece[-1].isspace() for piece in cut[:-1])


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_a_short_text_is_analysed_whole_as_before(kind: str) -> None:
    text = text_of(kind, 2_000)
    syllables, _ = analyse(text)
    assert syllables == indexed_syllables(text)  # no cut, no extra BREAK


def test_a_run_of_dates_needs_no_tagger() -> None:
    """Dates, numbers and punctuation never join: the CRF is not run on them."""
    words = segment("12/9/2022 13/9/2022 01/CT-VKSTC")
    assert [w.text for w in words] == ["12/9/2022", "13/9/2022", "01/CT-VKSTC"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_analysis_memory_does_not_grow_with_the_article(kind: str, monkeypatch) -> None:
    """The working set of analysing a text five times longer is that of the shorter one
    (pieces are bounded); only the token lists kept for the index grow. Pieces are made
    small here so the test is quick; bench/big_articles.py measures 5 MB articles."""
    monkeypatch.setattr(analyzers, "PIECE_CHARS", 2_000)
    peaks = {}
    for n in (10_000, 50_000):
        text = text_of(kind, n)
        tracemalloc.start()
        syllables, words = analyse(text)
        peaks[n] = tracemalloc.get_traced_memory()[1] - sys.getsizeof(syllables)
        tracemalloc.stop()
        peaks[n] -= 8 * len(syllables) + sum(sys.getsizeof(w) + 8 for w in words)
        del syllables, words
    assert peaks[50_000] < 1.5 * peaks[10_000] + 1e6, peaks


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["letters", "punctuation", "cjk"])
def test_a_long_run_without_spaces_is_segmented_in_linear_time(kind: str) -> None:
    """A 200k-character run without a space: found by the unit search in one pass (it
    rescanned the run from every start: 44 s for 100k, > 10 min for 1 MB, holding the
    writer lock). A guard with a margin of hundreds, not a speed target."""
    text = text_of(kind, 200_000)
    code = "import sys; from searcher.vi.segment import segment; segment(sys.stdin.read())"
    subprocess.run([sys.executable, "-c", code], input=text, text=True, check=True, timeout=60)
