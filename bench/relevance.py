"""Ranking quality on ALQAC 2023 (read from ../shared), side by side with SQLite FTS5.

The 2,131 law articles are one JSONL export indexed by ``sync``; hits are looked
up by the export's ids. Every judged question is sent to ``Engine.search`` exactly
as written (nothing cleaned: quotes, dashes and colons are the query language's),
and again stripped of diacritics (đ→d), as users type on phones. Reported: MRR@10, nDCG@10,
Recall@10 and Recall@100 for this engine, FTS5 ``unicode61 remove_diacritics 0``
and FTS5 ``remove_diacritics 2``.

    .venv/bin/python bench/relevance.py [--split private_test] [--limit N] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, argv, header, table, write_section

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import QueryError, build_request
from searcher.vi.text import strip_diacritics

DATA = SHARED / "data" / "relevance" / "alqac2023"


def load_laws(data: Path) -> list[tuple[str, str, str]]:
    """(doc id "<law>@<article>", title, text) for every law article."""
    docs = []
    for law in json.loads((data / "law.json").read_text(encoding="utf-8")):
        for art in law["articles"]:
            text = art["text"].strip()
            first = text.split("\n", 1)[0].strip()
            docs.append(
                (f"{law['id']}@{art['id']}", f"{law['id']} Điều {art['id']}. {first}", text)
            )
    return docs


def load_queries(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    queries = {}
    for line in (data / f"{split}.queries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, text = line.split("\t", 1)
            queries[f"{split}:{qid}"] = text
    qrels: dict[str, set[str]] = {}
    for line in (data / f"{split}.qrels.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, docid, _ = line.split("\t")
            qrels.setdefault(f"{split}:{qid}", set()).add(docid)
    return queries, qrels


def build_engine(docs: list[tuple[str, str, str]], workdir: Path) -> Engine:
    """The laws as one JSONL export, indexed by ``sync`` as a user's corpus would be;
    hits are looked up by the ids the export gave ("<law name>@<article id>")."""
    corpus, index_dir = workdir / "corpus", workdir / "index"
    corpus.mkdir()
    with (corpus / "alqac.jsonl").open("w", encoding="utf-8") as fh:
        for docid, title, text in docs:
            fh.write(json.dumps({"id": docid, "title": title, "body": text}, ensure_ascii=False))
            fh.write("\n")
    report = sync(corpus, index_dir)
    if report.indexed != len(docs) or report.renamed:
        raise SystemExit(f"ALQAC corpus not indexed whole: {report.to_json()}")
    return Engine(index_dir)


REFUSED: list[str] = []  # questions the engine answered with an error message


def engine_run(engine: Engine, text: str) -> list[str]:
    """The question exactly as pasted into the search box (quotes, dashes, colons and
    all): a refused one (too long, an unmatched quote) counts as no answer. The ids
    are those of the first page: the results (each card's other reports of the same
    meeting right after it), then the articles holding some of the
    words that the page shows after results that do not fill it (in their place when
    no article holds every word), and after a correction's results, the query's as
    typed."""
    try:
        results = engine.search(build_request(text, limit=100))
    except QueryError:
        REFUSED.append(text)
        return []
    shown = [x for h in results.hits for x in (h.id, *(m.id for m in h.group))]
    return shown + [h.id for h in (*results.closest, *results.as_typed)]  # what the page shows


def fts_index(docs: list[tuple[str, str, str]], remove_diacritics: int) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE d USING fts5(docid UNINDEXED, title, body, "
        f"tokenize='unicode61 remove_diacritics {remove_diacritics}')"
    )
    db.executemany("INSERT INTO d VALUES (?, ?, ?)", docs)
    return db


def fts_run(db: sqlite3.Connection, text: str) -> list[str]:
    words = re.findall(r"\w+", text)
    if not words:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    rows = db.execute(
        "SELECT docid FROM d WHERE d MATCH ? ORDER BY bm25(d) LIMIT 100", (match,)
    ).fetchall()
    return [r[0] for r in rows]


def metrics(runs: dict[str, list[str]], qrels: dict[str, set[str]],
            corpus: set[str]) -> dict[str, float]:  # fmt: skip
    """The usual four over every judged question, and R@10 over the answerable ones
    (those whose judged articles the corpus holds: no system can find the others)."""
    mrr = ndcg = r10 = r100 = r10_answerable = 0.0
    answerable = 0
    for qid, relevant in qrels.items():
        ranked = runs.get(qid, [])
        for rank, docid in enumerate(ranked[:10], 1):
            if docid in relevant:
                mrr += 1 / rank
                break
        dcg = sum(1 / math.log2(r + 1) for r, d in enumerate(ranked[:10], 1) if d in relevant)
        ideal = sum(1 / math.log2(r + 1) for r in range(1, min(len(relevant), 10) + 1))
        ndcg += dcg / ideal
        r10 += len(set(ranked[:10]) & relevant) / len(relevant)
        r100 += len(set(ranked[:100]) & relevant) / len(relevant)
        held = relevant & corpus
        if held:
            answerable += 1
            r10_answerable += len(set(ranked[:10]) & held) / len(held)
    n = max(len(qrels), 1)
    return {"MRR@10": mrr / n, "nDCG@10": ndcg / n, "R@10": r10 / n, "R@100": r100 / n,
            "R@10 answerable": r10_answerable / max(answerable, 1)}  # fmt: skip


def evaluate(data: Path, split: str, limit: int = 0) -> list[list[object]]:
    docs = load_laws(data)
    queries, qrels = load_queries(data, split)
    if limit:
        keep = sorted(queries)[:limit]
        queries = {k: queries[k] for k in keep}
        qrels = {k: qrels[k] for k in keep if k in qrels}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        engine = build_engine(docs, Path(tmp))
        build_s = time.perf_counter() - t0
        fts = {0: fts_index(docs, 0), 2: fts_index(docs, 2)}
        systems = {
            "this engine": lambda q: engine_run(engine, q),
            "FTS5 remove_diacritics 0": lambda q: fts_run(fts[0], q),
            "FTS5 remove_diacritics 2": lambda q: fts_run(fts[2], q),
        }
        for name, run in systems.items():
            for form in ("accented", "unaccented"):
                REFUSED.clear()
                t0 = time.perf_counter()
                runs = {
                    qid: run(text if form == "accented" else strip_diacritics(text))
                    for qid, text in queries.items()
                }
                ms = (time.perf_counter() - t0) * 1000 / max(len(queries), 1)
                m = metrics(runs, qrels, {d[0] for d in docs})
                refused = f" ({len(REFUSED)} refused)" if REFUSED else ""
                rows.append([name, form + refused, *(f"{m[k]:.3f}" for k in m), f"{ms:.1f}"])
    print(f"index build for {len(docs)} law articles: {build_s:.1f} s", file=sys.stderr)
    held = {d[0] for d in docs}
    absent = [q for q, rel in qrels.items() if not rel & held]
    laws = sorted({d.split("@")[0] for q in absent for d in qrels[q]})
    return rows, len(absent), len(qrels), laws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", action="append", choices=["train", "private_test"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N queries")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    splits = args.split or ["private_test", "train"]
    body = header(f"{argv()}", f"ALQAC 2023 law.json (2,131 articles), splits {', '.join(splits)}")
    for split in splits:
        rows, absent, judged, laws = evaluate(args.data, split, args.limit)
        body += f"\n### {split}\n\n" + table(
            ["system", "queries", "MRR@10", "nDCG@10", "R@10", "R@100",
             f"R@10, {judged - absent} answerable", "ms/query"], rows,
        )  # fmt: skip
        if absent:
            body += (
                f"\n{absent} of {judged} questions judge only articles law.json does not "
                f"hold (of {', '.join(laws)}): every system scores 0 on them, so no "
                f"R@10 over all {judged} can pass {(judged - absent) / judged:.3f}; "
                "the answerable column leaves them out.\n"
            )
    print(body)
    if not args.no_write:
        write_section("relevance", "Ranking quality: ALQAC 2023", body)


if __name__ == "__main__":
    main()
