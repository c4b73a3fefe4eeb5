"""A protest held at a foreign state's mission is aimed at that state (extract/mission_protests.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import pairs_of, runner

run = runner("mission-protests", "2024-05-02")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the mission's state, not the city the mission stands in
        ("Iraqis held a rally outside the Saudi consulate in Basra.", {("country:IRQ", "country:SAU")}),
        ("Kenyans staged a protest in front of the Ugandan embassy in Nairobi.", {("country:KEN", "country:UGA")}),
        ("Pakistani students held a vigil outside the Indian embassy.", {("group:pak-edu", "country:IND")}),
    ],
)
def test_a_protest_at_a_mission_is_aimed_at_its_state(
    extractor: Extractor, text: str, wanted: set[tuple[str, str]],
) -> None:
    assert pairs_of(run(extractor, text), "PROTEST_AGAINST") == wanted

