""" "Did you mean": the query as the archive writes it, accents and spelling.

"giao bam" → "giao ban", "tham nhungg" → "tham nhũng", "vien kiem sta" → "viện
kiểm sát"; "hoi nghi tong ket" gets its accents ("hội nghị tổng kết") and no other
change. The archive is the dictionary and the language model (a noisy channel):

- each typed word's candidates are the indexed syllables within one edit of its
  letters (two for a word no article holds; a swap of two letters is one edit), in
  the accent forms the bodies use; in a query typed with diacritics the edits are
  counted letter by letter as a keyboard types them (``letters_apart``): a missed
  key loses its marks with it ("nhs" is one edit from "nhà"), the same letter with
  another mark costs ``keyboard.TONE_EDIT`` per mark, and a mark the user typed is meant
  (replacing "ỹ" costs its tilde too); in a query typed without, accents are free;
- a sequence of candidates is scored by a bigram model of the archive: documents in
  which each syllable follows the one before it, in a title or a body, over
  documents holding the first one, smoothed by how common the second is (Viterbi
  over the candidates; pair counts looked up as one table per neighbour), less
  ``EDIT_COST`` per edit;
- one typed word at a time may be respelled; the likeliest hypotheses gain
  ``PHRASE`` × log(1 + articles holding the whole phrase), and respelling is likelier
  (``UNSEEN_TYPO``) when no article holds the typed words together, more so for a
  word beside a neighbour it never stands with (``UNSEEN_PAIR_TYPO``); less in a query
  typed with diacritics (``…_ACCENTED``: "cách ly tại nhà nghĩa là gì" was typed with
  care, and is not "nghĩ là").

Syllables typed without the spaces between them ("vienkiemsat", "hanoi": more than one
run of vowels, no syllable one edit away) are first read apart where the archive writes
them together far more often than glued (``unglued``); the engine looks for a correction
of such a word even when it finds articles.

A word alone (no neighbour) is respelled only when the archive holds no such word; a
code or an acronym ("nCoV", "F1": a capital inside it or a digit) never is. In a query
typed with diacritics in which some neighbours never stand together, only the words
beside them are suspects: the others, written so in the archive, keep their spelling and
their candidates are not read (round 8: the same corrections and false alarms on both
halves of bench/spelling.py and the natural questions, a millisecond less at p95); in one
typed without, the others only take the accents the archive writes them with (round 9:
the same again, their near spellings unread). A query typed with diacritics that the
archive holds as typed, whole ("Bắn phá chờ Barca"), keeps all its letters (round 12: the
same corrections and false alarms on both halves and the natural questions; such a
query's did-you-mean 7.8 → 0.8 ms at 35k).
The weights were fitted on bench/spelling.py's dev half at 35k articles (``PHRASE``
0.5 → 0.75 in round 6, with the letter-by-letter edits; the ``…_ACCENTED`` odds in round
7, on the same half and 265 short natural questions (false alarms 8.3 → 2.3 %, corrections
unchanged); ``UNSEEN_PAIR_TYPO`` changes nothing there: it is what lets a small
archive correct "giao bam" when "bấm" exists, tests/test_spelling.py). Each respelling
of a word is scored at once (best way in from the left plus best way out to the right),
its path found for the likeliest only.
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np

from searcher.query.plan import QueryPlan
from searcher.results.glued import code_shaped, unglued
from searcher.results.keyboard import letters_apart
from searcher.results.vocabulary import MAX_WORD_CHARS, Vocabulary
from searcher.vi.text import canonical, fold, has_diacritics

MAX_WORDS = 8
EDIT_COST = 8.0  # log-likelihood an edit must buy; fitted on bench/spelling.py's dev half
# log-odds for a typo when no article holds the typed words together (whole), and more
# for a word beside a typed neighbour it never stands with (pair); lower in a query typed
# with diacritics, whose words were typed with care (fitted on bench/spelling.py's dev
# half, with short natural questions as false alarms)
UNSEEN_TYPO = 4.0
UNSEEN_PAIR_TYPO = 8.0
UNSEEN_TYPO_ACCENTED = 3.0
UNSEEN_PAIR_TYPO_ACCENTED = 2.0
PHRASE_CHECKED = 6  # likeliest hypotheses whose whole phrase is counted
PHRASE = 0.75  # weight of the log count of articles holding the whole corrected phrase
SMOOTHING = 2.0  # pseudo-documents of the back-off to a syllable's own frequency
MAX_SPELLINGS = 30  # near folded spellings kept per short word, most documents first
MAX_FORMS = 5  # accent forms kept per spelling of a word typed without diacritics
MAX_OPTIONS = 50  # candidates kept per short word, fewest edits then most documents first
SHORT_WORD = 3  # letters: a short word has many neighbours one edit away ("to": "tp", "tô")
LONG_SPELLINGS, LONG_OPTIONS = 20, 30  # the same for a longer word, which has fewer
# a misspelt query shown corrected is searched in its likeliest readings together (the
# best first), each at least this likely against the best: "bao tuye" is "báo tuyển" or
# "bão tuyết" (chosen on bench/spelling.py's dev half; a fresh half confirmed it)
READINGS = 5
READING_ODDS = 0.05


def candidates(word: str, vocab: Vocabulary, accented: bool) -> dict[str, float]:
    """Canonical candidates for one typed word → their cost in edits (``_candidates``),
    remembered by the vocabulary (a copy: callers may change theirs)."""
    return dict(vocab.remembered(("candidates", word, accented),
                                 lambda _: _candidates(word, vocab, accented)))  # fmt: skip


def _candidates(word: str, vocab: Vocabulary, accented: bool) -> dict[str, float]:
    """Canonical candidates for one typed word → their cost in edits.

    Letters are compared folded (a swap of two is one edit); in a query typed with
    diacritics (``accented``) other diacritics cost ``keyboard.TONE_EDIT`` more ("nhũngg" is
    one edit from "nhũng", two from "những"); in one typed without, any
    accent form is free. A word the archive does not hold is not its own
    candidate. Codes and abbreviations ("TAND", "nCoV", ``code_shaped``), numbers and
    words over ``MAX_WORD_CHARS`` keep only themselves."""
    own, key = canonical(word), fold(word)
    if code_shaped(word) or not key.isalpha() or len(own) > MAX_WORD_CHARS:
        return {own: 0.0}
    near = vocab.near(key, most=1 if vocab.anywhere(key) else 2)
    spellings = sorted(near, key=lambda k: (near[k], -vocab.document_frequency(k), k))
    out: dict[str, float] = {}
    if accented and vocab.written(own):
        out[own] = 0.0
    short = len(key) <= SHORT_WORD
    for k in spellings[: MAX_SPELLINGS if short else LONG_SPELLINGS]:
        forms = vocab.forms(k)
        for form in forms if accented or k == key else forms[:MAX_FORMS]:
            cost = letters_apart(own, form) if accented else float(near[k])
            out[form] = min(cost, out.get(form, cost))
    if not accented and key in near and vocab.written(own):
        out[own] = 0.0  # a form only titles use ("Dốc Cun")
    kept = MAX_OPTIONS if short else LONG_OPTIONS
    ranked = sorted(out, key=lambda f: (out[f], -vocab.frequency(f)))[:kept]
    return {f: out[f] for f in ranked} or {own: 0.0}


class _Lattice:
    """The candidates of every typed word and the bigram scores between neighbours,
    looked up once; ``best`` runs Viterbi over the options a hypothesis allows."""

    def __init__(self, found: list[dict[str, float]], vocab: Vocabulary) -> None:
        docs = max(vocab.arrays.size, 1)
        self.options = [list(c) for c in found]
        self.costs = [np.array(list(c.values()), dtype=np.float64) for c in found]
        dfs = [np.array([vocab.frequency(o) for o in opts], np.float64) for opts in self.options]
        self.start = np.log((dfs[0] + 1) / (docs + 1))
        self.follows = []  # log P(next | previous), smoothed by the next one's frequency
        self.together = []  # documents where each option stands right before each next one
        for i in range(1, len(found)):
            together = vocab.pair_matrix(self.options[i - 1], self.options[i])
            prior = SMOOTHING * (dfs[i] + 1) / (docs + 1)
            self.follows.append(np.log((together + prior) / (dfs[i - 1][:, None] + SMOOTHING)))
            self.together.append(together)
        self.where = [{o: k for k, o in enumerate(opts)} for opts in self.options]

    def ever_together(self, chosen: list[str]) -> bool:
        """Whether every two neighbours of ``chosen`` stand together somewhere: if one
        pair never does, no article holds the whole phrase (no need to count it)."""
        at = [where[w] for where, w in zip(self.where, chosen, strict=True)]
        return all(m[a, b] for m, a, b in zip(self.together, at, at[1:], strict=False))

    def best(self, allowed: list[np.ndarray], edit_cost: float) -> tuple[list[str], float]:
        """(the best sequence among the ``allowed`` options of each word, its score)."""
        penalty = self._penalties(allowed, edit_cost)
        score = self.start + penalty[0]
        back: list[np.ndarray] = []
        for i, follows in enumerate(self.follows, 1):
            total = score[:, None] + follows
            back.append(np.argmax(total, axis=0))
            score = total.max(axis=0) + penalty[i]
        path = [int(np.argmax(score))]
        for pointers in reversed(back):
            path.append(int(pointers[path[-1]]))
        path.reverse()
        return [self.options[i][k] for i, k in enumerate(path)], float(score[path[-1]])

    def _penalties(self, allowed: list[np.ndarray], edit_cost: float) -> list[np.ndarray]:
        """Each option's edit cost in log-likelihood, -inf where a hypothesis forbids it."""
        return [np.where(ok, -edit_cost * c, -np.inf)
                for ok, c in zip(allowed, self.costs, strict=True)]  # fmt: skip

    def respellings(self, allowed: list[np.ndarray], at: int, edit_cost: float) -> np.ndarray:
        """The score ``best`` gives each option of word ``at`` alone allowed there (the
        others as ``allowed``), for all of them at once: the best way in from the left
        plus the best way out to the right."""
        penalty = self._penalties(allowed, edit_cost)
        penalty[at] = -edit_cost * self.costs[at]
        score = self.start + penalty[0]
        for i in range(1, at + 1):
            score = (score[:, None] + self.follows[i - 1]).max(axis=0) + penalty[i]
        out = np.zeros(len(self.options[-1]))
        for i in range(len(self.options) - 1, at, -1):
            out = (self.follows[i - 1] + (penalty[i] + out)[None, :]).max(axis=1)
        return score + out


