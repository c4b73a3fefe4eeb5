"""Checks shared by the inventories of invented sentences whose rows list expected and absent
triples in the format of nested_inventory.tsv (misses, nominal acts, verb phrases, epithets): the
table's form, one row's triples, and the rows marked open that the extractor now passes."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import code_of
from tests.extract.test_nested_inventory import failures

#: The date every inventory sentence is read at (it chooses among persons sharing a name).
INVENTORY_DATE = "2024-03-14"


def assert_well_formed(table: list[dict[str, str]], shapes: frozenset[str], minimum: int) -> None:
    """At least ``minimum`` rows, exactly the ``shapes`` named, a known status, no sentence twice."""
    assert len(table) >= minimum
    assert {row["shape"] for row in table} == shapes
    assert {row["status"] for row in table} <= {"pairs", "open"}
    assert len({row["sentence"] for row in table}) == len(table)


def sentence_events(extractor: Extractor, row: dict[str, str], source: str) -> tuple[Event, ...]:
    """The events the extractor gives on the row's sentence, read as an article of ``source``."""
    return extractor.extract(Article(source, row["sentence"], None, INVENTORY_DATE)).events


def assert_row_holds(extractor: Extractor, row: dict[str, str], source: str) -> None:
    """The row's sentence gives every expected triple and none of the absent ones."""
    events = sentence_events(extractor, row, source)
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]


def open_rows_that_pass(extractor: Extractor, table: list[dict[str, str]], source: str) -> list[str]:
    """The sentences of rows marked open that the extractor passes (they should be marked pairs)."""
    return [row["sentence"] for row in table
            if row["status"] == "open" and not failures(sentence_events(extractor, row, source), row)]
