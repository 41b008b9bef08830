"""The index's own words for did-you-mean and completions: accent forms, frequencies,
near spellings and how often two syllables stand together.

Every answer comes from the segment arrays (a few binary searches, or one vectorised
pass): "vien" → ("viện", "viên", "viền"); "bam" → near spellings "ban", "bám", …;
``pair_matrix(["giao"], ["ban", "bạn"])`` → how many bodies hold "giao ban" and
"giao bạn".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from searcher.index.arrays.build import pairs
from searcher.index.recent import Recent
from searcher.query.words import known_words
from searcher.results.pair_table import PairTable
from searcher.vi.text import canonical, fold, has_diacritics

MAX_CANDIDATES = 12  # accent forms kept per folded syllable, most documents first
CACHED = 8192
FOLLOWS = 0.6  # share of a syllable's documents where the next one follows it
MAX_WORD_CHARS = 30  # longer is no Vietnamese syllable: never corrected (bounded cost)


@dataclass(frozen=True)
class _Spellings:
    """The folded body syllables: by length, by each one-letter deletion ("gia" →
    "giao", "gian", "giai"), and as a set."""

    by_length: dict[int, list[str]]
    deleted: dict[str, list[str]]
    known: set[str]


class Vocabulary:
    """The index's own words, from the segment arrays: folded syllable → accented forms
    (most frequent first), document frequencies, and documents where two syllables
    stand together (precomputed pair table). Every lookup is a few binary searches."""

    def __init__(self, arrays) -> None:
        self.arrays = arrays
        self._spellings: _Spellings | None = None  # folded body syllables, for near()
        self._pairs_seen = Recent(CACHED)
        self._pairs: PairTable | None = None  # every segment's pair tables, merged
        self._seen = Recent(CACHED)  # did-you-mean's per-word answers: words recur in queries
        self._frequencies: dict[str, int] | None = None  # canonical syllable → bodies
        self._folded_forms: dict[str, tuple[str, ...]] = {}  # folded → its forms in bodies
        self._folded_frequencies: dict[str, int] | None = None  # folded syllable → bodies

    def forms(self, key: str) -> tuple[str, ...]:
        """Canonical forms of a folded syllable seen in bodies, most documents first."""
        if self._frequencies is None:
            self._syllable_tables()
        return self._folded_forms.get(key, ())

    def pair_count(self, a: str, b: str) -> int:
        return self._pairs_seen.get((a, b), self._pair_count)

    def warm(self) -> None:
        """Build every table did-you-mean reads (the syllables, their pairs and forms,
        the near spellings) now rather than at the first query that needs them (about a
        second at 35k articles)."""
        if self._frequencies is None:
            self._syllable_tables()
        self._spelling_index()
        self.document_frequency("")

    def known(self, key: str) -> bool:
        return bool(self.forms(key))

    def anywhere(self, key: str) -> bool:
        """Is the folded syllable in any title or body?"""
        return any(self.arrays.doc_frequency(f, key) for f in ("body_folded", "title_folded"))

    def phrase_count(self, words: Sequence[str], folded: bool = False) -> int:
        """Titles and bodies in which ``words`` (canonical, or folded) stand together.

        Canonical syllables are read from the merged pair table once a did-you-mean
        (or ``warm``) has built it: two are one look-up ("giao ban"); a longer phrase
        with two neighbours that never stand together is in no article, without reading
        positions ("cho con có cảm" when "có cảm" is never written). Otherwise, and
        before (a one-off search from the terminal builds no table), the positions
        are matched (folded pairs by the views' pair postings): the same counts."""
        words = list(words)
        tables = not folded and self._pairs is not None  # built by a did-you-mean or warm()
        if tables and len(words) == 2:
            return int(self.pair_matrix(words[:1], words[1:])[0, 0])
        if tables and not all(self.pair_matrix([a], [b])[0, 0] for a, b in pairwise(words)):
            return 0
        fields = ("title_folded", "body_folded") if folded else ("title", "body")
        return sum(len(self.arrays.phrase_docs(f, words)) for f in fields)

    def written(self, term: str) -> bool:
        """Is the canonical syllable in any title or body?"""
        return any(self.arrays.doc_frequency(f, term) for f in ("body", "title"))

    def frequency(self, term: str) -> int:
        """Bodies holding the canonical syllable (a did-you-mean weighs hundreds)."""
        if self._frequencies is None:
            self._syllable_tables()
        return self._frequencies.get(term, 0)

    def _syllable_tables(self) -> None:
        """The canonical syllables read once per view, at the first did-you-mean:
        syllable → the bodies holding it, every segment summed (as
        ``arrays.doc_frequency`` answers, without a search per segment), folded
        syllable → its forms in bodies ("vien" → "viện", "viên", …), and every
        segment's pair tables, bodies and titles, merged under one numbering
        (``PairTable``: one look-up per candidate table, not two per segment)."""
        bodies: dict[str, int] = {}
        forms: dict[str, set[str]] = {}
        parts = []
        for seg in self.arrays.segments:
            terms, folded = seg.vocab["syl"].tolist(), seg.vocab["fold"].tolist()
            counts = np.diff(seg["body.toff"]).tolist()
            for t, f, n in zip(terms, seg["syl_fold"].tolist(), counts, strict=True):
                if n:
                    bodies[t] = bodies.get(t, 0) + n
                    forms.setdefault(folded[f], set()).add(t)
            titles = (
                {"key": seg["title_pairs.key"], "df": seg["title_pairs.df"]}
                if "title_pairs.key" in seg  # built with the segment; computed for an older one
                else pairs(seg["title.stream"], seg["title.docoff"], len(terms))
            )
            parts += [(terms, seg["pairs.key"], seg["pairs.df"]),
                      (terms, titles["key"], titles["df"])]  # fmt: skip
        self._frequencies = bodies
        self._folded_forms = {  # most documents first, the commonest few
            key: tuple(sorted(found, key=lambda t: (-bodies[t], t))[:MAX_CANDIDATES])
            for key, found in forms.items()
        }
        self._pairs = PairTable.merge(parts)

    def _counts(self, kind: str, field: str) -> dict[str, int]:
        """Every syllable of one vocabulary → the bodies holding it, every segment
        summed: one dict per view, built at the first did-you-mean (as
        ``arrays.doc_frequency`` answers, without a binary search per segment)."""
        out: dict[str, int] = {}
        for seg in self.arrays.segments:
            counts = np.diff(seg[f"{field}.toff"]).tolist()
            for t, n in zip(seg.vocab[kind].tolist(), counts, strict=True):
                if n:
                    out[t] = out.get(t, 0) + n
        return out

    def _pair_count(self, pair: tuple[str, str]) -> int:
        return self.arrays.pair_count(*pair)

    def best_form(self, key: str) -> str | None:
        forms = self.forms(key)
        return forms[0] if forms else None

    def near(self, key: str, most: int = 2) -> dict[str, int]:
        """Folded syllables of the bodies within ``most`` edits of the folded ``key``
        (Damerau's optimal string alignment: a swap of two letters is one edit), with
        their distance; ``key`` itself too when indexed. Nothing for a word over
        ``MAX_WORD_CHARS`` or one that is not all letters (bounded cost)."""
        if not key.isalpha() or len(key) > MAX_WORD_CHARS:
            return {}
        found = self.remembered(("near", key, min(most, 2)), lambda k: self._within(*k[1:]))
        return dict(found)

    def remembered(self, key: tuple, compute):
        """A per-word answer of did-you-mean (near spellings, a word's candidates),
        computed once per index view: "của", "giao" come back in query after query."""
        return self._seen.get(key, compute)

    def _within(self, key: str, most: int = 2) -> list[tuple[str, int]]:
        """(syllable, distance) for the folded body syllables within ``most`` (at most
        two) edits of ``key``. One edit: the syllables sharing a one-letter deletion
        with ``key`` (a deletion index, SymSpell's idea), checked by rapidfuzz's OSA
        distance (microseconds); two: rapidfuzz over the syllables of a near length
        (a millisecond or two at 35k articles; Whoosh's term-graph corrector took about
        a second a word)."""
        spellings = self._spelling_index()
        if most <= 1:
            near = set(spellings.deleted.get(key, ()))  # one letter added to the key
            for i in range(len(key)):
                shorter = key[:i] + key[i + 1 :]
                near.update(spellings.deleted.get(shorter, ()))  # replaced or swapped
                if shorter in spellings.known:
                    near.add(shorter)  # one letter dropped
            if key in spellings.known:
                near.add(key)
            found = ((t, int(OSA.distance(key, t, score_cutoff=most))) for t in near)
            return [(t, d) for t, d in found if d <= most]
        out: list[tuple[str, int]] = []
        for n in range(len(key) - most, len(key) + most + 1):
            terms = spellings.by_length.get(n, ())
            hits = process.extract(key, terms, scorer=OSA.distance, score_cutoff=most,
                                   limit=None)  # fmt: skip
            out += [(t, int(d)) for t, d, _ in hits]
        return out

    def _spelling_index(self) -> _Spellings:
        """The folded body syllables by length, and by each one-letter deletion."""
        if self._spellings is None:
            by_length: dict[int, list[str]] = {}
            for seg in self.arrays.segments:
                counts = np.diff(seg["body_folded.toff"])
                for t, n in zip(seg.vocab["fold"].tolist(), counts.tolist(), strict=True):
                    if n and t.isalpha() and len(t) <= MAX_WORD_CHARS + 2:
                        by_length.setdefault(len(t), []).append(t)
            lengths = {n: sorted(set(ts)) for n, ts in by_length.items()}
            deleted: dict[str, list[str]] = {}
            for terms in lengths.values():
                for t in terms:
                    for shorter in {t[:i] + t[i + 1 :] for i in range(len(t))}:
                        deleted.setdefault(shorter, []).append(t)
            known = {t for terms in lengths.values() for t in terms}
            self._spellings = _Spellings(lengths, deleted, known)
        return self._spellings

    def document_frequency(self, key: str) -> int:
        """Bodies holding the folded syllable ``key`` in any accent form."""
        if self._folded_frequencies is None:
            self._folded_frequencies = self._counts("fold", "body_folded")
        return self._folded_frequencies.get(key, 0)

    def pair_matrix(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """Bodies and titles in which each canonical syllable of ``left`` stands right
        before each of ``right``: a ``len(left)`` × ``len(right)`` table, one vectorised
        look-up in the view's merged pair table ("giao" before "ban", "bạn", "bàn" at
        once)."""
        if self._pairs is None:
            self._syllable_tables()
        return self._pairs.counts(left, right)

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
