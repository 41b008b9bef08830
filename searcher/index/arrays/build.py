"""Token rows → one segment's arrays (pure: numpy in, numpy out; ``store`` saves them).

A row source is a ``BatchRows`` (a write batch) or a ``SegmentArrays`` (a segment
being merged away): both give vocabularies, a row's token ids per stream, its id,
title and facet values. ``build_segment`` lays the rows out in the segment's
document order and derives everything the engine reads.

>>> from searcher.index.arrays.rows import BatchRows
>>> rows = BatchRows()
>>> rows.add({"id": "a", "title": ["hà", "nội"], "body": ["họp", "ở", "hà", "nội"],
...           "title_words": ["hà_nội"], "body_words": ["hà_nội"], "year": "2024"})
>>> arrays, meta = build_segment([(rows, 0)])
>>> arrays["body_folded.toff"].tolist(), meta["facets"]["year"]
([0, 1, 2, 3, 4], ['2024'])
"""

from __future__ import annotations

from datetime import date

import numpy as np

from searcher.analysis.analyzers import BREAK
from searcher.index.arrays.minhash import signatures
from searcher.index.arrays.rows import FACET_KEYS, STREAMS
from searcher.index.arrays.store import SegmentArrays, encode
from searcher.index.registry import (
    FACET_NAMES,
    SYLLABLE_STREAMS,
    WORD_STREAMS,
    day_key,
    split_key,
    year_key,

    many_facets,
)
from searcher.vi.text import fold

MULTI = "meeting_type"


def _vocab_of(source, kind: str) -> list[str]:
    if isinstance(source, SegmentArrays):
        return source.vocab[kind].tolist()
    return source.syllables if kind == "syl" else source.words


def _stream(source, name: str, row: int) -> np.ndarray:
    return np.asarray(source.stream(name, row))


def _facet_row(source, row: int) -> dict:
    if isinstance(source, SegmentArrays):
        return segment_facet_row(source, row)
    return source.facets[row]


def segment_facet_row(seg: SegmentArrays, row: int) -> dict:
    """The facet values of one document of a saved segment."""
    out: dict = {}
    for name in FACET_NAMES:
        values = seg.meta["facets"][name]
        code = int(seg[f"facet.{name}"][row]) if name not in many_facets() else 0
        if name in many_facets():
            off = seg[f"facet.{name}.off"]
            codes = seg[f"facet.{name}.codes"][int(off[row]) : int(off[row + 1])]
            out[name] = ",".join(values[int(c)] for c in codes) or None
        elif name == MULTI:
            out[name] = ",".join(v for i, v in enumerate(values) if code >> i & 1) or None
        else:
            out[name] = values[code] if code >= 0 else None
    key = int(seg["sort_key"][row])
    out["sort_date"] = _date_of_key(key) if key else None
    return out


def _date_of_key(key: int) -> str:
    y, m, d = split_key(key)
    if m == 0:  # a year-only date (registry.year_key)
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def sort_key(iso: str | None) -> int:
    """``registry.day_key`` of an ISO date, ``year_key`` of a bare year ("2017"), 0: none."""
    if iso and len(iso) == 4 and iso.isdigit():
        return year_key(int(iso))
    try:
        return day_key(date.fromisoformat(iso or ""))
    except ValueError:
        return 0


def _layout(rows: list[tuple[object, int]], kind: str, names: tuple[str, ...]):
    """One vocabulary for the rows (only terms they use), and each stream remapped."""
    sources = list(dict.fromkeys(src for src, _ in rows))
    vocabs = {id(s): _vocab_of(s, kind) for s in sources}
    raw = {name: [_stream(src, name, r) for src, r in rows] for name in names}
    used: dict[int, set[int]] = {id(s): set() for s in sources}
    for name in names:
        for (src, _), ids in zip(rows, raw[name], strict=True):
            used[id(src)].update(ids.tolist())
    terms = sorted({vocabs[k][i] for k, ids in used.items() for i in ids})
    index = {t: i for i, t in enumerate(terms)}
    remap = {k: np.array([index.get(t, -1) for t in vocabs[k]], dtype=np.int32) for k in vocabs}
    streams = {}
    for name in names:
        parts = [remap[id(src)][ids] for (src, _), ids in zip(rows, raw[name], strict=True)]
        docoff = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in parts], out=docoff[1:])
        stream = np.concatenate(parts) if parts else np.empty(0, np.int32)
        streams[name] = (stream.astype(np.int32), docoff)
    return terms, streams


