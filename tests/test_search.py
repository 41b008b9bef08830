"""Search over the seeds and fixtures: forms of the query, the query language,
facets, paging, sorting, suggestions, highlighting."""

import re
import unicodedata

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import rebuild
from searcher.query.parse import QueryError, build_request, parse_query
from searcher.vi.text import fold


def _engine_over(tmp_path, records: list[dict]) -> Engine:
    """An engine over a fresh index of ``records`` (one JSONL export, as a user adds it)."""
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "export.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8"
    )
    rebuild(corpus, tmp_path / "index")
    return Engine(tmp_path / "index")


def _records(bodies: dict[str, str], title: str, **fields) -> list[dict]:
    """One record per id → body, all with ``title`` and ``fields``."""
    return [{"id": i, "title": title, "body": b, **fields} for i, b in bodies.items()]


SEED_IDS = {
    "000_8777a9fa8622df86",
    "001_19c58e07ec207b15",
    "002_d2037cb755c08229",
    "003_887b564324172e28",
    "004_f7c25ea428f09783",
}


def ids(engine: Engine, q: str = "", **kw) -> list[str]:
    return [h.id for h in engine.search(build_request(q, limit=100, **kw)).hits]


def test_nhan_dan_finds_every_seed(engine: Engine) -> None:
    assert set(ids(engine, "nhân dân")) >= SEED_IDS


