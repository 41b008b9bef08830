"""Every article in one file, whatever its format: the reader the commands call.

``read_source`` streams a ``.txt``, ``.html``/``.htm``, ``.json`` or ``.jsonl`` file
as ``Article`` and ``Problem`` values; one bad record or file is reported by name
with a reason and never stops the rest ("bao-cao.docx: unsupported file type").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from searcher.read.articles import Article, Problem, parse_html, parse_text
from searcher.read.decode import DecodeError, decode_bytes
from searcher.read.records import parse_json, parse_jsonl
from searcher.read.sources import (
    MAX_ARTICLE_BYTES,
    MAX_JSON_BYTES,
    SUFFIXES,
    ReadDigest,
    SourceError,
    open_source,
    read_bounded,
    shown,
)


def read_source(
    path: Path,
    stem: str | None = None,
    root: Path | None = None,
    kind: str | None = None,
    position: Callable[[int], None] | None = None,
    digest: ReadDigest | None = None,
) -> Iterator[Article | Problem]:
    """Every article in one file, streamed. Ids come from ``stem`` (default: the
    file's own stem) or the JSON ``id``; the format from ``kind`` (a suffix such as
    ".jsonl"; default: the file's own); with ``root``, the file must lie inside it;
    with ``digest``, the bytes read are hashed as they are parsed (read once)."""
    source = shown(path)
    stem = path.stem if stem is None else stem
    suffix = (kind or path.suffix).lower()
    if suffix not in SUFFIXES:
        yield Problem(source, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        fh = open_source(path, root)
    except SourceError as exc:
        yield Problem(source, exc.reason)
        return
    if digest is not None:
        fh = digest.wrap(fh)
    with fh:
        if suffix == ".jsonl":
            yield from parse_jsonl(fh, stem, source, position)
            if digest is not None:
                digest.finish(fh)
            return
        limit = MAX_JSON_BYTES if suffix == ".json" else MAX_ARTICLE_BYTES
        try:
            raw = read_bounded(fh, limit)
            if digest is not None:
                digest.finish(fh)
            text, note = decode_bytes(raw)
        except (SourceError, DecodeError) as exc:
            yield Problem(source, getattr(exc, "reason", None) or str(exc))
            return
        except OSError as exc:
            yield Problem(source, f"cannot read file: {exc.strerror or exc}")
            return
    if suffix == ".json":
        yield from parse_json(text, stem, source)
    elif suffix in (".html", ".htm"):
        yield parse_html(text, stem, source, note=note)
    else:
        yield parse_text(text, stem, source, note=note)


def read_file(path: Path, id_stem: str | None = None) -> list[Article | Problem]:
    """``read_source`` as a list, for small files and tests."""
    return list(read_source(path, id_stem))
