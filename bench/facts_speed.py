"""Extraction speed: ``extract()`` over real texts, best of 5 rounds.

The texts: 2,000 national news articles (``../shared/data/news/dantri-2019-2021``), the
seeds, the fixtures and the development pages (read from outside the project, never
copied in). Run it with ``PYTHONPATH`` pointing at another checkout to time that one's
extractor on the same texts.

    .venv/bin/python bench/facts_speed.py
    PYTHONPATH=/tmp/old-checkout .venv/bin/python bench/facts_speed.py
    .venv/bin/python bench/facts_speed.py --against /tmp/old-checkout

On a shared machine two runs apart differ by up to 30 % with the same code (session 21:
3.34–4.55 ms an article for one checkout), more than the 10 % budget being checked.
``--against`` times both extractors in one process, in alternating rounds, so both see
the same machine: the other checkout's ``searcher`` is copied under another name
(``searcher_other``, its imports rewritten) and its pages parsed by its own reader.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
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


def parsed(pages: list[str], parse_text, article_type) -> list:
    """The pages as articles, by the given reader (this checkout's or another's)."""
    return [a for i, t in enumerate(pages) if isinstance(a := parse_text(t, f"t{i}"), article_type)]


def one_round(extract, articles: list) -> float:
    """Seconds ``extract`` takes over every article once."""
    start = time.perf_counter()
    for article in articles:
        extract(article)
    return time.perf_counter() - start


def main(rounds: int = 5) -> None:
    from searcher.facts.metadata import extract
    from searcher.read.articles import Article, parse_text

    articles = parsed(texts(), parse_text, Article)
    extract(articles[0])  # the gazetteer and patterns, once
    best = min(one_round(extract, articles) for _ in range(rounds))
    chars = sum(len(a.title) + len(a.body) for a in articles)
    print(f"{len(articles)} articles ({chars / 1e6:.1f} M characters): best of {rounds} "
          f"{best:.2f} s, {best / len(articles) * 1e3:.2f} ms an article")  # fmt: skip


def load_other(checkout: Path, into: Path):
    """The other checkout's ``extract`` and ``parse_text``, from a copy of its package
    named ``searcher_other`` (imports and package data rewritten to that name)."""
    package = into / "searcher_other"
    shutil.copytree(checkout / "searcher", package)
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        text = re.sub(r"\b(from|import) searcher\b", r"\1 searcher_other", text)
        path.write_text(text.replace('files("searcher")', 'files("searcher_other")'), "utf-8")
    sys.path.insert(0, str(into))
    from searcher_other.facts.metadata import extract
    from searcher_other.read.articles import Article, parse_text

    return extract, parse_text, Article


def against(checkout: Path, rounds: int) -> None:
    """This extractor and another checkout's, alternating rounds in one process."""
    from searcher.facts.metadata import extract
    from searcher.read.articles import Article, parse_text

    with tempfile.TemporaryDirectory() as tmp:
        other_extract, other_parse, other_article = load_other(checkout, Path(tmp))
        pages = texts()
        ours = parsed(pages, parse_text, Article)
        theirs = parsed(pages, other_parse, other_article)
        runs = {"this": (extract, ours), "other": (other_extract, theirs)}
        for fn, arts in runs.values():
            fn(arts[0])  # the gazetteer and patterns, once
        best, ratios = {"this": float("inf"), "other": float("inf")}, []
        for r in range(rounds):
            took = {}
            for name in ("other", "this") if r % 2 == 0 else ("this", "other"):
                fn, arts = runs[name]
                took[name] = one_round(fn, arts) / len(arts) * 1e3
                best[name] = min(best[name], took[name])
            ratios.append(took["this"] / took["other"])
            print(f"round {r + 1}: other {took['other']:.2f} ms, this {took['this']:.2f} ms "
                  f"an article, ratio {ratios[-1]:.3f}")  # fmt: skip
        ratios.sort()
        print(f"{len(ours)} articles: best {best['other']:.2f} ms (other) and {best['this']:.2f} "
              f"ms (this), ratio of bests {best['this'] / best['other']:.3f}, median round "
              f"ratio {ratios[len(ratios) // 2]:.3f}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout, timed in alternation")
    parser.add_argument("--rounds", type=int, default=0, help="rounds (5, or 8 with --against)")
    args = parser.parse_args()
    if args.against:
        against(args.against, args.rounds or 8)
    else:
        main(args.rounds or 5)
