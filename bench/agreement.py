"""How often two careful labellers agree on a page's facts: the ceiling a figure of
``bench/facts.py`` is read against.

Second labellers, who never saw the first labels nor the extractor, labelled pages from
``LABEL_GUIDE.md`` alone; each field is compared with the first labels
(``labels/facts_set_*.jsonl``) as ``bench/facts.py`` compares the extractor's. Two draws:

- ``labels/facts_agreement.jsonl``: 48 development pages of sets C–Q drawn at random
  (seed 18, session 18). Four of them have labels the guide itself settles (its round
  notes name them: J038, N016, H004, I022): counted apart, with the two of the second draw
  the round 32 note settles (W221, Y116).
- ``labels/facts_agreement_2.jsonl``: 60 pages of the later sets T–Y, mostly case news and
  visits, drawn at random (seed 24, session 24) from the 269 not drawn before; two
  labellers of 30 each.

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
# pages whose labels the guide's round notes settle: J038, N016, H004, I022 (session 18);
# W221 and Y116, settled by the round 32 note after the second draw showed them (Y116's
# first label was read to it, so the two now agree by construction)
SETTLED_BY_GUIDE = {"J038", "N016", "H004", "I022", "W221", "Y116"}


DRAWS = (("facts_agreement.jsonl", "sets C–Q"), ("facts_agreement_2.jsonl", "sets T–Y"))


def _labels(path: Path) -> dict[str, dict]:
    """The labels of a JSONL file, by page id (the first row of an id kept)."""
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(row["id"], row["labels"])
    return out


def load() -> tuple[dict[str, dict], list[dict[str, dict]]]:
    """(the first labels by id, each draw's second labels by id)."""
    first: dict[str, dict] = {}
    for path in sorted(glob.glob(str(LABELS / "facts_set_*.jsonl"))):
        first = {**_labels(Path(path)), **first}
    return first, [_labels(LABELS / name) for name, _ in DRAWS]


def agreement(first: dict, second: dict, ids: list[str]) -> dict[str, int]:
    return {name: sum(want_value(first[i], name) == want_value(second[i], name) for i in ids)
            for name in FIELDS}  # fmt: skip


def _share(right: int, n: int) -> str:
    return f"{right}/{n} ({100 * right / n:.1f} %)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the BENCHMARKS.md section")
    args = parser.parse_args()
    first, draws = load()
    second = {i: labels for draw in draws for i, labels in draw.items()}
    every = sorted(second)
    free = [i for i in every if i not in SETTLED_BY_GUIDE]
    titles = [title for _, title in DRAWS]
    groups = [(f"{t} ({len(d)})", sorted(d)) for t, d in zip(titles, draws, strict=True)]
    groups += [(f"all {len(every)}", every), (f"{len(free)} not settled by the guide", free)]
    counts = [agreement(first, second, ids) for _, ids in groups]
    rows = [[name] + [_share(c[name], len(ids)) for c, (_, ids) in zip(counts, groups, strict=True)]
            for name in FIELDS]  # fmt: skip
    corpus = f"{len(every)} development pages in two draws, two labellers on each page"
    body = header("bench/agreement.py --write", corpus) + "\n"
    body += table(["field"] + [title for title, _ in groups], rows)
    differ = [f"{i} {name}: {want_value(first[i], name)!r} / {want_value(second[i], name)!r}"
              for i in every for name in FIELDS
              if want_value(first[i], name) != want_value(second[i], name)]  # fmt: skip
    body += "\nWhere they differ (first / second):\n\n" + "".join(f"- {d}\n" for d in differ)
    print(body)
    if args.write:
        write_section("facts-agreement", "Facts: two labellers on the same pages", body)


if __name__ == "__main__":
    main()
