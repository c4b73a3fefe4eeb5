"""The construction inventory (constructions_inventory.tsv): invented wire-style sentences, each
exercising one path English uses to connect a trigger with its two actors (control and raising,
coordination, apposition, relative and participial clauses, passives, nominal events, actors
inside the object phrase, adverbial and purpose clauses, copular and light forms, demonym and
agent-noun actors). Rows marked ``pairs`` must give their expected (subject, object) states; rows
marked ``open`` are known failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Event
from tests.extract.extracting import actor_ends
from tests.extract.inventory_checks import assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("constructions_inventory.tsv")
PATHS = frozenset({
    "control", "coord", "appos", "relcl", "passive", "nominal", "inner", "adverb", "copular", "demonym",
})


def rows() -> list[dict[str, str]]:
    with INVENTORY.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t"))


def gives(events: tuple[Event, ...], expected: str) -> bool:
    """Every expected pair ("POL>UKR" one way, "KEN~UGA" either way) is among the events."""
    for pair in expected.split(";"):
        either = "~" in pair
        subject, obj = pair.split("~" if either else ">")
        wanted = {(subject, obj), (obj, subject)} if either else {(subject, obj)}
        found = {(s, o) for e in events for s in actor_ends(e, "subject") for o in actor_ends(e, "object")}
        if not wanted & found:
            return False
    return True


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 80
    assert {row["path"] for row in table} == PATHS
    assert_known_statuses(table)
    assert len({row["sentence"] for row in table}) == len(table)


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["path"]))
def test_an_inventory_sentence_gives_its_pairs(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "inventory")
    assert gives(events, row["expected"]), [
        (e.subject.id, e.relation.name, e.object.id) for e in events
    ]
