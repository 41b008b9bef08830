"""Speed and scale on real news (../shared/data/news/baomoi-2017.jsonl.gz), next to SQLite FTS5.

For each size: full rebuild (segmentation measured apart), ``add`` of 100 new
articles, search + facet counts for 300 title queries of 1–4 words (half
unaccented), browse + facets, HTTP /search on loopback under ``searcher serve``,
the serving process's RSS, and the index size. FTS5 gets the same tokens (our
canonical and folded syllables) and the same facet values, and answers the same
queries with the same GROUP BY counts, in the same run.

    .venv/bin/python bench/speed.py [--sizes 3500,35000] [--queries 300] [--http-seconds 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    SHARED,
    argv,
    header,
    load_loop,
    median,
    percentile,
    rss_mb,
    serve,
    table,
    write_section,
)

from searcher.analysis import folded_analyzer, syllable_analyzer
from searcher.articles import Article
from searcher.indexer import add, rebuild, to_document
from searcher.query import build_request
from searcher.search import Engine
from searcher.segment import segment
from searcher.store import index_size
from searcher.text import strip_diacritics

NEWS = SHARED / "data" / "news" / "baomoi-2017.jsonl.gz"
FACETS = ("province", "year", "meeting_type", "level")


def load_news(path: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            body = "\n".join(x for x in (d.get("sapo"), d.get("body")) if x)
            if len(body) >= 200 and d.get("title"):
                out.append({"id": f"n{d['id']}", "title": d["title"], "body": body})
            if len(out) >= n:
                break
    return out


def write_corpus(records: list[dict], corpus: Path, chunk: int = 500) -> None:
    corpus.mkdir(parents=True)
    for i in range(0, len(records), chunk):
        with (corpus / f"news-{i // chunk:04d}.jsonl").open("w", encoding="utf-8") as fh:
            for r in records[i : i + chunk]:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def segmentation_seconds(records: list[dict]) -> tuple[float, int]:
    t0 = time.perf_counter()
    syllables = 0
    for r in records:
        for text in (r["title"], r["body"]):
            words = segment(text)
            syllables += sum(len(w.syllables) for w in words if not w.is_punct)
    return time.perf_counter() - t0, syllables


def make_queries(records: list[dict], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    queries = []
    while len(queries) < n:
        words = re.findall(r"[^\W\d_]+", rng.choice(records)["title"])
        if not words:
            continue
        k = rng.randint(1, min(4, len(words)))
        start = rng.randint(0, len(words) - k)
        q = " ".join(words[start : start + k])
        queries.append(strip_diacritics(q) if len(queries) % 2 else q)
    return queries


def fts_build(records: list[dict], path: Path) -> tuple[sqlite3.Connection, float]:
    """FTS5 over the same syllables, plus the same facet values."""
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE d USING fts5(exact, folded, tokenize='unicode61 remove_diacritics 0')"
    )
    db.execute(
        "CREATE TABLE f (rowid INTEGER PRIMARY KEY, province, year, meeting_type, level, sort_date)"
    )
    rows, facets = [], []
    syl, fol = syllable_analyzer(), folded_analyzer()
    for i, r in enumerate(records, 1):
        text = r["title"] + "\n" + r["body"]
        rows.append((i, " ".join(t.text for t in syl(text)), " ".join(t.text for t in fol(text))))
        doc = to_document(Article(r["id"], r["title"], r["body"]), "")
        facets.append(
            (
                i,
                doc.get("province"),
                doc.get("year"),
                doc.get("meeting_type"),
                doc.get("level"),
                doc.get("sort_date"),
            )
        )
    t0 = time.perf_counter()
    db.executemany("INSERT INTO d(rowid, exact, folded) VALUES (?, ?, ?)", rows)
    db.executemany("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)", facets)
    db.commit()
    return db, time.perf_counter() - t0


def fts_query(db: sqlite3.Connection, q: str) -> None:
    from searcher.text import canonical, has_diacritics

    words = [canonical(w) for w in re.findall(r"\w+", q)]
    column = "exact" if has_diacritics(q) else "folded"
    match = " AND ".join(f'{column}:"{w}"' for w in words)
    db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (match,)).fetchall()
    for facet in FACETS:
        db.execute(
            f"SELECT f.{facet}, count(*) FROM d JOIN f ON f.rowid = d.rowid "
            f"WHERE d MATCH ? GROUP BY f.{facet}",
            (match,),
        ).fetchall()


def fts_browse(db: sqlite3.Connection) -> None:
    db.execute("SELECT rowid FROM f ORDER BY sort_date DESC LIMIT 10").fetchall()
    for facet in FACETS:
        db.execute(f"SELECT {facet}, count(*) FROM f GROUP BY {facet}").fetchall()


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def http_load(index: Path, queries: list[str], seconds: float, clients: int = 4) -> dict:
    """Bounded closed-loop load on loopback against `searcher serve`."""
    with serve(index) as (base, pid):
        result = load_loop(base, queries, seconds, clients)
        result["rss_mb"] = rss_mb(pid)
    return result


def run_size(records: list[dict], n_queries: int, http_seconds: float) -> list[list[object]]:
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        extra, base = records[-100:], records[:-100]
        corpus, index = tmp_path / "corpus", tmp_path / "index"
        write_corpus(base, corpus)
        seg_s, syllables = segmentation_seconds(base[: min(len(base), 2000)])
        seg_rate = syllables / seg_s
        t0 = time.perf_counter()
        report = rebuild(corpus, index)
        build_s = time.perf_counter() - t0
        db, fts_s = fts_build(base, tmp_path / "fts.db")
        rows.append(
            [
                "full rebuild (wall, 2 processes)",
                f"{build_s:.1f} s",
                f"FTS5 insert {fts_s:.1f} s",
                f"{build_s / fts_s:.1f}×",
            ]
        )
        rows.append(
            [
                "segmentation alone (1 core)",
                f"{seg_rate:,.0f} syllables/s",
                "pyvi alone: see note",
                "",
            ]
        )
        inbox = tmp_path / "inbox"
        write_corpus(extra, inbox)
        t0 = time.perf_counter()
        added = add([inbox], corpus, index)
        add_s = time.perf_counter() - t0
        rows.append([f"add 100 articles (indexed {added.indexed})", f"{add_s:.2f} s", "", ""])
        engine = Engine(index)
        queries = make_queries(base, n_queries)
        engine.search(build_request(queries[0]))  # open reader, facet arrays
        for _ in range(2):  # warm both systems the same way
            ours = timed(lambda q: engine.search(build_request(q)), queries)
            theirs = timed(lambda q: fts_query(db, q), queries)
        rows.append(
            [
                "search + 4 facet counts p50",
                f"{median(ours):.1f} ms",
                f"{median(theirs):.1f} ms",
                f"{median(ours) / median(theirs):.2f}×",
            ]
        )
        rows.append(
            [
                "search + 4 facet counts p95",
                f"{percentile(ours, 95):.1f} ms",
                f"{percentile(theirs, 95):.1f} ms",
                f"{percentile(ours, 95) / percentile(theirs, 95):.2f}×",
            ]
        )
        browse = timed(lambda _: engine.search(build_request("")), range(50))
        fbrowse = timed(lambda _: fts_browse(db), range(50))
        rows.append(
            [
                "browse + 4 facet counts p95",
                f"{percentile(browse, 95):.1f} ms",
                f"{percentile(fbrowse, 95):.1f} ms",
                f"{percentile(browse, 95) / percentile(fbrowse, 95):.2f}×",
            ]
        )
        db.close()
        size = index_size(index)
        fts_size = (tmp_path / "fts.db").stat().st_size
        rows.append(
            [
                "index size on disk",
                f"{size / 1e6:.0f} MB",
                f"{fts_size / 1e6:.0f} MB",
                f"{size / fts_size:.1f}×",
            ]
        )
        if http_seconds > 0:
            h = http_load(index, queries, http_seconds)
            rows.append(
                [
                    f"HTTP /search, 4 clients, {http_seconds:.0f} s",
                    f"{h['rps']:.0f} req/s",
                    f"p50 {h['p50']:.0f} ms, p95 {h['p95']:.0f} ms, p99 {h['p99']:.0f} ms",
                    f"{h['errors']} errors / {h['requests']}",
                ]
            )
            rows.append(["serving process RSS after load", f"{h['rss_mb']} MB", "", ""])
        print(
            f"rebuild report: indexed {report.indexed}, skipped {len(report.skipped)}",
            file=sys.stderr,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3500,35000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--http-seconds", type=float, default=10)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    records = load_news(args.news, max(sizes) + 100)
    body = header(argv(), f"{args.news.name}: articles with ≥ 200 characters of sapo+body")
    for n in sizes:
        subset = records[: n + 100]
        body += f"\n### {len(subset) - 100:,} articles\n\n" + table(
            ["what", "this engine", "SQLite FTS5 (same run)", "ratio"],
            run_size(subset, args.queries, args.http_seconds),
        )
    print(body)
    if not args.no_write:
        write_section("speed", "Speed and scale: news articles", body)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
