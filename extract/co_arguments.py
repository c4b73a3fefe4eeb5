"""The other arguments of a noun's own clause, which a definite description cannot refer to.

A rule of English: a definite description is not bound inside its own clause. Where the
description and another argument of the same verb stand for one actor, English uses a reflexive
("Nepal signed agreements with itself"), so in "Nepal's prime minister returned from China ...
The Himalayan nation signed nine agreements with China" the description cannot be China: the
actors named as the verb's other arguments (its subject, objects, the objects of its
prepositions, a passive's agent) and as their possessors ("criticised Sweden's decision") are
left out of its referents. Clauses below the verb (a reported clause, an infinitive) are not
arguments of it and are not looked into.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.block_index import children_of
from extract.mentions import BlockMentions
from graph.model import Actor

#: Arcs from a verb to a noun argument of its own clause.
_ARGUMENT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"})
#: Arcs from a verb to a phrase whose object is an argument of its clause ("with China", "by Iran").
_PHRASE_ARCS = frozenset({"prep", "agent"})
#: Arcs from a noun argument to a noun that stands with it ("Sweden's decision", "Japan and Korea").
_WITHIN_ARCS = frozenset({"poss", "conj", "compound", "appos"})


def co_argument_actors(token: Token, mentions: BlockMentions) -> list[Actor]:
    """The actors named by the other arguments of the clause ``token`` is an argument of
    (directly or as the object of a preposition), with their possessors and conjuncts; empty
    when ``token`` is no argument of a verb."""
    verb = _clause_verb(token)
    if verb is None:
        return []
    own = _argument_root(token)
    actors: list[Actor] = []
    for argument in _arguments(verb):
        if argument == own:
            continue
        for word in _with_its_own(argument):
            if word.i != token.i and (mention := mentions.get(word.i)) is not None:
                actors.append(mention.actor)
    return actors


def _argument_root(token: Token) -> Token:
    """The argument ``token`` heads, or the preposition phrase it is the object of."""
    return token.head if token.dep_ == "pobj" else token


def _clause_verb(token: Token) -> Token | None:
    """The verb ``token`` is an argument of, directly or through a preposition."""
    root = _argument_root(token)
    arc_ok = root.dep_ in _ARGUMENT_ARCS or (token.dep_ == "pobj" and root.dep_ in _PHRASE_ARCS)
    head = root.head
    return head if arc_ok and head.pos_ in ("VERB", "AUX") and head != root else None


def _arguments(verb: Token) -> Iterator[Token]:
    """The verb's noun arguments and the objects of its prepositions."""
    for child in children_of(verb):
        if child.dep_ in _ARGUMENT_ARCS:
            yield child
        elif child.dep_ in _PHRASE_ARCS:
            yield from (g for g in children_of(child) if g.dep_ == "pobj")


def _with_its_own(argument: Token) -> Iterator[Token]:
    """An argument and the nouns standing with it: possessors, conjuncts, compounds, appositions,
    and the objects of its own prepositions ("agreements with China")."""
    yield argument
    for child in children_of(argument):
        if child.dep_ in _WITHIN_ARCS:
            yield from _with_its_own(child)
        elif child.dep_ == "prep":
            yield from (g for g in children_of(child) if g.dep_ == "pobj")