@pytest.mark.parametrize(
    ("variant", "canonical_form"),
    [
        ("vien kiem sat", "viện kiểm sát"),
        ("VIỆN KIỂM SÁT", "viện kiểm sát"),
        (unicodedata.normalize("NFD", "viện kiểm sát"), "viện kiểm sát"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("THANH HOÁ", "thanh hóa"),
        ("thanh hoa", "Thanh Hóa"),
        ('"vien kiem sat"', '"viện kiểm sát"'),
        ("VKSND cap cao", "VKSND cấp cao"),
        ("Ｖｉｅｎ ｋｉｅｍ ｓａｔ", "viện kiểm sát"),  # full-width letters
        ("viện\u200bkiểm\u200bsát", "viện kiểm sát"),  # zero-width spaces
        ("ÐÀ NẴNG", "Đà Nẵng"),  # eth for đ (Windows-1258 read as Latin-1)
    ],
)
def test_query_forms_find_the_same_documents(engine: Engine, variant: str, canonical_form: str):
    expected = set(ids(engine, canonical_form))
    assert expected
    assert set(ids(engine, variant)) == expected


def test_accented_term_keeps_precision(engine: Engine) -> None:
    ranked = ids(engine, "đường")
    exact = [i for i in ranked if i in ("x01_duong", "004_f7c25ea428f09783")]
    variants_only = ranked.index("x02_duong_variants") if "x02_duong_variants" in ranked else 99
    assert exact and all(ranked.index(i) < variants_only for i in exact)


def test_unaccented_term_matches_every_variant(engine: Engine) -> None:
    found = set(ids(engine, "duong"))
    assert {"x01_duong", "x02_duong_variants"} <= found


@pytest.mark.parametrize("q", ["hội nghị", "hoi nghi", "kiểm sát viên"])
def test_words_standing_together_rank_first(tmp_path, q: str) -> None:
    """Same words, same length: the article where they stand together as a word wins."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    together = "Đơn vị tổ chức hội nghị và kiểm sát viên báo cáo kết quả thi đua."
    apart = "Đơn vị tổ chức đại hội, kiểm tra nghị quyết viên chức sát thực tế."
    for name, body in (("a_together", together), ("b_apart", apart)):
        (corpus / f"{name}.txt").write_text(f"Tin {name}\n{body}\n", encoding="utf-8")
    rebuild(corpus, tmp_path / "index")
    ranked = ids(Engine(tmp_path / "index"), q)
    assert ranked[0] == "a_together"


@pytest.mark.parametrize("q", ["Ảnh Xinhua", "trẻ trung khỏe mạnh"])
def test_a_run_the_segmenter_glues_is_no_phrase_the_archive_lacks(tmp_path, q: str) -> None:
    """pyvi glues runs of capitals and long compounds ("Ảnh_Xinhua"); where the archive
    never writes them together (a photo credit "Ảnh: Xinhua", "trẻ trung, khỏe mạnh")
    they are words to find, not one phrase that finds nothing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bodies = {"a": "Đoàn đại biểu thăm cảng biển (Ảnh: Xinhua). Các em trẻ trung, khỏe mạnh.",
              "b": "Ảnh tư liệu của phóng viên, không có Xinhua ở đây; trẻ trung và khỏe mạnh.",
              "c": "Hội nghị giao ban công tác kiểm sát."}  # fmt: skip
    for name, body in bodies.items():
        (corpus / f"{name}.txt").write_text(f"Tin {name}\n{body}\n", encoding="utf-8")
    rebuild(corpus, tmp_path / "index")
    found = Engine(tmp_path / "index").search(build_request(q))
    assert found.corrected is None and sorted(h.id for h in found.hits) == ["a", "b"]


def test_abbreviation_expands_both_ways(engine: Engine) -> None:
    # 000 writes "Viện kiểm sát nhân dân"; "VKSND" appears in most seeds
    assert set(ids(engine, "VKSND")) == set(ids(engine, '"viện kiểm sát nhân dân"')) | set(
        ids(engine, "vksnd")
    )
    assert "x04_separated" in ids(engine, "viện kiểm sát nhân dân")


@pytest.mark.parametrize(
    ("q", "must", "must_not"),
    [
        ('"cấp cao"', {"003_887b564324172e28"}, {"001_19c58e07ec207b15"}),
        ("giao ban -thanh", set(), {"001_19c58e07ec207b15"}),
        ('tổng kết -"triển khai"', set(), {"004_f7c25ea428f09783"}),
        ('"biểu dương" OR "tập huấn"', {"x02_duong_variants", "x03_html_text"}, set()),
        ("đại OR huấn hội", {"x04_separated", "x03_html_text"}, {"x02_duong_variants"}),
        ('tỉnh:"Thanh Hóa"', {"001_19c58e07ec207b15"}, {"004_f7c25ea428f09783"}),
        ("tinh:thanh-hoa", {"001_19c58e07ec207b15"}, {"004_f7c25ea428f09783"}),
        ("province:haiphong", set(), {"001_19c58e07ec207b15"}),
        ("năm:2021", {"002_d2037cb755c08229"}, {"004_f7c25ea428f09783"}),
        ("year:2020-2021", {"002_d2037cb755c08229", "000_8777a9fa8622df86"}, set()),
        ('loại:"giao ban"', {"001_19c58e07ec207b15"}, {"002_d2037cb755c08229"}),
        ("type:tong-ket", {"002_d2037cb755c08229", "004_f7c25ea428f09783"}, set()),
        ("cấp:huyện", {"002_d2037cb755c08229", "x04_separated"}, {"004_f7c25ea428f09783"}),
        ("level:cap-cao", {"003_887b564324172e28"}, {"002_d2037cb755c08229"}),
        ("hội nghị cap:tinh nam:2022", {"004_f7c25ea428f09783"}, {"002_d2037cb755c08229"}),
        ('kỳ:"9 tháng"', {"001_19c58e07ec207b15"}, {"004_f7c25ea428f09783"}),
        ('period:"9 thang"', {"001_19c58e07ec207b15"}, {"002_d2037cb755c08229"}),
    ],
)
def test_query_language(engine: Engine, q: str, must: set, must_not: set) -> None:
    found = set(
        ids(
            engine,
            q.replace("thanh-hoa", '"thanh hoa"')
            .replace("tong-ket", '"tong ket"')
            .replace("cap-cao", '"cap cao"'),
        )
    )
    assert must <= found
    assert not (must_not & found)


def test_province_alias_in_query(engine: Engine) -> None:
    assert set(ids(engine, "", filters={"province": ["hai phong"]})) == {"000_8777a9fa8622df86"}


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ('"giao ban', "ngoặc kép"),
        ("OR giao", "OR"),
        ("giao OR", "OR"),
        ("tỉnh:Atlantis", "Atlantis"),
        ("năm:hai", "Năm"),
        ("cấp:xã", "Cấp"),
        ("-tỉnh:Huế", "loại trừ"),
        ("x" * 5001, "quá dài"),
    ],
)
def test_query_errors_say_what_is_wrong(q: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        build_request(q)


def test_facets_are_multi_select(engine: Engine) -> None:
    one = engine.search(build_request("", filters={"province": ["Thái Bình"]}))
    two = engine.search(build_request("", filters={"province": ["Thái Bình", "Thanh Hóa"]}))
    assert one.total == 3 and two.total == 4  # 002, 004, x04 (Thái Bình) + 001
    provinces = {v.value: (v.count, v.selected) for v in one.facets["province"]}
    # the province facet ignores its own filter: every province keeps its count
    assert provinces["Thái Bình"] == (3, True)
    assert provinces["Thanh Hóa"] == (1, False)
    # other facets apply the province filter
    levels = {v.value: v.count for v in one.facets["level"]}
    assert levels == {"tỉnh": 1, "huyện": 2}


def test_facet_order_is_stable(engine: Engine) -> None:
    facets = engine.search(build_request("")).facets
    years = [v.value for v in facets["year"]]
    assert years == sorted(years, reverse=True)  # newest first (issue 25)
    counts = [v.count for v in facets["province"]]
    assert counts == sorted(counts, reverse=True)


def test_empty_query_browses_newest_first(engine: Engine) -> None:
    results = engine.search(build_request("", limit=100))
    assert results.total == 9
    dates = [h.meeting_date or h.published or f"{h.year}-01-01" for h in results.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = ids(engine, "", sort="oldest")
    assert oldest == list(reversed([h.id for h in results.hits]))


def test_pagination(engine: Engine) -> None:
    pages = [
        [h.id for h in engine.search(build_request("", page=p, limit=4)).hits] for p in (1, 2, 3)
    ]
    assert [len(p) for p in pages] == [4, 4, 1]
    assert len({i for p in pages for i in p}) == 9
    assert engine.search(build_request("", page=9, limit=4)).hits == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": 0}, "page"),
        ({"page": "abc"}, "page"),
        ({"limit": 1000}, "limit"),
        ({"sort": "random"}, "sắp xếp"),
        ({"filters": {"year": ["20x"]}}, "Năm"),
        ({"filters": {"level": ["xã"]}}, "Cấp"),
    ],
)
def test_bad_parameters(params: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        build_request("", **params)


@pytest.mark.parametrize(
    "q", ["vien kiem sat thanh hoa", "viện kiểm sát", "xyzzy con meo bay", "hà nội", "ha noi",
          "bien dao", "le van dong", "cap cao da nang", "TAND"],
)  # fmt: skip
def test_no_suggestion_a_vietnamese_would_not_write(engine: Engine, q: str) -> None:
    """Issue 11: no accent guess for a query that finds its articles, and no "xyzzy còn
    mở bày", "và nội", "biện đạo", "lệ vấn động", "cấp cao đã nâng", "tăng"."""
    assert engine.search(build_request(q)).suggestion is None


def test_a_misspelt_query_that_finds_nothing_shows_the_corrected_results(engine: Engine) -> None:
    r = engine.search(build_request("giao bam"))
    assert r.corrected == "giao ban" and r.query == "giao bam" and r.suggestion is None
    assert r.total == engine.search(build_request("giao ban")).total > 0
    exact = engine.search(build_request("giao bam", exact=True))
    assert exact.total == 0 and exact.corrected is None and exact.suggestion == "giao ban"


@pytest.mark.parametrize("q", ["thanh hoa", "THANH HOÁ", unicodedata.normalize("NFD", "Thanh Hóa")])
def test_highlight_marks_the_original_text(engine: Engine, q: str) -> None:
    hit = next(h for h in engine.search(build_request(q)).hits if h.id == "001_19c58e07ec207b15")
    assert "<mark>Thanh</mark> <mark>Hóa</mark>" in hit.snippet + hit.title_html


def test_article_text_is_escaped(engine: Engine) -> None:
    article = engine.article("x03_html_text", build_request("tập huấn"))
    assert "<script>" not in article.body_html and "&lt;script&gt;" in article.body_html
    assert "<mark>tập</mark>" in article.title_html
    assert "<i>" not in article.title_html


def test_stats(engine: Engine) -> None:
    stats = engine.stats()
    assert stats["articles"] == 9
    assert stats["facets"]["level"]["cấp cao"] == 1
    assert stats["index_bytes"] > 0 and stats["build"]["articles"] == 9


def test_json_contract(engine: Engine) -> None:
    data = engine.search(build_request("giao ban", filters={"year": ["2022"]})).to_json()
    assert set(data) == {
        "query", "total", "page", "pages", "limit", "from", "to", "took_ms", "suggestion",
        "corrected", "readings", "typed_total", "shortened", "relaxed", "hits", "closest",
        "closest_suggested", "as_typed", "facets", "timeline", "year_only",
    }  # fmt: skip
    assert set(data["facets"]) == {
        "province", "province_2025", "year", "meeting_type", "level", "period", "chair",
    }  # fmt: skip
    hit = data["hits"][0]
    assert set(hit) == {
        "id", "title", "published", "meeting_date", "year", "province", "province_2025",
        "level", "unit", "meeting_types", "period", "period_year", "url", "score", "snippet",
        "chair", "group",
    }  # fmt: skip
    assert (
        hit["period"] == "9 tháng" and hit["period_year"] == 2022
    )  # the seed's "9 tháng năm 2022"
    assert isinstance(hit["score"], float) and isinstance(hit["meeting_types"], list)
    assert {"value", "count", "selected"} == set(data["facets"]["year"][0])


def test_no_article_with_every_word_shows_closest_not_results(engine: Engine) -> None:
    """Issue 11: never relaxed to any word as results; the closest say what they lack."""
    strict = engine.search(build_request("giao ban zzqq"))
    assert strict.relaxed and strict.total == 0 and not strict.hits
    assert strict.closest and strict.closest[0].missing == ["zzqq"]
    assert {h.id for h in strict.closest} <= {
        h.id for h in engine.search(build_request("giao ban")).hits
    }
    assert not engine.search(build_request("giao ban")).relaxed
    assert engine.search(build_request("zzqq")).total == 0


def test_a_first_page_the_results_do_not_fill_ends_with_articles_holding_some_words(
    engine: Engine,
) -> None:
    """Issue 21: after the one article holding every word come those holding some, each
    saying what it lacks; never counted as results, never on a later page."""
    r = engine.search(build_request("hội nghị thanh hóa", limit=5))
    assert r.total == len(r.hits) == 1 and not r.relaxed
    assert 0 < len(r.closest) <= 4  # the page's room, no more
    assert {h.id for h in r.closest}.isdisjoint(h.id for h in r.hits)
    assert all(h.missing == ["thanh hóa"] for h in r.closest)
    everything = engine.search(build_request("hội nghị", limit=50)).hits
    assert {h.id for h in r.closest} <= {h.id for h in everything}
    assert not engine.search(build_request("hội nghị thanh hóa", limit=5, page=2)).closest
    full = engine.search(build_request("hội nghị", limit=1))
    assert full.total > 1 and not full.closest  # a full page: nothing added


@pytest.mark.parametrize("q", ["hà nội", "ha noi", "Hà Nội"])
def test_a_place_finds_only_articles_naming_it(engine: Engine, fresh, q: str) -> None:
    """ "hà nội" is one word: an article with "nội" alone is no match, not even a close one."""
    r = engine.search(build_request(q, limit=50))
    assert r.total == engine.search(build_request(f'"{q}"')).total == 1  # the fixture x03
    assert "hà nội" in engine.article(r.hits[0].id).body.lower()
    seeds_only = Engine(fresh[1]).search(build_request(q))  # no seed names Hà Nội
    assert seeds_only.total == 0 and not seeds_only.hits and not seeds_only.closest


def test_scattered_syllables_do_not_match_a_word(engine: Engine) -> None:
    """ "giao ban" must stand together: "Ban cán sự" + "được giao" is not a giao ban."""
    for q in ("giao ban", "giao ban"):
        for hit in engine.search(build_request(q, limit=50)).hits:
            assert "giao ban" in fold(hit.title + " " + engine.article(hit.id).body)


@pytest.mark.parametrize("typed", ["TPHCM", "TP HCM", "TP.HCM", "tp hcm", "Thành phố Hồ Chí Minh"])
def test_city_abbreviations_find_the_city(tmp_path, typed: str) -> None:
    """Abbreviations seen on real procuracy pages (issue 11): TPHCM, TP HCM, TP.HCM."""
    from searcher.index.operations import rebuild

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "VKSND thành phố Hồ Chí Minh giao ban\nNgày 2/2/2024, VKSND thành phố Hồ Chí Minh "
        "tổ chức giao ban.\n", encoding="utf-8")  # fmt: skip
    (corpus / "b.txt").write_text(
        "VKSND TPHCM tập huấn\nNgày 3/3/2024, VKSND TPHCM tổ chức tập huấn.\n", encoding="utf-8"
    )
    (corpus / "c.txt").write_text("VKSND tỉnh Nghệ An\nNgày 4/4/2024, họp.\n", encoding="utf-8")
    rebuild(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    found = {h.id for h in engine.search(build_request(typed)).hits}
    assert found == {"a", "b"}, (typed, found)


@pytest.mark.parametrize(
    ("short", "long"), [("VKSQS", "viện kiểm sát quân sự"), ("KSND", "kiểm sát nhân dân")]
)
def test_new_abbreviations_expand(short: str, long: str) -> None:
    from searcher.query.abbreviations import abbreviations

    assert abbreviations()[short.lower()] == tuple(long.split())


@pytest.mark.parametrize("q", ["giao ban", "Giao ban"])
def test_the_article_page_marks_the_word_not_its_syllables(engine: Engine, q: str) -> None:
    """Issue 11: "giao ban" marks "giao ban", never "giao" in "được giao" nor "bản" in
    "cơ bản"."""
    article = engine.article("001_19c58e07ec207b15", build_request(q))
    marked = re.findall(r"<mark>(.*?)</mark>", article.body_html)
    assert marked and {m.lower() for m in marked} == {"giao", "ban"}
    assert "được <mark>giao" not in article.body_html and "cơ <mark>bản" not in article.body_html
    text = re.sub(r"</mark> <mark>", " ", article.body_html)
    assert all(m.lower() == "giao ban" for m in re.findall(r"<mark>(.*?)</mark>", text))


@pytest.mark.parametrize(
    ("typed", "first"),
    [("thanh h", "Thanh Hóa"), ("vien kiem", "viện kiểm sát"), ("kiem s", "kiểm sát"),
     ("hoi ng", "hội nghị"), ("tong k", "tổng kết"), ("giao b", "giao ban")],
)  # fmt: skip
def test_completions_a_vietnamese_would_accept(engine: Engine, typed: str, first: str) -> None:
    """Issue 11: accent-insensitive in, properly accented out, to the end of a word:
    never "thanh hiện", "vien kiểm" or "kiểm sát nhân"."""
    assert engine.completions(typed)[0] == first


def test_function_words_are_not_required_but_plus_and_quotes_are() -> None:
    """Issue 21: 'là', 'gì', 'của' never required; a '+word' or a quoted phrase always."""
    from searcher.query.plan import plan_query

    plan = plan_query(parse_query("ai là người đứng đầu của viện kiểm sát tối cao hà nội"))
    required = (
        {label for label, q in plan.clauses if q in plan.match.parts} if plan.match else set()
    )
    assert not {"là", "của", "ai"} & required
    # the content words: a share of their number, or (from 7) of their idf weight
    assert plan.optional and (plan.share or 0 < plan.need < len(plan.optional))
    strict = plan_query(parse_query('giao ban +của "tổng kết"'))
    assert strict.match is not None and len(strict.match.parts) == len(strict.clauses)


def test_a_sentence_requires_fewer_of_its_words_than_keywords(engine: Engine) -> None:
    """Issue 21: a question is answered in other words than its own; the same content
    words typed as keywords are all meant (but one, from four)."""
    from searcher.query.plan import plan_query

    arrays = engine._current().arrays
    keywords = plan_query(parse_query("viện kiểm sát thanh hóa giao ban"), arrays)
    question = plan_query(parse_query("viện kiểm sát thanh hóa giao ban như thế nào"), arrays)
    assert len(keywords.optional) == len(question.optional) == 5
    assert (keywords.need, question.need) == (4, 3)


def test_a_long_question_is_searched_by_its_rarest_words(engine: Engine) -> None:
    from searcher.query.scoring import PARAMS

    limit = int(PARAMS["max_units"])
    words = " ".join(f"từ{i} giao ban" for i in range(limit))  # 3 units each
    results = engine.search(build_request(words))
    assert results.shortened == limit and results.to_json()["shortened"] == limit


def test_a_word_never_spans_clause_punctuation(tmp_path) -> None:
    """'giao ban' (unaccented, as typed on a phone) finds the briefing, not an article
    where 'giáo' ends one clause and 'bạn' starts the next."""
    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "thu.txt").write_text(
        "Thư gửi thầy cô\nEm cảm ơn cô giáo, bạn bè đã giúp đỡ em trong năm học.", "utf-8"
    )
    (corpus / "hop.txt").write_text(
        "Viện kiểm sát họp định kỳ\nSáng nay đơn vị tổ chức buổi giao ban công tác tháng 3.",
        "utf-8",
    )
    rebuild(corpus, tmp_path / "index")
    results = Engine(tmp_path / "index").search(build_request("giao ban"))
    assert [h.id for h in results.hits] == ["hop"]


