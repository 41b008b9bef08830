"""Known-item search on real news: can a reader find an article again?

For each of N articles drawn from ../shared/data/news/dantri-2019-2021 (indexed,
with the rest of the sample, as one JSONL export by ``searcher sync``), the query
is what a person would type to find it again: 2–5 consecutive words remembered
from its title or its first sentence (the most distinctive such run), typed with
diacritics, without them, and without them with one typo (a letter dropped or two
swapped in one word). The article is the one relevant answer; hits are looked up
by the export's ids. Reported: MRR@10 and success@10, next to SQLite FTS5
(``unicode61``, diacritics kept for accented queries and removed for the others;
any word, bm25) in the same run.

    .venv/bin/python bench/known_item.py [--articles 6000] [--items 500]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, argv, header, table, write_section
from relevance import engine_run, fts_index, fts_run

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.vi.text import fold, strip_diacritics

NEWS = SHARED / "data" / "news" / "dantri-2019-2021.jsonl.gz"
WORD = re.compile(r"[^\W\d_]+")


def load(path: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("title") and len(d.get("body") or "") >= 300:
                out.append({"id": d["id"], "title": d["title"], "body": d["body"]})
            if len(out) >= n:
                break
    return out


def remembered(record: dict, df: Counter, n_docs: int, rng: random.Random) -> str:
    """2–5 consecutive words of the title or first sentence, the rarest such run."""
    source = record["title"] if rng.random() < 0.6 else re.split(r"[.!?]\s", record["body"])[0]
    words = WORD.findall(source) or WORD.findall(record["title"])
    k = min(rng.randint(2, 5), len(words))
    best, best_score = words[:k], -1.0
    for i in range(len(words) - k + 1):
        run = words[i : i + k]
        score = sum(math.log(n_docs / (1 + df[fold(w)])) for w in run) / k
        if score > best_score:
            best, best_score = run, score
    return " ".join(best)


def typo(text: str, rng: random.Random) -> str:
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 4] or [0]
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 1) if len(w) > 2 else 0
    words[i] = (
        w[:j] + w[j + 1 :] if rng.random() < 0.5 else w[:j] + w[j + 1 : j + 2] + w[j] + w[j + 2 :]
    )
    return " ".join(words)


def success(runs: dict[str, list[str]], wanted: dict[str, str]) -> dict[str, float]:
    mrr = hit = 0.0
    for qid, target in wanted.items():
        ranked = runs.get(qid, [])[:10]
        if target in ranked:
            mrr += 1 / (ranked.index(target) + 1)
            hit += 1
    n = max(len(wanted), 1)
    return {"MRR@10": mrr / n, "success@10": hit / n}


def make_queries(records: list[dict], n_items: int) -> dict[str, dict[str, str]]:
    """Query form → {article id: what a reader types to find it again} (seeded)."""
    rng = random.Random(11)
    df: Counter = Counter()
    for r in records:
        df.update({fold(w) for w in WORD.findall(r["title"] + " " + r["body"])})
    items = rng.sample(records, min(n_items, len(records)))
    typed = {r["id"]: remembered(r, df, len(records), rng) for r in items}
    return {
        "with diacritics": typed,
        "without diacritics": {k: strip_diacritics(v) for k, v in typed.items()},
        "without diacritics, one typo": {
            k: typo(strip_diacritics(v), rng) for k, v in typed.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    records = load(args.news, args.articles)
    forms = make_queries(records, args.items)
    typed = forms["with diacritics"]
    items = list(typed)
    wanted = {k: k for k in typed}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        with (corpus / "dantri.jsonl").open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        report = sync(corpus, index)
        if report.renamed or report.indexed + len(report.duplicates) != len(records):
            raise SystemExit(f"news not indexed whole: {report.to_json()}")
        engine = Engine(index)
        docs = [(r["id"], r["title"], r["body"]) for r in records]
        fts = {0: fts_index(docs, 0), 2: fts_index(docs, 2)}
        for label, queries in forms.items():
            ours = success({k: engine_run(engine, q) for k, q in queries.items()}, wanted)
            db = fts[0] if label == "with diacritics" else fts[2]
            theirs = success({k: fts_run(db, q) for k, q in queries.items()}, wanted)
            rows.append([label, f"{ours['MRR@10']:.3f}", f"{ours['success@10']:.3f}",
                         f"{theirs['MRR@10']:.3f}", f"{theirs['success@10']:.3f}"])  # fmt: skip
    examples = ", ".join(f"“{q}”" for q in list(typed.values())[:4])
    body = header(
        argv(), f"{len(records):,} articles of {args.news.name}; {len(items)} known items"
    )
    body += f"\nQueries like {examples}.\n\n"
    body += table(["queries", "MRR@10", "success@10", "FTS5 MRR@10", "FTS5 success@10"], rows)
    print(body)
    if not args.no_write:
        write_section("known_item", "Known-item search: real news", body)


if __name__ == "__main__":
    main()
