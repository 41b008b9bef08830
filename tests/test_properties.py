"""Property-based tests: random Unicode queries, filters and parameters never raise
anything but a QueryError in the core, and never get a 500 from the web app."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.engine.engine import Engine
from searcher.index.registry import COUNTED
from searcher.query.parse import QueryError, build_request
from searcher.results.highlight import _WORD, _marks, _match_words, match_spans
from searcher.vi.text import canonical, fold, has_diacritics

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + ' "-:()*?', max_size=40)
# what st.text() leaves out: stacked combining marks, lone surrogates, invisible characters
marks = st.text(
    alphabet=st.one_of(
        st.sampled_from("aeoAĐ "), st.characters(min_codepoint=0x300, max_codepoint=0x36F)
    ),
    max_size=30,
)
odd = st.text(
    alphabet=st.one_of(
        st.characters(categories=["Cs"]),
        st.sampled_from("\u200b\u200c\u200d\ufeff\u2028\u2029\ufffe\x00\x07 ab"),
    ),
    max_size=20,
)
anything = st.one_of(st.text(max_size=60), marks, odd)
query_text = st.one_of(words, anything, st.lists(words, max_size=6).map(" ".join))
facet_value = st.one_of(
    st.sampled_from(
        ["Thanh Hóa", "thai binh", "2022", "2020-2022", "tổng kết", "huyen", "quý I", ""]
    ),
    anything,
)
filters = st.dictionaries(
    st.sampled_from(
        ["province", "province_2025", "year", "meeting_type", "level", "period", "chair", "person"]
    ),
    st.lists(facet_value, max_size=3),
    max_size=3,
)
small = st.one_of(st.integers(-5, 2000).map(str), anything, st.none())


@settings(max_examples=150, deadline=None)
@given(text=anything, vietnamese=words)
def test_text_forms_are_idempotent(text: str, vietnamese: str) -> None:
    assert canonical(canonical(text)) == canonical(text)
    assert fold(fold(text)) == fold(text)
    assert not has_diacritics(fold(vietnamese))
    assert fold(canonical(vietnamese)) == fold(vietnamese)


@settings(max_examples=150, deadline=None)
@given(q=query_text, f=filters, sort=st.sampled_from([None, "relevance", "newest", "oldest", "x"]),
       page=small, limit=small)  # fmt: skip
def test_core_search_never_crashes(engine: Engine, q, f, sort, page, limit) -> None:
    try:
        request = build_request(q, filters=f, sort=sort, page=page, limit=limit)
    except QueryError as exc:
        assert str(exc)
        return
    results = engine.search(request)
    assert results.total >= len(results.hits)
    data = results.to_json()
    assert set(data["facets"]) == set(COUNTED)


params = st.lists(
    st.tuples(
        st.sampled_from(["q", "province", "province_2025", "year", "type", "level", "sort",
                         "page", "limit", "x"]),
        st.one_of(query_text, facet_value, small.map(lambda v: v or "")),
    ),
    max_size=6,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    p=params,
    path=st.sampled_from(["/search", "/api/search", "/api/suggest", "/article/x"]),
    raw=st.sampled_from(["", "&q=%ED%B3%BF", "&q=%FF%FE", "&q=a%CC%83%CC%83%CC%83", "&q=%00"]),
)
def test_http_never_500(client, p, path: str, raw: str) -> None:
    encoded = urlencode([(k, v.encode("utf-8", "surrogatepass")) for k, v in p])
    r = client.get(path + "?" + encoded + raw)
    assert r.status_code in (200, 400, 404), (path, p, r.status_code)
    assert "Traceback" not in r.get_data(as_text=True)


@settings(max_examples=60, deadline=None)
@given(article_id=anything)
def test_article_ids_never_escape(client, article_id: str) -> None:
    from urllib.parse import quote

    raw = article_id.encode("utf-8", "surrogatepass")  # what a hostile client can send
    r = client.get("/article/" + quote(raw, safe=""))
    assert r.status_code in (200, 404, 308)


def _spans_one_by_one(text: str, exact: set, folded: set) -> list[tuple[int, int]]:
    """match_spans as written before its one-word shortcut: every candidate the
    pattern finds goes through ``_match_words``."""
    marks_ = _marks(frozenset(exact), frozenset(folded))
    folded_text = fold(text)
    if marks_.pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    for m in marks_.pattern.finditer(folded_text):
        found = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(folded_text, *m.span())]
        spans.extend(_match_words(text, found, marks_, whole=len(found) > 1))
    return spans


SYLLABLES = ["giao", "ban", "bạn", "bàn", "họp", "hop", "viện", "kiểm", "sát", "tổng", "kết"]
SEPARATORS = [" ", " ", ", ", ". ", " (", ") ", "; "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(SYLLABLES), st.sampled_from(SEPARATORS)), max_size=30),
    st.sets(st.one_of(st.sampled_from(SYLLABLES), st.tuples(*[st.sampled_from(SYLLABLES)] * 2)),
            max_size=5),
    st.sets(st.one_of(st.sampled_from([fold(s) for s in SYLLABLES]),
                      st.tuples(*[st.sampled_from([fold(s) for s in SYLLABLES])] * 2)),
            max_size=5),
)  # fmt: skip
def test_marked_words_are_the_same_one_by_one(pieces, exact, folded) -> None:
    """A long question's snippets decide one-word candidates in a shortcut: the same
    words are marked as when every candidate is checked against every mark."""
    text = "".join(w + sep for w, sep in pieces)
    exact = {canonical(m) if isinstance(m, str) else m for m in exact}
    assert match_spans(text, exact, folded) == _spans_one_by_one(text, exact, folded)
