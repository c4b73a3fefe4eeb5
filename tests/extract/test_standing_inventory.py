"""The standing-state inventory (standing_inventory.tsv): invented wire-style sentences that name a
relation holding over time (habitual support, background backing, alleged support, membership and
alliance) or a request, offer or promise, each with contrast rows whose act must still come. Rows
marked ``pairs`` must hold; rows marked ``open`` are known failures, listed so that a fix can move
them to ``pairs``. The triple format is nested_inventory.tsv's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import code_of, inventory_rows
from tests.extract.test_nested_inventory import failures, triples_of

INVENTORY = Path(__file__).with_name("standing_inventory.tsv")
SHAPES = frozenset({"habitual", "background", "accusation", "standing", "request"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def _events(extractor: Extractor, sentence: str) -> tuple[Event, ...]:
    return extractor.extract(Article("standing", sentence, None, "2024-03-14")).events


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 70
    assert {row["shape"] for row in table} == SHAPES
    assert {row["status"] for row in table} <= {"pairs", "open"}
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert row["expected"] or row["absent"], row["sentence"]
        triples_of(row["expected"], "act")
        triples_of(row["absent"], "any")
    for shape in SHAPES:  # every shape has rows that forbid and rows whose act must still come
        assert any(row["absent"] for row in table if row["shape"] == shape), shape
        assert any(row["expected"] for row in table if row["shape"] == shape), shape


PAIRING = [row for row in rows() if row["status"] == "pairs"]


@pytest.mark.parametrize("row", PAIRING, ids=[f"{r['shape']}:{r['sentence'][:40]}" for r in PAIRING])
def test_a_sentence_gives_its_triples_and_no_forbidden_one(extractor: Extractor, row: dict[str, str]) -> None:
    events = _events(extractor, row["sentence"])
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]


def test_the_rows_that_pass_are_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    passing_but_open = [
        row["sentence"] for row in rows()
        if row["status"] == "open" and not failures(_events(extractor, row["sentence"]), row)
    ]
    assert passing_but_open == []