def test_ties_follow_the_ids_not_the_order_articles_were_written_in(tmp_path) -> None:
    """Equal scores and equal dates are ordered by the articles' ids, so a page is the same
    whatever order a build wrote its documents or segments in (two builds of one corpus
    by parallel writers gave 303 of 500 community questions another page before)."""

    records = [{"id": i, "title": "Hội nghị giao ban", "body": f"Họp giao ban tháng {n}.",
                "date": "2024-05-02"} for n, i in enumerate("cab", 5)]  # fmt: skip
    engine = _engine_over(tmp_path, records)
    for sort in ("relevance", "newest", "oldest"):
        found = engine.search(build_request("giao ban", sort=sort, grouped=False))
        assert [h.id for h in found.hits] == ["a", "b", "c"], sort
    assert len({h.score for h in engine.search(build_request("giao ban", grouped=False)).hits}) == 1


def test_equally_scored_results_show_the_newest_first(tmp_path) -> None:
    """Reports that score the same for a query (the same words, the same lengths) are
    listed newest first, an undated one after the dated; ids decide only the same day."""

    dates = {"a": "2021-03-02", "b": "2024-05-02", "c": None, "d": "2023-01-09"}
    records = [{"id": i, "title": "Hội nghị giao ban", "body": f"Họp giao ban tháng {n}.",
                **({"date": d} if d else {})}
               for n, (i, d) in enumerate(dates.items(), 5)]  # fmt: skip
    found = _engine_over(tmp_path, records).search(build_request("giao ban", grouped=False))
    assert len({h.score for h in found.hits}) == 1
    assert [h.id for h in found.hits] == ["b", "d", "a", "c"]


