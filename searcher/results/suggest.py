""" "Did you mean": accents for unaccented queries, and nearest words for misspellings.

The vocabulary is the index's own. Each folded syllable has candidate accented
forms ("vien" → viện, viên, viền); the choice is made in context, by how many
documents hold the candidate next to its neighbour ("viện kiểm" beats "viên
kiểm"), then by document frequency.
"""

from __future__ import annotations

import numpy as np

from searcher.analysis.analyzers import BREAK
from searcher.index.arrays.store import remember
from searcher.query.plan import QueryPlan
from searcher.query.words import known_words
from searcher.vi.text import canonical, fold, has_diacritics

MAX_CANDIDATES = 5
MAX_WORDS = 8
CACHED = 8192
FOLLOWS = 0.6  # share of a syllable's documents where the next one follows it
MAX_WORD_CHARS = 30  # longer is no Vietnamese syllable: never corrected (bounded cost)


class Vocabulary:
    """The index's own words, from the segment arrays: folded syllable → accented forms
    (most frequent first), document frequencies, and documents where two syllables
    stand together (precomputed pair table). Every lookup is a few binary searches."""

    def __init__(self, arrays) -> None:
        self.arrays = arrays
        self._spellings: tuple[np.ndarray, np.ndarray, list[str]] | None = None
        self._forms_seen: dict[str, tuple[str, ...]] = {}  # plain dicts: no reference cycle
        self._pairs_seen: dict[tuple[str, str], int] = {}

    def forms(self, key: str) -> tuple[str, ...]:
        return remember(self._forms_seen, key, self._forms, CACHED)

    def pair_count(self, a: str, b: str) -> int:
        return remember(self._pairs_seen, (a, b), self._pair_count, CACHED)

    def _forms(self, key: str) -> tuple[str, ...]:
        """Canonical forms of a folded syllable seen in bodies, most documents first."""
        df: dict[str, int] = {}
        for seg in self.arrays.segments:
            fid = seg.vocab["fold"].find(key)
            if fid < 0:
                continue
            toff = seg["body.toff"]
            for cid in seg.forms_of(fid).tolist():
                n = int(toff[cid + 1] - toff[cid])
                if n:
                    term = seg.vocab["syl"][cid]
                    df[term] = df.get(term, 0) + n
        ranked = sorted(df, key=lambda t: (-df[t], t))
        return tuple(ranked[:MAX_CANDIDATES])

    def known(self, key: str) -> bool:
        return bool(self.forms(key))

    def anywhere(self, key: str) -> bool:
        """Is the folded syllable in any title or body?"""
        return any(self.arrays.doc_frequency(f, key) for f in ("body_folded", "title_folded"))

    def frequency(self, term: str) -> int:
        return self.arrays.doc_frequency("body", term)

    def _pair_count(self, pair: tuple[str, str]) -> int:
        return self.arrays.pair_count(*pair)

    def best_form(self, key: str) -> str | None:
        forms = self.forms(key)
        return forms[0] if forms else None

    def nearest(self, word: str) -> list[str]:
        """Indexed folded syllables within edit distance 2 of an unknown word."""
        key = fold(word)
        if not key.isalpha() or len(key) > MAX_WORD_CHARS or self.anywhere(key):
            return []
        found = self._within_two(key)
        return sorted(found, key=lambda k: (distance(key, k), -self._df(k)))

    def _within_two(self, key: str) -> list[str]:
        """Folded body syllables within edit distance 2 of ``key``: one vectorised
        Levenshtein over the syllables of a near length (a few ms; Whoosh's term-graph
        corrector took about a second a word at 35k articles, under the reader's lock)."""
        if self._spellings is None:
            terms = sorted({
                t for seg in self.arrays.segments
                for t, n in zip(seg.vocab["fold"].tolist(), np.diff(seg["body_folded.toff"]),
                                strict=True)
                if n and len(t) <= MAX_WORD_CHARS + 2 and t != BREAK
            })  # fmt: skip
            width = max((len(t) for t in terms), default=1)
            codes = np.zeros((len(terms), width), dtype=np.int32)
            for i, t in enumerate(terms):
                codes[i, : len(t)] = [ord(c) for c in t]
            self._spellings = (codes, np.array([len(t) for t in terms], dtype=np.int32), terms)
        codes, lengths, terms = self._spellings
        near = np.flatnonzero(np.abs(lengths - len(key)) <= 2)
        if not len(near):
            return []
        cand, width = codes[near], int(lengths[near].max())
        prev = np.tile(np.arange(width + 1, dtype=np.int32), (len(near), 1))
        for i, ch in enumerate(key, 1):
            cur = np.empty_like(prev)
            cur[:, 0] = i
            for j in range(1, width + 1):
                cur[:, j] = np.minimum(np.minimum(prev[:, j], cur[:, j - 1]) + 1,
                                       prev[:, j - 1] + (cand[:, j - 1] != ord(ch)))  # fmt: skip
            prev = cur
        dist = prev[np.arange(len(near)), lengths[near]]
        return [terms[k] for k in near[dist <= 2].tolist()]

    def _df(self, key: str) -> int:
        return max((self.frequency(t) for t in self.forms(key)), default=0)

    def follower(self, form: str) -> tuple[str, int] | None:
        """The syllable that most often follows ``form``, and in how many documents."""
        counts: dict[str, int] = {}
        for seg in self.arrays.segments:
            a = seg.vocab["syl"].find(form)
            if a < 0:
                continue
            ids, dfs = seg.followers(a)
            if len(ids):
                best = int(np.argmax(dfs))
                term = seg.vocab["syl"][int(ids[best])]
                counts[term] = counts.get(term, 0) + int(dfs[best])
        if not counts:
            return None
        term = max(counts, key=lambda t: counts[t])
        return term, counts[term]

    def phrase(self, head: list[str], last: str, extend: int = 2) -> list[str]:
        """A completion as a Vietnamese would write it: the words typed before ``last``
        given their accents from what stands next to them in the index ("vien" before
        "kiểm" → "viện"), and ``last`` continued by the syllables that nearly always
        follow it ("kiểm" → "kiểm sát")."""
        words = [last]
        before = tuple(fold(w) for w in head[-1:])
        known = known_words()
        for _ in range(extend):
            nxt = self.follower(words[-1])
            if nxt is None or nxt[1] < FOLLOWS * max(self.frequency(words[-1]), 1):
                break
            so_far = tuple(fold(w) for w in words)
            if (*before, *so_far) in known or (len(so_far) > 1 and so_far in known):
                break  # a whole word already: "kiểm sát", never "kiểm sát nhân"
            spelled = (*so_far, fold(nxt[0]))
            if spelled not in known and (*before, *spelled) not in known:
                break  # only into a word: "viện kiểm" → "viện kiểm sát"
            words.append(nxt[0])
        out: list[str] = []
        right = last
        for word in reversed(head):
            if has_diacritics(word) or word.isupper():
                right = word if word.isupper() else canonical(word)
            else:
                forms = self.forms(fold(word)) or (canonical(word),)
                right = max(
                    forms, key=lambda f, r=right: (self.pair_count(f, r), self.frequency(f))
                )
            out.append(right)
        return [*reversed(out), *words]

    def starting(self, prefix: str, after: str | None = None, limit: int = 4) -> list[str]:
        """Accented syllables whose folding starts with ``prefix``, most documents
        first; after ``after`` (a folded syllable), those that follow it most often
        ("thanh" + "h" → "hóa"). Bounded: vectorised over the prefix's range."""
        scores: dict[str, int] = {}
        for seg in self.arrays.segments:
            rng = seg.vocab["fold"].prefix_range(prefix)
            if not len(rng):
                continue
            cids = seg.forms_of(rng.start, rng.stop)
            if after is None:
                toff = seg["body.toff"]
                weight = (toff[cids + 1] - toff[cids]).astype(np.int64)
            else:
                weight = np.zeros(len(cids), dtype=np.int64)
                for form in self.forms(after):
                    a = seg.vocab["syl"].find(form)
                    if a >= 0:
                        weight += seg.pair_dfs(a, cids)
            best = np.argsort(-weight, kind="stable")[: limit * 2]
            for i in best.tolist():
                if weight[i] > 0:
                    term = seg.vocab["syl"][int(cids[i])]
                    scores[term] = scores.get(term, 0) + int(weight[i])
        return sorted(scores, key=lambda t: (-scores[t], t))[:limit]


