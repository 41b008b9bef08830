"""One batch of changes to the index: files in, sources out, the same rules everywhere.

``rebuild``, ``sync``, ``add`` and ``remove`` all go through ``Batch``: an id is
the user's, unless another source already holds it (then the newcomer gets
"id~2" and the user is told); an article with the content of another is a
duplicate; a source's previous ids stay reserved for it while it is re-read.

>>> doc = to_document(Article("a1", "Hội nghị giao ban", "Sáng ngày 12/9/2022, VKSND tỉnh "
...     "Thanh Hóa tổ chức Hội nghị giao ban."), "a1.txt")
>>> doc["province"], doc["meeting_type"], doc["sort_date"]
('Thanh Hóa', 'giao ban', '2022-09-12')
"""

from __future__ import annotations

import dataclasses
import errno
import os
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searcher.analysis.analyzers import text_views
from searcher.analysis.pool import Analyser
from searcher.index.arrays.rows import BatchRows
from searcher.read.articles import Article, Problem
from searcher.read.files import read_source
from searcher.vi.dates import date_iso
from searcher.index.ids import RETIRED, by_place, fresh_id, positional, renamed
from searcher.index.manifest import Entry, Manifest
from searcher.facts.metadata import extract
from searcher.facts.names import display_name
from searcher.facts.people import People
from searcher.analysis.segcache import SegmentCache
from searcher.read.sources import ReadDigest, Skipped, SourceError, fingerprint, shown, walk

Progress = Callable[[int, int, int], None]  # (bytes done, bytes in all, articles indexed)


@dataclass
class Report:
    """What a rebuild, sync, add or remove did, for the CLI's summary and --json."""

    indexed: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0  # files
    kept: int = 0  # unchanged records of changed files
    duplicates: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    seconds: float = 0.0
    full_rebuild: bool = False
    reason: str = ""  # why a sync had to rebuild everything

    @property
    def partial(self) -> bool:
        return bool(self.skipped)

    def to_json(self) -> dict:
        return {
            "indexed": self.indexed,
            "replaced": self.replaced,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "kept": self.kept,
            "duplicates": self.duplicates,
            "skipped": [{"source": p.source, "reason": p.reason} for p in self.skipped],
            "renamed": self.renamed,
            "notes": self.notes,
            "copied": self.copied,
            "seconds": round(self.seconds, 3),
            "partial": self.partial,
            "full_rebuild": self.full_rebuild,
            "reason": self.reason,
        }


def to_document(article: Article, source: str, size: int = -1, sha1: str = "",
                cache: SegmentCache | None = None) -> dict:  # fmt: skip
    """The Whoosh fields of one article (``None`` values left out); the text views are
    token lists, analysed once here (Whoosh indexes a list as given)."""
    doc = metadata_fields(article)
    doc.update(source=source, source_size=size, source_sha1=sha1)
    doc.update(text_views(article.title, article.body, cache))
    return doc


def analysed_document(article: Article, source: str, size: int, sha1: str,
                      cache: SegmentCache | None) -> dict:  # fmt: skip
    """The work an ``Analyser`` does for a batch (``to_document``, looked up when called:
    tests may replace it)."""
    return to_document(article, source, size, sha1, cache)


def metadata_fields(article: Article) -> dict:
    """The stored and facet fields of one article (``None`` values left out): what
    ``to_document`` gives without the analysed text."""
    m = extract(article)
    sort_date = m.meeting_date or m.published
    doc = {
        "id": article.id,
        "content_hash": article.content_hash,
        "locator": article.locator,
        "url": article.url,
        "title_text": article.title,
        "body_text": article.body,
        "author": article.author,
        "unit": m.unit,
        "published": date_iso(m.published),
        "published_month": month_iso(article.published_month),  # never with a published day
        "meeting_date": date_iso(m.meeting_date),
        "meeting_types": m.meeting_types,
        "sort_date": date_iso(sort_date) or (str(m.year) if m.year else None),  # "2017": year only
        "province": m.province,
        "province_2025": m.province_2025,
        "year": str(m.year) if m.year else None,
        "level": m.level,
        "period": m.period,  # "quý I", "9 tháng", …: the facet
        "period_year": str(m.period_year) if m.period_year else None,
        "meeting_type": ",".join(m.meeting_types),
        **people_fields(m.people),
    }
    return {k: v for k, v in doc.items() if v is not None}


def month_iso(month: tuple[int, int] | None) -> str | None:
    """ "2025-05" of a (year, month) stamp, or None."""
    return f"{month[0]:04d}-{month[1]:02d}" if month else None


