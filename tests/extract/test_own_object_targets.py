"""An act on one's own thing is aimed at whom it is closed to, or where it stands
(extract/own_object_targets.py). Invented sentences, the real extractor."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import DropReason
from tests.extract.extracting import runner

run = runner("own-object", "2024-05-02")


@pytest.mark.parametrize(("text", "pair"), [
    ("Belarus closed its airspace to Lithuanian airlines.", ("BLR", "LTU")),
    ("Armenia closed its border crossings with Azerbaijan.", ("ARM", "AZE")),
    ("Estonia closed its consulate in the Russian city of Pskov.", ("EST", "RUS")),
])
def test_the_party_after_to_with_or_in_is_the_target(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    found = {(e.subject.country, e.object.country) for e in run(extractor, text).events}
    assert pair in found, found


def test_with_no_such_party_the_act_relates_the_state_to_no_one(extractor: Extractor) -> None:
    """Not to its population either: the state is named only as the owner (extract/own_possessions.py)."""
    extraction = run(extractor, "Georgia closed its airspace on Sunday.")
    assert not extraction.events
    assert [(d.reason, d.detail) for d in extraction.drops] == [
        (DropReason.SELF_LOOP, "country:GEO on its own possession")]
