"""One evaluation table: every development set, this engine beside plain baselines.

Rows: ALQAC 2023 train and private_test, vicov19qa train and val (title-less, as
exported), the judged set, known item on news, the spelling set, each as typed and
stripped of diacritics. Columns: this engine through the user's path (corpus file →
``sync`` → ``Engine.search`` with the raw text, hits by the corpus's own ids), FTS5
exact and folded, tantivy, bm25s over pyvi words and over syllables; MRR@10,
nDCG@10, R@10, R@100, this engine's zero-hit rate and its MRR@10 over the best
baseline's (``NOTES`` says exactly how each is run). A question such as "Người đang
cho con bú có được tiêm vaccine Covid-19 không?" is sent to every system as it is.

    .venv/bin/python bench/evaluate.py [--quick] [--sets alqac-train vicov-val …]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
import tantivy
from common import SHARED, argv, header, table, write_section
from judged import JUDGED, load_articles
from judged import build as build_judged
from judged import load_queries as load_judged
from known_item import NEWS as DANTRI
from known_item import load as load_dantri
from known_item import make_queries as known_items
from relevance import DATA as ALQAC
from relevance import REFUSED, build_engine, engine_run, fts_index, fts_run, load_laws, metrics
from relevance import load_queries as load_alqac
from speed import NEWS as BAOMOI
from speed import load_news, write_corpus
from spelling import make_queries as misspelled

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.vi.segment import segment
from searcher.vi.text import canonical, strip_diacritics

VICOV = SHARED / "data" / "relevance" / "vicov19qa"
Docs = list[tuple[str, str, str]]  # (id, title, body)
SYSTEMS = ("this engine", "FTS5 exact", "FTS5 folded", "tantivy", "bm25s words",
           "bm25s syllables")  # fmt: skip
SHOWN = ("MRR@10", "nDCG@10", "R@10", "R@100")


@dataclass
class DevSet:
    name: str
    corpus: str  # key of the corpus: sets over the same texts share one index
    docs: Docs
    build: Callable[[Path], Engine]  # the user's path: corpus files → sync → Engine
    queries: dict[str, str]
    qrels: dict[str, set[str]]


def alqac(split: str) -> DevSet:
    docs = load_laws(ALQAC)
    queries, qrels = load_alqac(ALQAC, split)
    return DevSet(f"ALQAC {split}", "alqac", docs, lambda w: build_engine(docs, w), queries, qrels)


def vicov(split: str) -> DevSet:
    records = [json.loads(line) for line in (VICOV / "corpus.jsonl").open(encoding="utf-8")]
    docs = [(r["id"], r.get("title") or "", r.get("body") or "") for r in records]
    queries, qrels = {}, {}
    for line in (VICOV / f"{split}.queries.tsv").read_text(encoding="utf-8").splitlines():
        qid, text = line.split("\t", 1)
        queries[qid] = text
    for line in (VICOV / f"{split}.qrels.tsv").read_text(encoding="utf-8").splitlines():
        qid, docid, _ = line.split("\t")
        qrels.setdefault(qid, set()).add(docid)

    def build(workdir: Path) -> Engine:  # the export as it is: title-less records
        (workdir / "corpus").mkdir()
        shutil.copy(VICOV / "corpus.jsonl", workdir / "corpus" / "corpus.jsonl")
        report = sync(workdir / "corpus", workdir / "index")
        if report.renamed or report.indexed + len(report.duplicates) != len(records):
            raise SystemExit(f"vicov19qa not indexed whole: {report.to_json()}")
        return Engine(workdir / "index")

    return DevSet(f"vicov19qa {split}", "vicov", docs, build, queries, qrels)


def judged() -> DevSet:
    docs = [(a["id"], a.get("title", ""), a.get("body", "")) for a in load_articles()]
    asked = [q for q in load_judged() if q["relevant"]]  # the others expect nothing
    queries = {str(i): q["q"] for i, q in enumerate(asked)}
    qrels = {str(i): set(q["relevant"]) for i, q in enumerate(asked)}
    return DevSet("judged", "judged", docs, lambda w: build_judged(JUDGED, w), queries, qrels)


def news_set(name: str, records: list[dict], queries: dict[str, str],
             qrels: dict[str, set[str]]) -> DevSet:  # fmt: skip
    docs = [(r["id"], r["title"], r["body"]) for r in records]

    def build(workdir: Path) -> Engine:
        write_corpus(records, workdir / "corpus")
        report = sync(workdir / "corpus", workdir / "index")
        if report.renamed:
            raise SystemExit(f"{name} not indexed whole: {report.to_json()}")
        return Engine(workdir / "index")

    return DevSet(name, name, docs, build, queries, qrels)


def known_item(articles: int, items: int) -> DevSet:
    records = load_dantri(DANTRI, articles)
    typed = known_items(records, items)["with diacritics"]
    return news_set("known item", records, typed, {k: {k} for k in typed})


def spelling(articles: int, n: int) -> DevSet:
    records = load_news(BAOMOI, articles)
    wrong, _ = misspelled([r["title"] for r in records], n)
    queries = {str(i): q["q"] for i, q in enumerate(wrong)}
    qrels = {str(i): {records[q["title"]]["id"]} for i, q in enumerate(wrong)}
    return news_set("spelling", records, queries, qrels)


# -- baselines ----------------------------------------------------------------------
WORD = re.compile(r"\w+")


class Tantivy:
    """tantivy's BM25 over title and body, default tokenizer, any query word."""

    def __init__(self, docs: Docs) -> None:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("docid", stored=True, tokenizer_name="raw")
        builder.add_text_field("title")
        builder.add_text_field("body")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)
        writer = self.index.writer()
        for docid, title, body in docs:
            writer.add_document(tantivy.Document(docid=docid, title=title, body=body))
        writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def run(self, text: str) -> list[str]:
        words = list(dict.fromkeys(WORD.findall(text.lower())))
        if not words:
            return []
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, f, w))
                   for w in words for f in ("title", "body")]  # fmt: skip
        hits = self.searcher.search(tantivy.Query.boolean_query(clauses), 100).hits
        return [self.searcher.doc(address)["docid"][0] for _, address in hits]


