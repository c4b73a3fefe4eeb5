"""The verb sense inventory (verb_sense_inventory.tsv): invented wire-style sentences in which a
frequent, polysemous trigger verb is used in a sense that is no event of its surface kind (a phrasal
verb whose particle changes the meaning, a light verb with a communication or abstract object, a
figurative or non-actor object), and contrasts in which the verb keeps its event sense. Rows marked
``holds`` must keep every event of a ``false`` root out from between the two states (either way) and
give an event of the ``right`` root from the first state to the second; rows marked ``open`` are
known failures, listed so that a fix can move them to ``holds``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Event
from tests.extract.extracting import code_of, inventory_rows, sense_failures
from tests.extract.inventory_checks import assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("verb_sense_inventory.tsv")
FORMS = frozenset({"particle", "light", "figurative", "nonactor", "contrast"})
ANY_ROOT = "*"
NONE = "-"


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def failures(events: tuple[Event, ...], row: dict[str, str]) -> list[str]:
    return sense_failures(events, row, code_of)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 150
    assert {row["form"] for row in table} == FORMS
    assert_known_statuses(table, frozenset({"holds", "open"}))
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert len(row["pair"].split(">")) == 2, row
        assert row["false"] != NONE or row["right"] != NONE, f"row asserts nothing: {row['sentence']}"
        assert row["false"] == ANY_ROOT or all(len(r) == 2 and r.isdigit() for r in row["false"].split(",")) \
            or row["false"] == NONE, row
        assert row["right"] == NONE or (len(row["right"]) == 2 and row["right"].isdigit()), row
        assert row["form"] != "contrast" or (row["false"] == NONE and row["right"] != NONE), row


def test_the_checker_fails_a_false_sense() -> None:
    """The check can fail: a false root found between the pair, and a missing right root."""
    row = {"pair": "CHN>AUS", "false": "19", "right": "11"}
    assert failures((), row) == ["no 11 event CHN>AUS"]


@pytest.mark.parametrize("row", rows_of_status(rows(), "holds", ["form"]))
def test_an_inventory_sentence_holds(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "verb-senses")
    assert not failures(events, row), [
        (e.subject.id, e.relation.name, code_of(e), e.polarity.value, e.object.id) for e in events
    ]
