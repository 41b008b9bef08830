"""People and roles read from a report (issue 25): who chaired, who attended, each with
the role written next to the name; names that match however they are typed. Every
sentence here was written for these tests."""

from __future__ import annotations

import unicodedata

import pytest

from searcher.facts.names import display_name, person_key
from searcher.facts.people import Person, read_people


def chair(body: str, title: str = "Hội nghị") -> Person | None:
    return read_people(title, body).chair


def names(body: str) -> list[str]:
    return [p.name for p in read_people("Hội nghị", body).attendees]


def test_chair_named_before_the_verb_with_a_role_after_the_name() -> None:
    found = chair("Đồng chí Lê Văn Hoà, Phó Bí thư Đảng ủy, Viện trưởng VKSND tỉnh Hà Nam "
                  "dự và chủ trì hội nghị.")  # fmt: skip
    assert found == Person("Lê Văn Hoà", "Phó Bí thư Đảng ủy, Viện trưởng VKSND tỉnh Hà Nam")


def test_chair_after_do_and_before_chu_tri() -> None:
    assert chair("Hội nghị do đồng chí Trần Minh Khoa - Viện trưởng chủ trì.").name == (
        "Trần Minh Khoa"
    )


def test_chair_after_the_verb_first_of_the_list() -> None:
    body = ("Dự và chủ trì hội nghị có đồng chí Phạm Quốc Việt - Viện trưởng; đồng chí "
            "Đỗ Thu Hằng - Phó Viện trưởng.")  # fmt: skip
    assert chair(body) == Person("Phạm Quốc Việt", "Viện trưởng")
    assert names(body) == ["Đỗ Thu Hằng"]


def test_role_before_the_name() -> None:
    found = chair("Chiều 9/5, Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn chủ trì cuộc họp.")
    assert found == Person("Đặng Ngọc Sơn", "Phó Chủ tịch UBND tỉnh")


def test_two_chairs_joined_give_the_first() -> None:
    assert chair("Ông Vũ Đình An (bên trái) và ông Hồ Thanh Tâm chủ trì buổi làm việc.").name == (
        "Vũ Đình An"
    )


def test_a_body_that_takes_the_lead_is_no_chair() -> None:
    assert chair("VKSND tỉnh chủ trì, phối hợp với Công an tỉnh rà soát các vụ án.") is None
    assert chair("Đồng chí Lý Văn Sáu, Viện trưởng dự và chỉ đạo hội nghị.") is None  # directs


def test_a_list_after_a_colon_shares_its_role() -> None:
    body = "Tham dự có các đồng chí Phó Viện trưởng VKSND tối cao: Hà Minh Tú, Cao Văn Long."
    people = read_people("Hội nghị", body).attendees
    assert [(p.name, p.role) for p in people] == [
        ("Hà Minh Tú", "Phó Viện trưởng VKSND tối cao"),
        ("Cao Văn Long", "Phó Viện trưởng VKSND tối cao"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Phó Viện trưởng VKSND thành phố Hà Nội phát biểu tại hội nghị.",  # a place
        "Trưởng Ban Chỉ đạo cải cách tư pháp tỉnh dự hội nghị.",  # "Ban" is no family name
        "Hội nghị họp tại số 5 đường Nguyễn Văn Cừ.",  # a street: no honorific, no role
    ],
)
def test_no_person_where_there_is_none(body: str) -> None:
    assert names(body) == [] and chair(body) is None


def test_a_cited_documents_signer_is_not_an_attendee() -> None:
    body = ("Thực hiện Kế hoạch số 12/KH-VKS ngày 02/01/2024 của đồng chí Lê Hữu Phước, "
            "Viện trưởng, hội nghị đã triển khai. Dự hội nghị có đồng chí Mai Thị Lan, "
            "Phó Viện trưởng.")  # fmt: skip
    assert names(body) == ["Mai Thị Lan"]


def test_a_report_typed_without_marks() -> None:
    found = chair("Dong chi Ngo Minh Tuan, Vien truong chu tri hoi nghi.")
    assert found == Person("Ngo Minh Tuan", "Vien truong")


def test_a_name_stops_where_a_capitalised_verb_starts() -> None:
    body = "Đ/c Vũ Xuân Trường, Viện trưởng Phát biểu chỉ đạo Hội nghị."
    assert read_people("", body).attendees == [Person("Vũ Xuân Trường", "Viện trưởng")]


def test_one_key_for_every_writing_of_a_name() -> None:
    forms = ["Lê Văn Hoà", "Lê Văn Hòa", "LÊ VĂN HÒA", "le van hoa", "Le  Van Hoa",
             unicodedata.normalize("NFD", "Lê Văn Hoà")]  # fmt: skip
    assert {person_key(f) for f in forms} == {"le van hoa"}
    assert {display_name(f) for f in forms[:3]} == {"Lê Văn Hòa"}
    assert person_key("Lê Văn Hòa") != person_key("Lê Văn Hải")


def test_a_country_an_executive_title_and_a_headline_verb_are_no_chair() -> None:
    assert chair("Phó Thủ tướng Thái Lan chủ trì lễ đón.") is None
    assert chair("Ông Đỗ Văn Nam, giám đốc điều hành dự án, cho biết tiến độ.") is None
    body = (
        "Ông Lý Văn Tư giao 12 việc cho các sở. Sáng 6/2, Chủ tịch UBND tỉnh Lý Văn Tư chủ trì họp."
    )
    assert chair(body) == Person("Lý Văn Tư", "Chủ tịch UBND tỉnh")


def test_a_body_given_the_task_and_governing_are_no_chair() -> None:
    assert chair("Thủ tướng Lê Quang Hải giao Bộ Tư pháp chủ trì, kiểm tra vụ việc.") is None
    assert (
        chair("Theo bà Đào Thị Mai, Trưởng phòng, sự chỉ đạo, điều hành quyết liệt là cần.") is None
    )
    assert chair("Ông Hà Văn Tư, Trưởng Ban chỉ đạo tỉnh, chủ trì hội nghị.").name == "Hà Văn Tư"
