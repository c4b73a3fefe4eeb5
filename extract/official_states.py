"""The state in focus, and the state of an official whose title names none.

News writing names a state's officials by their office alone once the text is about that
state: a sentence whose subject is the state, then "Trade Minister <name> said ...". A person
the gazetteer does not know, with no state of their own and a title that is an office held at
home (lexicon ``home_office_roles``: heads of state or government, ministers, spokespeople, a
title naming a state institution; not envoys posted abroad), acts for the state the text is
centred on (``state_in_focus``): the state that is the uncoordinated subject of the sentence
before. Failing that, a head of state or government acts for the one state its block names
("President Yoweri Museveni" in a block naming only Uganda), leaving out the parties of the
official's own act ("President Boric met Argentine officials", "arrived in Buenos Aires": the one a
head of state meets or visits is another state's). extract/definite_offices.py gives
a definite government office with no antecedent ("The ministry said ...") the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.block_index import block_sentences, children_of, conjuncts_of, span_root
from extract.mentions import Mention
from extract.role_spans import HEAD_ROLES
from graph.model import Actor, ActorType

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: Arcs of a verb's other parties: its objects and its prepositional phrases.
_PARTY_DEPS = ("dobj", "dative", "prep", "agent")
_ORDINALS = ("first", "second")  # "first deputy prime minister" (extract/role_spans.py)
_SUBJECT_QUALIFIER_DEPS = ("poss", "amod", "compound", "nmod")  # "South Korea's ministry", "the Korean government"


@dataclass(frozen=True)
class OfficialStates:
    """What decides an untitled official's state in one block: the offices held at home, whether
    the gazetteer knows a person, and the state subject of the sentence before the block."""

    home_office_roles: Collection[str]
    knows_person: Callable[[str], bool]  # whether the gazetteer knows a person id (without "person:")
    subject_before_block: Actor | None  # the state subject of the block's preceding sentence
    office_modifiers: Collection[str] = ()  # "deputy foreign minister" holds a home office too
    past_office_modifiers: Collection[str] = ()  # "former president" holds none
    agent_nouns: Collection[str] = ()  # one-word role and agent nouns ("officials", "troops"): parties of an act

    def resolve(self, doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
        """``mentions`` with every untitled official given the state the text is centred on."""
        if not any(self._is_stateless_official(mention.actor) for mention in mentions):
            return list(mentions)  # most blocks: nothing to place, no sentence to read
        by_token = {i: mention for mention in mentions for i in range(mention.start, mention.end)}
        sentences = list(block_sentences(doc))
        placed: dict[str, Actor] = {}  # a later mention of a placed official ("Lumbe said") is placed too
        result = []
        for mention in mentions:
            actor = mention.actor
            if actor.id in placed and actor.type is ActorType.PERSON and actor.country is None:
                actor = placed[actor.id]
            elif self._is_stateless_official(actor):
                state = state_in_focus(doc[mention.start], sentences, by_token, self.subject_before_block)
                if state is None and actor.title in HEAD_ROLES:
                    official = span_root(doc, mention.start, mention.end)
                    state = _only_state(mentions, _counterparts(official, by_token, self.agent_nouns))
                if state is not None:
                    actor = placed[actor.id] = _acting_for(actor, state)
            unchanged = actor is mention.actor
            result.append(mention if unchanged else Mention(mention.start, mention.end, actor, mention.kind))
        return result

    def _is_stateless_official(self, actor: Actor) -> bool:
        return (
            actor.type is ActorType.PERSON
            and actor.country is None
            and self._holds_home_office(actor.title)
            and not self.knows_person(actor.id.removeprefix("person:"))
            and not (actor.cameo and actor.cameo[:3] in ("IGO", "NGO"))
        )

    def _holds_home_office(self, title: str | None) -> bool:
        """A home office, or one a modifier makes another office of the same government ("deputy
        foreign minister", "acting president"); not a past one ("former president")."""
        words = (title or "").split()
        while words[:-1] and (words[0] in self.office_modifiers or words[0] in _ORDINALS):
            if words[0] in self.past_office_modifiers:
                return False
            words = words[1:]
        return " ".join(words) in self.home_office_roles



def state_in_focus(token: Token, sentences: Sequence[Span], by_token: Mapping[int, Mention],
                   subject_before_block: Actor | None) -> str | None:
    """The state the text is centred on at ``token``: the state subject of the sentence before
    its own (``subject_before_block`` for a block's first sentence), if that names one."""
    index = next(n for n, sentence in enumerate(sentences) if sentence.start <= token.i < sentence.end)
    if index == 0:
        return _state_of(subject_before_block)
    return _state_of(_subject_state(sentences[index - 1], by_token))


def _subject_state(sentence: Span, by_token: Mapping[int, Mention]) -> Actor | None:
    """The state or person of a state named as the (uncoordinated) subject of ``sentence``'s main
    clause, or as the possessor or qualifier of that subject ("South Korea's trade ministry said")."""
    for child in children_of(sentence.root):
        if child.dep_ not in _SUBJECT_DEPS or conjuncts_of(child):
            continue  # a coordinated subject ("France and Saudi Arabia") centres on no one state
        for token in (child, *(c for c in children_of(child) if c.dep_ in _SUBJECT_QUALIFIER_DEPS)):
            mention = by_token.get(token.i)
            if mention is not None and _state_of(mention.actor) is not None:
                return mention.actor
    return None


def _state_of(actor: Actor | None) -> str | None:
    if actor is None or actor.type not in (ActorType.COUNTRY, ActorType.PERSON):
        return None
    return actor.country


def _only_state(mentions: Sequence[Mention], left_out: Collection[int] = ()) -> str | None:
    """The one state the mentions name, those starting at ``left_out`` aside."""
    states = {m.actor.country for m in mentions
              if m.actor.type is ActorType.COUNTRY and m.actor.country and m.start not in left_out}
    return next(iter(states)) if len(states) == 1 else None


def _counterparts(official: Token, by_token: Mapping[int, Mention], agent_nouns: Collection[str]) -> frozenset[int]:
    """The words of the other parties of the act the official is the subject of: the verb's
    objects and prepositional objects that are actors or agent nouns themselves, with their
    modifiers ("met [Argentine officials]", "arrived in [Buenos Aires]"); not a thing the act is
    done to ("opened the Malawi parliament"), nor the verb's clauses ("said Uganda would")."""
    if official.dep_ not in _SUBJECT_DEPS:
        return frozenset()
    arguments = [child for child in children_of(official.head) if child.dep_ in _PARTY_DEPS]
    arguments += [pobj for child in arguments if child.dep_ in ("prep", "agent")
                  for pobj in children_of(child) if pobj.dep_ == "pobj"]
    return frozenset(token.i for argument in arguments
                     if argument.i in by_token or argument.lower_ in agent_nouns for token in argument.subtree)


def _acting_for(official: Actor, state: str) -> Actor:
    sector = official.sector or "GOV"
    return Actor(official.id, official.name, ActorType.PERSON, state, sector,
                 title=official.title, cameo=state + sector)
