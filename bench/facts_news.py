"""Facts over general news, before and after a change: every difference, to read by hand.

The facts benchmark scores labelled procuracy pages; this one guards the rest of the world.
It reads real news (``../shared/data/news``: the 2,653 national articles of
``dantri-2019-2021``, and of ``baomoi-2017`` the first 2,000 records plus every one that
mentions "kiểm sát"), imports them as the user would (one JSONL export, each record's
title, body, address and date), and writes each article's facts to a JSONL file. ``diff``
prints what changed between two such files, article by article, with its title, so that a
rule that fires on ordinary news (a meeting year 2030, a Party meeting in a football
report) is seen before it lands.

    .venv/bin/python bench/facts_news.py run /tmp/news_before.jsonl
    (change the extractor)
    .venv/bin/python bench/facts_news.py run /tmp/news_after.jsonl
    .venv/bin/python bench/facts_news.py diff /tmp/news_before.jsonl /tmp/news_after.jsonl
    PYTHONPATH=/tmp/old-checkout .venv/bin/python bench/facts_news.py run /tmp/old.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"
FIELDS = ("level", "province", "year", "meeting_date", "meeting_types", "period", "period_year")


def records(first_baomoi: int = 2000) -> Iterator[dict]:
    """The news records checked, as one JSONL export would hand them over."""
    with gzip.open(NEWS / "dantri-2019-2021.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield {k: r[k] for k in ("id", "title", "body", "url", "date") if k in r}
    with gzip.open(NEWS / "baomoi-2017.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            r = json.loads(line)
            body = "\n".join(x for x in (r.get("sapo"), r.get("body")) if x)
            if n < first_baomoi or "kiểm sát" in f"{r['title']} {body}".lower():
                yield {"id": f"baomoi_{r['id']}", "title": r["title"], "body": body,
                       "url": r["url"]}  # fmt: skip


def run(out: Path) -> int:
    from searcher.facts.metadata import extract
    from searcher.read.articles import Article
    from searcher.read.files import read_file

    with tempfile.TemporaryDirectory(prefix="facts-news-") as tmp:
        export = Path(tmp) / "news.jsonl"
        with export.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records())
        articles = [a for a in read_file(export) if isinstance(a, Article)]
    with out.open("w", encoding="utf-8") as fh:
        for article in articles:
            meta = extract(article)
            row = {name: getattr(meta, name, None) for name in FIELDS}
            row["meeting_date"] = row["meeting_date"] and row["meeting_date"].isoformat()
            row["meeting_types"] = sorted(row["meeting_types"] or [])
            fh.write(json.dumps({"id": article.id, "title": article.title, **row},
                                ensure_ascii=False) + "\n")  # fmt: skip
    print(f"{len(articles)} articles → {out}")
    return 0


def diff(before: Path, after: Path) -> int:
    old = {r["id"]: r for r in map(json.loads, before.read_text("utf-8").splitlines())}
    changed = 0
    for line in after.read_text("utf-8").splitlines():
        new = json.loads(line)
        was = old.get(new["id"], {})
        moved = [f"{n}: {was.get(n)!r} → {new[n]!r}" for n in FIELDS if was.get(n) != new[n]]
        if moved:
            changed += 1
            print(f"{new['id']}  {new['title'][:90]}\n    " + "\n    ".join(moved))
    print(f"{changed} of {len(old)} articles changed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run").add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    return run(args.out) if args.command == "run" else diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
