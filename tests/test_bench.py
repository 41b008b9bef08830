"""Smoke runs of every benchmark script on tiny data the tests make (no timing asserted)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import relevance  # noqa: E402
import segmentation  # noqa: E402
import speed  # noqa: E402
from common import table, write_section  # noqa: E402

REFERENCE = Path(__file__).parent / "fixtures" / "pyvi_reference.tsv"


def test_segmentation_scores_pyvi_output_as_nearly_perfect() -> None:
    gold = [line.split("\t")[1] for line in REFERENCE.read_text(encoding="utf-8").splitlines()]
    result = segmentation.evaluate(gold[:40])
    assert result["f1"] > 0.99  # re-joined text re-tokenizes a few punctuation marks
    assert result["syllables_per_s"] > 0


@pytest.fixture
def tiny_alqac(tmp_path: Path) -> Path:
    laws = [
        {"id": "Luật Du lịch", "articles": [
            {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về tài nguyên du lịch."},
            {"id": "2", "text": "Biệt thự du lịch\n\nBiệt thự du lịch là cơ sở lưu trú du lịch."},
        ]},
        {"id": "Luật Hôn nhân và gia đình", "articles": [
            {"id": "31", "text": "Giao dịch liên quan đến nhà là nơi ở duy nhất của vợ chồng."},
        ]},
    ]  # fmt: skip
    (tmp_path / "law.json").write_text(json.dumps(laws, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "train.queries.tsv").write_text(
        "1\tBiệt thự du lịch là cơ sở lưu trú?\n2\tNhà ở duy nhất của vợ chồng\n", encoding="utf-8"
    )
    (tmp_path / "train.qrels.tsv").write_text(
        "1\tLuật Du lịch@2\t1\n2\tLuật Hôn nhân và gia đình@31\t1\n", encoding="utf-8"
    )
    return tmp_path


def test_relevance_runs_all_systems(tiny_alqac: Path) -> None:
    rows, absent, judged, _ = relevance.evaluate(tiny_alqac, "train")
    assert (absent, judged) == (0, 2)
    systems = {(r[0], r[1]) for r in rows}
    assert ("this engine", "accented") in systems and (
        "FTS5 remove_diacritics 2",
        "unaccented",
    ) in systems
    ours = next(r for r in rows if r[:2] == ["this engine", "accented"])
    assert float(ours[2]) == pytest.approx(1.0)  # MRR@10: both relevant articles ranked first


def test_metrics_by_hand() -> None:
    m = relevance.metrics({"q": ["a", "b", "c"]}, {"q": {"b"}}, {"a", "b", "c"})
    assert m["MRR@10"] == pytest.approx(0.5) and m["R@10"] == 1.0


def test_unanswerable_questions_apart() -> None:
    """A question judging only articles the corpus lacks counts 0 in R@10 and is left
    out of the answerable R@10."""
    runs, qrels = {"q": ["a"], "r": ["a"]}, {"q": {"a"}, "r": {"zz"}}
    m = relevance.metrics(runs, qrels, {"a", "b"})
    assert m["R@10"] == 0.5 and m["R@10 answerable"] == 1.0


@pytest.fixture
def tiny_news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl.gz"
    body = "Viện kiểm sát nhân dân tỉnh {p} tổ chức hội nghị giao ban công tác tháng {n}. " * 4
    provinces = ["Thanh Hóa", "Nghệ An", "Thái Bình", "Hà Nội"]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(300):
            p = provinces[i % 4]
            fh.write(json.dumps({"id": str(i), "title": f"Hội nghị giao ban {p} số {i}",
                                 "sapo": "", "body": body.format(p=p, n=i % 12 + 1)},
                                ensure_ascii=False) + "\n")  # fmt: skip
    return path


def test_speed_runs_every_row(tiny_news: Path) -> None:
    records = speed.load_news(tiny_news, 300)
    assert len(records) == 300
    rows = speed.run_size(records, n_queries=10, http_seconds=1)
    names = " ".join(str(r[0]) for r in rows)
    for what in (
        "import a one-file export",
        "peak memory",
        "`rebuild` again, segmentation cache warm",
        "sync: 100 new files (indexed 100)",
        "sync: 10 changed + 10 deleted files (replaced 10, removed 10)",
        "sync: 10 records edited in the export (re-indexed 10, kept 90)",
        "sync: nothing changed",
        "`add` 100 articles, one JSONL (indexed 100, duplicates 0)",
        "search + 4 facet counts, cold",
        "search + 4 facet counts, new",
        "search + 4 facet counts, repeated",
        "pasted 25-word questions",
        "browse",
        "index folder on disk",
        "HTTP /api/search, new queries",
        "PSS of all workers",
    ):
        assert what in names
    http = next(r for r in rows if str(r[0]).startswith("HTTP"))
    assert http[3].startswith("0 errors")


def test_load_script(tiny_news: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--news", str(tiny_news), "--articles",
         "40", "--seconds", "2", "--hostile-seconds", "2", "--rate", "5", "--no-write"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if line.startswith("| normal load")]
    assert len(rows) == 3 and all(row.split("|")[3].strip() == "0" for row in rows)  # no errors
    hostile = next(row for row in rows if "hostile" in row)
    assert ", 0 errors" in hostile and not hostile.split("|")[5].startswith(" 0 hostile")


def test_slow_clients_script(tiny_news: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--slow-clients", "--news",
         str(tiny_news), "--articles", "40", "--seconds", "3", "--rate", "5", "--no-write"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode in (0, 1), out.stderr  # 1: over 3× (seconds are too few to judge)
    rows = [line.split("|") for line in out.stdout.splitlines() if line.startswith("| 300 ")]
    rows += [line.split("|") for line in out.stdout.splitlines() if line.startswith("| 20 ")]
    rows += [line.split("|") for line in out.stdout.splitlines() if line.startswith("| 8 ")]
    assert len(rows) == 4 and all(row[3].strip() == "0" for row in rows)  # every one answered
    assert "× 503" in rows[2][7] and "× 400" in rows[3][7]


def test_report_sections_are_replaced(tmp_path: Path) -> None:
    report = tmp_path / "B.md"
    write_section("x", "Title", table(["a"], [[1]]), report)
    write_section("x", "Title", table(["a"], [[2]]), report)
    text = report.read_text()
    assert text.count("## Title") == 1 and "| 2 |" in text and "| 1 |" not in text


def test_html_shapes_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "html_shapes.py"), "--mb", "0.05", "--no-write"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("| ") >= 16 and "Worst:" in out.stdout


def test_spelling_queries_are_seeded_one_edit_misspellings() -> None:
    import spelling

    titles = ["Hội nghị giao ban công tác kiểm sát", "Phòng chống tham nhũng, tiêu cực",
              "Viện kiểm sát nhân dân tỉnh Thanh Hóa", "Tổng kết công tác năm"] * 30  # fmt: skip
    wrong, right = spelling.make_queries(titles, 20)
    assert (wrong, right) == spelling.make_queries(titles, 20)  # seeded
    assert len(wrong) == len(right) == 20 and {q["half"] for q in wrong} == {"dev", "unseen"}
    for q in wrong:
        accented = spelling.has_diacritics(q["original"])
        assert not spelling.same(q["q"], q["original"], accented) and q["kind"] in spelling.KINDS
        assert len(q["q"].split()) == len(q["original"].split())
    assert all(q["q"] == q["original"] for q in right)


def test_evaluation_table_runs_every_system(tmp_path: Path) -> None:
    pytest.importorskip("bm25s")
    pytest.importorskip("tantivy")
    import evaluate

    dev = evaluate.judged()
    engine = dev.build(tmp_path)
    folded = evaluate.folded_docs(dev.docs)
    baselines = {
        "fts0": relevance.fts_index(dev.docs, 0), "fts2": relevance.fts_index(dev.docs, 2),
        "tantivy": evaluate.Tantivy(dev.docs), "tantivy_f": evaluate.Tantivy(folded),
        "bm25s": evaluate.BM25S(dev.docs, False), "bm25s_f": evaluate.BM25S(dev.docs, True),
        "bm25s_syl": evaluate.BM25S(dev.docs, False, "syllables"),
        "bm25s_syl_f": evaluate.BM25S(dev.docs, True, "syllables"),
    }  # fmt: skip
    rows, figures = evaluate.evaluate(dev, engine, baselines)
    assert [r[1] for r in rows] == ["typed", "stripped"]
    assert set(figures["typed"]) == set(evaluate.SYSTEMS)
    typed = figures["typed"]
    assert typed["this engine"]["MRR@10"] > 0.5 and typed["bm25s words"]["R@100"] > 0


def test_recover_texts_matches_a_labelled_pages_sha1(tmp_path, monkeypatch, capsys) -> None:
    """A page looked up again is kept only when its rebuilt text (title line + excerpt)
    has the label's sha1; a wrong title is refused with the byte count it must have."""
    import hashlib

    import recover_texts

    text = "Hội nghị giao ban quý I\nSáng 5/4/2024, VKSND tỉnh tổ chức giao ban."
    row = {"set": "set_x", "id": "X001", "url": "https://vks.example/1", "labels": {"year": 2024},
           "text_sha1": hashlib.sha1(text.encode()).hexdigest(),
           "text_bytes": len(text.encode())}  # fmt: skip
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "facts_set_x.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    monkeypatch.setattr(recover_texts, "LABELS", tmp_path / "labels")
    monkeypatch.setattr(recover_texts, "DEVSET", tmp_path / "devset")
    cand = tmp_path / "cand.json"
    excerpt = text.split("\n", 1)[1]
    cand.write_text(json.dumps({"url": row["url"], "excerpt": excerpt,
                                "titles": ["Hội nghị giao ban quý 1"]}), "utf-8")  # fmt: skip
    part = tmp_path / "parts" / "part_1.jsonl"
    part.parent.mkdir()
    assert recover_texts.try_candidate("X001", cand, part, force=False) == 1
    assert not part.exists()
    assert "a title line would be 28 bytes" in capsys.readouterr().out
    cand.write_text(json.dumps({"url": row["url"], "excerpt": excerpt,
                                "titles": ["x", "Hội nghị giao ban quý I"]}), "utf-8")  # fmt: skip
    assert recover_texts.try_candidate("X001", cand, part, force=False) == 0
    recover_texts.check(part)
    assert "exact 1, differing 0" in capsys.readouterr().out
    recover_texts.merge(part.parent)
    merged = json.loads((tmp_path / "devset" / "set_x.jsonl").read_text("utf-8"))
    assert merged["text"] == text and merged["labels"] == {"year": 2024}
    capsys.readouterr()
    recover_texts.missing(part.parent, [])
    assert capsys.readouterr().out == ""  # found: no row missing


