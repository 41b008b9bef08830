"""Would a learned meeting-type classifier beat the rules on pages it has not seen?

Per-type logistic regression (numpy, L2) over the rules' own types and the folded words
and word pairs of the title and the lead's first 400 letters; trained on every labelled
set but one and tested on that one, scored on the exact set of types, beside the rules
alone on the same pages. The pages are read from ``../devset/facts`` (outside the
project). Round 17: the model lost on every held set (set P 0.692 against the rules'
0.808), so the extractor keeps its rules.

    .venv/bin/python bench/types_classifier.py [--hold p o m l] [--l2 0.3 1 3]
"""

from __future__ import annotations

import argparse
import glob
import itertools
import json
import re
import tempfile
from pathlib import Path

import numpy as np

from searcher.facts.kinds import MEETING_TYPES
from searcher.facts.metadata import extract
from searcher.read.files import read_file
from searcher.vi.text import fold

DEVSET = Path(__file__).resolve().parent.parent.parent / "devset" / "facts"
Row = tuple[str, set[str], set[str], set[str]]  # set, features, rules' types, labelled types


def read_rows() -> list[Row]:
    rows, seen = [], set()
    for path in sorted(glob.glob(str(DEVSET / "set_*.jsonl"))):
        for line in Path(path).read_text("utf-8").splitlines():
            page = json.loads(line)
            if page["url"] in seen:
                continue
            seen.add(page["url"])
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "p.txt").write_text(page["text"], "utf-8")
                [article] = read_file(Path(tmp) / "p.txt")
            found = extract(article).meeting_types
            words = re.findall(r"[a-z0-9]+", fold(article.title) + " " + fold(article.body[:400]))
            features = {*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))}
            features |= {f"RULE={t}" for t in found} or {"RULE=none"}
            rows.append((Path(path).stem.split("_")[1], features, set(found),
                         set(page["labels"]["meeting_types"])))  # fmt: skip
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 300, rate: float = 0.5):
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        gap = 1 / (1 + np.exp(-(x @ w + b))) - y
        w -= rate * (x.T @ gap / len(y) + l2 * w / len(y))
        b -= rate * gap.mean()
    return w, b


def held_out(rows: list[Row], held: str, l2: float) -> tuple[int, int, int]:
    """(pages, right by the rules, right by the model) on set ``held``."""
    train = [r for r in rows if r[0] != held]
    test = [r for r in rows if r[0] == held]
    vocab = {f: i for i, f in enumerate(sorted({f for r in train for f in r[1]}))}

    def matrix(part: list[Row]) -> np.ndarray:
        x = np.zeros((len(part), len(vocab)))
        for i, r in enumerate(part):
            x[i, [vocab[f] for f in r[1] if f in vocab]] = 1
        return x

    x_train, x_test = matrix(train), matrix(test)
    guessed: list[set[str]] = [set() for _ in test]
    for name in MEETING_TYPES:
        y = np.array([name in r[3] for r in train], dtype=float)
        if y.any():
            w, b = fit(x_train, y, l2)
            for i in np.flatnonzero(x_test @ w + b > 0):
                guessed[i].add(name)
    return (len(test), sum(r[2] == r[3] for r in test),
            sum(g == r[3] for g, r in zip(guessed, test, strict=True)))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", nargs="+", default=["p", "o", "m", "l"])
    parser.add_argument("--l2", nargs="+", type=float, default=[0.3, 1.0, 3.0])
    args = parser.parse_args()
    rows = read_rows()
    for l2 in args.l2:
        for held in args.hold:
            n, rules, model = held_out(rows, held, l2)
            print(f"L2 {l2}: set {held.upper()} ({n} pages) rules {rules / n:.3f}, "
                  f"model {model / n:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
