"""rebuild and add: incremental, duplicates, replacement, bad articles, interruption."""

import json
import threading
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index import batch as ingest
from searcher.index.generations import LockTimeout, current_generation, writer_lock
from searcher.index.operations import add, rebuild
from searcher.query.parse import build_request

NEW = (
    "Hội nghị giao ban của VKSND tỉnh Nghệ An\n"
    "Ngày 5/5/2023, VKSND tỉnh Nghệ An tổ chức giao ban.\n"
)


def total(index: Path, q: str = "") -> int:
    return Engine(index).search(build_request(q)).total


def test_add_copies_and_indexes(fresh, tmp_path: Path) -> None:
    corpus, index = fresh
    src = tmp_path / "inbox" / "bài mới 1.txt"
    src.parent.mkdir()
    src.write_text(NEW, encoding="utf-8")
    engine = Engine(index)
    assert engine.search(build_request('"nghệ an"')).total == 0
    report = add([src], corpus, index)
    assert (report.indexed, report.duplicates, report.skipped) == (1, [], [])
    assert (corpus / "bài mới 1.txt").read_text(encoding="utf-8") == NEW
    results = Engine(index).search(build_request('"nghệ an"'))
    assert [h.id for h in results.hits] == ["bài mới 1"]
    assert results.hits[0].province == "Nghệ An"
    # a long-lived engine sees the new article too
    engine.refresh()
    assert engine.search(build_request('"nghệ an"')).total == 1
    # a rebuild reproduces the same index from the corpus
    rebuild(corpus, index)
    assert total(index) == 6 and total(index, '"nghệ an"') == 1


def test_duplicate_and_replacement(fresh, tmp_path: Path) -> None:
    corpus, index = fresh
    seed = corpus / "001_19c58e07ec207b15.txt"
    copy = tmp_path / "same-under-another-name.txt"
    copy.write_bytes(seed.read_bytes())
    report = add([copy], corpus, index)
    assert report.indexed == 0 and len(report.duplicates) == 1
    assert not (corpus / copy.name).exists()  # nothing new to keep
    changed = tmp_path / "001_19c58e07ec207b15.txt"
    changed.write_text(
        seed.read_text(encoding="utf-8") + "\nĐoạn bổ sung về chuyển đổi số.\n", encoding="utf-8"
    )
    report = add([changed], corpus, index, replace=True)  # the corpus copy came from elsewhere
    assert (report.indexed, report.replaced) == (0, 1)
    assert total(index) == 5
    assert total(index, "chuyển đổi số") >= 1
    assert "Đoạn bổ sung" in (corpus / changed.name).read_text(encoding="utf-8")


def test_add_folder_with_bad_articles(fresh, tmp_path: Path) -> None:
    corpus, index = fresh
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "good.txt").write_text(NEW, encoding="utf-8")
    (inbox / "batch.jsonl").write_text(
        json.dumps({"title": "Tập huấn", "body": "VKSND tỉnh Cà Mau tập huấn."}, ensure_ascii=False)
        + "\n{broken\n",
        encoding="utf-8",
    )
    report = add([inbox], corpus, index)
    assert report.indexed == 2
    assert sorted(Path(p.source).name.split(":")[0] for p in report.skipped) == [
        "batch.jsonl",
        "empty.txt",
    ]
    assert report.partial
    assert total(index) == 7


def test_rebuild_reports_duplicates_and_problems(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(NEW, encoding="utf-8")
    (corpus / "b.txt").write_text(NEW, encoding="utf-8")
    (corpus / "c.txt").write_bytes(b"\x00\x01\x02binary")
    report = rebuild(corpus, tmp_path / "index")
    assert report.indexed == 1
    assert len(report.duplicates) == 1 and "same content as 'a'" in report.duplicates[0]
    assert [Path(p.source).name for p in report.skipped] == ["c.txt"]


def test_interrupted_rebuild_keeps_the_old_index(fresh, monkeypatch) -> None:
    corpus, index = fresh
    before = current_generation(index)
    calls = {"n": 0}
    real = ingest.to_document

    def explode(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "to_document", explode)
    with pytest.raises(KeyboardInterrupt):
        rebuild(corpus, index)
    assert current_generation(index) == before
    assert total(index) == 5
    monkeypatch.setattr(ingest, "to_document", real)
    rebuild(corpus, index)  # the next rebuild cleans up and succeeds
    assert total(index) == 5
    assert not list(index.glob(".tmp-*"))


def test_writers_serialize_with_a_timeout(fresh) -> None:
    _, index = fresh
    entered = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with writer_lock(index):
            entered.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    entered.wait(5)
    try:
        with (
            pytest.raises(LockTimeout, match="another 'add' or 'rebuild'"),
            writer_lock(index, timeout=0.3),
        ):
            pass
    finally:
        release.set()
        t.join()
    with writer_lock(index, timeout=1):
        pass


def test_add_to_a_missing_index_creates_it(tmp_path: Path) -> None:
    src = tmp_path / "n.txt"
    src.write_text(NEW, encoding="utf-8")
    report = add([src], tmp_path / "corpus", tmp_path / "index")
    assert report.indexed == 1 and total(tmp_path / "index") == 1


def test_a_long_lived_engine_closes_the_files_of_replaced_generations(fresh) -> None:
    """Segments are read without mmap (no per-reader copies): their files must be
    closed once a newer generation replaced them, however many rebuilds happen."""
    import os

    corpus, index = fresh
    engine = Engine(index)
    for _ in range(4):
        engine.search(build_request("giao ban"))
        rebuild(corpus, index)
        engine.refresh()
    engine.search(build_request("giao ban"))
    live = current_generation(index)
    held = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the descriptor listdir itself used
            continue
        if target.startswith(str(index.resolve())):
            held.add(target)
    assert held and all(p.startswith(str(live)) for p in held), held
