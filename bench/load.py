"""Load test: /search over HTTP on loopback, alone, beside hostile clients, and
while `add` keeps adding articles.

A fresh index of N news articles (../shared/data/news) is served by `searcher
serve`; clients send a bounded, rate-limited stream of title queries. The index is
built with `searcher sync` (or copied from one it built: --reuse); queries are
rarely repeated (20,000 drawn from titles). Three phases: normal load alone;
the same load while two hostile clients send 500-character words, stacked
combining marks and invalid UTF-8 as fast as they can; the same load while
another process runs `searcher add` batch after batch.
Reported per phase: requests, errors (must be zero), p50/p95/p99 of the normal
traffic, and what the hostile clients or `add` did meanwhile.

With --slow-clients, instead: `serve --workers 2` under normal load alone, then beside
each slow-client attack of bench/slow_clients.py (300 idle sockets, 300 header
tricklers, 20 non-reading export clients, 8 repeated-parameter clients), each alone for
--seconds; target: every normal request answered, p95 ≤ 3× the unattacked p95.

    .venv/bin/python bench/load.py [--articles 2000] [--seconds 60] [--rate 20]
    .venv/bin/python bench/load.py --slow-clients --articles 3000 --seconds 30 [--reuse DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, argv, header, load_loop, serve, table, write_section
from known_item import load as load_dantri
from speed import NEWS, load_news, make_queries, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20, help="requests per second, total")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--hostile-seconds", type=float, default=20)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--slow-clients", action="store_true",
                        help="the attacks of bench/slow_clients.py instead")  # fmt: skip
    parser.add_argument("--only", default="", help="with --slow-clients: attacks named so")
    parser.add_argument("--reuse", type=Path, default=None,
                        help="a folder with corpus/ and index/ that `searcher sync` built from "
                        "the first --articles news articles (copied, never changed)")  # fmt: skip
    args = parser.parse_args()
    records = load_news(args.news, args.articles + 2000)
    base_records, extra = records[: args.articles], records[args.articles :]
    other_site = SHARED / "data" / "news" / "dantri-2019-2021.jsonl.gz"
    if len(extra) < 2000 and other_site.exists():  # the export holds no more: another site
        extra += load_dantri(other_site, 2000 - len(extra))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus, index = tmp_path / "corpus", tmp_path / "index"
        if args.reuse:
            shutil.copytree(args.reuse / "corpus", corpus)
            shutil.copytree(args.reuse / "index", index, symlinks=True)
        else:
            write_corpus(base_records, corpus)
            build = [sys.executable, "-m", "searcher", "--corpus", str(corpus), "--index",
                     str(index), "sync"]  # fmt: skip
            subprocess.run(build, check=True, capture_output=True)
        queries = list(dict.fromkeys(make_queries(base_records, 20_000)))  # rarely repeated
        batches = [0]
        stop = threading.Event()

        def adder() -> None:
            n = 0
            while not stop.is_set() and n * 50 < len(extra):
                inbox = tmp_path / f"inbox{n}"
                write_corpus(extra[n * 50 : (n + 1) * 50], inbox, f"batch-{n:03d}.jsonl")
                subprocess.run(
                    [sys.executable, "-m", "searcher", "--corpus", str(corpus), "--index",
                     str(index), "add", str(inbox)],
                    check=True, capture_output=True,
                )  # fmt: skip
                batches[0] += 1
                n += 1

        if args.slow_clients:
            return _slow_clients(index, queries, args)
        with serve(index) as (base, _pid):
            phases = [
                _phase("normal load alone", load_loop(base, queries, args.hostile_seconds,
                                                      args.clients, args.rate), "—"),
            ]  # fmt: skip
            hostile_stop, hostile = threading.Event(), {"requests": 0, "errors": 0}
            attackers = [threading.Thread(target=hostile_client, args=(base, hostile_stop,
                                          hostile, k)) for k in range(2)]  # fmt: skip
            for t in attackers:
                t.start()
            normal = load_loop(base, queries, args.hostile_seconds, args.clients, args.rate)
            hostile_stop.set()
            for t in attackers:
                t.join()
            phases.append(_phase("normal load + 2 hostile clients", normal,
                                 f"{hostile['requests']} hostile requests, "
                                 f"{hostile['errors']} errors"))  # fmt: skip
            thread = threading.Thread(target=adder)
            started = time.perf_counter()
            thread.start()
            result = load_loop(base, queries, args.seconds, args.clients, args.rate)
            stop.set()
            thread.join()
            wall = time.perf_counter() - started
    phases.append(_phase("normal load while adding", result,
                          f"{batches[0]} × 50 articles added in {wall:.0f} s"))  # fmt: skip
    body = header(argv(), f"{args.articles} news articles, then `add` of 50 more per batch")
    body += (
        f"\nNormal load: ≤ {args.rate:.0f} req/s from {args.clients} clients, title queries; "
        f"{args.hostile_seconds:.0f} s per phase ({args.seconds:.0f} s while adding).\n\n"
    )
    body += table(["phase", "requests", "errors", "p50 / p95 / p99", "meanwhile"], phases)
    print(body)
    if not args.no_write:
        write_section("load", "Load: alone, beside hostile clients, while adding", body)
    if result["errors"] or normal["errors"] or hostile["errors"]:
        sys.exit(1)


def _slow_clients(index: Path, queries: list[str], args: argparse.Namespace) -> None:
    from slow_clients import phases

    with serve(index, "--workers", "2") as (base, _pid):
        rows = phases(base, queries, args.seconds, args.clients, args.rate, args.only)
    table_rows = [
        [name, f"{r['requests']} ({r['rps']:.1f}/s)", str(r["errors"]),
         f"{r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f} ms",
         f"{a['p95']:.0f} ms ({a['errors']} errors)", f"{r['p95'] / a['p95']:.2f}×", what]
        for name, a, r, what in rows
    ]  # fmt: skip
    body = header(argv(), f"{args.articles} news articles (../shared/data/news), index in a "
                  "temporary folder; `searcher serve --workers 2` (8 threads each)")  # fmt: skip
    body += (
        f"\nNormal load: ≤ {args.rate:.0f} req/s of title queries from {args.clients} clients. "
        f"Each attack alone, {args.seconds:.0f} s, in its own process started 2 s before the "
        f"normal clients; right before it, {args.seconds:.0f} s of the same normal load "
        "unattacked (the machine is shared: each attack is compared with its own baseline). "
        "Target: 0 errors, p95 ≤ 3× unattacked.\n\n"
    )
    body += table(["attack", "normal requests", "errors", "p50 / p95 / p99",
                   "unattacked p95 just before", "p95 ÷ unattacked",
                   "the attackers meanwhile"], table_rows)  # fmt: skip
    print(body)
    if not args.no_write:
        write_section("load-slow", "Load: slow and hostile clients (issue 23)", body)
    if any(r["errors"] or r["p95"] > 3 * a["p95"] for _, a, r, _ in rows):
        sys.exit(1)


HOSTILE = [
    "x" * 500,
    "a\u0303\u0303" * 150,
    "đ" * 499,
    ("abcdefghijklmnopqrstuvwxyzabcd" + " ") * 16,
    "\u0301" * 450,
]
HOSTILE_RAW = ["%ED%B3%BF" * 100, "%FF%FE" * 150]  # invalid UTF-8: surrogates, stray bytes


def hostile_client(base: str, stop: threading.Event, stats: dict, k: int) -> None:
    """Sends the worst queries as fast as it can; a 500 or a dropped connection is an error."""
    urls = [f"{base}/search?q={urllib.parse.quote(q)}" for q in HOSTILE]
    urls += [f"{base}/api/search?q={raw}" for raw in HOSTILE_RAW]
    i = k
    while not stop.is_set():
        url = urls[i % len(urls)]
        i += 1
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                r.read()
                ok = r.status in (200, 400)
        except urllib.error.HTTPError as exc:
            ok = exc.code == 400
        except OSError:
            ok = False
        stats["requests"] += 1
        stats["errors"] += 0 if ok else 1


def _phase(name: str, r: dict, meanwhile: str) -> list[str]:
    return [name, f"{r['requests']} ({r['rps']:.1f}/s)", str(r["errors"]),
            f"{r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f} ms", meanwhile]  # fmt: skip


if __name__ == "__main__":
    main()
