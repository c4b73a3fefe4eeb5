"""Nouns that name an earlier act (event_nouns.toml) and their loader: the nominalisations of
verbs of acts ("expulsion" of "expel"), nouns of a class of acts ("the measures") and nouns of a
text an actor issues ("the resolution")."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


class EventNounsError(ValueError):
    """event_nouns.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class EventNouns:
    """What event_nouns.toml says, by noun lemma."""

    #: noun -> the verbs it is derived from ("expulsion" -> {"expel"})
    derived: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: class noun -> the two-digit CAMEO roots of the acts its class names ("measure" -> {"16", "17"})
    classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: document noun -> the words its issuing is told with ("proposal" -> {"proposal", "propose"})
    documents: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: empathy noun -> the prepositions naming the event it is over ("sympathy" -> {"over", "after"})
    empathy: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def words_of(self, noun: str) -> frozenset[str]:
        """The words an act this noun names may have been told with: the noun and its verbs."""
        return self.derived.get(noun, frozenset()) | {noun}

    def class_roots(self, noun: str) -> frozenset[str]:
        """The CAMEO roots a class noun names; empty for any other noun."""
        return self.classes.get(noun, frozenset())


def load_event_nouns(path: Path, roots: frozenset[str], is_verb_of_act: Callable[[str], bool]) -> EventNouns:
    """Read event_nouns.toml; ``roots`` are the valid CAMEO roots, ``is_verb_of_act`` says whether
    a verb lemma is one the ontology or the verb dictionary codes. A malformed entry raises an
    ``EventNounsError`` naming the file and the entry."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    derived = _word_lists(path, raw, "derived_nouns")
    for noun, verbs in derived.items():
        unknown = sorted(verb for verb in verbs if not is_verb_of_act(verb))
        if unknown:
            raise EventNounsError(f"{path}: derived_nouns.{noun} names verbs no trigger codes: {unknown}")
    classes = _word_lists(path, raw, "class_nouns")
    for noun, listed in classes.items():
        if not listed <= roots:
            raise EventNounsError(f"{path}: class_nouns.{noun} must list CAMEO roots 01-20, got {sorted(listed)}")
    documents = _word_lists(path, raw, "document_nouns")
    for noun, words in documents.items():
        if noun not in words:
            raise EventNounsError(f"{path}: document_nouns.{noun} must list the noun itself among its words")
    empathy = _word_lists(path, raw, "empathy_nouns")
    return EventNouns(derived, classes, documents, empathy)


def _word_lists(path: Path, raw: Mapping[str, object], key: str) -> dict[str, frozenset[str]]:
    """A table of lower-case single words, each mapped to a non-empty list of such words."""
    table = raw.get(key)
    if not isinstance(table, dict):
        raise EventNounsError(f"{path}: [{key}] must be a table")
    found: dict[str, frozenset[str]] = {}
    for word, values in table.items():
        if not _is_word(word) or not isinstance(values, list) or not values or not all(map(_is_word, values)):
            raise EventNounsError(f"{path}: {key}.{word} must map a lower-case word to lower-case words, "
                                  f"got {values!r}")
        found[word] = frozenset(values)
    return found


def _is_word(value: object) -> bool:
    return isinstance(value, str) and value.isalnum() and value == value.lower()
