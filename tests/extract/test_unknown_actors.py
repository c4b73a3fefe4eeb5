"""Names no gazetteer knows (extract/unknown_actors.py): one actor per name and type in an article."""

from __future__ import annotations

from extract.unknown_actors import UnknownActors, normalised_name, slug, without_possessive
from graph.model import Actor, ActorType

FRONT = Actor("org:coastal-liberty-front", "Coastal Liberty Front", ActorType.ORGANIZATION)
PERSON = Actor("person:joran-velde", "Joran Velde", ActorType.PERSON)


def test_equal_names_aliases_and_close_spellings_find_the_same_actor() -> None:
    unknown = UnknownActors()
    unknown.add(FRONT, ("Coastal Liberty Front", "CLF"))
    assert unknown.find(ActorType.ORGANIZATION, "coastal liberty front") is FRONT
    assert unknown.find(ActorType.ORGANIZATION, "Some Other Name", ("CLF",)) is FRONT
    assert unknown.find(ActorType.ORGANIZATION, "Coastal Libery Front") is FRONT  # a close spelling
    assert unknown.find(ActorType.GROUP, "Coastal Liberty Front") is FRONT  # groups and organisations: one kind


def test_a_name_never_gets_two_types_and_short_names_match_exactly() -> None:
    unknown = UnknownActors()
    unknown.add(FRONT, ("Coastal Liberty Front", "CLF"))
    unknown.add(PERSON, ("Joran Velde",))
    assert unknown.find(ActorType.PERSON, "Coastal Liberty Front") is None
    assert unknown.find(ActorType.ORGANIZATION, "Joran Velde") is None
    assert unknown.find(ActorType.ORGANIZATION, "CLX") is None  # an acronym is not spelt closely


def test_names_ids_and_possessives() -> None:
    assert normalised_name("the CLF's fighters", lambda word: word == "fighters") == ("CLF", ())
    assert normalised_name("Coastal Liberty Front (CLF)", lambda word: False) == ("Coastal Liberty Front", ("CLF",))
    assert without_possessive("FRONT'S") == "FRONT" and without_possessive("Fighters\u2019") == "Fighters"
    assert slug("Ñuble Liberation Front") == "nuble-liberation-front"
    assert slug("!!!") == "unnamed"
