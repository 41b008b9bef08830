"""pyvi word segmentation with character offsets into the original text.

pyvi's CRF model (``pyvi/models/pyvi3.pkl``) and its features are used as pyvi
uses them, but the model is run through ``pycrfsuite`` directly: no scikit-learn,
loaded lazily once per process, and every token keeps its ``start``/``end`` in
the original string (NFC or NFD), so highlighting marks the right characters.

>>> [w.text for w in segment("Viện kiểm sát nhân dân tỉnh Thanh Hóa")]
['Viện', 'kiểm sát nhân dân', 'tỉnh', 'Thanh Hóa']
"""

from __future__ import annotations

import bisect
import importlib.resources
import itertools
import pickle
import re
import string
import threading
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from searcher.vi.text import FANCY, FANCY_LETTERS

# pyvi's own syllabification patterns (ViTokenizer.sylabelize), in its order.
_PYVI_PATTERN = re.compile(
    "("
    + "|".join(
        [
            r"[A-ZĐ]+\.",
            r"Tp\.",
            r"Mr\.",
            r"Mrs\.",
            r"Ms\.",
            r"Dr\.",
            r"ThS\.",
            r"==>",
            r"->",
            r"\.\.\.",
            r">>",
            r"\w+://[^\s]+",
            r"[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+",
            r"\d+(?:[\.,_]\d+)+",
            r"[^\w\s]",
            r"\w+",
        ]
    )
    + ")"
)
# Gapless runs of tokens that together form one searchable unit:
# dates 12/9/2022, ratios 130/130, document numbers 01/CT-VKSTC, 26-CT/TW.
_UNIT_RE = re.compile(r"^(?=.*\d)\w+(?:[/\-.,]\w+)+\.?$")
_PUNCT = set(string.punctuation)
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit
# where a unit can be: a run without space that holds a digit. The runs are found first
# and the digit looked for inside each: "\S*\d\S*" rescans a digitless run from every
# start (quadratic: a 100k-character run of letters took 45 s).
_NO_SPACE_RUN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"\w")
_UNIT_END = re.compile(r"[\w.]")
_UNIT_SEPARATOR = re.compile(r"[/\-.,]")  # a unit joins its parts with one of these
# The longest unit looked for, in syllables ("01/2023/TTLT-VKSNDTC-TANDTC-BCA-BQP" has
# 13): the search tries every shorter end of every start, so an unbounded run of
# "a/a/a/…" (4 kB) took 14 s; longer runs are split.
MAX_UNIT_SYLLABLES = 24


class Word(NamedTuple):
    """One segmented word: its original text and [start, end) in the original string.

    ``syllables`` holds the (start, end) of each syllable of the word. (A named tuple:
    a body makes thousands, and a tuple is built several times faster than a frozen
    dataclass.)
    """

    text: str
    start: int
    end: int
    syllables: tuple[tuple[int, int], ...]
    is_punct: bool = False
    is_unit: bool = False


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC form of ``text`` and, for each of its characters plus the end, the offset
    of the matching character in ``text``.

    >>> nfc_with_offsets("Vie\u0302\u0323n")
    ('Viện', [0, 1, 2, 5, 6])

    A "fancy font" letter stands for its Latin letter here, so that its marks compose
    ("𝐧𝐠𝐡𝐢̣" is read as "nghị", one syllable).
    """
    fancy = FANCY.search(text) is not None
    if not fancy and unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j].translate(FANCY_LETTERS) if fancy else text[i:j]
        cluster = unicodedata.normalize("NFC", cluster)
        out.append(cluster)
        # stacked marks can survive NFC: keep offsets increasing, never an empty span
        offsets.append(i)
        offsets.extend(max(i, j - len(cluster) + k) for k in range(1, len(cluster)))
        i = j
    offsets.append(n)
    return "".join(out), offsets


class _Unpickler(pickle.Unpickler):
    """Reads pyvi's sklearn_crfsuite pickle without importing scikit-learn."""

    def find_class(self, module: str, name: str) -> Any:
        if module.split(".")[0] in ("sklearn_crfsuite", "pycrfsuite", "numpy"):
            return _Stub
        if module == "_codecs" and name == "encode":
            import codecs

            return codecs.encode
        raise pickle.UnpicklingError(f"unexpected class in pyvi model: {module}.{name}")


