"""The head of a noun's phrase (``extract.phrase_heads``)."""

from __future__ import annotations

from extract.phrase_heads import noun_phrase_head
from extract.pipeline import Extractor


def head(extractor: Extractor, sentence: str, text: str, compounds: bool, max_steps: int | None = None) -> str:
    token = next(t for t in extractor.nlp(sentence) if t.text == text)
    return noun_phrase_head(token, through_compounds=compounds, max_steps=max_steps).text


def test_a_conjunct_climbs_to_the_first_noun(extractor: Extractor) -> None:
    assert head(extractor, "Peru feared an attack or an invasion.", "invasion", False) == "attack"
    assert head(extractor, "Peru feared an attack or an invasion.", "attack", False) == "attack"


def test_a_compound_modifier_climbs_only_when_asked(extractor: Extractor) -> None:
    assert head(extractor, "Chile sent an aid package to Peru.", "aid", True) == "package"
    assert head(extractor, "Chile sent an aid package to Peru.", "aid", False) == "aid"


def test_the_climb_stops_after_max_steps(extractor: Extractor) -> None:
    assert head(extractor, "Chile sent an aid package to Peru.", "aid", True, max_steps=0) == "aid"
