"""Every weight of the ranking and matching model, in one place, and the model's
arithmetic as plain numpy functions (arrays in, arrays out; bm25s-style).

Fitted by ``bench/fit_ranking.py`` (coordinate ascent on MRR@10) on development sets
only: ALQAC 2023 ``train`` and ViCoV19QA ``train`` (title-less), accented and stripped
of diacritics, checked on the judged set; BENCHMARKS.md gives the fitted values and
the score on every set. ``PARAMS`` is what a search reads; the fitting script
replaces entries of it in its own process.

>>> import numpy as np
>>> bm25(np.array([1.0, 4.0]), np.array([10.0, 10.0]), 10.0, 2.0, "body").round(3).tolist()
[2.0, 3.385]
>>> required(2), required(3), required(25) < 25, required(4), required(4, sentence=True)
(2, 3, True, 3, 2)
"""

from __future__ import annotations

import math

import numpy as np

PARAMS: dict[str, float] = {
    "k1": 1.2,  # term frequency saturation, every field
    "b_title": 0.75,  # length normalisation of titles
    "b_body": 0.9,  # length normalisation of bodies
    "w_title": 1.0,  # a title match against a body match
    "b_phrase": 0.0,  # length normalisation of a phrase's frequency (its words have theirs)
    "k1_phrase": 0.1,  # saturation of a phrase's frequency (its words count theirs)
    "folded": 0.1,  # an accented query word found only in another accent form
    "compound": 1.0,  # pyvi's word of the query found as a word (``*_words`` views)
    "proximity": 1.6,  # saturated bonus of the query's adjacent pairs found together
    "prox_sat": 5.0,  # share of the pairs at which the bonus is half its top
    "prox_len": 1.0,  # the top grows as (number of pairs) ** prox_len: long questions
    "max_units": 64,  # a longer question is searched by its most informative words
    "match_a": 1.0,  # content words required: ceil(match_a + match_b * n) beyond 3
    "match_b": 0.5,
    # the same for a sentence (a query holding function or question words: "Hôn nhau có
    # làm lây Covid-19 không?"), answered in the answerer's words; a keyword
    # query keeps match_a ("hội nghị giao ban thanh hóa")
    "match_a_sentence": 0.0,
    # switches back to the model before issue 21, for ablation (bench/fit_ranking.py)
    "function_words": 1.0,  # 1: function words never required; 0: every word counts
    # > 0: from SHARE_FROM words an article holds this share of their idf; 0.08 and 0.04
    # tie with 0.15 on the train sets' MRR@10, and vicov19qa train's R@100 is 0.678 / 0.660
    # (typed / stripped) against 0.676 / 0.658: 0.08 (bench/fit_ranking.py)
    "share": 0.08,
    "pair_fixed": 0.0,  # 1: each adjacent pair a fixed idf bonus in the body (no Pairs)
}
SHARE_FROM = 7  # words from which ``share`` (when set) replaces ``required``
ALL_REQUIRED = 3  # a query of up to this many content words needs all of them


def bm25(tf: np.ndarray, lengths: np.ndarray, avg: float, idf: float,
         field: str, phrase: bool = False) -> np.ndarray:  # fmt: skip
    """BM25 of one term (or a phrase: ``b_phrase``) over the documents holding it, in a
    title or body view (``field`` names the view: ``title…`` or ``body…``), with the
    field's weight. One occurrence in a field of average length scores ``idf``."""
    title = field.startswith("title")
    k1 = PARAMS["k1_phrase" if phrase else "k1"]
    b = PARAMS["b_phrase" if phrase else "b_title" if title else "b_body"]
    weight = PARAMS["w_title"] if title else 1.0
    norm = k1 * (1 - b + b * lengths / avg)
    return weight * idf * tf * (k1 + 1) / (tf + norm)


def proximity(found: np.ndarray, total: float, scale: float) -> np.ndarray:
    """The bonus of the documents holding ``found`` (idf-weighted) of the ``total``
    weight of the query's adjacent pairs: saturating in the share, at most
    ``proximity`` times ``scale`` (one pair's mean weight, times the number of pairs to
    the power ``prox_len``)."""
    c = PARAMS["prox_sat"]
    share = found / max(total, 1e-9)
    return PARAMS["proximity"] * scale * share * (1 + c) / (share + c)


def required(n: int, sentence: bool = False) -> int:
    """How many of ``n`` content words an article must hold: all of a keyword query,
    a growing share of a longer one (a smaller one of a ``sentence``), never a cliff."""
    if n <= ALL_REQUIRED:
        return n
    a = PARAMS["match_a_sentence" if sentence else "match_a"]
    need = math.ceil(a + PARAMS["match_b"] * n - 1e-9)
    return max(1, min(n, need))
