"""A state acting on what it owns does not act on its people (extract/own_possessions.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import DropReason
from tests.extract.extracting import runner, triples

run = runner("own-possessions", "2024-05-02")


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania closed its airspace on Tuesday.",
        "Chile shut its borders for two weeks.",
        "Switzerland broke with its tradition of neutrality.",
    ],
)
def test_an_act_on_the_states_own_possession_is_a_self_loop(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert not any(o.endswith("-cvl") for _, _, o in triples(extraction))
    assert any(d.reason is DropReason.SELF_LOOP and d.detail.endswith("on its own possession")
               for d in extraction.drops)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a possessive inside a locative adjunct names where the act falls
        ("Turkey imposed a curfew in its southeastern provinces after clashes.",
         ("country:TUR", "COERCE", "group:tur-cvl")),
        ("Turkish authorities imposed a curfew in Turkey after clashes.",
         ("country:TUR", "COERCE", "group:tur-cvl")),
        # the target named beside the possession is the object
        ("Poland closed its airspace to Russian airlines on Friday.",
         ("country:POL", "COERCE", "group:rus-bus")),
    ],
)
def test_a_place_of_the_state_or_a_named_target_keeps_its_reading(
    extractor: Extractor, text: str, wanted: tuple[str, str, str],
) -> None:
    assert wanted in triples(run(extractor, text))
