"""Issue 13: a whole website export in, every article's identity kept, index in sync."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import add, rebuild, remove, sync
from searcher.query.parse import build_request
from searcher.read.files import read_file
from searcher.read.legacy import convert
from web import create_app

ODD_ID = "Luật Phòng, chống ma túy@1"


def record(n: int, **extra) -> dict:
    return {
        "id": f"tin-{n}",
        "title": f"Hội nghị giao ban số {n} của VKSND tỉnh Nghệ An",
        "body": f"Ngày 5/5/2023, VKSND tỉnh Nghệ An tổ chức giao ban lần thứ {n}.",
        "url": f"https://vks.example/tin/{n}",
        **extra,
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "searcher", *args], input=stdin,
                          capture_output=True, timeout=300)  # fmt: skip


def contents(index: Path) -> dict[str, tuple]:
    """id → what a user sees of it, for comparing two indexes."""
    engine = Engine(index)
    results = engine.search(build_request("", limit=100))
    out = {}
    for page in range(1, results.pages + 1):
        for hit in engine.search(build_request("", limit=100, page=page)).hits:
            a = engine.article(hit.id)
            out[hit.id] = (a.title, a.body, a.url, a.province, tuple(a.meeting_types))
    return out


@pytest.mark.slow
def test_a_3500_article_export_in_one_jsonl_file(tmp_path: Path) -> None:
    raw_page = "<div class='noi-dung'>" + "Nội dung trang gốc. " * 80 + "</div>"
    records = [record(n, html=raw_page) for n in range(1, 3501)]  # exports carry extra fields
    export = write_jsonl(tmp_path / "news.jsonl", records)
    assert export.stat().st_size > 6 * 1024 * 1024  # over the per-article limit, as a file
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    report = add([export], corpus, index)
    assert (report.indexed, report.skipped) == (3500, [])
    engine = Engine(index)
    assert engine.search(build_request("")).total == 3500
    hit = engine.search(build_request('"lần thứ 2718"')).hits[0]
    assert (hit.id, hit.url) == ("tin-2718", "https://vks.example/tin/2718")


def test_a_user_id_round_trips_everywhere(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "luat.jsonl", [record(1, id=ODD_ID, title="Điều khoản đặc biệt")])
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    r = cli("--corpus", str(corpus), "--index", str(index), "add", str(src))
    assert r.returncode == 0, r.stderr
    found = cli("--index", str(index), "search", "điều khoản đặc biệt", "--json")
    assert json.loads(found.stdout)["hits"][0]["id"] == ODD_ID
    shown = cli("--index", str(index), "show", ODD_ID, "--json")
    assert json.loads(shown.stdout)["id"] == ODD_ID
    nfd = cli("--index", str(index), "show", unicodedata.normalize("NFD", ODD_ID), "--json")
    assert nfd.returncode == 0  # the same id typed in another Unicode form
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    api = client.get("/api/search", query_string={"q": "điều khoản"}).get_json()
    assert api["hits"][0]["id"] == ODD_ID
    page = client.get("/search", query_string={"q": "điều khoản"}).get_data(as_text=True)
    link = f"/article/{quote(ODD_ID, safe=',@')}?"  # url_for's encoding: "," and "@" are legal
    assert link in page and "/article/Luật" not in page  # every other character encoded
    article = client.get(link)
    assert article.status_code == 200 and "Điều khoản đặc biệt" in article.get_data(as_text=True)
    assert client.get(f"/api/article/{quote(ODD_ID, safe='')}").get_json()["id"] == ODD_ID


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("", None), ("   ", "empty"), ("a\x07b", "control"), ("x" * 201, "too long"),
     ("..", "cannot be an id"), ("a\u200bb", "invisible")],
)  # fmt: skip
def test_impossible_ids_fall_back_to_the_position_with_a_reason(
    tmp_path: Path, raw: str, reason
) -> None:
    """An id that cannot be one never loses the article (issue 26): the record is stored
    under its default id and the note says why."""
    path = write_jsonl(tmp_path / "x.jsonl", [record(1, id=raw)])
    [item] = read_file(path)
    assert item.id == "x-1"
    if reason is None:  # an empty id means "no id": the default one is used, silently
        assert item.note is None
    else:
        assert reason in item.note and "stored as 'x-1'" in item.note


def test_title_only_article_is_found_by_its_title(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "anh.txt").write_text("Phóng sự ảnh: Lễ kỷ niệm ngày thành lập ngành\n", "utf-8")
    write_jsonl(corpus / "ngan.jsonl", [{"title": "Thông báo lịch tiếp công dân"}])
    assert rebuild(corpus, index).indexed == 2
    engine = Engine(index)
    assert [h.id for h in engine.search(build_request("phong su anh")).hits] == ["anh"]
    assert [h.id for h in engine.search(build_request("lịch tiếp công dân")).hits] == ["ngan-1"]


def test_sync_after_adding_changing_and_deleting_equals_a_fresh_rebuild(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"bai{n}.txt").write_text(
            f"Hội nghị số {n}\nNgày 5/5/2023, VKSND tỉnh Nghệ An họp lần {n}.\n", "utf-8"
        )
    write_jsonl(corpus / "xuat.jsonl", [record(n) for n in range(1, 6)])
    rebuild(corpus, index)
    (corpus / "bai0.txt").unlink()  # deleted
    (corpus / "bai1.txt").write_text("Hội nghị đã sửa\nNội dung mới của bài một.\n", "utf-8")
    (corpus / "moi.txt").write_text("Bài mới\nNgày 1/6/2024, VKSND tỉnh Gia Lai họp.\n", "utf-8")
    write_jsonl(corpus / "xuat.jsonl", [record(n) for n in (1, 2, 4, 5, 6)])  # one out, one in
    report = sync(corpus, index)
    assert not report.full_rebuild
    # new: moi, tin-6; removed: bai0, tin-3; kept as indexed: tin-1, tin-2 (same line,
    # same content); re-indexed: bai1 (changed), tin-4 and tin-5 (their line moved)
    assert (report.indexed, report.removed, report.kept, report.replaced) == (2, 2, 2, 3)
    synced = contents(index)
    fresh = tmp_path / "fresh"
    rebuild(corpus, fresh)
    assert synced == contents(fresh)
    assert "bai0" not in synced and synced["bai1"][0] == "Hội nghị đã sửa"
    assert sync(corpus, index).indexed == 0  # nothing left to do


def test_remove_deletes_from_index_and_corpus_keeping_other_ids(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "mot.txt").write_text("Bài một\nNội dung bài một.\n", "utf-8")
    write_jsonl(corpus / "xuat.jsonl", [{"title": f"Tin {n}", "body": f"Nội dung {n}."}
                                        for n in range(1, 5)])  # fmt: skip
    rebuild(corpus, index)
    report = remove(["mot", "xuat-2", "khong-co"], corpus, index)
    assert report.removed == 2 and report.skipped[0].reason == "no article with this id"
    assert not (corpus / "mot.txt").exists()
    assert (corpus / "xuat.jsonl").read_text("utf-8").splitlines()[1] == ""
    assert set(contents(index)) == {"xuat-1", "xuat-3", "xuat-4"}  # ids did not move
    assert sync(corpus, index).indexed == 0 and set(contents(index)) == {
        "xuat-1",
        "xuat-3",
        "xuat-4",
    }


def test_add_reads_jsonl_from_standard_input(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    data = "\n".join(json.dumps(record(n), ensure_ascii=False) for n in range(1, 4)).encode()
    r = cli("--corpus", str(corpus), "--index", str(index), "add", "-", "--json", stdin=data)
    assert r.returncode == 0 and json.loads(r.stdout)["indexed"] == 3, r.stderr
    [saved] = corpus.glob("stdin-*.jsonl")
    assert saved.read_bytes() == data


def test_url_is_stored_and_linked(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    write_jsonl(corpus / "a.jsonl", [record(1), record(2, url="javascript:alert(1)")])
    (corpus / "p.html").write_text(
        '<html><head><link rel="canonical" href="https://vks.example/p"></head>'
        "<body><h1>Trang gốc</h1><p>Nội dung trang.</p></body></html>", "utf-8"
    )  # fmt: skip
    rebuild(corpus, index)
    engine = Engine(index)
    urls = {i: engine.article(i).url for i in ("tin-1", "tin-2", "p")}
    assert urls == {"tin-1": "https://vks.example/tin/1", "tin-2": None,
                    "p": "https://vks.example/p"}  # fmt: skip
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    page = client.get("/article/tin-1").get_data(as_text=True)
    assert 'href="https://vks.example/tin/1" rel="noopener noreferrer nofollow"' in page
    shown = cli("--index", str(index), "show", "tin-1")
    assert "Original: https://vks.example/tin/1" in shown.stdout.decode()


# Legacy encodings: samples we encode ourselves from Unicode sentences
UNICODE = "Viện kiểm sát nhân dân tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2022"
NAME = "Đồng chí Lê Văn Đông phát biểu tại hội nghị"
VNI_NAME = "Ñoàng chí Leâ Vaên Ñoâng phaùt bieåu taïi hoäi nghò"
TCVN3_NAME = "§ång chÝ Lª V¨n §«ng ph¸t biÓu t¹i héi nghÞ tæng kÕt"
TCVN3 = "ViÖn kiÓm s¸t nh©n d©n tØnh NghÖ An tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2022"
VNI = (
    "Vieän kieåm saùt nhaân daân tænh Ngheä An toå chöùc hoäi nghò toång keát coâng taùc naêm 2022"
)


@pytest.mark.parametrize(
    ("text", "expected", "name"),
    [
        (TCVN3, UNICODE, "TCVN3 (ABC)"),
        (VNI, UNICODE, "VNI"),
        (UNICODE, UNICODE, None),  # Unicode is never "converted"
        (unicodedata.normalize("NFD", UNICODE), unicodedata.normalize("NFD", UNICODE), None),
        (VNI_NAME, NAME, "VNI"),
        (TCVN3_NAME, NAME + " tổng kết", "TCVN3 (ABC)"),
        ("Hà Nội, Đà Nẵng, Thanh Hóa: Tòa án, Viện kiểm sát và Công an", None, None),
    ],
)  # fmt: skip
def test_legacy_encodings_are_converted(text: str, expected, name) -> None:
    out, found = convert(text)
    assert found == name and out == (expected if expected is not None else text)


def test_mixed_legacy_document_is_converted_line_by_line(tmp_path: Path) -> None:
    mixed = f"Hội nghị tổng kết năm 2022 của ngành kiểm sát\n{TCVN3}\n{UNICODE}\n"
    out, name = convert(mixed)
    assert name == "TCVN3 (ABC)" and out.splitlines() == [
        "Hội nghị tổng kết năm 2022 của ngành kiểm sát", UNICODE, UNICODE,
    ]  # fmt: skip


def test_legacy_files_are_converted_and_reported(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "cu.txt").write_bytes(f"Héi nghÞ tæng kÕt\n{TCVN3}\n".encode("latin-1"))
    (corpus / "vni.txt").write_bytes(f"Hoäi nghò\n{VNI}\n".encode("cp1252"))
    report = rebuild(corpus, index)
    assert report.indexed == 2 and len(report.notes) == 2
    assert "converted from TCVN3 (ABC) to Unicode" in report.notes[0]
    assert Engine(index).search(build_request('"tỉnh nghệ an"')).total == 2


def test_editing_one_record_of_an_export_reindexes_only_that_record(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    records = [record(n) for n in range(1, 51)]
    write_jsonl(corpus / "xuat.jsonl", records)
    rebuild(corpus, index)
    records[29] = record(30, title="Hội nghị tập huấn nghiệp vụ đã sửa")
    write_jsonl(corpus / "xuat.jsonl", records)
    report = sync(corpus, index)
    assert (report.kept, report.replaced, report.indexed, report.removed) == (49, 1, 0, 0)
    hits = Engine(index).search(build_request('"tập huấn nghiệp vụ đã sửa"')).hits
    assert [h.id for h in hits] == ["tin-30"]
