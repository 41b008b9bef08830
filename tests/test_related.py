"""Issue 25 through the engine and the web app: the chair facet and ``người:``, one
card per meeting (the same meeting reported by two sites), similar reports. The corpus
(``fixtures/people``) was written for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import rebuild
from searcher.query.parse import build_request

PEOPLE = Path(__file__).parent / "fixtures" / "people" / "people.jsonl"


@pytest.fixture(scope="module")
def related(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("related")
    corpus, index = base / "corpus", base / "index"
    corpus.mkdir()
    shutil.copy(PEOPLE, corpus / PEOPLE.name)
    assert rebuild(corpus, index).indexed == 5
    return corpus, index


@pytest.fixture(scope="module")
def eng(related) -> Engine:
    return Engine(related[1])


def ids(results) -> list[str]:
    return sorted(h.id for h in results.hits)


def test_one_card_per_meeting_with_the_other_report_under_it(eng: Engine) -> None:
    results = eng.search(build_request("giao ban quý I"))
    card = next(h for h in results.hits if h.id.startswith("hanam-site"))
    assert [h.id for h in results.hits].count(card.id) == 1
    assert not any(h.id.startswith("hanam-site") and h is not card for h in results.hits)
    assert card.id == "hanam-site-a"  # the longer report leads
    assert [g.id for g in card.group] == ["hanam-site-b"]
    assert card.group[0].url.startswith("https://baophapluat.example.vn/")
    json_hit = next(h for h in results.to_json()["hits"] if h["id"] == "hanam-site-a")
    assert [g["id"] for g in json_hit["group"]] == ["hanam-site-b"]


@pytest.mark.parametrize(
    ("query", "sort", "card", "under"),
    [
        # site b's title is the words typed: the meeting's card is its report that best
        # matches them, ranked by that report's score (a search engine's collapse)
        ("giao ban công tác kiểm sát", "relevance", "hanam-site-b", "hanam-site-a"),
        # site a's title holds "Hội nghị … quý I năm 2024" as typed
        ("Hội nghị giao ban quý I năm 2024", "relevance", "hanam-site-a", "hanam-site-b"),
        # by date or browsing, no words to match: the longest report leads
        ("giao ban công tác kiểm sát", "newest", "hanam-site-a", "hanam-site-b"),
        ("", "newest", "hanam-site-a", "hanam-site-b"),
    ],
)  # fmt: skip
def test_a_meeting_is_shown_by_its_report_that_best_matches(eng, query, sort, card, under):
    results = eng.search(build_request(query, sort=sort))
    shown = [h for h in results.hits if h.id.startswith("hanam-site")]
    assert [h.id for h in shown] == [card]
    assert [g.id for g in shown[0].group] == [under]


@pytest.mark.parametrize("query", ["giao ban quý I", "giao ban công tác kiểm sát"])
def test_a_cards_other_report_is_not_listed_again_as_close(eng: Engine, query: str) -> None:
    """Round 13 listed the meeting's other report among "articles holding some of the
    words" under the card that already held it."""
    results = eng.search(build_request(query))
    assert results.closest, "the page is not full: the closest articles follow"
    in_cards = {x for h in results.hits for x in (h.id, *(g.id for g in h.group))}
    assert in_cards.isdisjoint(h.id for h in results.closest)


def test_ungrouped_search_lists_both_and_counts_agree(eng: Engine) -> None:
    grouped = eng.search(build_request("giao ban"))
    flat = eng.search(build_request("giao ban", grouped=False))
    assert flat.total == grouped.total + 1
    assert {"hanam-site-a", "hanam-site-b"} <= set(ids(flat))
    assert grouped.total == len(grouped.hits)


def test_the_same_units_next_briefing_is_not_the_same_meeting(eng: Engine) -> None:
    assert eng.duplicates("hanam-q2") == []
    assert eng.duplicates("hanam-site-b") == ["hanam-site-a"]


def test_chair_facet_counts_one_person_however_written(eng: Engine) -> None:
    results = eng.search(build_request("", grouped=False))
    chairs = {v.value: v.count for v in results.facets["chair"]}
    # "Lê Văn Hoà" (two reports) and "Lê Văn Hòa" (one): one value, three reports
    assert chairs["Lê Văn Hòa"] == 3 and "Lê Văn Hoà" not in chairs
    assert chairs["Phạm Quốc Việt"] == 1


