"""Edit corpus files for ``remove``: the only place the project rewrites an article file.

A .txt or .html file is one article: it is deleted. In a JSONL file the record's
line is emptied and in a JSON array its entry becomes ``null``, so every other
record keeps its line or position. The record is found by its content hash in the
file as it is now (a record inserted above it since the last sync moves it, never
the target), and the file is written back in the encoding it was read in (UTF-8
with or without BOM, UTF-16 of either byte order, Windows-1258), byte for byte
the same elsewhere, through a temporary file and an atomic rename. When the
record is no longer there as indexed, the file cannot be written back as it was,
or it changed while it was read (a scraper rewriting it), ``EditRefused`` says so in
one line and the file is left untouched.

>>> import tempfile, pathlib
>>> from searcher.read.records import parse_record
>>> p = pathlib.Path(tempfile.mkdtemp()) / "tin.jsonl"
>>> lines = ['{"title": "Hội nghị A"}', '{"title": "Hội nghị B"}', '{"title": "Hội nghị C"}']
>>> _ = p.write_text("\\n".join(lines) + "\\n", encoding="utf-8")
>>> b = parse_record({"title": "Hội nghị B"}, "tin-2", "tin.jsonl").content_hash
>>> remove_records(p, "tin", {b: "tin-2"})
>>> p.read_text(encoding="utf-8").splitlines()[1:]
['', '{"title": "Hội nghị C"}']
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from searcher.index.atomic import fsync_dir
from searcher.read.articles import Article, id_problem
from searcher.read.records import parse_record
from searcher.read.decode import DecodeError, decode_bytes, decode_line
from searcher.read.sources import (
    MAX_ARTICLE_BYTES,
    MAX_JSON_BYTES,
    ReadDigest,
    SourceError,
    fingerprint,
    open_source,
    read_bounded,
)

_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")
_RENAMED = re.compile(r"~\d+$")  # "tin-2~2": the id the record asked for is "tin-2"


class EditRefused(RuntimeError):
    """The file was not changed; the message (one line) says why."""


def remove_records(path: Path, stem: str, wanted: dict[str, str], temp_prefix: str = ".add-") -> None:
    """Remove every record of ``path`` whose content hash is a key of ``wanted`` (hash →
    id as indexed; ids default to ``<stem>-<n>``, as when indexed); a .txt/.html file
    is deleted, a file left with no record too. ``EditRefused`` when one is not found."""
    hashes = set(wanted)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".json"):
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(f"{temp_prefix}{path.name}.{os.getpid()}.tmp")
    digest = ReadDigest()  # what was read, to see whether the file changed meanwhile
    try:
        with digest.wrap(open_source(path)) as fh, open(tmp, "wb") as out:
            rewrite = _jsonl if suffix == ".jsonl" else _json_array
            found, kept = rewrite(fh, out, _Matcher(stem, path.name, wanted))  # to the end
            out.flush()
            os.fsync(out.fileno())
        if fingerprint(path) != (digest.size, digest.sha1):
            raise EditRefused(f"{path.name} changed while it was being edited (a scraper "
                              "writing it?): try again; the file was not changed")  # fmt: skip
        if missing := hashes - found:
            raise EditRefused(
                f"{len(missing)} record(s) of {path.name} changed since the last sync "
                "(not found as indexed): run 'searcher sync' first; the file was not changed"
            )
        if kept:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))  # the file's own permissions
            os.replace(tmp, path)
        else:
            path.unlink(missing_ok=True)
        fsync_dir(path.parent)
    except SourceError as exc:
        raise EditRefused(f"{path.name}: {exc.reason}; the file was not changed") from None
    finally:
        tmp.unlink(missing_ok=True)


class _Matcher:
    """Is a record (its JSON text) one of the wanted ones? Read as ``read_source`` does."""

    def __init__(self, stem: str, source: str, wanted: dict[str, str]) -> None:
        self.stem, self.source, self.hashes = stem, source, set(wanted)
        # a record with an id of its own is read only when it is one of these
        ids = {unicodedata.normalize("NFC", i) for i in wanted.values()}
        self.ids = ids | {_RENAMED.sub("", i) for i in ids}
        self.found: set[str] = set()

    def __call__(self, record: object, n: int) -> bool:
        own = record.get("id") if isinstance(record, dict) else None
        if isinstance(own, str | int) and not isinstance(own, bool) and own != "":
            own = unicodedata.normalize("NFC", str(own))
            if own not in self.ids and id_problem(own) is None:
                return False  # parsing every record of a 35k export would double remove's time
        article = parse_record(record, f"{self.stem}-{n}", self.source, n)
        if isinstance(article, Article) and article.content_hash in self.hashes:
            self.found.add(article.content_hash)
            return True
        return False

    def line(self, text: str, n: int) -> bool:
        try:
            return text.strip().startswith("{") and self(json.loads(text), n)
        except (ValueError, RecursionError):
            return False


def _jsonl(fh: BinaryIO, out: BinaryIO, match: _Matcher) -> tuple[set[str], bool]:
    """Copy a JSONL file, emptying the matching lines: (hashes found, any record kept)."""
    head = fh.peek(4)[:4]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return _jsonl_utf16(fh, out, match, bom, encoding)
    n, kept = 0, False
    while raw := fh.readline(MAX_ARTICLE_BYTES + 1):
        n += 1
        if len(raw) > MAX_ARTICLE_BYTES:  # never an article: copied as it is
            out.write(raw)
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(MAX_ARTICLE_BYTES)
                out.write(raw)
            continue
        bom = codecs.BOM_UTF8 if n == 1 and raw.startswith(codecs.BOM_UTF8) else b""
        try:
            text = decode_line(raw[len(bom) :])
        except DecodeError:
            text = ""
        if match.line(text, n):
            out.write(bom + raw[len(raw.rstrip(b"\r\n")) :])  # the line's ending only
        else:
            out.write(raw)
            kept = kept or bool(text.strip())
    return match.found, kept


def _jsonl_utf16(fh, out, match: _Matcher, bom: bytes, encoding: str) -> tuple[set[str], bool]:
    """A UTF-16 JSONL file, read whole (lines end as the reader ends them: CR, LF, CRLF)."""
    text = _decode(fh.read()[len(bom) :], encoding)
    pieces = _LINE_ENDS.split(text)  # line, ending, line, ending, …
    kept = False
    for i in range(0, len(pieces), 2):
        if match.line(pieces[i], i // 2 + 1):
            pieces[i] = ""
        kept = kept or bool(pieces[i].strip())
    out.write(bom + _encode("".join(pieces), encoding))
    return match.found, kept


def _json_array(fh: BinaryIO, out: BinaryIO, match: _Matcher) -> tuple[set[str], bool]:
    """A JSON file, parsed whole: each matching array entry becomes ``null``."""
    raw = read_bounded(fh, MAX_JSON_BYTES)
    try:
        text, note = decode_bytes(raw)
    except DecodeError as exc:
        raise EditRefused(f"{match.source}: {exc}; the file was not changed") from None
    if note:
        raise EditRefused(
            f"{match.source} is {note.removeprefix('converted from ').split(' to ')[0]}, which "
            "cannot be written back: convert it to UTF-8 first; the file was not changed"
        )
    prefix, encoding = _encoding_of(raw)
    try:
        records = json.loads(text)
        original = json.loads(_decode(raw[len(prefix) :], encoding))  # strings as written
    except (ValueError, RecursionError):
        raise EditRefused(f"{match.source} is no longer valid JSON; the file was not changed")
    if not isinstance(records, list):
        if match(records, 0):
            return match.found, False
        return match.found, True
    kept = [None if r is not None and match(r, n) else o
            for n, (r, o) in enumerate(zip(records, original, strict=True), 1)]  # fmt: skip
    data = json.dumps(kept, ensure_ascii=raw.isascii(), indent=1)  # an ASCII file stays so
    out.write(prefix + data.encode(encoding, errors=_JSON_ESCAPE))  # JSON: \\u escapes
    return match.found, any(r is not None for r in kept)


def _encoding_of(raw: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of a file ``decode_bytes`` read without conversion."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, encoding
    try:
        raw.decode("utf-8")
        return b"", "utf-8"
    except UnicodeDecodeError:
        return b"", "cp1258"


def _decode(raw: bytes, encoding: str) -> str:
    return _strict(lambda: raw.decode(encoding), encoding)


def _json_escape(error: UnicodeEncodeError) -> tuple[str, int]:
    """A character Windows-1258 cannot hold, written as a JSON escape (in a JSON file
    every such character stands inside a string): "中" → "\\u4e2d"."""
    escaped = []
    for ch in error.object[error.start : error.end]:
        units = ch.encode("utf-16-be")
        escaped += [f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in (0, 2)[: len(units) // 2]]
    return "".join(escaped), error.end


_JSON_ESCAPE = "searcher-json-escape"
codecs.register_error(_JSON_ESCAPE, _json_escape)


def _encode(text: str, encoding: str) -> bytes:
    return _strict(lambda: text.encode(encoding), encoding)


def _strict(convert: Callable, encoding: str):
    try:
        return convert()
    except UnicodeError:
        raise EditRefused(
            f"the file is not valid {encoding} throughout and cannot be written back as it "
            "was; the file was not changed"
        ) from None
