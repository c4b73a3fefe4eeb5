"""A protest held at a foreign state's mission is aimed at that state (extract/mission_protests.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import pairs_of, runner

run = runner("mission-protests", "2024-05-02")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the mission's state, not the city the protest was held in
        ("Hundreds of Kenyans held a demonstration in Nairobi outside the Ugandan embassy.",
         {("group:ken-cvl", "country:UGA")}),
        ("Iraqi students held a protest in Basra outside the Saudi consulate.", {("group:irq-edu", "country:SAU")}),
    ],
)
def test_a_protest_at_a_mission_is_aimed_at_its_state(
    extractor: Extractor, text: str, wanted: set[tuple[str, str]],
) -> None:
    assert pairs_of(run(extractor, text), "PROTEST_AGAINST") == wanted
