"""The epithet inventory (epithet_inventory.tsv): invented wire-style passages in which an actor is
named again by an epithet or a bare description ("the kingdom", "the Gulf state", "the Islamic
Republic", "the alliance", "the bloc", "the council", "the court", "the agency") or a pair is named
again ("the two sides", "both sides", "the neighbours", "the rivals"). Rows marked ``pairs`` must
give every expected triple and none of the absent ones; ``open`` rows are known failures, listed so
that a fix can move them to ``pairs``."""

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
    triples_of,
)

INVENTORY = Path(__file__).with_name("epithet_inventory.tsv")
SHAPES = frozenset({"state_epithet", "org_epithet", "pair", "unresolved", "must_not"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 60)
    assert_rows_list_triples(table)
    for row in table:
        if row["shape"] in ("unresolved", "must_not"):
            assert triples_of(row["absent"], "any"), row["sentence"]


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_an_inventory_passage_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "epithets")


def test_the_rows_it_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    assert open_rows_that_pass(extractor, rows(), "epithets") == []
