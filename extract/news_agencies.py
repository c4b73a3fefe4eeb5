"""News agencies, the tellers of stories: never a party to the events a story reports.

A wire story names its agency in the dateline ("BEIJING (Reuters) - "), in attributions ("told
Reuters", "AFP reported"), in credits and footers. The dateline is blanked before parsing
(extract/text.py); an agency named in a sentence is read as an actor like any organisation, and
a triple with an agency as subject or object is dropped here with a countable reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.data_tables import load_word_table
from graph.model import Actor, ActorType


class NewsAgenciesError(ValueError):
    """news_agencies.toml is malformed."""


@dataclass(frozen=True)
class NewsAgencies:
    """The names of news agencies, lower case with single spaces and no leading "the"."""

    names: frozenset[str]

    def names_agency(self, actor: Actor) -> bool:
        """Whether ``actor`` is a news agency: an actor that is no state or region whose name or an
        alias is an agency's name (a name no gazetteer knows may be read as a person's)."""
        if actor.type in (ActorType.COUNTRY, ActorType.REGION):
            return False
        return any(_normalised(name) in self.names for name in (actor.name, *actor.aliases))


def _normalised(name: str) -> str:
    words = name.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def load_news_agencies(path: Path) -> NewsAgencies:
    """Read news_agencies.toml; a malformed file raises a one-line ``NewsAgenciesError`` naming it."""
    names = load_word_table(path, NewsAgenciesError, "agencies")("names")
    return NewsAgencies(frozenset(_normalised(name) for name in names))
