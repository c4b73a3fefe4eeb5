"""A recall of envoys naming no host state shares the counterpart of a break of relations in a linked
clause of the same sentence (extract/shared_counterparts.py). Invented sentences."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("shared-counterparts-test", "2024-05-02")


@pytest.mark.parametrize("text, expected", [
    ("Ecuador severed ties with Venezuela, while Peru and Chile recalled their envoys.",
     {("country:PER", "country:VEN"), ("country:CHL", "country:VEN")}),
    ("Tunisia broke off relations with Libya, and Algeria said it was recalling its ambassador.",
     {("country:DZA", "country:LBY")}),
])
def test_a_recall_in_a_linked_clause_is_from_the_severed_state(extractor: Extractor, text: str,
                                                              expected: set[tuple[str, str]]) -> None:
    recalls = {(s, o) for s, r, o in triples(run(extractor, text)) if r == "REDUCE_DIPLOMATIC_RELATIONS"}
    assert expected <= recalls, recalls


@pytest.mark.parametrize("text", [
    "Peru recalled its ambassador for consultations.",  # nothing to share
    "Ghana signed a trade deal with Togo, while Benin recalled its ambassador.",  # no break of relations
    "Ecuador severed ties with Venezuela. Peru recalled its envoy.",  # another sentence is not read
])
def test_no_host_state_without_a_linked_break_of_relations(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    recalled = [e for e in result.events if e.relation.name == "REDUCE_DIPLOMATIC_RELATIONS"
                and e.subject.id in ("country:PER", "country:BEN")]
    assert recalled == [], [(e.subject.id, e.object.id) for e in recalled]
