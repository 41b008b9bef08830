"""Who chaired, read from real reports, through the user's path (issue 25).

The labels live outside the project (``../devset/people/labels_*.jsonl``: ``{"id",
"url", "chair": {"name", "role"} | null, …}``), never copied in. A label's text is a
hand-labelled procuracy page of ``../devset/facts/set_*.jsonl`` (by url) or a news
article of ``../shared/data/news`` (``news_file`` and ``id``). Each text is written as
a ``.txt`` into a temporary corpus, indexed with ``rebuild``, and its chair read back
through ``Engine.article`` (what ``searcher show --json`` prints).

A chair is right when the name matches the label folded (case, tone placement and
diacritics aside) or both say there is none. Its role is right when the label's role,
folded, is contained in the one read or the other way round.

Labels whose ``sha1(url)`` starts with 0–3 are held out: scored only with ``--final``,
once, at the end, and then only in total.

    .venv/bin/python bench/people.py            # the development part, misses listed
    .venv/bin/python bench/people.py --final    # the held-out part, figures only
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import header, table, write_section

ROOT = Path(__file__).resolve().parent.parent.parent
DEVSET = ROOT / "devset" / "people"
FACTS = ROOT / "devset" / "facts"
NEWS = ROOT / "shared" / "data" / "news"
HELD_OUT = "0123"


def held_out(url: str) -> bool:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[0] in HELD_OUT


def texts_by_url() -> dict[str, str]:
    out = {}
    for path in sorted(glob.glob(str(FACTS / "set_*.jsonl"))):
        for line in Path(path).read_text("utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                out.setdefault(page["url"], page["text"])
    return out


def news_text(file: str, wanted: set[str]) -> dict[str, str]:
    """Title and body (sapo first) of the wanted news ids, as ``.txt`` text."""
    out = {}
    with gzip.open(NEWS / file, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if str(d.get("id")) in wanted:
                body = "\n".join(x for x in (d.get("sapo"), d.get("body")) if x)
                out[str(d["id"])] = f"{d.get('title') or ''}\n{body}"
    return out


def load(final: bool) -> list[dict]:
    """The labels of one part, each with its text."""
    labels, seen = [], set()
    for path in sorted(glob.glob(str(DEVSET / "labels_*.jsonl"))):
        for line in Path(path).read_text("utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            if label["url"] not in seen and held_out(label["url"]) == final:
                seen.add(label["url"])
                labels.append(label)
    pages = texts_by_url()
    by_file: dict[str, set[str]] = {}
    for label in labels:
        if "news_file" in label:
            by_file.setdefault(label["news_file"], set()).add(label["id"])
    news = {i: t for f, ids in by_file.items() for i, t in news_text(f, ids).items()}
    for label in labels:
        label["text"] = news[label["id"]] if "news_file" in label else pages[label["url"]]
    return labels


def read_back(labels: list[dict]) -> list[dict]:
    """Each label's article as the engine shows it (JSON of ``show``)."""
    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild

    with tempfile.TemporaryDirectory(prefix="people-bench-") as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        for n, label in enumerate(labels):
            (corpus / f"p{n:04d}.txt").write_text(label["text"], encoding="utf-8")
        rebuild(corpus, index)
        engine = Engine(index)
        return [
            (v.to_json() if (v := engine.article(f"p{n:04d}")) else {}) for n in range(len(labels))
        ]


def score(labels: list[dict], read: list[dict]) -> tuple[dict[str, list[int]], list[str]]:
    from searcher.facts.names import person_key

    counts = {
        "all": [0, 0],
        "with a chair": [0, 0],
        "without": [0, 0],
        "role": [0, 0],
        "attendees found (recall)": [0, 0],
        "attendees read right (precision)": [0, 0],
    }
    misses = []
    for label, got in zip(labels, read, strict=True):
        want = label["chair"]
        name = got.get("chair")
        right = (want is None and name is None) or (
            want is not None and name is not None and person_key(want["name"]) == person_key(name)
        )
        part = "with a chair" if want else "without"
        for key in ("all", part):
            counts[key][0] += right
            counts[key][1] += 1
        if want and right and want.get("role"):
            a, b = person_key(want["role"]), person_key(got.get("chair_role") or "")
            counts["role"][0] += bool(b) and (a in b or b in a)
            counts["role"][1] += 1
        if not right:
            misses.append(f"{label['id']}: want {want and want['name']!r}, got {name!r}")
        if label.get("attendees") is not None:  # names present besides the chair
            wanted = {person_key(n) for n in label["attendees"]}
            found = {person_key(a["name"]) for a in got.get("attendees") or []}
            counts["attendees found (recall)"][0] += len(wanted & found)
            counts["attendees found (recall)"][1] += len(wanted)
            counts["attendees read right (precision)"][0] += len(wanted & found)
            counts["attendees read right (precision)"][1] += len(found)
            misses += [f"{label['id']}: attendee {n!r} not read" for n in wanted - found]
            misses += [f"{label['id']}: attendee {n!r} read, not labelled" for n in found - wanted]
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--final", action="store_true", help="score the held-out part (once)")
    parser.add_argument("--write", action="store_true", help="write the BENCHMARKS.md section")
    args = parser.parse_args()
    labels = load(args.final)
    if not labels:
        sys.exit(f"no labels in {DEVSET}")
    counts, misses = score(labels, read_back(labels))
    part = "held-out" if args.final else "development"
    rows = [[k, f"{r}/{n}", f"{r / n:.1%}" if n else "—"] for k, (r, n) in counts.items()]
    text = f"{part} part, {len(labels)} labelled articles\n\n"
    text += table(["chair", "right", "accuracy"], rows)
    print(text)
    if not args.final:
        print("\n".join(misses))
    if args.write:
        corpus = f"{len(labels)} labelled real articles ({part} part of {DEVSET})"
        write_section(f"people-{part}", f"Chairs read from real reports ({part})",
                      header(" ".join(sys.argv), corpus) + "\n" + text)  # fmt: skip


if __name__ == "__main__":
    main()
