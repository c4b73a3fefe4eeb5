"""The other party of relations a state acts on without naming it: "Colombia broke off relations".

A rule of English discourse (a definite null complement): "relations", "ties" and the other
relation nouns (lexicon ``relation_nouns``) hold between two parties, and a writer leaves the
second out only when the reader already knows it: it is the state the article has just told the
subject dealing with. So a verb whose direct object is a bare relation noun ("broke off diplomatic
relations", "restored ties", no "with" phrase, no possessor of its own) takes as its object the
other party of the latest act, in this sentence before it or the two sentences before, between
the subject's state and one other state ("Nicaragua expelled the Colombian ambassador. Colombia
broke off diplomatic relations": Nicaragua). Acts with parties of two or more other states in
that latest sentence leave the partner unknown, and the candidate keeps its drop. Relations that
are had or kept ("maintains ties") are standing states, not acts, and are left alone. The same
holds for envoys recalled with no "from" phrase and no host state in the sentence ("Chile
recalled its ambassador"): a recall is from a state, the one just told dealing with the recaller.
A reason adjunct of the verb that names another state's act comes first: "recalled its ambassador
over Israel's offensive", "broke off relations because of violations by Nicaragua" say whom the
act answers (the agent the reason noun's own phrase names: possessor, adjective or "by" phrase).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.event_memory import EventMemory, RememberedEvent
from extract.patterns import Candidate, Context, actors_of, is_standing_state
from extract.reason_adjuncts import reason_governor
from graph.model import Actor, DropReason, same_state

#: How far back the partner may have been told: this sentence and the two before it, as for "the
#: two countries" (extract/pair_reference.py): further back, other parties have come up.
PARTNER_WINDOW_SENTENCES = 2
#: The partner comes from discourse, not the parse: as certain as a reference back.
PARTNER_CONFIDENCE = 0.6
PARTNER_PAIRING = "relation_partner"
#: The drops of a verb whose object named no actor.
_NO_PARTNER = frozenset({DropReason.NOT_AN_ACTOR, DropReason.NO_OBJECT})
#: Arcs of a relation noun that name its second party or its owner ("ties with Iran", "their ties").
_OWN_PARTY_ARCS = frozenset({"prep", "poss"})
#: Arcs of a noun's modifiers that name who does it: "Israel's offensive", "Israeli strikes".
_AGENT_MODIFIERS = frozenset({"poss", "amod"})


def bare_relation_noun(verb: Token, ctx: Context) -> Token | None:
    """The verb's direct object when it is a relation noun naming no party of its own ("broke off
    relations"; not "relations with Iran", "its ties", "maintained ties"), else None."""
    for noun in children_of(verb):
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in ctx.lexicon.relation_nouns:
            continue
        if is_standing_state(noun, ctx.lexicon):
            return None
        if any(c.dep_ in _OWN_PARTY_ARCS for c in children_of(noun)):
            return None
        return noun
    return None


def with_relation_partner(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """The candidate of a verb acting on a bare relation noun, or of a recall of envoys that says
    not where from, whose subjects are of one state, aimed at the partner the discourse gives
    (module docstring); the candidate as it was when there is no such verb, no partner, or
    partners of several states."""
    recall = candidate.drop is DropReason.NO_HOST_STATE
    if not (recall or candidate.drop in _NO_PARTNER) or not candidate.subjects or candidate.trigger.pos_ != "VERB":
        return candidate  # each reading below is of a verb whose object named no partner
    if not all(same_state(candidate.subjects[0], s) for s in candidate.subjects[1:]):
        return candidate
    noun = (next((c for c in children_of(candidate.trigger) if c.dep_ == "dobj"), candidate.trigger) if recall
            else bare_relation_noun(candidate.trigger, ctx))
    if noun is None:
        return candidate
    partner = reason_partner(candidate.trigger, candidate.subjects[0], ctx) or latest_partner(
        candidate.subjects[0], memory, sentence)
    if partner is None:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("topic", noun.lemma_.lower())}))
    return replace(candidate, objects=(partner,), attributes=attributes, confidence=PARTNER_CONFIDENCE,
                   drop=None, detail="", pairing=PARTNER_PAIRING)


def reason_partner(verb: Token, subject: Actor, ctx: Context) -> Actor | None:
    """The one state of another than ``subject``'s whose act a reason adjunct of ``verb`` names by its
    agent ("over Israel's offensive", "because of violations by Israel"); None when the reasons
    name none, or agents of several states."""
    found = [actor for noun in verb.subtree
             if noun.pos_ == "NOUN" and reason_governor(noun, ctx.ontology.reason_adjuncts, True) == verb
             for actor in _agents(noun, ctx) if actor.country and not same_state(actor, subject)]
    return found[0] if len({actor.country for actor in found}) == 1 else None


def _agents(noun: Token, ctx: Context) -> list[Actor]:
    """Who a noun's phrase names as doing it: its possessor, its adjective ("Israeli strikes") or its
    "by" phrase; not a noun modifier, which names a place or a thing ("the Gaza offensive"), nor a
    possessive pronoun (the subject's own)."""
    named = [child for child in children_of(noun) if child.dep_ in _AGENT_MODIFIERS]
    named += [pobj for prep in children_of(noun) if prep.dep_ == "prep" and prep.lower_ == "by"
              for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    return [actor for token in named if token.pos_ != "PRON" for actor in actors_of(token, ctx)]


def latest_partner(subject: Actor, memory: EventMemory, sentence: int) -> Actor | None:
    """The other party of the latest remembered acts, within the window, between ``subject``'s
    state and another state; None when there are none, or parties of several other states in
    the latest sentence that has one."""
    found: list[Actor] = []
    latest: int | None = None
    for event in memory.recent(sentence, PARTNER_WINDOW_SENTENCES):
        other = _other_party(event, subject)
        if other is None:
            continue
        if latest is not None and event.sentence != latest:
            break
        latest = event.sentence
        found.append(other)
    states = {actor.country for actor in found}
    return found[0] if len(states) == 1 else None


def _other_party(event: RememberedEvent, subject: Actor) -> Actor | None:
    """The party of ``event`` of another state, when the other is of ``subject``'s state."""
    if event.object is None or not subject.country:
        return None
    for mine, other in ((event.subject, event.object), (event.object, event.subject)):
        if same_state(mine, subject) and other.country and not same_state(other, subject):
            return other
    return None
