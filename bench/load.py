"""Load test: /search over HTTP on loopback while `add` keeps adding articles.

A fresh index of N news articles (../shared/data/news) is served by `searcher
serve`; clients send a bounded, rate-limited stream of title queries for the
given time while another process runs `searcher add` batch after batch.
Reported: requests, errors (must be zero), p50/p95/p99, and how many `add`
batches completed meanwhile.

    .venv/bin/python bench/load.py [--articles 2000] [--seconds 60] [--rate 20]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import argv, header, load_loop, serve, table, write_section
from speed import NEWS, load_news, make_queries, write_corpus

from searcher.indexer import rebuild


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20, help="requests per second, total")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    records = load_news(args.news, args.articles + 2000)
    base_records, extra = records[: args.articles], records[args.articles :]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus, index = tmp_path / "corpus", tmp_path / "index"
        write_corpus(base_records, corpus)
        rebuild(corpus, index)
        queries = make_queries(base_records, 300)
        batches = [0]
        stop = threading.Event()

        def adder() -> None:
            n = 0
            while not stop.is_set() and n * 50 < len(extra):
                inbox = tmp_path / f"inbox{n}"
                write_corpus(extra[n * 50 : (n + 1) * 50], inbox)
                subprocess.run(
                    [sys.executable, "-m", "searcher", "--corpus", str(corpus), "--index",
                     str(index), "add", str(inbox)],
                    check=True, capture_output=True,
                )  # fmt: skip
                batches[0] += 1
                n += 1

        with serve(index) as (base, _pid):
            thread = threading.Thread(target=adder)
            started = time.perf_counter()
            thread.start()
            result = load_loop(base, queries, args.seconds, args.clients, args.rate)
            stop.set()
            thread.join()
            wall = time.perf_counter() - started
    row = [
        f"{args.seconds:.0f} s at ≤ {args.rate:.0f} req/s, {args.clients} clients",
        f"{result['requests']} ({result['rps']:.1f}/s)",
        str(result["errors"]),
        f"{result['p50']:.0f} / {result['p95']:.0f} / {result['p99']:.0f} ms",
        f"{batches[0]} × 50 articles in {wall:.0f} s",
    ]
    body = header(argv(), f"{args.articles} news articles, then `add` of 50 more per batch")
    body += "\n" + table(["load", "requests", "errors", "p50 / p95 / p99", "add meanwhile"], [row])
    print(body)
    if not args.no_write:
        write_section("load", "Load while adding articles", body)
    if result["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
