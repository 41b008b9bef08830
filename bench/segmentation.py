"""Word-segmentation quality and speed of the analysis chain.

P/R/F1 of ``searcher.segment`` against the UD Vietnamese VTB gold segmentation
(read from ../shared, never copied), and syllables per second on one core.

    .venv/bin/python bench/segmentation.py [--gold PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from searcher.segment import model, segment

DEFAULT_GOLD = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/data/segmentation/vi_vtb-ud-test.gold_seg.txt"
)


def spans(words: list[str]) -> set[tuple[int, int]]:
    """Word boundaries as (first syllable, last syllable + 1) index pairs."""
    out, i = set(), 0
    for w in words:
        n = len(w.split("_"))
        out.add((i, i + n))
        i += n
    return out


def evaluate(lines: list[str]) -> dict[str, float]:
    tp = n_pred = n_gold = syllables = 0
    seconds = 0.0
    for line in lines:
        gold = line.split()
        text = " ".join(w.replace("_", " ") for w in gold)
        t0 = time.perf_counter()
        words = segment(text, units=False)
        seconds += time.perf_counter() - t0
        pred = ["_".join(text[s:e] for s, e in w.syllables) for w in words]
        g, p = spans(gold), spans(pred)
        # compare only when both see the same syllables
        if sum(len(w.split("_")) for w in pred) != sum(len(w.split("_")) for w in gold):
            g, p = {(0, 0)}, set()
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
        syllables += len(text.split())
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {
        "sentences": len(lines),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "syllables_per_s": syllables / max(seconds, 1e-9),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    lines = [ln for ln in args.gold.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if args.limit:
        lines = lines[: args.limit]
    t0 = time.perf_counter()
    model()
    load = time.perf_counter() - t0
    r = evaluate(lines)
    print(
        f"segmentation on {args.gold.name} ({r['sentences']} sentences, "
        f"{platform.processor() or platform.machine()}, python {platform.python_version()}): "
        f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}, "
        f"{r['syllables_per_s']:,.0f} syllables/s on one core, model load {load:.2f} s"
    )


if __name__ == "__main__":
    main()