@pytest.mark.parametrize("query", ['người:"le van hoa"', 'person:"LÊ VĂN HOÀ"',
                                   'nguoi:"Lê Văn Hòa" giao ban'])  # fmt: skip
def test_search_by_person_finds_chair_and_attendee(eng: Engine, query: str) -> None:
    found = ids(eng.search(build_request(query, grouped=False)))
    # chaired three Hà Nam reports; attended the Nam Định briefing (typed without marks)
    assert found == ["hanam-q2", "hanam-site-a", "hanam-site-b", "namdinh-plain"]


def test_chair_filter_is_only_the_chair(eng: Engine) -> None:
    found = ids(eng.search(build_request("", filters={"chair": ["le van hoa"]}, grouped=False)))
    assert found == ["hanam-q2", "hanam-site-a", "hanam-site-b"]
    assert ids(eng.search(build_request('người:"Không Có Ai"'))) == []


def test_article_people_group_and_similar(eng: Engine) -> None:
    view = eng.article("hanam-site-b")
    assert view.chair == "Lê Văn Hoà" and view.chair_role == "Viện trưởng VKSND tỉnh Hà Nam"
    assert view.attendees == [
        {"name": "Trần Thị Bình", "role": "Phó Viện trưởng VKSND tỉnh Hà Nam"}
    ]
    assert [g.id for g in view.group] == ["hanam-site-a"]
    similar = [(s.id, s.same_kind) for s in view.similar]
    # the same unit's briefing first; never its own meeting's other report
    assert similar[0] == ("hanam-q2", True)
    assert "hanam-site-a" not in [s for s, _ in similar]
    data = view.to_json()
    assert data["chair"] == "Lê Văn Hoà" and data["similar"][0]["id"] == "hanam-q2"


def test_web_article_page_and_grouped_card(related) -> None:
    from web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(related[1])}).test_client()
    page = client.get("/article/hanam-site-a").get_data(as_text=True)
    assert "Người chủ trì" in page and "Người tham dự" in page and "Trần Thị Bình" in page
    assert "Báo cáo tương tự" in page and "Cùng hội nghị (1 bài khác)" in page
    assert "/search?chair=" in page and "ng%C6%B0%E1%BB%9Di%3A" in page  # chair and person links
    search = client.get("/search?q=giao+ban").get_data(as_text=True)
    assert "1 bài cùng hội nghị" in search and "baophapluat.example.vn" in search
    assert client.get("/search?chair=L%C3%AA+V%C4%83n+H%C3%B2a").status_code == 200
    api = client.get("/api/article/hanam-site-a").get_json()
    assert (
        api["attendees"][0]["name"] == "Trần Thị Bình" and api["group"][0]["id"] == "hanam-site-b"
    )


def test_cli_show_says_who_chaired_and_the_related_reports(related) -> None:
    from click.testing import CliRunner

    from searcher.cli import cli

    out = CliRunner().invoke(cli, ["--index", str(related[1]), "show", "hanam-site-b"]).output
    assert "Chaired by: Lê Văn Hoà, Viện trưởng VKSND tỉnh Hà Nam" in out
    assert "Attended by: Trần Thị Bình, Phó Viện trưởng VKSND tỉnh Hà Nam" in out
    assert "Same meeting: hanam-site-a" in out and "Similar reports: hanam-q2" in out


def test_people_and_groups_survive_adds_and_segment_merges(tmp_path: Path) -> None:
    from searcher.index.operations import add

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    shutil.copy(PEOPLE, corpus / PEOPLE.name)
    rebuild(corpus, index)
    for n in range(8):  # one segment each, merged by Whoosh as they pile up
        f = tmp_path / f"them{n}.txt"
        f.write_text(f"Hội nghị lần {n}\nNgày {n + 1}/3/2024, VKSND huyện Kim Bảng họp. Đồng chí "
                     f"Lê Văn Hòa, Viện trưởng VKSND tỉnh Hà Nam chủ trì hội nghị lần {n}.",
                     encoding="utf-8")  # fmt: skip
        add([f], corpus, index)
    eng = Engine(index)
    assert len(eng._current().arrays.segments) < 9  # merged: rows came from merged arrays
    assert eng.search(build_request('người:"le van hoa"', grouped=False)).total == 4 + 8
    assert eng.duplicates("hanam-site-b") == ["hanam-site-a"]
    chairs = {v.value: v.count for v in eng.search(build_request("")).facets["chair"]}
    assert chairs["Lê Văn Hòa"] == 2 + 8  # cards: the two Hà Nam reports of one meeting are one


