"""Which files are articles, and how their bytes are read without surprises.

One rule for ``add``, ``sync`` and ``rebuild``: a source is a regular file with an
article suffix whose name does not start with "."; a file reached through a
symbolic link must stay inside the folder being read; named pipes, devices and
sockets are refused before anything blocks on them; every read is bounded.

>>> name_problem("bao-cao.txt") is None, name_problem(".nhap.txt")
(True, "hidden file (the name starts with '.'): not read")
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one report is ~10 kB; bigger is a dump, not an article
MAX_JSON_BYTES = 256 * 1024 * 1024  # a .json array is parsed whole; JSONL streams, no limit
MAX_NAME_BYTES = 200  # leaves room under NAME_MAX (255) for "~2" and temporary names


class SourceError(OSError):
    """A file that cannot be read as an article; ``reason`` is for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path that is not read, and why."""

    source: str
    reason: str


def shown(path: Path | str) -> str:
    """A path as text for messages: bytes that are not UTF-8 appear as "�".

    >>> shown("b\\udce1o.txt")
    'b\ufffdo.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "replace")


def name_problem(name: str) -> str | None:
    """Why a file name is not an article's, or None."""
    if name.startswith("."):
        return "hidden file (the name starts with '.'): not read"
    if not name.lower().endswith(SUFFIXES):
        suffix = os.path.splitext(name)[1] or name
        return f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8: rename the file"
    return None


def _kind(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return what
    return "not a regular file"


def inside(path: Path, root: Path) -> bool:
    """Does ``path`` (after resolving every link) lie inside ``root``?"""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return False


def open_source(path: Path, root: Path | None = None) -> BinaryIO:
    """Open a regular file for reading (never blocks on a pipe); with ``root``, the
    opened file must lie inside it. Raises ``SourceError`` with a reason."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise SourceError("cannot read file: permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{_kind(st.st_mode)}, not a regular file: not read")
        if root is not None and not inside(Path(f"/proc/self/fd/{fd}"), root):
            raise SourceError("a symbolic link to a file outside the corpus: not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(fh: BinaryIO, limit: int, what: str = "file") -> bytes:
    """At most ``limit`` bytes; ``SourceError`` if there are more (never reads them all)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise SourceError(
            f"{what} too large (over {limit / 2**20:.0f} MB; the limit is {limit / 2**20:.0f} MB)"
        )
    return data


def fingerprint(path: Path, root: Path | None = None) -> tuple[int, str]:
    """(size, sha1) of a file's bytes, streamed; ``SourceError`` if it cannot be read."""
    with open_source(path, root) as fh:
        digest = hashlib.file_digest(fh, "sha1")
        return fh.tell(), digest.hexdigest()


class ReadDigest:
    """Size and SHA-1 of the bytes one open of a file gave the parser, so that what is
    recorded as indexed is what was read: a file rewritten while it was being read
    hashes differently from its listing, and is read again.

    >>> import io
    >>> d = ReadDigest()
    >>> with d.wrap(io.BufferedReader(io.BytesIO(b"Tin 1\\nTin 2\\n"))) as fh:
    ...     first = fh.readline()
    ...     d.finish(fh)  # the rest is hashed too
    >>> first, d.size, d.complete
    (b'Tin 1\\n', 12, True)
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha1()
        self.size = 0
        self.complete = False

    @property
    def sha1(self) -> str:
        return self._hash.hexdigest()

    def wrap(self, fh: BinaryIO) -> BinaryIO:
        """``fh`` read through the digest (closing the result closes ``fh``)."""
        return io.BufferedReader(_Hashing(fh, self), buffer_size=1 << 16)

    def finish(self, fh: BinaryIO) -> None:
        """Hash what the parser left unread (a refused file's tail), to the end."""
        while fh.read(1 << 20):
            pass
        self.complete = True


class _Hashing(io.RawIOBase):
    def __init__(self, inner: BinaryIO, digest: ReadDigest) -> None:
        self.inner, self.digest = inner, digest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.digest._hash.update(data)
        self.digest.size += len(data)
        return len(data)

    def tell(self) -> int:
        return self.digest.size

    def close(self) -> None:
        self.inner.close()
        super().close()


def walk(root: Path) -> Iterator[Path | Skipped]:
    """Article files under ``root`` in a stable order; what is refused comes as
    ``Skipped``. Hidden folders and files of other types are passed over quietly."""
    root_real = os.path.realpath(root)
    for folder, dirs, files in os.walk(root, followlinks=False):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(folder, d)):
                yield Skipped(
                    shown(os.path.join(folder, d)), "a symbolic link to a folder: not followed"
                )
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            path = Path(folder) / name
            problem = name_problem(name) or _link_problem(path, root_real)
            yield Skipped(shown(path), problem) if problem else path


def _link_problem(path: Path, root_real: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return "a broken symbolic link or a file removed meanwhile: not read"
    if not Path(os.path.realpath(path)).is_relative_to(root_real):
        return "a symbolic link to a file outside the corpus: not read"
    if not stat.S_ISREG(st.st_mode):
        return f"{_kind(st.st_mode)}, not a regular file: not read"
    return None


def expand(paths: Iterable[Path]) -> Iterator[tuple[Path, Path] | Skipped]:
    """(file, the folder it was found in) for every article under the given files and
    folders, with the same rules as ``walk``; a file named directly is its own root."""
    for path in paths:
        if path.is_dir():
            for item in walk(path):
                yield item if isinstance(item, Skipped) else (item, path)
            continue
        problem = name_problem(path.name)
        if problem is None:
            try:
                st = os.stat(path)
                problem = None if stat.S_ISREG(st.st_mode) else f"{_kind(st.st_mode)}: not read"
            except OSError as exc:
                problem = f"cannot read file: {exc.strerror or exc}"
        yield Skipped(shown(path), problem) if problem else (path, path.parent)


def safe_file_name(name: str) -> str:
    """A name the corpus can hold: valid UTF-8, no leading dot, at most
    ``MAX_NAME_BYTES`` bytes with the suffix kept.

    >>> safe_file_name("Hội nghị " + "rất dài " * 40 + ".txt").endswith(".txt")
    True
    >>> safe_file_name("b\\udcc3o.txt")
    'b_o.txt'
    """
    raw = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    raw = raw.replace("\ufffd", "_").replace("/", "_").lstrip(".") or "article"
    stem, suffix = os.path.splitext(raw)
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    return (stem.rstrip() or "article") + suffix
