"""The verb-phrase inventory (verb_phrase_inventory.tsv): invented wire-style sentences whose event is carried by a
phrasal verb, a light verb with an event noun or a verb whose object noun fixes its CAMEO sense, and the same verbs in
senses that are no event between the states named. Rows marked ``pairs`` must give every expected triple and none of
the absent ones; ``open`` rows are known failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import inventory_rows
from tests.extract.inventory_checks import (
    assert_row_holds,
    assert_well_formed,
    open_rows_that_pass,
    rows_of_status,
    triples_of,
)

INVENTORY = Path(__file__).with_name("verb_phrase_inventory.tsv")
SHAPES = frozenset({"phrasal", "light_verb", "verb_object", "non_event"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 80)
    for row in table:
        if row["shape"] == "non_event":
            assert not row["expected"] and triples_of(row["absent"], "any"), row["sentence"]
        else:
            assert triples_of(row["expected"], "act"), row["sentence"]


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_an_inventory_sentence_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "verb-phrase")


def test_the_rows_main_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    assert open_rows_that_pass(extractor, rows(), "verb-phrase") == []
