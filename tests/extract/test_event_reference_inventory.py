"""The event-reference inventory (event_reference_inventory.tsv): invented wire-style passages in
which a reaction is aimed at the doer of an earlier event named only by a definite noun ("Paris
condemned the move"), by a possessive ("Moscow's decision") or by "by X"; an empathetic comment
over an attack at its victim; and passages where the wrong antecedent is tempting. Rows marked
``pairs`` must give every expected triple and none of the absent ones; ``open`` rows are known
failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import code_of, inventory_rows
from tests.extract.inventory_checks import (
    INVENTORY_DATE,
    assert_rows_list_triples,
    assert_well_formed,
    failures,
    rows_of_status,
)

INVENTORY = Path(__file__).with_name("event_reference_inventory.tsv")
SHAPES = frozenset({"event_noun", "anaphor", "possessive", "by_agent", "victim", "evaluative", "must_not"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def passage(row: dict[str, str]) -> str:
    """The row's passage, its written ``\\n`` read as a line break (a headline above its story)."""
    return row["sentence"].replace("\\n", "\n")


def events_of(extractor: Extractor, row: dict[str, str]) -> tuple[Event, ...]:
    return extractor.extract(Article("event-reference", passage(row), None, INVENTORY_DATE)).events


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert_well_formed(table, SHAPES, 60)
    assert sum(1 for row in table if row["shape"] == "must_not") >= 10
    assert_rows_list_triples(table)


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["shape"], width=50))
def test_an_inventory_passage_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    events = events_of(extractor, row)
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]


def test_the_rows_main_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    passing_but_open = [
        row["sentence"] for row in rows() if row["status"] == "open" and not failures(events_of(extractor, row), row)
    ]
    assert passing_but_open == []