def postings(stream: np.ndarray, docoff: np.ndarray, size: int) -> dict[str, np.ndarray]:
    """CSR postings of a stream: term → documents and frequencies."""
    n = len(docoff) - 1
    doc = np.repeat(np.arange(n, dtype=np.int64), np.diff(docoff))
    key = stream.astype(np.int64) * max(n, 1) + doc
    uniq, tf = np.unique(key, return_counts=True)
    terms = uniq // max(n, 1)
    return {
        "toff": np.searchsorted(terms, np.arange(size + 1)).astype(np.int64),
        "docs": (uniq % max(n, 1)).astype(np.int32),
        "tf": np.minimum(tf, 65535).astype(np.uint16),
    }


def positions(stream: np.ndarray, size: int) -> dict[str, np.ndarray]:
    """term → its positions in the stream, ascending."""
    order = np.argsort(stream, kind="stable")
    return {
        "poff": np.searchsorted(stream[order], np.arange(size + 1)).astype(np.int64),
        "pos": order.astype(np.int32),
    }


def pairs(stream: np.ndarray, docoff: np.ndarray, size: int,
          skip: int = -1) -> dict[str, np.ndarray]:  # fmt: skip
    """Documents in which syllable a stands right before syllable b, keyed a*size+b
    (``skip``: the id of the clause break, in no pair)."""
    n = len(docoff) - 1
    if len(stream) < 2:
        return {"key": np.empty(0, np.int64), "df": np.empty(0, np.int32)}
    starts = np.zeros(len(stream), dtype=bool)
    starts[docoff[1:-1][docoff[1:-1] < len(stream)]] = True
    keep = ~starts[1:] & (stream[:-1] != skip) & (stream[1:] != skip)
    doc = np.repeat(np.arange(n, dtype=np.int64), np.diff(docoff))[:-1][keep]
    key = stream[:-1][keep].astype(np.int64) * size + stream[1:][keep]
    per_doc = np.unique(key * max(n, 1) + doc) // max(n, 1)
    keys, df = np.unique(per_doc, return_counts=True)
    return {"key": keys, "df": df.astype(np.int32)}


