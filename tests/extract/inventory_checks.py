"""Checks shared by the inventories of invented sentences (tests/extract/*_inventory.tsv): the rows
of a status as test parameters, the known statuses, and the events of a row's sentence. For the
tables whose rows list expected and absent triples (nested, misses, nominal acts, verb phrases,
epithets, event references, standing states, precision): the triple format (``SUBJ>OBJ:ROOTS[:MODALITY]``,
``;``-separated), the table's form, one row's triples, and the rows marked open that the extractor
now passes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import actor_ends, code_of

#: The modalities a triple of a row may name (after its roots), and the modalities each admits.
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


#: The date every inventory sentence is read at (it chooses among persons sharing a name).
INVENTORY_DATE = "2024-03-14"
#: A row's status: the extractor passes it ("pairs") or it is a known failure ("open").
STATUSES = frozenset({"pairs", "open"})


def rows_of_status(
    table: list[dict[str, str]], status: str, labels: Sequence[str], text: str = "sentence", width: int = 40,
) -> list[pytest.ParameterSet]:
    """The rows of ``status`` as test parameters, each named by its ``labels`` columns and the first
    ``width`` characters of its ``text``, ``:``-separated."""
    return [pytest.param(row, id=":".join([*(row[label] for label in labels), row[text][:width]]))
            for row in table if row["status"] == status]


def assert_known_statuses(table: list[dict[str, str]], statuses: frozenset[str] = STATUSES) -> None:
    """Every row has one of the ``statuses``."""
    assert {row["status"] for row in table} <= statuses


def assert_well_formed(table: list[dict[str, str]], shapes: frozenset[str], minimum: int) -> None:
    """At least ``minimum`` rows, exactly the ``shapes`` named, a known status, no sentence twice."""
    assert len(table) >= minimum
    assert {row["shape"] for row in table} == shapes
    assert_known_statuses(table)
    assert len({row["sentence"] for row in table}) == len(table)


def assert_rows_list_triples(table: list[dict[str, str]]) -> None:
    """Every row lists an expected triple or, failing one, an absent triple."""
    for row in table:
        assert triples_of(row["expected"], "act") or triples_of(row["absent"], "any"), row["sentence"]


def assert_triples_read(table: list[dict[str, str]]) -> None:
    """Every row lists an expected or an absent triple, and both its fields are in the triple format."""
    for row in table:
        assert row["expected"] or row["absent"], row["sentence"]
        triples_of(row["expected"], "act")
        triples_of(row["absent"], "any")


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
