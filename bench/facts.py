"""Facts read from real procuracy pages, per field, through the user's path.

The hand-labelled pages live outside the project (``../devset/facts/set_*.jsonl``:
``{"id", "url", "text", "labels": {...}, "note"}``, the text's first line the title);
they are never copied in. Each page is written as a ``.txt`` into a temporary corpus,
indexed with ``searcher.index.operations.rebuild`` and its stored facts read back
through the ``Engine`` (what ``searcher show --json`` prints).

Round 3 (set D): the texts of sets A–C (rounds 1 and 2) lived outside the project and were
lost with the machine. Set D was read afresh this round from the ``search`` tool's pages
corpus by three labellers, one region each (``set_d_north``, ``set_d_central``,
``set_d_south``), labelled by reading before any extractor ran on them. Its labels and
URLs (no text) are kept in the project, ``bench/labels/facts_set_d.jsonl``, with each
text's sha1, so a lost text can be found again and checked. The pages whose
``sha1(url)`` starts with 8–f (half) are held out: scored only with ``--final``, once,
at the end, and then only in total (no per-page lines). ``--round 1``/``2`` give the
earlier splits for sets A–C, if their files are at hand.

Round 4 (this machine): set D's texts were found again by their sha1 (110 of 115 exact;
N024, N026, S035 not found and not scored, C006 and S014 differ slightly). Set F is new:
40 pages (37 distinct addresses) of provinces and units set D does not have, labelled by
two labellers from ``LABEL_GUIDE.md`` before the extractor ran on them, all development;
its labels are ``bench/labels/facts_set_f.jsonl`` (``--keep-labels --labels-out``). Sets G
and H (40 pages each, ``facts_set_g.jsonl``, ``facts_set_h.jsonl``) were added the same
way: meeting kinds, page shapes and sites the others lack; all development.

Round 5: set I (40 pages, ``set_i_a`` north and centre, ``set_i_b`` south, national and
military units; labels in ``bench/labels/facts_set_i.jsonl``) was labelled from the guide
by two labellers who never saw the extractor, and is held out whole: scored once, at
the end of the round, with ``--round 5 --final``, before and after the round's changes.

Round 6: the texts of sets D–H were lost with the machine again and found again by their
sha1 from the ``search`` tool's pages corpus (D 101 of 115, F 32 of 40, G 32, H 31; three
stored although their sha1 differs: F027, N050, C006): 129 development pages. Set J
(33 pages, ``set_j_a`` north and centre, ``set_j_b`` south and national; labels in
``bench/labels/facts_set_j.jsonl``) was labelled from the guide by two labellers who never
saw the extractor, and is held out whole: ``--round 6 --final``, once.

Round 7: set K (44 pages, ``set_k_a`` north and centre, ``set_k_b`` south, national and
military units; labels in ``bench/labels/facts_set_k.jsonl``) was labelled from the guide by
two labellers who never saw the extractor, and is held out whole (``--round 7``, the
default, also keeps set D's half out): ``--round 7 --final``, once, at the end.

Round 8 (the same session): set K was scored once (``--round 7 --final``, figures in
BENCHMARKS.md) and is development since; set L (two more labellers, ``set_l_a``,
``set_l_b``) is held out whole: ``--round 8 --final``, once, at the end.

Round 9 (session 9): set L was scored once (``--round 8 --final``) and is development since;
set M (two more labellers who never saw the extractor, ``set_m_a`` north and centre,
``set_m_b`` south, national and military units) is held out whole: ``--round 9 --final``,
once, at the end.

Round 10 (session 10, a new machine): the texts were lost again and found again by their
sha1 from the ``search`` tool's pages corpus by four helpers (340 of 434 exact, 10 stored
although their sha1 differs, the rest not found); set M was scored once in round 9 and is
development since: only set D's half stays held out (``--round 10``, the default).

Round 11 (session 16, a new machine): the texts were lost again and found again by their
sha1 by six helpers (352 of 434 exact, 6 stored although their sha1 differs: F016, G012,
K019, L110, L122, M015; the rest not found): 288 development pages, set D's half held out.
``bench/recover_texts.py`` checks a page looked up again against its sha1 and merges the
pages found into ``../devset/facts``.

Session 17 (a new machine again: 341 texts found, 335 exact): ``--round 11`` makes set D's
half development (it had been scored three times) and holds out set O (45 pages, three new
labellers), scored once; ``--round 12`` makes O development and holds out set P (26 pages),
scored once; ``--round 13`` has every labelled page of then in development (404).
Session 18: ``--round 14`` holds out set Q (two new labellers, 40 pages) whole, scored once
at the end; the 404 pages of round 13 are development. ``--round 15`` (the default) has all
444 labelled pages in development.
Session 19: ``--round 16`` holds out set R (two new labellers, 49 pages) whole, scored once;
the 444 pages of round 15 are development. ``--round 17`` has all 493 labelled pages in
development; ``--round 18`` holds out set S (two more labellers) whole, scored
once at the end.
Session 20 (a new machine): the texts of sets D–Q were lost again and looked up again by
their sha1 (``bench/recover_texts.py``). Sets R and S were lost whole: their labels had been
kept only beside their texts, outside the project, and set S had not been scored yet. Since
then a new set's labels and URLs go into ``bench/labels`` the moment it is labelled
(``--keep-labels``). ``--round 19`` holds out set T (two more labellers) whole,
scored once at the end; every page of sets D–Q found again is development. ``--round 20``
has every page found, set T's too, in development.
Session 21: ``--round 21`` holds out set U (two more labellers, 28 pages: the pages corpus
is nearly exhausted) whole, scored once; the 453 pages of round 20 are development.
``--round 22`` has every page, set U's too, in development (481); ``--round 23`` (the
default then) held set V out whole (two more labellers, session 22), scored once with
``--final``; ``--round 24`` has every page, set V's too, in development (535).
Session 23: ``--round 25`` held out set W (two more labellers, 50 pages) whole, scored once
with ``--final``; ``--round 26`` has every page, set W's too, in development (585);
``--round 27`` held out set X (two more labellers, 49 pages) whole, scored once with
``--final``; ``--round 28`` has every page, set X's too, in development (634).
Session 24: ``--round 29`` and ``--round 31`` held out sets Y (43 pages) and Z (50) whole,
each scored once with ``--final``; ``--round 32`` has every page in development (727).
Session 25 (a new machine: 704 of the 864 labelled rows found again, 697 of round 32's
pages): ``--round 33`` held out set ZA (two more labellers, 48 pages) whole, scored once
with ``--final``; ``--round 34`` has every page found in development (745).
Session 26: set EN (English editions, two labellers, 51 pages, ``bench/labels/facts_set_en.jsonl``)
is development from the start; ``--round 35`` and ``--round 37`` held out sets ZB (50 pages,
36 in English) and ZC (51, 28 in French, Chinese, Japanese or Spanish) whole, each scored
once with ``--final``; ``--round 38`` (the default) has every page in development (897).

    .venv/bin/python bench/facts.py                 # the development part, misses listed
    .venv/bin/python bench/facts.py --final         # the held-out part, figures only
    PYTHONPATH=/tmp/old-checkout .venv/bin/python bench/facts.py   # another extractor
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: see the docstring

from bench.common import header, table, write_section

DEVSET = Path(__file__).resolve().parent.parent.parent / "devset" / "facts"
FIELDS = (
    "level", "province", "province_2025", "year", "meeting_date", "meeting_types",
    "published", "period",
)  # fmt: skip
# first hex digit of sha1(url) that holds a page out, per round and per labelled set
HELD_OUT = {
    1: {"set_a": "0123", "set_b": "0123"},  # round 1: a quarter of A and B
    2: {"set_c": "89abcdef"},  # round 2: half of C; A and B are all development now
    # round 3: sets A–C were lost with the machine; set D (three regions) is new, half held out
    3: {f"set_d_{region}": "89abcdef" for region in ("north", "central", "south")},
    # round 5: set I (two labellers, provinces and units the others lack) is held out whole
    5: {"set_i_a": "0123456789abcdef", "set_i_b": "0123456789abcdef"},
    # round 6: set J (two labellers, 33 pages; the pages corpus had few unused ones left)
    6: {"set_j_a": "0123456789abcdef", "set_j_b": "0123456789abcdef"},
}
# round 7: set K (two labellers, 44 pages) is held out whole, and set D's half stays out
HELD_OUT[7] = {**HELD_OUT[3], "set_k_a": "0123456789abcdef", "set_k_b": "0123456789abcdef"}
# round 8 (the same session, after set K's one scoring): set L is held out whole, K is
# development now
HELD_OUT[8] = {**HELD_OUT[3], "set_l_a": "0123456789abcdef", "set_l_b": "0123456789abcdef"}
# round 9 (after set L's one scoring): set M is held out whole, L is development now
HELD_OUT[9] = {**HELD_OUT[3], "set_m_a": "0123456789abcdef", "set_m_b": "0123456789abcdef"}
# round 10 (session 10, a new machine: texts found again by their sha1): set M was scored once
# and is development now; only set D's half stays held out (the pages corpus holds no more
# unread procuracy pages for a new held-out set)
HELD_OUT[10] = dict(HELD_OUT[3])
# round 11 (session 17): set D's half, scored in rounds 4, 9 and 11, is development now; set O
# (three labellers, 2026-12-07, pages none of the other sets holds) is held out whole
HELD_OUT[11] = {f"set_o_{n}": "0123456789abcdef" for n in (1, 2, 3)}
# round 12 (the same session, after set O's one scoring): set O is development, set P (two
# more labellers, told to keep pages with no event to two or three each) is held out whole
HELD_OUT[12] = {f"set_p_{n}": "0123456789abcdef" for n in (1, 2)}
# round 13 (after set P's one scoring): every labelled page is development; no page is held
# out until a new set is labelled
HELD_OUT[13] = {}
# round 14 (session 18): set Q (two more labellers, 2026-12-07, north and centre with national
# and military units / south with the regional units of 2025) is held out whole
HELD_OUT[14] = {f"set_q_{n}": "0123456789abcdef" for n in (1, 2)}
# round 15 (after set Q's one scoring): every labelled page is development; no page is held
# out until a new set is labelled
HELD_OUT[15] = {}
# round 16 (session 19): set R (two more labellers, 2026-12-07) is held out whole; the 444
# pages of round 15 are development
HELD_OUT[16] = {f"set_r_{n}": "0123456789abcdef" for n in (1, 2)}
# round 17 (after set R's one scoring): every labelled page is development (493); no page is
# held out until a new set is labelled
HELD_OUT[17] = {}
# round 18 (the same session): set S (two more labellers) is held out whole; the 493 pages
# of round 17 are development
HELD_OUT[18] = {f"set_s_{n}": "0123456789abcdef" for n in (1, 2)}
# round 19 (session 20, a new machine): sets R and S were lost with it (labels never kept in
# the project); set T (two more labellers) is held out whole, sets D–Q are development
HELD_OUT[19] = {f"set_t_{n}": "0123456789abcdef" for n in (1, 2)}
# round 20 (after set T's one scoring): every labelled page found is development; no page is
# held out until a new set is labelled
HELD_OUT[20] = {}
# round 21 (session 21): set U (two more labellers, 2026-12-07, north with national and
# military units / centre and south with district and regional units) is held out whole;
# the 453 pages of round 20 are development
HELD_OUT[21] = {f"set_u_{n}": "0123456789abcdef" for n in (1, 2)}
# round 22 (after set U's one scoring): every labelled page is development (481); no page is
# held out until a new set is labelled
HELD_OUT[22] = {}
# round 23 (session 22): set V (two more labellers, 2026-12-07, north, centre and military /
# south and national) is held out whole; the 481 pages of round 22 are development
HELD_OUT[23] = {f"set_v_{n}": "0123456789abcdef" for n in (1, 2)}
# round 24 (after set V's one scoring): every labelled page is development (535); no page is
# held out until a new set is labelled
HELD_OUT[24] = {}
# round 25 (session 23): set W (two more labellers, 2026-12-07) is held out whole; the 535
# pages of round 24 are development
HELD_OUT[25] = {f"set_w_{n}": "0123456789abcdef" for n in (1, 2)}
# round 26 (after set W's one scoring): every labelled page is development (585); no page is
# held out until a new set is labelled
HELD_OUT[26] = {}
# round 27 (the same session): set X (two more labellers) is held out whole; the 585 pages
# of round 26 are development
HELD_OUT[27] = {f"set_x_{n}": "0123456789abcdef" for n in (1, 2)}
# round 28 (after set X's one scoring): every labelled page is development (634); no page is
# held out until a new set is labelled
HELD_OUT[28] = {}
# round 29 (session 24): set Y (two more labellers, 2026-12-07) is held out whole; the 634
# pages of round 28 are development
HELD_OUT[29] = {f"set_y_{n}": "0123456789abcdef" for n in (1, 2)}
# round 30 (after set Y's one scoring, at the session's start extractor: level 38/43, province
# 39, year 31, meeting date 34, types 34, published 42, period 42): every labelled page is
# development (677); no page is held out until a new set is labelled
HELD_OUT[30] = {}
# round 31 (the same session): set Z (two more labellers) is held out whole; the 677 pages
# of round 30 are development
HELD_OUT[31] = {f"set_z_{n}": "0123456789abcdef" for n in (1, 2)}
# round 32 (after set Z's one scoring, at 3f2b1f5 and at the session's start 4d422a0 alike:
# level 45/50, province 46, year 43, meeting date 41, types 40, published 50, period 50):
# every labelled page is development (727); no page is held out until a new set is labelled
HELD_OUT[32] = {}
# round 33 (session 25, a new machine: the texts found again by their sha1, 697 of the 727):
# set ZA (two more labellers, 2026-12-08) is held out whole; the pages of round 32 found
# again are development
HELD_OUT[33] = {f"set_za_{n}": "0123456789abcdef" for n in (1, 2)}
# round 34 (after set ZA's one scoring, 48 pages, at the session's start 2b1686b / after its
# rules 563b93c: level 40/40, province 43/43, year 36/37, meeting date 38/39, types 34/35,
# published 48/48, period 46/46): every labelled page found is development (745); no page is
# held out until a new set is labelled
HELD_OUT[34] = {}
# round 35 (session 26): set ZB (two more labellers, 2026-12-08) is held out whole; the 745
# pages of round 34 are development
HELD_OUT[35] = {f"set_zb_{n}": "0123456789abcdef" for n in (1, 2)}
# round 36 (after set ZB's one scoring, 50 pages, 36 of them in English, 3 in French or German,
# at the session's start a2ce6bd / after its rules 0785cb4: level 31/38, province 38/41, year
# 29/35, meeting date 34/39, types 28/33, published 43/45, period 42/42): every labelled page
# is development (846 with the English set EN); no page is held out until a new set is labelled
HELD_OUT[36] = {}
# round 37 (the same session): set ZC (two more labellers, 2026-12-08) is held out whole; the
# 846 pages of round 36 are development
HELD_OUT[37] = {f"set_zc_{n}": "0123456789abcdef" for n in (1, 2)}
# round 38 (after set ZC's one scoring, 51 pages, 28 of them in French, Chinese, Japanese or
# Spanish, at the session's start a2ce6bd and at c8a4d37 alike: level 21/51, province 41, year
# 29, meeting date 33, types 22, published 49, period 42): every labelled page is development
# (897); no page is held out until a new set is labelled
HELD_OUT[38] = {}
DEFAULT_ROUND = max(HELD_OUT)  # the latest split


def unborn(path: str, round_: int) -> bool:
    """Whether the labelled file ``path`` is a set a later round holds out whole, so that it
    did not exist at ``round_``: never scored there, not even as development (a run of an
    old split must not show a held-out set's figures)."""
    stem = Path(path).stem
    later = {s for r, sets in HELD_OUT.items() if r > round_ for s, d in sets.items()
             if len(d) == 16}  # fmt: skip
    return stem in later and stem not in HELD_OUT[round_]


def held_out(url: str, path: str, round_: int = 3) -> bool:
    """Whether the page at ``url`` of the labelled file ``path`` is held out in ``round_``."""
    digits = HELD_OUT[round_].get(Path(path).stem, "")
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[0] in digits


def load_pages(pattern: str, final: bool, round_: int = 3) -> list[dict]:
    """The labelled pages of one part (development, or held out with ``final``)."""
    pages, seen = [], set()
    for path in sorted(glob.glob(pattern)):
        if unborn(path, round_):
            continue
        for line in Path(path).read_text("utf-8").splitlines():
            if not line.strip():
                continue
            page = json.loads(line)
            if page["url"] in seen or held_out(page["url"], path, round_) != final:
                continue
            if not page.get("text", "").strip():  # labelled, its text not found again
                print(f"{page['id']}: no text, not scored", file=sys.stderr)
                continue
            seen.add(page["url"])
            pages.append(page)
    return pages


LABELS = Path(__file__).resolve().parent / "labels" / "facts_set_d.jsonl"


def keep_labels(pattern: str, out: Path = LABELS) -> int:
    """Write the labels and URLs of every labelled page (development and held out) into
    the project, with each text's sha1 and length instead of the text."""
    rows = []
    for path in sorted(glob.glob(pattern)):
        for line in Path(path).read_text("utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                text = page["text"].encode("utf-8")
                rows.append({"set": Path(path).stem, "id": page["id"], "url": page["url"],
                             "text_sha1": hashlib.sha1(text).hexdigest(), "text_bytes": len(text),
                             "title_from_slug": bool(page.get("title_from_slug")),
                             "labels": page["labels"]})  # fmt: skip
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return len(rows)


def stored_facts(pages: list[dict]) -> dict[str, dict]:
    """Index the pages as the user would and read each one's stored facts back."""
    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild

    with tempfile.TemporaryDirectory(prefix="facts-bench-") as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        records = []
        for n, page in enumerate(pages):
            title, _, body = page["text"].partition("\n")
            records.append({"id": f"p{n:04d}", "title": title, "body": body, "url": page["url"]})
        # one JSONL export with each page's address, as a crawler or a scraper hands it over
        with (corpus / "pages.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        rebuild(corpus, index)
        engine = Engine(index)
        out = {}
        for n, page in enumerate(pages):
            view = engine.article(f"p{n:04d}")
            out[page["url"]] = facts = view.to_json() if view else {}
            if facts and "period" not in facts:  # an index that does not store the period
                facts.update(_period_read_again(corpus / f"p{n:04d}.txt"))
        return out


def _period_read_again(path: Path) -> dict:
    """The period from the extractor itself, for an index (an older version) that does
    not store it; {} when the extractor has no period at all."""
    from searcher.facts.metadata import extract
    from searcher.read.files import read_file

    [article] = read_file(path)
    meta = extract(article)
    if not hasattr(meta, "period"):
        return {}
    return {"period": meta.period, "period_year": meta.period_year}


def got_value(facts: dict, name: str) -> object:
    if name == "meeting_types":
        return sorted(facts.get("meeting_types") or [])
    if name == "period":
        return [facts.get("period"), facts.get("period_year")]
    return facts.get(name)


def want_value(labels: dict, name: str) -> object:
    if name in ("province", "province_2025") and labels.get(name):
        return _gazetteer_name(labels[name], name)
    if name == "meeting_types":
        return sorted(labels.get("meeting_types") or [])
    if name == "period":
        return [labels.get("period"), labels.get("period_year")]
    return labels.get(name)


def _gazetteer_name(value: str, name: str) -> str:
    """A label in the gazetteer's spelling: "Thừa Thiên Huế" is the gazetteer's "Huế" (the
    official list's name); a label the gazetteer does not know is kept as written."""
    from searcher.vi.places import gazetteer

    g = gazetteer()
    if name == "province_2025":
        return g.province_2025(value) or value
    found = g.province(value)
    return found.name if found else value


def score(pages: list[dict], facts: dict[str, dict]) -> tuple[dict[str, int], list[str]]:
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for page in pages:
        got = facts.get(page["url"], {})
        for name in FIELDS:
            want, have = want_value(page["labels"], name), got_value(got, name)
            if want == have:
                right[name] += 1
            else:
                title = page["text"].split("\n", 1)[0][:70]
                misses.append(f"{page['id']} {name}: want {want!r}, got {have!r}  [{title}]")
    return right, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default=str(DEVSET / "set_*.jsonl"), help="glob of pages")
    parser.add_argument("--final", action="store_true", help="score the held-out part (once)")
    parser.add_argument(
        "--round",
        type=int,
        default=DEFAULT_ROUND,
        choices=sorted(HELD_OUT),
        help="which split: 34 (all development), 33 (set ZA held out whole), 32 (all "
        "development), 31 and 29 (sets Z, Y held out), 28, 26, 24 (all development), 27, 25, "
        "23 (sets X, W, V held out), 22 (all development), 21 (set U held out whole), 20 (all "
        "development), 19 (set T held out whole), 15 (all development), 14 (set Q held out "
        "whole), 13 (all of round 13 development), "
        "12 (set P held out whole; O is development), "
        "11 (set O held out whole; D is development), "
        "10 (set D's half; M is development), 9 (set M held out whole, "
        "and set D's half), 8 (set L, and D's half), 7 (set K, and D's half), "
        "6 (set J held out whole), 5 (set I held out whole), 3 (set D's half), "
        "2 (set C's half) or 1 (A/B's quarter)",
    )
    parser.add_argument("--label", default="", help="name of this run in the output")
    parser.add_argument("--write", action="store_true", help="write the BENCHMARKS.md section")
    parser.add_argument(
        "--keep-labels",
        action="store_true",
        help=f"write every page's labels and URL (no text) to {LABELS.name}",
    )
    parser.add_argument("--labels-out", type=Path, default=LABELS,
                        help="where --keep-labels writes (one file per labelled set)")  # fmt: skip
    args = parser.parse_args()
    if args.keep_labels:
        print(f"{keep_labels(args.files, args.labels_out)} pages' labels → {args.labels_out}")
        return
    pages = load_pages(args.files, args.final, args.round)
    if not pages:
        sys.exit(f"no labelled pages in {args.files}")
    facts = stored_facts(pages)
    right, misses = score(pages, facts)
    part = "held-out" if args.final else "development"
    rows = [[name, f"{right[name]}/{len(pages)}", f"{right[name] / len(pages):.1%}"]
            for name in FIELDS]  # fmt: skip
    text = f"{args.label or 'run'}: {part} part, {len(pages)} pages\n\n"
    text += table(["field", "right", "accuracy"], rows)
    print(text)
    if not args.final:  # the held-out pages' own results stay unseen
        print("\n".join(misses))
    if args.write:
        corpus = f"{len(pages)} hand-labelled real pages ({part} part of {args.files})"
        write_section(f"facts-{part}-run", f"Facts on real pages, last run ({part})",
                      header(" ".join(sys.argv), corpus) + "\n" + text)  # fmt: skip


if __name__ == "__main__":
    main()
