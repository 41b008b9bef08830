"""The three index views and their offsets; syllable-level recall over the seeds."""

import re
import unicodedata
from pathlib import Path

import pytest
from whoosh import query
from whoosh.fields import TEXT
from whoosh.filedb.filestore import RamStorage

from searcher.analysis.analyzers import BREAK, indexed_syllables
from searcher.index.analyzers import folded_analyzer, syllable_analyzer, word_analyzer
from searcher.index.schema import build_schema
from searcher.vi.text import canonical, fold

SEEDS = sorted((Path(__file__).parent.parent / "corpus").glob("0*.txt"))


@pytest.mark.parametrize(
    ("analyzer", "text", "terms"),
    [
        (syllable_analyzer, "Viện Kiểm Sát Thanh Hoá", ["viện", "kiểm", "sát", "thanh", "hóa"]),
        (folded_analyzer, "Viện Kiểm Sát Thanh Hoá", ["vien", "kiem", "sat", "thanh", "hoa"]),
        (syllable_analyzer, "ngày 12/9/2022, (VKSND)", ["ngày", "12", "9", "2022", "vksnd"]),
        (word_analyzer, "Viện kiểm sát nhân dân Thanh Hoá", ["kiểm_sát_nhân_dân", "thanh_hóa"]),
        (word_analyzer, "Chỉ thị số 01/CT-VKSTC", ["chỉ_thị", "01/ct-vkstc"]),
        (syllable_analyzer, "", []),
        (word_analyzer, "...", []),
    ],
)
def test_views(analyzer, text: str, terms: list[str]) -> None:
    assert [t.text for t in analyzer()(text)] == terms


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("make", [syllable_analyzer, folded_analyzer, word_analyzer])
def test_offsets_slice_the_original(form: str, make) -> None:
    text = unicodedata.normalize(form, "Sáng ngày 12/9/2022, VKSND tỉnh Thanh Hoá tổ chức Hội nghị")
    tokens = [(t.text, t.startchar, t.endchar) for t in make()(text, chars=True)]
    assert tokens
    for term, start, end in tokens:
        original = text[start:end]
        expected = canonical(original.replace(" ", "_"))
        assert term in (expected, fold(expected)), (term, original)


def test_positions_jump_at_clause_punctuation() -> None:
    """A phrase never spans a comma, a semicolon, a sentence end or a line break; the
    token lists the indexer hands Whoosh hold BREAK at the same places."""
    text = "Hội nghị, giao ban; 9 tháng. Cô giáo\nbạn TP.HCM 12.000 1,5"
    positions = [t.pos for t in syllable_analyzer()(text, positions=True)]
    assert positions == [0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 14, 15, 16]
    listed = indexed_syllables(text)
    assert [i for i, t in enumerate(listed) if t != BREAK] == positions


def _count_phrase(searcher, field: str, words: list[str]) -> int:
    matcher = query.Phrase(field, words).matcher(searcher)
    total = 0
    while matcher.is_active():
        total += len(matcher.spans())
        matcher.next()
    return total


@pytest.fixture(scope="module")
def seed_searcher():
    schema = build_schema()  # plus the folded view the index derives, here analysed by Whoosh
    schema.add("body_folded", TEXT(analyzer=folded_analyzer()))
    ix = RamStorage().create_index(schema)
    with ix.writer() as w:
        for path in SEEDS:
            text = path.read_text(encoding="utf-8")
            w.add_document(id=path.stem, body=text, body_folded=text, body_words=text)
    with ix.searcher() as s:
        yield s


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("nhân dân", 42), ("viện kiểm sát", 29), ("kiểm sát", None), ("thái bình", None)],
)
def test_every_occurrence_is_found(seed_searcher, phrase: str, expected: int | None) -> None:
    """pyvi glues "nhân dân" into longer compounds; the syllable views still see all."""
    truth = sum(
        len(re.findall(rf"(?<!\w){phrase}(?!\w)", canonical(p.read_text(encoding="utf-8"))))
        for p in SEEDS
    )
    if expected is not None:
        assert truth == expected
    words = phrase.split()
    assert _count_phrase(seed_searcher, "body", words) == truth
    assert _count_phrase(seed_searcher, "body_folded", [fold(w) for w in words]) == truth


def test_compounds_alone_miss_occurrences(seed_searcher) -> None:
    """Why the syllable views exist: the compound "nhân_dân" covers only a few."""
    compound = seed_searcher.doc_frequency("body_words", "nhân_dân")
    glued = [t for t in seed_searcher.lexicon("body_words") if b"nh\xc3\xa2n_d\xc3\xa2n" in t]
    assert compound <= 5
    assert len(glued) > 1
