"""Speed and scale on real news (../shared/data/news/baomoi-2017.jsonl.gz), next to SQLite FTS5.

For each size, through the commands a user runs: the corpus is one JSONL export
imported by ``searcher sync`` (first time: a full build; its peak memory taken
from the kernel), then ``sync`` after 100 new files, after 10 changed and 10
deleted files, after 10 records edited inside the export, and with nothing
changed; ``searcher add`` of 100 new articles; search + facet counts for 300
title queries of 1–4 words (half unaccented), browse + facets, HTTP /search on
loopback under ``searcher serve``, the serving process's RSS, the index size.
FTS5 gets the same tokens (our canonical and folded syllables) and the same facet
values, and answers the same queries with the same GROUP BY counts, in the same run.
The timed searches of each system run in a process of its own that opens only it (as a
server does), not in this one, which holds the whole corpus and both systems.

    .venv/bin/python bench/speed.py [--sizes 3500,35000] [--queries 300] [--http-seconds 10]
                                    [--no-write] [--keep-index DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
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
    process_tree,
    pss_mb,
    rss_mb,
    serve,
    table,
    write_section,
)

from searcher.analysis.analyzers import canonical_syllables, folded_syllables
from searcher.engine.engine import Engine
from searcher.index.batch import metadata_fields
from searcher.index.sizes import index_sizes
from searcher.query.parse import build_request
from searcher.read.articles import Article
from searcher.vi.segment import segment
from searcher.vi.text import strip_diacritics

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


def write_corpus(records: list[dict], corpus: Path, name: str = "news.jsonl") -> Path:
    """The records as one JSONL export, as a website's archive arrives."""
    corpus.mkdir(parents=True, exist_ok=True)
    path = corpus / name
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def searcher_cmd(*args: str) -> tuple[float, int, dict]:
    """Run ``searcher … --json`` as a user would: (seconds, peak RSS MB, its report)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "searcher", *args, "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
    with proc.stdout:
        out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"searcher {' '.join(args)} failed with {proc.returncode}")
    return seconds, usage.ru_maxrss // 1024, json.loads(out)


def sync_rows(corpus: Path, index: Path, export: Path, extra: list[dict]) -> list[list]:
    """sync after new, changed and deleted files, and after records edited in the export."""
    where = ["--corpus", str(corpus), "--index", str(index), "sync"]
    rows = []
    for i, r in enumerate(extra):
        (corpus / f"moi-{i:03d}.txt").write_text(f"{r['title']}\n{r['body']}\n", "utf-8")
    s, _, rep = searcher_cmd(*where)
    rows.append([f"sync: 100 new files (indexed {rep['indexed']})", f"{s:.1f} s", "", ""])
    for i in range(10):
        path = corpus / f"moi-{i:03d}.txt"
        path.write_text(path.read_text("utf-8") + "Cập nhật thêm.\n", "utf-8")
        (corpus / f"moi-{50 + i:03d}.txt").unlink()
    s, _, rep = searcher_cmd(*where)
    rows.append([f"sync: 10 changed + 10 deleted files (replaced {rep['replaced']}, "
                 f"removed {rep['removed']})", f"{s:.1f} s", "", ""])  # fmt: skip
    lines = export.read_text("utf-8").splitlines()
    step = max(1, len(lines) // 10)
    for k in range(10):  # a scraper's next export: ten stories corrected
        rec = json.loads(lines[k * step])
        rec["body"] += " Đã đính chính."
        lines[k * step] = json.dumps(rec, ensure_ascii=False)
    export.write_text("\n".join(lines) + "\n", "utf-8")
    s, _, rep = searcher_cmd(*where)
    rows.append([f"sync: 10 records edited in the export (re-indexed {rep['replaced']}, "
                 f"kept {rep['kept']:,})", f"{s:.1f} s", "", ""])  # fmt: skip
    s, _, rep = searcher_cmd(*where)
    rows.append([f"sync: nothing changed ({rep['unchanged']} files hashed)", f"{s:.1f} s", "", ""])
    return rows


def segmentation_seconds(records: list[dict], passes: int = 3) -> tuple[float, int]:
    """(seconds, syllables) of segmenting every title and body: the median of
    ``passes`` passes (one is a few seconds, short for a shared machine)."""
    times, syllables = [], 0
    for _ in range(passes):
        t0 = time.perf_counter()
        syllables = 0
        for r in records:
            for text in (r["title"], r["body"]):
                words = segment(text)
                syllables += sum(len(w.syllables) for w in words if not w.is_punct)
        times.append(time.perf_counter() - t0)
    return sorted(times)[passes // 2], syllables


def segmentation_rate(records: list[dict], path: Path) -> float:
    """Syllables per second of ``segmentation_seconds`` in a fresh process that holds
    only these articles, as an indexing worker does (in this process, which holds
    the whole benchmark corpus, the same work measured 30 % slower on this machine)."""
    write_corpus(records, path.parent, path.name)
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[2]); import speed; "
        "rs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]; "
        "s, n = speed.segmentation_seconds(rs); print(n / s)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), str(Path(__file__).parent)],
                         check=True, capture_output=True, text=True)  # fmt: skip
    return float(out.stdout.strip())


def make_questions(records: list[dict], n: int, words: int = 25, seed: int = 11) -> list[str]:
    """Pasted questions: ``words`` consecutive words of an article's body, every other
    one stripped of diacritics (as typed on a phone)."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        found = re.findall(r"[^\W\d_]+", rng.choice(records)["body"])
        if len(found) < words:
            continue
        start = rng.randint(0, len(found) - words)
        q = " ".join(found[start : start + words])
        out.append(strip_diacritics(q) if len(out) % 2 else q)
    return out


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
    for i, r in enumerate(records, 1):
        text = r["title"] + "\n" + r["body"]
        rows.append((i, " ".join(canonical_syllables(text)), " ".join(folded_syllables(text))))
        doc = metadata_fields(Article(r["id"], r["title"], r["body"]))
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


