"""Word-segmentation quality and speed of the analysis chain.

P/R/F1 of ``searcher.vi.segment`` against the UD Vietnamese VTB gold segmentation
(read from ../shared, never copied), and syllables per second on one core.

    .venv/bin/python bench/segmentation.py [--gold PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import argv, header, table, write_section

from searcher.vi.segment import model, segment

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
    seconds = _steady_seconds(lines, seconds)
    return {
        "sentences": len(lines),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "syllables_per_s": syllables / max(seconds, 1e-9),
    }


def _steady_seconds(lines: list[str], first: float, passes: int = 5) -> float:
    """The median time of several passes over the sentences (the first pass included):
    one pass takes a tenth of a second, too short to say much on a shared machine."""
    times = [first]
    texts = [" ".join(w.replace("_", " ") for w in line.split()) for line in lines]
    for _ in range(passes - 1):
        t0 = time.perf_counter()
        for text in texts:
            segment(text, units=False)
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    lines = [ln for ln in args.gold.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if args.limit:
        lines = lines[: args.limit]
    t0 = time.perf_counter()
    model()
    load = time.perf_counter() - t0
    r = evaluate(lines)
    body = header(argv(), f"{args.gold.name} ({r['sentences']} sentences, gold UD segmentation)")
    body += "\n" + table(
        ["segmenter", "P", "R", "F1", "syllables/s (1 core, median of 5 passes)", "model load"],
        [
            [
                "searcher.vi.segment (pyvi 0.1.1 model via python-crfsuite)",
                f"{r['precision']:.3f}",
                f"{r['recall']:.3f}",
                f"{r['f1']:.3f}",
                f"{r['syllables_per_s']:,.0f}",
                f"{load:.2f} s",
            ]
        ],
    )
    body += (
        "\nPlain pyvi (`ViTokenizer.tokenize`, scikit-learn install) gives identical output on "
        "every seed line (tests/fixtures/pyvi_reference.tsv); BASELINES.md measured it at F1 "
        "0.974. It cannot run in this environment without scikit-learn, so its speed is not "
        "re-measured here; on this machine it was measured once at 50.9k syllables/s against "
        "48.4k for this module (ratio 0.95).\n"
    )
    print(body)
    if not args.no_write:
        write_section("segmentation", "Word segmentation", body)


if __name__ == "__main__":
    main()
