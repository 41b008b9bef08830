"""Typo correction (issue 21): candidates ranked by how often the corrected words
stand together in the archive, not by how common each syllable is alone."""

from __future__ import annotations

import json
import time

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import sync
from searcher.query.parse import build_request, parse_query
from searcher.query.plan import plan_query
from searcher.results.keyboard import letters_apart, marks_apart
from searcher.results.suggest import candidates
from searcher.results.suggest import suggestion as suggest_plan
from searcher.vi.text import fold


def suggestion(text: str, vocab):
    """Did-you-mean for a query as typed (read once into a plan, as the engine does)."""
    return suggest_plan(plan_query(parse_query(text)), vocab)


ARTICLES = [  # our own sentences; "thăm", "những" and "bấm" are commoner than the answers
    ("Hội nghị giao ban công tác kiểm sát quý I",
     "Sáng nay Viện kiểm sát nhân dân tỉnh tổ chức hội nghị giao ban. Buổi giao ban bàn về "
     "phòng chống tham nhũng."),
    ("Giao ban trực tuyến toàn ngành",
     "Viện kiểm sát nhân dân tối cao chủ trì giao ban trực tuyến với các tỉnh."),
    ("Đấu tranh phòng chống tham nhũng",
     "Các vụ án tham nhũng được Viện kiểm sát khởi tố; tham nhũng vẫn phức tạp."),
    ("Hội nghị tổng kết công tác năm 2023",
     "Viện kiểm sát nhân dân huyện tổ chức hội nghị tổng kết công tác năm."),
    ("Cô giáo đến thăm hỏi học sinh nghèo",
     "Những ngày cuối năm, cô giáo đến thăm hỏi các em; người dân bấm chuông chào đón."),
    ("Đoàn thanh niên thăm gia đình chính sách",
     "Đoàn đến thăm gia đình, bấm máy chụp ảnh kỷ niệm; những món quà được trao."),
    ("Lãnh đạo tỉnh thăm người có công",
     "Lãnh đạo tỉnh thăm và tặng quà; bạn bè và người thân bấm điện thoại gọi những lời chúc."),
    ("Những bạn trẻ tình nguyện", "Họ thăm những bản làng xa; những chuyến đi bấm giờ."),
]  # fmt: skip


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("spelling")
    corpus = base / "corpus"
    corpus.mkdir()
    with (corpus / "tin.jsonl").open("w", encoding="utf-8") as fh:
        for n, (title, body) in enumerate(ARTICLES):
            record = {"id": f"t{n}", "title": title, "body": body}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    sync(corpus, base / "index")
    return Engine(base / "index")


@pytest.fixture(scope="module")
def vocab(engine: Engine):
    engine.search(build_request("giao ban"))
    return engine._current().vocabulary


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("giao bam", "giao ban"), ("tham nhungg", "tham nhũng"),
     ("vien kiem sta", "viện kiểm sát"), ("tham nhũngg", "tham nhũng"),
     ("viện kiểm sat", "viện kiểm sát")],
)  # fmt: skip
def test_the_issue_examples(vocab, typed: str, meant: str) -> None:
    assert suggestion(typed, vocab) == meant


def test_pairs_decide_not_single_syllables(vocab) -> None:
    """ "thăm" and "những" are each commoner here than "tham" and "nhũng"; "tham
    nhũng" stands together, "thăm nhũng" never does."""
    assert vocab.frequency("thăm") > vocab.frequency("tham")
    assert vocab.frequency("những") > vocab.frequency("nhũng")
    assert suggestion("tham nhungg", vocab) == "tham nhũng"
    assert vocab.frequency("bấm") > 0  # "bam" is a real syllable: a real-word error
    assert suggestion("giao bam", vocab) == "giao ban"


def test_a_correct_query_gets_accents_only(vocab) -> None:
    found = suggestion("hoi nghi tong ket", vocab)
    assert found is None or fold(found) == "hoi nghi tong ket"
    assert suggestion("hội nghị tổng kết", vocab) is None


def test_the_engine_shows_the_correction(engine: Engine) -> None:
    r = engine.search(build_request("tham nhungg"))
    assert r.corrected == "tham nhũng" and r.total > 0


def test_diacritics_cost_less_than_letters(vocab) -> None:
    assert marks_apart("dẵn", "dằn") == 1 and marks_apart("rắn", "ra") == 2
    found = candidates("nhũngg", vocab, accented=True)
    assert found["nhũng"] < found.get("những", 9)


