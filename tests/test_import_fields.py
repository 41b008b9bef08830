"""Issue 26: an optional field that cannot be read never drops an article; the dates
real exports write are read. Through the user's path: ``searcher add`` of one JSONL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import CliRunner

from searcher.engine.engine import Engine
from web.cli import cli

DATES = {  # the form an export writes → the day it means
    "compact": ("20201001", "2020-10-01"),
    "iso": ("2020-10-02", "2020-10-02"),
    "iso-offset": ("2020-10-03T08:15:00+07:00", "2020-10-03"),
    "unix-s": (1601830800, "2020-10-05"),  # 2020-10-04 17:00 UTC = 5 October 00:00 in Vietnam
    "unix-ms": (1601946000000, "2020-10-06"),
    "dmy": ("17/10/2020", "2020-10-17"),
    "rfc2822": ("Sun, 18 Oct 2020 09:00:00 +0700", "2020-10-18"),
    "dmy-two-ways": ("03/11/2020", "2020-11-03"),  # read day/month, and said so
}
UNREADABLE = {  # field → a value no reader understands
    "date": "2020-13-45",
    "url": "javascript:alert(1)",
    "source": {"site": "x"},
    "id": ["not", "an", "id"],
}


def _record(n: int, **fields) -> str:
    text = {"title": f"Hội nghị giao ban số {n}", "body": f"Nội dung buổi giao ban lần {n}."}
    return json.dumps(text | fields, ensure_ascii=False)


def test_every_date_form_and_every_unreadable_field_is_indexed(tmp_path: Path) -> None:
    lines = [_record(n, id=f"d-{name}", date=value) for n, (name, (value, _)) in
             enumerate(DATES.items(), 1)]  # fmt: skip
    lines += [
        _record(20 + n, **{name: value}) for n, (name, value) in enumerate(UNREADABLE.items())
    ]
    lines.append(json.dumps({"date": "20201001", "url": "https://vks.example/x"}))  # no text
    export = tmp_path / "tin.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "--index", str(index), "add", str(export), "--json"]
    )
    report = json.loads(result.output)
    assert result.exit_code == 1  # the one record without text was really refused
    assert report["indexed"] == len(DATES) + len(UNREADABLE)
    [refused] = report["skipped"]
    assert refused["source"].endswith("tin.jsonl:13")
    assert refused["reason"] == "missing fields 'title' and 'body'"
    notes = "\n".join(report["notes"])
    assert "tin.jsonl:9: date '2020-13-45' not understood" in notes
    assert "tin.jsonl:10: url 'javascript:alert(1)' is not a web address" in notes
    assert "tin.jsonl:11: source an object is not text: ignored" in notes
    assert "tin.jsonl:12: id a list is not text: stored as 'tin-12'" in notes
    assert "tin.jsonl:8: date '03/11/2020' read as day/month/year (3 November 2020)" in notes
    assert "tin.jsonl:1:" not in notes  # an unambiguous form is read silently
    engine = Engine(index)
    for name, (_, day) in DATES.items():
        assert engine.article(f"d-{name}").published == day, name
    assert engine.article("tin-12").title == "Hội nghị giao ban số 23"


def test_a_clean_export_exits_zero_without_notes(tmp_path: Path) -> None:
    export = tmp_path / "sach.jsonl"
    export.write_text(_record(1, date="20201001") + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--corpus",
            str(tmp_path / "c"),
            "--index",
            str(tmp_path / "i"),
            "add",
            str(export),
            "--json",
        ],
    )
    report = json.loads(result.output)
    assert result.exit_code == 0 and report["notes"] == [] and report["indexed"] == 1


def _du(path: Path) -> int:
    """What ``du`` says a folder takes, in bytes."""
    return int(subprocess.run(["du", "-s", "-B1", str(path)], capture_output=True, text=True,
                              check=True).stdout.split()[0])  # fmt: skip


def test_stats_sizes_match_du(tmp_path: Path) -> None:
    """`stats --json` counts what the disk lost: the served generation by part, the
    cache, and the whole folder with the previous generation and leftovers (issue 26)."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"bai-{n}.txt").write_text(f"Hội nghị số {n}\nNội dung {n}.\n", "utf-8")
    prefix = ["--corpus", str(corpus), "--index", str(index)]
    assert CliRunner().invoke(cli, [*prefix, "rebuild"]).exit_code == 0
    assert CliRunner().invoke(cli, [*prefix, "rebuild"]).exit_code == 0  # keeps the previous
    (index / ".tmp-leftover").mkdir()
    (index / ".tmp-leftover" / "seg").write_bytes(b"x" * 100_000)  # a killed build's files
    result = CliRunner().invoke(cli, [*prefix, "stats", "--json"])
    sizes = json.loads(result.output)["sizes"]
    served = (index / "current").resolve()
    assert sizes["total"] == _du(index) and sizes["served"] == _du(served)
    assert sizes["arrays"] == _du(served / "arrays") > 0
    assert sizes["cache"] == _du(index / "segments.sqlite") > 0
    assert sizes["whoosh"] + sizes["arrays"] + sizes["bookkeeping"] == sizes["served"]
    assert sizes["other"] >= _du(index / ".tmp-leftover") + _du(served)  # previous generation
    text = CliRunner().invoke(cli, [*prefix, "stats"]).output
    assert f"{sizes['total'] / 1e6:,.1f} MB in all" in text and "arrays" in text
