"""Round four of the hostile pass (issue 23's "attack your own changes"): each test is
a hole found in what the crawler, storage, server, search-page, people and JSON-field
branches merged, written before its fix."""

from __future__ import annotations

import json
from pathlib import Path

from searcher.index.operations import add, sync

BODY = "Ngày 5/5/2023, VKSND tỉnh Nghệ An tổ chức giao ban lần thứ {n}."


def setup(tmp_path: Path) -> tuple[Path, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    return corpus, index


# A number of more than 4,300 digits anywhere in a JSON file: Python's int limit raised
# a ValueError that escaped as a traceback from add and sync.
def test_a_json_number_too_long_for_python_is_a_skipped_record(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    huge = "9" * 5000
    array = tmp_path / "mang.json"
    array.write_text(f'[{{"title": "Hội nghị", "body": "{BODY.format(n=1)}", "date": {huge}}}]')
    lines = tmp_path / "dong.jsonl"
    good = json.dumps({"title": "Giao ban", "body": BODY.format(n=2)}, ensure_ascii=False)
    lines.write_text(f'{{"title": "x", "body": "y", "n": {huge}}}\n{good}\n', encoding="utf-8")
    report = add([array, lines], corpus, index)
    assert report.indexed == 1, report.to_json()  # the good line of the JSONL
    assert any("mang.json" in p and "JSON" in p for p in map(str, report.to_json()["skipped"]))
    (corpus / "lai.json").write_text(array.read_text())
    assert sync(corpus, index).indexed == 0