def distance(a: str, b: str) -> int:
    """Levenshtein distance.

    >>> distance("bam", "ban"), distance("giao", "giai")
    (1, 1)
    """
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _choose(options: list[str], prev: str | None, nxt: list[str], vocab: Vocabulary) -> str:
    """The option that most often stands next to its neighbours, then the most frequent."""
    if len(options) == 1:
        return options[0]

    def score(option: str) -> tuple[int, int]:
        together = vocab.pair_count(prev, option) if prev else 0
        together += max((vocab.pair_count(option, n) for n in nxt[:2]), default=0)
        return together, vocab.frequency(option)

    return max(options, key=score)


def suggestion(plan: QueryPlan, vocab: Vocabulary) -> str | None:
    """A better query than the one ``plan`` was read from, or None.

    Only plain queries get suggestions (no filters, operators or quotes). An
    unaccented query gets accents; an unknown word its nearest indexed word, and only
    when that word stands next to its neighbours somewhere in the index (never "và
    nội" for "hà nội"). The engine also drops a suggestion that finds no more articles.
    """
    if not plan.plain:
        return None
    words = [w for w in plan.typed if any(ch.isalnum() for ch in w)]
    if not words or len(words) > MAX_WORDS:
        return None
    accent = not any(has_diacritics(w) for w in words)
    options: list[list[str]] = []
    for w in words:
        key = fold(w)
        near = [] if w.isupper() and len(w) > 1 else vocab.nearest(w)  # "TAND": an abbreviation
        if near:
            best = distance(key, near[0])
            keys = [k for k in near if distance(key, k) == best][:8]
        elif vocab.known(key):
            keys = [key]
        else:
            keys = []
        if not keys:
            options.append([canonical(w)])
        elif accent:
            options.append([f for k in keys for f in vocab.forms(k)[:3]])
        elif near:
            options.append([vocab.best_form(k) or k for k in keys])
        else:
            options.append([canonical(w)])
    chosen: list[str] = []
    for i, opts in enumerate(options):
        nxt = options[i + 1] if i + 1 < len(options) else []
        chosen.append(_choose(opts, chosen[-1] if chosen else None, nxt, vocab))
    for i in range(len(chosen) - 1):  # a corrected word must stand with its neighbour here
        a, b = chosen[i], chosen[i + 1]
        changed = fold(a) != fold(words[i]) or fold(b) != fold(words[i + 1])
        if changed and not vocab.pair_count(a, b):
            return None
    result = " ".join(chosen)
    return None if result == canonical(" ".join(words)) else result
