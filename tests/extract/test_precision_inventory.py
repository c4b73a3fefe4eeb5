"""The precision inventory (precision_inventory.tsv): invented wire-style sentences for the general
causes of wrong triples (a verb read by its surface, a statement of position read as an act),
each with contrast rows that must keep their triple. Rows marked ``pairs`` must hold; rows marked
``open`` are known failures, listed so that a fix can move them to ``pairs``. The triple format is
nested_inventory.tsv's; a row may expect nothing and only forbid."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import inventory_rows
from tests.extract.inventory_checks import (
    assert_row_holds,
    assert_triples_read,
    assert_well_formed,
    rows_of_status,
)

INVENTORY = Path(__file__).with_name("precision_inventory.tsv")
SHAPES = frozenset({"curtailed", "overflight", "observance", "document", "caution", "civil_aid", "requested",
                    "own_side", "arson", "score",
                    "supposed"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 30)
    assert_triples_read(table)
    for shape in SHAPES:  # every rule has a sentence it must spare
        assert any(row["expected"] for row in table if row["shape"] == shape), shape


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_a_sentence_gives_its_triples_and_no_forbidden_one(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "precision")
