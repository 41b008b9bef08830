"""Build and extend the index: ``rebuild`` from corpus/, ``add`` new articles.

A bad article is reported by name and skipped; the batch goes on. ``add``
copies new articles into corpus/ first, so a later rebuild reproduces the index.

>>> doc = to_document(Article("a1", "Hội nghị giao ban", "Sáng ngày 12/9/2022, VKSND tỉnh "
...     "Thanh Hóa tổ chức Hội nghị giao ban."), "a1.txt")
>>> doc["province"], doc["meeting_type"], doc["sort_date"]
('Thanh Hóa', 'giao ban', '2022-09-12')
"""

from __future__ import annotations

import filecmp
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex

from searcher.articles import Article, Problem, iter_files, read_file
from searcher.dates import date_iso
from searcher.faults import crash_point
from searcher.metadata import extract
from searcher.schema import SCHEMA_VERSION
from searcher.store import (
    ensure_index,
    new_workspace,
    now_iso,
    publish,
    read_pending,
    update_info,
    write_pending,
    writer_lock,
)

Progress = Callable[[int, int], None]  # (files done, files total)


@dataclass
class Report:
    """What a rebuild or add did, for the CLI's summary and --json."""

    indexed: int = 0
    replaced: int = 0
    duplicates: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def partial(self) -> bool:
        return bool(self.skipped)

    def to_json(self) -> dict:
        return {
            "indexed": self.indexed,
            "replaced": self.replaced,
            "duplicates": self.duplicates,
            "skipped": [{"source": p.source, "reason": p.reason} for p in self.skipped],
            "copied": self.copied,
            "seconds": round(self.seconds, 3),
            "partial": self.partial,
        }


def to_document(article: Article, source: str) -> dict:
    """The Whoosh fields of one article (``None`` values left out)."""
    m = extract(article)
    sort_date = m.meeting_date or m.published
    doc = {
        "id": article.id,
        "content_hash": article.content_hash,
        "source": source,
        "title_text": article.title,
        "body_text": article.body,
        "author": article.author,
        "unit": m.unit,
        "published": date_iso(m.published),
        "meeting_date": date_iso(m.meeting_date),
        "meeting_types": m.meeting_types,
        "sort_date": date_iso(sort_date) or (f"{m.year}-01-01" if m.year else None),
        "province": m.province,
        "province_2025": m.province_2025,
        "year": str(m.year) if m.year else None,
        "level": m.level,
        "meeting_type": ",".join(m.meeting_types),
    }
    for name in ("title", "body"):
        text = article.title if name == "title" else article.body
        for suffix in ("", "_folded", "_words"):
            doc[name + suffix] = text
    return {k: v for k, v in doc.items() if v is not None}


def _relative(path: Path, corpus: Path) -> str:
    try:
        return str(path.resolve().relative_to(corpus.resolve()))
    except ValueError:
        return str(path)


def rebuild(
    corpus: Path, index_dir: Path, *, procs: int | None = None, progress: Progress | None = None
) -> Report:
    """A fresh index of every article in ``corpus``, swapped in atomically."""
    started = time.perf_counter()
    report = Report()
    files = list(iter_files([corpus])) if corpus.is_dir() else []
    with writer_lock(index_dir):
        workspace = new_workspace(index_dir)
        ix = windex.open_dir(str(workspace))
        # two indexing processes are worth their start-up only for a large corpus
        big = sum(st.st_size for f in files if (st := _stat(f))) > 2_000_000
        procs = procs or (min(2, os.cpu_count() or 1) if big else 1)
        writer = ix.writer(procs=procs, multisegment=procs > 1, limitmb=128)
        seen_ids: set[str] = set()
        seen_hashes: dict[str, str] = {}
        try:
            for n, path in enumerate(files, 1):
                for item in read_file(path):
                    try:
                        _index_one(item, path, corpus, writer, report, seen_ids, seen_hashes)
                    except Exception as exc:
                        report.skipped.append(Problem(str(path), f"could not index: {exc}"))
                if progress:
                    progress(n, len(files))
                crash_point("rebuild:indexing")
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        report.seconds = time.perf_counter() - started
        info = {
            "built": now_iso(),
            "articles": report.indexed,
            "corpus": str(corpus),
            "schema_version": SCHEMA_VERSION,
        }
        crash_point("rebuild:before-publish")
        publish(index_dir, workspace, info)
        write_pending(index_dir, [])  # everything in the corpus is indexed now
    return report