def ranked_corrections(
    words: list[str], vocab: Vocabulary, edit_cost: float = EDIT_COST
) -> list[list[str]]:
    """The likeliest ways the archive wrote the typed ``words``, best first."""
    return [chosen for chosen, _ in scored_corrections(words, vocab, edit_cost)]


def scored_corrections(
    words: list[str], vocab: Vocabulary, edit_cost: float = EDIT_COST
) -> list[tuple[list[str], float]]:
    """The likeliest ways the archive wrote the typed ``words``, best first, each with its
    log-likelihood under the model.

    One typed word at a time may be respelled (the others keep their letters, and
    take the accents that fit); of these hypotheses the best one wins, words that
    stand together as a whole phrase in the archive counting ``PHRASE`` more."""
    accented = any(has_diacritics(w) for w in words)
    typed = [canonical(w) for w in words] if accented else [fold(w) for w in words]
    folded = not accented
    # typed neighbours the archive never writes together (none when it holds the phrase)
    whole_seen = len(words) < 2 or bool(vocab.phrase_count(typed, folded))
    unseen = [False if whole_seen else not vocab.phrase_count(pair, folded)
              for pair in pairwise(typed)]  # fmt: skip
    beside = [any(unseen[max(i - 1, 0) : i + 1]) for i in range(len(words))]
    # a query is suspect only beside such a pair, when it has one: its other words keep
    # their letters (no near spellings read); so does every word of a query typed with
    # diacritics that the archive writes as typed, whole
    careful = accented and whole_seen and len(words) > 1
    away = [(careful or (any(unseen) and not beside[i])) and not code_shaped(w)
            for i, w in enumerate(words)]  # fmt: skip
    found = [_options(w, t, vocab, accented, away=a)
             for w, t, a in zip(words, typed, away, strict=True)]  # fmt: skip
    if len(words) == 1:  # no neighbour to judge by: only a word the archive lacks
        free = [o for o, c in found[0].items() if c == 0]
        if vocab.anywhere(fold(words[0])) or not found[0]:
            return [([max(free, key=vocab.frequency) if free else canonical(words[0])], 0.0)]
        return [([max(found[0], key=lambda o: (-found[0][o], vocab.frequency(o)))], 0.0)]
    # the typed words were never written together: more likely a typo, most of all in
    # a word beside a typed neighbour it never stands with
    typo = [0.0] * len(words)
    if not whole_seen:
        whole, pair = (
            (UNSEEN_TYPO_ACCENTED, UNSEEN_PAIR_TYPO_ACCENTED)
            if accented
            else (UNSEEN_TYPO, UNSEEN_PAIR_TYPO)
        )
        typo = [whole + pair * beside[i] for i in range(len(words))]
    lattice = _Lattice(found, vocab)
    free = [c == 0 for c in lattice.costs]
    unknown = [not f.any() for f in free]  # no spelling as typed: respelled anyway
    tried: list[tuple[float, list[str] | tuple[int, int]]] = []  # a respelling: (word, option)
    lacking = [i for i, u in enumerate(unknown) if u]

    def allowed(respelled: int | None) -> list[np.ndarray]:
        """The options a hypothesis allows: as typed, except the respelled word and
        the words the archive lacks."""
        return [np.ones_like(f) if i == respelled or unknown[i] else f
                for i, f in enumerate(free)]  # fmt: skip

    # one word respelled at a time; a word the archive lacks is respelled in every
    # hypothesis, each of its spellings tried in turn (the next best when one fails)
    for respelled in [None, *lacking[:1]] if lacking else [None, *range(len(words))]:
        if respelled is None:
            tried.append(lattice.best(allowed(None), edit_cost)[::-1])
            continue
        scores = lattice.respellings(allowed(respelled), respelled, edit_cost)
        for k in np.flatnonzero(~free[respelled]).tolist():  # each respelling of the word
            tried.append((float(scores[k]) + (0.0 if lacking else typo[respelled]), (respelled, k)))
    tried = [t for t in tried if t[0] > -np.inf]
    tried.sort(key=lambda t: -t[0])
    for n, (score, chosen) in enumerate(tried[:PHRASE_CHECKED]):
        if isinstance(chosen, tuple):  # the path of a respelling, for the likeliest only
            at, k = chosen
            only = allowed(at)
            only[at] = np.arange(len(only[at])) == k
            tried[n] = (score, lattice.best(only, edit_cost)[0])
    rescored = [  # the likeliest, by whole phrases
        (score + PHRASE * math.log1p(_phrase_count(chosen, lattice, vocab)), n, chosen)
        for n, (score, chosen) in enumerate(tried[:PHRASE_CHECKED])
    ]
    rescored.sort(key=lambda t: (-t[0], t[1]))
    return [(chosen, score) for score, _, chosen in rescored] or [(typed, 0.0)]


