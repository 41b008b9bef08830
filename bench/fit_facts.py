"""Fit the meeting-date weights (``searcher.facts.when.WEIGHTS``) on the development part.

Reads the labelled pages outside the project (``../devset/facts/set_*.jsonl``, held-out
pages never read), reads every page's date candidates once, then changes one weight at
a time over a small grid (coordinate ascent) while meeting dates right go up by at
least ``MIN_GAIN`` pages. Prints
the fitted table to copy into ``WEIGHTS`` and the score before and after.

    .venv/bin/python bench/fit_facts.py
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.facts import DEFAULT_ROUND, DEVSET, load_pages
from searcher.facts.when import WEIGHTS, choose, read_dates
from searcher.facts.years import title_year
from searcher.read.articles import Article, parse_text

GRID = (-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0)
MIN_GAIN = 2  # pages a change must win: one page is an anecdote, not a weight


def readings(pages: list[dict]) -> list[tuple[list, str | None]]:
    """(viable candidates, labelled meeting date) per page."""
    out = []
    for page in pages:
        article = parse_text(page["text"], "x")
        if not isinstance(article, Article):
            continue
        text = article.title + "\n" + article.body
        reading = read_dates(text, article.published, title_year(article.title), date.today())
        out.append((reading.viable, page["labels"].get("meeting_date")))
    return out


def right(data: list[tuple[list, str | None]], weights: dict[str, float]) -> int:
    n = 0
    for viable, want in data:
        chosen = choose(viable, weights)
        got = chosen.day.isoformat() if chosen and chosen.day else None
        n += got == want
    return n


def fit(data: list, weights: dict[str, float], passes: int = 3) -> dict[str, float]:
    best = dict(weights)
    score = right(data, best)
    for _ in range(passes):
        changed = False
        for name in best:
            for value in GRID:
                trial = {**best, name: value}
                if (s := right(data, trial)) >= score + MIN_GAIN:
                    best, score, changed = trial, s, True
        if not changed:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default=str(DEVSET / "set_*.jsonl"))
    parser.add_argument(
        "--round", type=int, default=DEFAULT_ROUND, help="the split of bench/facts.py"
    )
    args = parser.parse_args()
    data = readings(load_pages(args.files, final=False, round_=args.round))
    fitted = fit(data, WEIGHTS)
    print(f"meeting dates right on {len(data)} development pages: "
          f"{right(data, WEIGHTS)} with WEIGHTS, {right(data, fitted)} fitted")  # fmt: skip
    print("WEIGHTS = {")
    for name, value in fitted.items():
        print(f'    "{name}": {value},')
    print("}")


if __name__ == "__main__":
    main()