def people_fields(people: People) -> dict:
    """The stored people (as written), the chair facet and the person filter's values
    (one spelling per name: ``display_name``)."""
    chair = people.chair
    named = ([chair] if chair else []) + people.attendees
    return {
        "people": {
            "chair": [chair.name, chair.role] if chair else None,
            "attendees": [[p.name, p.role] for p in people.attendees],
        },
        "chair": display_name(chair.name) if chair else None,
        "chair_role": chair.role if chair else None,
        "person": ",".join(dict.fromkeys(display_name(p.name) for p in named)) or None,
    }


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str  # path inside the corpus, "/"-separated: the manifest's key
    path: Path
    size: int
    sha1: str


def list_corpus(corpus: Path, skipped: list[Problem]) -> dict[str, SourceFile]:
    """Every article file of the corpus with its fingerprint (call with the lock held)."""
    files: dict[str, SourceFile] = {}
    if not corpus.is_dir():
        return files
    for item in walk(corpus):
        if isinstance(item, Skipped):
            skipped.append(Problem(item.source, item.reason))
            continue
        try:
            size, sha1 = fingerprint(item, corpus)
        except SourceError as exc:
            skipped.append(Problem(shown(item), exc.reason))
            continue
        name = item.relative_to(corpus).as_posix()
        files[name] = SourceFile(name, item, size, sha1)
    return files


SEGMENTS_BATCH = 2000  # texts whose compounds are written to the cache at once


