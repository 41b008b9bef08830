"""HTML of any shape is read in linear time: 5 MB pages built to hurt a parser.

Each page is 5 MB (the per-article limit) of one adversarial shape — deep nesting,
unclosed tags, a million "<", unclosed comments, declaration soup, huge
attributes — read by ``searcher.read.html.html_to_page`` as ``add`` would. The
target is ≤ 2 s for every shape; the stdlib ``html.parser`` (what the project used
before) is timed beside it on the same pages, up to a 60 s cap.

    .venv/bin/python bench/html_shapes.py [--mb 5] [--no-baseline]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import argv, header, table, write_section

from searcher.read.html import html_to_page

CAP_SECONDS = 60


def shapes(size: int) -> dict[str, str]:
    return {
        "50k+ nested <div> with text": "<div>x" * (size // 6),
        "nested, then all closed": "<div>" * (size // 11) + "x" + "</div>" * (size // 11),
        "unclosed <p> with text": "<p>x" * (size // 4),
        "stray end tags": "</b>" * (size // 4),
        "one tag, huge attributes": "<a " + "x=1 " * (size // 4) + ">t</a>",
        "unclosed comment": "<!--" + "x" * size,
        "a million '<'": "<" * size,
        "declaration soup '<!'": "<!" * (size // 2),
        "processing instructions '<?'": "<?" * (size // 2),
        "unclosed start tags '<a'": "<a" * (size // 2),
        "unclosed attribute value": '<a href="' + "x" * size,
        "entities": "&amp;" * (size // 5),
        "one long paragraph": "<p>" + "chữ " * (size // 5) + "</p>",
        "nested <h1>": "<h1>x" * (size // 5),
        "nested <article>": "<article>x" * (size // 10),
        "unclosed <script> tags": "<script>x" * (size // 9),
    }


def _stdlib(markup: str, out) -> None:
    parser = HTMLParser()
    started = time.perf_counter()
    parser.feed(markup)
    parser.close()
    out.put(time.perf_counter() - started)


def stdlib_seconds(markup: str) -> str:
    """html.parser alone (no collecting), in a child process stopped at the cap."""
    queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_stdlib, args=(markup, queue))
    proc.start()
    proc.join(CAP_SECONDS)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return f"> {CAP_SECONDS} s"
    return f"{queue.get():.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024)
    rows, worst = [], 0.0
    for name, markup in shapes(size).items():
        started = time.perf_counter()
        html_to_page(markup)
        seconds = time.perf_counter() - started
        worst = max(worst, seconds)
        baseline = "—" if args.no_baseline else stdlib_seconds(markup)
        rows.append([name, f"{seconds:.2f} s", baseline])
    body = header(argv(), f"{len(rows)} synthetic pages of {args.mb:g} MB each")
    body += "\n" + table(["shape", "html_to_page", "stdlib html.parser alone"], rows)
    body += f"\nWorst: {worst:.2f} s (target ≤ 2 s per 5 MB page).\n"
    print(body)
    if not args.no_write:
        write_section("html", "HTML of any shape", body)


if __name__ == "__main__":
    main()
