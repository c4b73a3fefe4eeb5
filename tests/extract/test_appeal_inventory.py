"""The appeal, demand and threat inventory (appeal_inventory.tsv): invented wire-style sentences
for CAMEO roots 02 APPEAL, 10 DEMAND and 13 THREATEN, one construction each (verbs with an
object and an infinitive or clause, nouns of appeal, demand and threat with their possessor and
infinitive, deadlines and ultimatums, warnings, said-would-face consequences, conditional
threats, and the negation and modality of each). Rows marked ``pairs`` must hold; rows marked
``open`` are known failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Event, Polarity
from tests.extract.extracting import actor_ends, inventory_rows
from tests.extract.inventory_checks import assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("appeal_inventory.tsv")
ROOTS = frozenset({"02", "10", "13"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def affirmed_pairs(events: tuple[Event, ...], root: str) -> set[tuple[str, str]]:
    """The (subject, object) names of the affirmed events whose CAMEO code is under ``root``."""
    return {
        (s, o)
        for e in events
        if e.relation.cameo.startswith(root) and e.polarity is Polarity.AFFIRMED
        for s in actor_ends(e, "subject")
        for o in actor_ends(e, "object")
    }


def holds(events: tuple[Event, ...], row: dict[str, str]) -> bool:
    """Affirmed rows: every expected pair is an affirmed event under the row's root. Negated rows:
    none of them is."""
    found = affirmed_pairs(events, row["root"])
    wanted = [tuple(pair.split(">")) for pair in row["expected"].split(";")]
    if row["polarity"] == "negated":
        return not any(pair in found for pair in wanted)
    return all(pair in found for pair in wanted)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 120
    # affirmed rows are appeals, demands and threats; a negated row may guard against another root
    # (a requested act coded as the requester's own)
    assert {row["root"] for row in table if row["polarity"] == "affirmed"} == ROOTS
    assert all(len(row["root"]) == 2 and row["root"].isdigit() for row in table)
    assert {row["polarity"] for row in table} == {"affirmed", "negated"}
    assert_known_statuses(table)
    assert all(">" in pair for row in table for pair in row["expected"].split(";"))
    assert len({row["sentence"] for row in table}) == len(table)


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_holds(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "inventory")
    assert holds(events, row), [
        (e.subject.id, e.relation.cameo, e.polarity.value, e.object.id) for e in events
    ]
