"""The derived arrays agree with Whoosh, the system of record, term by term."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh.externalsort import SortingPool
from whoosh.util.numeric import byte_to_length, length_to_byte

from searcher.analysis.analyzers import BREAK
from searcher.engine.engine import Engine
from searcher.index.arrays import writer as writer_module
from searcher.index.arrays.store import POSITION_FIELDS, arrays_dir, open_segment
from searcher.index.arrays.writer import leaves, segment_id
from searcher.index.generations import current_generation, open_index
from searcher.index.operations import add, sync
from searcher.query.parse import build_request
from searcher.vi.text import fold

_real_forked = writer_module._build_forked
FIELDS = ("title", "body", "title_folded", "body_folded", "title_words", "body_words")


def _whoosh_postings(sub, field: str) -> dict[str, list[tuple[int, int, list[int] | None]]]:
    out = {}
    for raw in sub.lexicon(field):
        term = raw.decode("utf-8")
        m = sub.postings(field, term)
        rows = []
        while m.is_active():
            pos = m.value_as("positions") if field in POSITION_FIELDS else None
            rows.append((m.id(), int(m.weight()), pos))
            m.next()
        if rows:  # Whoosh's matchers skip deleted documents
            out[term] = rows
    return out


Postings = dict[str, list[tuple[int, int, list[int] | None]]]


def _whoosh_folded(sub, field: str) -> Postings:
    """A folded view as Whoosh's canonical syllables say it must be: every form of a
    folded syllable together (documents, summed frequencies, merged positions)."""
    merged: dict[str, dict[int, tuple[int, list[int]]]] = {}
    for term, rows in _whoosh_postings(sub, field.removesuffix("_folded")).items():
        docs = merged.setdefault(fold(term), {})
        for d, f, pos in rows:
            f0, pos0 = docs.get(d, (0, []))
            docs[d] = (f0 + f, sorted(pos0 + pos))
    return {t: [(d, f, p) for d, (f, p) in sorted(docs.items())] for t, docs in merged.items()}


def _array_postings(seg, field: str, live: set[int]) -> Postings:
    vocab = seg.vocab[{"title": "syl", "body": "syl", "title_words": "word",
                       "body_words": "word"}.get(field, "fold")]  # fmt: skip
    docoff = seg.docoff(field)
    out = {}
    for tid in range(len(vocab)):
        docs, tf = seg.postings(field, tid)
        if not len(docs):
            continue
        rows = []
        if field in POSITION_FIELDS:
            pos = np.asarray(seg.positions(field, tid), dtype=np.int64)
            owner = np.searchsorted(docoff, pos, side="right") - 1
            for d, f in zip(docs.tolist(), tf.tolist(), strict=True):
                rows.append((d, f, (pos[owner == d] - docoff[d]).tolist()))
        else:
            rows = [(d, f, None) for d, f in zip(docs.tolist(), tf.tolist(), strict=True)]
        rows = [r for r in rows if r[0] in live]
        if rows:
            out[vocab[tid]] = rows
    return out


def assert_arrays_agree(index: Path) -> int:
    """Every segment: every term's postings (documents, frequencies, positions) and
    every document's field lengths are Whoosh's (which it keeps rounded to one byte;
    the arrays keep them exact). Returns the number of segments."""
    gen = current_generation(index)
    ix = open_index(gen)
    with ix.reader() as reader:
        subs = leaves(reader)
        for sub, _ in subs:
            seg = open_segment(gen, segment_id(sub))
            assert seg is not None and seg.n == sub.doc_count_all()
            live = [d for d in range(seg.n) if not sub.is_deleted(d)]
            for field in FIELDS:
                whoosh = _whoosh_folded if field.endswith("_folded") else _whoosh_postings
                assert _array_postings(seg, field, set(live)) == whoosh(sub, field), field
                lengths = seg.lengths(field).tolist()
                assert [byte_to_length(length_to_byte(lengths[d])) for d in live] == [
                    sub.doc_field_length(d, field.removesuffix("_folded"), 0) for d in live
                ], field
            assert [seg.ids[d] for d in range(seg.n)] == [
                sub.stored_fields(d)["id"] for d in range(seg.n)
            ]
            assert_pair_tables_agree(seg)
        return len(subs)


def _adjacent(seg, stream: str, ids: np.ndarray) -> dict[tuple[int, int], set[int]]:
    """(a, b) → documents where a stands right before b in ``stream``, one document
    at a time, never with the clause break (the slow way the tables must agree with)."""
    out: dict[tuple[int, int], set[int]] = {}
    brk = seg.vocab["syl"].find(BREAK)
    for d in range(seg.n):
        tokens = seg.stream(stream, d)
        for x, y in zip(tokens[:-1].tolist(), tokens[1:].tolist(), strict=True):
            if brk not in (x, y):
                out.setdefault((int(ids[x]), int(ids[y])), set()).add(d)
    return out


def assert_pair_tables_agree(seg) -> None:
    """The pair postings of the folded views and the titles' pair table hold what
    each document's stream says, and a pair lookup gives the documents a phrase of
    two syllables matches by positions."""
    canonical = np.arange(len(seg.vocab["syl"]))
    for stream in ("title", "body"):
        field, size = f"{stream}_folded", len(seg.vocab["fold"])
        want = _adjacent(seg, stream, seg["syl_fold"])
        keys = seg[f"{field}.pair_key"].tolist()
        assert keys == sorted(a * size + b for a, b in want), field
        for a, b in want:
            assert seg.pair_docs(field, a, b).tolist() == sorted(want[a, b]), field
        absent = next((a, b) for a in range(size) for b in range(size) if (a, b) not in want)
        assert not len(seg.pair_docs(field, *absent)), field
    titles = _adjacent(seg, "title", canonical)
    size = len(seg.vocab["syl"])
    assert seg["title_pairs.key"].tolist() == sorted(a * size + b for a, b in titles)
    assert seg["title_pairs.df"].tolist() == [len(titles[k]) for k in sorted(titles)]


def test_arrays_agree_with_whoosh_after_rebuild(fresh) -> None:
    _, index = fresh
    assert assert_arrays_agree(index) >= 1


def test_arrays_agree_after_adds_merges_and_deletions(fresh, tmp_path: Path) -> None:
    corpus, index = fresh
    for i in range(12):  # many small segments: Whoosh merges some of them
        f = tmp_path / f"moi{i}.txt"
        f.write_text(f"Hội nghị giao ban số {i}\nViện kiểm sát huyện {i} họp giao ban quý {i}.")
        add([f], corpus, index)
    (corpus / "moi3.txt").unlink()
    (corpus / "moi4.txt").write_text("Tổng kết năm\nViện kiểm sát tổng kết công tác năm.")
    sync(corpus, index)
    assert assert_arrays_agree(index) >= 2
    gen = current_generation(index)
    with open_index(gen).reader() as reader:
        segments = {segment_id(s) for s, _ in leaves(reader)}
    assert {p.name for p in arrays_dir(gen).iterdir()} == segments  # merged-away pruned
    engine = Engine(index)
    assert [h.id for h in engine.search(build_request('"tổng kết công tác năm"')).hits]
    assert "moi3" not in {h.id for h in engine.search(build_request("giao ban", limit=50)).hits}


PAIR_ARRAYS = ("pair_key", "pair_off", "pair_docs", "pair_tf")


@pytest.mark.parametrize(
    "query",
    ["giao ban", "giao bam", "vien kiem sat", "Viện kiểm sát nhân dân tỉnh họp giao ban quý",
     "hop giao ban tong ket cong tac nam cua vien kiem sat nhan dan"],
)  # fmt: skip
@pytest.mark.parametrize("lacks", [PAIR_ARRAYS, ("pair_tf",)])
def test_a_segment_written_before_the_pair_tables_answers_the_same(fresh, query, lacks) -> None:
    """An index built before the pair postings and the titles' pair table, or before
    the pair postings kept frequencies (its segments lack them), is searched by
    positions, with the same results and scores."""
    _, index = fresh
    with_tables, without = Engine(index), Engine(index)
    for seg in without._current().arrays.segments:
        for name in [f"{f}.{a}" for f in ("title_folded", "body_folded") for a in lacks]:
            del seg._arrays[name]
        if lacks == PAIR_ARRAYS:
            del seg._arrays["title_pairs.key"], seg._arrays["title_pairs.df"]
    assert lacks != PAIR_ARRAYS or "title_pairs.key" not in without._current().arrays.segments[0]
    a, b = (e.search(build_request(query)) for e in (with_tables, without))
    assert [(h.id, h.score) for h in a.hits] == [(h.id, h.score) for h in b.hits]
    assert (a.total, a.suggestion, a.corrected) == (b.total, b.suggestion, b.corrected)


def test_lost_arrays_are_rebuilt_from_the_stored_documents(fresh) -> None:
    corpus, index = fresh
    engine = Engine(index)
    before = [h.id for h in engine.search(build_request("giao ban")).hits]
    gen = current_generation(index)
    for seg in arrays_dir(gen).iterdir():
        (seg / "meta.json").write_text(json.dumps({"broken": True}))
    sync(corpus, index)  # every writer repairs what is missing, under the lock
    assert assert_arrays_agree(index) >= 1
    assert [h.id for h in Engine(index).search(build_request("giao ban")).hits] == before


@pytest.mark.parametrize("query", ["giao ban", "vien kiem sat", '"thanh hóa"', "vksnd"])
def test_a_search_after_add_sees_the_new_article(fresh, tmp_path: Path, query: str) -> None:
    corpus, index = fresh
    engine = Engine(index)
    engine.search(build_request(query))
    f = tmp_path / "moi.txt"
    f.write_text("Giao ban tại Thanh Hóa\nViện kiểm sát nhân dân tỉnh Thanh Hóa họp giao ban.")
    add([f], corpus, index)
    engine.refresh()
    assert "moi" in {h.id for h in engine.search(build_request(query, limit=50)).hits}


def test_a_rebuild_analysing_in_worker_processes_gives_the_same_index(fresh, tmp_path) -> None:
    corpus, index = fresh
    parallel = tmp_path / "parallel"
    from searcher.index.operations import rebuild

    rebuild(corpus, parallel, procs=2)
    assert assert_arrays_agree(parallel) >= 1
    for q in ("giao ban", "vien kiem sat", "thanh hoa 2022"):
        one = Engine(index).search(build_request(q))
        two = Engine(parallel).search(build_request(q))
        assert [(h.id, h.score) for h in one.hits] == [(h.id, h.score) for h in two.hits]
        assert one.facets == two.facets


def _add_small_articles(fresh, tmp_path: Path, n: int = 3) -> Path:
    """``n`` one-article adds to the ``fresh`` index (a small segment each, until Whoosh
    merges them); returns the index."""
    corpus, index = fresh
    for i in range(n):
        f = tmp_path / f"them{i}.txt"
        f.write_text(f"Hội nghị giao ban số {i}\nViện kiểm sát huyện {i} họp giao ban.")
        add([f], corpus, index)
    return index


def _several_segments_without_arrays(fresh, tmp_path: Path) -> tuple[Path, object]:
    index = _add_small_articles(fresh, tmp_path)
    gen = current_generation(index)
    shutil.rmtree(arrays_dir(gen))
    return gen, open_index(gen)


def test_segments_built_side_by_side_agree_with_whoosh(fresh, tmp_path, monkeypatch) -> None:
    """Large segments (a parallel rebuild writes one per Whoosh process) get their
    arrays in forked processes; here every segment counts as large."""
    from searcher.index.arrays import writer

    gen, ix = _several_segments_without_arrays(fresh, tmp_path)
    monkeypatch.setattr(writer, "PARALLEL_DOCS", 1)
    forked = []
    monkeypatch.setattr(writer, "_build_forked", lambda g, segs, procs: forked.append(len(segs))
                        or _real_forked(g, segs, procs))  # fmt: skip
    built = writer.write_arrays(gen, ix, None, None, procs=2)
    assert forked and forked[0] == len(built) >= 2
    assert assert_arrays_agree(fresh[1]) == len(built)


def test_a_failed_forked_build_fails_the_write(fresh, tmp_path, monkeypatch) -> None:
    from searcher.index.arrays import writer

    gen, ix = _several_segments_without_arrays(fresh, tmp_path)
    monkeypatch.setattr(writer, "PARALLEL_DOCS", 1)

    def broken(rows):
        raise ValueError("boom")

    monkeypatch.setattr(writer, "build_segment", broken)
    with pytest.raises(RuntimeError, match="arrays of segment"):
        writer.write_arrays(gen, ix, None, None, procs=2)
    assert not any(arrays_dir(gen).glob("*/meta.json"))


def test_postings_spilled_in_chunks_come_back_whole(fresh, tmp_path, monkeypatch) -> None:
    """A rebuild whose Whoosh pool spills runs (``pool_runs``) still indexes every
    posting: Whoosh and the arrays (built from the batch, not from Whoosh) agree."""
    from searcher.index import operations as indexer
    from searcher.index import pool_runs

    corpus, _ = fresh
    written = []
    monkeypatch.setattr(indexer, "POOL_MB", 0.05)
    monkeypatch.setattr(pool_runs, "CHUNK", 7)
    real = pool_runs._write_run
    monkeypatch.setattr(SortingPool, "_write_run", lambda self, f, items: written.append(1)
                        or real(self, f, items))  # fmt: skip
    indexer.rebuild(corpus, tmp_path / "spilled", procs=1)
    assert written
    assert assert_arrays_agree(tmp_path / "spilled") >= 1


def test_a_second_rebuild_segments_only_what_changed(fresh, monkeypatch) -> None:
    """The segmentation cache (index/segments.sqlite) survives rebuilds."""
    import sqlite3

    from searcher.analysis import analyzers as analysis
    from searcher.index.operations import rebuild

    corpus, index = fresh
    before = Engine(index).search(build_request("giao ban")).to_json()["hits"]
    calls = []
    real = analysis.compounds

    def counting(text):
        calls.append(1)
        return real(text)

    monkeypatch.setattr(analysis, "compounds", counting)
    rebuild(corpus, index)
    assert calls == []  # every title and body came from the cache
    assert Engine(index).search(build_request("giao ban")).to_json()["hits"] == before
    (corpus / "moi.txt").write_text("Giao ban quý\nViện kiểm sát họp giao ban quý.", "utf-8")
    rebuild(corpus, index)
    assert len(calls) == 2  # the new title and body only
    with sqlite3.connect(index / "segments.sqlite") as db:
        kept = db.execute("SELECT count(*) FROM seg").fetchone()[0]
    assert kept == 2 * 6  # exactly the texts of the index: nothing stale kept


def test_a_damaged_segmentation_cache_is_no_error(fresh) -> None:
    from searcher.index.operations import rebuild

    corpus, index = fresh
    (index / "segments.sqlite").write_bytes(b"not a database at all" * 100)
    rebuild(corpus, index)
    assert Engine(index).search(build_request("giao ban")).total >= 1


def _phrase_postings_slowly(seg, field: str, tids: list[int]) -> list[tuple[int, int]]:
    """(document, how often) of ``seg`` whose ``field`` holds the terms ``tids`` one
    after another, read one document's stream at a time (what the gathers and the
    pair postings must agree with)."""
    stream = "title" if field.startswith("title") else "body"
    fold_of = seg["syl_fold"] if field.endswith("_folded") else None
    out = []
    for d in range(seg.n):
        tokens = seg.stream(stream, d)
        if fold_of is not None:
            tokens = fold_of[tokens]
        tokens = tokens.tolist()
        n = sum(tokens[i : i + len(tids)] == tids for i in range(len(tokens) - len(tids) + 1))
        if n:
            out.append((d, n))
    return out


@pytest.mark.parametrize("pair_postings", [True, False])
def test_phrases_by_gathers_agree_with_each_documents_stream(
    fresh, tmp_path, pair_postings
) -> None:
    """Every run of two to four syllables of the seeds (and each such run with its
    last word from the next document, which must never match across the boundary)
    finds, in every field, the documents whose stream holds it and how often: the pair postings
    narrow the documents (a segment written before them has none), the stream is read
    at the rarest word's positions."""
    index = _add_small_articles(fresh, tmp_path)  # a second segment
    arrays = Engine(index)._current().arrays
    for seg in arrays.segments if not pair_postings else ():
        for name in [f"{f}.{a}" for f in ("title_folded", "body_folded") for a in PAIR_ARRAYS]:
            del seg._arrays[name]
    checked = 0
    for seg, base in zip(arrays.segments, arrays.bases, strict=True):
        for field in ("title", "body", "title_folded", "body_folded"):
            vocab = seg.vocab["fold" if field.endswith("_folded") else "syl"]
            stream = "title" if field.startswith("title") else "body"
            runs = set()
            for d in range(min(seg.n, 8)):
                ids = seg.stream(stream, d)
                ids = (seg["syl_fold"][ids] if field.endswith("_folded") else ids).tolist()
                nxt = seg.stream(stream, (d + 1) % seg.n)[:1]
                nxt = (seg["syl_fold"][nxt] if field.endswith("_folded") else nxt).tolist()
                runs.update(tuple(ids[i : i + n]) for n in (2, 3, 4) for i in range(0, 40, 7))
                runs.add(tuple(ids[-2:] + nxt))  # across the end of the document
            for run in runs:
                words = [vocab[t] for t in run]
                if len(run) < 2 or fold(BREAK) in map(fold, words):
                    continue  # the clause break is in no phrase a query can ask for
                found, tf = arrays.phrase_postings(field, words)
                inside = (found >= base) & (found < base + seg.n)
                docs = (found[inside] - base).tolist()
                mine = sorted(zip(docs, tf[inside].tolist(), strict=True))
                assert mine == _phrase_postings_slowly(seg, field, list(run)), words
                checked += 1
    assert checked > 100