def test_long_unknown_words_stay_cheap(vocab) -> None:
    t0 = time.perf_counter()
    assert suggestion("a" * 30 + " " + "b" * 30, vocab) is None
    assert suggestion("x" * 500, vocab) is None
    assert time.perf_counter() - t0 < 1.0


def test_only_plain_queries(vocab) -> None:
    for q in ('"giao bam"', "giao -bam", 'tỉnh:"Thanh Hóa" giao bam', "giao OR bam"):
        assert suggestion(q, vocab) is None


def test_a_typo_matching_many_articles_still_gets_a_suggestion(tmp_path) -> None:
    """'giao bam' matches every article holding 'giao' and 'bấm' apart (six here, more
    than the few-results threshold): its words never stand together in the archive and
    the correction's do, so the page shows the correction's results (saying what the
    query as typed found); searched exactly, the typed query's results with the
    correction offered."""
    from searcher.engine.correcting import SUGGEST_BELOW
    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild
    from searcher.query.parse import build_request

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"a{i}.txt").write_text(
            f"Tin {i}\nCán bộ được giao nhiệm vụ. Người dân bấm chuông số {i}.", "utf-8"
        )
    for i in range(3):
        (corpus / f"b{i}.txt").write_text(
            f"Họp giao ban {i}\nViện kiểm sát họp giao ban tháng {i + 1}.", "utf-8"
        )
    for i in range(3):  # hold "giao" more often than the meetings do
        (corpus / f"c{i}.txt").write_text(
            f"Giao thông {i}\nGiao thông, giao nhận, giao hàng và giao lưu.", "utf-8"
        )
    rebuild(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    shown = engine.search(build_request("giao bam"))
    assert (shown.corrected, shown.typed_total, shown.total) == ("giao ban", 6, 3)
    assert shown.to_json()["typed_total"] == 6
    typo = engine.search(build_request("giao bam", exact=True))
    assert typo.total >= SUGGEST_BELOW and typo.suggestion == "giao ban"
    right = engine.search(build_request("giao ban"))
    assert [h.id for h in shown.hits] == [h.id for h in right.hits]
    assert right.total == 3 and right.suggestion is None
    # the page's room after its six results starts with the correction's three articles,
    # as the correction ranks them (then those holding some typed word), none counted
    assert [h.id for h in typo.closest[:3]] == [h.id for h in right.hits]
    assert typo.total == 6 and all(h.missing == ["bam"] for h in typo.closest[:3])
    # the correction's three results leave room: the query as typed fills it, its six
    # results (every typed word, apart) first, then the articles holding "giao" alone
    assert [h.id for h in shown.as_typed] == [h.id for h in typo.hits] + [
        h.id for h in typo.closest if h.id.startswith("c")
    ]
    rest = shown.as_typed[6:]  # the three alike "giao thông" reports are one card
    assert rest and all(h.missing == ["bam"] for h in rest)
    assert [h["id"] for h in shown.to_json()["as_typed"]] == [h.id for h in shown.as_typed]
    full = engine.search(build_request("giao bam", limit=3))  # no room: nothing added
    assert full.corrected == "giao ban" and full.as_typed == []


@pytest.mark.parametrize(
    ("typed", "form", "edits"),
    [("nhs", "nhà", 1.0),  # a missed key loses its marks: one edit, not two
     ("trưng", "trường", 1.0),  # "ờ" dropped with its marks
     ("bạo", "báo", 1.0),  # the same letter, another tone: one mark
     ("dẵn", "dằn", 1.0),
     ("ỹm", "mỹ", 1.0),  # two letters swapped
     ("ỹm", "em", 2.0),  # a typed mark is meant: replacing "ỹ" leaves its tilde to explain
     ("tyâ", "ty", 2.0),  # the same for a typed "â" dropped
     ("tyâ", "tây", 1.0),
     ("rắn", "ra", 3.0),  # "n" dropped, breve and acute
     ("nhũng", "nhũng", 0.0),
     ("taị", "tại", 1.0)],  # a mark on the wrong vowel: one edit (as "thị" is)
)  # fmt: skip
def test_letters_apart_as_a_keyboard_types_them(typed: str, form: str, edits: float) -> None:
    assert letters_apart(typed, form) == edits


def test_a_missed_key_in_an_accented_query(vocab) -> None:
    """Typed with diacritics, "bấn" for "bấm"... and "gia bận" style slips: the letter the
    finger missed took its marks with it, so "thăn" is one edit from "thăm"."""
    found = candidates("nhũg", vocab, accented=True)
    assert found["nhũng"] == 1.0
    assert suggestion("phòng chống tham nhũg", vocab) == "phòng chống tham nhũng"


def test_words_together_in_one_article_only_still_get_a_suggestion(tmp_path) -> None:
    """A typo can make words that do stand together somewhere ("giao bấm" written once,
    in a list of keys to press): the query still matches many articles holding them
    apart, and the archive writes "giao ban" two hundred times as often, so it is
    suggested (one edit costs about what a ratio of a hundred buys)."""
    from searcher.engine.correcting import SUGGEST_BELOW, TOGETHER_BELOW
    from searcher.index.operations import rebuild

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": f"a{i}", "title": f"Tin {i}",
                "body": f"Cán bộ được giao nhiệm vụ. Người dân bấm chuông số {i}."}
               for i in range(6)]  # fmt: skip
    records += [{"id": f"b{i}", "title": f"Họp giao ban {i}",
                 "body": f"Viện kiểm sát họp giao ban lần {i}."} for i in range(200)]  # fmt: skip
    records.append({"id": "c", "title": "Hướng dẫn", "body": "Nhấn nút giao bấm chuông."})
    with (corpus / "tin.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    rebuild(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    typo = engine.search(build_request("giao bam"))
    assert TOGETHER_BELOW == 2 and typo.total >= SUGGEST_BELOW
    assert typo.suggestion == "giao ban"
    right = engine.search(build_request("giao ban"))
    assert right.suggestion is None


def test_words_typed_with_care_need_more_evidence(tmp_path) -> None:
    """A question typed with diacritics ("sốt sau tiêm": fever after a jab), whose words the
    archive holds though never together, is kept as typed when the respelling ("sau tiêu",
    after diarrhoea) is written only a few times; typed without diacritics, where a slip
    is likelier, the same evidence respells it."""
    from searcher.index.operations import rebuild

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": f"n{i}", "title": f"Tin {i}", "body": f"Trẻ bị sốt sau tiêu chảy {i} ngày."}
               for i in range(4)]  # fmt: skip
    records += [{"id": f"c{i}", "title": f"Tiêm chủng {i}",
                 "body": f"Người dân đi tiêm vắc xin đợt {i}."} for i in range(10)]  # fmt: skip
    with (corpus / "tin.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    rebuild(corpus, tmp_path / "index")
    vocab = Engine(tmp_path / "index")._current().vocabulary
    assert suggestion("sốt sau tiêm", vocab) is None
    assert suggestion("sot sau tiem", vocab) == "sốt sau tiêu"


def test_codes_and_acronyms_are_never_respelled(tmp_path) -> None:
    """ "nCoV" is in no article of an older archive, and "được coi" is in many: a word with
    a capital inside or a digit is a code, kept as typed ("F1" is not "f")."""
    from searcher.index.operations import rebuild

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [
        {
            "id": f"n{i}",
            "title": f"Tin {i}",
            "body": f"Việc {i} được coi là cần thiết để ngăn dịch bệnh.",
        }
        for i in range(20)
    ]
    with (corpus / "tin.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    rebuild(corpus, tmp_path / "index")
    vocab = Engine(tmp_path / "index")._current().vocabulary
    assert suggestion("ngăn được nCoV", vocab) is None
    assert suggestion("ngăn được F1", vocab) is None
    assert suggestion("ngăn được coii", vocab) == "ngăn được coi"  # a plain typo still is


def test_words_away_from_an_unseen_pair_only_take_accents(vocab, monkeypatch) -> None:
    """In "hoi nghi giao bam" only "giao bam" never stands together: "hoi" and "nghi"
    take the accents the archive writes them with, their near spellings unread."""
    import searcher.results.suggest as suggest

    asked: list[str] = []
    real = suggest.candidates
    monkeypatch.setattr(suggest, "candidates",
                        lambda w, v, a: asked.append(w) or real(w, v, a))  # fmt: skip
    assert suggestion("hoi nghi giao bam", vocab) == "hội nghị giao ban"
    assert asked == ["giao", "bam"]


def test_an_accented_query_the_archive_holds_whole_keeps_its_letters(vocab, monkeypatch) -> None:
    """ "hội nghị giao ban" typed with diacritics and written so in the archive: no word's near
    spellings are read (was a few milliseconds a query at 35k, never a suggestion on the
    spelling bench); the same words typed without still get their accents."""
    import searcher.results.suggest as suggest

    asked: list[str] = []
    real = suggest.candidates
    monkeypatch.setattr(suggest, "candidates",
                        lambda w, v, a: asked.append(w) or real(w, v, a))  # fmt: skip
    assert suggestion("hội nghị giao ban", vocab) is None
    assert asked == []
    assert suggestion("hoi nghi giao ban", vocab) == "hội nghị giao ban"


def test_the_correction_replaces_results_only_when_the_typed_words_never_stand_together(
    tmp_path,
) -> None:
    """Shown in the query's place only when its words never stand together where the
    correction's do; never for a name typed with capitals, never for words some article
    holds together (then offered); the CLI says what the query as typed found."""
    from click.testing import CliRunner

    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild
    from searcher.query.parse import build_request
    from web.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"a{i}.txt").write_text(f"Tin {i}\nÔng Nguyễn đến dự. Anh Tuấm về quê.", "utf-8")
    for i in range(4):
        (corpus / f"b{i}.txt").write_text(f"Văn {i}\nNhà văn Nguyễn Tuấn viết tùy bút.", "utf-8")
    (corpus / "c.txt").write_text("Bài lạ\nMáy giao bấm nút. Anh Tuấm gặp ông Nguyễn.", "utf-8")
    rebuild(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    typed = engine.search(build_request("nguyen tuam"))
    assert (typed.corrected, typed.typed_total, typed.total) == ("nguyễn tuấn", 7, 4)
    named = engine.search(build_request("Nguyen Tuam"))  # a name, as typed
    assert named.corrected is None and named.suggestion == "nguyễn tuấn" and named.total == 7
    held = engine.search(build_request("tuam gap"))  # "Tuấm gặp" stands together once
    assert held.corrected is None and held.total == 1
    out = CliRunner().invoke(cli, ["--corpus", str(corpus), "--index", str(tmp_path / "index"),
                                   "search", "nguyen tuam"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "'nguyen tuam' found 7 articles holding its words apart, never together" in out.output
    assert "showing results for: nguyễn tuấn" in out.output
    from web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    html = client.get("/search?q=nguyen+tuam").get_data(as_text=True)
    assert "Đang hiển thị kết quả cho: <strong>nguyễn tuấn</strong>" in html
    assert "7 bài có các từ này ở rời nhau" in html and "Không có kết quả cho" not in html
    assert 'href="/search?q=nguyen+tuam&amp;exact=1"' in html
    assert client.get("/api/search?q=nguyen+tuam").get_json()["typed_total"] == 7
    # the downloads are of what the page shows: the correction (and its other readings),
    # corrected by the engine as the page is
    assert "export.csv?q=nguyen+tuam" in html
    shown = client.get("/api/search?q=nguyen+tuam&limit=100").get_json()
    rows = client.get("/export.csv?q=nguyen+tuam").get_data(as_text=True).strip().splitlines()
    assert len(rows) == 1 + shown["total"] == 1 + 4
    assert [r.split(",")[0] for r in rows[1:]] == [h["id"] for h in shown["hits"]]


def test_a_warmed_engine_builds_no_table_at_its_first_query(tmp_path, monkeypatch) -> None:
    """A server's worker warms its engine before its first request: did-you-mean's
    tables are then built, and the first misspelt query builds none."""
    from searcher.results.vocabulary import Vocabulary

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with (corpus / "tin.jsonl").open("w", encoding="utf-8") as fh:
        for n, (title, body) in enumerate(ARTICLES):
            fh.write(json.dumps({"id": f"t{n}", "title": title, "body": body},
                                ensure_ascii=False) + "\n")  # fmt: skip
    sync(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    engine.warm()

    def built_again(*_):
        raise AssertionError("a table built at query time")

    monkeypatch.setattr(Vocabulary, "_syllable_tables", built_again)
    monkeypatch.setattr(Vocabulary, "_counts", built_again)
    assert engine.search(build_request("giao bam")).corrected == "giao ban"
    Engine(tmp_path / "nothing").warm()  # no index yet: nothing to warm, no error


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("giaoban", "giao ban"), ("vienkiemsat", "viện kiểm sát"), ("hoinghi tong ket",
     "hội nghị tổng kết"), ("thamnhung", "tham nhũng"), ("giaobam", None), ("F1", None),
     ("thamm", None)],
)  # fmt: skip
def test_syllables_typed_without_spaces_are_read_apart(vocab, typed, meant) -> None:
    """A phone often leaves out the spaces: syllables the archive writes together are
    read apart and take their accents; a run of letters they do not make, a code, a
    word one edit from a syllable ("thamm": a typo of "thăm") stay as they are."""
    from searcher.results.glued import unglued

    assert suggestion(typed, vocab) == meant or (
        meant is None and " " not in (suggestion(typed, vocab) or "")
    )
    if meant is None:
        assert unglued(typed.split(), vocab) == typed.split()


def test_the_engine_reads_a_glued_query_apart(engine: Engine) -> None:
    """No article holds "vienkiemsat": its results are those of "viện kiểm sát",
    and the page says so."""
    found = engine.search(build_request("vienkiemsat"))
    assert found.corrected == "viện kiểm sát" and found.total >= 4


def test_a_misspelt_query_is_searched_in_its_likely_readings_together(tmp_path) -> None:
    """ "bao tuye" is one letter from "báo tuyển" and from "bão tuyết": the page shows the
    likeliest reading's results first and the other's with them (interleaved by their
    odds), says so, counts both, narrows by a facet without reordering, and exports the
    same list; a reading far less likely is not searched."""
    from searcher.engine.engine import Engine
    from searcher.index.operations import rebuild
    from searcher.query.parse import build_request
    from searcher.results.suggest import READING_ODDS, corrections

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):  # as many articles hold either reading: odds 1 each
        province = ("Hà Tĩnh", "Nghệ An")[i % 2]
        (corpus / f"tuyen{i}.txt").write_text(
            f"Tờ báo tuyển phóng viên {i}\nViện kiểm sát nhân dân tỉnh {province} họp với tờ báo"
            " tuyển thêm người viết.", "utf-8")  # fmt: skip
    for i in range(4):
        (corpus / f"tuyet{i}.txt").write_text(
            f"Cơn bão tuyết số {i}\nViện kiểm sát nhân dân tỉnh Nghệ An họp khi bão tuyết phủ"
            " trắng thị trấn.", "utf-8")  # fmt: skip
    (corpus / "other.txt").write_text("Tin khác\nBao nhiêu người về quê ăn tết.", "utf-8")
    rebuild(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    found = engine.search(build_request("bao tuye"))
    assert found.corrected == "báo tuyển" and found.readings == ["bão tuyết"]
    ids = [h.id for h in found.hits]
    assert found.total == 8 and ids == [
        "tuyen0",
        "tuyet0",
        "tuyen1",
        "tuyet1",
        "tuyen2",
        "tuyet2",
        "tuyen3",
        "tuyet3",
    ]  # interleaved
    narrowed = engine.search(build_request("bao tuye", filters={"province": ["Nghệ An"]}))
    assert [h.id for h in narrowed.hits] == [i for i in ids if i.startswith("tuyet")
                                               or int(i[-1]) % 2]  # fmt: skip
    exported = [row["id"] for row in engine.export(build_request("bao tuye", limit=100))]
    assert exported == ids
    pages = [engine.search(build_request("bao tuye", limit=3, page=n)) for n in (1, 2, 3)]
    assert [h.id for p in pages for h in p.hits] == ids  # pages cut the same list
    newest = engine.search(build_request("bao tuye", sort="newest"))
    assert newest.total == 8 and set(h.id for h in newest.hits) == set(ids)
    from click.testing import CliRunner

    from web import create_app
    from web.cli import cli

    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    html = client.get("/search?q=bao+tuye").get_data(as_text=True)
    assert "<strong>báo tuyển</strong>, cùng “bão tuyết”" in html
    out = CliRunner().invoke(cli, ["--corpus", str(corpus), "--index", str(tmp_path / "index"),
                                   "search", "bao tuye"])  # fmt: skip
    assert out.exit_code == 0 and "showing results for: báo tuyển, bão tuyết" in out.output
    assert found.to_json()["readings"] == ["bão tuyết"]
    # a reading far less likely is not searched: 12 articles against 1
    for i in range(4, 12):
        (corpus / f"tuyen{i}.txt").write_text(f"Báo tuyển {i}\nTờ báo tuyển thêm người.", "utf-8")
    for i in range(1, 4):
        (corpus / f"tuyet{i}.txt").unlink()
    rebuild(corpus, tmp_path / "index")
    engine.refresh()
    lopsided = engine.search(build_request("bao tuye"))
    odds = corrections(["bao", "tuye"], engine._current().vocabulary)
    assert odds[0] == ("báo tuyển", 1.0) and all(o >= READING_ODDS for _, o in odds)
    assert lopsided.readings == [t for t, _ in odds[1:]] and "bão tuyết" not in lopsided.readings
    exact = engine.search(build_request("bao tuye", exact=True))
    assert exact.corrected is None and exact.total == 0
