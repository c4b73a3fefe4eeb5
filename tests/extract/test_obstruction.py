"""Who blocks decides what a blockade is (extract/obstruction.py): a state or its forces blocking a
way is 191 (restrict movement), civilians blocking it obstruct passage as a protest (144). Invented
sentences, the real extractor."""

from __future__ import annotations

from extract.pipeline import Extractor
from tests.extract.extracting import code_of, runner

run = runner("obstruction", "2024-05-02")


def codes(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(e.subject.id, code_of(e), e.object.country or e.object.id) for e in run(extractor, text).events}


def test_a_state_blocking_a_way_imposes_a_blockade(extractor: Extractor) -> None:
    assert ("country:TUR", "191", "GRC") in codes(extractor, "Turkey blocked Greek survey ships in the Aegean.")


def test_civilians_blocking_a_way_obstruct_passage_as_a_protest(extractor: Extractor) -> None:
    found = codes(extractor, "Hungarian farmers blocked the roads to the border with Austria.")
    assert found == {("group:hun-agr", "144", "AUT")}, found