class _Stub:
    """Stands in for every class the pickle names; keeps dict state only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __setstate__(self, state: Any) -> None:
        if isinstance(state, dict):
            self.__dict__.update(state)


def _find_model_bytes(obj: Any, depth: int = 0) -> bytes | None:
    if depth > 4:
        return None
    state = getattr(obj, "__dict__", obj if isinstance(obj, dict) else {})
    data = state.get("__FILE_RESOURCE_DATA__")
    if isinstance(data, bytes):
        return data
    for value in state.values():
        if isinstance(value, (_Stub, dict)):
            found = _find_model_bytes(value, depth + 1)
            if found:
                return found
    return None


class _Model:
    """pyvi's CRF tagger and its bigram/trigram lexicon."""

    def __init__(self) -> None:
        import pycrfsuite

        models = importlib.resources.files("pyvi") / "models"
        with (models / "pyvi3.pkl").open("rb") as fh:
            crf = _Unpickler(fh).load()
        model_bytes = _find_model_bytes(crf)
        if model_bytes is None:
            raise RuntimeError("pyvi model file holds no CRF model")
        self.model_bytes = model_bytes  # crfsuite reads this buffer in place: keep it alive
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open_inmemory(self.model_bytes)
        self.bi_grams: set[str] = set()
        self.tri_grams: set[str] = set()
        for line in (models / "words.txt").read_text(encoding="utf-8").split("\n"):
            parts = line.split(" ")
            if len(parts) == 2:
                self.bi_grams.add(line)
            elif len(parts) == 3:
                self.tri_grams.add(line)
        self.lock = threading.Lock()

    def features(self, sent: list[str]) -> list[list[str]]:
        """pyvi's ``word2features`` for every token of a sentence, as crfsuite's string
        attributes: what python-crfsuite makes of pyvi's dicts ("key:value" for a
        string, the key alone for a true flag), without the false flags (weight 0,
        which add nothing to a score). The labels are the same; building the items
        is about 3 times faster."""
        lower = [w.lower() for w in sent]
        title = [w.istitle() for w in sent]
        upper = [w.isupper() for w in sent]
        n = len(sent)
        bi, tri = self.bi_grams, self.tri_grams
        out = []
        for i, word in enumerate(sent):
            f = ["bias", "word.lower():" + lower[i]]
            if upper[i]:
                f.append("word.isupper()")
            if title[i]:
                f.append("word.istitle()")
            if word.isdigit():
                f.append("word.isdigit()")
            if i > 0:
                f.append("-1:word.lower():" + lower[i - 1])
                if title[i - 1]:
                    f.append("-1:word.istitle()")
                if upper[i - 1]:
                    f.append("-1:word.isupper()")
                if f"{lower[i - 1]} {lower[i]}" in bi:
                    f.append("-1:word.bi_gram()")
                if i > 1 and f"{lower[i - 2]} {lower[i - 1]} {lower[i]}" in tri:
                    f.append("-2:word.tri_gram()")
            if i < n - 1:
                f.append("+1:word.lower():" + lower[i + 1])
                if title[i + 1]:
                    f.append("+1:word.istitle()")
                if upper[i + 1]:
                    f.append("+1:word.isupper()")
                if f"{lower[i]} {lower[i + 1]}" in bi:
                    f.append("+1:word.bi_gram()")
                if i < n - 2 and f"{lower[i]} {lower[i + 1]} {lower[i + 2]}" in tri:
                    f.append("+2:word.tri_gram()")
            out.append(f)
        return out

    def labels(self, sent: list[str]) -> list[str]:
        feats = self.features(sent)
        with self.lock:
            return self.tagger.tag(feats)


@lru_cache(maxsize=1)
def model() -> _Model:
    """The CRF model, loaded on first use (about 0.3 s) and shared by the process."""
    return _Model()


