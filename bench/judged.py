"""Short everyday queries over a small archive in the style of procuracy reports,
judged by hand: does the first page hold only what a person would accept?

The archive (24 reports) and the queries (provinces, places, names, meeting
kinds, units, abbreviations, unaccented and misspelt forms), each with the
articles a person would accept, the one that must come first where it matters,
and "only" where any other article on the first page would be nonsense, are the
project's own: ``tests/fixtures/judged/`` (written for it, not copied). Reported:
precision@5, first-hit accuracy and the nonsense rate (queries whose first page
holds an article a person would call wrong), next to SQLite FTS5 over the same
syllables (every word required, diacritics folded for unaccented queries).

    .venv/bin/python bench/judged.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, argv, header, table, write_section
from speed import fts_build, fts_top

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import build_request

JUDGED = ROOT / "tests" / "fixtures" / "judged"


def load_queries(folder: Path = JUDGED) -> list[dict]:
    lines = (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_articles(folder: Path = JUDGED) -> list[dict]:
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build(folder: Path, workdir: Path) -> Engine:
    """The archive as one JSONL export, indexed by ``sync`` (ids as the export gives)."""
    corpus = workdir / "corpus"
    corpus.mkdir()
    (corpus / "judged.jsonl").write_bytes((folder / "articles.jsonl").read_bytes())
    sync(corpus, workdir / "index")
    return Engine(workdir / "index")


def judge(first_page: list[str], query: dict) -> dict:
    relevant = set(query["relevant"])
    first = set(query.get("first") or relevant)
    top5 = first_page[:5]
    wrong = [d for d in first_page if d not in relevant] if query["only"] else []
    if relevant:
        p5 = sum(d in relevant for d in top5) / min(5, len(relevant))
        first_ok = bool(first_page) and first_page[0] in first
    else:  # nothing should be found
        p5 = first_ok = float(not first_page)
    return {"p5": p5, "first_ok": bool(first_ok), "nonsense": bool(wrong), "wrong": wrong}


def engine_page(engine: Engine, q: str) -> list[str]:
    return [h.id for h in engine.search(build_request(q)).hits]


def summary(results: list[dict]) -> dict:
    n = max(len(results), 1)
    return {
        "P@5": sum(r["p5"] for r in results) / n,
        "first hit right": sum(bool(r["first_ok"]) for r in results) / n,
        "nonsense rate": sum(r["nonsense"] for r in results) / n,
    }


def evaluate(folder: Path = JUDGED) -> tuple[dict, dict, list[tuple[str, dict]]]:
    """(our summary, FTS5's, our per-query judgements)."""
    queries = load_queries(folder)
    with tempfile.TemporaryDirectory() as tmp:
        engine = build(folder, Path(tmp))
        ours = [(q["q"], judge(engine_page(engine, q["q"]), q)) for q in queries]
    articles = load_articles(folder)
    with tempfile.TemporaryDirectory() as tmp:
        db, _ = fts_build(articles, Path(tmp) / "fts.db")
        theirs = [judge([articles[i - 1]["id"] for i in fts_top(db, q["q"])], q) for q in queries]
        db.close()
    return summary([r for _, r in ours]), summary(theirs), ours


def main() -> None:
    ours, theirs, judged = evaluate()
    body = header(argv(), f"tests/fixtures/judged: 24 reports, {len(judged)} judged queries")
    body += "\n" + table(
        ["measure", "this engine", "SQLite FTS5 (every word)"],
        [[k, f"{ours[k]:.3f}", f"{theirs[k]:.3f}"] for k in ours],
    )
    misses = [f"“{q}” → wrong: {', '.join(r['wrong'])}" for q, r in judged if r["nonsense"]]
    misses += [f"“{q}” → first hit not the expected one" for q, r in judged if not r["first_ok"]]
    if misses:
        body += "\nWhere this engine fails:\n\n" + "\n".join(f"- {m}" for m in misses) + "\n"
    print(body)
    if "--no-write" not in sys.argv:
        write_section("judged", "Judged short queries: procuracy-style archive", body)


if __name__ == "__main__":
    main()
