"""Keep the index in line with corpus/: ``rebuild``, ``sync``, ``add``, ``remove``.

Every operation takes the writer lock first and lists the corpus under it, so two
writers never work from different pictures of corpus/. ``sync`` indexes new and
changed files and removes deleted ones, by content hash (the manifest), not by
mtime; ``rebuild`` starts a new generation; ``add`` copies files into corpus/
and syncs them; ``remove`` deletes articles from the index and from their files.
A failed write leaves the previous index serving and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import time
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from searcher.analysis import segcache
from searcher.index import pool_runs
from searcher.analysis.pool import Analyser
from searcher.index.arrays.writer import OldRows, arrays_before_publishing, write_arrays
from searcher.read.articles import Article, Problem
from searcher.read.files import read_source
from searcher.index.corpus_edits import EditRefused, remove_records
from searcher.index.faults import crash_point
from searcher.index.adding import TEMP_PREFIX, Adder, file_size
from searcher.index.batch import (
    Batch,
    Progress,
    Report,
    SourceFile,
    analysed_document,
    free_bytes,
    is_disk_full,
    list_corpus,
    orphaned_duplicates,
)
from searcher.index.manifest import Manifest
from searcher.index.schema import SCHEMA_VERSION
from searcher.analysis.segcache import SegmentCache
from searcher.read.sources import Skipped, expand, fingerprint, inside, safe_file_name, shown
from searcher.index.generations import (
    build_info,
    clean_leftovers,
    drop_unlisted_segments,
    current_generation,
    ensure_index,
    new_workspace,
    now_iso,
    open_index,
    publish,
    read_pending,
    update_info,
    write_pending,
    writer_lock,
)

pool_runs.install()  # Whoosh's pools spill in chunks, not a pickle per posting

__all__ = ["DiskFull", "EmptyCorpus", "Report", "add", "rebuild", "remove", "sync"]
WHOOSH_PROCS = 2  # Whoosh's own pooling processes when a rebuild runs in parallel
POOL_MB = 512  # postings a Whoosh writer process keeps in memory before spilling a run


class DiskFull(OSError):
    """No space left while writing; nothing was changed. The message says where."""


class EmptyCorpus(RuntimeError):
    """The corpus lists no article while the index holds some: a folder not mounted,
    or the wrong ``--corpus``. Nothing is removed unless the caller allows it."""


def _disk_full(directory: Path, needed: int, *others: Path) -> DiskFull:
    """The message names the fuller of the directories written to (index, corpus)."""
    directory, free = min(((d, free_bytes(d)) for d in (directory, *others)), key=lambda x: x[1])
    return DiskFull(
        errno.ENOSPC,
        f"no space left on device (không đủ dung lượng đĩa): about {needed / 1e6:.0f} MB "
        f"needed in {directory}, {max(free, 0) / 1e6:.0f} MB free; the previous index is "
        "still served and nothing was changed",
    )


def needs_rebuild(index_dir: Path) -> str | None:
    """Why only a full rebuild will do (no index, older schema), or None."""
    if current_generation(index_dir) is None:
        return "no index yet"
    if build_info(index_dir).get("schema_version") != SCHEMA_VERSION:
        return "the index was built by an older version"
    return None


def _cleanup_temporaries(corpus: Path, index_dir: Path) -> None:
    """Copies an interrupted ``add`` or ``remove`` left in corpus/, and what a killed
    rebuild left in index/ (lock held)."""
    clean_leftovers(index_dir)
    if corpus.is_dir():
        for stale in corpus.glob(f"{TEMP_PREFIX}*.tmp"):
            stale.unlink(missing_ok=True)


def _cancel(writer) -> None:
    with contextlib.suppress(Exception):
        writer.cancel()


def rebuild(
    corpus: Path, index_dir: Path, *, procs: int | None = None, progress: Progress | None = None,
    timeout: float = 30.0,
) -> Report:  # fmt: skip
    """A fresh index of every article in ``corpus``, swapped in atomically. Ids the
    previous index gave stay with the files that had them."""
    with writer_lock(index_dir, timeout=timeout):
        return _rebuild_locked(corpus, index_dir, procs=procs, progress=progress)


def _rebuild_locked(corpus, index_dir, *, procs=None, progress=None) -> Report:
    started = time.perf_counter()
    report = Report(full_rebuild=True)
    _cleanup_temporaries(corpus, index_dir)
    files = list_corpus(corpus, report.skipped)
    live = current_generation(index_dir)
    prior = _load_manifest(live, open_index(live)) if live else None
    reserved = {i: n for i, n in prior.ids.items() if n in files} if prior else {}
    history = {  # the ids of records without ids follow their contents
        n: e.history() for n, e in (prior.sources if prior else {}).items() if n in files
    }
    known = prior.sources if prior else {}
    order = sorted(files, key=lambda n: (n not in known, n))  # what was indexed comes first
    total = sum(f.size for f in files.values())
    workspace = new_workspace(index_dir)
    try:
        ix = open_index(workspace)
        procs = procs or (min(2, os.cpu_count() or 1) if total > 2_000_000 else 1)
        writer = ix.writer(procs=WHOOSH_PROCS if procs > 1 else 1,
                           multisegment=procs > 1, limitmb=POOL_MB)  # fmt: skip
        manifest = Manifest()
        live_cache, fresh = index_dir / segcache.FILE, segcache.fresh_path(index_dir)
        try:
            with SegmentCache(live_cache, readonly=True) as reading, \
                    SegmentCache(fresh) as remembered, \
                    Analyser(procs, analysed_document, cache=reading,
                             cache_path=live_cache) as analyser:  # fmt: skip
                origins = {n: e.origin for n, e in prior.sources.items()} if prior else {}
                batch = Batch(writer, manifest, report, corpus, reserved=reserved, history=history,
                              origins=origins,
                              progress=progress, bytes_total=total, analyser=analyser,
                              segments=remembered)  # fmt: skip
                for name in order:
                    batch.ingest(files[name])
                    crash_point("rebuild:indexing")
                batch.flush()
            writer.commit()
        except BaseException:
            _cancel(writer)
            fresh.unlink(missing_ok=True)
            raise
        write_arrays(workspace, ix, batch.rows, None, procs=procs)
        manifest.save(workspace, ix.latest_generation())
        report.seconds = time.perf_counter() - started
        info = {"built": now_iso(), "articles": manifest.article_count(), "corpus": str(corpus),
                "schema_version": SCHEMA_VERSION}  # fmt: skip
        for name in batch.unsteady:  # recorded as read: the next sync reads it again
            report.notes.append(f"{name}: changed while it was read; the next sync reads it again")
        crash_point("rebuild:before-publish")
        publish(index_dir, workspace, info)
        segcache.replace_with(index_dir, fresh)  # exactly the texts of this index
    except BaseException as exc:
        shutil.rmtree(workspace, ignore_errors=True)
        if is_disk_full(exc):
            raise _disk_full(index_dir, 3 * total + 1_000_000) from exc
        raise
    write_pending(index_dir, [])  # everything in the corpus is indexed now
    return report


def _load_manifest(gen: Path, ix) -> Manifest:
    """The manifest of generation ``gen`` (opened as ``ix``)."""
    manifest = Manifest.load(gen, ix.latest_generation())
    if manifest is None:  # a crash between a commit and the manifest: ask Whoosh
        with ix.searcher() as searcher:
            manifest = Manifest.from_index(searcher)
        for name, origin in Manifest.origins(gen).items():
            if name in manifest.sources:
                manifest.sources[name].origin = origin
    return manifest


class _Live:
    """The live generation, opened once, with its manifest (lock held)."""

    def __init__(self, index_dir: Path) -> None:
        self.gen = ensure_index(index_dir)
        self.ix = open_index(self.gen)
        drop_unlisted_segments(self.ix)  # what a writer killed before its commit wrote
        self.manifest = _load_manifest(self.gen, self.ix)
        self.old_rows = OldRows(self.gen, self.ix)  # the segments before this write
        write_arrays(self.gen, self.ix, None, self.old_rows)  # repair if lost


@contextlib.contextmanager
def _writing(index_dir: Path, corpus: Path, report: Report, live: _Live | None = None,
             progress: Progress | None = None, needed: int = 0) -> Iterator[Batch]:  # fmt: skip
    """A Batch on the live generation; committed with its manifest, or undone whole:
    on failure the writer is cancelled and every file it created is deleted."""
    live = live or _Live(index_dir)
    gen, ix, manifest = live.gen, live.ix, live.manifest
    before, toc = set(os.listdir(gen)), ix.latest_generation()
    writer = ix.writer()
    cache = SegmentCache(index_dir / segcache.FILE)
    batch = Batch(writer, manifest, report, corpus, progress=progress, bytes_total=needed,
                  segments=cache)  # fmt: skip
    arrays_before_publishing(writer, gen, ix, batch.rows, live.old_rows)
    try:
        yield batch
        batch.flush()
        crash_point("add:before-commit")
        writer.commit()  # the new segments' arrays first, then Whoosh's TOC
        write_arrays(gen, ix, batch.rows, live.old_rows)  # prunes the merged-away ones
        manifest.save(gen, ix.latest_generation())
    except BaseException as exc:
        _cancel(writer)
        if ix.latest_generation() == toc:  # the commit did not land: remove what it wrote
            for name in set(os.listdir(gen)) - before:
                if not name.endswith("LOCK"):
                    with contextlib.suppress(OSError):
                        (gen / name).unlink()
        if is_disk_full(exc):
            raise _disk_full(index_dir, needed * 3 + 1_000_000, corpus) from exc
        raise
    finally:
        cache.close()
    crash_point("add:after-commit")
    update_info(gen, articles=manifest.article_count(), updated=now_iso())


def sync(corpus: Path, index_dir: Path, *, progress: Progress | None = None,
         timeout: float = 30.0, allow_empty: bool = False) -> Report:  # fmt: skip
    """Bring the index in line with ``corpus``: new and changed files indexed, deleted
    ones removed, the rest untouched. A full rebuild only when there is no index
    or it was built by an older schema."""
    with writer_lock(index_dir, timeout=timeout):
        if reason := needs_rebuild(index_dir):
            report = _rebuild_locked(corpus, index_dir, progress=progress)
            report.reason = reason
            return report
        return _sync_locked(corpus, index_dir, progress, allow_empty)


READS = 3  # times sync reads a file that keeps changing while it is read


def _sync_locked(corpus: Path, index_dir: Path, progress, allow_empty: bool) -> Report:
    started = time.perf_counter()
    report = Report()
    _cleanup_temporaries(corpus, index_dir)
    for attempt in range(READS):  # a file rewritten while it was read is read again
        unsteady = _sync_pass(corpus, index_dir, report, progress, allow_empty, attempt == 0)
        if not unsteady:
            break
    else:
        for name in unsteady:
            report.skipped.append(Problem(name, f"changed while it was read ({READS} times): "
                                          "indexed as last read; the next sync reads it again"))  # fmt: skip
    write_pending(index_dir, [])
    report.seconds = time.perf_counter() - started
    return report


def _sync_pass(corpus: Path, index_dir: Path, report: Report, progress,
               allow_empty: bool, first: bool) -> list[str]:  # fmt: skip
    """One listing of the corpus brought into the index; the sources whose bytes
    changed between the listing and the read (recorded as read, so never taken for
    up to date)."""
    files = list_corpus(corpus, report.skipped if first else [])
    live = _Live(index_dir)
    known = live.manifest.sources
    if not files and any(e.articles for e in known.values()) and not allow_empty:
        raise EmptyCorpus(
            f"{corpus} holds no article but the index holds {len(known)} files' articles: "
            "is the folder mounted? (--allow-empty removes them all)"
        )
    deleted = sorted(n for n in known if n not in files)
    changed = sorted(
        n
        for n, f in files.items()
        if n in known and (known[n].sha1, known[n].size) != (f.sha1, f.size)
    )
    new = sorted(n for n in files if n not in known)
    if first:
        report.unchanged = len(files) - len(changed) - len(new)
    if not (deleted or changed or new or any(orphaned_duplicates(live.manifest))):
        return []
    needed = sum(files[n].size for n in changed + new)
    with _writing(index_dir, corpus, report, live, progress, needed) as b:
        for name in deleted:
            b.release(name, deleted=True)
        for name in changed:
            b.release(name)
        for name in changed + new:
            b.ingest(files[name])
        for name in list(orphaned_duplicates(b.manifest)):
            if name in files:
                b.release(name)
                b.ingest(files[name])
    return b.unsteady


def add(
    paths: Iterable[Path], corpus: Path, index_dir: Path, *, timeout: float = 30.0,
    stdin: BinaryIO | None = None, progress: Progress | None = None, replace: bool = False,
) -> Report:  # fmt: skip
    """Copy new articles into ``corpus`` and index them. A file re-added from the path
    it was first added from replaces its copy; a file of the same name from anywhere
    else is stored as ``1_2.txt`` (said so), unless ``replace``; ``stdin`` is read as
    JSONL."""
    started = time.perf_counter()
    report = Report()
    corpus.mkdir(parents=True, exist_ok=True)
    inputs = []
    for item in expand(paths):
        if isinstance(item, Skipped):
            report.skipped.append(Problem(item.source, item.reason))
        else:
            inputs.append(item[0])
    with writer_lock(index_dir, timeout=timeout):
        _cleanup_temporaries(corpus, index_dir)
        if needs_rebuild(index_dir) and current_generation(index_dir) is not None:
            _rebuild_locked(corpus, index_dir)  # an older schema cannot take new documents
        pending = [n for n in read_pending(index_dir) if (corpus / n).is_file()]
        needed = sum(file_size(p) for p in inputs)
        with _writing(index_dir, corpus, report, progress=progress, needed=needed) as batch:
            adder = Adder(batch, corpus, index_dir, report, replace)
            for name in pending:
                adder.resync(name)
            if stdin is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                adder.add_stream(stdin, adder._name(f"stdin-{stamp}.jsonl", "-"))
            for path in inputs:
                adder.add_file(path)
        write_pending(index_dir, [])
    report.seconds = time.perf_counter() - started
    return report


def remove(ids: Iterable[str], corpus: Path, index_dir: Path, *, timeout: float = 30.0) -> Report:
    """Delete articles from the index and from corpus/: a .txt or .html file is
    deleted, a JSONL line emptied, a JSON array entry set to null (the other
    records keep their line numbers, so their ids do not move). Each record is found
    by its content hash in the file as it is now; a file that no longer holds it as
    indexed, or cannot be written back in its encoding, is left as it is (said once)."""
    started = time.perf_counter()
    report = Report()
    with writer_lock(index_dir, timeout=timeout):
        _cleanup_temporaries(corpus, index_dir)
        live = _Live(index_dir) if current_generation(index_dir) else None
        manifest = live.manifest if live else Manifest()
        by_source: dict[str, dict[str, str]] = {}  # source → content hash → id
        for article_id in dict.fromkeys(ids):
            name, found = _find(manifest, article_id)
            if name is None:
                report.skipped.append(Problem(article_id, "no article with this id"))
                continue
            entry = manifest.sources[name]
            content_hash = next(a[1] for a in entry.articles if a[0] == found)
            by_source.setdefault(name, {})[content_hash] = found
        if not by_source:
            return report
        with _writing(index_dir, corpus, report, live) as batch:
            for name, wanted in by_source.items():
                path = corpus / name
                try:
                    remove_records(path, Path(name).stem, wanted, TEMP_PREFIX)
                except EditRefused as exc:
                    report.skipped.append(Problem(", ".join(wanted.values()), str(exc)))
                    continue
                if path.exists():  # re-read: the other records are kept as indexed
                    batch.release(name)
                    size, sha1 = fingerprint(path, corpus)
                    before = len(report.skipped)
                    batch.ingest(SourceFile(name, path, size, sha1))
                    # records of the file that were never readable are not this
                    # remove's failure: said as notes, the exit stays 0
                    report.notes += [f"{p.source}: still skipped ({p.reason})"
                                     for p in report.skipped[before:]]  # fmt: skip
                    del report.skipped[before:]
                else:
                    batch.release(name, deleted=True)
    report.seconds = time.perf_counter() - started
    return report


def _find(manifest: Manifest, article_id: str) -> tuple[str | None, str]:
    """(source, id as indexed) of an id typed in any Unicode form."""
    nfc = unicodedata.normalize("NFC", article_id)
    for form in (nfc, article_id):
        if form in manifest.ids:
            return manifest.ids[form], form
    for known, name in manifest.ids.items():  # an index built before ids were NFC
        if unicodedata.normalize("NFC", known) == nfc:
            return name, known
    return None, article_id