def fts_match(q: str) -> str:
    """The FTS5 query for what a user typed: every word, diacritics as typed."""
    from searcher.vi.text import canonical, has_diacritics

    words = [canonical(w) for w in re.findall(r"\w+", q)]
    column = "exact" if has_diacritics(q) else "folded"
    return " AND ".join(f'{column}:"{w}"' for w in words)


def fts_top(db: sqlite3.Connection, q: str, match: str | None = None) -> list[int]:
    """Rowids of FTS5's first page for ``q`` (1-based positions in the records given)."""
    match = fts_match(q) if match is None else match
    if not match:
        return []
    rows = db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (match,))
    return [r[0] for r in rows]


def fts_any(q: str) -> str:
    """The FTS5 query for a pasted question: any of its words (ranked by bm25)."""
    from searcher.vi.text import canonical, has_diacritics

    column = "exact" if has_diacritics(q) else "folded"
    words = dict.fromkeys(canonical(w) for w in re.findall(r"\w+", q))
    return " OR ".join(f'{column}:"{w}"' for w in words)


def fts_query(db: sqlite3.Connection, q: str, match: str | None = None) -> None:
    match = fts_match(q) if match is None else match
    fts_top(db, q, match)
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


PASSES = (
    "cold (first pass after opening)",
    "new (never-seen queries, engine warm)",
    "repeated (the first queries again)",
)