def pair_postings(stream: np.ndarray, docoff: np.ndarray, size: int,
                  skip: int = -1) -> dict[str, np.ndarray]:  # fmt: skip
    """The documents in which syllable a stands right before syllable b (never across a
    document's end or the clause break ``skip``), as postings keyed ``a * size + b``:
    ``key`` (sorted), ``off`` (key → slice of ``docs``), ``docs`` (ascending per key)
    and ``tf`` (how often the pair stands in that document). A two-syllable phrase of
    the folded views is then one binary search at query time, scored like a term,
    not an intersection of two position lists.

    >>> p = pair_postings(np.array([0, 1, 0, 1, 0, 1, 2]), np.array([0, 2, 7]), 3)
    >>> p["key"].tolist(), p["off"].tolist(), p["docs"].tolist(), p["tf"].tolist()
    ([1, 3, 5], [0, 2, 3, 4], [0, 1, 1, 1], [1, 2, 1, 1])
    """
    n = max(len(docoff) - 1, 1)
    if len(stream) < 2:
        return {"key": np.empty(0, np.int64), "off": np.zeros(1, np.int64),
                "docs": np.empty(0, np.int32), "tf": np.empty(0, np.int32)}  # fmt: skip
    doc = np.repeat(np.arange(len(docoff) - 1, dtype=np.int64), np.diff(docoff))
    keep = (doc[:-1] == doc[1:]) & (stream[:-1] != skip) & (stream[1:] != skip)
    both = (stream[:-1][keep].astype(np.int64) * size + stream[1:][keep]) * n + doc[:-1][keep]
    del doc, keep
    both, tf = np.unique(both, return_counts=True)
    keys, starts = np.unique(both // n, return_index=True)
    off = np.append(starts, len(both)).astype(np.int64)
    return {"key": keys, "off": off, "docs": (both % n).astype(np.int32),
            "tf": tf.astype(np.int32)}  # fmt: skip


def _facets(facet_rows: list[dict]) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    arrays, values = {}, {}
    for name in FACET_NAMES:
        if name in many_facets():  # CSR: each document's value codes
            per_doc = [[v for v in (r.get(name) or "").split(",") if v] for r in facet_rows]
            seen = sorted({v for vs in per_doc for v in vs})
            code = {v: i for i, v in enumerate(seen)}
            off = np.zeros(len(per_doc) + 1, dtype=np.int64)
            np.cumsum([len(vs) for vs in per_doc], out=off[1:])
            flat = [code[v] for vs in per_doc for v in vs]
            arrays[f"facet.{name}.off"] = off
            arrays[f"facet.{name}.codes"] = np.array(flat, dtype=np.int32)
            values[name] = seen
            continue
        if name == MULTI:
            seen = sorted({v for r in facet_rows for v in (r.get(name) or "").split(",") if v})
            seen = seen[:63]
            bit = {v: i for i, v in enumerate(seen)}
            codes = np.zeros(len(facet_rows), dtype=np.int64)
            for i, r in enumerate(facet_rows):
                for v in (r.get(name) or "").split(","):
                    if v in bit:
                        codes[i] |= np.int64(1) << bit[v]
        else:
            seen = sorted({r[name] for r in facet_rows if r.get(name)})
            code = {v: i for i, v in enumerate(seen)}
            codes = np.array([code.get(r.get(name), -1) for r in facet_rows], dtype=np.int32)
        arrays[f"facet.{name}"], values[name] = codes, seen
    arrays["sort_key"] = np.array([sort_key(r.get("sort_date")) for r in facet_rows], np.int32)
    return arrays, values


def _folded(terms: list[str]) -> tuple[list[str], np.ndarray]:
    """(the sorted folded forms of ``terms``, each term's folded id): "viện", "viên"
    → ["vien"], [0, 0]."""
    folded = [fold(t) for t in terms]
    unique = sorted(set(folded))
    index = {t: i for i, t in enumerate(unique)}
    return unique, np.array([index[f] for f in folded], dtype=np.int32)


def build_segment(rows: list[tuple[object, int]]) -> tuple[dict[str, np.ndarray], dict]:
    """The arrays of a segment whose document ``i`` is ``rows[i]`` (source, row)."""
    out: dict[str, np.ndarray] = {}
    syl, syl_streams = _layout(rows, "syl", SYLLABLE_STREAMS)
    words, word_streams = _layout(rows, "word", WORD_STREAMS)
    fold_terms, syl_fold = _folded(syl)
    order = np.argsort(syl_fold, kind="stable").astype(np.int32)
    out["syl_fold"], out["fold_syl"] = syl_fold, order
    out["fold_syl_off"] = np.searchsorted(syl_fold[order], np.arange(len(fold_terms) + 1))
    for name, terms in (("syl", syl), ("fold", fold_terms), ("word", words)):
        out[f"{name}.blob"], out[f"{name}.off"] = encode(terms)
    for name, (stream, docoff) in {**syl_streams, **word_streams}.items():
        out[f"{name}.stream"], out[f"{name}.docoff"] = stream, docoff
    for name, (stream, docoff) in syl_streams.items():
        views = ((name, stream, len(syl)), (f"{name}_folded", syl_fold[stream], len(fold_terms)))
        for field, ids, size in views:
            for k, v in postings(ids, docoff, size).items():
                out[f"{field}.{k}"] = v
            for k, v in positions(ids, size).items():
                out[f"{field}.{k}"] = v
    folded_words, word_fold = _folded(words)  # "giao_ban" for "giao_ban", "giáo_bạn"
    out["wfold.blob"], out["wfold.off"] = encode(folded_words)
    for name, (stream, docoff) in word_streams.items():
        for k, v in postings(stream, docoff, len(words)).items():
            out[f"{name}.{k}"] = v
        for k, v in postings(word_fold[stream], docoff, len(folded_words)).items():
            out[f"{name}_folded.{k}"] = v  # a word typed without diacritics, as a word
    body, body_off = syl_streams["body"]
    skip = syl.index(BREAK) if BREAK in syl else -1  # syl is sorted: a bisect would do
    for k, v in pairs(body, body_off, len(syl), skip).items():
        out[f"pairs.{k}"] = v
    title, title_off = syl_streams["title"]
    for k, v in pairs(title, title_off, len(syl), skip).items():
        out[f"title_pairs.{k}"] = v  # read by did-you-mean and its never-together test
    fold_skip = fold_terms.index(fold(BREAK)) if fold(BREAK) in fold_terms else -1
    for name, (stream, docoff) in syl_streams.items():
        postings_of_pairs = pair_postings(syl_fold[stream], docoff, len(fold_terms), fold_skip)
        for k, v in postings_of_pairs.items():
            out[f"{name}_folded.pair_{k}"] = v
    facet_arrays, facet_values = _facets([_facet_row(src, r) for src, r in rows])
    out.update(facet_arrays)
    out["minhash"] = signatures(body, body_off, syl)  # near-duplicate reports
    out["ids.blob"], out["ids.off"] = encode([src.ids[r] for src, r in rows])
    out["titles.blob"], out["titles.off"] = encode([src.titles[r] for src, r in rows])
    return out, {"docs": len(rows), "facets": facet_values, "syllables": len(syl)}


__all__ = ["FACET_KEYS", "STREAMS", "build_segment", "segment_facet_row", "sort_key"]
