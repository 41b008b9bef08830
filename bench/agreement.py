"""How often two careful labellers agree on a page's facts: the ceiling a figure of
``bench/facts.py`` is read against.

A second labeller, who never saw the first's labels nor the extractor, labelled 48
development pages drawn at random (seed 18) from ``LABEL_GUIDE.md`` alone
(``labels/facts_agreement.jsonl``); each field is compared with the first labels
(``labels/facts_set_*.jsonl``) as ``bench/facts.py`` compares the extractor's. Four of
the 48 pages have labels the guide itself settles (its round notes name them: J038,
N016, H004, I022): counted apart.

    .venv/bin/python bench/agreement.py [--write]
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import header, table, write_section
from bench.facts import FIELDS, want_value

LABELS = Path(__file__).resolve().parent / "labels"
SETTLED_BY_GUIDE = {"J038", "N016", "H004", "I022"}


def load() -> tuple[dict[str, dict], dict[str, dict]]:
    first: dict[str, dict] = {}
    for path in sorted(glob.glob(str(LABELS / "facts_set_*.jsonl"))):
        for line in Path(path).read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                first.setdefault(row["id"], row["labels"])
    second = {}
    for line in (LABELS / "facts_agreement.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            second[row["id"]] = row["labels"]
    return first, second


def agreement(first: dict, second: dict, ids: list[str]) -> dict[str, int]:
    return {name: sum(want_value(first[i], name) == want_value(second[i], name) for i in ids)
            for name in FIELDS}  # fmt: skip


def _share(right: int, n: int) -> str:
    return f"{right}/{n} ({100 * right / n:.1f} %)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the BENCHMARKS.md section")
    args = parser.parse_args()
    first, second = load()
    every = sorted(second)
    free = [i for i in every if i not in SETTLED_BY_GUIDE]
    a, b = agreement(first, second, every), agreement(first, second, free)
    rows = [[name, _share(a[name], len(every)), _share(b[name], len(free))] for name in FIELDS]
    body = header("bench/agreement.py --write", "48 development pages, two labellers") + "\n"
    body += table(["field", "all 48 pages", f"{len(free)} not settled by the guide"], rows)
    differ = [f"{i} {name}: {want_value(first[i], name)!r} / {want_value(second[i], name)!r}"
              for i in every for name in FIELDS
              if want_value(first[i], name) != want_value(second[i], name)]  # fmt: skip
    body += "\nWhere they differ (first / second):\n\n" + "".join(f"- {d}\n" for d in differ)
    print(body)
    if args.write:
        write_section("facts-agreement", "Facts: two labellers on the same pages", body)


if __name__ == "__main__":
    main()
