"""After Whoosh commits: arrays for every segment it created, old ones pruned.

A new segment's documents are found by their stored ids, in Whoosh's document
order: from the batch's rows when the batch wrote them, from the arrays of the
segments Whoosh merged into it otherwise, and only when neither has them (arrays
lost, an index built before arrays existed) by analysing the stored text again —
Whoosh's stored documents are the system of record.
"""

from __future__ import annotations

from pathlib import Path

from searcher.analysis import analyse
from searcher.arrays.build import build_segment
from searcher.arrays.rows import BatchRows
from searcher.arrays.store import SegmentArrays, arrays_dir, open_segment, prune, save_segment
from searcher.text import fold


def leaves(reader) -> list[tuple[object, int]]:
    """(segment reader, first document number) in the order of the index's numbering."""
    found = getattr(reader, "leaf_readers", None)
    subs = list(found()) if found else [(reader, 0)]
    return [(sub, base) for sub, base in subs if sub.segment() is not None]  # not EmptyReader


def segment_id(sub) -> str:
    return sub.segment().segment_id()


class OldRows:
    """Live rows of the segments that existed before a write, by article id."""

    def __init__(self, gen: Path, ix) -> None:
        self.gen = gen
        self._where: dict[str, tuple[SegmentArrays, int]] | None = None
        self._segments: list[tuple[str, set[int]]] = []
        if ix is not None and arrays_dir(gen).is_dir():
            with ix.reader() as reader:
                for sub, _ in leaves(reader):
                    deleted = {d for d in range(sub.doc_count_all()) if sub.is_deleted(d)}
                    self._segments.append((segment_id(sub), deleted))

    def find(self, article_id: str) -> tuple[SegmentArrays, int] | None:
        if self._where is None:
            self._where = {}
            for seg_id, deleted in self._segments:
                seg = open_segment(self.gen, seg_id)
                if seg is not None:
                    for row in range(seg.n):
                        if row not in deleted:
                            self._where[seg.ids[row]] = (seg, row)
        return self._where.get(article_id)


def _reanalysed(stored: dict) -> tuple[BatchRows, int]:
    rows = BatchRows()
    tokens = {}
    for name in ("title", "body"):
        syllables, words = analyse(stored.get(f"{name}_text", ""))
        tokens[name], tokens[f"{name}_words"] = syllables, words
        tokens[f"{name}_folded"] = [fold(s) for s in syllables]
    facets = dict(stored, meeting_type=",".join(stored.get("meeting_types") or []))
    rows.add(stored["id"], tokens, facets, stored.get("title_text", ""))
    return rows, 0


def write_arrays(gen: Path, ix, batch: BatchRows | None, old: OldRows | None) -> list[str]:
    """Build and save the arrays of every segment of ``ix`` that has none; remove those
    of segments gone. Returns the segment ids built."""
    built, keep = [], set()
    with ix.reader() as reader:
        for sub, _ in leaves(reader):
            seg_id = segment_id(sub)
            keep.add(seg_id)
            if open_segment(gen, seg_id) is not None:
                continue
            rows = []
            for docnum in range(sub.doc_count_all()):
                stored = sub.stored_fields(docnum)
                article_id = stored["id"]
                if batch is not None and article_id in batch.by_id:
                    rows.append((batch, batch.by_id[article_id]))
                elif old is not None and (found := old.find(article_id)) is not None:
                    rows.append(found)
                else:
                    rows.append(_reanalysed(stored))
            arrays, meta = build_segment(rows)
            save_segment(gen, seg_id, arrays, meta)
            built.append(seg_id)
    prune(gen, keep)
    return built
