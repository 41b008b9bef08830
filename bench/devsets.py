"""The development sets of the ranking model, through the user's path: each corpus
file is indexed by ``sync`` (once, into a cache directory reused between runs), each
question is sent to ``Engine.search`` as written (and stripped of diacritics), hits
are looked up by the corpus's own ids. Side by side with SQLite FTS5 (exact and
folded), as in bench/relevance.py.

Sets: ALQAC 2023 ``train`` / ``private_test`` (2,131 law articles, titled) and
ViCoV19QA ``train`` / ``val`` (4,440 answers, title-less as exported).

    .venv/bin/python bench/devsets.py [--set vicov:val] [--limit N] [--cache DIR]

(Stands in for branch ``rank``'s bench/evaluate.py until that exists.)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED
from relevance import REFUSED, engine_run, fts_index, fts_run, load_laws, load_queries, metrics

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.index.schema import SCHEMA_VERSION
from searcher.vi.text import strip_diacritics

ALQAC = SHARED / "data" / "relevance" / "alqac2023"
VICOV = SHARED / "data" / "relevance" / "vicov19qa"
CACHE = Path("/tmp/vksnd-devsets")
SETS = ("alqac:train", "alqac:private_test", "vicov:train", "vicov:val")


def corpus_docs(name: str) -> list[tuple[str, str, str]]:
    """(id, title, body) of a set's corpus, as its export holds them."""
    if name == "alqac":
        return load_laws(ALQAC)
    docs = []
    for line in (VICOV / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs.append((rec["id"], rec.get("title") or "", rec["body"]))
    return docs


def questions(key: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    name, split = key.split(":")
    return load_queries(ALQAC if name == "alqac" else VICOV, split)


def engine_for(name: str, cache: Path = CACHE) -> Engine:
    """The set's corpus written as one JSONL export (ViCoV19QA: its own file, title-less)
    and indexed by ``sync`` into ``cache`` (reused while the schema is the same)."""
    root = cache / f"{name}-v{SCHEMA_VERSION}"
    corpus, index = root / "corpus", root / "index"
    if not (root / "done").exists():
        corpus.mkdir(parents=True, exist_ok=True)
        with (corpus / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for docid, title, body in corpus_docs(name):
                rec = {"id": docid, "body": body} | ({"title": title} if title else {})
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        sync(corpus, index)
        print(f"{name}: indexed in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        (root / "done").write_text("ok")
    return Engine(index)


def sample(queries: dict[str, str], limit: int, seed: int = 21) -> dict[str, str]:
    if not limit or limit >= len(queries):
        return queries
    keep = sorted(random.Random(seed).sample(sorted(queries), limit))
    return {k: queries[k] for k in keep}


def run_engine(engine: Engine, queries: dict[str, str], stripped: bool) -> dict[str, list[str]]:
    return {
        q: engine_run(engine, strip_diacritics(t) if stripped else t) for q, t in queries.items()
    }


def evaluate(keys: list[str], limit: int = 0, baselines: bool = True) -> list[list[object]]:
    rows = []
    for key in keys:
        name = key.split(":")[0]
        docs = corpus_docs(name)
        held = {d[0] for d in docs}
        engine = engine_for(name)
        queries, qrels = questions(key)
        queries = sample(queries, limit)
        qrels = {q: qrels[q] for q in queries if q in qrels}
        systems = {"this engine": None}
        if baselines:
            fts = {0: fts_index(docs, 0), 2: fts_index(docs, 2)}
            systems |= {"FTS5 exact": fts[0], "FTS5 folded": fts[2]}
        for system, db in systems.items():
            for stripped in (False, True):
                REFUSED.clear()
                t0 = time.perf_counter()
                if db is None:
                    runs = run_engine(engine, queries, stripped)
                else:
                    runs = {q: fts_run(db, strip_diacritics(t) if stripped else t)
                            for q, t in queries.items()}  # fmt: skip
                ms = (time.perf_counter() - t0) * 1000 / max(len(queries), 1)
                m = metrics(runs, qrels, held)
                zero = sum(1 for q in queries if not runs.get(q))
                rows.append([key, system, "stripped" if stripped else "accented",
                             *(f"{m[k]:.3f}" for k in ("MRR@10", "nDCG@10", "R@10", "R@100")),
                             f"{zero / max(len(queries), 1):.3f}", f"{ms:.1f}"])  # fmt: skip
                print(" | ".join(map(str, rows[-1])), file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS)
    parser.add_argument("--limit", type=int, default=0, help="a sample of N questions a set")
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args()
    rows = evaluate(args.set or list(SETS), args.limit, not args.no_baselines)
    head = ["set", "system", "form", "MRR@10", "nDCG@10", "R@10", "R@100", "zero hits", "ms/q"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(map(str, r)) + " |")


if __name__ == "__main__":
    main()
