"""An actor conveyed is not the recipient (extract/conveyed_objects.py).

Sentences written for these tests. Rules under test:
- the direct object of "send"/"dispatch" is what is sent: fighters, troops or soldiers named there are
  not the recipient, so with no "to" phrase naming an actor there is no aid event to them;
- a recipient named by "to" or as the indirect object still gets the event.
"""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("conveyed-objects", "2024-06-10")


@pytest.mark.parametrize(("sentence", "conveyed"), [
    ("France accused Ankara of sending Syrian fighters to the region.", "SYR"),
    ("Britain sent Ukrainian soldiers home after training.", "UKR"),
    ("Iran sent Iraqi militiamen to the front.", "IRQ"),
])
def test_actors_sent_are_no_recipient(extractor: Extractor, sentence: str, conveyed: str) -> None:
    result = run(extractor, sentence)
    assert not any(e.object.country == conveyed for e in result.events), triples(result)


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Turkey sent Syrian fighters to Libya.", ("country:TUR", "country:LBY")),
    ("Iran sent fighters to Syria.", ("country:IRN", "country:SYR")),
    ("Washington sent Ukraine tanks.", ("country:USA", "country:UKR")),
])
def test_a_named_recipient_still_receives(extractor: Extractor, sentence: str, pair: tuple[str, str]) -> None:
    found = triples(run(extractor, sentence))
    assert any((s, o) == pair for s, _, o in found), found
