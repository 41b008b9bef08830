"""Bytes → text: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1258, and the
legacy font encodings TCVN3 (ABC) and VNI, converted to Unicode (``legacy``).

>>> decode_bytes("Vi\\u00ea\\u0323n kiê\\u0309m sa\\u0301t".encode("cp1258"))
('Viện kiểm sát', None)
>>> decode_bytes("ViÖn kiÓm s¸t nh©n d©n tØnh NghÖ An tæ chøc héi nghÞ".encode("latin-1"))
('Viện kiểm sát nhân dân tỉnh Nghệ An tổ chức hội nghị', 'converted from TCVN3 (ABC) to Unicode')
"""

from __future__ import annotations

import codecs
import unicodedata

from searcher.read.legacy import convert, vietnamese_share


class DecodeError(ValueError):
    """The bytes are not text we can index; the message says why."""


def _legacy(text: str) -> tuple[str, str | None]:
    converted, name = convert(text)
    return converted, (f"converted from {name} to Unicode" if name else None)


def _single_byte(raw: bytes) -> tuple[str, str | None]:
    """Not UTF-8: Windows-1258, or a legacy font encoding read as Latin-1 —
    whichever reads as more Vietnamese."""
    legacy, note = _legacy(raw.decode("latin-1"))
    try:
        cp1258 = raw.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    if note and (cp1258 is None or vietnamese_share(legacy)[0] > vietnamese_share(cp1258)[0]):
        return legacy, note
    if cp1258 is None:
        raise DecodeError("not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text")
    return cp1258, None


def decode_bytes(raw: bytes) -> tuple[str, str | None]:
    """(NFC text, a note if it was converted); ``DecodeError`` with a reason otherwise."""
    note = None
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken UTF-16 text ({exc.reason})") from None
    else:
        if b"\x00" in raw[:4096]:
            raise DecodeError("binary file, not text (NUL bytes; UTF-16 needs a BOM)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _single_byte(raw)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DecodeError("empty file")
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    if controls > len(sample) * 0.05:
        raise DecodeError("binary file, not text (control characters)")
    if text.count("\ufffd") > max(3, len(text) * 0.01):
        raise DecodeError("not valid UTF-8 text (many undecodable bytes)")
    if note is None:
        text, note = _legacy(text)
    return text, note


def decode_line(raw: bytes) -> str:
    """One line of a JSONL file (UTF-8, or Windows-1258 as a fallback)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1258")
        except UnicodeDecodeError:
            raise DecodeError("line is not UTF-8 text") from None
