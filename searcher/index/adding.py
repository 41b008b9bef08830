"""The steps of ``add`` for one input: name it in the corpus, copy it beside the corpus,
index it, and only then give it its place (journaled in ``pending.json``).

A corpus name belongs to the path it was first added from: another site's ``1.txt``
is stored as ``1_2.txt`` (and the user told), the same path re-added replaces its
copy, and ``--replace`` replaces whatever holds the name.

>>> safe_file_name("Hội nghị.txt")
'Hội nghị.txt'
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from searcher.index.batch import Batch, Report, SourceFile, is_disk_full
from searcher.index.faults import crash_point
from searcher.index.generations import read_pending, write_pending
from searcher.read.articles import Article, Problem
from searcher.read.files import read_source
from searcher.read.sources import fingerprint, inside, safe_file_name, shown

TEMP_PREFIX = ".add-"  # copies being added, and rewrites of ``remove``, in corpus/


def _copy(source: BinaryIO, dest: Path) -> tuple[int, str]:
    """Stream ``source`` into ``dest``; (size, sha1)."""
    digest, size = hashlib.sha1(), 0
    with dest.open("wb") as out:
        while chunk := source.read(1 << 20):
            out.write(chunk)
            digest.update(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return size, digest.hexdigest()


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Adder:
    """The steps of ``add`` for one file: name it, copy it beside the corpus, index
    it, and only then give it its place (journaled in ``pending.json``)."""

    def __init__(self, batch: Batch, corpus: Path, index_dir: Path, report: Report,
                 replace: bool = False) -> None:  # fmt: skip
        self.batch, self.corpus, self.index_dir, self.report = batch, corpus, index_dir, report
        self.replace = replace
        self.names: set[str] = set()
        self.count = 0

    def resync(self, name: str) -> None:
        """A file a killed ``add`` copied into the corpus: index what it holds now."""
        path = self.corpus / name
        try:
            size, sha1 = fingerprint(path, self.corpus)
        except OSError:
            return
        old = self.batch.manifest.sources.get(name)
        if old is None or (old.size, old.sha1) != (size, sha1):
            self.batch.release(name)
            self.batch.ingest(SourceFile(name, path, size, sha1))

    def _name(self, wanted: str, origin: str, real: str | None = None) -> str:
        """A corpus name for an input: its own, unless another input of this command or
        a corpus file from another path (``real``: where this one is) holds it."""
        name = safe_file_name(wanted)
        stem, suffix = os.path.splitext(name)
        n, why = 2, ""
        while name in self.names or self._taken(name, real):
            if name not in self.names:
                why = f" ('{name}' there came from another path; --replace replaces it)"
            name = f"{stem}_{n}{suffix}"
            n += 1
        if name != wanted:
            self.report.renamed.append(f"{origin}: stored in the corpus as '{name}'{why}")
        self.names.add(name)
        return name

    def _taken(self, name: str, real: str | None) -> bool:
        """Does ``name`` hold another source's file (a scraper's ``1.txt`` of another
        site)? The same path re-added, or ``--replace``, replaces it."""
        if self.replace:
            return False
        entry = self.batch.manifest.sources.get(name)
        if entry is not None:
            return entry.origin is None or entry.origin != real
        return (self.corpus / name).exists()

    def add_file(self, path: Path) -> None:
        if inside(path, self.corpus):
            name = Path(os.path.realpath(path)).relative_to(os.path.realpath(self.corpus))
            self.resync(name.as_posix())
            return
        try:
            with path.open("rb") as fh:
                real = os.path.realpath(path)
                name = self._name(path.name, shown(path), real)
                self.add_stream(fh, name, origin=shown(path), real=real)
        except OSError as exc:
            if is_disk_full(exc):
                raise
            self.report.skipped.append(Problem(shown(path), f"cannot read file: {exc.strerror}"))

    def add_stream(self, stream: BinaryIO, name: str, origin: str = "-",
                   real: str | None = None) -> None:  # fmt: skip
        self.count += 1
        tmp = self.corpus / f"{TEMP_PREFIX}{os.getpid()}-{self.count}.tmp"
        try:
            size, sha1 = _copy(stream, tmp)
            self._index_copy(tmp, name, size, sha1, origin, real)
        finally:
            tmp.unlink(missing_ok=True)

    def _index_copy(self, tmp: Path, name: str, size: int, sha1: str, origin: str,
                    real: str | None) -> None:  # fmt: skip
        manifest, dest = self.batch.manifest, self.corpus / name
        old = manifest.sources.get(name)
        if old is not None and (old.size, old.sha1) == (size, sha1):
            self.report.unchanged += 1
            old.origin = real or old.origin
            return
        stem = Path(name).stem
        if old is not None:  # a replacement must bring at least one article
            problems = []
            for item in read_source(tmp, stem, self.corpus, Path(name).suffix):
                if isinstance(item, Article):
                    break
                problems.append(item)
            else:
                for p in problems:
                    self.report.skipped.append(Problem(origin, p.reason))
                self.report.notes.append(f"{origin}: nothing to index; '{name}' kept as it was")
                return
            self.batch.release(name)
        src = SourceFile(name, dest, size, sha1)
        self.batch.origins[name] = real
        entry = self.batch.ingest(src, read_from=tmp, shown_as=origin)
        if not entry.articles and old is None:
            manifest.drop(name)  # nothing from it is indexed: it does not enter the corpus
            return
        write_pending(self.index_dir, [*read_pending(self.index_dir), name])
        os.replace(tmp, dest)
        self.report.copied.append(str(dest))
        crash_point("add:after-copy")
