"""Forgiving queries (issue 25): the web reads what the user meant and says how."""

from __future__ import annotations

import pytest

from searcher.query.forgive import forgive
from searcher.query.parse import QueryError, build_request


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ('"giao ban', '"giao ban"'),  # unbalanced quote closed
        ("tỉnh:hà nội giao ban", 'tỉnh:"Hà Nội" giao ban'),  # multi-syllable value
        ("tinh:thanh hoa nam:2022", 'tinh:"Thanh Hóa" nam:2022'),
        ("loai:giao ban", 'loai:"giao ban"'),
        ("tỉnh:bà rịa vũng tàu", 'tỉnh:"Bà Rịa - Vũng Tàu"'),
        ("tácgiả:Nguyễn Văn A", "tácgiả Nguyễn Văn A"),  # unknown field: words
        ("người:Nguyễn Văn A họp", 'người:"Nguyễn Văn A" họp'),  # a name: capitalised words
        ("tỉnh:atlantis họp", "atlantis họp"),  # unknown value: words
        ("-tỉnh:hà nội tổng kết", "tổng kết"),  # a filter cannot be excluded: left out
        ("giao ban OR", "giao ban"),
        ("a OR OR b", "a OR b"),
        ("-a OR b", "-a b"),
        ("tỉnh:hà nội OR giao", 'tỉnh:"Hà Nội" giao'),
    ],
)
def test_forgiving_reading(typed: str, read: str) -> None:
    reading = forgive(typed)
    assert reading.text == read and reading.changed
    build_request(reading.text)  # the reading is valid in the strict language


def test_a_valid_query_is_read_as_typed() -> None:
    for typed in ('giao ban tỉnh:"Thanh Hóa" năm:2022 -"sơ kết"', "10:30 họp", "10:30 OR họp", ""):
        reading = forgive(typed)
        assert not reading.changed and not reading.notes


def test_the_strict_parser_still_refuses() -> None:
    with pytest.raises(QueryError):
        build_request("tỉnh:hà nội")


def test_web_reads_forgivingly_and_says_how(client) -> None:
    r = client.get("/search?q=t%E1%BB%89nh%3Ah%C3%A0+n%E1%BB%99i")  # tỉnh:hà nội
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Đã tìm:" in page and "tỉnh:&#34;Hà Nội&#34;" in page
    # the link to the strict form carries the rewritten query
    assert "q=t%E1%BB%89nh%3A%22H%C3%A0+N%E1%BB%99i%22" in page
    strict = client.get("/search?q=t%E1%BB%89nh%3A%22H%C3%A0+N%E1%BB%99i%22").get_data(as_text=True)
    assert "Đã tìm:" not in strict


def test_api_carries_the_reading(client) -> None:
    answer = client.get("/api/search?q=%22giao+ban").get_json()
    assert answer["reading"]["read_as"] == '"giao ban"' and answer["reading"]["changed"]
    assert answer["reading"]["notes"]
    plain = client.get("/api/search?q=giao+ban").get_json()
    assert plain["reading"]["changed"] is False


def test_dates_are_read_day_first_and_year_only_articles_need_the_whole_year() -> None:
    import numpy as np

    from searcher.engine.facets import date_range_mask
    from searcher.index.registry import day_key, year_key
    from searcher.query.parse import parse_day

    assert parse_day("from", "30/06/2022") == parse_day("from", "2022-06-30")
    january = (parse_day("from", "01/01/2017"), parse_day("to", "31/01/2017"))
    keys = np.array([year_key(2017), day_key(january[0]), year_key(2016)])
    assert date_range_mask(keys, *january).tolist() == [False, True, False]
    whole = (parse_day("from", "01/01/2016"), parse_day("to", "31/12/2017"))
    assert date_range_mask(keys, *whole).tolist() == [True, True, True]
