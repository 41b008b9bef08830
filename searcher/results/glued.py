"""Syllables typed without the spaces between them, read apart: "vienkiemsat" →
"vien kiem sat", "giaoban" → "giao ban", "hanoi" → "ha noi" (did-you-mean adds the
accents afterwards).

A word is read apart only when its shape allows it (letters only, more than one run of
vowels: a Vietnamese syllable has one), it is not one edit from a syllable ("baso" is a
typo of "báo"), and the archive holds its syllables together in more than
``GLUED_ODDS`` times as many articles as it writes the glued word. Codes, brands and
foreign names ("F1", "iPhone", "facebook") stay whole.

>>> glued_shape("vienkiemsat"), glued_shape("nghieng")
(True, False)
"""

from __future__ import annotations

import re
from itertools import pairwise

from searcher.results.vocabulary import Vocabulary
from searcher.vi.text import canonical, fold

# a word typed without spaces ("vienkiemsat") is read as up to MAX_PIECES syllables of
# at most MAX_SYLLABLE letters ("nghiêng") when they stand together GLUED_ODDS times
# more often than it is written
MIN_GLUED, MAX_PIECES, MAX_SYLLABLE, GLUED_ODDS = 4, 4, 7, 10
MAX_GLUED = MAX_PIECES * MAX_SYLLABLE


def code_shaped(word: str) -> bool:
    """A code or an acronym, kept as typed: a capital inside it or a digit ("nCoV",
    "F1", "iPhone"), never respelled into a word ("nCoV" is not "coi") nor read apart."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def unglued(words: list[str], vocab: Vocabulary) -> list[str]:
    """``words`` with each typed without the spaces between its syllables, as a phone's
    keyboard often leaves it ("vienkiemsat", "giaoban"), read as those syllables:
    the fewest that stand together in the archive, and more often than the glued
    word is written (``GLUED_ODDS``); a code, a number, and a word one edit from a
    syllable ("baso": a typo of "báo") stay whole.

    The typed letters are cut where the folded ones are, so "giaoban" → "giao ban"
    and its accents come from the archive afterwards."""
    out: list[str] = []
    for word in words:
        key = fold(word)
        if code_shaped(word) or not glued_shape(key) or _a_typo_of_one(key, vocab):
            out.append(word)
            continue
        # remembered: the engine's suspicion test and did-you-mean both ask
        cuts = vocab.remembered(("cuts", key), lambda k: _cuts(k[1], vocab))
        own = canonical(word)
        text = own if len(own) == len(key) else key  # fold is letter for letter on NFC
        out.extend([text[a:b] for a, b in pairwise((0, *cuts, len(key)))] if cuts else [word])
    return out


_VOWEL_RUN = re.compile("[aeiouy]+")


def _vowel_runs(key: str) -> int:
    """Runs of vowels in a folded word: a Vietnamese syllable has one."""
    return len(_VOWEL_RUN.findall(key))


def glued_shape(key: str) -> bool:
    """Could the folded word be several syllables typed without spaces? Letters only,
    and more than one run of vowels: a Vietnamese syllable has one ("giao", "nghieng"),
    "giaoban" and "hanoi" have two.

    >>> glued_shape("giaoban"), glued_shape("nghieng"), glued_shape("f1")
    (True, False, False)
    """
    return (
        key.isascii()
        and key.isalpha()
        and MIN_GLUED <= len(key) <= MAX_GLUED
        and _vowel_runs(key) > 1
    )


def _a_typo_of_one(key: str, vocab: Vocabulary) -> bool:
    """Is the folded word one edit from a syllable the archive holds ("baso": "bao")?
    Then it is as likely a typo as syllables run together, and did-you-mean's edits
    judge it."""
    return any(k != key and _vowel_runs(k) == 1 for k in vocab.near(key, most=1))


def _cuts(key: str, vocab: Vocabulary) -> tuple[int, ...]:
    """Where to cut the folded ``key`` into syllables the archive holds (each with one run
    of vowels, as a Vietnamese syllable has: never "g" or "tt"), fewest first,
    then those the archive holds together most often: () when none stands together
    in more than ``GLUED_ODDS`` times as many articles as ``key`` is written in (in
    any, when it is written in none)."""
    enough = GLUED_ODDS * vocab.document_frequency(key)  # never written: any article
    known: dict[str, bool] = {}

    def splits(start: int, left: int) -> list[tuple[int, ...]]:  # cut points after start
        if left == 1:
            tail = key[start:]
            return [()] if len(tail) <= MAX_SYLLABLE and _held(tail) else []
        found = []
        for end in range(start + 1, min(start + MAX_SYLLABLE, len(key) - 1) + 1):
            if _held(key[start:end]):
                found.extend((end, *rest) for rest in splits(end, left - 1))
        return found

    def _held(piece: str) -> bool:  # a syllable's shape (one run of vowels), in some body
        if piece not in known:
            known[piece] = _vowel_runs(piece) == 1 and vocab.document_frequency(piece) > 0
        return known[piece]

    for pieces in range(2, MAX_PIECES + 1):
        counted = []
        for cuts in splits(0, pieces):
            parts = [key[a:b] for a, b in pairwise((0, *cuts, len(key)))]
            counted.append((vocab.phrase_count(parts, folded=True), cuts))
        best = max(counted, default=(0, ()))
        if best[0] > enough:
            return best[1]
    return ()
