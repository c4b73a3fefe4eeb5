"""A threat on condition that someone held be freed (extract/release_conditions.py)."""

from __future__ import annotations

import pytest

from extract.event_reference import REFERENCE_PAIRING
from extract.pipeline import Extractor
from tests.extract.extracting import paired_triples, runner

run = runner("release", "2024-05-02")


def threats(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(s, o, pairing) for s, r, o, pairing in paired_triples(run(extractor, text)) if r == "THREATEN"}


def test_a_threat_on_a_release_is_aimed_at_the_holder(extractor: Extractor) -> None:
    text = ("Canada arrested Meng Wanzhou in Vancouver on Dec. 1. China warned of grave consequences "
            "if Meng was not released immediately.")
    assert threats(extractor, text) == {("country:CHN", "country:CAN", REFERENCE_PAIRING)}


@pytest.mark.parametrize(
    "text",
    [
        # no holder told
        "China warned of grave consequences if Meng was not released immediately.",
        # the holder is the threatener's own state: no one else holds her
        "China detained Meng on Monday. China warned of grave consequences if Meng was not released.",
        # a condition with its own agent is no passive release
        "Canada arrested Meng on Dec. 1. China warned of grave consequences if Meng was not released by Friday "
        "by the court.",
    ],
)
def test_no_holder_is_guessed(extractor: Extractor, text: str) -> None:
    assert not any(pairing == REFERENCE_PAIRING for *_, pairing in threats(extractor, text))
