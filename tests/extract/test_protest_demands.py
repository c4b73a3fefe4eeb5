"""A protest's demand is what the protest is for (extract/protest_demands.py; sentences written here)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article, DropReason, Extraction


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("protest-demands-test", text, None, "2019-03-01"))


def triples(result: Extraction) -> set[tuple[str, str, str]]:
    return {(e.subject.id, e.relation.name, e.object.id) for e in result.events}


def test_a_protest_with_no_target_is_aimed_at_whom_its_demand_is_made_of(extractor: Extractor) -> None:
    result = run(extractor, "Thousands of Venezuelans marched on Saturday to demand the resignation of President "
                            "Nicolas Maduro.")
    assert triples(result) == {("group:ven-cvl", "PROTEST_AGAINST", "person:nicolas-maduro")}
    assert [d.reason for d in result.drops if d.relation == "DEMAND"] == [DropReason.DUPLICATE]


@pytest.mark.parametrize("text", [
    "Thousands of Kenyans marched in Nairobi to demand the resignation of President William Ruto.",
    "Hundreds of Serbian students rallied in Belgrade to demand the resignation of President Aleksandar Vucic.",
])
def test_a_protests_demand_is_no_second_event(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert "PROTEST_AGAINST" in {e.relation.name for e in result.events}, text
    assert "DEMAND" not in {e.relation.name for e in result.events}, text


def test_a_demand_with_its_own_subject_stays_an_event(extractor: Extractor) -> None:
    # the demand is not the protesters' own: it is no purpose clause of their protest
    result = run(extractor, "Kenyan students protested in Nairobi after Uganda demanded that Kenya extradite "
                            "the journalist.")
    assert ("country:UGA", "DEMAND", "country:KEN") in triples(result)
