"""The actor inventory (actor_inventory.tsv, articles in actor_inventory/): short invented wire articles in
which the parties of an event are named as wire news names them — seats of government, descriptions of a
state or organisation named before, officials after first mention, persons introduced with an apposition,
pronouns across sentences, collective and coordinated actors — and traps where a word names a place, a
host, a victim or a quoted witness rather than a party. Each row names one sentence of an article: rows
marked ``pairs`` must give an event of that sentence between the expected actors with the expected CAMEO
root, and no event of the sentence may give one of the row's forbidden pairs; rows marked ``open`` are
known failures, listed so that a fix can move them to ``pairs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Event, Extraction
from tests.extract.extracting import actor_ends, code_of, inventory_rows
from tests.extract.inventory_checks import INVENTORY_DATE, assert_known_statuses, rows_of_status

INVENTORY = Path(__file__).with_name("actor_inventory.tsv")
ARTICLES = Path(__file__).with_name("actor_inventory")
FORMS = frozenset({
    "seat", "description", "official", "apposition", "pronoun", "group", "trap",
    "direction", "reported", "venue", "pair", "dateline",
})


def rows() -> list[dict[str, str]]:
    return inventory_rows(INVENTORY)


def matches(event: Event, pair: str) -> bool:
    """The event runs between the pair's two ends ("*" matches any actor; "a=b" either way round)."""
    if "=" in pair:
        one, other = pair.split("=")
        return matches(event, f"{one}>{other}") or matches(event, f"{other}>{one}")
    subject, obj = pair.split(">")
    return ((subject == "*" or subject in actor_ends(event, "subject"))
            and (obj == "*" or obj in actor_ends(event, "object")))


def of_sentence(events: tuple[Event, ...], part: str) -> list[Event]:
    """Events stated (in any of their mentions) in the sentence holding ``part``."""
    return [event for event in events if any(part in evidence.sentence for evidence in event.evidence)]


def holds(extraction: Extraction, row: dict[str, str]) -> bool:
    """The row's expected event is there (unless none is expected) and none of its forbidden pairs is
    (among the events of the row's root when it names one: another act of the sentence, "Pakistan,
    accused by Kabul, welcomed the deal", may run between the same states)."""
    events = of_sentence(extraction.events, row["sentence"])
    expected = row["expected"] == "-" or any(
        matches(event, row["expected"]) and code_of(event)[:2] == row["root"] for event in events
    )
    forbidden = [] if row["not"] == "-" else row["not"].split("|")
    of_root = [event for event in events if row["root"] == "-" or code_of(event)[:2] == row["root"]]
    return expected and not any(matches(event, pair) for event in of_root for pair in forbidden)


def test_the_inventory_is_well_formed() -> None:
    table = rows()
    assert len(table) >= 60
    assert len({row["article"] for row in table}) >= 40
    assert {row["form"] for row in table} == FORMS
    assert_known_statuses(table)
    for row in table:
        text = (ARTICLES / row["article"]).read_text(encoding="utf-8")
        assert text.count(row["sentence"]) == 1, row["sentence"]
        assert 4 <= text.count(". ") + 1 <= 9, row["article"]
        assert (row["expected"] == "-") == (row["root"] == "-"), row
        assert row["expected"] != "-" or row["not"] != "-", row


@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> dict[str, Extraction]:
    """Every article of the inventory, extracted once."""
    return {
        path.name: extractor.extract(Article(path.stem, path.read_text(encoding="utf-8"), None, INVENTORY_DATE))
        for path in sorted(ARTICLES.glob("*.txt"))
    }


@pytest.mark.parametrize("row", rows_of_status(rows(), "pairs", ["form"]))
def test_an_inventory_sentence_names_its_parties(extractions: dict[str, Extraction], row: dict[str, str]) -> None:
    events = of_sentence(extractions[row["article"]].events, row["sentence"])
    assert holds(extractions[row["article"]], row), [
        (e.subject.id, e.relation.name, code_of(e), e.object.id) for e in events
    ]
