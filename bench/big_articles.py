"""One huge article of every character class, added as a user adds it (issue 23, items
9–10): time and peak memory of ``searcher add`` of a single file of 10k characters to
5 MB (the per-article limit) of letters without spaces, digits, punctuation, CJK,
a mix, dates, and ordinary words. Targets: ≤ 20 s and ≤ 600 MB at 5 MB, time growing
linearly (the "s per MB" column stays flat).

    .venv/bin/python bench/big_articles.py [--sizes 10000,100000,1000000,5000000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, argv, header, table, write_section

SEARCHER = ROOT / ".venv" / "bin" / "searcher"
WORDS = ["hội", "nghị", "giao", "ban", "Viện", "kiểm", "sát", "tỉnh", "năm", "2021", "công",
         "tác", "tổng", "kết"]  # fmt: skip
PIECES = {  # class → one piece of text; pieces are repeated up to the size wanted
    "letters without spaces": lambda r: "".join(
        r.choice("abcdeghiklmnopqrstuvxyđâêôơư") for _ in range(1000)
    ),
    "digits": lambda r: "".join(r.choice("0123456789") for _ in range(1000)),
    "punctuation": lambda r: "".join(r.choice(".,;:/-!?()[]\"'") for _ in range(1000)),
    "CJK": lambda r: "".join(chr(r.randint(0x4E00, 0x9FFF)) for _ in range(300)),
    "mixed": lambda r: "".join(r.choice("ab1/.-ệ院 ,\n") for _ in range(1000)),
    "dates": lambda r: f"{r.randint(1, 28)}/{r.randint(1, 12)}/20{r.randint(10, 25)} ",
    "words": lambda r: r.choice(WORDS) + r.choice([" ", " ", " ", ", ", ". ", "\n"]),
}


def article(kind: str, size: int) -> str:
    """A title line and ``size`` bytes (UTF-8) of one class."""
    rng, out, total = random.Random(size), [], 0
    while total < size:
        piece = PIECES[kind](rng)
        out.append(piece)
        total += len(piece.encode("utf-8"))
    body = "".join(out).encode("utf-8")[:size].decode("utf-8", "ignore")
    return f"Bài dài: {kind}\n{body}\n"


def add_once(path: Path, work: Path) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds, peak MB, exit code) of ``searcher add path`` in a fresh
    index. CPU time is what a busy machine does not inflate."""
    corpus, index = work / "corpus", work / "index"
    started = time.perf_counter()
    proc = subprocess.Popen([str(SEARCHER), "--corpus", str(corpus), "--index", str(index),
                             "add", str(path)], stdout=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,5000000")
    parser.add_argument("--classes", default=",".join(PIECES), help="comma-separated")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:  # the start-up of the program, subtracted
        (Path(tmp) / "nho.txt").write_text("Bài ngắn\nMột dòng.\n", encoding="utf-8")
        start_up = add_once(Path(tmp) / "nho.txt", Path(tmp))[0]
    print(f"start-up: {start_up:.1f} s", flush=True)
    for kind in args.classes.split(","):
        for size in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                path = work / "bai.txt"
                path.write_text(article(kind, size), encoding="utf-8")
                seconds, cpu, peak, code = add_once(path, work)
            per_mb = max(seconds - start_up, 0) / (size / 1e6)
            row = [kind, f"{size / 1e6:g} MB", f"{seconds:.1f}", f"{cpu:.1f}", f"{per_mb:.1f}",
                   f"{peak:.0f}",
                   "added" if code == 0 else f"exit {code}"]  # fmt: skip
            print(" | ".join(row), flush=True)
            rows.append(row)
    body = header(argv(), "generated articles, one per class and size (bench/big_articles.py)")
    body += (
        "\nEach row: a fresh index, `searcher add` of one `.txt` article, wall time and the "
        "process's CPU time (user + system) and peak resident memory (`wait4`); CPU time is "
        "the figure a machine shared with other work does not inflate; "
        '"s per MB" leaves out the program\'s '
        f"start-up ({start_up:.1f} s, the time to add a one-line article). Targets at 5 MB: "
        "≤ 20 s, ≤ 600 MB.\n\n"
    )
    body += table(
        ["class", "size", "seconds", "CPU s", "s per MB (after start-up)", "peak MB", "result"],
        rows,
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    body += (
        f"\nLoad average at the end: {load} (2 cores). Where the machine is shared, wall "
        "time exceeds CPU time; on an idle machine the two agree (words at 5 MB: 8.4 s "
        "wall, 8.3 s CPU at load 2 in an earlier run).\n"
    )
    if not args.no_write:
        write_section("big-articles", "One huge article of every character class", body)


if __name__ == "__main__":
    main()