def test_a_cards_other_reports_best_matching_first(tmp_path: Path) -> None:
    """Under a card ranked by relevance, the meeting's other reports that match the words
    come before those that do not (by date: the longest first, the card among the matching)."""
    lead = ("Sáng 12/4/2024, VKSND tỉnh Hà Nam tổ chức hội nghị giao ban công tác kiểm sát "
            "quý I năm 2024 với sự tham dự của lãnh đạo các phòng nghiệp vụ và Viện trưởng "
            "VKSND cấp huyện trong tỉnh. Hội nghị đánh giá kết quả thực hiện các chỉ tiêu "
            "nghiệp vụ, chỉ ra hạn chế và đề ra giải pháp cho quý II năm 2024.")  # fmt: skip
    reports = {
        "a-longest": lead + " Các đơn vị đã trao đổi kinh nghiệm trong công tác kiểm sát "
        "điều tra, truy tố và xét xử, thống nhất nhiều giải pháp nâng cao chất lượng.",
        "b-once": lead + " Đại biểu huyện Lý Nhân phát biểu.",
        "c-best": lead + " Đại biểu huyện Lý Nhân và Kim Bảng phát biểu về Lý Nhân.",
    }
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in reports.items():
        title = "VKSND tỉnh Hà Nam giao ban công tác quý I năm 2024"
        (corpus / f"{name}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
    assert rebuild(corpus, tmp_path / "index").indexed == 3
    eng = Engine(tmp_path / "index")
    [card] = eng.search(build_request("Lý Nhân giao ban")).hits
    assert card.id == "c-best"
    assert [g.id for g in card.group] == ["b-once", "a-longest"]
    [card] = eng.search(build_request("Lý Nhân giao ban", sort="newest")).hits
    assert [card.id, *(g.id for g in card.group)] == ["c-best", "a-longest", "b-once"]


@pytest.mark.parametrize("dated", [False, True])
def test_an_undated_chain_of_edited_templates_is_not_one_meeting(tmp_path: Path, dated) -> None:
    """Answers written from one template, each edited a little from the one before: the
    first and the last share few words. Undated, every report of a group is near its
    leader (as near as a group's edge requires); dated a day apart, the chain is one
    story's rewrites (another site's rewrite of a rewrite) and stays one group."""
    import json
    import random
    import re

    import numpy as np

    from searcher.engine.related import NEAR
    from searcher.index.arrays.minhash import similarity

    rng = random.Random(25)
    vocab = re.findall(
        r"\w+",
        "tiêm chủng vaccine phòng bệnh sức khỏe bác sĩ khám sàng lọc "
        "theo dõi sau mũi hai ba đăng ký trạm y tế phường xã huyện tỉnh người "
        "dân ưu tiên đối tượng nguy cơ cao bệnh nền huyết áp tiểu đường hen "
        "suyễn dị ứng thuốc hạ sốt nghỉ ngơi uống nước đầy đủ liên hệ cơ sở",
    )
    words = [rng.choice(vocab) for _ in range(80)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = []
    for n in range(30):
        for at in rng.sample(range(len(words)), 6):  # each answer edits the one before it
            words[at] = rng.choice(vocab)
        body = "Chào bạn, " + " ".join(words) + ". Trân trọng!"
        record = {"id": f"answer-{n:02d}", "title": f"Hỏi đáp số {n}", "body": body}
        if dated:
            record["date"] = f"2024-03-{1 + n % 2:02d}"
        records.append(json.dumps(record, ensure_ascii=False))
    (corpus / "answers.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    assert rebuild(corpus, tmp_path / "index").indexed == 30
    related = Engine(tmp_path / "index")._current().related
    members = np.flatnonzero(related.leader != np.arange(len(related.leader)))
    assert len(members)  # some answers are grouped
    near = similarity(related.sig[members], related.sig[related.leader[members]])
    if dated:
        assert not (near >= NEAR).all()  # a chain: some far from the leader, still grouped
    else:
        assert (near >= NEAR).all()
