"""The noun sense inventory (noun_sense_inventory.tsv): invented wire-style sentences in which an
event noun or a light-verb phrase is read by its surface rather than its sense: a trigger noun inside
a compound or a name that is no event of the pair ("aid workers", "a heart attack", "the Paris
Agreement"), a nominal event whose arguments are not the sentence's pair ("talks with Y on Z's
programme"), an event noun under a verb that does not assert it ("discussed the sanctions", "talks
stalled"), a standing relation read as an event ("close ties", "tensions remain"), and light verbs
whose noun carries the event ("held talks", "paid a visit", "lodged a protest"), with contrasts in
which the noun keeps its event sense. Events are read as CAMEO codes them
(``extract.evaluate.coded_cameo``: a hypothetical is no event, a stated intention to cooperate is 03).
Rows marked ``pairs`` must give no event of a ``false`` root between the two actors (either way) and an
event of the ``right`` root from the first to the second; rows marked ``open`` are known failures,
listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import coded_cameo
from extract.pipeline import Extractor
from graph.model import Article, Event
from tests.extract.extracting import code_of, inventory_rows, sense_failures
from tests.extract.inventory_checks import INVENTORY_DATE, assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("noun_sense_inventory.tsv")
FORMS = frozenset({"compound", "name", "arguments", "governor", "standing", "light"})
ANY_ROOT = "*"
NONE = "-"


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def coded(event: Event) -> str | None:
    """The event's code as CAMEO codes it (None: CAMEO would not code it), else its own code."""
    cameo = coded_cameo(event)
    if cameo is None:
        return None
    return code_of(event) if cameo == event.relation.cameo else cameo


def failures(events: tuple[Event, ...], row: dict[str, str]) -> list[str]:
    return sense_failures(events, row, coded)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 150
    assert {row["form"] for row in table} == FORMS
    assert_known_statuses(table)
    assert len({row["sentence"] for row in table}) == len(table)
    for row in table:
        assert len(row["pair"].split(">")) == 2, row
        assert row["false"] != NONE or row["right"] != NONE, f"row asserts nothing: {row['sentence']}"
        assert row["false"] in (ANY_ROOT, NONE) or all(
            len(r) == 2 and r.isdigit() for r in row["false"].split(",")), row
        assert row["right"] == NONE or (len(row["right"]) == 2 and row["right"].isdigit()), row


def test_the_checker_fails_a_false_sense() -> None:
    """The check can fail: a missing right root is reported."""
    row = {"pair": "CHN>AUS", "false": "19", "right": "11"}
    assert failures((), row) == ["no 11 event CHN>AUS"]


def test_the_checker_finds_an_event_between_the_pair(extractor: Extractor) -> None:
    """The check can fail on a false root: an attack read between the pair is reported."""
    result = extractor.extract(Article("noun-senses", "Russia attacked Ukraine on Monday.", None, INVENTORY_DATE))
    assert failures(result.events, {"pair": "UKR>RUS", "false": "19", "right": NONE})


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_holds(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "noun-senses")
    assert not failures(events, row), [
        (e.subject.id, e.relation.name, code_of(e), e.polarity.value, e.modality.value, e.object.id)
        for e in events
    ]