def _options(word: str, typed: str, vocab: Vocabulary, accented: bool, away: bool
             ) -> dict[str, float]:  # fmt: skip
    """One typed word's options → their cost in edits. A word ``away`` from the pairs
    never written together keeps its letters: typed with accents and written so in the
    archive, as typed; typed without, in the accents the archive writes it with."""
    if away and accented and vocab.written(typed):
        return {typed: 0.0}
    if away and not accented and (forms := vocab.forms(typed)):
        return dict.fromkeys(forms, 0.0)
    return candidates(word, vocab, accented)


def _phrase_count(chosen: list[str], lattice: _Lattice, vocab: Vocabulary) -> int:
    """Articles holding the whole phrase ``chosen``; none, without reading positions, when
    two of its neighbours never stand together (the lattice's pair counts)."""
    return vocab.phrase_count(chosen) if lattice.ever_together(chosen) else 0


def suggestion(plan: QueryPlan, vocab: Vocabulary, edit_cost: float = EDIT_COST) -> str | None:
    """A better query than the one ``plan`` was read from, or None.

    Only plain queries get suggestions (no filters, operators or quotes): the plan's
    syllables as typed are corrected (``correction``). The engine also drops a
    suggestion that finds no more articles.
    """
    found = readings(plan, vocab, edit_cost)
    return found[0][0] if found else None