@pytest.mark.parametrize("query", ["giao ban", "GIAO BAN", "họp giao ban", '"giao ban"'])
def test_a_word_of_several_syllables_is_scored_like_a_term(tmp_path, query) -> None:
    """A word of several syllables ("giao ban", typed with or without diacritics)
    counts how often it stands whole and the body's length, as a term does: the report
    that holds it three times ranks above one of the same length that holds it once,
    and a short body above a long one with the word once each."""

    filler = "Các đơn vị báo cáo kết quả công tác trong tháng và đề ra nhiệm vụ tiếp theo."
    bodies = {
        "ba-lan": f"Họp giao ban sáng nay. {filler} Sau giao ban, lãnh đạo kết luận giao ban.",
        "mot-lan": f"Họp giao ban sáng nay. {filler} Sau đó, lãnh đạo kết luận buổi họp.",
        "dai": f"Họp giao ban sáng nay. {filler * 6} Sau đó, lãnh đạo kết luận buổi họp.",
    }
    engine = _engine_over(tmp_path, _records(bodies, "Viện kiểm sát họp", date="2024-05-02"))
    found = engine.search(build_request(query, grouped=False))
    assert [h.id for h in found.hits] == ["ba-lan", "mot-lan", "dai"]
    assert found.hits[0].score > found.hits[1].score > found.hits[2].score


