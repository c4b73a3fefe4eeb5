"""The standing-state inventory (standing_inventory.tsv): invented wire-style sentences that name a
relation holding over time (habitual support, background backing, alleged support, membership and
alliance) or a request, offer or promise, each with contrast rows whose act must still come. Rows
marked ``pairs`` must hold; rows marked ``open`` are known failures, listed so that a fix can move
them to ``pairs``. The triple format is nested_inventory.tsv's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import inventory_rows
from tests.extract.inventory_checks import (
    assert_row_holds,
    assert_triples_read,
    assert_well_formed,
    open_rows_that_pass,
    rows_of_status,
)

INVENTORY = Path(__file__).with_name("standing_inventory.tsv")
SHAPES = frozenset({"habitual", "background", "accusation", "standing", "request"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 70)
    assert_triples_read(table)
    for shape in SHAPES:  # every shape has rows that forbid and rows whose act must still come
        assert any(row["absent"] for row in table if row["shape"] == shape), shape
        assert any(row["expected"] for row in table if row["shape"] == shape), shape


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_a_sentence_gives_its_triples_and_no_forbidden_one(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "standing")


def test_the_rows_that_pass_are_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    assert open_rows_that_pass(extractor, rows(), "standing") == []
