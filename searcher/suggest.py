""" "Did you mean": accents for unaccented queries, and nearest words for misspellings.

The vocabulary is the index's own: for each folded syllable (and folded pyvi
compound), the accented form found in the most documents.
"""

from __future__ import annotations

from searcher.segment import syllabify
from searcher.text import canonical, fold, has_diacritics

MAX_RUN = 4


class Vocabulary:
    """folded → most frequent accented form, for syllables and compounds."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.syllables = self._best(reader, ("title", "body"))
        compounds = self._best(reader, ("title_words", "body_words"))
        self.compounds = {k.replace("_", " "): v.replace("_", " ") for k, v in compounds.items()}
        self.folded_terms = {k for k in self.syllables}

    @staticmethod
    def _best(reader, fields: tuple[str, ...]) -> dict[str, str]:
        best: dict[str, tuple[int, str]] = {}
        for name in fields:
            for term, info in reader.iter_field(name):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                key = fold(text)
                df = info.doc_frequency()
                if key not in best or df > best[key][0]:
                    best[key] = (df, text)
        return {k: v for k, (_, v) in best.items()}

    def accent(self, words: list[str]) -> list[str]:
        """Greedy longest match of runs of words against accented compounds."""
        out: list[str] = []
        i = 0
        keys = [fold(w) for w in words]
        while i < len(words):
            for n in range(min(MAX_RUN, len(words) - i), 1, -1):
                found = self.compounds.get(" ".join(keys[i : i + n]))
                if found:
                    out.extend(found.split(" "))
                    i += n
                    break
            else:
                out.append(self.syllables.get(keys[i], words[i]))
                i += 1
        return out

    def nearest(self, word: str) -> str | None:
        """The closest indexed word to a word the index does not have."""
        key = fold(word)
        if key in self.folded_terms:
            return None
        corrector = self.reader.corrector("body_folded")
        found = corrector.suggest(key, limit=1, maxdist=2)
        if not found:
            return None
        return self.syllables.get(found[0], found[0])


def suggestion(query_text: str, vocab: Vocabulary) -> str | None:
    """A better query than ``query_text``, or None.

    Unaccented words get their most likely accents; unknown words their nearest
    indexed word. Field filters and operators are left as typed.
    """
    parts = query_text.split()
    plain = [
        p for p in parts if ":" not in p and not p.startswith("-") and p != "OR" and '"' not in p
    ]
    if not plain or plain != parts:
        return None
    words = [query_text[a:b] for a, b in syllabify(query_text)]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    fixed = []
    for w in words:
        near = vocab.nearest(w)
        fixed.append(near if near else w)
    if not any(has_diacritics(w) for w in words):
        fixed = vocab.accent(fixed)  # typed without diacritics: suggest them
    result = " ".join(canonical(w) for w in fixed)
    return None if result == canonical(" ".join(words)) else result
