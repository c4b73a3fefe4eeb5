"""The nominal speech-act inventory (nominal_acts_inventory.tsv): invented wire-style sentences in
which a reaction, accusation, request, demand or threat is told as a noun, its agent and target named
through a possessive, a demonym, "by", "from", "of", "against", "to" or a light verb, and must-nots
where such a noun names no act of the pair. Rows marked ``pairs`` must give every expected triple and
none of the absent ones; ``open`` rows are known failures, listed so that a fix can move them to
``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of, inventory_rows
from tests.extract.test_nested_inventory import failures, triples_of

INVENTORY = Path(__file__).with_name("nominal_acts_inventory.tsv")
SHAPES = frozenset({"possessive", "recipient", "reaction_source", "request", "modality", "must_not", "manner"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 60
    assert {row["shape"] for row in table} == SHAPES
    assert {row["status"] for row in table} <= {"pairs", "open"}
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert triples_of(row["expected"], "act") or triples_of(row["absent"], "any"), row["sentence"]


PAIRING = [row for row in rows() if row["status"] == "pairs"]


@pytest.mark.parametrize("row", PAIRING, ids=[f"{r['shape']}:{r['sentence'][:40]}" for r in PAIRING])
def test_an_inventory_sentence_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    events = extractor.extract(Article("nominal", row["sentence"], None, "2024-03-14")).events
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]


def test_the_rows_main_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    passing_but_open = [
        row["sentence"] for row in rows()
        if row["status"] == "open"
        and not failures(extractor.extract(Article("nominal", row["sentence"], None, "2024-03-14")).events, row)
    ]
    assert passing_but_open == []
