"""The searcher command through click's CliRunner: every command and option."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from web import cli as cli_module
from web.cli import cli


def run(args: list[str], built=None, **kw):
    prefix = ["--corpus", str(built[0]), "--index", str(built[1])] if built else []
    return CliRunner().invoke(cli, prefix + args, catch_exceptions=False, **kw)


def test_search_text_output(built) -> None:
    r = run(["search", "vien", "kiem", "sat", "thanh", "hoa"], built)
    assert r.exit_code == 0
    assert " results (" in r.output and "Did you mean" not in r.output  # it found its article
    assert "Viện kiểm sát nhân dân tỉnh Thanh Hóa tổ chức Hội nghị" in r.output
    assert "Province (before 1 July 2025):" in r.output and "Year of meeting:" in r.output


def test_search_text_output_closest_and_did_you_mean(built) -> None:
    r = run(["search", "giao", "bam", "zzqq"], built)
    assert r.exit_code == 0 and r.output.startswith("0 results")
    assert "No article holds every word. Closest:" in r.output and "missing: bam, zzqq" in r.output
    r = run(["search", "giao", "bam"], built)
    assert "Nothing matched 'giao bam'; showing results for: giao ban" in r.output
    # the correction's two results leave room: the articles holding "giao" as typed
    typed = r.output.split("Articles holding the words as typed ('giao bam'):")[1]
    assert "missing: bam" in typed
    r = run(["search", "--exact", "giao", "bam"], built)
    assert r.output.startswith("0 results") and "Did you mean: giao ban" in r.output


def test_search_json_with_every_option(built) -> None:
    r = run(
        [
            "search",
            "hội nghị",
            "--province",
            "Thái Bình",
            "--province",
            "thanh hoa",
            "--province-2025",
            "Hưng Yên",
            "--year",
            "2020-2022",
            "--type",
            "tổng kết",
            "--level",
            "tinh",
            "--sort",
            "newest",
            "--page",
            "1",
            "--limit",
            "5",
            "--json",
        ],
        built,
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert [h["id"] for h in data["hits"]] == ["004_f7c25ea428f09783"]
    assert {v["value"] for v in data["facets"]["province"] if v["selected"]} == {
        "Thái Bình",
        "Thanh Hóa",
    }


def test_zero_hits_is_success(built) -> None:
    r = run(["search", "zzzzqqq", "--json"], built)
    assert r.exit_code == 0 and json.loads(r.output)["total"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"giao ban'], "missing closing quote"),
        (["search", "x", "--province", "Atlantis"], "Atlantis"),
        (["search", "x", "--year", "abc"], "not a year"),
        (["search", "x", "--from", "31/02/2023"], "not a date for 'from'"),
        (["search", "x", "--from", "2023-02-01", "--to", "2023-01-01"], "'from' must not be"),
        (["search", "x", "--page", "0"], "page"),
        (["search", "x", "--limit", "5000"], "limit"),
        (["search", "x", "--level", "xã"], "not a valid level"),
    ],
)
def test_query_errors_exit_2(built, args: list[str], message: str) -> None:
    r = run(args, built)
    assert r.exit_code == 2
    assert message in r.stderr and "Traceback" not in r.output


def test_usage_error_exit_2(built) -> None:
    assert run(["search", "--sort", "random"], built).exit_code == 2
    assert run(["nope"], built).exit_code == 2


def test_show(built) -> None:
    r = run(["show", "003_887b564324172e28"], built)
    assert r.exit_code == 0 and "VKSND cấp cao tại Đà Nẵng" in r.output
    data = json.loads(run(["show", "003_887b564324172e28", "--json"], built).output)
    assert data["level"] == "cấp cao" and data["author"] == "Tin và hình: Lê Vũ Phong"
    assert data["body"].startswith("Sáng ngày 04/01/2022")
    explained = json.loads(
        run(["show", "001_19c58e07ec207b15", "--explain", "--json"], built).output
    )
    assert explained["period"]["value"] == "9 tháng 2022"
    assert explained["meeting_date"]["role"].startswith("meeting date")
    assert "Sáng ngày 12/9/2022" in explained["meeting_date"]["from"]
    found = json.loads(run(["search", "--period", "9 tháng", "--json"], built).output)
    assert [h["id"] for h in found["hits"]] == ["001_19c58e07ec207b15"]
    missing = run(["show", "nope"], built)
    assert missing.exit_code == 1 and "no article" in missing.stderr


def test_stats(built) -> None:
    data = json.loads(run(["stats", "--json"], built).output)
    assert data["articles"] == 9 and data["facets"]["province"]["Thái Bình"] == 3
    text = run(["stats"], built).output
    assert "articles: 9" in text and "index size" in text


def test_rebuild_and_add(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hội nghị A\nNội dung báo cáo A.\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"")
    r = run(["--corpus", str(corpus), "--index", str(index), "rebuild", "--json"])
    data = json.loads(r.output)
    assert r.exit_code == 1  # partial: one article skipped
    assert data["indexed"] == 1 and data["skipped"][0]["source"].endswith("bad.txt")
    (corpus / "bad.txt").unlink()
    r = run(["--corpus", str(corpus), "--index", str(index), "rebuild"])
    assert r.exit_code == 0 and r.output.startswith("indexed 1, duplicates 0, skipped 0")
    new = tmp_path / "b.txt"
    new.write_text("Hội nghị B\nNội dung báo cáo B.\n", encoding="utf-8")
    r = run(["--corpus", str(corpus), "--index", str(index), "add", str(new)])
    assert r.exit_code == 0 and "added 1" in r.output
    r = run(["--corpus", str(corpus), "--index", str(index), "add", str(new), "--json"])
    data = json.loads(r.output)  # the same file again: nothing to do
    assert (data["unchanged"], data["indexed"], data["duplicates"]) == (1, 0, [])
    twin = tmp_path / "b-copy.txt"
    twin.write_bytes(new.read_bytes())
    r = run(["--corpus", str(corpus), "--index", str(index), "add", str(twin), "--json"])
    assert json.loads(r.output)["duplicates"] == ["b-copy.txt: same content as 'b'"]
    assert not (corpus / "b-copy.txt").exists()  # a duplicate does not enter the corpus
    r = run(["--corpus", str(corpus), "--index", str(index), "add", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_environment_variables(built) -> None:
    env = {"SEARCHER_INDEX": str(built[1]), "SEARCHER_CORPUS": str(built[0])}
    r = CliRunner().invoke(cli, ["stats", "--json"], env=env)
    assert json.loads(r.output)["articles"] == 9


def test_rebuild_without_corpus(tmp_path: Path) -> None:
    r = run(["--corpus", str(tmp_path / "none"), "--index", str(tmp_path / "i"), "rebuild"])
    assert r.exit_code == 2 and "corpus directory not found" in r.stderr


def test_serve_uses_waitress_on_loopback(built, monkeypatch, free_port: int) -> None:
    seen = {}

    class FakeServer:
        channel_class = None

        def run(self) -> None:
            seen["ran"] = True

    def fake_create_server(app, **kw):
        seen.update(kw, debug=app.debug)
        return FakeServer()

    from web import server

    monkeypatch.setattr(server, "create_server", fake_create_server)
    port = free_port
    r = run(["serve", "--port", str(port), "--workers", "1"], built)
    assert r.exit_code == 0 and seen["ran"]
    [sock] = seen["sockets"]
    assert sock.getsockname() == ("127.0.0.1", port) and seen["debug"] is False
    sock.close()


def test_python_dash_m(built) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "searcher", "--index", str(built[1]), "stats", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["articles"] == 9
    assert cli_module.main is not None


def test_rebuild_if_needed_syncs(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hội nghị A\nNội dung báo cáo A.\n", encoding="utf-8")
    base = ["--corpus", str(corpus), "--index", str(index), "rebuild", "--if-needed"]
    first = run(base)
    assert first.exit_code == 0 and "rebuilding: no index yet" in first.stderr
    second = run(base)
    assert "index is up to date" in second.stderr and "indexed 0" in second.output
    # a new file with an old mtime is still seen: contents are compared, not times
    (corpus / "b.txt").write_text("Hội nghị B\nNội dung báo cáo B.\n", encoding="utf-8")
    os.utime(corpus / "b.txt", (0, 0))
    third = run(base)
    assert "indexed 1, unchanged files 1" in third.output and "full rebuild" not in third.output


def test_long_lists_are_capped_but_every_skipped_article_is_named(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    lines = [json.dumps({"title": f"Tin {n}", "body": "Nội dung."}) for n in range(30)]
    (corpus / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (corpus / "b.jsonl").write_text("\n".join(lines + ["{broken"] * 12), encoding="utf-8")
    r = run(["--corpus", str(corpus), "--index", str(index), "sync"])
    assert r.exit_code == 1
    assert r.stderr.count("duplicate b.jsonl:") == 10
    assert "… and 20 more (duplicate; --json lists all)" in r.stderr
    assert r.stderr.count("skipped b.jsonl:") == 12  # problems are never hidden
    data = json.loads(run(["--corpus", str(corpus), "--index", str(index), "rebuild",
                           "--json"]).output)  # fmt: skip
    assert len(data["duplicates"]) == 30


def test_a_month_stamp_dates_the_day_and_month_and_explain_agrees(tmp_path: Path) -> None:
    """A stamp with a month and no day ("date 2025-05") is no publication date, but it
    dates "Ngày 29-5" (2025-05-29); ``show --explain`` re-reads the same."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "VKSND tỉnh Nghệ An kiểm sát đột xuất tại trại giam\n date 2025-05 Ngày 29-5, VKSND "
        "tỉnh Nghệ An trực tiếp kiểm sát đột xuất tại Trại giam số 3.\n",
        encoding="utf-8",
    )
    built = (corpus, tmp_path / "index")
    assert run(["sync"], built).exit_code == 0
    [hit] = json.loads(run(["search", "kiểm sát đột xuất", "--json"], built).output)["hits"]
    assert (hit["published"], hit["meeting_date"], hit["year"]) == (None, "2025-05-29", 2025)
    explained = json.loads(run(["show", hit["id"], "--explain", "--json"], built).output)
    assert explained["meeting_date"]["value"] == "2025-05-29"
    assert explained["year"]["value"] == 2025 and explained["published"]["value"] is None