def words(text: str, folded: bool) -> list[str]:
    """pyvi words of ``text``, lower case ("kiểm_sát"), stripped of diacritics if asked."""
    out = [canonical(w.text).replace(" ", "_") for w in segment(text, units=False)
           if not w.is_punct]  # fmt: skip
    return [strip_diacritics(w) for w in out] if folded else out


def syllables(text: str, folded: bool) -> list[str]:
    """Lower-case syllables (``\\w+``), stripped of diacritics if asked."""
    out = WORD.findall(canonical(text))
    return [strip_diacritics(w) for w in out] if folded else out


class BM25S:
    """bm25s (Lucene's BM25 variant) over title and body, as pyvi words or syllables."""

    def __init__(self, docs: Docs, folded: bool, unit: str = "words") -> None:
        self.ids, self.folded = [d[0] for d in docs], folded
        self.tokens = words if unit == "words" else syllables
        self.retriever = bm25s.BM25()
        texts = [f"{title}\n{body}" for _, title, body in docs]
        self.retriever.index([self.tokens(t, folded) or ["∅"] for t in texts], show_progress=False)

    def run(self, text: str) -> list[str]:
        query = [w for w in self.tokens(text, self.folded) if w in self.retriever.vocab_dict]
        if not query:
            return []
        k = min(100, len(self.ids))
        found, scores = self.retriever.retrieve([query], k=k, show_progress=False)
        return [self.ids[int(d)] for d, s in zip(found[0], scores[0], strict=True) if s > 0]


def folded_docs(docs: Docs) -> Docs:
    return [(i, strip_diacritics(t), strip_diacritics(b)) for i, t, b in docs]


def evaluate(dev: DevSet, engine: Engine, baselines: dict) -> tuple[list[list[object]], dict]:
    """Rows of the table for one set (typed, stripped), and per-system figures."""
    rows, figures = [], {}
    held = {d[0] for d in dev.docs}
    for form in ("typed", "stripped"):
        queries = dev.queries if form == "typed" else {
            k: strip_diacritics(v) for k, v in dev.queries.items()}  # fmt: skip
        f = "" if form == "typed" else "_f"  # tantivy and bm25s: texts as typed, or stripped
        runners = {
            "this engine": lambda q: engine_run(engine, q),
            "FTS5 exact": lambda q: fts_run(baselines["fts0"], q),
            "FTS5 folded": lambda q: fts_run(baselines["fts2"], q),
            "tantivy": baselines[f"tantivy{f}"].run,
            "bm25s words": baselines[f"bm25s{f}"].run,
            "bm25s syllables": baselines[f"bm25s_syl{f}"].run,
        }
        cells, scores, zero = [], {}, 0
        for name in SYSTEMS:
            REFUSED.clear()
            t0 = time.perf_counter()
            runs = {qid: runners[name](text) for qid, text in queries.items()}
            seconds = time.perf_counter() - t0
            if name == "this engine":
                zero = sum(not r for r in runs.values()) / max(len(runs), 1)
            m = metrics(runs, dev.qrels, held)
            scores[name] = m
            cells.append(" / ".join(f"{m[k]:.3f}" for k in SHOWN))
            print(f"{dev.name} {form} {name}: {cells[-1]} ({seconds:.1f} s)", file=sys.stderr)
        best = max(scores[n]["MRR@10"] for n in SYSTEMS[1:])
        ratio = scores["this engine"]["MRR@10"] / best if best else float("nan")
        rows.append([dev.name, form, len(queries), *cells, f"{zero:.1%}", f"{ratio:.2f}"])
        figures[form] = scores
    return rows, figures


