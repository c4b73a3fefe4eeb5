"""Which earlier acts a definite event noun may name, by rules of English and CAMEO practice
(used by event_reference.py).

- Number: a singular noun ("the move", "the decision") names one act; a plural one ("the
  measures") may gather several (``names_one_act``).
- Own doer: a noun that names its doer ("Moscow's decision", "the move by Ankara", "the
  decision, taken by Hanoi") refers to no earlier act; the reaction is aimed at that doer
  (``names_its_doer``, ``participant_doers``), also from a passive reaction ("The move, announced
  by Ankara, was condemned by Athens").
- A protest: a government that protested an act ("Riga protested the expulsion") complains
  officially (CAMEO 114) to its doer (``official_protest_relation``).
- A defence: a state stands by its own or an ally's act, never one done to it (``not_done_to``).
- Side: a state reacting to "the move" reacts to another's act; CAMEO codes no state's reaction
  to its own act against others as aimed at anyone, so its own acts are no antecedents when
  another's is (``others_acts``): "Russia expelled Estonian diplomats. Estonia expelled a Russian
  one. Moscow condemned the move": Estonia's.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.event_memory import EventMemory, RememberedEvent
from extract.official_protests import OFFICIAL_COMPLAINT_CODE, acts_for_a_government
from extract.patterns import Candidate, Context
from graph.model import Actor, DropReason, same_state


def names_one_act(noun: Token) -> bool:
    """A singular noun: "the move", not "the moves" or "these measures"."""
    return noun.tag_ not in ("NNS", "NNPS") and "Plur" not in noun.morph.get("Number", [])


def others_acts(memory: EventMemory, reactors: tuple[Actor, ...]) -> EventMemory:
    """The memory without the acts of the reactors' own states done alone (a reciprocal act,
    with another party, stays: a party reacting to a deal it made reacts to the other party)."""
    return memory.keeping(lambda event: not _own_act(event, reactors))


def not_done_to(memory: EventMemory, reactors: tuple[Actor, ...]) -> EventMemory:
    """The memory without the acts one of the reactors' states suffered alone: a state defends its
    own or an ally's act, not one done to it ("Lavrov cancelled a visit to Turkey. Erdogan
    defended the action": Turkey's own action, not Russia's)."""
    return memory.keeping(lambda event: event.reciprocal or event.object is None
                          or not any(same_state(r, event.object) for r in reactors))


def _own_act(event: RememberedEvent, reactors: tuple[Actor, ...]) -> bool:
    return not (event.reciprocal and event.object is not None) and any(
        same_state(reactor, event.subject) for reactor in reactors)


#: Prepositions by which a general event anaphor names its own doer ("the decision of the court",
#: "the move by Ankara") or what it is about ("the decision on the talks", "the measures over
#: the dispute"): such a noun names its own act, not the latest one told.
_OWN_ACT_PREPS = frozenset({"of", "by", "on", "about", "over", "regarding", "concerning"})


def names_its_doer(noun: Token) -> bool:
    """A general event anaphor that names its own act: its doer, by a possessive or an "of"/"by"
    phrase ("Moscow's decision", "the decision of the court", "the move by Ankara") or the agent of a
    participle ("the move, announced by Ankara"), or its matter ("the decision on the talks"): it
    refers to no earlier act."""
    return any(c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in _OWN_ACT_PREPS)
               for c in children_of(noun)) or any(c.dep_ == "acl" and _agent_objects(c) for c in children_of(noun))


def participant_doers(noun: Token, ctx: Context) -> tuple[Actor, ...]:
    """The actors an act noun names as its doer: its possessor ("Ankara's move"), the object of its
    "by" ("the move by Ankara"), or, for a general event anaphor, the agent of a participle on it
    ("the move, announced by Ankara", "the decision, taken by Hanoi"): announcing or taking a
    move is making it, while brokering a deal or reporting an attack is not doing it."""
    tokens = [c for c in children_of(noun) if c.dep_ == "poss"]
    tokens += [g for c in children_of(noun) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               for g in children_of(c) if g.dep_ == "pobj"]
    if noun.lemma_.lower() in ctx.ontology.event_nouns.classes:
        tokens += [g for c in children_of(noun) if c.dep_ == "acl" for g in _agent_objects(c)]
    found = (ctx.actor(t) for head in tokens for t in (head, *conjuncts_of(head)))
    return tuple(dict.fromkeys(actor for actor in found if actor is not None))


def _agent_objects(participle: Token) -> list[Token]:
    return [g for c in children_of(participle) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"]


def empathy_event_noun(verb: Token, ctx: Context) -> Token | None:
    """The noun of the event a verb's empathetic comment is over: "expressed sympathy over the
    attack", "offered condolences after the bombing" (event_nouns.toml ``empathy_nouns``, with the
    preposition on the verb or on the empathy noun); None for any other verb."""
    empathy = ctx.ontology.event_nouns.empathy
    for noun in (c for c in children_of(verb) if c.dep_ == "dobj" and c.lower_ in empathy):
        preps = [c for c in (*children_of(verb), *children_of(noun))
                 if c.dep_ == "prep" and c.lower_ in empathy[noun.lower_]]
        for prep in preps:
            event = next((g for g in children_of(prep) if g.dep_ == "pobj"), None)
            if event is not None:
                return event
    return None


def official_protest_relation(candidate: Candidate, ctx: Context) -> str | None:
    """The relation of a government's verb of protesting whose direct object named no actor
    ("Riga protested the expulsion"): an official complaint (CAMEO 114, as official_protests.py
    codes a state's protest), for event_reference.py to aim at the referred act's doer; None for
    any other candidate."""
    verb = candidate.trigger
    if (candidate.drop is not DropReason.NO_OBJECT or verb.pos_ != "VERB" or not candidate.subjects
            or verb.lemma_.lower() not in ctx.ontology.speech_acts.official_protest.verbs
            or not any(c.dep_ == "dobj" for c in children_of(verb))
            or not all(acts_for_a_government(actor) for actor in candidate.subjects)):
        return None
    return ctx.ontology.relation_for_code(OFFICIAL_COMPLAINT_CODE).name


def evaluated_noun(candidate: Candidate, ctx: Context) -> Token | None:
    """The subject of an evaluative predicate that named no actor ("Bogota said the move was
    illegal", "Minsk said the decision was a provocation"): the thing judged, which a reaction is
    aimed at as if it were its object (CAMEO codes "said X's move was illegal" as criticism of X,
    as geokg does when X is named); None for any other candidate."""
    predicate = candidate.trigger
    if (candidate.drop is not DropReason.NOT_AN_ACTOR or not candidate.subjects
            or predicate.pos_ not in ("ADJ", "NOUN") or predicate.dep_ not in ("acomp", "attr")):
        return None
    if ctx.ontology.relation(candidate.relation).cameo[:2] not in ctx.ontology.reaction_roots:
        return None
    return next((c for c in children_of(predicate.head) if c.dep_ == "nsubj"), None)
