"""Abbreviations both ways (VKSND ↔ viện kiểm sát nhân dân, TP HCM ↔ thành phố Hồ Chí
Minh), from ``searcher/data/abbreviations.tsv``.

>>> abbreviations()["vksnd"]
('viện', 'kiểm', 'sát', 'nhân', 'dân')
>>> folded_expansions()[("thanh", "pho", "ho", "chi", "minh")]
'tphcm'
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from searcher.analysis.analyzers import syllable_spans
from searcher.vi.text import canonical, fold


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    """folded abbreviation → expansion syllables (canonical). An abbreviation of several
    syllables ("TP HCM", also typed "TP.HCM") is keyed by its folded syllables joined
    with spaces."""
    text = resources.files("searcher").joinpath("data/abbreviations.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbr, expansion = line.split("\t")
            key = " ".join(fold(s) for s, _, _ in syllable_spans(abbr))
            table[key] = tuple(canonical(expansion).split())
    return table


@lru_cache(maxsize=1)
def folded_expansions() -> dict[tuple[str, ...], str]:
    """folded expansion syllables → folded one-word abbreviation ("tphcm"), longest first."""
    table = sorted(abbreviations().items(), key=lambda kv: -len(kv[1]))
    out: dict[tuple[str, ...], str] = {}
    for abbr, expansion in table:
        if " " not in abbr:
            out.setdefault(tuple(fold(w) for w in expansion), abbr)
    return out
