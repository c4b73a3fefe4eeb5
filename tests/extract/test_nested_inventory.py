"""The nested-event inventory (nested_inventory.tsv): invented wire-style sentences holding two or
more events, or an event nested in another (clauses of time and reason, participial adjuncts,
responses and retaliations, coordinated verbs, relative clauses, complements of accusation and
condemnation verbs, event nouns inside a clause). Each row lists every triple the sentence must
give and the tempting triples it must not give (an argument borrowed from another clause, an
alleged act given as asserted). Rows marked ``pairs`` must hold; rows marked ``open`` are known
failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import actor_ends, code_of, inventory_rows

INVENTORY = Path(__file__).with_name("nested_inventory.tsv")
SHAPES = frozenset({"after", "because", "participle", "result", "response", "coord", "relcl", "accused", "nominal"})
MODALITIES = {
    "act": frozenset({"asserted", "reported"}),
    "plan": frozenset({"intended", "hypothetical"}),
    "asserted": frozenset({"asserted"}),
    "intended": frozenset({"intended"}),
    "any": frozenset({"asserted", "reported", "intended", "hypothetical"}),
}


@dataclass(frozen=True)
class Triple:
    """One expected or forbidden triple of a row: states, acceptable CAMEO roots (empty: any), modalities."""

    subject: str
    obj: str
    either_way: bool
    roots: frozenset[str]
    modalities: frozenset[str]

    def matched_by(self, event: Event) -> bool:
        ends = {(self.subject, self.obj), (self.obj, self.subject)} if self.either_way else {(self.subject, self.obj)}
        return (
            any(s in actor_ends(event, "subject") and o in actor_ends(event, "object") for s, o in ends)
            and (not self.roots or code_of(event)[:2] in self.roots)
            and event.modality.value in self.modalities
            and event.polarity.value == "affirmed"
        )


def parsed(spec: str, default_modality: str) -> Triple:
    """``SUBJ>OBJ:ROOTS[:MODALITY]`` as a Triple; a malformed spec raises naming it."""
    parts = spec.split(":")
    if len(parts) not in (2, 3) or not (">" in parts[0] or "~" in parts[0]):
        raise ValueError(f"malformed inventory triple: {spec!r}")
    either = "~" in parts[0]
    subject, obj = parts[0].split("~" if either else ">")
    roots = frozenset() if parts[1] == "*" else frozenset(parts[1].split("/"))
    modality = parts[2] if len(parts) == 3 else default_modality
    if modality not in MODALITIES or not all(len(r) == 2 and r.isdigit() for r in roots):
        raise ValueError(f"malformed inventory triple: {spec!r}")
    return Triple(subject, obj, either, roots, MODALITIES[modality])


def triples_of(field: str, default_modality: str) -> tuple[tuple[str, Triple], ...]:
    """Each ``;``-separated spec of a field with its Triple."""
    return tuple((spec, parsed(spec, default_modality)) for spec in field.split(";") if spec)


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def failures(events: tuple[Event, ...], row: dict[str, str]) -> list[str]:
    """What the events get wrong for the row: expected triples missing, forbidden ones present."""
    missing = [
        f"missing {spec}" for spec, triple in triples_of(row["expected"], "act")
        if not any(triple.matched_by(event) for event in events)
    ]
    present = [
        f"forbidden {spec}" for spec, triple in triples_of(row["absent"], "any")
        if any(triple.matched_by(event) for event in events)
    ]
    return missing + present


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 120
    assert {row["shape"] for row in table} == SHAPES
    assert {row["status"] for row in table} <= {"pairs", "open"}
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert triples_of(row["expected"], "act"), row["sentence"]
        triples_of(row["absent"], "any")


def test_a_row_fails_on_a_missing_or_a_forbidden_triple(extractor: Extractor) -> None:
    events = extractor.extract(Article("nested", "Germany criticised Hungary.", None, "2024-03-14")).events
    assert failures(events, {"expected": "DEU>HUN:11", "absent": ""}) == []
    assert failures(events, {"expected": "DEU>HUN:11/12:plan", "absent": ""}) == ["missing DEU>HUN:11/12:plan"]
    assert failures(events, {"expected": "DEU>HUN:11", "absent": "DEU>HUN:*"}) == ["forbidden DEU>HUN:*"]


PAIRING = [row for row in rows() if row["status"] == "pairs"]


@pytest.mark.parametrize("row", PAIRING, ids=[f"{r['shape']}:{r['sentence'][:40]}" for r in PAIRING])
def test_an_inventory_sentence_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    events = extractor.extract(Article("nested", row["sentence"], None, "2024-03-14")).events
    assert failures(events, row) == [], [
        (e.subject.id, e.relation.name, code_of(e), e.modality.value, e.object.id) for e in events
    ]
