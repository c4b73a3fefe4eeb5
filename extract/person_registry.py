"""The persons named in one article so far, and the words that name them again later.

"Viktor Orbán" registered once is found again as "Orbán", as "Kim" after "Kim Jong Un" (a
name's first word), as "Suu Kyi" after "Aung San Suu Kyi" (its last words) or under a close
spelling; what a later title or apposition says of a person updates the registered actor.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from extract.gazetteer import fold
from extract.unknown_actors import UnknownActors, slug, without_possessive
from graph.model import Actor, ActorType


@dataclass
class PersonRegistry:
    """One article's persons by id, with the folded words (surnames, first words) that name them.

    ``unknown`` is the article's register of names no gazetteer knows, shared with organisations
    so that one name never gets two types."""

    unknown: UnknownActors
    persons: dict[str, Actor] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # folded word -> person id
    first_names: set[str] = field(default_factory=set)  # keys of ``surnames`` that are a name's first word
    shared_first_names: set[str] = field(default_factory=set)
    #: (title, state) of each singular title the article named with its state but no known holder
    #: ("Uganda's foreign minister" when the lists know none): a later bare title may mean it
    unheld_titles: set[tuple[str, str]] = field(default_factory=set)

    def get(self, person_id: str) -> Actor | None:
        return self.persons.get(person_id)

    def names_a_person(self, word: str) -> bool:
        """Whether a single word (as written) is the surname or first word of a person named before."""
        return fold(word) in self.surnames

    def by_word(self, word: str) -> Actor:
        """The person a single word names (``names_a_person`` must hold)."""
        return self.persons[self.surnames[fold(word)]]

    def titled(self, country: str | None, titles: Collection[str]) -> list[Actor]:
        """The persons of the article with one of these titles (and this state, unless None)."""
        return [p for p in self.persons.values() if (country is None or p.country == country) and p.title in titles]

    def register(self, actor: Actor) -> Actor:
        """Remember a person for later surname and title references in the article; a person
        registered before is returned as registered."""
        known = self.persons.get(actor.id)
        if known is not None:
            actor = known
        self.persons[actor.id] = actor
        parts = fold(actor.name).split()
        surname = parts[-1]
        if len(parts) > 1 or surname not in self.surnames:
            self.surnames[surname] = actor.id
            self.first_names.discard(surname)
        if len(parts) > 1:
            self._register_first_name(parts[0], actor.id)
        return actor

    def update(self, actor: Actor) -> None:
        """Replace what is known of a person (their state, sector or title)."""
        self.persons[actor.id] = actor

    def add_if_new(self, actor: Actor) -> None:
        """Remember a person (an office holder found by role) unless already known."""
        self.persons.setdefault(actor.id, actor)

    def by_name(self, text: str) -> Actor:
        """The person a name written in the text refers to: a person named before (by surname,
        first word, full name, last words or a close spelling), else a new, unregistered actor."""
        name = without_possessive(re.sub(r"\s+", " ", text).strip()).strip(" ,.")
        key = fold(name)
        parts = key.split()
        if len(parts) == 1 and key in self.surnames:
            return self.persons[self.surnames[key]]
        if len(parts) == 1:
            # East Asian order puts the family name first: "Kim" after "Kim Jong Un"
            first_named = [
                p for p in self.persons.values() if len(p.name.split()) > 2 and fold(p.name).split()[0] == key
            ]
            if len(first_named) == 1:
                return first_named[0]
        person_id = f"person:{slug(name)}"
        if person_id in self.persons:
            return self.persons[person_id]
        if parts and parts[-1] in self.surnames:
            known = self.persons[self.surnames[parts[-1]]]
            if fold(known.name).split()[0] == parts[0]:
                return known
        ending = self._ending_with(parts)
        if ending is not None:
            return ending  # "Suu Kyi" after "Aung San Suu Kyi"
        similar = self.unknown.find(ActorType.PERSON, name)
        if similar is not None and similar.id in self.persons:
            return self.persons[similar.id]  # a spelling variant of a person named earlier
        actor = Actor(person_id, name, ActorType.PERSON, None, None)
        if len(parts) > 1:
            self.unknown.add(actor, (name,))
        return actor

    def _ending_with(self, parts: list[str]) -> Actor | None:
        """The one person of the article whose longer name ends with these two or more words
        (folded): a later mention by the family name of several words."""
        if len(parts) < 2:
            return None
        found = [p for p in self.persons.values()
                 if len(names := fold(p.name).split()) > len(parts) and names[-len(parts):] == parts]
        return found[0] if len(found) == 1 else None

    def _register_first_name(self, word: str, person_id: str) -> None:
        """Many naming customs refer to a person by the first word of the name: the family name
        in Chinese, Korean or Vietnamese ("Wang" for Wang Yi, "Kim" for Kim Jong Un), the given
        name in Ethiopian, Eritrean or Icelandic ("Abiy" for Abiy Ahmed). The first word names the
        person too, unless it is another person's surname or two persons of the article share it."""
        if word in self.shared_first_names:
            return
        known = self.surnames.get(word)
        if known is None:
            self.surnames[word] = person_id
            self.first_names.add(word)
        elif known != person_id and word in self.first_names:
            del self.surnames[word]
            self.first_names.discard(word)
            self.shared_first_names.add(word)
