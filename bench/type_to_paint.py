"""Keystroke → painted results in a real browser (issue 25), at 35k news articles.

Headless Chromium (Debian's ``chromium``, driven by Playwright, as the browser tests)
types queries into the search page of ``searcher serve`` over loopback, one key every
``--delay`` ms; the page's own script records a ``type-to-paint`` performance measure
from the keystroke a request answers to the frame after its results are swapped in
(``web/static/app.js``). Half the queries are typed without diacritics. The index is
built from ../shared/data/news (the first 35k articles, as bench/speed.py) unless
``--index`` names one.

    .venv/bin/python bench/type_to_paint.py [--index DIR] [--queries 30] [--delay 150]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import argv, header, median, percentile, serve, table, write_section
from speed import NEWS, load_news, make_queries, write_corpus

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update"]  # fmt: skip


def build_index(n: int, work: Path) -> tuple[Path, list[dict]]:
    records = load_news(NEWS, n)
    corpus, index = work / "corpus", work / "index"
    write_corpus(records, corpus)
    subprocess.run([sys.executable, "-m", "searcher", "--index", str(index), "--corpus",
                    str(corpus), "sync"], check=False, stdout=subprocess.DEVNULL)  # fmt: skip
    return index, records


def type_queries(base: str, queries: list[str], delay: int) -> tuple[list[float], list[float], int]:
    """(every keystroke-to-paint measure, the last keystroke's of each query, keys typed)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    every, final, keys = [], [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.goto(base + "/search?q=kh%E1%BB%9Fi+%C4%91%E1%BB%99ng")  # warm the engine
        for q in queries:
            page.goto(base + "/search")
            page.evaluate("() => performance.clearMeasures()")
            page.locator("#q").press_sequentially(q, delay=delay)
            keys += len(q)
            page.wait_for_function(
                "q => document.getElementById('main').dataset.shown === q", arg=q, timeout=30000
            )
            page.wait_for_timeout(50)  # the measure is taken just after the frame
            measures = page.evaluate(
                "() => performance.getEntriesByName('type-to-paint').map(m => m.duration)"
            )
            every += measures
            final.append(measures[-1])
        browser.close()
    return every, final, keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an index to serve (default: build 35k)")
    parser.add_argument("--articles", type=int, default=35000)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--delay", type=int, default=150, help="ms between keystrokes")
    parser.add_argument("--workers", default="2")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="typing-") as tmp:
        if args.index:
            index, records = args.index, load_news(NEWS, args.articles)
        else:
            index, records = build_index(args.articles, Path(tmp))
        queries = make_queries(records, args.queries, seed=25)
        with serve(index, "--workers", args.workers) as (base, _):
            every, final, keys = type_queries(base, queries, args.delay)
            load = os.getloadavg()[0]
    rows = [
        ["every painted keystroke", len(every), f"{median(every):.1f}",
         f"{percentile(every, 95):.1f}", f"{max(every):.1f}"],
        ["last keystroke of each query", len(final), f"{median(final):.1f}",
         f"{percentile(final, 95):.1f}", f"{max(final):.1f}"],
    ]  # fmt: skip
    body = header(argv(), f"{NEWS.name}: the first {args.articles:,} articles (as bench/speed)")
    body += (
        f"- {len(queries)} queries from titles (half typed without diacritics), {keys} keys,"
        f" one every {args.delay} ms; `searcher serve --workers {args.workers}`, headless"
        " Chromium over loopback; the page waits 40 ms after a keystroke before asking"
        f" (live=1: no did-you-mean while typing); load average {load:.1f} at the end\n\n"
    )
    body += table(["keystroke → painted results (ms)", "n", "p50", "p95", "max"], rows)
    body += "\nTarget: p95 ≤ 150 ms at 35k (issue 25).\n"
    print(body)
    if not args.no_write:
        write_section("typing", "Typing to results in the browser", body)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
