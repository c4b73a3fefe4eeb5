"""The nominal speech-act inventory (nominal_acts_inventory.tsv): invented wire-style sentences in
which a reaction, accusation, request, demand or threat is told as a noun, its agent and target named
through a possessive, a demonym, "by", "from", "of", "against", "to" or a light verb, and must-nots
where such a noun names no act of the pair. Rows marked ``pairs`` must give every expected triple and
none of the absent ones; ``open`` rows are known failures, listed so that a fix can move them to
``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import inventory_rows
from tests.extract.inventory_checks import (
    assert_row_holds,
    assert_rows_list_triples,
    assert_well_formed,
    open_rows_that_pass,
    rows_of_status,
)

INVENTORY = Path(__file__).with_name("nominal_acts_inventory.tsv")
SHAPES = frozenset({"possessive", "recipient", "reaction_source", "request", "modality", "must_not", "manner"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 60)
    assert_rows_list_triples(table)


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_an_inventory_sentence_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "nominal")


def test_the_rows_main_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    assert open_rows_that_pass(extractor, rows(), "nominal") == []