def test_the_merged_pair_table_sums_every_segment(fresh, tmp_path: Path) -> None:
    """did-you-mean's one pair table answers, for any two syllables, what the segments'
    own tables (bodies and titles) answer summed, and 0 for a syllable never seen."""
    from searcher.results.pair_table import PairTable

    engine = Engine(_add_small_articles(fresh, tmp_path))
    engine.search(build_request("giao ban"))
    arrays = engine._current().arrays
    assert len(arrays.segments) >= 2
    terms = ["giao", "ban", "họp", "viện", "kiểm", "sát", "không-có-đâu"]
    table = engine._current().vocabulary.pair_matrix(terms, terms)
    for i, a in enumerate(terms):
        for j, b in enumerate(terms):
            want = arrays.pair_count(a, b) + arrays.pair_count(a, b, table="title_pairs")
            assert table[i, j] == want, (a, b)
    assert table[0, 1] >= 3 and not table[:, -1].any() and not table[-1].any()
    empty = PairTable.merge([])
    assert empty.counts(["a"], ["b"]).tolist() == [[0]]


@pytest.mark.parametrize(
    ("positions", "docoff", "docs", "inside"),
    [
        ([0, 2, 5, 7, 9], [0, 3, 6, 10], [1], [5]),
        ([0, 2, 5, 7, 9], [0, 3, 6, 10], [0, 2], [0, 2, 7, 9]),
        ([0, 2, 5, 7, 9], [0, 3, 3, 6, 10], [1, 2], [5]),  # an empty document
        ([4], [0, 3, 6], [0], []),
        ([], [0, 3], [0], []),
        ([1, 2], [0, 3], [], []),
    ],
)  # fmt: skip
def test_positions_inside_documents(positions, docoff, docs, inside) -> None:
    from searcher.engine.arrays import _in_documents

    got = _in_documents(np.array(positions, np.int32), np.array(docoff, np.int64),
                        np.array(docs, np.int32))  # fmt: skip
    assert got.tolist() == inside
