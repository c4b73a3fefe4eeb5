"""Where a joint act's "between" phrase sits.

The rule of English: "talks between Chile and Peru" names the parties on the noun, and so does a
"between" phrase on the clause whose subject the event noun is, with no object of its own: "talks
were held between Chile and Peru", "talks began between Chile and Peru", "a meeting took place
between ..." (the verb says only that the event happened). An object names something else:
"talks produced a deal between ..." is about the deal."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.light_verbs import Receiving
from extract.noun_agents import is_receiving

_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_ARCS = frozenset({"dobj", "dative", "attr", "oprd"})


def between_objects(noun: Token) -> list[Token]:
    """The objects of "between" on the noun, else on the clause of which it is the subject."""
    own = _between(noun)
    if own or noun.dep_ not in _SUBJECT_ARCS:
        return own
    clause = noun.head
    if any(c.dep_ in _OBJECT_ARCS and not _is_take_place(clause, c) for c in children_of(clause)):
        return []
    return _between(clause)


def _is_take_place(verb: Token, obj: Token) -> bool:
    """ "take place" is one verb meaning "happen"; its "place" is no object."""
    return verb.lemma_.lower() == "take" and obj.lemma_.lower() == "place"


def _between(token: Token) -> list[Token]:
    return [g for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "between"
            for g in children_of(c) if g.dep_ == "pobj"]


@dataclass(frozen=True)
class ReceivedJointAct:
    """A joint act received: who it came from (the "from" phrase) and the verb of receiving, whose
    subject is the other party."""

    senders: tuple[Token, ...]
    receiver_verb: Token


def received_joint_act(noun: Token, receiving: Receiving) -> ReceivedJointAct | None:
    """The rule of English: a joint act (a call, a meeting) named as the direct object of a verb of
    receiving ("received a phone call from X", "got a call from X") was between the receiver and
    whoever the "from" phrase (on the noun or the verb) names. None for any other noun."""
    verb = noun.head
    if noun.dep_ != "dobj" or not is_receiving(verb, receiving):
        return None
    senders = [g for owner in (noun, verb) for c in children_of(owner) if c.dep_ == "prep" and c.lower_ == "from"
               for g in children_of(c) if g.dep_ == "pobj"]
    return ReceivedJointAct(tuple(senders), verb) if senders else None


#: Prepositions that name what a call or appeal asks for ("a call for calm", "a call on X to ...").
_CONTENT_PREPOSITIONS = frozenset({"for", "on"})
_CLAUSE_ARCS = frozenset({"acl", "relcl", "advcl", "xcomp"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def names_its_content(noun: Token, preps: tuple[str, ...]) -> bool:
    """Whether the noun, or the verb it is the object of, has a complement saying what is asked:
    a preposition of its trigger or "for"/"on" whose object is no date ("a call for calm", "a call
    on X"), or an infinitive ("a call from X to end the war"); then the noun is that act, not a joint one."""
    preps_here = _CONTENT_PREPOSITIONS | set(preps)
    for owner in (noun, noun.head):
        for c in children_of(owner):
            if c.dep_ == "prep" and c.lower_ in preps_here and any(
                    g.dep_ == "pobj" and g.ent_type_ not in _TIME_ENTITIES for g in children_of(c)):
                return True
            if c.dep_ in _CLAUSE_ARCS and any(g.dep_ == "aux" and g.lower_ == "to" for g in children_of(c)):
                return True
    return False
