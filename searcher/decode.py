"""Bytes → text: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1258.

Text in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) decodes without
error but reads as garbage; it is detected and refused with a clear reason.

>>> decode_bytes("Vi\\u00ea\\u0323n".encode("cp1258"))  # cp1258: ê + combining dot below
'Viện'
"""

from __future__ import annotations

import codecs
import re
import unicodedata


class DecodeError(ValueError):
    """The bytes are not text we can index; the message says why."""


def _vietnamese_letters() -> frozenset[str]:
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones}
    letters |= set("abcdefghijklmnopqrstuvwxyzđ0123456789")
    return frozenset(letters | {ch.upper() for ch in letters})


_LETTERS = _vietnamese_letters()
_WORD = re.compile(r"[^\W\d_][^\s.,;:!?()\"'“”\-–/]*")
_VNI_HINTS = set("äåöøñëïüÄÅÖØÑËÏÜ")


def _legacy_font_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when the text looks written in a legacy font encoding:
    many words hold letters Vietnamese does not use (Ö, ¸, ©, ä, ø...) or tone
    marks that compose with no vowel."""
    words = _WORD.findall(text[:20000])
    if len(words) < 8:
        return None
    bad = [
        w
        for w in words
        if any(
            ch not in _LETTERS
            for ch in w
            if ch.isalpha() or unicodedata.combining(ch) or "\u00a0" < ch <= "\u00ff"
        )
    ]
    if len(bad) < 0.15 * len(words):
        return None
    vni = sum(ch in _VNI_HINTS for w in bad for ch in w)
    return "VNI" if vni >= len(bad) * 0.5 else "TCVN3 (ABC)"


def decode_bytes(raw: bytes) -> str:
    """Decode an article file; raise ``DecodeError`` with a reason otherwise."""
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
            try:
                text = raw.decode("cp1258")
            except UnicodeDecodeError:
                raise DecodeError("not UTF-8, UTF-16 or Windows-1258 text") from None
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DecodeError("empty file")
    controls = sum(
        1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f"
    )
    if controls > len(text[:4096]) * 0.05:
        raise DecodeError("binary file, not text (control characters)")
    if text.count("\ufffd") > max(3, len(text) * 0.01):
        raise DecodeError("not valid UTF-8 text (many undecodable bytes)")
    legacy = _legacy_font_encoding(text)
    if legacy:
        raise DecodeError(f"text in the legacy {legacy} font encoding: convert it to Unicode first")
    return text