def _index_one(item, path, corpus, writer, report, seen_ids, seen_hashes) -> None:
    if isinstance(item, Problem):
        report.skipped.append(item)
        return
    if item.id in seen_ids:
        report.skipped.append(Problem(item.source, f"id '{item.id}' is used by another article"))
        return
    h = item.content_hash
    if h in seen_hashes:
        report.duplicates.append(f"{item.source}: same content as '{seen_hashes[h]}'")
        return
    seen_ids.add(item.id)
    seen_hashes[h] = item.id
    writer.add_document(**to_document(item, _relative(path, corpus)))
    report.indexed += 1


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:  # a dangling link or a file removed meanwhile: read_file reports it
        return None


def _corpus_destination(path: Path, corpus: Path) -> Path:
    """Where ``add`` keeps a copy of ``path`` in the corpus."""
    dest = corpus / path.name
    if not dest.exists() or path.suffix.lower() in (".txt", ".html", ".htm"):
        return dest  # same name → same article id → a replacement
    n = 2
    while dest.exists() and not filecmp.cmp(path, dest, shallow=False):
        dest = corpus / f"{path.stem}_{n}{path.suffix}"
        n += 1
    return dest


def add(paths: Iterable[Path], corpus: Path, index_dir: Path, *, timeout: float = 30.0) -> Report:
    """Copy new articles into ``corpus`` and index them incrementally."""
    started = time.perf_counter()
    report = Report()
    corpus.mkdir(parents=True, exist_ok=True)
    with writer_lock(index_dir, timeout=timeout):
        gen = ensure_index(index_dir)
        ix = windex.open_dir(str(gen))
        # files a killed `add` copied into the corpus come first: index them now
        leftovers = [Path(p) for p in read_pending(index_dir) if Path(p).exists()]
        files = leftovers + list(iter_files(paths))
        batch: dict[str, str] = {}
        with ix.searcher() as searcher:
            writer = ix.writer()
            try:
                for path in files:
                    recovering = path in leftovers
                    _add_file(path, corpus, searcher, writer, report, index_dir, batch, recovering)
                crash_point("add:before-commit")
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
        crash_point("add:after-commit")
        write_pending(index_dir, [])
        with ix.searcher() as searcher:
            update_info(gen, articles=searcher.doc_count(), updated=now_iso())
    report.seconds = time.perf_counter() - started
    return report


def _add_file(
    path: Path,
    corpus: Path,
    searcher,
    writer,
    report: Report,
    index_dir: Path,
    batch: dict[str, str],
    recovering: bool = False,
) -> None:
    """Index one file's articles; copy it into the corpus first when it is new.
    ``batch`` maps content hashes added by this command (not yet searchable) to ids."""
    inside = path.resolve().is_relative_to(corpus.resolve())
    dest = path if inside else _corpus_destination(path, corpus)
    items = read_file(path, id_stem=dest.stem)
    fresh: list[Article] = []
    for item in items:
        if isinstance(item, Problem):
            report.skipped.append(item)
            continue
        h = item.content_hash
        existing = searcher.document(content_hash=h)
        if existing is not None and recovering and existing["id"] == item.id:
            continue  # the interrupted add had indexed it after all
        if existing is not None or h in batch:
            same = existing["id"] if existing is not None else batch[h]
            report.duplicates.append(f"{item.source}: same content as '{same}'")
            continue
        batch[h] = item.id
        fresh.append(item)
    if not fresh:
        return
    if not inside:
        write_pending(index_dir, [*read_pending(index_dir), str(dest)])
        tmp = dest.with_name(f".{dest.name}.tmp")
        shutil.copyfile(path, tmp)
        os.replace(tmp, dest)
        report.copied.append(str(dest))
        crash_point("add:after-copy")
    for article in fresh:
        replacing = searcher.document(id=article.id) is not None
        writer.update_document(**to_document(article, _relative(dest, corpus)))
        if replacing:
            report.replaced += 1
        else:
            report.indexed += 1


def rebuild_reason(corpus: Path, index_dir: Path) -> str | None:
    """Why the index should be rebuilt (missing, older than the corpus, built by an
    older schema), or None when it is up to date."""
    from searcher.store import build_info, current_generation, read_pending

    gen = current_generation(index_dir)
    if gen is None:
        return "no index yet"
    if build_info(index_dir).get("schema_version") != SCHEMA_VERSION:
        return "the index was built by an older version"
    if read_pending(index_dir):
        return "an interrupted add left articles to index"
    built = (gen / "build.json").stat().st_mtime
    for path in iter_files([corpus]):
        st = _stat(path)
        if st and st.st_mtime > built:
            return f"{path.name} changed since the last build"
    return None
