"""The modality inventory (modality_inventory.tsv): invented wire-style sentences whose events are
not simply asserted: under a condition, a modal of possibility, a counterfactual, a threat, an
intention, a report, a negation and its scope, a question, a purpose, a fear or risk, a request,
a habit, a future or an "after" clause. Each row names the CAMEO root of an event between two
states and either the polarity and modality it must carry, or ``none``: the sentence asserts no
such event. Rows marked ``pairs`` must pass; ``open`` rows are known failures, listed so that a fix
can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import coded_cameo
from extract.pipeline import Extractor
from graph.model import Article, Event, Modality, Polarity
from tests.extract.extracting import actor_ends, code_of, inventory_rows
from tests.extract.inventory_checks import INVENTORY_DATE, assert_known_statuses, rows_of_status, sentence_events

INVENTORY = Path(__file__).with_name("modality_inventory.tsv")
KINDS = frozenset({
    "conditional", "hypothetical", "counterfactual", "threat", "intention", "reported", "negation", "scope",
    "question", "purpose", "nominal", "request", "habitual", "future", "after", "contrast",
})
NONE = "none"
ANY_ROOT = "*"
_FACTUAL = (Modality.ASSERTED, Modality.REPORTED)


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def _runs(event: Event, first: str, second: str) -> bool:
    return first in actor_ends(event, "subject") and second in actor_ends(event, "object")


def _of_root(event: Event, root: str) -> bool:
    return root == ANY_ROOT or code_of(event)[:2] == root


def _gives(event: Event, root: str, polarity: str, modality: str) -> bool:
    """The event carries the root with that polarity and modality, or is what CAMEO codes as that
    root when asserted (an intended conflict act is a threat, 13; a refused cooperation a rejection, 12)."""
    if _of_root(event, root) and event.polarity.value == polarity and event.modality.value == modality:
        return True
    coded = coded_cameo(event)
    return (polarity, modality) == ("affirmed", "asserted") and coded is not None and coded[:2] == root


def failures(events: tuple[Event, ...], row: dict[str, str]) -> list[str]:
    """What the row's events break. ``none``: an event of the root between the pair (either way)
    that is affirmed and asserted or reported. Otherwise: no event of the row's root, polarity and
    modality from the first state to the second, or an event of the root from the first to the
    second with another polarity or modality."""
    first, second = row["pair"].split(">")
    root = row["root"]
    if row["polarity"] == NONE:
        return [
            f"asserted {code_of(e)} {e.polarity.value} {e.modality.value}" for e in events
            if (_runs(e, first, second) or _runs(e, second, first)) and _of_root(e, root)
            and e.polarity is Polarity.AFFIRMED and e.modality in _FACTUAL
        ]
    forward = [e for e in events if _runs(e, first, second)]
    broken = [
        f"{code_of(e)} {e.polarity.value} {e.modality.value}" for e in forward
        if _of_root(e, root) and not _gives(e, root, row["polarity"], row["modality"])
    ]
    if not any(_gives(e, root, row["polarity"], row["modality"]) for e in forward):
        broken.append(f"no {root} {row['polarity']} {row['modality']} event {row['pair']}")
    return broken


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 150
    assert {row["kind"] for row in table} == KINDS
    assert_known_statuses(table)
    assert len({(row["sentence"], row["pair"], row["root"]) for row in table}) == len(table)
    polarities = {p.value for p in Polarity} | {NONE}
    modalities = {m.value for m in Modality} | {NONE}
    for row in table:
        assert len(row["pair"].split(">")) == 2, row
        assert row["root"] == ANY_ROOT or (len(row["root"]) == 2 and row["root"].isdigit()), row
        assert row["polarity"] in polarities and row["modality"] in modalities, row
        assert (row["polarity"] == NONE) == (row["modality"] == NONE), row
        assert row["root"] != ANY_ROOT or row["polarity"] == NONE, row


def test_the_checker_fails_a_wrong_modality(extractor: Extractor) -> None:
    """The check can fail: an asserted event where none is asserted, a missing event, and an event
    of the root with the wrong modality."""
    events = extractor.extract(Article("modality", "Russia attacked Ukraine on Monday.", None, INVENTORY_DATE)).events
    assert failures(events, {"pair": "RUS>UKR", "root": "19", "polarity": NONE, "modality": NONE})
    assert failures((), {"pair": "RUS>UKR", "root": "19", "polarity": "affirmed", "modality": "asserted"})
    assert failures(events, {"pair": "RUS>UKR", "root": "19", "polarity": "affirmed", "modality": "hypothetical"})
    assert not failures(events, {"pair": "RUS>UKR", "root": "19", "polarity": "affirmed", "modality": "asserted"})


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["kind", "root"]))
def test_an_inventory_sentence_passes(extractor: Extractor, row: dict[str, str]) -> None:
    events = sentence_events(extractor, row, "modality")
    assert not failures(events, row), [
        (e.subject.id, code_of(e), e.polarity.value, e.modality.value, e.object.id) for e in events
    ]
