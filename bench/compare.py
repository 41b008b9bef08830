"""Do two versions of the engine answer the same? A snapshot of every answer
(ids, scores, totals, facets, snippets, suggestions, closest articles) on the
judged set, ALQAC private_test and 300 news queries, and a diff of two snapshots.

Used to prove a change of shape behaviour-preserving: take a snapshot at the old
commit, one at the new, compare. Each corpus goes through ``sync`` like a user's;
queries are sent raw, accented and stripped of diacritics.

    .venv/bin/python bench/compare.py snapshot out.json [--news 3000]
    .venv/bin/python bench/compare.py diff before.json after.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED
from judged import JUDGED, load_queries
from known_item import load, remembered, typo
from relevance import DATA as ALQAC
from relevance import load_laws
from relevance import load_queries as alqac_queries

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import QueryError, build_request
from searcher.vi.text import fold, strip_diacritics

NEWS = SHARED / "data" / "news" / "baomoi-2017.jsonl.gz"


def corpus_engine(records: list[dict], workdir: Path) -> Engine:
    """``records`` as one JSONL export, indexed by ``sync``."""
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True)
    with (corpus / "export.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    sync(corpus, workdir / "index")
    return Engine(workdir / "index")


def answer(engine: Engine, text: str) -> dict:
    """Everything a user sees of one query's first page, as plain data."""
    try:
        r = engine.search(build_request(text, limit=10))
    except QueryError as e:
        return {"error": str(e)}
    return {
        "total": r.total,
        "hits": [[h.id, None if h.score is None else round(h.score, 4)] for h in r.hits],
        "snippets": [h.snippet for h in r.hits],
        "titles": [h.title_html for h in r.hits],
        "facets": {k: [[v.value, v.count] for v in vs] for k, vs in r.facets.items()},
        "suggestion": r.suggestion,
        "corrected": r.corrected,
        "closest": [[h.id, h.missing] for h in r.closest],
    }


def news_queries(records: list[dict], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    df: Counter = Counter()
    for r in records:
        df.update({fold(w) for w in r["body"].split()})
    picked = rng.sample(records, min(n, len(records)))
    out = []
    for i, r in enumerate(picked):
        q = remembered(r, df, len(records), rng)
        out.append(typo(q, rng) if i % 10 == 9 else q)
    return out


def snapshot(path: Path, news: int) -> None:
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        judged = [json.loads(x) for x in (JUDGED / "articles.jsonl").read_text().splitlines() if x]
        sets = [("judged", judged, [q["q"] for q in load_queries()])]
        if ALQAC.exists():
            laws = [{"id": d, "title": t, "body": b} for d, t, b in load_laws(ALQAC)]
            sets.append(("alqac", laws, list(alqac_queries(ALQAC, "private_test")[0].values())))
        if NEWS.exists():
            records = load(NEWS, news)
            sets.append(("news", records, news_queries(records, 300)))
        for name, records, queries in sets:
            engine = corpus_engine(records, work / name)
            for q in queries:
                for form in dict.fromkeys((q, strip_diacritics(q))):
                    out[f"{name}\t{form}"] = answer(engine, form)
            print(f"{name}: {len(records)} articles, {len(queries)} queries", file=sys.stderr)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    keys = sorted(set(a) | set(b))
    parts: Counter = Counter()
    changed = []
    for k in keys:
        if a.get(k) != b.get(k):
            changed.append(k)
            for part in set(a.get(k, {})) | set(b.get(k, {})):
                if a.get(k, {}).get(part) != b.get(k, {}).get(part):
                    parts[part] += 1
    print(f"{len(keys)} answers, {len(changed)} differ")
    for part, n in parts.most_common():
        print(f"  {part}: {n}")
    for k in changed[:20]:
        print("-", k.replace("\t", " | "))
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    snap.add_argument("--news", type=int, default=3000)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out, args.news)
    else:
        raise SystemExit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
