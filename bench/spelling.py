"""Typo correction at archive scale: misspelled queries made from real news titles.

A seeded script takes 2–4 consecutive syllables of real titles of
../shared/data/news/baomoi-2017 (one clause, letters only, lower case, typed with
diacritics or without, half each) and makes one edit in one syllable: a letter
dropped ("giao ban" → "giao ba"), one added ("tham nhũngg"), one replaced by a
neighbour on the keyboard ("giao bam"), two swapped ("viện kiểm sát" → "viện kiểm
sta") or, typed with diacritics, a wrong or missing tone mark ("thám nhũng"). As
many correctly spelled queries come from other titles. The articles are one JSONL
export indexed by ``searcher sync``; each query goes to ``Engine.search`` as typed.

A misspelled query is corrected when the engine's suggestion ("Bạn có muốn tìm") or
the corrected query it searched instead equals the original syllables (compared
with diacritics when the query was typed with them, folded when not); a correct
query is falsely corrected when it gets either and that differs from what was
typed. A seeded half of the queries is the dev half (``searcher/results/suggest.py``'s
weights were fitted on it at 35k), the other half is reported as unseen. Also
reported: ``suggestion()`` alone on the same index (the engine asks it only when a
query finds fewer than 5 articles), and its time per query (the first, which loads
the near-spelling table, included).

Also reported, per size: the short natural questions (2–8 words: the community QA set's
train and val questions, the judged set's queries; typed with diacritics and punctuation,
about other things than the news), as typed and stripped of diacritics, for which the
page proposes other words: false alarms of another style than the generated set.
``--seed N`` (not 21) makes a fresh set, one half, never looked at while fitting: scored
once, at the end of a round.

    .venv/bin/python bench/spelling.py [--sizes 3000 35000] [--workdir DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import argv, header, percentile, table, write_section
from devsets import VICOV
from judged import load_queries as load_judged
from relevance import load_queries
from speed import NEWS, load_news, write_corpus

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import build_request, parse_query
from searcher.query.plan import plan_query
from searcher.results.suggest import suggestion as suggest_plan
from searcher.vi.text import TONE_MARKS, canonical, fold, has_diacritics, strip_diacritics


def suggestion(text: str, vocab):
    """Did-you-mean for a query as typed (read once into a plan, as the engine does)."""
    return suggest_plan(plan_query(parse_query(text)), vocab)


CLAUSE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # letters and spaces: no punctuation
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
KINDS = ("deletion", "insertion", "substitution", "transposition", "tone")
SEED = 21  # the set the weights were fitted on (its dev half)


def neighbours(letter: str) -> str:
    """Keys next to ``letter`` on a QWERTY keyboard (same row)."""
    for row in KEYBOARD:
        i = row.find(letter)
        if i >= 0:
            return row[max(i - 1, 0) : i] + row[i + 1 : i + 2]
    return "aeiou"


def runs(title: str, rng: random.Random) -> str | None:
    """2–4 consecutive syllables of one clause of ``title``, lower case."""
    clauses = [c.split() for c in CLAUSE.findall(title)]
    clauses = [c for c in clauses if len(c) >= 2 and all(len(fold(w)) <= 7 for w in c)]
    if not clauses:
        return None
    words = rng.choice(clauses)
    k = min(rng.randint(2, 4), len(words))
    i = rng.randrange(len(words) - k + 1)
    return canonical(" ".join(words[i : i + k]))


def retone(word: str, rng: random.Random) -> str:
    """The word with its tone mark removed or changed (or one added where it has none)."""
    letters = unicodedata.normalize("NFD", word)
    marks = [i for i, ch in enumerate(letters) if ch in TONE_MARKS]
    if marks:
        i = marks[0]
        other = rng.choice([m for m in TONE_MARKS if m != letters[i]] + [""])
        letters = letters[:i] + other + letters[i + 1 :]
    else:
        vowels = [i for i, ch in enumerate(letters) if ch in "aeiouy"]
        if not vowels:
            return word
        i = vowels[-1] + 1
        letters = letters[:i] + rng.choice(TONE_MARKS) + letters[i:]
    return unicodedata.normalize("NFC", letters)


def misspell(query: str, rng: random.Random) -> tuple[str, str] | None:
    """(the query with one edit in one syllable, the kind of edit)."""
    words = query.split()
    i = rng.randrange(len(words))
    w = words[i]
    kinds = [k for k in KINDS if k != "tone" or has_diacritics(query)]
    kind = rng.choice(kinds)
    j = rng.randrange(len(w))
    if kind == "deletion" and len(w) >= 2:
        w = w[:j] + w[j + 1 :]
    elif kind == "insertion":
        w = w[: j + 1] + rng.choice([w[j], *neighbours(fold(w[j]))]) + w[j + 1 :]
    elif kind == "substitution":
        w = w[:j] + rng.choice(neighbours(fold(w[j]))) + w[j + 1 :]
    elif kind == "transposition" and len(w) >= 2:
        j = min(j, len(w) - 2)
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == "tone":
        w = retone(w, rng)
    typed = " ".join([*words[:i], w, *words[i + 1 :]])
    if not w or same(typed, query, has_diacritics(query)):
        return None
    return typed, kind


def same(a: str, b: str, accented: bool) -> bool:
    return canonical(a) == canonical(b) if accented else fold(a) == fold(b)


def make_queries(titles: list[str], n: int, seed: int = 21) -> tuple[list[dict], list[dict]]:
    """(misspelled, correct): each a dict with the typed query, the original, the edit,
    the half (dev or unseen) and the title's position; drawn from disjoint titles."""
    rng = random.Random(seed)
    order = rng.sample(range(len(titles)), len(titles))
    wrong: list[dict] = []
    right: list[dict] = []
    for t in order:
        if len(wrong) >= n and len(right) >= n:
            break
        original = runs(titles[t], rng)
        if original is None:
            continue
        accented = rng.random() < 0.5
        typed = original if accented else strip_diacritics(original)
        half = "dev" if rng.random() < 0.5 else "unseen"
        if seed != SEED:  # a fresh set, never looked at while fitting: one half
            half = f"fresh (seed {seed})"
        if len(wrong) < n and (len(right) >= n or rng.random() < 0.5):
            made = misspell(typed, rng)
            if made:
                wrong.append({"q": made[0], "original": typed, "kind": made[1], "half": half,
                              "title": t})  # fmt: skip
        elif len(right) < n:
            right.append({"q": typed, "original": typed, "kind": "correct", "half": half,
                          "title": t})  # fmt: skip
    return wrong, right


