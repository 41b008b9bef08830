"""Fit the ranking model's weights (``searcher.query.scoring.PARAMS``) by coordinate
ascent on development sets only: ALQAC 2023 ``train`` and ViCoV19QA ``train``
(title-less), a fixed sample of each, accented and stripped of diacritics. The
objective is the mean MRR@10 over the four (set, form) runs, so no one style of
question decides; with ``--recall`` the mean of MRR@10 and R@100 (issue 21 sets a target
on both). Never reads a test or validation split.

    .venv/bin/python bench/fit_ranking.py [--sample 120] [--rounds 1] [--recall] [--only …]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import engine_for, questions, run_engine, sample
from relevance import metrics

from searcher.query import scoring

FIT_ON = ("alqac:train", "vicov:train")
STEPS = {  # candidate values tried for each weight, around the current one
    "max_units": (32, 48, 64, 96),
    "prox_len": (0.5, 0.75, 1.0),
    "proximity": (1.6, 2.5, 4.0, 6.0),
    "share": (0.04, 0.08, 0.15, 0.25),  # MRR ties below 0.15: R@100 decided (0.08)
    "match_a_sentence": (0.0, 0.5, 1.0),
    "prox_sat": (1.0, 5.0, 20.0),
    "w_title": (0.7, 1.0, 1.5),
    "b_body": (0.6, 0.75, 0.9),
    "b_phrase": (0.0, 0.3, 0.6, 0.9),
    "k1_phrase": (0.0, 0.1, 0.3, 0.6, 1.2),  # 0: a flat bonus per field
    "k1": (0.9, 1.2, 1.6),
    "folded": (0.1, 0.2, 0.4),
    "compound": (0.3, 0.6, 1.0),
}


def objective(data: list, recall: bool = False) -> tuple[float, list[float]]:
    scores = []
    for engine, queries, qrels in data:
        for stripped in (False, True):
            runs = run_engine(engine, queries, stripped)
            found = metrics(runs, qrels, set())
            scores.append((found["MRR@10"] + found["R@100"]) / 2 if recall else found["MRR@10"])
    return sum(scores) / len(scores), scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(STEPS),
        default=list(STEPS),
        help="fit these weights only (the others as they are)",
    )
    parser.add_argument("--recall", action="store_true",
                        help="fit the mean of MRR@10 and R@100, not MRR@10 alone")  # fmt: skip
    args = parser.parse_args()
    data = []
    for key in FIT_ON:
        queries, qrels = questions(key)
        queries = sample(queries, args.sample)
        data.append((engine_for(key.split(":")[0]), queries, {q: qrels[q] for q in queries}))
    best, parts = objective(data, args.recall)
    print(f"start {best:.4f} {[round(p, 3) for p in parts]} {scoring.PARAMS}", flush=True)
    for _ in range(args.rounds):
        for name, values in ((n, STEPS[n]) for n in args.only):
            for value in values:
                if value == scoring.PARAMS[name]:
                    continue
                old = scoring.PARAMS[name]
                scoring.PARAMS[name] = value
                t0 = time.perf_counter()
                score, parts = objective(data, args.recall)
                took = time.perf_counter() - t0
                print(f"  {name}={value}: {score:.4f} {[round(p, 3) for p in parts]} "
                      f"({took:.0f} s)", flush=True)  # fmt: skip
                if score > best + 1e-4:
                    best = score
                else:
                    scoring.PARAMS[name] = old
            print(f"{name} -> {scoring.PARAMS[name]} ({best:.4f})", flush=True)
    print(f"fitted {best:.4f} {scoring.PARAMS}")


if __name__ == "__main__":
    main()
