"""Issue 23, storage and ingest: each hole reproduced; every test failed before its fix.

The numbers are the issue's items (1–6, 12 at ingest, 16–18, 20).
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index import batch as ingest
from searcher.index import corpus_edits
from searcher.index.arrays.store import arrays_dir
from searcher.index.generations import current_generation
from searcher.index.operations import add, rebuild, remove, sync
from searcher.query.parse import build_request
from web import create_app

BODY = "Ngày 5/5/2023, VKSND tỉnh Nghệ An tổ chức giao ban lần thứ {n}."


def cli(*args: str, env: dict | None = None, timeout: float = 90) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "searcher", *args]
    environment = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environment)


def everything(index: Path) -> dict[str, str]:
    """id → title of every indexed article."""
    engine, out = Engine(index), {}
    results = engine.search(build_request("", limit=100))
    for page in range(1, results.pages + 1):
        for hit in engine.search(build_request("", limit=100, page=page)).hits:
            out[hit.id] = hit.title
    return out


def rec(title: str, n: int = 0, **extra) -> dict:
    return {"title": title, "body": BODY.format(n=n), **extra}


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_text(text: str) -> str:
    """Text as Windows-1258 spells it: letters with ^ ( + whole, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(ch if not tones else base + tones)
    return "".join(out)


def setup(tmp_path: Path) -> tuple[Path, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    return corpus, index


# 1. remove in the encoding the file was read in
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_remove_from_a_jsonl_keeps_its_encoding_and_other_records(tmp_path, encoding) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "u.jsonl"
    records = [rec(f"Tin số {n} Hội nghị", n, id=f"U{n}") for n in (1, 2, 3)]
    data = jsonl(records).encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    sync(corpus, index)
    assert set(everything(index)) == {"U1", "U2", "U3"}
    report = remove(["U2"], corpus, index)
    assert report.removed == 1 and not report.skipped
    assert set(everything(index)) == {"U1", "U3"}
    raw = path.read_bytes()
    assert raw.startswith(data[:2])  # the same byte-order mark
    lines = raw.decode("utf-16" if "16" in encoding else "utf-8-sig").split("\n")
    assert [json.loads(x)["id"] if x else "" for x in lines[:3]] == ["U1", "", "U3"]
    rebuild(corpus, index)
    assert set(everything(index)) == {"U1", "U3"}


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258", "utf-8-sig"])
def test_remove_from_a_json_array_keeps_its_encoding(tmp_path, encoding) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "m.json"
    text = json.dumps([rec(f"Hội nghị số {n}", n, id=f"M{n}") for n in (1, 2, 3)],
                      ensure_ascii=False)  # fmt: skip
    if encoding == "cp1258":
        text = cp1258_text(text)
    path.write_bytes(text.encode(encoding))
    sync(corpus, index)
    report = remove(["M2"], corpus, index)
    assert report.removed == 1 and not report.skipped, report.skipped
    assert set(everything(index)) == {"M1", "M3"}
    kept = json.loads(path.read_bytes().decode(encoding))
    assert [r and r["id"] for r in kept] == ["M1", None, "M3"]


def test_remove_from_a_cp1258_json_keeps_what_cp1258_cannot_hold(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "m.json"
    records = [rec("Hội nghị 院长", 1, id="M1"), rec("Hội nghị hai", 2, id="M2")]
    text = json.dumps(records, ensure_ascii=False).replace("院长", "\\u9662\\u957f")
    path.write_bytes(cp1258_text(text).encode("cp1258"))  # the CJK as JSON escapes
    sync(corpus, index)
    assert remove(["M2"], corpus, index).removed == 1
    kept = json.loads(path.read_bytes().decode("cp1258"))
    assert unicodedata.normalize("NFC", kept[0]["title"]) == "Hội nghị 院长" and kept[1] is None
    assert everything(index) == {"M1": "Hội nghị 院长"}


def test_remove_refuses_a_file_it_cannot_write_back_and_changes_nothing(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "m.jsonl"
    path.write_text(jsonl([rec("Tin một", 1, id="A"), rec("Tin hai", 2, id="B")]), "utf-8")
    sync(corpus, index)
    path.write_text(jsonl([rec("Tin một", 1, id="A"), rec("Tin hai đã sửa", 2, id="B")]), "utf-8")
    before = path.read_bytes()
    report = remove(["B"], corpus, index)  # B as indexed is no longer in the file
    assert report.removed == 0 and len(report.skipped) == 1
    assert "changed since" in report.skipped[0].reason and "\n" not in report.skipped[0].reason
    assert path.read_bytes() == before and set(everything(index)) == {"A", "B"}


def test_remove_never_overwrites_what_a_scraper_wrote_meanwhile(tmp_path, monkeypatch) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "m.jsonl"
    path.write_text(jsonl([rec("Tin một", 1, id="A"), rec("Tin hai", 2, id="B")]), "utf-8")
    sync(corpus, index)
    real = corpus_edits.parse_record

    newer = jsonl([rec("Tin một, sửa", 1, id="A"), rec("Tin hai", 2, id="B"), rec("Ba", 3, id="C")])

    def scraper_rewrites(*args, **kw):  # in place, while remove reads the file
        with path.open("r+b") as fh:
            fh.write(newer.encode())
        return real(*args, **kw)

    monkeypatch.setattr(corpus_edits, "parse_record", scraper_rewrites)
    report = remove(["B"], corpus, index)
    assert report.removed == 0 and "changed while it was being edited" in report.skipped[0].reason
    assert path.read_text("utf-8") == newer  # the scraper's version, whole


# 2. remove finds the record where it is now
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_remove_after_a_record_was_inserted_above_it(tmp_path, suffix) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / f"x{suffix}"

    def write(records):
        if suffix == ".jsonl":
            path.write_text(jsonl(records), "utf-8")
        else:
            path.write_text(json.dumps(records, ensure_ascii=False), "utf-8")

    a, b, z = rec("Tin A", 1, id="A"), rec("Tin B", 2, id="B"), rec("Tin Z", 3, id="Z")
    write([a, b])
    sync(corpus, index)
    write([z, a, b])  # inserted above, not synced yet
    report = remove(["B"], corpus, index)
    assert report.removed == 1 and not report.skipped
    assert set(everything(index)) == {"A", "Z"}
    assert sync(corpus, index).indexed == 0 and set(everything(index)) == {"A", "Z"}


# 3. a file rewritten while sync reads it
def test_a_file_rewritten_while_sync_reads_it_is_never_marked_up_to_date(tmp_path, monkeypatch):
    corpus, index = setup(tmp_path)
    sync(corpus, index)
    path = corpus / "export.jsonl"
    full = jsonl([rec(f"Bản tin số {n} giao ban", n, id=f"t{n}") for n in range(400)]).encode()
    path.write_bytes(full)
    real, calls = ingest.read_source, []

    def racing(source, *args, **kw):
        items = real(source, *args, **kw)
        calls.append(source)
        if len(calls) > 1:
            yield from items
            return
        yield next(items)
        with open(source, "r+b") as fh:  # the scraper truncates and starts writing again
            fh.truncate(len(full) // 3)
        yield from items
        source.write_bytes(full)  # … and finishes: the same bytes as listed

    monkeypatch.setattr(ingest, "read_source", racing)
    sync(corpus, index)
    monkeypatch.setattr(ingest, "read_source", real)
    sync(corpus, index)
    assert len(everything(index)) == 400


# 4. a crash after Whoosh's commit, before the arrays
def test_a_crash_right_after_the_commit_never_shows_an_empty_index(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    for n in range(2):
        (corpus / f"a{n}.txt").write_text(f"Hội nghị số {n}\n{BODY.format(n=n)}\n", "utf-8")
    rebuild(corpus, index)
    new = tmp_path / "moi.txt"
    new.write_text(f"Hội nghị mới\n{BODY.format(n=9)}\n", "utf-8")
    r = cli("--corpus", str(corpus), "--index", str(index), "add", str(new),
            env={"SEARCHER_CRASH_AT": "add:after-toc"})  # fmt: skip
    assert r.returncode == -9, r.stderr
    assert len(everything(index)) == 3  # what Whoosh committed is served whole
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    assert client.get("/healthz").get_json() == {"status": "ok", "articles": 3}


def test_healthz_says_degraded_when_the_newest_state_cannot_be_read(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "a.txt").write_text(f"Hội nghị\n{BODY.format(n=1)}\n", "utf-8")
    rebuild(corpus, index)
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    assert client.get("/healthz").get_json() == {"status": "ok", "articles": 1}
    for seg in arrays_dir(current_generation(index)).iterdir():
        (seg / "meta.json").unlink()  # the arrays of the newest state are lost
    fresh = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    health = fresh.get("/healthz")
    assert health.status_code == 503 and health.get_json()["status"] == "degraded"
    assert health.get_json()["articles"] == 0


def test_a_reader_that_cannot_read_the_newest_state_serves_the_one_it_had(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "a.txt").write_text(f"Hội nghị\n{BODY.format(n=1)}\n", "utf-8")
    rebuild(corpus, index)
    app = create_app({"TESTING": True, "INDEX_DIR": str(index)})
    client = app.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok", "articles": 1}
    before = {p.name for p in arrays_dir(current_generation(index)).iterdir()}
    (corpus / "b.txt").write_text(f"Hội nghị khác\n{BODY.format(n=2)}\n", "utf-8")
    sync(corpus, index)
    for seg in arrays_dir(current_generation(index)).iterdir():
        if seg.name not in before:
            (seg / "meta.json").unlink()  # the new state's arrays are lost
    app.extensions["searcher"].refresh()  # look now, not after the refresh interval
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json()["status"] == "degraded"
    assert health.get_json()["articles"] == 1
    assert client.get("/api/search?q=").get_json()["total"] == 1


# 5. add never replaces another source's article because the base names match
def test_add_never_replaces_another_sites_file_with_the_same_name(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    for site in ("site1", "site2", "site3"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "1.txt").write_text(f"Tin của {site}\n{BODY.format(n=1)}\n", "utf-8")
    assert add([tmp_path / "site1"], corpus, index).indexed == 1
    report = add([tmp_path / "site2"], corpus, index)
    assert (report.indexed, report.replaced) == (1, 0)
    assert any("1_2.txt" in line for line in report.renamed)
    assert sorted(p.name for p in corpus.iterdir()) == ["1.txt", "1_2.txt"]
    assert sorted(everything(index).values()) == ["Tin của site1", "Tin của site2"]
    # the same source re-added replaces its own copy
    (tmp_path / "site1" / "1.txt").write_text(f"Tin của site1 đã sửa\n{BODY.format(n=5)}\n")
    report = add([tmp_path / "site1" / "1.txt"], corpus, index)
    assert (report.indexed, report.replaced) == (0, 1)
    assert sorted(everything(index).values()) == ["Tin của site1 đã sửa", "Tin của site2"]
    # --replace: the user says which one to replace
    r = cli("--corpus", str(corpus), "--index", str(index), "add", "--replace", "--json",
            str(tmp_path / "site3" / "1.txt"))  # fmt: skip
    assert r.returncode == 0 and json.loads(r.stdout)["replaced"] == 1, r.stderr
    assert sorted(everything(index).values()) == ["Tin của site2", "Tin của site3"]


def test_where_a_file_came_from_survives_a_crash(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    for site in ("site1", "site2"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "1.txt").write_text(f"Tin của {site}\n{BODY.format(n=1)}\n", "utf-8")
    add([tmp_path / "site1"], corpus, index)
    other = tmp_path / "khac.txt"
    other.write_text(f"Tin thứ ba\n{BODY.format(n=3)}\n", "utf-8")
    args = ("--corpus", str(corpus), "--index", str(index), "add", str(other))
    assert cli(*args, env={"SEARCHER_CRASH_AT": "add:after-toc"}).returncode == -9
    report = add([tmp_path / "site2"], corpus, index)  # the manifest is rebuilt from Whoosh
    assert report.replaced == 0 and (corpus / "1_2.txt").exists()
    (tmp_path / "site1" / "1.txt").write_text(f"Tin của site1, sửa\n{BODY.format(n=4)}\n", "utf-8")
    report = add([tmp_path / "site1" / "1.txt"], corpus, index)  # still known: replaced
    assert report.replaced == 1 and not (corpus / "1_3.txt").exists()
    assert sorted(everything(index).values()) == [
        "Tin của site1, sửa",
        "Tin của site2",
        "Tin thứ ba",
    ]


# 6. ids of records without ids follow their content
def test_ids_of_records_without_ids_follow_their_content(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "tin.jsonl"
    a, b, z = rec("Tin A giao ban", 1), rec("Tin B tổng kết", 2), rec("Tin Z sơ kết", 3)
    path.write_text(jsonl([a, b]), "utf-8")
    sync(corpus, index)
    assert everything(index) == {"tin-1": "Tin A giao ban", "tin-2": "Tin B tổng kết"}
    path.write_text(jsonl([z, a, b]), "utf-8")
    sync(corpus, index)
    found = everything(index)
    assert found["tin-1"] == "Tin A giao ban" and found["tin-2"] == "Tin B tổng kết"
    assert sorted(found.values()) == ["Tin A giao ban", "Tin B tổng kết", "Tin Z sơ kết"]
    rebuild(corpus, index)
    assert everything(index) == found


def test_an_id_once_given_is_never_given_to_another_record(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    path = corpus / "moi.jsonl"  # the newest two stories, rewritten every day
    days = [("A", "B"), ("C", "D"), ("E", "F"), ("A", "F")]
    seen: dict[str, str] = {}
    for day in days:
        path.write_text(jsonl([rec(f"Tin {x} trong ngày", ord(x)) for x in day]), "utf-8")
        sync(corpus, index)
        for article_id, title in everything(index).items():
            assert seen.setdefault(article_id, title) == title  # an id never changes article
    assert {seen[i] for i in everything(index)} == {"Tin A trong ngày", "Tin F trong ngày"}
    assert everything(index)["moi-1"] == "Tin A trong ngày"  # A came back: its own id


# 12 (ingest half). characters XML 1.0 forbids never reach a title
def test_xml_forbidden_characters_are_removed_from_titles_at_ingest(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "x.jsonl").write_text(
        jsonl([rec("Hội\x1b[1m nghị\x01 giao\ufffe ban\x00", 1, id="x1")]), "utf-8"
    )
    sync(corpus, index)
    title = everything(index)["x1"]
    assert title == "Hội[1m nghị giao ban"


# 16. ids are NFC everywhere
def test_ids_differing_only_by_unicode_form_are_one_id(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    nfc = "Hội nghị tổng kết"
    nfd = unicodedata.normalize("NFD", nfc)
    (corpus / f"{nfd}.txt").write_text(f"Bài từ macOS\n{BODY.format(n=1)}\n", "utf-8")
    (corpus / "khac.jsonl").write_text(jsonl([rec("Bài khác", 2, id=nfc)]), "utf-8")
    sync(corpus, index)
    found = everything(index)
    assert set(found) == {nfc, f"{nfc}~2"} and all(
        unicodedata.is_normalized("NFC", i) for i in found
    )
    assert Engine(index).article(nfd) is not None
    report = remove([nfd, f"{nfd}~2"], corpus, index)
    assert report.removed == 2 and not report.skipped
    assert everything(index) == {}


# 17. a title and body of control characters only
@pytest.mark.parametrize("junk", ["\x00\x00\x00", "\x01\x1b\x7f", "\x00 \x08\x0b", "\x85\x9f"])
def test_a_record_of_control_characters_only_is_refused(tmp_path, junk: str) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "c.jsonl").write_text(
        jsonl([{"title": junk, "body": junk}, rec("Tin thật", 1)]), "utf-8"
    )
    report = sync(corpus, index)
    assert report.indexed == 1 and len(report.skipped) == 1
    assert "empty article" in report.skipped[0].reason


# 18. leftovers of a killed rebuild
@pytest.mark.parametrize("writer", ["sync", "add"])
def test_a_killed_rebuilds_leftovers_are_cleaned_by_the_next_writer(tmp_path, writer) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "a.txt").write_text(f"Hội nghị\n{BODY.format(n=1)}\n", "utf-8")
    rebuild(corpus, index)
    stale = index / ".tmp-4242-1"
    stale.mkdir()
    (stale / "big.seg").write_bytes(b"x" * 1000)
    (index / ".segments.sqlite.4242").write_bytes(b"y" * 1000)
    if writer == "sync":
        sync(corpus, index)
    else:
        extra = tmp_path / "b.txt"
        extra.write_text(f"Hội nghị khác\n{BODY.format(n=2)}\n", "utf-8")
        add([extra], corpus, index)
    assert not stale.exists() and not (index / ".segments.sqlite.4242").exists()
    assert len(everything(index)) >= 1  # the live generation untouched


def test_segments_of_a_writer_killed_before_its_commit_are_removed(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "a.txt").write_text(f"Hội nghị\n{BODY.format(n=1)}\n", "utf-8")
    rebuild(corpus, index)
    listed = set(os.listdir(current_generation(index)))
    extra = tmp_path / "b.txt"
    extra.write_text(f"Hội nghị khác\n{BODY.format(n=2)}\n", "utf-8")
    args = ("--corpus", str(corpus), "--index", str(index), "add", str(extra))
    assert cli(*args, env={"SEARCHER_CRASH_AT": "add:before-toc"}).returncode == -9
    orphans = {n for n in os.listdir(current_generation(index)) if n.endswith(".seg")} - listed
    assert orphans  # the killed add's segment
    (corpus / "b.txt").unlink()  # nothing for the next writer to commit
    sync(corpus, index)
    assert not orphans & set(os.listdir(current_generation(index)))
    assert set(everything(index)) == {"a"}


# 20. the remove summary
def test_the_remove_summary_says_removed_once(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    (corpus / "a.txt").write_text(f"Hội nghị\n{BODY.format(n=1)}\n", "utf-8")
    sync(corpus, index)
    r = cli("--corpus", str(corpus), "--index", str(index), "remove", "a")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("removed 1,") and "removed 0" not in r.stdout