def test_recover_texts_lists_missing_rows_and_tries_other_spellings(
    tmp_path, monkeypatch, capsys
) -> None:
    """``missing`` names the labelled rows no part holds (of a search's URLs, the labelled
    ones); ``try`` finds a title the site wrote with the old tone placement ("Khánh Hoà")
    from a guess typed with the new one."""
    import hashlib

    import recover_texts

    text = "VKSND tỉnh Khánh Hoà tập huấn\nNgày 3/3/2023, VKSND tỉnh tổ chức tập huấn."
    row = {"set": "set_x", "id": "X002", "url": "https://vks.example/2", "labels": {},
           "text_sha1": hashlib.sha1(text.encode()).hexdigest(),
           "text_bytes": len(text.encode())}  # fmt: skip
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "facts_set_x.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    monkeypatch.setattr(recover_texts, "LABELS", tmp_path / "labels")
    parts = tmp_path / "parts"
    parts.mkdir()
    recover_texts.missing(parts, ["https://other.example/9", "https://vks.example/2/"])
    assert capsys.readouterr().out == f"X002\thttps://vks.example/2\t{row['text_bytes']}\n"
    recover_texts.missing(parts, ["https://other.example/9"])
    assert capsys.readouterr().out == ""
    cand = tmp_path / "cand.json"
    cand.write_text(json.dumps({"url": row["url"], "excerpt": text.split("\n", 1)[1],
                                "titles": ["VKSND tỉnh Khánh Hòa tập huấn"]}), "utf-8")  # fmt: skip
    assert recover_texts.try_candidate("X002", cand, parts / "p.jsonl", force=False) == 0
    written = {unicodedata.normalize("NFC", t) for t in recover_texts.spellings("Quý I, Thanh Hóa")}
    # "quý" keeps its tone: the u is part of "qu"
    assert written == {
        "Quý I, Thanh Hóa",
        "Quý I, Thanh Hoá",
        "QUÝ I, THANH HÓA",
        "QUÝ I, THANH HOÁ",
    }


