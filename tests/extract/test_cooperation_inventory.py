"""The verbal cooperation inventory (cooperation_inventory.tsv): invented wire-style sentences in
which states make statements to each other, express intent to cooperate, consult (meet, phone,
visit, host, mediate, negotiate) or cooperate diplomatically (praise, support, recognise, restore
relations, sign, apologise), in the forms English and wire news use (verbs, event nouns, coordinated
subjects of joint acts, passives, pair references), with negation, planned and conditional acts and
standing ties that must give nothing. Rows are read as CAMEO codes them
(``extract.evaluate.coded_cameo``). Rows marked ``pairs`` must hold; rows marked ``open`` are known
failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import coded_cameo
from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import actor_ends, code_of, inventory_rows
from tests.extract.inventory_checks import INVENTORY_DATE, assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("cooperation_inventory.tsv")
FORMS = frozenset({
    "consult", "phone", "visit", "host", "summit", "mediate", "nominal", "intent", "statement", "praise",
    "support", "recognise", "relations", "sign", "apologise", "passive", "reference", "negation", "modal",
    "standing",
})
ROOTS = frozenset({"01", "03", "04", "05"})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def coded(event: Event) -> str | None:
    """The event's code as CAMEO codes it: the intention, rejection or nothing its polarity and
    modality make of it, else its own (more specific) code."""
    cameo = coded_cameo(event)
    if cameo is None:
        return None
    return code_of(event) if cameo == event.relation.cameo else cameo


def coded_pairs(events: tuple[Event, ...], root: str) -> set[tuple[str, str]]:
    """The (subject, object) names of the events CAMEO codes under ``root``."""
    return {
        (s, o)
        for e in events
        if (code := coded(e)) is not None and code.startswith(root)
        for s in actor_ends(e, "subject")
        for o in actor_ends(e, "object")
    }


def has_pair(found: set[tuple[str, str]], pair: str) -> bool:
    """"POL>UKR" one way; "KEN~UGA" either way."""
    if "~" in pair:
        one, other = pair.split("~")
        return (one, other) in found or (other, one) in found
    subject, obj = pair.split(">")
    return (subject, obj) in found


def holds(events: tuple[Event, ...], row: dict[str, str]) -> bool:
    """Affirmed rows: every expected pair is coded under the row's root. Negated rows: none is."""
    found = coded_pairs(events, row["root"])
    pairs = row["expected"].split(";")
    if row["polarity"] == "negated":
        return not any(has_pair(found, pair) for pair in pairs)
    return all(has_pair(found, pair) for pair in pairs)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 150
    assert {row["form"] for row in table} == FORMS
    assert {row["root"] for row in table} == ROOTS
    assert {row["polarity"] for row in table} == {"affirmed", "negated"}
    assert_known_statuses(table)
    assert all(("~" in pair) != (">" in pair) for row in table for pair in row["expected"].split(";"))
    assert len({row["sentence"] for row in table}) == len(table)


def test_holds_tells_a_given_pair_from_a_missing_one(extractor: Extractor) -> None:
    """The check can fail: a meeting read one way does not hold the other way round, and a met pair
    fails a row that says it must not be given."""
    text = "Chile's president met Peru's president in Lima."
    events = extractor.extract(Article("inventory", text, None, INVENTORY_DATE)).events
    row = {"expected": "CHL>PER", "root": "04", "polarity": "affirmed"}
    assert holds(events, row)
    assert not holds(events, {**row, "expected": "CHL>BOL"})
    assert not holds(events, {**row, "polarity": "negated"})


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_holds(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "inventory")
    assert holds(events, row), [
        (e.subject.id, e.relation.cameo, coded(e), e.polarity.value, e.modality.value, e.object.id)
        for e in events
    ]
