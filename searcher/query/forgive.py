"""A forgiving reading of a typed query: what the user meant, in the strict language.

The web page and the JSON API search ``forgive(q).text`` and say how the query was
read ("Đã tìm: …") when it differs; the CLI keeps the strict parser and its errors.

- an unbalanced quote is closed at the end: ``"giao ban`` → ``"giao ban"``;
- a multi-syllable value without quotes takes the words after it while that makes a
  valid value: ``tỉnh:hà nội giao ban`` → ``tỉnh:"Hà Nội" giao ban``;
- a name (``người:``, ``chủtrì:``) takes the capitalised words after it:
  ``người:Nguyễn Văn A họp`` → ``người:"Nguyễn Văn A" họp``;
- an unknown field name, or a value no filter knows, is searched as words:
  ``tácgiả:Nguyễn`` → ``tácgiả Nguyễn``;
- a filter with ``-`` before it and a dangling ``OR`` are left out, and said so.

>>> r = forgive("tỉnh:hà nội giao ban")
>>> r.text, r.changed
('tỉnh:"Hà Nội" giao ban', True)
>>> forgive('"giao ban').text
'"giao ban"'
>>> forgive("giao ban thanh hoa").changed
False
"""

from __future__ import annotations

from dataclasses import dataclass, field

from searcher.query.parse import (
    _TOKEN,
    FIELD_ALIASES,
    NAMED,
    QueryError,
    normalize_filter,
    parse_query,
)
from searcher.vi.text import clean_text, fold

MAX_VALUE_WORDS = 4  # a value of up to 4 syllables is read without quotes ("Bà Rịa - Vũng Tàu")


@dataclass
class Forgiven:
    """The query to search (strict language) and, in Vietnamese, what was changed."""

    typed: str
    text: str
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return " ".join(self.text.split()) != " ".join(self.typed.split())

    def to_json(self) -> dict:
        return {"typed": self.typed, "read_as": self.text, "changed": self.changed,
                "notes": self.notes}  # fmt: skip


def _value(facet: str, value: str) -> str | None:
    """The filter's display value, or None when no value of ``facet`` is called so."""
    try:
        found = normalize_filter(facet, value)
    except QueryError:
        return None
    return value.strip() if facet == "year" else str(found)


def _quoted(text: str) -> str:
    return f'"{text}"' if any(c.isspace() for c in text) else text


def forgive(q: str) -> Forgiven:
    """Read ``q`` as the user meant it (see the module); never raises."""
    typed = clean_text(q or "")
    text = typed + '"' if typed.count('"') % 2 else typed
    notes = ['Đã thêm dấu ngoặc kép (") còn thiếu.'] if text != typed else []
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        m = tokens[i]
        i += 1
        if m.group("quote"):
            continue
        sign, prefix = m.group("sign") or "", m.group("field")
        phrase, word = m.group("phrase"), m.group("word")
        value = phrase if phrase is not None else word
        shown = f'"{phrase}"' if phrase is not None else word
        if prefix is None:
            out.append(m.group(0))
            continue
        facet = FIELD_ALIASES.get(fold(prefix))
        if facet is None:
            if prefix.isalpha():
                notes.append(f"Không có bộ lọc “{prefix}:”: tìm như từ.")
                out.append(f"{sign}{prefix} {shown}" if not sign else f"{sign}{prefix}")
                if sign:
                    out.append(f"{sign}{shown}")
            else:
                out.append(m.group(0))
            continue
        found, used = _value(facet, value), 0
        if facet in NAMED and phrase is None:  # a name: the capitalised words after it
            names = [value]
            for extra in tokens[i : i + MAX_VALUE_WORDS - 1]:
                name = extra.group("word")
                if (
                    name is None
                    or extra.group("field")
                    or extra.group("sign")
                    or not name[0].isupper()
                ):
                    break
                names.append(name)
            found, used = " ".join(names), len(names) - 1
        elif found is None and phrase is None:  # take the next plain words while they fit
            parts = [value]
            for extra in tokens[i : i + MAX_VALUE_WORDS - 1]:
                if extra.group("word") is None or extra.group("field") or extra.group("sign"):
                    break
                parts.append(extra.group("word"))
                longer = _value(facet, " ".join(parts))
                if longer is not None:
                    found, used = longer, len(parts) - 1
        if sign == "-":
            i += used
            notes.append(f"Không thể loại trừ bộ lọc “{prefix}:”: đã bỏ qua.")
            continue
        if found is None:
            notes.append(f"Không có giá trị “{value}” cho “{prefix}:”: tìm như từ.")
            out.append(shown)
            continue
        i += used
        out.append(f"{prefix}:{_quoted(found)}")
    out = _drop_dangling_or(out, notes)
    try:
        parse_query(" ".join(out))
    except QueryError:  # an OR the rules above missed ("-a OR b"): read as plain words
        if "OR" in out:
            notes.append("Bỏ “OR” thiếu từ ở một bên.")
        out = [part for part in out if part != "OR"]
    return Forgiven(typed, " ".join(out), notes)


def _drop_dangling_or(parts: list[str], notes: list[str]) -> list[str]:
    """``OR`` needs a word on both sides: one at an end, or twice in a row, is left out."""
    kept: list[str] = []
    for n, part in enumerate(parts):
        if part == "OR":
            after = parts[n + 1] if n + 1 < len(parts) else None
            if not kept or kept[-1] == "OR" or after is None:
                notes.append("Bỏ “OR” thiếu từ ở một bên.")
                continue
        kept.append(part)
    if kept and kept[-1] == "OR":
        kept.pop()
        notes.append("Bỏ “OR” thiếu từ ở một bên.")
    return kept
