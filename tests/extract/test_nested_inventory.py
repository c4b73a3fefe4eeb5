"""The nested-event inventory (nested_inventory.tsv): invented wire-style sentences holding two or
more events, or an event nested in another (clauses of time and reason, participial adjuncts,
responses and retaliations, coordinated verbs, relative clauses, complements of accusation and
condemnation verbs, event nouns inside a clause). Each row lists every triple the sentence must
give and the tempting triples it must not give (an argument borrowed from another clause, an
alleged act given as asserted). Rows marked ``pairs`` must hold; rows marked ``open`` are known
failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import inventory_rows
from tests.extract.inventory_checks import assert_row_holds, assert_well_formed, failures, rows_of_status, triples_of

INVENTORY = Path(__file__).with_name("nested_inventory.tsv")
SHAPES = frozenset({"after", "because", "participle", "result", "response", "coord", "relcl", "accused", "nominal"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 120)
    for row in table:
        assert triples_of(row["expected"], "act"), row["sentence"]
        triples_of(row["absent"], "any")


def test_a_row_fails_on_a_missing_or_a_forbidden_triple(extractor: Extractor) -> None:
    events = extractor.extract(Article("nested", "Germany criticised Hungary.", None, "2024-03-14")).events
    assert failures(events, {"expected": "DEU>HUN:11", "absent": ""}) == []
    assert failures(events, {"expected": "DEU>HUN:11/12:plan", "absent": ""}) == ["missing DEU>HUN:11/12:plan"]
    assert failures(events, {"expected": "DEU>HUN:11", "absent": "DEU>HUN:*"}) == ["forbidden DEU>HUN:*"]


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"]))
def test_an_inventory_sentence_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    assert_row_holds(extractor, row, "nested")
