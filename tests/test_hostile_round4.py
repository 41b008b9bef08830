"""Round four of the hostile pass (issue 23's "attack your own changes"): each test is
a hole found in what the crawler, storage, server, search-page, people and JSON-field
branches merged, written before its fix."""

from __future__ import annotations

import contextlib
import functools
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from searcher.cli import cli
from searcher.crawl import archive
from searcher.crawl.archive import crawl_home
from searcher.crawl.registry import RegistryError, load_sources, parse_sources
from searcher.engine.engine import Engine
from searcher.facts import people
from searcher.index.operations import add, sync
from searcher.query.parse import build_request
from web import create_app

BODY = "Ngày 5/5/2023, VKSND tỉnh Nghệ An tổ chức giao ban lần thứ {n}."


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def titles(index: Path) -> dict[str, str]:
    """id → title of every indexed article (each report of a meeting card too)."""
    hits = Engine(index).search(build_request("", limit=100)).hits
    out = {h.id: h.title for h in hits}
    for h in hits:
        out.update({g["id"]: g["title"] for g in getattr(h, "group", None) or []})
    return out


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def _static(folder: Path) -> Iterator[str]:
    """A local HTTP server of ``folder``'s files (robots.txt: 404, all allowed)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


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


# The registry: TOML can spell nan and inf. A nan delay made every `max(…)` of the
# politeness clock drop it (no delay at all: the site is hammered); inf or nan in a
# count, or a registry that is not UTF-8, ended `crawl` with a traceback.
@pytest.mark.parametrize(
    "line",
    ["delay = nan", "delay = inf", "delay = -inf", "max_pages = inf", "max_pages = nan",
     "known_stop = 1e400", "max_list_pages = -nan"],
)  # fmt: skip
def test_a_registry_number_that_is_not_finite_is_refused(line: str) -> None:
    text = f'[[site]]\nname = "VKSND tỉnh A"\nstart = ["https://a.example/tin"]\n{line}\n'
    with pytest.raises(RegistryError, match="site 1: '"):
        parse_sources(text)


def test_a_registry_that_is_not_utf8_is_one_line(tmp_path) -> None:
    path = tmp_path / "sources.toml"
    path.write_bytes('[[site]]\nname = "VKSND Hà Nam"\n'.encode("cp1258"))
    with pytest.raises(RegistryError, match="UTF-8"):
        load_sources(path)
    corpus, index = setup(tmp_path)
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "--index", str(index), "crawl", "--sources", str(path)]
    )
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "UTF-8" in result.output, result.output


@pytest.mark.parametrize(
    ("option", "value"), [("--delay", "nan"), ("--delay", "inf"), ("--max-seconds", "nan")]
)
def test_crawl_refuses_seconds_that_are_no_limit(tmp_path, option: str, value: str) -> None:
    corpus, index = setup(tmp_path)
    args = ["--corpus", str(corpus), "--index", str(index), "crawl", option, value]
    result = CliRunner().invoke(cli, [*args, "http://127.0.0.1:9/tin"])
    assert result.exit_code == 2, result.output
    assert option in result.output


# "Bản lưu" of a removed article: /ban-luu/<id> served the fetched page (its whole
# text) after `remove` had taken the article out of the index and the corpus.
def test_a_removed_crawled_article_has_no_stored_copy_left_on_the_web(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    ident = "vks.example-0a1b2c3d4e5f"
    page = f"<html><head><title>Hội nghị giao ban</title></head><body><p>{BODY.format(n=7)}</p>"
    (corpus / f"{ident}.html").write_text(page + "</body></html>", encoding="utf-8")
    archive.keep(crawl_home(corpus), ident, page.encode(), "https://vks.example/tin/7", "text/html")
    sync(corpus, index)
    client = create_app({"INDEX_DIR": str(index), "CORPUS_DIR": str(corpus)}).test_client()
    assert client.get(f"/ban-luu/{ident}").status_code == 200
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "--index", str(index), "remove", ident]
    )
    assert result.exit_code == 0, result.output
    client.application.extensions["searcher"].refresh()  # as a server does within seconds
    assert client.get(f"/article/{ident}").status_code == 404
    assert client.get(f"/ban-luu/{ident}").status_code == 404
    assert archive.stored(crawl_home(corpus), ident) is None  # gone from the disk too


# Two reports of one meeting are one card since the groups landed, and `/healthz` and
# `stats` counted cards: a corpus of 3 articles said "articles": 2.
def test_healthz_and_stats_count_articles_not_meeting_cards(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    story = (
        "Ngày 12/3/2024, Viện kiểm sát nhân dân tỉnh Hà Nam tổ chức hội nghị giao ban công "
        "tác quý I. Hội nghị đánh giá kết quả thực hành quyền công tố, kiểm sát điều tra và "
        "kiểm sát xét xử các vụ án hình sự; đồng chí Viện trưởng chủ trì và kết luận hội nghị."
    )
    for n in (1, 2):  # the same report, posted twice with one line of difference
        text = f"VKSND tỉnh Hà Nam giao ban quý I\n\nĐăng lại lần {n}.\n{story}\n"
        (corpus / f"lai_{n}.txt").write_text(text, encoding="utf-8")
    (corpus / "khac.txt").write_text("Giao ban\n\n" + BODY.format(n=9), encoding="utf-8")
    assert sync(corpus, index).indexed == 3
    engine = Engine(index)
    assert engine.search(build_request("", limit=10)).total == 2  # one card per meeting
    assert engine.health()["articles"] == 3
    assert engine.stats()["articles"] == 3
    client = create_app({"INDEX_DIR": str(index)}).test_client()
    assert client.get("/healthz").get_json()["articles"] == 3


# `remove` re-reads the rest of the file, and a record that was never readable there
# (skipped by every sync) made a remove that did its job say "partial" and exit 1.
def test_a_remove_that_did_its_job_is_not_partial_for_an_old_bad_record(tmp_path) -> None:
    corpus, index = setup(tmp_path)
    good = [{"id": f"tin-{n}", "title": "Giao ban", "body": BODY.format(n=n)} for n in (1, 2)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good] + ['{"title": 5}', "không phải JSON"]
    (corpus / "xuat.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(sync(corpus, index).skipped) == 2
    args = ["--corpus", str(corpus), "--index", str(index), "remove", "tin-1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "removed 1" in result.output and "partial" not in result.output
    assert [h.id for h in Engine(index).search(build_request("", limit=10)).hits] == ["tin-2"]
    missing = CliRunner().invoke(cli, [*args[:-1], "tin-9"])  # a real failure still is one
    assert missing.exit_code == 1 and "no article with this id" in missing.output


# Two records of a file with one id are "bao-cao" and "bao-cao~2". Removing the first
# (or a scraper dropping it) handed "bao-cao" to the second: the bookmark of
# "bao-cao~2" broke and "bao-cao" showed another article. A renamed id now follows
# its content, as positional ids do.
@pytest.mark.parametrize("how", ["remove", "edit"])
def test_a_renamed_id_follows_its_record_when_the_first_holder_goes(tmp_path, how) -> None:
    corpus, index = setup(tmp_path)
    first = {"id": "bao-cao", "title": "Giao ban quý I", "body": BODY.format(n=1)}
    second = {"id": "bao-cao", "title": "Giao ban quý II", "body": BODY.format(n=2)}
    path = corpus / "xuat.jsonl"
    path.write_text(jsonl([first, second]), encoding="utf-8")
    sync(corpus, index)
    assert titles(index) == {"bao-cao": "Giao ban quý I", "bao-cao~2": "Giao ban quý II"}
    if how == "remove":
        result = CliRunner().invoke(
            cli, ["--corpus", str(corpus), "--index", str(index), "remove", "bao-cao"]
        )
        assert result.exit_code == 0, result.output
    else:
        path.write_text(jsonl([second]), encoding="utf-8")
        sync(corpus, index)
    assert titles(index) == {"bao-cao~2": "Giao ban quý II"}


# People reading was quadratic: each candidate name searched to the next clause mark,
# to the previous line break and across the gap to the last name found, and each
# "chủ trì" listed every clause before it. 200k characters of "Nguyễn Văn " took 60 s,
# 1 MB would have held the writer lock for half an hour. A guard with a wide margin
# (each runs in seconds now), not a speed target (bench/big_articles.py).
HOSTILE_PEOPLE = [
    "Nguyễn Văn ",
    "Trần Lê Phạm Hoàng ",
    "Đồng chí Nguyễn Văn An, ",
    "chủ trì hội nghị; ",
    "ông Lê Văn A và bà Trần Thị B, ",
]


@pytest.mark.slow
def test_reading_people_of_a_megabyte_of_names_is_bounded() -> None:
    code = (
        "import sys; from searcher.facts.people import read_people\n"
        "for unit in sys.stdin.read().split('|'):\n"
        "    read_people('Hội nghị', (unit * (1_000_000 // len(unit) + 1))[:1_000_000])\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, input="|".join(HOSTILE_PEOPLE), text=True, check=True, timeout=120)


def test_people_are_read_from_a_bounded_head_of_the_text() -> None:
    lead = "Hội nghị do đồng chí Lê Văn An, Viện trưởng VKSND tỉnh Hà Nam chủ trì. "
    late = " Dự có đồng chí Trần Thị Bình, Phó Viện trưởng."
    filler = "nội dung báo cáo " * (people.MAX_PEOPLE_CHARS // 17 + 1)
    found = people.read_people("Giao ban", lead + filler + late)
    assert found.chair is not None and found.chair.name == "Lê Văn An"
    assert found.attendees == []  # named after the head: not read
    assert people.read_people("Giao ban", lead + late).attendees[0].name == "Trần Thị Bình"


# Unit reading was quadratic too: every mention searched its whole line (to the start
# of a text without line breaks) for a site banner and the sentence before it for its
# passage. 400k characters of "Viện kiểm sát nhân dân tỉnh " took 24 s (50k: 0.4 s).
@pytest.mark.slow
def test_reading_units_of_a_megabyte_of_unit_names_is_bounded() -> None:
    code = (
        "from searcher.read.articles import Article\n"
        "from searcher.facts.metadata import extract\n"
        "for unit in ('Viện kiểm sát nhân dân tỉnh ', 'VKSND huyện Đông Hưng, '):\n"
        "    body = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]\n"
        "    extract(Article(id='x', title='Hội nghị', body=body))\n"
    )
    subprocess.run([sys.executable, "-c", code], text=True, check=True, timeout=120)


def test_a_banner_on_the_line_of_a_unit_still_weakens_it() -> None:
    from searcher.facts.metadata import extract
    from searcher.read.articles import Article

    body = (
        "Trang thông tin điện tử VKSND tỉnh Thái Bình\n"
        "Ngày 3/3/2023, VKSND huyện Đông Hưng tổ chức hội nghị giao ban công tác tháng 2."
    )
    assert extract(Article(id="x", title="Giao ban", body=body)).unit == "VKSND huyện Đông Hưng"


# A site that is down (its robots.txt unreachable) was reported as "disallowed by
# robots.txt", in the run's output and in the health table: the admin looks for a
# rule that does not exist instead of a dead server.
def test_a_dead_site_is_not_reported_as_a_robots_rule(tmp_path, free_port) -> None:
    corpus, index = setup(tmp_path)
    args = ["--corpus", str(corpus), "--index", str(index), "crawl", "--delay", "0"]
    result = CliRunner().invoke(cli, [*args, f"http://127.0.0.1:{free_port}/tin/1.html"])
    assert "robots.txt unreadable" in result.output, result.output
    assert "disallowed by robots.txt" not in result.output


# A fetched page with no article text was reported under the crawler's temporary copy
# ("skipped /tmp/searcher-crawl-…/host-….html"), a path that no longer exists: the
# report names the page's address.
def test_a_crawled_page_that_is_skipped_is_named_by_its_address(tmp_path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "trong.html").write_text("<html><head><title></title></head><body></body></html>")
    corpus, index = setup(tmp_path)
    with _static(site) as base:
        args = ["--corpus", str(corpus), "--index", str(index), "crawl", "--delay", "0"]
        result = CliRunner().invoke(cli, [*args, f"{base}/trong.html"])
    assert f"{base}/trong.html" in result.output, result.output
    assert "searcher-crawl-" not in result.output
