"""After Whoosh commits: arrays for every segment it created, old ones pruned.

A new segment's documents are found by their stored ids, in Whoosh's document
order: from the batch's rows when the batch wrote them, from the arrays of the
segments Whoosh merged into it otherwise, and only when neither has them (arrays
lost, an index built before arrays existed) by analysing the stored text again —
Whoosh's stored documents are the system of record.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import numpy as np

from searcher.analysis.analyzers import text_views
from searcher.facts.names import display_name
from searcher.index.arrays.build import build_segment
from searcher.index.arrays.rows import BatchRows
from searcher.index.faults import crash_point
from searcher.index.arrays.store import SegmentArrays, arrays_dir, open_segment, prune, save_segment


def leaves(reader) -> list[tuple[object, int]]:
    """(segment reader, first document number) in the order of the index's numbering."""
    found = getattr(reader, "leaf_readers", None)
    subs = list(found()) if found else [(reader, 0)]
    return [(sub, base) for sub, base in subs if sub.segment() is not None]  # not EmptyReader


def segment_id(sub) -> str:
    return sub.segment().segment_id()


def deleted_docs(sub) -> np.ndarray:
    """Document numbers a segment reader has deleted."""
    if not sub.has_deletions():
        return np.empty(0, dtype=np.int64)
    return np.fromiter(sub.segment().deleted_docs(), dtype=np.int64)


class OldRows:
    """Live rows of the segments that existed before a write, by article id."""

    def __init__(self, gen: Path, ix) -> None:
        self.gen = gen
        self._where: dict[str, tuple[SegmentArrays, int]] | None = None
        self._segments: list[tuple[str, set[int]]] = []
        if ix is not None and arrays_dir(gen).is_dir():
            with ix.reader() as reader:
                for sub, _ in leaves(reader):
                    deleted = set(deleted_docs(sub).tolist())
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
    """A row from a document's stored fields (its text analysed again)."""
    rows = BatchRows()
    views = text_views(stored.get("title_text", ""), stored.get("body_text", ""))
    people = stored.get("people") or {}
    named = ([people["chair"]] if people.get("chair") else []) + list(people.get("attendees") or [])
    rows.add({**stored, **views, "meeting_type": ",".join(stored.get("meeting_types") or []),
              "person": ",".join(dict.fromkeys(display_name(n) for n, _ in named)) or None})  # fmt: skip
    return rows, 0


PARALLEL_DOCS = 4000  # segments at least this large are built side by side


def write_arrays(gen: Path, ix, batch: BatchRows | None, old: OldRows | None,
                 procs: int = 1, segments: list | None = None) -> list[str]:  # fmt: skip
    """Build and save the arrays of every segment of ``ix`` that has none; remove those
    of segments gone. Returns the segment ids built. With ``procs`` > 1, large
    segments (a parallel rebuild writes one per Whoosh process) are built in that
    many forked processes, which read the rows they inherit. With ``segments`` (the
    list a commit is about to publish), those are read instead and nothing is pruned:
    the state still served keeps its arrays."""
    todo, keep = [], set()
    if segments is None:
        reader = ix.reader()
    else:  # Whoosh's own way to read a list of segments (FileIndex.reader uses it)
        reader = ix._reader(ix.storage, ix.schema, list(segments), ix.latest_generation())
    with reader:
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
            todo.append((seg_id, rows))
    built = [seg_id for seg_id, _ in todo]
    large = [t for t in todo if len(t[1]) >= PARALLEL_DOCS]
    if procs > 1 and len(large) > 1 and _memory_for(sum(len(rows) for _, rows in large)):
        _build_forked(gen, large, procs)
        todo = [t for t in todo if len(t[1]) < PARALLEL_DOCS]
    for seg_id, rows in todo:
        _build(gen, seg_id, rows)
    if segments is None:
        prune(gen, keep)
    return built


def arrays_before_publishing(writer, gen: Path, ix, batch: BatchRows, old: OldRows) -> None:
    """Make ``writer.commit()`` build the arrays of the segments it publishes before
    Whoosh writes the table of contents that names them: a reader (a restarted
    server, the CLI) never sees a state whose arrays are missing, even when the
    writer is killed right after the commit (``add:after-toc``)."""
    publish_toc = writer._commit_toc

    def commit_toc(segments: list) -> None:
        write_arrays(gen, ix, batch, old, segments=segments)
        crash_point("add:before-toc")
        publish_toc(segments)
        crash_point("add:after-toc")

    writer._commit_toc = commit_toc


_NO_SPACE = 28  # a child's exit code: the disk is full
BUILD_BYTES_PER_DOC = 64 << 10  # measured: two 17k-document builds side by side add ~0.9 GB


def _memory_for(docs: int) -> bool:
    """Is there memory for building ``docs`` documents' arrays side by side (twice the
    measured need, so the page cache and the rest of the system keep theirs)?"""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024 >= 2 * docs * BUILD_BYTES_PER_DOC
    except OSError:
        pass
    return False  # not Linux, or unreadable: one at a time


def _build(gen: Path, seg_id: str, rows: list) -> None:
    arrays, meta = build_segment(rows)
    save_segment(gen, seg_id, arrays, meta)


def _build_forked(gen: Path, segments: list[tuple[str, list]], procs: int) -> None:
    """``_build`` of each segment in a child process (fork: the rows are inherited, not
    sent); a child that fails fails the write."""
    running: dict[int, str] = {}
    pending = list(segments)
    while pending or running:
        while pending and len(running) < procs:
            seg_id, rows = pending.pop(0)
            pid = os.fork()
            if pid == 0:  # the child: build, save, leave without cleanup handlers
                code = 1
                try:
                    _build(gen, seg_id, rows)
                    code = 0
                except OSError as exc:
                    code = _NO_SPACE if exc.errno == errno.ENOSPC else 1
                finally:
                    os._exit(code)
            running[pid] = seg_id
        pid, status = os.wait()
        seg_id = running.pop(pid)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            for other in running:  # stop the others, then report
                os.kill(other, signal.SIGKILL)
                os.waitpid(other, 0)
            if code == _NO_SPACE:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(gen))
            raise RuntimeError(f"building the arrays of segment {seg_id} failed")
