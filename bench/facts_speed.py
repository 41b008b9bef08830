"""Extraction speed: ``extract()`` over real texts, best of 5 rounds.

The texts: 2,000 national news articles (``../shared/data/news/dantri-2019-2021``), the
seeds, the fixtures and the development pages (read from outside the project, never
copied in). Run it with ``PYTHONPATH`` pointing at another checkout to time that one's
extractor on the same texts.

    .venv/bin/python bench/facts_speed.py
    PYTHONPATH=/tmp/old-checkout .venv/bin/python bench/facts_speed.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.append(str(HERE))

NEWS = HERE.parent / "shared" / "data" / "news" / "dantri-2019-2021.jsonl.gz"
DEVSET = HERE.parent / "devset" / "facts"


def texts(limit: int = 2000) -> list[str]:
    out = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            out.append(f"{record.get('title', '')}\n{record.get('body', '')}")
            if len(out) >= limit:
                break
    out += [p.read_text("utf-8") for p in sorted((HERE / "corpus").glob("*.txt"))]
    for name in ("metadata_cases.jsonl", "metadata_fresh.jsonl", "metadata_patterns.jsonl"):
        path = HERE / "tests" / "fixtures" / name
        if path.exists():
            out += [json.loads(line)["raw"] for line in path.read_text("utf-8").splitlines()]
    for path in sorted(DEVSET.glob("set_*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    return out


def main(rounds: int = 5) -> None:
    from searcher.facts.metadata import extract
    from searcher.read.articles import Article, parse_text

    articles = [
        a for i, t in enumerate(texts()) if isinstance(a := parse_text(t, f"t{i}"), Article)
    ]
    extract(articles[0])  # the gazetteer and patterns, once
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for article in articles:
            extract(article)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(a.title) + len(a.body) for a in articles)
    print(f"{len(articles)} articles ({chars / 1e6:.1f} M characters): best of {rounds} "
          f"{best:.2f} s, {best / len(articles) * 1e3:.2f} ms an article")  # fmt: skip


if __name__ == "__main__":
    main()
