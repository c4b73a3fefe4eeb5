"""Places the recogniser takes for organisations or for no name (extract/place_names.py).

Sentences written for these tests. Rules under test:
- a city of the place lists named alone, which the recogniser tags ORG on its own or leaves untagged,
  is the place: as the object of an attack, its state (CAMEO codes an attack on a city as one on the
  state it lies in), never an unknown organisation with no state;
- a longer ORG entity that begins with a city's name is an organisation's name, not the place;
- an acronym spelt like a city ("ILO", as Ilo in Peru) names a body: place names are written in title case;
- a name put in apposition with a noun of a populated place ("X, the region's main town") is a place's
  name, known or not: no person and no organisation of that name is the target;
- a person put in apposition with another noun ("X, the opposition leader") is still a person;
- a capital that begins a body's name ("the Lima Group") is neither the state nor the body's state,
  while a capital on its own, or before a common noun ("the Kabul government"), still stands for it;
- a capital that names an agreement or a process by where it was made ("the Lisbon treaty", "the
  Tunis climate accord") is no party to it.
"""

from __future__ import annotations

import pytest

from extract.gazetteer import Surface, SurfaceKind
from extract.pipeline import Extractor
from extract.place_names import capital_names_body, capital_names_document
from graph.model import Extraction
from tests.extract.extracting import runner, triples

run = runner("place-names", "2024-06-10")


def targets(extraction: Extraction) -> set[str]:
    return {e.object.id for e in extraction.events}


@pytest.mark.parametrize(("sentence", "target"), [
    ("Russian forces fired rockets at Kharkiv.", "country:UKR"),
    ("Russia fired missiles at Kharkiv on Monday.", "country:UKR"),
    ("Armenian forces fired rockets at Ganja, Azerbaijan's second-largest city.", "country:AZE"),
    ("Russian forces fired rockets at Idlib on Sunday.", "country:SYR"),
])
def test_an_attack_on_a_city_the_recogniser_mistags_targets_its_state(
    extractor: Extractor, sentence: str, target: str,
) -> None:
    result = run(extractor, sentence)
    assert target in targets(result), triples(result)
    assert not any(t.startswith("org:") for t in targets(result)), triples(result)


def test_a_lone_place_name_is_no_organisation_acting(extractor: Extractor) -> None:
    result = run(extractor, "Kharkiv accused Moscow of shelling hospitals.")
    assert not any(e.subject.id == "org:kharkiv" for e in result.events), triples(result)


def test_an_acronym_spelt_like_a_city_is_a_body_not_the_place(extractor: Extractor) -> None:
    result = run(extractor, "The ILO demanded that Israel lift the ban on Palestinian workers.")
    assert ("org:ilo", "DEMAND", "country:ISR") in triples(result)


def test_an_unknown_name_in_apposition_with_a_town_is_no_target(extractor: Extractor) -> None:
    result = run(extractor, "Baku accused Yerevan of attacking Stepanakert, the region's main town.")
    assert ("country:AZE", "ACCUSE", "country:ARM") in triples(result)
    assert not any(e.object.id.endswith("stepanakert") for e in result.events), triples(result)


def test_a_village_named_in_apposition_gives_no_organisation(extractor: Extractor) -> None:
    result = run(extractor, "Sudanese troops shelled Kafr Dara, a village near the border.")
    assert not any(e.object.id.startswith(("org:", "person:")) for e in result.events), triples(result)


def test_a_person_in_apposition_with_an_office_is_still_a_person(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan police arrested Amina Wanjiru, the opposition leader, on Monday.")
    assert any(e.object.id == "person:amina-wanjiru" for e in result.events), triples(result)


@pytest.mark.parametrize("sentence", [
    "The Lima Group called on Venezuela's armed forces to hold elections.",
    "The Minsk Group urged Baku to reopen the corridor.",
])
def test_a_capital_that_begins_a_bodys_name_is_no_state(extractor: Extractor, sentence: str) -> None:
    result = run(extractor, sentence)
    assert result.events, triples(result)
    assert all(e.subject.country is None for e in result.events), triples(result)


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Lima called on Venezuela's armed forces to hold elections.", "country:PER"),
    ("The Kabul government accused Pakistan of sheltering militants.", "country:AFG"),
])
def test_a_capital_alone_or_before_a_common_noun_is_its_state(
    extractor: Extractor, sentence: str, subject: str,
) -> None:
    found = triples(run(extractor, sentence))
    assert any(s == subject for s, _, _ in found), found


@pytest.mark.parametrize(("sentence", "capital_state"), [
    ("Venezuela withdrew from the Lisbon climate agreement in 2019.", "country:PRT"),
    ("Chile said it would abide by the Lisbon accords.", "country:PRT"),
    ("Peru pulled out of the Quito treaty on Monday.", "country:ECU"),
])
def test_a_capital_naming_an_agreement_is_no_party_to_it(
    extractor: Extractor, sentence: str, capital_state: str,
) -> None:
    found = triples(run(extractor, sentence))
    assert not any(capital_state in (s, o) for s, _, o in found), found


def test_a_capital_before_an_agreement_noun_as_its_subject_still_acts(extractor: Extractor) -> None:
    found = triples(run(extractor, "Lisbon signed an agreement with Madrid on Monday."))
    assert ("country:PRT", "SIGN_AGREEMENT", "country:ESP") in found, found


@pytest.mark.parametrize(("sentence", "capital", "reading"), [
    ("The Lima Group condemned the vote in Caracas.", "Lima", "body"),
    ("Iran said it would leave the Vienna agreement if sanctions stayed.", "Vienna", "document"),
])
def test_the_body_and_document_readings_are_of_capitals_only(
    extractor: Extractor, sentence: str, capital: str, reading: str,
) -> None:
    """The gazetteer's mentions ask for a name's span and these two readings only at a capital
    (``ActorResolver._gazetteer_mentions``): at any other kind of name both say no, so asking
    them there could change nothing."""
    lexicon = extractor.knowledge.lexicon
    doc = extractor.nlp(sentence)
    at = next(t.i for t in doc if t.text == capital)
    name = doc[at : at + 1]
    for kind in SurfaceKind:
        surface = Surface(kind, "PER")
        body = capital_names_body(name, surface, lexicon.organisation_description_nouns)
        document = capital_names_document(name, surface, lexicon.document_name_nouns)
        assert (body, document) == ((reading == "body", reading == "document") if kind is SurfaceKind.CAPITAL
                                    else (False, False))
