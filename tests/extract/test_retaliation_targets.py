"""Whom an unaimed retaliation answers (extract/retaliation_targets.py)."""

from __future__ import annotations

import pytest

from extract.event_reference import REFERENCE_PAIRING
from extract.pipeline import Extractor
from tests.extract.extracting import paired_triples, runner

run = runner("retaliation", "2024-05-02")


def threats(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, r, o, pairing in paired_triples(run(extractor, text))
            if r == "THREATEN" and pairing == REFERENCE_PAIRING}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("China imposed tariffs on Australian barley. Canberra threatened to retaliate.",
         {("country:AUS", "country:CHN")}),
        ("Russia expelled two Estonian diplomats. Estonia said it would retaliate.",
         {("country:EST", "country:RUS")}),
        ("Pakistan carried out airstrikes inside Iran. Tehran warned it would respond.",
         {("country:IRN", "country:PAK")}),
        ("Israeli jets struck Houthi targets in Yemen on Saturday. The Houthis vowed revenge.",
         {("org:houthis", "group:isr-mil")}),
        # the doers of one act answer together
        ("The United States and Britain struck Houthi targets in Yemen. The Houthis vowed to retaliate.",
         {("org:houthis", "country:USA"), ("org:houthis", "country:GBR")}),
        # the story's own harm, told before the window
        ("The United States struck Houthi targets in Yemen on Friday.\n\nOil prices rose. Markets fell. "
         "Shipping firms paused sailings.\n\nThe Houthis vowed to retaliate.",
         {("org:houthis", "country:USA")}),
    ],
)
def test_a_retaliation_answers_the_latest_harm_to_its_subject(
    extractor: Extractor, text: str, wanted: set[tuple[str, str]],
) -> None:
    assert threats(extractor, text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "China imposed tariffs on Australian barley. Canberra said it would not retaliate.",  # negated
        "Israel struck Iran on Friday. Reporters asked whether Iran would strike back.",  # asked, not announced
        "Israel struck Iran on Friday. Iran retaliated with missile strikes.",  # done: no threat
        "Estonia said it would retaliate.",  # no harm told
        # harms of two states by different acts: either may be answered
        "Russia imposed sanctions on Estonia, and Belarus expelled two Estonian diplomats. Estonia vowed to retaliate.",
        # a harm to another state is not answered by this one
        "China imposed tariffs on Australian barley. Japan threatened to retaliate.",
    ],
)
def test_no_target_is_guessed(extractor: Extractor, text: str) -> None:
    assert not threats(extractor, text)