def test_articles_written_with_stand_in_letters_are_found_and_marked(tmp_path) -> None:
    """An article typed with full-width letters, with eth for đ or with zero-width
    spaces between words is found by the plain query and shown as it was written."""

    bodies = {
        "rong": "Viện kiểm sát họp ｇｉａｏ ｂａｎ công tác tháng.",
        "eth": "Viện kiểm sát thành phố Ðà Nẵng họp giao ban.",
        "zwsp": "Viện kiểm sát tỉnh họp giao\u200bban công tác quý.",
    }
    engine = _engine_over(tmp_path, _records(bodies, "Tin công tác"))
    found = engine.search(build_request("giao ban", grouped=False))
    assert {h.id for h in found.hits} == set(bodies)
    snippets = {h.id: h.snippet for h in found.hits}
    assert "<mark>ｇｉａｏ</mark> <mark>ｂａｎ</mark>" in snippets["rong"]
    assert "<mark>giao</mark> <mark>ban</mark>" in snippets["zwsp"]
    assert [h.id for h in engine.search(build_request("đà nẵng")).hits] == ["eth"]
    assert "Ðà Nẵng" in engine.article("eth", build_request("")).body_html


def test_fancy_font_letters_are_the_letters_they_stand_for(tmp_path) -> None:
    """Text pasted from social media in "fancy fonts" (Mathematical Alphanumeric Symbols,
    with Vietnamese marks as combining characters): an article written so is found by
    the plain query and shown as written, and a query typed so finds a plain article."""
    bodies = {
        "dam": "Viện kiểm sát tổ chức 𝐇𝐨̣̂𝐢 𝐧𝐠𝐡𝐢̣ 𝐠𝐢𝐚𝐨 𝐛𝐚𝐧 công tác tháng.",
        "thuong": "Viện kiểm sát tỉnh tổ chức hội nghị tổng kết công tác năm.",
    }
    engine = _engine_over(tmp_path, _records(bodies, "Tin công tác"))
    found = engine.search(build_request("hội nghị giao ban", grouped=False))
    assert [h.id for h in found.hits] == ["dam"]
    assert "<mark>𝐠𝐢𝐚𝐨</mark> <mark>𝐛𝐚𝐧</mark>" in found.hits[0].snippet
    typed = engine.search(build_request("𝔱𝔬̂̉𝔫𝔤 𝔨𝔢̂́𝔱", grouped=False))
    assert [h.id for h in typed.hits] == ["thuong"]


def test_an_unaccented_word_ranks_where_the_articles_write_it_as_a_word(tmp_path) -> None:
    """ "giao ban" typed without diacritics matches "cô giáo ban chuyên môn" and "giao
    bản chính" too (the same letters); the report where it stands as one word ("buổi
    giao ban", as the segmenter read the article) ranks first."""

    bodies = {
        "co-giao": "Các cô giáo ban chuyên môn của trường đã họp sáng nay.",
        "ban-chinh": "Việc giao bản chính giấy đăng ký xe đã bàn sáng nay.",
        "buoi-giao-ban": "Các đơn vị buổi giao ban chuyên môn của tỉnh đã họp.",
    }
    found = _engine_over(tmp_path, _records(bodies, "Tin trong ngày")).search(
        build_request("giao ban", grouped=False)
    )
    assert {h.id for h in found.hits} == set(bodies)
    assert found.hits[0].id == "buoi-giao-ban"
    assert found.hits[0].score > found.hits[1].score
