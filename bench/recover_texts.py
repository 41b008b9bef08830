"""Find the labelled facts pages' texts again, checked by their sha1 (bench/facts.py).

The texts of the hand-labelled pages live outside the project (``../devset/facts``) and
are lost with the machine; their labels, URLs and each text's sha1 and length are kept in
``bench/labels/facts_set_*.jsonl``. A text is the ``search`` tool's excerpt of the page
(pages corpus), unchanged, with the article's title as a first line when the excerpt did
not start with it. Whoever looks a page up again (a person or a helper with the search
tool) writes a candidate file and lets this script check it:

    {"url": "<the row's url>", "excerpt": "<the excerpt, exactly as printed>",
     "titles": ["<a title guess>", ...]}

    .venv/bin/python bench/recover_texts.py try C002 cand.json parts/part_1.jsonl [--force]
    .venv/bin/python bench/recover_texts.py check parts/part_1.jsonl
    .venv/bin/python bench/recover_texts.py merge parts/            # → ../devset/facts/set_*.jsonl
    .venv/bin/python bench/recover_texts.py missing parts/ [URL ...]  # rows not found yet

``missing`` lists the labelled rows no part file holds yet (id, url, text bytes), or, given
URLs (a search's other results), which of them are labelled and still missing: one search
often brings up several labelled pages.

``try`` tests the excerpt alone and each title + newline + excerpt against the row's sha1,
each title also in its other spellings (old or new tone placement, NFD, upper case);
on a match it appends the page to the part file, else it prints how many bytes the title
line must have (``--force`` appends the first guess anyway, marked ``sha1_ok: false``).
Session 16 found 352 of the 434 again so (6 more stored although their sha1 differs).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "labels"
DEVSET = Path(__file__).resolve().parent.parent.parent / "devset" / "facts"


def label_rows() -> dict[tuple[str, str], dict]:
    rows = {}
    for path in sorted(LABELS.glob("facts_set_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"], row["url"]] = row
    return rows


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page(row: dict, text: str, ok: bool) -> str:
    return json.dumps({"set": row["set"], "id": row["id"], "url": row["url"], "text": text,
                       "labels": row["labels"], "sha1_ok": ok}, ensure_ascii=False)  # fmt: skip


# old ↔ new tone placement: "hoá" ↔ "hóa", "thuỷ" ↔ "thủy" (not after q: "quý")
_TONE_PAIRS = [pair.split() for pair in (
    "oá óa", "oà òa", "oả ỏa", "oã õa", "oạ ọa", "oé óe", "oè òe", "oẻ ỏe", "oẽ õe", "oẹ ọe",
    "uý úy", "uỳ ùy", "uỷ ủy", "uỹ ũy", "uỵ ụy")]  # fmt: skip


def spellings(title: str) -> list[str]:
    """A typed title in the spellings a page may use: 'Thanh Hóa' → also 'Thanh Hoá'."""
    title = unicodedata.normalize("NFC", title.strip())
    spots = [(m.start(), new, old) for new, old in _TONE_PAIRS for pat in (new, old)
             for m in re.finditer(pat, title, re.IGNORECASE)
             if not (new[0] == "u" and m.start() and title[m.start() - 1] in "qQ")]  # fmt: skip
    out = {title}
    for mask in range(1 << min(len(spots), 8)):
        chars = list(title)
        for bit, (at, new, old) in enumerate(spots[:8]):
            if mask >> bit & 1:
                pair = chars[at] + chars[at + 1]
                swap = old if pair.lower() == new else new if pair.lower() == old else pair
                if pair[0].isupper():
                    swap = swap[0].upper() + swap[1:]
                chars[at : at + 2] = swap
        out.add("".join(chars))
    out |= {t.upper() for t in list(out)} | {unicodedata.normalize("NFD", t) for t in list(out)}
    return sorted(out)


def try_candidate(pid: str, candidate: Path, out: Path, force: bool) -> int:
    cand = json.loads(candidate.read_text("utf-8"))
    row = label_rows().get((pid, cand["url"]))
    if row is None:
        print(f"no labelled row {pid} at {cand['url']}")
        return 2
    excerpt, titles = cand["excerpt"], cand.get("titles", [])
    texts = [t for e in dict.fromkeys([excerpt, excerpt.strip()])
             for t in (e, *(f"{x}\n{e}" for g in titles for x in spellings(g)))]  # fmt: skip
    for text in dict.fromkeys(texts):
        if sha1(text) == row["text_sha1"]:
            with out.open("a", encoding="utf-8") as fh:
                fh.write(page(row, text, True) + "\n")
            print("MATCH", pid)
            return 0
    size = len(excerpt.encode("utf-8"))
    print(f"NO MATCH {pid}: text {row['text_bytes']} bytes, excerpt {size}: a title line "
          f"would be {row['text_bytes'] - size - 1} bytes")  # fmt: skip
    if force:
        text = f"{titles[0]}\n{excerpt}" if titles else excerpt
        with out.open("a", encoding="utf-8") as fh:
            fh.write(page(row, text, False) + "\n")
        print("FORCED (sha1 differs)", pid)
    return 1


def check(part: Path) -> int:
    rows, exact, wrong = label_rows(), 0, 0
    for line in part.read_text("utf-8").splitlines():
        if line.strip():
            found = json.loads(line)
            row = rows.get((found["id"], found["url"]))
            if row and sha1(found["text"]) == row["text_sha1"]:
                exact += 1
            else:
                wrong += 1
                print(found["id"], "differs from its label's sha1")
    print(f"exact {exact}, differing {wrong}")
    return 0


def merge(parts: Path) -> int:
    """Every part file's pages into ``../devset/facts/<set>.jsonl`` (the first of an id)."""
    sets: dict[str, list[str]] = {}
    seen = set()
    for path in sorted(glob.glob(str(parts / "*.jsonl"))):
        for line in Path(path).read_text("utf-8").splitlines():
            if line.strip():
                found = json.loads(line)
                if (found["id"], found["url"]) not in seen:
                    seen.add((found["id"], found["url"]))
                    sets.setdefault(found["set"], []).append(line)
    DEVSET.mkdir(parents=True, exist_ok=True)
    for name, lines in sets.items():
        (DEVSET / f"{name}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(seen)} pages in {len(sets)} sets under {DEVSET}")
    return 0


def missing(parts: Path, urls: list[str]) -> int:
    """The labelled rows not yet in a part file, all of them or those at ``urls``."""
    found = set()
    for path in glob.glob(str(parts / "*.jsonl")):
        for line in Path(path).read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.add((row["id"], row["url"]))
    wanted = {u.rstrip("/") for u in urls}
    for (pid, url), row in sorted(label_rows().items()):
        if (pid, url) not in found and (not wanted or url.rstrip("/") in wanted):
            print(f"{pid}\t{url}\t{row['text_bytes']}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("try")
    t.add_argument("id")
    t.add_argument("candidate", type=Path)
    t.add_argument("out", type=Path)
    t.add_argument("--force", action="store_true")
    sub.add_parser("check").add_argument("part", type=Path)
    sub.add_parser("merge").add_argument("parts", type=Path)
    m = sub.add_parser("missing")
    m.add_argument("parts", type=Path)
    m.add_argument("urls", nargs="*")
    args = parser.parse_args()
    if args.command == "try":
        return try_candidate(args.id, args.candidate, args.out, args.force)
    if args.command == "check":
        return check(args.part)
    if args.command == "missing":
        return missing(args.parts, args.urls)
    return merge(args.parts)


if __name__ == "__main__":
    sys.exit(main())