def subsample(dev: DevSet, n: int, seed: int = 5) -> DevSet:
    if not n or len(dev.queries) <= n:
        return dev
    keep = sorted(random.Random(seed).sample(sorted(dev.queries), n))
    dev.queries = {k: dev.queries[k] for k in keep}
    dev.qrels = {k: dev.qrels[k] for k in keep if k in dev.qrels}
    return dev


NOTES = """Cells: MRR@10 / nDCG@10 / R@10 / R@100. *typed*: the questions as written (the
judged set mixes accented, unaccented and misspelt queries; the spelling set is half
typed with diacritics); *stripped*: the same without diacritics (đ→d). This engine:
the corpus file → `sync` → `Engine.search(build_request(raw text, limit=100))`, the
page's hits, then the articles holding some of the words that fill its first page; *zero-hit*:
questions for which the page shows nothing (or that are refused). FTS5: `unicode61`,
`remove_diacritics 0` (exact) or `2` (folded), any word, bm25. tantivy 0.27 (default
tokenizer, title + body, any word) and bm25s 0.3.16 (title + body as pyvi words, or as
syllables) index the texts as given for typed questions and stripped for stripped
ones. *engine / best MRR*: this engine's MRR@10 over the best baseline's in the row.
Sets: ALQAC 2023 (2,131 law articles as one JSONL with titles), vicov19qa (4,440
answers, its `corpus.jsonl` as the corpus file: title-less records), judged
(tests/fixtures/judged, the 69 queries that expect an article), known item (500
items over dantri-2019-2021 articles, bench/known_item.py's queries with diacritics),
spelling (bench/spelling.py's 400 misspelled queries over the first 3,000 baomoi-2017
articles; relevant: the article whose title the words came from).
"""

SETS = {
    "alqac-train": lambda a: alqac("train"),
    "alqac-private_test": lambda a: alqac("private_test"),
    "vicov-train": lambda a: vicov("train"),
    "vicov-val": lambda a: vicov("val"),
    "judged": lambda a: judged(),
    "known-item": lambda a: known_item(3000 if a.quick else 6000, 500),
    "spelling": lambda a: spelling(3000, 400),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument(
        "--quick",
        action="store_true",
        help="at most 200 questions a set, known item over 3,000 articles",
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()  # fmt: skip
    rows, started = [], time.perf_counter()
    engines: dict[str, Engine] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key in args.sets:
            dev = subsample(SETS[key](args), 200 if args.quick else 0)
            if dev.corpus not in engines:
                workdir = Path(tmp) / dev.corpus
                workdir.mkdir()
                t0 = time.perf_counter()
                engines[dev.corpus] = dev.build(workdir)
                print(f"{dev.corpus}: indexed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            folded = folded_docs(dev.docs)
            baselines = {
                "fts0": fts_index(dev.docs, 0), "fts2": fts_index(dev.docs, 2),
                "tantivy": Tantivy(dev.docs), "tantivy_f": Tantivy(folded),
                "bm25s": BM25S(dev.docs, False), "bm25s_f": BM25S(dev.docs, True),
                "bm25s_syl": BM25S(dev.docs, False, "syllables"),
                "bm25s_syl_f": BM25S(dev.docs, True, "syllables"),
            }  # fmt: skip
            rows += evaluate(dev, engines[dev.corpus], baselines)[0]
    minutes = (time.perf_counter() - started) / 60
    quick = " **--quick: at most 200 questions a set (seeded), known item over 3,000 articles**"
    body = header(argv(), "../shared/data (ALQAC 2023, vicov19qa, news) and tests/fixtures/judged")
    body += f"\nWhole run: {minutes:.1f} min.{quick if args.quick else ''}\n\n"
    body += (
        NOTES
        + "\n"
        + table(["set", "questions", "n", *SYSTEMS, "engine zero-hit", "engine / best MRR"], rows)
    )
    print(body)
    if not args.no_write:
        write_section("evaluation", "One evaluation table (issue 21)", body)


if __name__ == "__main__":
    main()
