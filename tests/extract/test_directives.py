"""Directives are demands (extract/directives.py), on invented sentences through the real extractor."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import DropReason
from tests.extract.extracting import runner, triples

run = runner("directive", "2024-04-10")


@pytest.mark.parametrize(("text", "expected"), [
    ("The EU told Serbia to recognise Kosovo.", ("org:eu", "DEMAND", "country:SRB")),
    ("Russia ordered Moldova to close the consulate.", ("country:RUS", "DEMAND", "country:MDA")),
    ("The International Court of Justice ordered Venezuela to refrain from any action in the territory.",
     ("org:icj", "DEMAND", "country:VEN")),
])
def test_directing_another_state_to_act_demands_the_act_of_it(
        extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(extractor, text))


def test_the_act_told_to_another_is_not_told_as_done(extractor: Extractor) -> None:
    found = run(extractor, "The EU told Serbia to recognise Kosovo.")
    assert not any(e.relation.name == "RECOGNIZE" for e in found.events)


def test_a_directive_to_the_states_own_people_is_no_demand(extractor: Extractor) -> None:
    found = run(extractor, "Britain told its airlines to avoid Belarusian airspace.")
    assert not any(e.relation.name == "DEMAND" for e in found.events)
    assert any(d.reason is DropReason.NOT_AN_EVENT and d.relation == "DEMAND" for d in found.drops)


@pytest.mark.parametrize("text", [
    "Russia ordered the Moldovan ambassador to leave the country.",  # an expulsion, read by its own rule
    "Riyadh ordered Qatari citizens to leave the kingdom within two weeks.",  # an order to leave
    "Germany told reporters that Serbia recognised Kosovo.",  # speech with a that-clause
    "China ordered 20 fighter jets from Russia.",  # a purchase: no one directed, no infinitive
])
def test_no_demand_without_a_directed_actor_and_an_act_to_do(extractor: Extractor, text: str) -> None:
    assert not any(e.relation.name == "DEMAND" for e in run(extractor, text).events)