class Batch:
    """Changes through one Whoosh writer, kept in step with the manifest."""

    def __init__(
        self,
        writer,
        manifest: Manifest,
        report: Report,
        corpus: Path,
        *,
        reserved: dict[str, str] | None = None,
        history: dict[str, dict[str, str]] | None = None,
        origins: dict[str, str | None] | None = None,
        progress: Progress | None = None,
        bytes_total: int = 0,
        analyser: Analyser | None = None,
        segments: SegmentCache | None = None,
    ) -> None:
        self.writer = writer
        self.analyser = analyser or Analyser(1, analysed_document, cache=segments)
        self.segments = segments  # where each text's compounds are remembered
        self._segmented: list[tuple[str, list[str]]] = []
        self.rows = BatchRows()  # for the derived arrays of the segments this batch writes
        self.manifest = manifest
        self.report = report
        self.corpus = corpus  # every file is read from inside it, links included
        self.reserved = dict(reserved or {})  # id → source that held it before this batch
        self.released: set[str] = set()
        # re-read source → content hash → the id its record without an id had
        self.history: dict[str, dict[str, str]] = dict(history or {})
        self.origins: dict[str, str | None] = dict(origins or {})  # source → where add found it
        self.previous: dict[str, dict[str, tuple]] = {}  # re-read source → id → (hash, locator)
        self.progress = progress
        self.bytes_total = bytes_total
        self.bytes_done = 0
        self._told = 0.0
        self.unsteady: list[str] = []  # sources whose bytes changed between listing and read

    def release(self, name: str, *, deleted: bool = False) -> Entry | None:
        """Take a source out of the manifest. Deleted: its articles leave the index.
        Otherwise it is about to be re-read: its documents stay until ``ingest``
        sees which records are unchanged (kept as they are), changed or gone, and
        its ids stay reserved for it."""
        entry = self.manifest.drop(name)
        if entry is None:
            return None
        if deleted:
            for article_id, _, _ in entry.articles:
                self._delete(article_id)
                self.report.removed += 1
            return entry
        self.previous[name] = {a[0]: (a[1], a[2]) for a in entry.articles}
        self.history[name] = entry.history()
        self.origins[name] = entry.origin
        for article_id, _, _ in entry.articles:
            self.reserved.setdefault(article_id, name)
            self.released.add(article_id)
        return entry

    def _assign(self, wanted: str, name: str, used_here: set[str], other: set[str]) -> str:
        """The first free id of ``wanted``, ``wanted~2``, …; ``other``: ids this source
        gave to other contents (never handed to a record without an id)."""
        n = 1
        while True:
            candidate = fresh_id(wanted, n)
            owner = self.manifest.ids.get(candidate) or self.reserved.get(candidate)
            free = candidate not in used_here and candidate not in other
            if free and (owner is None or owner == name):
                return candidate
            n += 1

    def ingest(
        self, src: SourceFile, read_from: Path | None = None, shown_as: str | None = None
    ) -> Entry:
        """Index every article of ``src`` (read from ``read_from`` if given, e.g. a
        temporary copy, problems named after ``shown_as``, default the corpus name);
        return its manifest entry."""
        entry = Entry(src.size, src.sha1, origin=self.origins.get(src.name))
        self.manifest.put(src.name, entry)
        used_here: set[str] = set()
        path = read_from or src.path
        stem, kind = Path(src.name).stem, Path(src.name).suffix
        digest = ReadDigest()
        items = read_source(path, stem, self.corpus, kind, position=self._within, digest=digest)
        for item in items:
            if isinstance(item, Problem):
                where = item.source.replace(shown(path), shown_as or src.name, 1)
                self.report.skipped.append(Problem(where, item.reason))
                entry.problems.append(item.reason)
                continue
            self._ingest_article(item, src, entry, used_here)
        for gone in self.previous.pop(src.name, {}):  # records no longer in the file
            if gone not in used_here:
                self._delete(gone)
                self.report.removed += 1
        if history := self.history.get(src.name):  # ids gone from the file stay its own
            gone = [[i, h] for h, i in history.items() if i not in used_here and by_place(i, stem)]
            entry.retired = gone[-RETIRED:]
        if digest.complete and (digest.size, digest.sha1) != (src.size, src.sha1):
            entry.size, entry.sha1 = digest.size, digest.sha1  # what was read is recorded
            self.unsteady.append(src.name)  # rewritten while listed or read: read it again
        self.bytes_done += src.size
        self._tell(self.bytes_done)
        return entry

    def _write(self, doc: dict) -> None:
        self.writer.add_document(**doc)
        self.rows.add(doc)
        if self.segments is not None:
            self._segmented.append((doc.get("title_text", ""), doc["title_words"]))
            self._segmented.append((doc.get("body_text", ""), doc["body_words"]))
            if len(self._segmented) >= SEGMENTS_BATCH:
                self._save_segments()

    def _save_segments(self) -> None:
        if self.segments is not None:
            self.segments.put(self._segmented)
        self._segmented = []

    def _delete(self, article_id: str) -> None:
        self.analyser.flush()  # an earlier version still being analysed is written first
        self.writer.delete_by_term("id", article_id)

    def flush(self) -> None:
        """Write every article still being analysed (before the commit)."""
        self.analyser.flush()
        self._save_segments()

    def _within(self, offset: int) -> None:
        """Progress inside one large file (a JSONL export), at most 5 times a second."""
        now = time.monotonic()
        if now - self._told >= 0.2:
            self._tell(self.bytes_done + offset)
            self._told = now

    def _tell(self, done: int) -> None:
        if self.progress:
            self.progress(done, self.bytes_total, self.report.indexed + self.report.replaced)

    def _ingest_article(self, article: Article, src: SourceFile, entry: Entry, used: set) -> None:
        where = src.name + (f":{article.locator}" if article.locator else "")
        content_hash = article.content_hash
        holder = self.manifest.hashes.get(content_hash)
        if holder is not None:
            self.report.duplicates.append(f"{where}: same content as '{holder}'")
            entry.duplicates.append(content_hash)
            return
        wanted, other = article.id, set()
        history = self.history.get(src.name)
        if history and positional(article, src.name):  # its id follows its content
            wanted = history.get(content_hash, article.id)
            other = {i for h, i in history.items() if h != content_hash}
        elif history and renamed(history.get(content_hash), article.id):  # "bao-cao~2" too
            wanted = history[content_hash]
        article_id = self._assign(wanted, src.name, used, other)
        if article_id != wanted:
            owner = self.manifest.ids.get(wanted) or self.reserved.get(wanted) or src.name
            self.report.renamed.append(
                f"{where}: id '{wanted}' is used by {owner}; indexed as '{article_id}'"
            )
        if article_id != article.id:
            article = dataclasses.replace(article, id=article_id)
        if article.note:
            self.report.notes.append(f"{where}: {article.note}")
        used.add(article_id)
        self.manifest.claim(src.name, article_id, content_hash, article.locator)
        before = self.previous.get(src.name, {}).get(article_id)
        if before == (content_hash, article.locator):
            self.report.kept += 1  # the same record in a re-read file: left as indexed
            return
        if before is not None:
            self._delete(article_id)
        self.analyser.submit(article, src.name, src.size, src.sha1, self._write)
        if article_id in self.released:
            self.report.replaced += 1
        else:
            self.report.indexed += 1


def orphaned_duplicates(manifest: Manifest) -> Iterator[str]:
    """Sources that skipped an article as a duplicate of one no longer indexed."""
    for name, entry in manifest.sources.items():
        if any(h not in manifest.hashes for h in entry.duplicates):
            yield name


def is_disk_full(exc: BaseException | None) -> bool:
    """Is ``exc`` (or what caused it) a full disk or quota?"""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def free_bytes(path: Path) -> int:
    try:
        st = os.statvfs(path)
        return st.f_bavail * st.f_frsize
    except OSError:
        return -1