def proposed(engine: Engine, q: str) -> str | None:
    """What the page offers instead of ``q``: the corrected query it searched, or the
    "Bạn có muốn tìm" suggestion."""
    r = engine.search(build_request(q))
    return r.corrected or r.suggestion


def score(engine: Engine, queries: list[dict]) -> list[dict]:
    vocab = engine._current().vocabulary  # suggestion() alone, on the same index
    out = []
    for item in queries:
        t0 = time.perf_counter()
        shown = proposed(engine, item["q"])
        ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        alone = suggestion(item["q"], vocab)
        alone_ms = (time.perf_counter() - t0) * 1000
        accented = has_diacritics(item["original"])
        ok = shown is not None and same(shown, item["original"], accented)
        alone_ok = alone is not None and same(alone, item["original"], accented)
        changed = shown is not None and not same(shown, item["q"], accented)
        alone_changed = alone is not None and not same(alone, item["q"], accented)
        out.append({**item, "shown": shown, "ok": ok, "alone": alone, "alone_ok": alone_ok,
                    "changed": changed, "alone_changed": alone_changed, "ms": ms,
                    "alone_ms": alone_ms})  # fmt: skip
    return out


def natural_questions() -> list[str]:
    """Short natural questions (2–8 words, as typed, with diacritics and punctuation):
    the community set's train and val questions and the judged set's queries."""
    out = []
    for part in ("train", "val"):
        if (VICOV / f"{part}.queries.tsv").exists():
            asked = load_queries(VICOV, part)[0].values()
            out += [q for q in asked if 2 <= len(q.split()) <= 8]
    return out + [q["q"] for q in load_judged()]


def false_alarms(engine: Engine, questions: list[str]) -> list[tuple[str, str]]:
    """The questions the page proposes other words for (accents alone do not count)."""
    words = re.compile(r"[^\W_]+")
    out = []
    for q in questions:
        shown = proposed(engine, q)
        if shown and fold(" ".join(words.findall(shown))) != fold(" ".join(words.findall(q))):
            out.append((q, shown))
    return out


def rate(rows: list[dict], key: str) -> str:
    return f"{sum(r[key] for r in rows) / max(len(rows), 1):.1%}" if rows else "–"