def syllabify(text: str) -> list[tuple[int, int]]:
    """pyvi's syllables of ``text`` as (start, end) offsets into ``text``.

    >>> t = "Hội nghị 12/9"
    >>> [t[s:e] for s, e in syllabify(t)]
    ['Hội', 'nghị', '12', '/', '9']
    """
    if unicodedata.is_normalized("NFC", text) and not _CJK.search(text) and not FANCY.search(text):
        return [m.span() for m in _PYVI_PATTERN.finditer(text)]  # offsets as they are
    nfc, offsets = nfc_with_offsets(text)
    spans = []
    for m in _PYVI_PATTERN.finditer(nfc):
        start, end = offsets[m.start()], offsets[m.end()]
        if start >= end:
            continue
        if _CJK.search(text, start, end):  # unspaced scripts: a character is a token
            spans.extend(_split_cjk(text, start, end))
        else:
            spans.append((start, end))
    return spans


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _split_cjk(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each CJK character alone; other runs inside the span stay whole.

    >>> t = "院长表示ok"
    >>> [t[s:e] for s, e in _split_cjk(t, 0, len(t))]
    ['院', '长', '表', '示', 'ok']
    """
    out: list[tuple[int, int]] = []
    run = start
    for i in range(start, end):
        if _CJK.match(text, i):
            if run < i:
                out.append((run, i))
            out.append((i, i + 1))
            run = i + 1
    if run < end:
        out.append((run, end))
    return out


@lru_cache(maxsize=16)
def syllabify_cached(text: str) -> list[tuple[int, int]]:
    """``syllabify`` remembered for the last texts: a title or body goes through three
    index views (and ``segment``); it is split once. Do not modify the result."""
    return syllabify(text)


def _joins(prev: str, cur: str) -> bool:
    """pyvi's rule for when an I_W label really glues two syllables."""
    return (
        cur not in _PUNCT
        and prev not in _PUNCT
        and not cur[0].isdigit()
        and not prev[0].isdigit()
        and not (cur[0].istitle() and not prev[0].istitle())
    )


def segment(text: str, *, units: bool = True) -> list[Word]:
    """Segment ``text`` into pyvi words, with offsets into ``text``.

    With ``units``, gapless runs such as "12/9/2022" or "01/CT-VKSTC" become one
    word (``is_unit``) whose syllables are the digits and letters inside it.

    >>> [w.text for w in segment("ngày 12/9/2022 VKSND hai cấp")]
    ['ngày', '12/9/2022', 'VKSND', 'hai', 'cấp']
    """
    spans = syllabify_cached(text)
    if not spans:
        return []
    if unicodedata.is_normalized("NFC", text):
        nfc_sylls = [text[s:e] for s, e in spans]
    else:
        nfc_sylls = [unicodedata.normalize("NFC", text[s:e]) for s, e in spans]
    # the CRF only matters where two syllables could join: a run of dates, numbers or
    # punctuation (a scraped table) is not labelled at all
    joinable = [i for i in range(1, len(nfc_sylls)) if _joins(nfc_sylls[i - 1], nfc_sylls[i])]
    labels = model().labels(nfc_sylls) if joinable else []
    joined = {i for i in joinable if labels[i] == "I_W"}
    firsts = [i for i in range(len(spans)) if i not in joined]
    groups = [list(range(a, b)) for a, b in itertools.pairwise([*firsts, len(spans)])]
    if units:
        groups = _merge_units(groups, spans, text)
    words = []
    for group in groups:
        if len(group) == 1:  # most words: one syllable, no unit
            start, end = span = spans[group[0]]
            piece = text[start:end]
            punct = not (piece[0].isalnum() or _ALNUM.search(piece))
            words.append(Word(piece, start, end, (span,), is_punct=punct))
            continue
        start, end = spans[group[0]][0], spans[group[-1]][1]  # several syllables
        sub = tuple(spans[i] for i in group)
        piece = text[start:end]
        is_unit = _is_unit(piece)
        if is_unit:
            sub = tuple(s for s in sub if _ALNUM.search(text, *s))
            piece = piece.rstrip(".")
            end = start + len(piece)
        words.append(Word(piece, start, end, sub, is_unit=is_unit))
    return words


def _is_unit(piece: str) -> bool:
    return " " not in piece and bool(_UNIT_RE.match(piece))


def _merge_units(
    groups: list[list[int]], spans: list[tuple[int, int]], text: str
) -> list[list[int]]:
    """Merge the longest gapless run of single-syllable groups that forms a date,
    ratio or document number ("12/9/2022", "130/130", "01/CT-VKSTC"). Such a run has
    no space and a digit: only the groups of those stretches of text are looked at."""
    stretches = [m.span() for m in _NO_SPACE_RUN.finditer(text)
                 if _DIGIT.search(text, m.start(), m.end())
                 and _UNIT_SEPARATOR.search(text, m.start(), m.end())]  # fmt: skip
    if not stretches:
        return groups
    starts = [spans[g[0]][0] for g in groups]
    out: list[list[int]] = []
    done = 0
    for a, b in stretches:
        lo, hi = bisect.bisect_left(starts, a, done), bisect.bisect_left(starts, b, done)
        out.extend(groups[done:lo])
        out.extend(_merge_stretch(groups[lo:hi], spans, text))
        done = hi
    out.extend(groups[done:])
    return out


def _merge_stretch(
    groups: list[list[int]], spans: list[tuple[int, int]], text: str
) -> list[list[int]]:
    out: list[list[int]] = []
    i = 0
    while i < len(groups):
        if not _WORD_CHAR.match(text, spans[groups[i][0]][0]):  # a unit starts with a letter
            out.append(groups[i])  # or digit: nothing starts at a separator
            i += 1
            continue
        j = i
        while (
            j + 1 < len(groups)
            and j + 1 - i < MAX_UNIT_SYLLABLES
            and len(groups[j + 1]) == 1
            and len(groups[j]) == 1
            and spans[groups[j + 1][0]][0] == spans[groups[j][0]][1]
        ):
            j += 1
        k = j
        start = spans[groups[i][0]][0]
        while (
            k > i
            and not (
                _UNIT_END.match(
                    text, spans[groups[k][0]][1] - 1
                )  # ends with a letter, digit or "."
                and _is_unit(text[start : spans[groups[k][0]][1]])
            )
        ):
            k -= 1
        if k > i:
            out.append([g[0] for g in groups[i : k + 1]])
            i = k + 1
        else:
            out.append(groups[i])
            i += 1
    return out
