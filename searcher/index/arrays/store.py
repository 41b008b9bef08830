"""Segment arrays on disk: one file per Whoosh segment, opened read-only with mmap
(several server processes share the pages; one file descriptor per segment).

``gen-…/arrays/<segment id>/`` holds ``arrays.bin`` and ``meta.json`` (which array
starts where) with, for ``n`` documents:

- vocabularies (sorted, UTF-8 blob + offsets): ``syl`` canonical syllables, ``fold``
  folded syllables, ``word`` compounds; ``syl_fold`` maps a syllable to its folding,
  ``fold_syl``/``fold_syl_off`` the other way;
- streams: each document's tokens in order (``<stream>.stream`` + ``.docoff``) for
  ``title``, ``body``, ``title_words``, ``body_words``;
- postings per indexed field (``title``, ``title_folded``, …): ``.toff`` (term →
  slice), ``.docs``, ``.tf``; syllable fields also ``.poff``/``.pos``, each term's
  positions in the field's stream;
- ``pairs.key``/``pairs.df``: documents where two syllables stand together (body),
  ``title_pairs.key``/``.df`` the same in titles;
- ``title_folded.pair_key``/``.pair_off``/``.pair_docs`` (and ``body_folded.…``): the
  documents themselves, per pair of folded syllables (a two-syllable phrase is one
  binary search; a segment written before these existed intersects positions);
- facet codes, ``sort_key``, ids and titles (blobs) for completions and merges.

>>> Vocab.from_terms(["ban", "giao"]).find("giao"), Vocab.from_terms(["ban"]).find("x")
(1, -1)
"""

from __future__ import annotations

import bisect
import itertools
import json
import mmap
import os
import shutil
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from searcher.index.atomic import fsync_dir
from searcher.index.recent import Recent

ARRAYS = "arrays"
DATA = "arrays.bin"
FORMAT = 1
FIELD_VOCAB = {
    "title": "syl", "body": "syl", "title_folded": "fold", "body_folded": "fold",
    "title_words": "word", "body_words": "word",
    "title_words_folded": "wfold", "body_words_folded": "wfold",
}  # fmt: skip
FIELD_STREAM = {"title_folded": "title", "body_folded": "body"}
# the stream a view's documents are cut from (folded words: the words' own)
LENGTH_STREAM = {**FIELD_STREAM, "title_words_folded": "title_words",
                 "body_words_folded": "body_words"}  # fmt: skip
REMEMBERED = 4096  # term lookups kept per vocabulary
POSITION_FIELDS = ("title", "body", "title_folded", "body_folded")


class Vocab:
    """Sorted strings stored as one UTF-8 blob and offsets; ``find`` is a binary search."""

    def __init__(self, blob: np.ndarray, off: np.ndarray) -> None:
        self.blob, self.off = blob, off
        self._found = Recent(REMEMBERED)  # recent lookups (a query's words repeat)

    @classmethod
    def from_terms(cls, terms: list[str]) -> Vocab:
        blob, off = encode(terms)
        return cls(blob, off)

    def __len__(self) -> int:
        return len(self.off) - 1

    def __getitem__(self, i: int) -> str:
        return self.blob[self.off[i] : self.off[i + 1]].tobytes().decode("utf-8")

    def find(self, term: str) -> int:
        return self._found.get(term, self._find)

    def _find(self, term: str) -> int:
        i = bisect.bisect_left(self, term)
        return i if i < len(self) and self[i] == term else -1

    def prefix_range(self, prefix: str) -> range:
        """Indexes of the terms starting with ``prefix``."""
        lo = bisect.bisect_left(self, prefix)
        return range(lo, bisect.bisect_left(self, prefix + "\U0010ffff", lo))

    def tolist(self) -> list[str]:
        data = self.blob.tobytes()
        off = self.off.tolist()
        return [data[a:b].decode("utf-8") for a, b in itertools.pairwise(off)]