def latency_in_fresh_process(job: dict, system: str, tmp_path: Path) -> dict[str, list[float]]:
    """The timed search passes of ``job`` (its query lists, in order: cold, new, repeated,
    pasted questions, then 50 browses) for ``system`` ("engine" or "fts"), each system
    in a process of its own that holds only it, as a server does. (Timed in this
    process, which holds both systems, the whole corpus and the facts of every article,
    the engine's new queries measured 7.9 / 18.8 ms at 35k against 5–6 / 11–13 ms in a
    process of its own, session 12.)"""
    path = tmp_path / "latency.json"
    path.write_text(json.dumps(job, ensure_ascii=False), "utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]); import speed; "
        "speed.latency_passes(*sys.argv[1:3])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), system, str(Path(__file__).parent)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def latency_passes(job_path: str, system: str) -> None:
    """Print the timings (ms) of every pass of the job as JSON (``latency_in_fresh_process``)."""
    job = json.loads(Path(job_path).read_text("utf-8"))
    if system == "engine":
        engine = Engine(Path(job["index"]))  # opened now: the first pass is cold
        search = lambda q: engine.search(build_request(q))  # noqa: E731
        pasted, browse = search, lambda _: engine.search(build_request(""))
    else:
        db = sqlite3.connect(job["fts"])
        search = lambda q: fts_query(db, q)  # noqa: E731
        pasted, browse = (lambda q: fts_query(db, q, fts_any(q))), (lambda _: fts_browse(db))
    out = {label: timed(search, job[label]) for label in PASSES}
    out["pasted"] = timed(pasted, job["pasted"])
    out["browse"] = timed(browse, range(50))
    print(json.dumps(out))


def http_load(index: Path, queries: list[str], warm: list[str], seconds: float,
              clients: int = 4) -> dict:  # fmt: skip
    """Bounded closed-loop load on loopback against `searcher serve` (its default
    workers), every request a query not sent before: /api/search."""
    with serve(index) as (base, pid):
        result = load_loop(base, queries, seconds, clients, path="/api/search", warm=warm)
        result["rss_mb"] = sum(rss_mb(p) for p in process_tree(pid))
        result["pss_mb"] = pss_mb(pid)
        result["workers"] = len(process_tree(pid)) - 1
    return result


def run_size(records: list[dict], n_queries: int, http_seconds: float,
             keep: Path | None = None) -> list[list[object]]:  # fmt: skip
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        base, extra, fresh = records[:-200], records[-200:-100], records[-100:]
        corpus, index = tmp_path / "corpus", tmp_path / "index"
        export = write_corpus(base, corpus)
        seg_rate = segmentation_rate(base[: min(len(base), 1000)], tmp_path / "seg.jsonl")
        build_s, peak_mb, report = searcher_cmd("--corpus", str(corpus), "--index", str(index),
                                                "sync")  # fmt: skip
        db, fts_s = fts_build(base, tmp_path / "fts.db")
        rows.append(
            [
                f"import a one-file export ({export.stat().st_size / 1e6:.0f} MB JSONL): "
                "first `sync` = full build",
                f"{build_s:.1f} s",
                f"FTS5 insert {fts_s:.1f} s",
                f"{build_s / fts_s:.1f}×",
            ]
        )
        rows.append(["peak memory of that import (largest process)", f"{peak_mb} MB", "", ""])
        again_s, _, _ = searcher_cmd("--corpus", str(corpus), "--index", str(index), "rebuild")
        rows.append(["`rebuild` again, segmentation cache warm", f"{again_s:.1f} s", "",
                     f"{again_s / fts_s:.1f}×"])  # fmt: skip
        rows.append(
            [
                "segmentation alone (1 core, median of 3 passes over 1,000 articles)",
                f"{seg_rate:,.0f} syllables/s",
                "pyvi alone: see note",
                "",
            ]
        )
        rows += sync_rows(corpus, index, export, extra)
        inbox = write_corpus(fresh, tmp_path / "inbox", "new.jsonl")
        add_s, _, added = searcher_cmd("--corpus", str(corpus), "--index", str(index), "add",
                                       str(inbox))  # fmt: skip
        rows.append(
            [f"`add` 100 articles, one JSONL (indexed {added['indexed']}, "
             f"duplicates {len(added['duplicates'])})", f"{add_s:.2f} s", "", ""]
        )  # fmt: skip
        queries = make_queries(base, n_queries)
        seen = set(queries)
        new_queries = [q for q in make_queries(base, n_queries * 2, seed=8) if q not in seen]
        job = {
            "index": str(index),
            "fts": str(tmp_path / "fts.db"),
            "cold (first pass after opening)": queries,
            "new (never-seen queries, engine warm)": new_queries[:n_queries],
            "repeated (the first queries again)": queries,
            "pasted": make_questions(base, min(n_queries, 200)),
        }
        db.close()
        ours, theirs = (latency_in_fresh_process(job, system, tmp_path)
                        for system in ("engine", "fts"))  # fmt: skip
        labels = {label: label for label in PASSES}
        labels["pasted"] = "pasted 25-word questions (new; FTS5: any word)"
        for key, label in labels.items():
            a, b = ours[key], theirs[key]
            rows.append(
                [
                    f"search + 4 facet counts, {label}, p50 / p95",
                    f"{median(a):.1f} / {percentile(a, 95):.1f} ms",
                    f"{median(b):.1f} / {percentile(b, 95):.1f} ms",
                    f"{median(a) / median(b):.2f}× / {percentile(a, 95) / percentile(b, 95):.2f}×",
                ]
            )
        a, b = ours["browse"], theirs["browse"]
        rows.append(
            [
                "browse + 4 facet counts p95",
                f"{percentile(a, 95):.1f} ms",
                f"{percentile(b, 95):.1f} ms",
                f"{percentile(a, 95) / percentile(b, 95):.2f}×",
            ]
        )
        sizes = index_sizes(index)
        fts_size = (tmp_path / "fts.db").stat().st_size
        for label, size in (
            ("index folder on disk (all: served generation, previous one, cache)", sizes["total"]),
            ("served generation (Whoosh + arrays + bookkeeping)", sizes["served"]),
            ("… of which Whoosh", sizes["whoosh"]),
            ("… of which derived arrays", sizes["arrays"]),
            ("segmentation cache", sizes["cache"]),
        ):
            rows.append([label, f"{size / 1e6:.0f} MB", f"{fts_size / 1e6:.0f} MB",
                         f"{size / fts_size:.1f}×"])  # fmt: skip
        if http_seconds > 0:
            unique = list(dict.fromkeys(make_queries(base, 40_000, seed=9)))
            h = http_load(index, [q for q in unique if q not in seen][:30_000], queries[:20],
                          http_seconds)  # fmt: skip
            rows.append(
                [
                    f"HTTP /api/search, new queries, 4 clients, {h['workers']} workers, "
                    f"{http_seconds:.0f} s",
                    f"{h['rps']:.0f} req/s",
                    f"p50 {h['p50']:.0f} ms, p95 {h['p95']:.0f} ms, p99 {h['p99']:.0f} ms",
                    f"{h['errors']} errors / {h['requests']}",
                ]
            )
            rows.append(
                ["serving memory after load: PSS of all workers (RSS summed)",
                 f"{h['pss_mb']} MB ({h['rss_mb']} MB)", "", ""]
            )  # fmt: skip
        print(
            f"import report: indexed {report['indexed']}, skipped {len(report['skipped'])}",
            file=sys.stderr,
        )
        if keep is not None:  # the measured index, to profile afterwards
            shutil.copytree(index, keep / f"index-{len(base)}", symlinks=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3500,35000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--http-seconds", type=float, default=20)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--keep-index", type=Path, help="copy each measured index here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    records = load_news(args.news, max(sizes) + 200)
    body = header(argv(), f"{args.news.name}: articles with ≥ 200 characters of sapo+body")
    for n in sizes:
        subset = records[: n + 200]
        body += f"\n### {len(subset) - 200:,} articles\n\n" + table(
            ["what", "this engine", "SQLite FTS5 (same run)", "ratio"],
            run_size(subset, args.queries, args.http_seconds, args.keep_index),
        )
    print(body)
    if not args.no_write:
        write_section("speed", "Speed and scale: news articles", body)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
