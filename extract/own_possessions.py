"""A state acting on what it owns does not act on its people.

A state's conflict act on its own state is read as done to its population ("Turkish authorities
imposed a curfew in Turkey"). When the only mention of that state in the sentence is a possessive
pronoun on the thing acted on ("closed its airspace", "broke with its tradition"), the object is the
state's own possession: the act relates the state to no one, and the pair is a self-loop. A
possessive inside a locative adjunct still names where the act falls ("a curfew in its southern
provinces": its people there), so it keeps the population reading.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from extract.mentions import Mention, MentionKind
from graph.model import Actor

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def only_possessed(trigger: Token, state: Actor, mentions: Mapping[int, Mention],
                   locative_prepositions: frozenset[tuple[str, ...]]) -> bool:
    """Every mention of ``state`` in what the trigger governs, its subjects aside, is a possessive
    pronoun on a noun that is not the object of a locative preposition (and there is at least one)."""
    subjects = {token.i for child in trigger.children if child.dep_ in _SUBJECT_DEPS for token in child.subtree}
    found = [token for token in trigger.subtree
             if token.i not in subjects
             and (mention := mentions.get(token.i)) is not None and mention.actor.id == state.id]
    return bool(found) and all(_possessive_on_a_thing(token, mentions, locative_prepositions) for token in found)


def _possessive_on_a_thing(token: Token, mentions: Mapping[int, Mention],
                           locative_prepositions: frozenset[tuple[str, ...]]) -> bool:
    mention = mentions[token.i]
    if mention.kind is not MentionKind.PRONOUN or token.dep_ != "poss":
        return False
    owned = token.head
    return not (owned.dep_ == "pobj" and (owned.head.lower_,) in locative_prepositions)