def test_facts_speed_loads_another_checkout_under_its_own_name(tmp_path: Path) -> None:
    """``facts_speed.py --against`` times a copy of another checkout's extractor in the same
    process: the copy answers as its original does and is a separate package (here the
    project itself, copied)."""
    import facts_speed

    from searcher.facts.metadata import extract
    from searcher.read.articles import parse_text

    page = (ROOT / "corpus" / "002_d2037cb755c08229.txt").read_text("utf-8")
    try:
        other_extract, other_parse, _ = facts_speed.load_other(ROOT, tmp_path)
        theirs = other_extract(other_parse(page, "x"))
        assert other_extract.__module__ == "searcher_other.facts.metadata"
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.split(".")[0] == "searcher_other"]:
            del sys.modules[name]
    ours = extract(parse_text(page, "x"))
    assert (theirs.level, theirs.province, theirs.meeting_date) == (
        ours.level, ours.province, ours.meeting_date)  # fmt: skip
    assert ours.level == "huyện"


def test_the_seeds_read_the_same_written_as_other_sites_write_them() -> None:
    """``bench/facts_invariance.py`` on the five seed articles: every rewrite but the body
    flattened into one paragraph (a header's stamps then run into the lead) leaves their
    facts as they were, and each rewrite changes some seed's text."""
    import facts_invariance

    seeds = [p.read_text("utf-8").partition("\n") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    untouched = []
    for name, (rewrite_title, rewrite_body) in facts_invariance.REWRITES.items():
        if name == "one paragraph":
            continue
        rewritten = 0
        for title, _, body in seeds:
            new_title, new_body = rewrite_title(title), rewrite_body(body)
            rewritten += (new_title, new_body) != (title, body)
            assert facts_invariance.facts(new_title, new_body, None) == facts_invariance.facts(
                title, body, None
            ), (name, title)
        if not rewritten:
            untouched.append(name)
    assert untouched == ["province spellings"]  # no seed spells a province another way