def readings(plan: QueryPlan, vocab: Vocabulary, edit_cost: float = EDIT_COST
             ) -> list[tuple[str, float]]:  # fmt: skip
    """The likeliest readings of a plain query the archive writes otherwise, each with
    its odds against the best (``corrections``); empty for other queries."""
    if not plan.plain:
        return []
    return corrections([w for w in plan.typed if any(ch.isalnum() for ch in w)], vocab,
                       edit_cost)  # fmt: skip


def corrections(words: list[str], vocab: Vocabulary, edit_cost: float = EDIT_COST
                ) -> list[tuple[str, float]]:  # fmt: skip
    """The typed syllables corrected, the likeliest reading first, each with its odds
    against it (1.0 first; at most ``READINGS``, none less likely than ``READING_ODDS``):
    "bao tuye" → "báo tuyển" 1.0, "bão tuyết" 0.6, …; empty when the likeliest changes
    nothing. A corrected word must stand next to a neighbour somewhere in the archive
    (never "và nội" for "hà nội"). Syllables typed without the space between them are
    read apart first (``unglued``)."""
    if not words:
        return []
    typed, words = canonical(" ".join(words)), unglued(words, vocab)
    if len(words) > MAX_WORDS:
        return []
    found: dict[str, float] = {}
    best = None
    for chosen, score in scored_corrections(words, vocab, edit_cost):
        if not _stands(chosen, words, vocab):
            continue
        text = " ".join(chosen)
        if best is None:  # the likeliest that stands
            if text == typed:
                return []
            best = score
        odds = math.exp(min(score - best, 0.0))
        if odds < READING_ODDS or len(found) == READINGS:
            break
        if text != typed:
            found.setdefault(text, odds)
    return list(found.items())


def correction(words: list[str], vocab: Vocabulary, edit_cost: float = EDIT_COST) -> str | None:
    """The likeliest reading of the typed syllables (``corrections``), or None."""
    found = corrections(words, vocab, edit_cost)
    return found[0][0] if found else None


def _stands(chosen: list[str], words: list[str], vocab: Vocabulary) -> bool:
    """Whether each corrected word stands next to its neighbour somewhere in the archive."""
    for i in range(len(chosen) - 1):
        a, b = chosen[i], chosen[i + 1]
        changed = fold(a) != fold(words[i]) or fold(b) != fold(words[i + 1])
        if changed and not vocab.pair_matrix([a], [b])[0, 0]:
            return False
    return True
