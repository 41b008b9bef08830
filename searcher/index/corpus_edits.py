"""Edit corpus files for ``remove``: the only place the project rewrites an article file.

A .txt or .html file is one article: it is deleted. In a JSONL file the record's
line is emptied and in a JSON array its entry becomes ``null``, so every other
record keeps its line or position, and with it its default id ("tin-7").
Rewrites go through a temporary file and an atomic rename.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "tin.jsonl"
>>> _ = p.write_text('{"title": "A"}\\n{"title": "B"}\\n{"title": "C"}\\n')
>>> remove_records(p, [2])
>>> p.read_text()
'{"title": "A"}\\n\\n{"title": "C"}\\n'
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from searcher.index.atomic import write_atomic


def remove_records(path: Path, locators: list[int | None], temp_prefix: str = ".add-") -> None:
    """Remove the records at ``locators`` (JSONL line numbers, JSON array positions;
    None: the whole file) from ``path``; a file left with no record is deleted."""
    suffix = path.suffix.lower()
    wanted = {loc for loc in locators if loc is not None}
    if None in locators or suffix not in (".jsonl", ".json") or not wanted:
        path.unlink(missing_ok=True)
        return
    if suffix == ".jsonl":
        lines = path.read_bytes().split(b"\n")
        kept_lines = [b"" if n in wanted else line for n, line in enumerate(lines, 1)]
        empty = not any(line.strip() for line in kept_lines)
        data = b"\n".join(kept_lines)
    else:
        records = json.loads(path.read_text(encoding="utf-8-sig"))
        kept = [None if n in wanted else r for n, r in enumerate(records, 1)]
        empty = all(r is None for r in kept)
        data = json.dumps(kept, ensure_ascii=False, indent=1).encode("utf-8")
    if empty:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, data, temp_prefix)
