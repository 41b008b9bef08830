"""Where the index lives on disk: generations, the atomic swap, the writer lock.

``index/current`` is a symlink to one generation directory (``gen-…``). A rebuild
writes a new generation in ``index/.tmp-…`` and swaps the symlink with one
atomic ``rename``: readers see the old index or the new one, never half of one.
Writers (rebuild, add) serialize on ``index/.lock`` (``flock``: released by the
kernel when a process dies, so a killed writer never leaves a stale lock).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from searcher.analysis import segcache
from searcher.index.atomic import fsync_dir, write_atomic
from searcher.index.schema import SCHEMA_VERSION, build_schema

CURRENT = "current"
LOCK = ".lock"


class LockTimeout(RuntimeError):
    """Another rebuild or add holds the index; the message says so."""


@contextlib.contextmanager
def writer_lock(index_dir: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold the index's writer lock, waiting up to ``timeout`` seconds."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"another 'add' or 'rebuild' is writing to {index_dir} "
                        f"(waited {timeout:.0f} s); try again when it has finished"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)


def current_generation(index_dir: Path) -> Path | None:
    """The live generation directory, or None when no index was built. A generation
    removed between reading the link and opening it (two swaps in a row) is no
    error: the link is read again and names the newer one."""
    link = index_dir / CURRENT
    for _ in range(5):
        if not (link.is_symlink() or link.is_dir()):
            return None
        target = link.resolve()
        try:
            return target if windex.exists_in(str(target)) else None
        except OSError:
            continue
    return None


def open_index(path: Path) -> windex.Index:
    """A Whoosh index opened without mmap: whoosh3 wraps each mmapped segment file in
    a ``BytesIO`` copy per reader (hundreds of MB at 35k articles); plain reads share
    the OS page cache instead."""
    return FileStorage(str(path), supports_mmap=False).open_index()


def open_current(index_dir: Path) -> windex.Index | None:
    gen = current_generation(index_dir)
    return open_index(gen) if gen else None


def new_workspace(index_dir: Path) -> Path:
    """A fresh temporary directory for a generation being built (after removing
    leftovers of interrupted builds; call with the writer lock held)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    for stale in index_dir.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    path = index_dir / f".tmp-{os.getpid()}-{time.time_ns()}"
    path.mkdir()
    windex.create_in(str(path), build_schema())
    return path


def clean_leftovers(index_dir: Path) -> None:
    """Remove what a killed writer left in ``index_dir``: half-built generations
    (``.tmp-…``, as large as an index), segment caches being written
    (``.segments.sqlite.…``) and link temporaries. Call with the writer lock held, so
    none of them is another writer's work; the live generation is never touched."""
    if not index_dir.is_dir():
        return
    live = current_generation(index_dir)
    for stale in index_dir.glob(".tmp-*"):
        if live is None or stale.resolve() != live:
            shutil.rmtree(stale, ignore_errors=True)
    for stale in (*index_dir.glob(f".{segcache.FILE}.*"), *index_dir.glob(f".{CURRENT}-*")):
        if not stale.is_dir():
            stale.unlink(missing_ok=True)


def drop_unlisted_segments(ix: windex.Index) -> None:
    """Delete the segment files of the live generation its table of contents does not
    list (a writer killed before its commit wrote them; as large as what it added).
    What Whoosh's own commit does after every write; call with the writer lock held."""
    windex.clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())


def publish(index_dir: Path, workspace: Path, info: dict) -> Path:
    """Atomically make ``workspace`` the live generation; old ones are removed."""
    (workspace / "build.json").write_text(json.dumps(info, ensure_ascii=False, indent=1))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    gen = index_dir / f"gen-{stamp}-{time.time_ns() % 10**9}"
    workspace.rename(gen)
    tmp_link = index_dir / f".{CURRENT}-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp_link.unlink()
    tmp_link.symlink_to(gen.name)
    os.replace(tmp_link, index_dir / CURRENT)
    fsync_dir(index_dir)
    # keep the previous generation: a searcher opened on it a moment ago may still
    # open more of its files; older ones go
    others = sorted((g for g in index_dir.glob("gen-*") if g != gen), key=lambda g: g.name)
    for old in others[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    return gen


PENDING = "pending.json"


def read_pending(index_dir: Path) -> list[str]:
    """Corpus files an interrupted ``add`` copied but may not have indexed."""
    try:
        return list(json.loads((index_dir / PENDING).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


def write_pending(index_dir: Path, files: list[str]) -> None:
    """Record (or, with an empty list, clear) the files being added (lock held)."""
    path = index_dir / PENDING
    if not files:
        path.unlink(missing_ok=True)
        return
    write_atomic(path, json.dumps(files, ensure_ascii=False))


def ensure_index(index_dir: Path) -> Path:
    """The live generation, creating an empty one if there is none (lock held)."""
    gen = current_generation(index_dir)
    if gen is None:
        info = {"built": now_iso(), "articles": 0, "schema_version": SCHEMA_VERSION}
        gen = publish(index_dir, new_workspace(index_dir), info)
    return gen


def build_info(index_dir: Path) -> dict:
    gen = current_generation(index_dir)
    if gen is None:
        return {}
    try:
        return json.loads((gen / "build.json").read_text())
    except (OSError, ValueError):
        return {}


def update_info(gen: Path, **changes: object) -> None:
    path = gen / "build.json"
    try:
        info = json.loads(path.read_text())
    except (OSError, ValueError):
        info = {}
    info.update(changes)
    write_atomic(path, json.dumps(info, ensure_ascii=False, indent=1))


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

