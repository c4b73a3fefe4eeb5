"""'blame N on X' accuses X (ontology ACCUSE "blame on"; OEDA: BLAME * ATTACK ON + [112]) when "on X" hangs on the
verb or on the blamed noun (not yet deeper: inventory row "blamed the explosion at its embassy on Israel");
the blamed act itself is not asserted."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article


@pytest.mark.parametrize(
    ("sentence", "accuser", "accused"),
    [
        ("Peru blamed the riots on Bolivia.", "country:PER", "country:BOL"),
        ("Serbia blamed the violence on Kosovo.", "country:SRB", "country:XKX"),
        ("Ghana blamed Togo for the clashes.", "country:GHA", "country:TGO"),
    ],
)
def test_blame_on_accuses_the_object_of_on(extractor: Extractor, sentence: str, accuser: str, accused: str) -> None:
    events = extractor.extract(Article("blaming", sentence, None, "2024-05-02")).events
    found = {(e.subject.id, e.relation.name, e.object.id, e.modality.value) for e in events}
    assert (accuser, "ACCUSE", accused, "asserted") in found, found
    assert not any(s == accused and m == "asserted" for s, _, _, m in found), found
