"""Role nouns as actors with what qualifies them, on real parses with the real role terms and
gazetteer (extract/role_mentions.py); the qualifying mentions are given, sentences invented."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.mentions import Mention, MentionKind
from extract.person_registry import PersonRegistry
from extract.pipeline import Extractor
from extract.role_mentions import (
    RoleReading,
    coordinated_qualifier_mentions,
    is_ethnic,
    person_with_role,
    role_mentions,
    stacked_demonym,
)
from extract.role_spans import BlockRoles
from extract.unknown_actors import UnknownActors
from graph.model import Actor, ActorType, Article

MARTA = Actor("person:marta-kovalenko", "Marta Kovalenko", ActorType.PERSON, "CHL", "GOV", title="president")


def reading(extractor: Extractor, text: str, names: dict[str, tuple[str, MentionKind]],
            places: dict[str, str] | None = None, persons: PersonRegistry | None = None,
            ) -> tuple[RoleReading, dict[int, Mention], list[tuple[int, int]]]:
    """The role reading of ``text``, its given mentions (word -> state ISO code and kind), and
    the spans ``unknown_organization`` was asked for."""
    gazetteer = extractor.knowledge.gazetteer
    doc: Doc = extractor.nlp(text)
    by_token: dict[int, Mention] = {}
    for token in doc:
        if token.text in names:
            iso, kind = names[token.text]
            by_token[token.i] = Mention(token.i, token.i + 1, gazetteer.country_actor(iso), kind)
    place_tokens = {t.i: (places or {})[t.text] for t in doc if t.text in (places or {})}
    asked: list[tuple[int, int]] = []

    def unknown_organization(start: int, end: int) -> Actor:
        asked.append((start, end))
        return Actor(f"org:{doc[start:end].text.lower()}", doc[start:end].text, ActorType.ORGANIZATION)

    role_reading = RoleReading(
        doc, BlockRoles.of(BlockTokens.of(doc), gazetteer.role_terms), place_tokens, gazetteer,
        extractor.knowledge.lexicon, extractor.knowledge.binding_words,
        "2020-06-01", persons or PersonRegistry(UnknownActors()), None, None, unknown_organization,
    )
    return role_reading, by_token, asked


def test_a_demonym_qualifies_an_agent_noun_as_the_states_group(extractor: Extractor) -> None:
    role_reading, by_token, _ = reading(extractor, "Chilean troops crossed the river.",
                                        {"Chilean": ("CHL", MentionKind.DEMONYM)})
    found, unqualified = role_mentions(role_reading, by_token, guess_names=False)
    assert unqualified == []
    (troops,) = found
    assert (troops.start, troops.end, troops.kind) == (0, 2, MentionKind.GROUP)
    assert (troops.actor.country, troops.actor.sector, troops.actor.type) == ("CHL", "MIL", ActorType.GROUP)


def test_a_state_carrier_is_an_airline_not_a_warship(extractor: Extractor) -> None:
    # the agents list's "carrier" is a warship; roles.tsv's "state carrier" (which wins) an airline
    role_reading, by_token, _ = reading(extractor, "Belarusian state carrier Belavia cancelled its flights.",
                                        {"Belarusian": ("BLR", MentionKind.DEMONYM)})
    found, _ = role_mentions(role_reading, by_token, guess_names=False)
    assert [(m.actor.country, m.actor.sector) for m in found] == [("BLR", "BUS")]


def test_a_state_after_of_qualifies_a_government(extractor: Extractor) -> None:
    role_reading, by_token, _ = reading(extractor, "The government of Chile protested.",
                                        {"Chile": ("CHL", MentionKind.NAME)})
    found, _ = role_mentions(role_reading, by_token, guess_names=False)
    assert [(m.start, m.end, m.actor.id) for m in found] == [(1, 2, "country:CHL")]


def test_a_place_inside_a_state_qualifies_police_after_in(extractor: Extractor) -> None:
    role_reading, by_token, _ = reading(extractor, "Police in Valparaiso arrested two men.", {},
                                        places={"Valparaiso": "CHL"})
    found, _ = role_mentions(role_reading, by_token, guess_names=False)
    assert [(m.start, m.actor.country, m.actor.sector) for m in found] == [(0, "CHL", "COP")]


def test_an_agent_noun_nothing_qualifies_is_reported_not_an_actor(extractor: Extractor) -> None:
    role_reading, by_token, _ = reading(extractor, "Protesters gathered outside the building.", {})
    assert role_mentions(role_reading, by_token, guess_names=False) == ([], [0])


def test_an_unknown_initialism_names_the_organisation_only_in_the_last_pass(extractor: Extractor) -> None:
    role_reading, by_token, asked = reading(extractor, "The KZLF fighters attacked a convoy.", {})
    assert role_mentions(role_reading, by_token, guess_names=False) == ([], [2])
    found, unqualified = role_mentions(role_reading, by_token, guess_names=True)
    assert asked == [(1, 2)] and unqualified == []
    assert [(m.start, m.end, m.actor.id) for m in found] == [(1, 3, "org:kzlf")]


def test_coordinated_demonyms_each_name_their_states_group(extractor: Extractor) -> None:
    names = {"Chilean": ("CHL", MentionKind.DEMONYM), "Peruvian": ("PER", MentionKind.DEMONYM)}
    role_reading, by_token, _ = reading(extractor, "Chilean and Peruvian officials met on Monday.", names)
    found, _ = role_mentions(role_reading, by_token, guess_names=False)
    for mention in found:
        by_token.update({i: mention for i in range(mention.start, mention.end)})
    assert [m.actor.country for m in found] == ["PER"]  # the nearest demonym qualifies the noun
    coordinated = coordinated_qualifier_mentions(role_reading, by_token)
    assert [(m.start, m.end, m.actor.country, m.kind) for m in coordinated] == [(0, 1, "CHL", found[0].kind)]


def test_a_title_of_a_state_is_the_person_named_before_with_it(extractor: Extractor) -> None:
    persons = PersonRegistry(UnknownActors())
    persons.register(MARTA)
    role_reading, by_token, _ = reading(extractor, "The Chilean president spoke.",
                                        {"Chilean": ("CHL", MentionKind.DEMONYM)}, persons=persons)
    found, _ = role_mentions(role_reading, by_token, guess_names=False)
    assert [(m.start, m.end, m.actor, m.kind) for m in found] == [(1, 3, MARTA, MentionKind.TITLE)]
    role = role_reading.roles.ending_at(found[0].end)
    assert role is not None
    assert person_with_role(role_reading, None, role[1]) == MARTA  # the one president named, whatever state
    assert person_with_role(role_reading, "PER", role[1]) != MARTA


def test_a_demonym_after_ethnic_is_an_origin() -> None:
    chile = Actor("country:CHL", "Chile", ActorType.COUNTRY, "CHL")
    doc = English()("ethnic Chileans marched")
    assert is_ethnic(doc, Mention(1, 2, chile, MentionKind.DEMONYM), frozenset({"ethnic"}))
    assert not is_ethnic(doc, Mention(1, 2, chile, MentionKind.NAME), frozenset({"ethnic"}))
    assert not is_ethnic(doc, Mention(0, 1, chile, MentionKind.DEMONYM), frozenset({"ethnic"}))


def _demonym(start: int, iso3: str) -> Mention:
    state = Actor(f"country:{iso3}", iso3, ActorType.COUNTRY, iso3, "GOV")
    return Mention(start, start + 1, state, MentionKind.DEMONYM)


def test_a_nationality_word_before_another_names_the_first_state() -> None:
    syrian, turkmen = _demonym(3, "SYR"), _demonym(4, "TKM")
    widened = stacked_demonym(syrian, turkmen.start, turkmen.end, turkmen.actor, turkmen.kind)
    assert widened == Mention(3, 5, syrian.actor, MentionKind.DEMONYM)


def test_nationality_words_apart_or_of_one_state_are_not_stacked() -> None:
    russian, chinese = _demonym(1, "RUS"), _demonym(3, "CHN")  # "Russian and Chinese envoys"
    assert stacked_demonym(russian, chinese.start, chinese.end, chinese.actor, chinese.kind) is None
    again = _demonym(2, "RUS")
    assert stacked_demonym(russian, again.start, again.end, again.actor, again.kind) is None
    assert stacked_demonym(None, 0, 1, russian.actor, russian.kind) is None


def test_stacked_nationality_words_ascribe_the_agent_to_the_first_state(extractor: Extractor) -> None:
    text = "Russian jets bombed Syrian Turkmen villages near the border on Tuesday."
    events = extractor.extract(Article("stacked-demonyms", text, None, "2024-05-02")).events
    assert {(e.subject.id, e.relation.name, e.object.id) for e in events} == {
        ("group:rus-mil", "ATTACK", "group:syr-cvl")}


def test_a_state_name_before_a_nationality_word_names_a_people_of_that_state(extractor: Extractor) -> None:
    kosovo = Mention(0, 1, Actor("country:XKX", "Kosovo", ActorType.COUNTRY, "XKX"), MentionKind.NAME)
    serbs = _demonym(1, "SRB")
    widened = stacked_demonym(kosovo, serbs.start, serbs.end, serbs.actor, serbs.kind)
    assert widened == Mention(0, 2, kosovo.actor, MentionKind.DEMONYM)
    # the recogniser takes "Kosovo Serbs" for a person's name; a name ending in a plural is a people
    text = "In the north, Kosovo Serbs attacked NATO peacekeepers with rocks."
    events = extractor.extract(Article("stacked-name", text, None, "2024-05-02")).events
    assert {(e.subject.id, e.relation.name) for e in events} == {("group:xkx-cvl", "ATTACK")}


def test_its_after_a_state_institution_qualifies_a_role_with_that_state(extractor: Extractor) -> None:
    result = extractor.extract(Article("role-test", "The Turkish military said its jets struck Kurdish militants in "
                                       "northern Iraq.", None, "2024-03-14"))
    assert ("TUR", "MIL") in {(e.subject.country, e.subject.sector) for e in result.events}


def test_its_after_a_named_state_still_takes_that_state(extractor: Extractor) -> None:
    result = extractor.extract(Article("role-test", "Pakistan's army said Iran had moved its troops to the border "
                                       "and attacked Pakistan.", None, "2024-03-14"))
    assert not [e for e in result.events if e.subject.country == "PAK" and e.relation.name == "ATTACK"]


def test_a_one_word_title_refers_back_to_a_person_named_with_a_narrower_title(extractor: Extractor) -> None:
    text = ("Mexican Foreign Minister Elena Ruiz arrived in Bogota on Monday. "
            "The minister accused Colombia of ignoring the migrants.")
    events = extractor.extract(Article("narrower-title", text, None, "2024-05-02")).events
    assert ("MEX", "COL") in {(e.subject.country, e.object.country) for e in events if e.relation.name == "ACCUSE"}


def test_a_one_word_title_with_two_narrower_holders_named_stays_unresolved(extractor: Extractor) -> None:
    text = ("Mexican Foreign Minister Elena Ruiz met Mexican Defence Minister Pablo Ortiz on Monday. "
            "The minister accused Colombia of ignoring the migrants.")
    events = extractor.extract(Article("narrower-titles", text, None, "2024-05-02")).events
    # neither person: the state in focus (extract/official_states.py), which both serve
    assert [e.subject.id for e in events if e.relation.name == "ACCUSE"] == ["country:MEX"]


@pytest.mark.parametrize(("text", "flag_state"), [
    ("Iran seized a Liberian-flagged tanker in the Gulf.", "LBR"),
    ("A Maltese-registered cargo ship was detained by Egypt.", "MLT"),
])
def test_a_vessel_flagged_or_registered_in_a_state_is_that_states(
    extractor: Extractor, text: str, flag_state: str
) -> None:
    """"a Liberian-flagged tanker": the hyphened participle of registry ties the vessel to its flag state."""
    events = extractor.extract(Article("flag", text, None, "2024-05-02")).events
    assert {e.object.country for e in events} == {flag_state}


def test_a_hyphened_participle_other_than_registry_does_not_make_a_states_agent(extractor: Extractor) -> None:
    """"Russian-backed separatists" are backed by Russia, not Russia's own."""
    events = extractor.extract(Article("flag", "Russian-backed separatists attacked Georgian police.", None,
                                       "2024-05-02")).events
    assert all(e.subject.country != "RUS" for e in events)
