"""Definite descriptions that refer back to one actor ("the alliance", "the Gulf state")."""

from __future__ import annotations

import pytest

from extract.description_reference import DescriptionKind, description_kind, description_referent
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article
from tests.extract.extracting import state_actor

DATE = "2024-05-02"


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("description-test", text, None, DATE)).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The kingdom said so.", "kingdom", DescriptionKind.STATE),
        ("They accused the oil-rich state of lying.", "state", DescriptionKind.STATE),
        ("The alliance met.", "alliance", DescriptionKind.ORGANISATION),
        ("This country will not bow.", "country", None),  # a speaker's own country
        ("The state of emergency ended.", "state", None),  # restricted by "of"
        ("Protests spread across the country.", "country", None),  # a setting
        ("A country that hosts talks gains.", "country", None),  # indefinite
        ("The countries met.", "countries", None),  # plural: pair references are another rule
        ("Seoul said the North fired a missile.", "North", DescriptionKind.COMPASS),
        ("Fighting spread in the North.", "North", None),  # a setting
        ("Winds from the north rose.", "north", None),  # not a name
    ],
)
def test_description_kind(extractor: Extractor, text: str, word: str, kind: DescriptionKind | None) -> None:
    doc = extractor.nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert description_kind(token, extractor.knowledge.lexicon) is kind


def test_the_referent_is_the_latest_state_not_of_the_own_clause() -> None:
    recent_first = [state_actor("QAT"), state_actor("SAU")]
    qatar_excluded = [state_actor("QAT")]
    assert description_referent("state", DescriptionKind.STATE, recent_first, qatar_excluded,
                                state_actor) == state_actor("SAU")
    assert description_referent("state", DescriptionKind.STATE, recent_first, [], state_actor) == state_actor("QAT")
    assert description_referent("alliance", DescriptionKind.ORGANISATION, recent_first, [], state_actor) is None


def test_a_description_in_the_object_refers_to_the_state_just_named(extractor: Extractor) -> None:
    text = "Egypt cut diplomatic ties with Libya on Monday, accusing the oil-rich state of arming militants."
    assert ("country:EGY", "ACCUSE", "country:LBY") in triples(extractor, text)


def test_the_alliance_refers_back_to_the_organisation(extractor: Extractor) -> None:
    text = "NATO defence ministers met in Brussels on Tuesday. The alliance condemned Belarus."
    assert ("org:nato", "CRITICIZE", "country:BLR") in triples(extractor, text)


def test_a_description_qualified_by_a_region_skips_the_later_state_outside_it(extractor: Extractor) -> None:
    text = ("Honduras established relations with China. "
            "Taiwan said it was ending relations with the Central American nation.")
    objects = {t[2] for t in triples(extractor, text) if t[0] == "country:TWN"}
    assert "country:HND" in objects
    assert "country:CHN" not in objects


def test_a_compass_word_names_the_state_whose_name_it_begins() -> None:
    recent_first = [state_actor("KOR"), state_actor("PRK")]
    named = {"KOR": "South Korea", "PRK": "North Korea"}

    def with_name(iso3: str) -> Actor:
        return Actor(f"country:{iso3}", named[iso3], ActorType.COUNTRY, iso3, "GOV", cameo=iso3)

    states = [with_name(a.country or "") for a in recent_first]
    assert description_referent("north", DescriptionKind.COMPASS, states, [], with_name) == with_name("PRK")
    assert description_referent("south", DescriptionKind.COMPASS, states, [], with_name) == with_name("KOR")
    assert description_referent("south", DescriptionKind.COMPASS, states[1:], [], with_name) is None


def test_the_north_after_its_leader_is_named_is_that_state(extractor: Extractor) -> None:
    text = ("Kim Jong Un met Moon Jae-in at the border. "
            "Japan later urged the North to abandon its missile programme.")
    assert ("country:JPN", "APPEAL", "country:PRK") in triples(extractor, text)


def test_a_region_description_takes_only_a_state_of_the_region() -> None:
    recent_first = [state_actor("CHN"), state_actor("HND")]  # Beijing named last, Honduras before it
    central_america = frozenset({"HND", "GTM"})
    assert description_referent("nation", DescriptionKind.STATE, recent_first, [], state_actor,
                                central_america) == state_actor("HND")
    assert description_referent("nation", DescriptionKind.STATE, [state_actor("CHN")], [], state_actor,
                                central_america) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guatemala recognised Beijing on Monday. Taipei said it would cut ties with the Central American "
         "nation.", ("country:TWN", "REDUCE_RELATIONS", "country:GTM")),
        ("Ghana hosted talks with China in Accra. Beijing praised the West African country for its help.",
         ("country:CHN", "PRAISE", "country:GHA")),
    ],
)
def test_a_region_word_before_the_description_names_a_state_of_the_region(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    found = triples(extractor, text)
    assert expected in found
    assert not any(obj.startswith("region:") for _, _, obj in found)


def test_a_region_description_with_no_state_of_the_region_names_neither_region_nor_other_state(
    extractor: Extractor,
) -> None:
    text = "China warned Japan on Monday. Beijing accused the Central American nation of meddling."
    found = triples(extractor, text)
    assert not any(relation == "ACCUSE" for _, relation, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India and Pakistan exchanged fire along the border. New Delhi accused its neighbour of sheltering "
         "militants.", ("country:IND", "ACCUSE", "country:PAK")),
        ("Armenia and Azerbaijan clashed on the border. Yerevan accused its neighbour of shelling villages.",
         ("country:ARM", "ACCUSE", "country:AZE")),
        ("Japan hosted South Korea's president. China accused Tokyo's ally of provocations.",
         ("country:CHN", "ACCUSE", "country:KOR")),
    ],
)
def test_a_relational_noun_refers_to_the_latest_state_other_than_its_possessor(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Peru accused its neighbour of lying.", "neighbour", DescriptionKind.RELATIONAL),
        ("Peru praised the ally.", "ally", DescriptionKind.RELATIONAL),
        ("Peru accused the country of provocations.", "country", DescriptionKind.STATE),  # the charge
        ("Peru praised an ally.", "ally", None),  # indefinite
        ("Peru praised its allies.", "allies", None),  # plural
        ("Russia will defend its ally Belarus.", "ally", None),  # named in apposition
        ("The state of emergency ended.", "state", None),
    ],
)
def test_relational_and_charged_descriptions(
    extractor: Extractor, text: str, word: str, kind: DescriptionKind | None,
) -> None:
    doc = extractor.nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert description_kind(token, extractor.knowledge.lexicon) is kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The world body voted.", "body", DescriptionKind.ORGANISATION),  # scoped by "world"
        ("The regional body met.", "body", DescriptionKind.ORGANISATION),
        ("The body was found.", "body", None),  # alone, more often a corpse
        ("The charred body lay there.", "body", None),  # a modifier naming no scope
    ],
)
def test_a_scoped_body_describes_an_organisation(
    extractor: Extractor, text: str, word: str, kind: DescriptionKind | None,
) -> None:
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == word)
    assert description_kind(token, extractor.knowledge.lexicon) is kind


def test_the_group_refers_back_to_a_named_armed_group(extractor: Extractor) -> None:
    text = "Hezbollah fighters fired rockets on Monday. The militant group threatened Israel with more attacks."
    assert ("org:hezbollah", "THREATEN", "country:ISR") in triples(extractor, text)


def test_the_world_body_refers_back_to_the_united_nations(extractor: Extractor) -> None:
    text = "The United Nations published a report on Friday. The world body accused Sudan of blocking aid."
    assert ("org:un", "ACCUSE", "country:SDN") in triples(extractor, text)
