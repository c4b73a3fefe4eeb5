"""Epithets of states and organisations: descriptions that carry a property ("the kingdom", "the
Gulf state", "the island nation", "the Islamic Republic", "the alliance", "the bloc", "the council")
and plural nouns of mutual relation that name a pair ("the neighbours", "the rivals").

A rule of English discourse: a definite description refers to the most recent compatible
antecedent: one of its kind (``extract.description_reference``) that also has the property its
words carry. The properties (which states are kingdoms, islands, Gulf states; which organisations
are alliances or blocs) are data (epithets.toml); "the council", "the court" and "the agency" take
the property from the organisations' own names. A description with a property that no actor
named in the window has refers to nothing.

A pair reference refers to the pair of the latest event between two parties; a verb's subject and
object of which one belongs to a pair put together before and the other does not is a third party
acting on (or acted on by) one of that pair ("Armenia and Azerbaijan held talks. Russia urged
Azerbaijan ... The two sides"), and is not the pair under discussion.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Token

from extract.block_index import children_of
from extract.mentions import BlockMentions
from extract.organisation_names import OrganisationNames
from graph.model import Actor


class EpithetsError(ValueError):
    """epithets.toml is missing or malformed."""


@dataclass(frozen=True)
class Epithet:
    """A property a description's words carry: its head lemmas (empty: any head), the words before
    the head of which one must be present (empty: none needed), and the actors that have it (ISO
    codes of states, or organisation actor ids)."""

    heads: frozenset[str]
    modifiers: frozenset[str]
    members: frozenset[str]

    def applies(self, head: str, words: frozenset[str]) -> bool:
        """Whether a description with head lemma ``head`` and words ``words`` before it carries it."""
        return (not self.heads or head in self.heads) and (not self.modifiers or bool(self.modifiers & words))


@dataclass(frozen=True)
class Epithets:
    """The state and organisation epithets, the organisation nouns read from names, and the plural
    nouns of mutual relation."""

    states: tuple[Epithet, ...]
    organisations: tuple[Epithet, ...]
    named_organisation_heads: frozenset[str]
    mutual_pair_nouns: frozenset[str]

    @cached_property
    def modifier_words(self) -> frozenset[str]:
        """Every word that carries a state property before a head ("gulf", "soviet", "islamic"),
        built once (it was rebuilt at every reading)."""
        return frozenset(word for epithet in self.states for word in epithet.modifiers)

    @cached_property
    def proper_heads(self) -> frozenset[str]:
        """State heads that an epithet names with a capital ("the Islamic Republic"), built once
        (it was rebuilt at every capitalised proper noun a description was looked for at)."""
        return frozenset(head for epithet in self.states if epithet.modifiers for head in epithet.heads)


def _words(path: Path, raw: Mapping[str, object], key: str) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise EpithetsError(f"{path}: {key} must be a list of words")
    return frozenset(word.lower() for word in value)


def _entries(path: Path, raw: Mapping[str, object], table: str,
             members: Mapping[str, frozenset[str]], prefix: str) -> tuple[Epithet, ...]:
    entries = raw.get(table, [])
    if not isinstance(entries, list):
        raise EpithetsError(f"{path}: [[{table}]] must be an array of tables")
    found: list[Epithet] = []
    for number, entry in enumerate(entries, start=1):
        named = entry.get("members") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(named, str) or named not in members:
            raise EpithetsError(f"{path}: {table} entry {number} must name a list of [members], got {named!r}")
        heads = _words(path, entry, "heads") if "heads" in entry else frozenset()
        modifiers = _words(path, entry, "modifiers") if "modifiers" in entry else frozenset()
        if not heads and not modifiers:
            raise EpithetsError(f"{path}: {table} entry {number} needs heads or modifiers")
        found.append(Epithet(heads, modifiers, frozenset(prefix + m for m in members[named])))
    return tuple(found)


def load_epithets(path: Path) -> Epithets:
    """Read epithets.toml; a missing or malformed file raises a one-line ``EpithetsError`` naming it."""
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise EpithetsError(f"{path}: cannot read epithets ({error})") from error
    lists = raw.get("members")
    if not isinstance(lists, dict):
        raise EpithetsError(f"{path}: [members] table missing")
    members = {name: frozenset(_words(path, lists, name)) for name in lists}
    states = _entries(path, raw, "state", {k: frozenset(v.upper() for v in s) for k, s in members.items()}, "")
    organisations = _entries(path, raw, "organisation", members, "org:")
    return Epithets(states, organisations, _words(path, raw, "named_organisation_heads"),
                    _words(path, raw, "mutual_pair_nouns"))


def words_before(token: Token) -> frozenset[str]:
    """The lower-case words of a noun phrase before its head, hyphenated words kept whole
    ("the oil-rich state": "the", "oil-rich")."""
    return frozenset(token.doc[token.left_edge.i : token.i].text.lower().split())


def state_members(token: Token, epithets: Epithets) -> frozenset[str] | None:
    """The ISO codes of the states a state description's epithets allow (their intersection), or
    None when its words carry no property."""
    head, words = token.lemma_.lower(), words_before(token)
    return _intersection(e.members for e in epithets.states if e.applies(head, words))


def organisation_members(
    token: Token, epithets: Epithets, names: OrganisationNames,
) -> frozenset[str] | None:
    """The actor ids of the organisations an organisation description allows: those its epithets
    list, and for a noun read from names those whose name or alias has the word (``names``, the
    gazetteer's organisation names by word); None when neither applies."""
    head, words = token.lemma_.lower(), words_before(token)
    allowed = [e.members for e in epithets.organisations if e.applies(head, words)]
    if head in epithets.named_organisation_heads:
        allowed.append(names.named_with(head))
    return _intersection(allowed)


def _intersection(sets: Iterable[frozenset[str]]) -> frozenset[str] | None:
    result: frozenset[str] | None = None
    for members in sets:
        result = members if result is None else result & members
    return result


def is_proper_epithet(token: Token, epithets: Epithets) -> bool:
    """A capitalised state head that an epithet with a modifier names ("the Islamic Republic")."""
    return (token.tag_ == "NNP" and token.text.istitle() and token.lower_ in epithets.proper_heads
            and state_members(token, epithets) is not None)


def is_mutual_pair(token: Token, epithets: Epithets) -> bool:
    """ "the neighbours", "the rivals": a plural noun of mutual relation with "the" as its only
    determiner and no number (a number makes it a pair or group reference of its own)."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in epithets.mutual_pair_nouns:
        return False
    lefts = [c for c in children_of(token) if c.i < token.i]
    determiners = [c.lower_ for c in lefts if c.dep_ in ("det", "predet")]
    return determiners == ["the"] and not any(c.dep_ in ("nummod", "poss") for c in lefts)


class ActDyad(NamedTuple):
    """The subject and object of one verb ("Russia urged Azerbaijan"), as against two conjuncts."""

    agent: Actor
    patient: Actor


def without_third_party_acts(dyads_recent_first: Sequence[tuple[Actor, Actor]]) -> list[tuple[Actor, Actor]]:
    """The dyads (most recent first) without those that are a third party's act on one of a pair
    put together before: a verb's subject and object of which exactly one belongs to an older dyad
    kept (read oldest first, so the pair first put together stays the pair under discussion)."""
    kept: list[tuple[Actor, Actor]] = []
    for dyad in reversed(dyads_recent_first):
        ids = {dyad[0].id, dyad[1].id}
        if isinstance(dyad, ActDyad) and any(len(ids & {a.id, b.id}) == 1 for a, b in kept):
            continue
        kept.append(dyad)
    return kept[::-1]


def named_by_another(token: Token, allowed: frozenset[str], mentions: BlockMentions) -> bool:
    """Whether a noun read from organisations' names ("the agency") also heads an earlier phrase of
    the block that names none of the ``allowed`` organisations ("Russia's Tass news agency",
    "Pakistan's Supreme Court"): that phrase is as recent a compatible antecedent, and the reader
    cannot tell which is meant."""
    head = token.lemma_.lower()
    for earlier in token.doc[: token.i]:
        if earlier.lemma_.lower() != head or earlier.pos_ not in ("NOUN", "PROPN"):
            continue
        mention = mentions.get(earlier.i)
        if mention is None or mention.actor.id not in allowed:
            return True
    return False


def as_organisation_holders(
    actors: Iterable[Actor], office_organisation: Callable[[Actor], Actor | None],
) -> Iterator[Actor]:
    """The actors with each person who holds an office of an organisation ("NATO Secretary-General
    Jens Stoltenberg") given as that organisation: for a description of an organisation ("the
    alliance") the office holder stands for it, as a state's official stands for the state in a
    description of a state."""
    for actor in actors:
        yield office_organisation(actor) or actor
