"""Measure the function and question words of questions: ``searcher/data/function_words.txt``.

A word of a question is a *function word* when its presence in the question says
little about the answer: it is common in the corpus (low IDF) and the answers to the
questions holding it hold it hardly more often than any article does (lift below
``LIFT``; question words such as "gì", "ai", "không" fall far below 1). Measured on the
development sets' training splits only (ALQAC train, ViCoV19QA train), on canonical
syllables, kept where one corpus finds it common and every set measuring it finds it uninformative.

    .venv/bin/python bench/function_words.py [--write]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import corpus_docs, questions

from searcher.analysis.analyzers import canonical_syllables

OUT = Path(__file__).resolve().parent.parent / "searcher" / "data" / "function_words.txt"
MIN_DOC_SHARE = 0.02  # in at least 2 % of the articles of one corpus (IDF ≤ ~3.9)
MIN_QUESTIONS = 15  # seen in enough questions to measure
MAX_DOC_SHARE = 0.5  # a word measured in one set only: not its domain's own word ("covid")
LIFT = 1.6  # P(in an answer | in the question) / P(in any article) below this


def measure(name: str, split: str) -> dict[str, tuple[float, float, float, int]]:
    """syllable → (share of articles holding it, lift, answer recall, questions)."""
    docs = {d: set(canonical_syllables(f"{t} {b}")) for d, t, b in corpus_docs(name)}
    df = Counter(s for words in docs.values() for s in words)
    n = len(docs)
    queries, qrels = questions(f"{name}:{split}")
    asked: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for qid, text in queries.items():
        answers = [docs[d] for d in qrels.get(qid, ()) if d in docs]
        if not answers:
            continue
        for s in set(canonical_syllables(text)):
            asked[s] += 1
            found[s] += any(s in a for a in answers)
    out = {}
    for s, k in asked.items():
        share = df[s] / n
        recall = found[s] / k
        out[s] = (share, recall / max(share, 1e-9), recall, k)
    return out


def function_words() -> list[tuple[str, str]]:
    sets = [measure("alqac", "train"), measure("vicov", "train")]
    words = set().union(*sets)
    kept = []
    for s in sorted(words):
        if not s.isalpha():
            continue
        stats = [m.get(s) for m in sets]
        seen = [x for x in stats if x is not None and x[3] >= MIN_QUESTIONS]
        if not seen or all(x is None or x[0] < MIN_DOC_SHARE for x in stats):
            continue
        domain = len(seen) == 1 and seen[0][0] > MAX_DOC_SHARE
        if all(x[1] < LIFT for x in seen) and not domain:
            why = "; ".join(
                f"df {x[0]:.2f} idf {math.log(1 / x[0]):.1f} lift {x[1]:.2f} recall {x[2]:.2f}"
                for x in seen
            )
            kept.append((s, why))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args()
    kept = function_words()
    for s, why in kept:
        print(f"{s}\t{why}")
    print(f"{len(kept)} function words", file=sys.stderr)
    if args.write:
        head = ("# Function and question words: never required in a query, still scored.\n"
                "# Measured by bench/function_words.py on ALQAC train and ViCoV19QA train\n"
                "# (common in both corpora, and the answers hold them hardly more than any\n"
                "# article does). One canonical syllable a line.\n")  # fmt: skip
        OUT.write_text(head + "".join(f"{s}\n" for s, _ in kept), encoding="utf-8")


if __name__ == "__main__":
    main()
