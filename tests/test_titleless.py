"""Records without a title (issue 21): a JSON/JSONL record without one keeps its
whole text as body and is indexed without a title; pages, the JSON contract and
exports show its first sentence, cut at a word. A .txt keeps its first line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import build_request
from searcher.read.files import read_file
from searcher.read.headline import MAX_CHARS
from searcher.results.export import to_jsonl
from web import create_app

ANSWER = (
    "Chào bạn! Người bị bệnh tuyến giáp đã ổn định vẫn có thể tiêm vaccine phòng Covid-19.\n"
    "Khi khám sàng lọc, bạn mang theo sổ theo dõi điều trị. Chúc bạn sức khỏe!"
)
LONG = (
    "Theo hướng dẫn của Bộ Y tế, phụ nữ đang cho con bú vẫn được tiêm vaccine phòng "
    "Covid-19 khi đủ điều kiện sức khỏe và đã được bác sĩ khám sàng lọc kỹ lưỡng trước khi "
    "tiêm mũi đầu tiên tại cơ sở y tế gần nhất. Cảm ơn bạn."
)


def write_export(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": "hoi-1", "title": "", "body": ANSWER},
        {"id": "hoi-2", "body": LONG},
        {"id": "tin-3", "title": "Tiêm vaccine cho người cao tuổi", "body": "Nội dung tin."},
    ]
    path = folder / "hoidap.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_a_record_without_title_keeps_its_whole_text_as_body(tmp_path: Path) -> None:
    first, second, third = read_file(write_export(tmp_path))
    assert (first.title, first.body) == ("", ANSWER)
    assert (second.title, second.body) == ("", LONG)
    assert third.title == "Tiêm vaccine cho người cao tuổi"
    array = tmp_path / "mang.json"
    array.write_text(json.dumps([{"body": "Một dòng.\nHai dòng."}]), encoding="utf-8")
    assert [(a.title, a.body) for a in read_file(array)] == [("", "Một dòng.\nHai dòng.")]


def test_a_text_file_keeps_its_first_line_as_title(tmp_path: Path) -> None:
    (tmp_path / "bai.txt").write_text("Hội nghị giao ban\nNội dung hội nghị.\n", "utf-8")
    (article,) = read_file(tmp_path / "bai.txt")
    assert (article.title, article.body) == ("Hội nghị giao ban", "Nội dung hội nghị.")


def test_a_text_file_whose_first_line_is_a_paragraph_has_no_title(tmp_path: Path) -> None:
    """A .txt that starts with its text (a first line longer than any headline) keeps
    it all as body and shows its first sentence, like a record without a title."""
    paragraph = ("Chiều ngày 18/9/2025, Viện kiểm sát nhân dân khu vực 5 đã tổ chức hội nghị "
                 "chuyên đề về nâng cao chất lượng công tác kiểm sát. ") * 4  # fmt: skip
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doan.txt").write_text(paragraph + "\nĐoạn thứ hai.\n", "utf-8")
    (corpus / "mot-dong.txt").write_text(paragraph, "utf-8")
    for name in ("doan.txt", "mot-dong.txt"):
        (article,) = read_file(corpus / name)
        assert article.title == "" and article.body.startswith(paragraph.strip())
    report = sync(corpus, tmp_path / "index")
    assert report.indexed == 2
    hit = Engine(tmp_path / "index").search(build_request("chuyên đề")).hits[0]
    assert not hit.titled and len(hit.title) <= MAX_CHARS and hit.title.startswith("Chiều ngày")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("titleless")
    write_export(base / "corpus")
    report = sync(base / "corpus", base / "index")
    assert report.indexed == 3, report.to_json()
    return base / "index"


def test_the_first_sentence_is_shown_not_indexed_as_title(index: Path) -> None:
    engine = Engine(index)
    results = engine.search(build_request("tuyến giáp"))
    (hit,) = results.hits
    assert hit.id == "hoi-1" and not hit.titled
    shown = "Chào bạn! Người bị bệnh tuyến giáp đã ổn định vẫn có thể tiêm vaccine phòng Covid-19."
    assert hit.title == shown and "<mark>" in hit.title_html
    assert results.to_json()["hits"][0]["title"] == shown
    arrays = engine._current().arrays
    assert arrays.doc_frequency("title", "giáp") == 0 and arrays.doc_frequency("body", "giáp") == 1
    article = engine.article("hoi-1")
    assert article.title == shown and article.body == ANSWER


def test_a_long_first_sentence_is_cut_at_a_word(index: Path) -> None:
    (hit,) = Engine(index).search(build_request("cho con bú")).hits
    assert hit.title.endswith("…") and len(hit.title) <= MAX_CHARS
    assert LONG.startswith(hit.title[:-1]) and LONG[len(hit.title) - 1] == " "


def test_pages_and_exports_show_it(index: Path) -> None:
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    page = client.get("/article/hoi-2").get_data(as_text=True)
    assert "Theo hướng dẫn của Bộ Y tế" in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    api = client.get("/api/search?q=tuyen+giap").json
    assert api["hits"][0]["title"].startswith("Chào bạn! Người bị bệnh tuyến giáp")
    rows = Engine(index).export(build_request("vaccine"))
    titles = {json.loads(line)["title"] for line in to_jsonl(rows)}
    assert "Tiêm vaccine cho người cao tuổi" in titles and "" not in titles
