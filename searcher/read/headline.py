"""The title shown for an article that has none: its first sentence, cut at a word.

A JSON record without a title keeps its whole text as body and is indexed without
a title; pages, the JSON contract and exports show this headline in its place. It is
never indexed as a title.

>>> headline("Chào bạn! Hiện tại bạn vẫn có thể tiêm vaccine. Cảm ơn câu hỏi của bạn.")
'Chào bạn! Hiện tại bạn vẫn có thể tiêm vaccine.'
>>> headline("Chào bạn! Bệnh tuyến giáp ổn định 4 năm.Theo hướng dẫn thì được tiêm.")
'Chào bạn! Bệnh tuyến giáp ổn định 4 năm.'
>>> cut = headline("Theo hướng dẫn của Bộ Y tế, phụ nữ đang cho con bú vẫn được tiêm vaccine "
...                "phòng Covid-19 khi đủ điều kiện sức khỏe và đã được khám sàng lọc trước.")
>>> len(cut), cut[-11:]
(120, 'khỏe và đã…')
"""

from __future__ import annotations

import re

MAX_CHARS = 120
MIN_CHARS = 30  # a greeting alone ("Chào bạn!") says nothing: the next sentence joins it
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_UNSPACED_END = re.compile(r"(?<=[^\W\d_])([.!?])(?=[^\W\d_]{2})")  # "4 năm.Theo"


def headline(body: str, limit: int = MAX_CHARS) -> str:
    """The first sentence of ``body`` (with the next ones while it is shorter than
    ``MIN_CHARS``), at most ``limit`` characters, cut at a word and ended with "…"."""
    paragraph = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    text = _UNSPACED_END.sub(_spaced, " ".join(paragraph.split()))
    end = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        if end >= MIN_CHARS:
            break
    else:
        end = len(text)
    shown = text[:end].rstrip()
    if len(shown) <= limit:
        return shown
    cut = shown[: limit - 1]
    if " " in cut and not shown[limit - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def _spaced(m: re.Match) -> str:
    """A space after a sentence's end typed without one, when a lower-case word ends
    and a capitalised one starts ("năm.Theo"), never inside "TP.HCM" or "v.v"."""
    text, at = m.string, m.start()
    ok = text[at - 1].islower() and text[at + 1].isupper() and text[at + 2].islower()
    return m.group(1) + (" " if ok else "")
