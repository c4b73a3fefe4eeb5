"""The precision inventory (precision_inventory.tsv): invented wire-style sentences for the general
causes of wrong triples (a verb read by its surface, a statement of position read as an act),
each with contrast rows that must keep their triple. Rows marked ``pairs`` must hold; rows marked
``open`` are known failures, listed so that a fix can move them to ``pairs``. The triple format is
nested_inventory.tsv's; a row may expect nothing and only forbid."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of, inventory_rows
from tests.extract.test_nested_inventory import failures, triples_of

INVENTORY = Path(__file__).with_name("precision_inventory.tsv")
SHAPES = frozenset({"curtailed", "overflight", "observance", "document", "caution", "civil_aid", "requested",
                    "own_side", "arson", "score",
                    "supposed"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 30
    assert {row["shape"] for row in table} == SHAPES
    assert {row["status"] for row in table} <= {"pairs", "open"}
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert row["expected"] or row["absent"], row["sentence"]
        triples_of(row["expected"], "act")
        triples_of(row["absent"], "any")
    for shape in SHAPES:  # every rule has a sentence it must spare
        assert any(row["expected"] for row in table if row["shape"] == shape), shape


PAIRING = [row for row in rows() if row["status"] == "pairs"]


@pytest.mark.parametrize("row", PAIRING, ids=[f"{r['shape']}:{r['sentence'][:40]}" for r in PAIRING])
def test_a_sentence_gives_its_triples_and_no_forbidden_one(extractor: Extractor, row: dict[str, str]) -> None:
    events = extractor.extract(Article("precision", row["sentence"], None, "2024-03-14")).events
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]
