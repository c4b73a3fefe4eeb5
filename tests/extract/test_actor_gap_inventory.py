"""The actor-gap inventory (actor_gap_inventory.tsv): invented wire-style texts whose parties are
named in ways the extractor has missed on unseen news — officials of international organisations
named by office or by name, group phrases naming blocs, office titles with no country word, agent
nouns with a demonym and listed armed groups and NGOs — and rows that must stay unresolved (a bare
office no English clue fixes, a grouping no maintained list knows). Rows marked ``pairs`` must give
every expected triple and none of the absent ones; ``open`` rows are known failures, listed so that
a fix can move them to ``pairs``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Actor, Article, Event
from tests.extract.extracting import code_of, inventory_rows
from tests.extract.inventory_checks import INVENTORY_DATE, assert_known_statuses, rows_of_status

INVENTORY = Path(__file__).with_name("actor_gap_inventory.tsv")
CLASSES = frozenset({"office", "holder", "bloc", "bare", "agent"})


@dataclass(frozen=True)
class Pair:
    """One expected or forbidden triple of a row: its two ends ("*": any), whether either way round
    matches, and its CAMEO roots (empty: any)."""

    subject: str
    obj: str
    either_way: bool
    roots: frozenset[str]

    def matched_by(self, event: Event) -> bool:
        ends = {(self.subject, self.obj), (self.obj, self.subject)} if self.either_way else {(self.subject, self.obj)}
        return (
            any(_is(s, event.subject) and _is(o, event.object) for s, o in ends)
            and (not self.roots or code_of(event)[:2] in self.roots)
            and event.polarity.value == "affirmed"
        )


def _is(end: str, actor: Actor) -> bool:
    """Whether an inventory end names the actor: "*", its state, its CAMEO code or its id's last part."""
    return end == "*" or end in {actor.country, actor.cameo, actor.id.split(":")[-1]}


def pairs_of(field: str) -> tuple[tuple[str, Pair], ...]:
    """Each ``;``-separated ``SUBJ>OBJ:ROOTS`` spec of a field ("~": either way; "*": any root); a
    malformed spec raises naming it."""
    specs = []
    for spec in filter(None, field.split(";")):
        ends, _, roots = spec.partition(":")
        either = "~" in ends
        subject, _, obj = ends.partition("~" if either else ">")
        root_set = frozenset() if roots == "*" else frozenset(roots.split("/"))
        if not (subject and obj and roots) or not all(len(r) == 2 and r.isdigit() for r in root_set):
            raise ValueError(f"malformed inventory triple: {spec!r}")
        specs.append((spec, Pair(subject, obj, either, root_set)))
    return tuple(specs)


def failures(events: tuple[Event, ...], row: dict[str, str]) -> list[str]:
    """What the events get wrong for the row: expected triples missing, forbidden ones present."""
    missing = [f"missing {spec}" for spec, pair in pairs_of(row["expected"]) if not any(map(pair.matched_by, events))]
    present = [f"forbidden {spec}" for spec, pair in pairs_of(row["absent"]) if any(map(pair.matched_by, events))]
    return missing + present


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def events_of(extractor: Extractor, text: str) -> tuple[Event, ...]:
    return extractor.extract(Article("actor-gap", text, None, INVENTORY_DATE)).events


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 60
    assert {row["class"] for row in table} == CLASSES
    assert_known_statuses(table)
    assert len({row["text"] for row in table}) == len(table)
    for row in table:
        assert pairs_of(row["expected"]) or pairs_of(row["absent"]), row["text"]


def test_a_row_fails_on_a_missing_or_a_forbidden_triple(extractor: Extractor) -> None:
    events = events_of(extractor, "Germany criticised Hungary.")
    assert failures(events, {"expected": "DEU>HUN:11", "absent": ""}) == []
    assert failures(events, {"expected": "DEU~HUN:12", "absent": ""}) == ["missing DEU~HUN:12"]
    assert failures(events, {"expected": "", "absent": "*>HUN:*"}) == ["forbidden *>HUN:*"]
    with pytest.raises(ValueError, match="DEU-HUN"):
        pairs_of("DEU-HUN")


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["class"], "text"))
def test_an_inventory_text_gives_its_triples_and_no_other(extractor: Extractor, row: dict[str, str]) -> None:
    events = events_of(extractor, row["text"])
    assert failures(events, row) == [], [
        (e.subject.id, e.subject.cameo, e.relation.name, code_of(e), e.object.id, e.object.cameo) for e in events
    ]


def test_the_rows_it_passes_stay_listed_as_pairs(extractor: Extractor) -> None:
    """Every row the extractor passes is marked pairs, so a passing row cannot silently be left open."""
    passing_but_open = [
        row["text"] for row in rows()
        if row["status"] == "open" and not failures(events_of(extractor, row["text"]), row)
    ]
    assert passing_but_open == []