def encode(terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Strings → (uint8 blob, int64 offsets)."""
    raw = [t.encode("utf-8") for t in terms]
    off = np.zeros(len(raw) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in raw], out=off[1:])
    return np.frombuffer(b"".join(raw), dtype=np.uint8), off


class SegmentArrays:
    """One segment's arrays: views into one memory-mapped file (one descriptor)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        self.n: int = self.meta["docs"]
        with open(path / DATA, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            mm = mmap.mmap(fh.fileno(), 0, prot=mmap.PROT_READ) if size else b""
        self._arrays: dict[str, np.ndarray] = {}
        for name, (dtype, count, offset) in self.meta["arrays"].items():
            arr = np.frombuffer(mm, dtype=np.dtype(dtype), count=count, offset=offset)
            self._arrays[name] = arr
        self.vocab = {name: Vocab(self[f"{name}.blob"], self[f"{name}.off"])
                      for name in ("syl", "fold", "word", "wfold")
                      if f"{name}.blob" in self._arrays}  # fmt: skip (folded words: optional)
        self.ids = Vocab(self["ids.blob"], self["ids.off"])  # not sorted: by document
        self.titles = Vocab(self["titles.blob"], self["titles.off"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self._arrays[name]

    def __contains__(self, name: str) -> bool:
        return name in self._arrays

    def pair_docs(self, field: str, a: int, b: int) -> np.ndarray | None:
        """Documents where term ``a`` stands right before term ``b`` in ``field`` (a
        folded view), from the pair postings; None when this segment has none."""
        found = self._pair_slice(field, a, b)
        return None if found is None else self[f"{field}.pair_docs"][found]

    def pair_postings(self, field: str, a: int, b: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(documents, how often) of ``a`` right before ``b`` in ``field``, from the pair
        postings; None when this segment has none, or none with frequencies (written
        before they were kept)."""
        found = self._pair_slice(field, a, b)
        if found is None or f"{field}.pair_tf" not in self._arrays:
            return None
        return self[f"{field}.pair_docs"][found], self[f"{field}.pair_tf"][found]

    def _pair_slice(self, field: str, a: int, b: int) -> slice | None:
        if f"{field}.pair_key" not in self._arrays:
            return None
        keys = self[f"{field}.pair_key"]
        want = a * len(self.vocab[FIELD_VOCAB[field]]) + b
        at = int(np.searchsorted(keys, want))
        if at == len(keys) or int(keys[at]) != want:
            return slice(0, 0)
        off = self[f"{field}.pair_off"]
        return slice(int(off[at]), int(off[at + 1]))

    def neighbours_docs(self, field: str, tids: list[int]) -> np.ndarray | None:
        """Documents in which every two neighbours of the terms ``tids`` of ``field``
        stand together somewhere (a superset of those holding the whole run), from the
        folded view's pair postings; None when this segment has none."""
        view = field if field in FIELD_STREAM else f"{field}_folded"
        if field not in POSITION_FIELDS or view not in FIELD_STREAM:
            return None
        ids = tids if view == field else self["syl_fold"][np.asarray(tids)].tolist()
        docs = None
        for a, b in itertools.pairwise(ids):
            pair = self.pair_docs(view, a, b)
            if pair is None:
                return None
            docs = pair if docs is None else np.intersect1d(docs, pair, assume_unique=True)
            if not len(docs):
                break
        return docs

    def term_id(self, field: str, term: str) -> int:
        vocab = self.vocab.get(FIELD_VOCAB[field])  # None: a view written before it
        return vocab.find(term) if vocab is not None else -1

    def postings(self, field: str, tid: int) -> tuple[np.ndarray, np.ndarray]:
        """(documents, frequencies) of term ``tid`` in ``field`` (segment-local)."""
        toff = self[f"{field}.toff"]
        a, b = int(toff[tid]), int(toff[tid + 1])
        return self[f"{field}.docs"][a:b], self[f"{field}.tf"][a:b]

    def positions(self, field: str, tid: int) -> np.ndarray:
        poff = self[f"{field}.poff"]
        return self[f"{field}.pos"][int(poff[tid]) : int(poff[tid + 1])]

    def tokens(self, field: str) -> tuple[np.ndarray, np.ndarray | None]:
        """Every document's syllables of ``field`` in order, one after another (what its
        positions point into), and for a folded view each syllable's folded id (None
        for the canonical view): ``fold[stream[p]]`` is the folded term at ``p``."""
        stream = self[f"{FIELD_STREAM.get(field, field)}.stream"]
        return stream, self["syl_fold"] if field in FIELD_STREAM else None

    def docoff(self, field: str) -> np.ndarray:
        return self[f"{LENGTH_STREAM.get(field, field)}.docoff"]

    def lengths(self, field: str) -> np.ndarray:
        return np.diff(self.docoff(field))

    def forms_of(self, start: int, stop: int | None = None) -> np.ndarray:
        """Syllable ids whose folding is folded id ``start`` (to ``stop``, exclusive)."""
        off = self["fold_syl_off"]
        end = start + 1 if stop is None else stop
        return np.asarray(self["fold_syl"][int(off[start]) : int(off[end])], dtype=np.int64)

    def syllable_ids(self, term: str, folded: bool = False) -> np.ndarray:
        """Syllable ids of a canonical syllable (one, or none), or of every accent form
        of a folded one."""
        if folded:
            fid = self.vocab["fold"].find(term)
            return self.forms_of(fid) if fid >= 0 else np.empty(0, np.int64)
        cid = self.vocab["syl"].find(term)
        return np.array([cid] if cid >= 0 else [], dtype=np.int64)

    def pair_dfs(self, a: np.ndarray | int, b: np.ndarray | int,
                 table: str = "pairs") -> np.ndarray:  # fmt: skip
        """Documents where syllable id ``a`` stands right before ``b`` (in bodies; in
        titles with ``table="title_pairs"``), for every combination of the given ids
        (0 where they never do)."""
        want = (np.atleast_1d(a)[:, None] * len(self.vocab["syl"]) + np.atleast_1d(b)).ravel()
        keys = self[f"{table}.key"]
        if not len(keys):
            return np.zeros(len(want), dtype=np.int64)
        at = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
        return np.where(keys[at] == want, self[f"{table}.df"][at], 0).astype(np.int64)

    def followers(self, a: int) -> tuple[np.ndarray, np.ndarray]:
        """(syllable ids that follow ``a`` somewhere, in how many documents)."""
        keys, size = self["pairs.key"], len(self.vocab["syl"])
        lo, hi = np.searchsorted(keys, [a * size, (a + 1) * size])
        return keys[lo:hi] - a * size, self["pairs.df"][lo:hi]

    def stream(self, name: str, row: int) -> np.ndarray:
        off = self[f"{name}.docoff"]
        return self[f"{name}.stream"][int(off[row]) : int(off[row + 1])]


def arrays_dir(gen: Path) -> Path:
    return gen / ARRAYS


def save_segment(gen: Path, segment_id: str, arrays: dict[str, np.ndarray], meta: dict) -> Path:
    """Write one segment's arrays (one file, each array 64-byte aligned) into a
    temporary folder, then rename it in place."""
    root = arrays_dir(gen)
    root.mkdir(exist_ok=True)
    final = root / segment_id
    tmp = root / f".tmp-{segment_id}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    table = {}
    with open(tmp / DATA, "wb") as out:
        for name, arr in arrays.items():
            arr = np.ascontiguousarray(arr)
            out.write(b"\0" * (-out.tell() % 64))
            table[name] = (arr.dtype.str, int(arr.size), out.tell())
            out.write(arr.tobytes())
        out.flush()
        os.fsync(out.fileno())
    info = {**meta, "format": FORMAT, "arrays": table}
    (tmp / "meta.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.rename(tmp, final)
    fsync_dir(root)
    return final


def open_segment(gen: Path, segment_id: str) -> SegmentArrays | None:
    path = arrays_dir(gen) / segment_id
    try:
        seg = SegmentArrays(path)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return seg if seg.meta.get("format") == FORMAT else None


def prune(gen: Path, keep: set[str]) -> None:
    """Remove arrays of segments Whoosh no longer has (merged away)."""
    root = arrays_dir(gen)
    if root.is_dir():
        for child in root.iterdir():
            if child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)
