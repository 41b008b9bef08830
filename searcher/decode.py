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


# Letters only Vietnamese has (not in Latin-1): a real Vietnamese text is full of them.
_VIETNAMESE_ONLY = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĩũĨŨ]"
)
_TCVN3_MARKS = re.compile("[¸µ¶·¹®¨»¾¼½ÆÇÊËÌÎÏÑÒÓÔÕÖ×ØÜÞßäåæçèëìîïðñòóôõö÷øùúûüýþ]")
_VNI_PAIRS = re.compile(r"[a-zA-Z](?:ø|ù|û|õ|ï|ô|ú|ò|ä|å|à|á|ã|â|ë|é|è|ì|ö|ñ)")


def _legacy_font_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when the text looks written in a legacy font encoding."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 20 or len(_VIETNAMESE_ONLY.findall(text)) > letters * 0.01:
        return None
    if len(_TCVN3_MARKS.findall(text)) > letters * 0.03:
        return "TCVN3 (ABC)"
    if len(_VNI_PAIRS.findall(text)) > letters * 0.03:
        return "VNI"
    return None


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
