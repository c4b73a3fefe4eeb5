"""PersonRegistry: the persons of one article and the words that name them again (invented names)."""

from __future__ import annotations

from dataclasses import replace

from extract.person_registry import PersonRegistry
from extract.unknown_actors import UnknownActors
from graph.model import Actor, ActorType


def person(name: str, country: str | None = None, title: str | None = None) -> Actor:
    slug = "-".join(name.lower().split())
    return Actor(f"person:{slug}", name, ActorType.PERSON, country, None, title=title)


def registry() -> PersonRegistry:
    return PersonRegistry(UnknownActors())


def test_a_registered_person_is_found_by_surname_and_full_name() -> None:
    persons = registry()
    marta = persons.register(person("Marta Kovalenko"))
    assert persons.names_a_person("Kovalenko")
    assert persons.by_word("Kovalenko") is marta
    assert persons.by_name("Kovalenko") is marta
    assert persons.by_name("Marta Kovalenko's") is marta  # possessive ending dropped
    assert not persons.names_a_person("Petrenko")


def test_registering_again_returns_the_person_as_registered() -> None:
    persons = registry()
    first = persons.register(person("Marta Kovalenko", "UKR"))
    again = persons.register(person("Marta Kovalenko"))
    assert again is first and again.country == "UKR"


def test_the_first_word_names_the_person_unless_two_persons_share_it() -> None:
    persons = registry()
    tran = persons.register(person("Tran Van Minh"))
    assert persons.by_word("Tran") is tran
    assert persons.by_name("Tran") is tran
    persons.register(person("Tran Thi Lan"))
    assert not persons.names_a_person("Tran")  # shared first word: names neither
    assert persons.names_a_person("Minh") and persons.names_a_person("Lan")


def test_a_surname_wins_over_another_persons_first_word() -> None:
    persons = registry()
    persons.register(person("Abebe Girma"))
    girma = persons.by_word("Girma")
    tesfaye = persons.register(person("Tesfaye Abebe"))
    assert persons.by_word("Abebe") is tesfaye  # a surname replaces a first word
    assert persons.by_word("Girma") is girma


def test_the_last_words_of_a_longer_name_name_its_one_holder() -> None:
    persons = registry()
    long_name = persons.register(person("Daw Khin Myo Thant"))
    assert persons.by_name("Myo Thant") is long_name


def test_a_close_spelling_of_a_registered_name_is_the_same_person() -> None:
    persons = registry()
    written = persons.by_name("Aleksandra Wisniewska")
    persons.register(written)
    assert persons.by_name("Aleksandra Wisniewskaa") is written


def test_an_unknown_name_is_a_new_unregistered_person() -> None:
    persons = registry()
    actor = persons.by_name("  Joran   Velde ")
    assert actor == Actor("person:joran-velde", "Joran Velde", ActorType.PERSON, None, None)
    assert persons.get(actor.id) is None


def test_update_and_add_if_new() -> None:
    persons = registry()
    actor = persons.register(person("Marta Kovalenko"))
    updated = replace(actor, country="UKR", title="prime minister")
    persons.update(updated)
    assert persons.get(actor.id) is updated
    persons.add_if_new(actor)
    assert persons.get(actor.id) is updated  # known: kept as updated
    holder = person("Ilse Brandt", "DEU", "chancellor")
    persons.add_if_new(holder)
    assert persons.get(holder.id) is holder


def test_titled_lists_persons_by_title_and_state() -> None:
    persons = registry()
    pm = persons.register(person("Marta Kovalenko", "UKR", "prime minister"))
    persons.register(person("Ilse Brandt", "DEU", "chancellor"))
    assert persons.titled("UKR", {"prime minister"}) == [pm]
    assert persons.titled(None, {"prime minister", "president"}) == [pm]
    assert persons.titled("DEU", {"prime minister"}) == []
