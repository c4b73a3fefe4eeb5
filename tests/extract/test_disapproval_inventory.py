"""The disapproval inventory (disapproval_inventory.tsv): invented wire-style sentences in which one
state criticises, accuses, rejects or officially protests to another, in the forms English and wire
news use (verbs, event nouns, judgements in complement clauses, passives, quotes attributed after
the quote, refusals, official protests, negation and modality). Rows marked ``pairs`` must give an
event between the expected states with the expected CAMEO root and polarity; rows marked ``open``
are known failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Event
from tests.extract.extracting import actor_ends, code_of, inventory_rows
from tests.extract.inventory_checks import assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("disapproval_inventory.tsv")
FORMS = frozenset({"verb", "accuse", "nominal", "complement", "passive", "quote", "reject", "protest", "negation"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def gives(events: tuple[Event, ...], row: dict[str, str]) -> bool:
    """An event runs from the expected subject to the expected object with the row's root and polarity."""
    subject, obj = row["expected"].split(">")
    return any(
        subject in actor_ends(event, "subject") and obj in actor_ends(event, "object")
        and code_of(event)[:2] == row["root"] and event.polarity.value == row["polarity"]
        for event in events
    )


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 120
    assert {row["form"] for row in table} == FORMS
    assert_known_statuses(table)
    assert {row["polarity"] for row in table} == {"affirmed", "negated"}
    assert {row["root"] for row in table} <= {"01", "11", "12"}
    assert len({row["sentence"] for row in table}) == len(table)


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_gives_its_event(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "disapproval")
    assert gives(events, row), [
        (e.subject.id, e.relation.name, code_of(e), e.polarity.value, e.object.id) for e in events
    ]
