"""The words of holding a party responsible for a harm (responsibility.toml) and their loader;
the rule is in extract/responsibility_claims.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.data_tables import load_word_table


class ResponsibilityWordsError(ValueError):
    """responsibility.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ResponsibilityWords:
    """What responsibility.toml says (see its comments)."""

    #: "word preposition" pairs: the adjective and the preposition of its harm
    responsible_adjectives: frozenset[str] = frozenset()
    #: "participle preposition" pairs of a passive clause ("was involved in")
    implicated_participles: frozenset[str] = frozenset()
    doer_prepositions: frozenset[str] = frozenset()
    #: "verb preposition" pairs of "to blame for"
    blame_verbs: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    certainty_adjectives: frozenset[str] = frozenset()


def load_responsibility_words(path: Path) -> ResponsibilityWords:
    """Read responsibility.toml; a missing list raises a ``ResponsibilityWordsError`` naming it."""
    words = load_word_table(path, ResponsibilityWordsError)
    return ResponsibilityWords(
        words("responsible_adjectives"), words("implicated_participles"), words("doer_prepositions"),
        words("blame_verbs"),
        words("harm_nouns"), words("certainty_adjectives"),
    )
