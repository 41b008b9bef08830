""" "Did you mean": accents for unaccented queries, and nearest words for misspellings.

The vocabulary is the index's own. Each folded syllable has candidate accented
forms ("vien" → viện, viên, viền); the choice is made in context, by how many
documents hold the candidate next to its neighbour ("viện kiểm" beats "viên
kiểm"), then by document frequency.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from whoosh import query as wq

from searcher.segment import syllabify
from searcher.text import canonical, fold, has_diacritics

MAX_CANDIDATES = 5
MAX_WORDS = 8
MAX_WORD_CHARS = 30  # longer is no Vietnamese syllable: never corrected (bounded cost)

PairCount = Callable[[str, str], int]


class Vocabulary:
    """Folded syllable → accented candidates (most frequent first), plus pair counts."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        ranked: dict[str, list[tuple[int, str]]] = {}
        for term, info in reader.iter_field("body"):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            ranked.setdefault(fold(text), []).append((info.doc_frequency(), text))
        self.candidates = {
            key: [t for _, t in sorted(forms, reverse=True)[:MAX_CANDIDATES]]
            for key, forms in ranked.items()
        }
        self.frequency = {t: df for forms in ranked.values() for df, t in forms}
        self.pair_count = lru_cache(maxsize=4096)(self._pair_count)
        self.corrector = reader.corrector("body_folded")

    def _pair_count(self, a: str, b: str) -> int:
        """Documents where ``a b`` stand together (canonical syllables)."""
        q = wq.Phrase("body", [a, b])
        return len(self.searcher.search(q, limit=None, scored=False))

    def best_form(self, key: str) -> str | None:
        forms = self.candidates.get(key)
        return forms[0] if forms else None

    def nearest(self, word: str) -> list[str]:
        """Indexed folded syllables within edit distance 2 of an unknown word."""
        key = fold(word)
        if key in self.candidates or not key.isalpha() or len(key) > MAX_WORD_CHARS:
            return []
        found = self.corrector.suggest(key, limit=200, maxdist=2)
        return sorted(found, key=lambda k: (distance(key, k), -self._df(k)))

    def _df(self, key: str) -> int:
        return max((self.frequency.get(t, 0) for t in self.candidates.get(key, [])), default=0)


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
        return together, vocab.frequency.get(option, 0)

    return max(options, key=score)


def suggestion(query_text: str, vocab: Vocabulary) -> str | None:
    """A better query than ``query_text``, or None.

    Only plain queries get suggestions (no filters, operators or quotes). An
    unaccented query gets accents; an unknown word its nearest indexed word.
    """
    if any(ch in query_text for ch in ':"') or " OR " in f" {query_text} " or "-" in query_text:
        return None
    words = [query_text[a:b] for a, b in syllabify(query_text)]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words or len(words) > MAX_WORDS:
        return None
    accent = not any(has_diacritics(w) for w in words)
    options: list[list[str]] = []
    for w in words:
        key = fold(w)
        near = vocab.nearest(w)
        if near:
            best = distance(key, near[0])
            keys = [k for k in near if distance(key, k) == best][:8]
        elif key in vocab.candidates:
            keys = [key]
        else:
            keys = []
        if not keys:
            options.append([canonical(w)])
        elif accent:
            options.append([f for k in keys for f in vocab.candidates[k][:3]])
        elif near:
            options.append([vocab.best_form(k) or k for k in keys])
        else:
            options.append([canonical(w)])
    chosen: list[str] = []
    for i, opts in enumerate(options):
        nxt = options[i + 1] if i + 1 < len(options) else []
        chosen.append(_choose(opts, chosen[-1] if chosen else None, nxt, vocab))
    result = " ".join(chosen)
    return None if result == canonical(" ".join(words)) else result
