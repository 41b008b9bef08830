"""One search reads its query once: one plan, each typed value split into syllables
once, pyvi's segmenter run at most once; matching, ranking, snippets and
did-you-mean read that plan."""

from __future__ import annotations

import pytest

from searcher.query import plan as plan_module
from searcher.query import reading as reading_module
from searcher.query.parse import build_request
from searcher.query.plan import plan_query


@pytest.fixture
def counted(monkeypatch):
    """Counts of plan_query, the values each plan splits, and segment calls."""
    calls = {"plan": 0, "spans": [], "segment": 0}
    real_plan, real_spans, real_segment = (
        plan_module.plan_query,
        reading_module.syllable_spans,
        reading_module.segment,
    )

    def plan(*args, **kw):
        calls["plan"] += 1
        calls["spans"].append([])  # the values this plan splits
        return real_plan(*args, **kw)

    def spans(text):
        calls["spans"][-1].append(text)
        return real_spans(text)

    def segment(text):
        calls["segment"] += 1
        return real_segment(text)

    from searcher.engine import correcting
    from searcher.engine import engine as engine_module

    monkeypatch.setattr(engine_module, "plan_query", plan)
    monkeypatch.setattr(correcting, "plan_query", plan)  # a correction's plan
    monkeypatch.setattr(reading_module, "syllable_spans", spans)
    monkeypatch.setattr(reading_module, "segment", segment)
    return calls


COMMON = {"hoi nghi", "VKSND"}  # found together in many of the seeds: nothing to correct


@pytest.mark.parametrize(
    "query",
    ["giao ban Thanh Hóa", "vien kiem sat nhan dan tinh thanh hoa", 'tổng kết -"sơ kết" năm:2021',
     "viện kiểm sát OR tòa án hội nghị", "VKSND", "hoi nghi"],
)  # fmt: skip
def test_one_search_reads_its_query_once(engine, counted, query):
    results = engine.search(build_request(query))
    assert results.total > 0
    # one plan; a query finding few articles, or whose words stand together in fewer
    # than two, may plan one correction to compare with (its accents, here)
    assert counted["plan"] == 1 if query in COMMON else counted["plan"] <= 2
    for split in counted["spans"]:
        assert split and len(split) == len(set(split))  # each value split once per plan
    assert counted["segment"] <= counted["plan"]  # pyvi at most once per plan


def test_a_correction_is_planned_once_and_reused(engine, counted):
    results = engine.search(build_request("giao bam"))
    assert results.corrected == "giao ban" and results.total > 0
    assert counted["plan"] == 2  # the query, then its correction (shown without re-planning)


def test_the_highlighter_groups_words_as_the_plan_does():
    """'thanh pho ho chi minh' spells an abbreviation's expansion: matched as a run
    (or as "TPHCM"), and marked as such (it was marked as two unrelated words before)."""
    plan = plan_query(build_request("thanh pho ho chi minh"))
    assert plan is not None
    assert plan.folded_marks == {("thanh", "pho", "ho", "chi", "minh"), "tphcm"}
    assert [label for label, _ in plan.clauses] == ["thanh pho ho chi minh"]


def test_the_plan_is_plain_data_without_whoosh():
    plan = plan_query(build_request("giao ban -hủy"))
    assert plan is not None
    modules = {type(node).__module__ for node in (plan.match, plan.rank, plan.excluded)}
    assert modules == {"searcher.query.nodes"}
    with pytest.raises(AttributeError):
        plan.match.parts = ()  # type: ignore[union-attr,misc]
