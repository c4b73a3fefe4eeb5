"""The material-act inventory (material_inventory.tsv): invented wire-style sentences in which one
state acts materially on another (CAMEO roots 06-08 and 15-20: cooperation, aid, yielding, force
posture, reducing relations, coercion, assault, fighting, mass violence), in the forms English and
wire news use (verbs, states named by adjectives, event nouns, passives, negation, plans and standing
states). Rows marked ``pairs`` must give an event between the expected states with the expected CAMEO
root and polarity, as an act (asserted or reported) or, for ``plan`` rows, as a plan (intended or
hypothetical; or as an asserted threat, root 13, for a plan of a hostile act); rows marked ``none``
state a standing state and must give no affirmed, asserted event of that root between the two
states; rows marked ``open`` are known failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import actor_ends, code_of, inventory_rows
from tests.extract.inventory_checks import INVENTORY_DATE, STATUSES, assert_known_statuses, rows_of_status

INVENTORY = Path(__file__).with_name("material_inventory.tsv")
FORMS = frozenset({"verb", "demonym", "nominal", "passive", "negation", "plan", "state"})
ROOTS = frozenset({"03", "05", "06", "07", "08", "13", "15", "16", "17", "18", "19", "20"})
#: A plan of a hostile act is coded as a threat (13), which the text asserts.
THREAT_ROOT = "13"
ACT_MODALITIES = frozenset({"asserted", "reported"})
PLAN_MODALITIES = frozenset({"intended", "hypothetical"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def joins(event: Event, expected: str) -> bool:
    """The event runs from the expected subject to the expected object ("~": either way)."""
    if "~" in expected:
        one, other = expected.split("~")
        return joins(event, f"{one}>{other}") or joins(event, f"{other}>{one}")
    subject, obj = expected.split(">")
    return subject in actor_ends(event, "subject") and obj in actor_ends(event, "object")


def matches(event: Event, row: dict[str, str]) -> bool:
    """The event joins the row's states with the row's root and polarity, as an act or, for a plan row, a plan."""
    threat = row["form"] == "plan" and row["root"] == THREAT_ROOT
    modalities = PLAN_MODALITIES if row["form"] == "plan" and not threat else ACT_MODALITIES
    return (
        joins(event, row["expected"]) and code_of(event)[:2] == row["root"]
        and event.polarity.value == row["polarity"] and event.modality.value in modalities
    )


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 150
    assert {row["form"] for row in table} == FORMS
    assert_known_statuses(table, STATUSES | {"none"})
    assert {row["polarity"] for row in table} == {"affirmed", "negated"}
    assert {row["root"] for row in table} <= ROOTS
    assert all(row["status"] in ("none", "open") for row in table if row["form"] == "state")
    assert len({row["sentence"] for row in table}) == len(table)


STANDING = [row for row in rows() if row["status"] == "none"]


def described(extractor: Extractor, sentence: str) -> tuple[tuple[Event, ...], list[tuple[str, ...]]]:
    events = extractor.extract(Article("material", sentence, None, INVENTORY_DATE)).events
    return events, [
        (e.subject.id, e.relation.name, code_of(e), e.polarity.value, e.modality.value, e.object.id) for e in events
    ]


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_gives_its_event(extractor: Extractor, row: dict[str, str]) -> None:
    events, seen = described(extractor, row["sentence"])
    assert any(matches(event, row) for event in events), seen


@pytest.mark.parametrize("row", STANDING, ids=[f"state:{r['sentence'][:40]}" for r in STANDING])
def test_a_standing_state_is_no_act(extractor: Extractor, row: dict[str, str]) -> None:
    events, seen = described(extractor, row["sentence"])
    assert not any(matches(event, row) for event in events), seen
