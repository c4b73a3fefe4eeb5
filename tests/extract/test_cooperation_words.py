"""Words added for verbal cooperation: verbs of praise from the OEDA dictionary's ACCLAIM and LAUD
blocks (ontology.toml PRAISE, 051) and condolences sent or conveyed (verb_senses.toml, 018)."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of


def codes(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("words", text, None, "2024-03-14")).events
    return {(e.subject.country or "", code_of(e), e.object.country or "") for e in events}


def test_lauding_a_state_is_praise(extractor: Extractor) -> None:
    assert ("CAN", "051", "NOR") in codes(extractor, "Canada lauded Norway for its climate policies.")


def test_condolences_sent_to_a_state_are_an_empathetic_comment(extractor: Extractor) -> None:
    found = codes(extractor, "Portugal sent condolences to Brazil after the floods.")
    assert ("PRT", "018", "BRA") in found
    assert not any(code.startswith("07") for _, code, _ in found)


def test_aid_sent_to_a_state_stays_aid(extractor: Extractor) -> None:
    assert ("PRT", "070", "BRA") in codes(extractor, "Portugal sent aid to Brazil after the floods.")


def test_support_thrown_behind_a_state_is_support_for_it(extractor: Extractor) -> None:
    found = codes(extractor, "Algeria threw its support behind Tunisia in the dispute.")
    assert any(s == "DZA" and code.startswith("05") and o == "TUN" for s, code, o in found), found


def test_support_behind_no_actor_is_no_event(extractor: Extractor) -> None:
    assert codes(extractor, "The support behind the scenes was strong.") == set()
