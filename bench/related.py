"""Similar reports and meeting groups at scale (issue 25): time and what they find.

Over a built index (``--index``; e.g. the 35k news index ``bench/speed.py`` builds):
the time to open the groups (once per view), ``Related.similar`` for random articles
(target ≤ 20 ms at 35k), a search with and without one card per meeting, and the
groups found (how many, their sizes, a few pairs to read).

    .venv/bin/python bench/related.py --index /tmp/people35k/index [--write]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import header, percentile, table, write_section


def main() -> None:
    from searcher.engine.engine import Engine
    from searcher.query.parse import build_request

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    engine = Engine(args.index)
    view = engine._current()
    if view is None:
        sys.exit(f"no index at {args.index}")
    started = time.perf_counter()
    related = view.related
    open_ms = (time.perf_counter() - started) * 1000
    live = np.flatnonzero(view.facets.live)
    rng = random.Random(25)
    docs = [int(d) for d in rng.sample(list(live), min(args.samples, len(live)))]
    similar_ms = []
    for d in docs:
        t = time.perf_counter()
        related.similar(d)
        similar_ms.append((time.perf_counter() - t) * 1000)
    article_ms = []
    for d in docs[:100]:
        [stored] = view.stored([d])
        t = time.perf_counter()
        engine.article(stored["id"])
        article_ms.append((time.perf_counter() - t) * 1000)
    queries = ["giao ban", "hội nghị tổng kết", "viện kiểm sát", "tai nạn giao thông", "bóng đá"]
    grouped, flat = [], []
    for _ in range(3):
        for q in queries:
            t = time.perf_counter()
            engine.search(build_request(q, grouped=False))
            flat.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            engine.search(build_request(q))
            grouped.append((time.perf_counter() - t) * 1000)
    labels = related.label[live]
    _, sizes = np.unique(labels, return_counts=True)
    multi = sizes[sizes > 1]
    rows = [
        ["articles", f"{len(live):,}"],
        ["groups opened (LSH, components, leaders), once per view", f"{open_ms:.0f} ms"],
        ["similar reports p50 / p95 / max", f"{percentile(similar_ms, 50):.1f} / "
         f"{percentile(similar_ms, 95):.1f} / {max(similar_ms):.1f} ms"],
        ["whole article (stored fields, group, similar) p50 / p95",
         f"{percentile(article_ms, 50):.1f} / {percentile(article_ms, 95):.1f} ms"],
        ["search p50, one card per meeting / every report",
         f"{percentile(grouped, 50):.1f} / {percentile(flat, 50):.1f} ms"],
        ["groups of 2+ reports (articles in them)", f"{len(multi):,} ({int(multi.sum()):,})"],
        ["largest group", f"{int(sizes.max()) if len(sizes) else 0}"],
    ]  # fmt: skip
    text = table(["what", "value"], rows)
    print(text)
    shown = 0
    for d in live:
        members = related.members(int(d))
        if members and related.leader[d] == d and shown < 8:
            titles = [s["title_text"][:70] for s in view.stored([int(d), *members[:2]])]
            print(" | ".join(titles))
            shown += 1
    if args.write:
        write_section("related", "Similar reports and meeting groups",
                      header(" ".join(sys.argv), f"{len(live):,} articles at {args.index}")
                      + "\n" + text)  # fmt: skip


if __name__ == "__main__":
    main()
