"""Which organisations' names have a word: one index of the gazetteer's organisation names and
aliases, built once, so that a description read from names ("the council", "the court") asks a
table instead of reading every organisation's names again (extract/epithets.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from extract.gazetteer import Organization


@dataclass(frozen=True)
class OrganisationNames:
    """The actor ids (``org:<id>``) of the organisations whose name or an alias has each word,
    the words in lower case and split at white space."""

    actors_by_word: Mapping[str, frozenset[str]]

    @staticmethod
    def of(organizations: Iterable[Organization]) -> OrganisationNames:
        found: dict[str, set[str]] = {}
        for organization in organizations:
            actor_id = f"org:{organization.id}"
            for form in (organization.name, *organization.aliases):
                for word in form.lower().split():
                    found.setdefault(word, set()).add(actor_id)
        return OrganisationNames({word: frozenset(ids) for word, ids in found.items()})

    def named_with(self, word: str) -> frozenset[str]:
        """The organisations whose name or an alias has ``word`` (lower case) as a whole word."""
        return self.actors_by_word.get(word, frozenset())