def run_size(
    records: list[dict], n: int, workdir: Path, seed: int = SEED
) -> tuple[list[list], list[dict], tuple[list, list], int]:
    corpus, index = workdir / "corpus", workdir / "index"
    write_corpus(records, corpus, "news.jsonl")
    t0 = time.perf_counter()
    report = sync(corpus, index)
    if report.renamed:
        raise SystemExit(f"news not indexed whole: {report.to_json()}")
    print(f"{len(records)} articles: sync {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    engine = Engine(index)
    wrong, right = make_queries([r["title"] for r in records], n, seed)
    scored = score(engine, wrong + right)
    questions = natural_questions()
    alarms = false_alarms(engine, questions)
    alarms_stripped = false_alarms(engine, [strip_diacritics(q) for q in questions])
    rows = []
    for half in sorted({r["half"] for r in scored}):
        bad = [r for r in scored if r["half"] == half and r["kind"] != "correct"]
        good = [r for r in scored if r["half"] == half and r["kind"] == "correct"]
        ms = [r["ms"] for r in scored if r["half"] == half]
        alone_ms = [r["alone_ms"] for r in scored if r["half"] == half]
        rows.append([f"{len(records):,}", half, len(bad), rate(bad, "ok"), rate(bad, "alone_ok"),
                     len(good), rate(good, "changed"), rate(good, "alone_changed"),
                     f"{percentile(ms, 50):.0f} / {percentile(ms, 95):.0f}",
                     f"{percentile(alone_ms, 50):.0f} / {percentile(alone_ms, 95):.0f} / "
                     f"{max(alone_ms):.0f}"])  # fmt: skip
    return rows, scored, (alarms, alarms_stripped), len(questions)


def by_kind(scored: list[dict]) -> str:
    total, ok, alone = Counter(), Counter(), Counter()
    for r in scored:
        if r["kind"] != "correct":
            total[r["kind"]] += 1
            ok[r["kind"]] += r["ok"]
            alone[r["kind"]] += r["alone_ok"]
    return ", ".join(
        f"{k} {ok[k] / total[k]:.0%} ({alone[k] / total[k]:.0%} alone)" for k in KINDS if total[k]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 35000])
    parser.add_argument("--queries", type=int, default=400, help="misspelled, and as many correct")
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--workdir", type=Path, help="keep corpus/ and index/ here (reused)")
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help=f"another seed: a fresh set (the weights were fitted on {SEED})",
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    records = load_news(args.news, max(args.sizes))
    rows, notes = [], []
    for size in args.sizes:
        part = records[:size]
        if args.workdir:
            scored_rows, scored, alarms, asked = run_size(
                part, args.queries, args.workdir / str(size), args.seed
            )
        else:
            with tempfile.TemporaryDirectory() as tmp:
                scored_rows, scored, alarms, asked = run_size(
                    part, args.queries, Path(tmp), args.seed
                )
        rows += scored_rows
        notes.append(f"- {len(part):,} articles, by edit: {by_kind(scored)}")
        misses = [r for r in scored if r["kind"] != "correct" and not r["ok"]][:6]
        notes.append("  missed: " + "; ".join(f"“{r['q']}” → {r['shown']}" for r in misses))
        false = [r for r in scored if r["kind"] == "correct" and r["changed"]][:6]
        if false:
            notes.append("  false: " + "; ".join(f"“{r['q']}” → {r['shown']}" for r in false))
        for form, found in zip(("as typed", "without diacritics"), alarms, strict=True):
            notes.append(f"  short natural questions {form} given other words: {len(found)} of "
                         f"{asked} ({len(found) / max(asked, 1):.1%}): "
                         + "; ".join(f"“{q}” → {p}" for q, p in found[:6]))  # fmt: skip
    sizes = ", ".join(f"{s:,}" for s in args.sizes)
    body = header(argv(), f"{args.news.name}: the first {sizes} articles (title, sapo+body)")
    body += "\n" + table(
        ["articles", "half", "misspelled", "corrected", "suggestion() alone", "correct",
         "falsely corrected", "alone", "search ms p50 / p95",
         "suggestion() ms p50 / p95 / max"], rows,
    )  # fmt: skip
    body += "\n" + "\n".join(notes) + "\n"
    print(body)
    if not args.no_write:
        write_section("spelling", "Typo correction: misspelled queries from real titles", body)


if __name__ == "__main__":
    main()
