"""Ablation of the ranking model on the development sets only (ALQAC 2023 ``train``
and a fixed sample of ViCoV19QA ``train``, accented and stripped): each named
configuration sets entries of ``searcher.query.scoring.PARAMS`` (the switches back
to the model before issue 21 among them) and reports MRR@10 of the four runs.

    .venv/bin/python bench/ablate_ranking.py [--sample 150] [name=k:v,k:v ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import engine_for, questions, sample
from fit_ranking import FIT_ON, objective

from searcher.query import scoring

CONFIGS = {
    "branch": {},
    "a: every word counts": {"function_words": 0.0},
    "b: idf share 0.25 from 7": {"share": 0.25},
    "c: fixed pair bonus 1.6": {"pair_fixed": 1.0, "proximity": 1.6},
    "a+b": {"function_words": 0.0, "share": 0.25},
    "a+b+c (main)": {"function_words": 0.0, "share": 0.25, "pair_fixed": 1.0, "proximity": 1.6},
}


def parse(spec: str) -> tuple[str, dict[str, float]]:
    name, _, body = spec.partition("=")
    return name, {k: float(v) for k, v in (kv.split(":") for kv in body.split(",") if kv)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=150)
    parser.add_argument("configs", nargs="*")
    args = parser.parse_args()
    configs = dict(map(parse, args.configs)) if args.configs else CONFIGS
    data = []
    for key in FIT_ON:
        queries, qrels = questions(key)
        queries = sample(queries, args.sample)
        data.append((engine_for(key.split(":")[0]), queries, {q: qrels[q] for q in queries}))
    base = dict(scoring.PARAMS)
    print("| configuration | mean | ALQAC acc | ALQAC str | ViCoV acc | ViCoV str |")
    print("|---|---|---|---|---|---|")
    for name, change in configs.items():
        scoring.PARAMS.clear()
        scoring.PARAMS.update(base | change)
        score, parts = objective(data)
        print(f"| {name} | {score:.3f} | " + " | ".join(f"{p:.3f}" for p in parts) + " |",
              flush=True)  # fmt: skip
    scoring.PARAMS.update(base)


if __name__ == "__main__":
    main()
