"""Composed events told by the noun of a verb: "Japan's suspension of aid to Myanmar", "China's
lifting of restrictions on Philippine bananas", "the lifting of sanctions on Iran by the EU",
"Peru's withdrawal from the agreement with Chile".

The noun of a verb of a class in light_verbs.toml (its ``nominal.nominalisations``, or a gerund
noun of a listed verb) composes with its "of" complement (or the object of the verb's preposition:
"withdrawal from") as the verb composes with its object: the noun class gives the CAMEO code for
the verb class (extract/light_verb_candidates.py). The act's agent is the noun's possessor or
demonym ("Japan's", "the Japanese suspension"), its "by" phrase, the agent a participle or relative
clause on it names (extract/noun_agents.py), else the subject of the verb governing it as for any
event noun ("Japan announced the suspension of aid"; none under a verb opposing it). Its
counterpart is named in the complement's phrase ("aid to Myanmar") or on the noun itself. The act
supersedes the readings of the noun and of the event words inside its complement: the lifted
sanctions on Iran are no sanction imposed.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from extract.block_index import children_of
from extract.event_reference import reaction_relation
from extract.light_verb_candidates import (
    CONFIDENCE,
    ComposedAct,
    composed_code,
    composing_nouns,
    phrase_of,
    relation_for,
    with_acts,
)
from extract.light_verbs import NounClass, VerbEntry
from extract.noun_agents import clause_roles, governing_verb, is_receiving, noun_roles
from extract.ontology import Trigger
from extract.patterns import (
    Candidate,
    Context,
    Found,
    ObjectFound,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    modifier_actors,
    noun_governor_subject,
    prep_objects,
    resolve_object,
)
from graph.model import Actor, DropReason


def with_noun_events(tokens: Iterable[Token], candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates with every composed event told by a noun of a verb added, superseding the
    candidates at the noun and inside its complement (``duplicate`` drops), and reactions to an act
    whose agent a clause on its noun names aimed at that agent."""
    acts = [act for token in tokens if token.pos_ == "NOUN" and ctx.actor(token) is None
            for act in nominal_acts(token, ctx)]
    return [received_act(reaction_to_named_agent(spoken_sense(c, ctx), ctx), ctx) for c in with_acts(candidates, acts)]


#: Drops of a noun candidate that found no agent.
_AGENT_MISSING = frozenset({DropReason.NO_SUBJECT, DropReason.UNRESOLVED_REFERENCE})


def spoken_sense(candidate: Candidate, ctx: Context) -> Candidate:
    """A noun naming both a deed and a spoken act ("protest": a demonstration, CAMEO 14, or a formal
    protest, 114) is the spoken act when a "from" phrase names who it comes from: "a protest from
    Japan" is lodged by Japan, while crowds protest "in" a place. The noun's trigger of a relation
    whose nouns take their agent from "from" (light_verbs.toml ``from_agent_roots``) then pairs it;
    the candidate as it was otherwise."""
    noun = candidate.trigger
    if noun.pos_ != "NOUN" or candidate.drop not in _AGENT_MISSING:
        return candidate
    receiving = ctx.ontology.light_verbs.receiving
    roots = receiving.from_agent_roots
    if ctx.ontology.relation(candidate.relation).cameo[:2] in roots:
        return candidate
    spoken = [t for t in ctx.ontology.triggers_for("NOUN", noun.lemma_.lower())
              if ctx.ontology.relation(t.relation).cameo[:2] in roots]
    if not spoken:
        return candidate
    trig = spoken[0]
    roles = noun_roles(noun, ctx.lexicon, receiving, ctx.ontology.relation(trig.relation).cameo[:2], trig.preps)
    agents = [a for t in roles.agents for a in actors_of(t, ctx)] if roles.source == "from" else []
    if not agents:
        return candidate
    found = resolve_object(prep_objects(noun, trig.preps), ctx, trig)
    if not found.actors and roles.receiver_verb is not None:
        found = resolve_object(list(clause_subject(roles.receiver_verb, ctx).tokens), ctx, trig)
    attributes = [found.attribute] if found.attribute else []
    subject_found = Found(roles.agents, 0.85)
    parties = Parties(tuple(agents), subject_found, found.actors, found.used, found.token_seen)
    return finish_candidate(noun, trig, parties, attributes, 0.8 * 0.85, ctx)


#: CAMEO root of consultations: a visit or a meeting received is hosted (043), an event of its own.
_CONSULT_ROOT = "04"
#: CAMEO 041 "Discuss by telephone": a telephone call received is no visit, so it is not hosted.
_TELEPHONE_CODE = "041"


def received_act(candidate: Candidate, ctx: Context) -> Candidate:
    """A verb of receiving (light_verbs.toml ``receiving``) whose direct object names an act ("Kenya
    received China's aid", "Kenya received aid from China") reports that act, which the noun's own
    candidate pairs from giver to receiver: the verb is no event of its own (no hosting), unless it
    reacts (accepting an offer: CAMEO 03) or the act is a visit or meeting, which is hosted."""
    verb = candidate.trigger
    receiving = ctx.ontology.light_verbs.receiving
    if candidate.drop is not None or verb.pos_ != "VERB" or not is_receiving(verb, receiving):
        return candidate
    if ctx.ontology.relation(candidate.relation).cameo[:2] in ctx.ontology.reaction_roots:
        return candidate
    for noun in (c for c in children_of(verb) if c.dep_ == "dobj"):
        for held in (noun, *_amount_nouns(noun)):
            codes = {ctx.ontology.relation(t.relation).cameo for t in ctx.ontology.triggers_for("NOUN",
                                                                                                held.lemma_.lower())}
            in_person = {code[:2] for code in codes if code != _TELEPHONE_CODE}
            if codes and _CONSULT_ROOT not in in_person:
                detail = f"'{verb.lemma_}' receives the act its object '{held.lemma_}' names"
                return Candidate(verb, candidate.relation, (), (), (), 0.0, DropReason.DUPLICATE, detail)
    return candidate


#: A reaction aimed at the agent its object's clause names is as certain as a noun's own pairing.
REACTION_CONFIDENCE = 0.8


def reaction_to_named_agent(candidate: Candidate, ctx: Context) -> Candidate:
    """A reaction verb (``event_reference.reaction_roots``) whose direct object is an act whose
    agent a participle or relative clause on it names is aimed at that agent: "Peru rejected aid
    offered by Japan" (REJECT Japan), "Chile condemned the sanctions that Russia imposed",
    "Iran welcomed the deal signed by Oman" (in the sense a verb takes with an act as its object).
    The candidate as it was otherwise."""
    verb = candidate.trigger
    relation = reaction_relation(candidate, ctx)
    if relation is None:
        return candidate
    receiving = ctx.ontology.light_verbs.receiving
    for noun in (c for c in children_of(verb) if c.dep_ == "dobj"):
        for held in (noun, *_amount_nouns(noun)):
            if _is_joint_act(held, ctx):
                continue  # "welcomed the deal brokered by China": the broker is no party
            agents = [a for t in clause_roles(held, ctx.lexicon, receiving, ()).agents for a in actors_of(t, ctx)
                      if a not in candidate.subjects]
            if agents:
                attributes = tuple(sorted({*candidate.attributes, ("topic", held.lemma_.lower())}))
                return Candidate(verb, relation, candidate.subjects, tuple(agents), attributes, REACTION_CONFIDENCE)
    return candidate


def _is_joint_act(noun: Token, ctx: Context) -> bool:
    """A noun of a reciprocal relation (talks, a deal): its parties are named apart from its clauses."""
    triggers = ctx.ontology.triggers_for("NOUN", noun.lemma_.lower())
    return any(ctx.ontology.relation(t.relation).reciprocal for t in triggers)


def _amount_nouns(amount: Token) -> list[Token]:
    """The nouns an amount counts: "$40 million in aid", "a total of $2 billion of loans"."""
    return [g for c in children_of(amount) if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for g in children_of(c) if g.dep_ == "pobj" and governing_verb(g) is not None]


def nominal_acts(noun: Token, ctx: Context) -> list[ComposedAct]:
    """The composed events at a noun of a listed verb: one per complement noun (and conjunct) of a
    class the verb's class composes with."""
    classes = ctx.ontology.light_verbs
    verb = classes.verb_of_noun(noun.lemma_.lower())
    if verb is None:
        return []
    for entry in classes.verb_entries(verb):
        if entry.particles:
            continue  # "the breaking off of talks": the particle is not on the noun
        preps = (entry.prep,) if entry.prep else classes.complement_preps.get(noun.lemma_.lower(), ("of",))
        complements = prep_objects(noun, preps) or _verb_held_complements(noun, preps)
        acts = [_act(noun, entry, item, noun_class, ctx)
                for item, noun_class in composing_nouns(complements, entry, ctx)]
        if acts:
            return acts
    return []


def _verb_held_complements(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The complement of a noun that is a verb's direct object, where the parser hangs it on the
    verb: "put [an end] [to the talks]", "brought [a halt] [to aid]". Not an "of" phrase, which
    stays on its noun in English."""
    held = tuple(p for p in preps if p != "of")
    if not held or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return []
    return prep_objects(noun.head, held)


def _agent(noun: Token, ctx: Context) -> tuple[list[Actor], Found]:
    """Who does what the noun names: its possessor or demonym, its "by" phrase, the agent of a
    participle or relative clause on it, else the subject of the verb governing it."""
    receiving = ctx.ontology.light_verbs.receiving
    named = modifier_actors(noun, ctx) or [
        a for t in (*prep_objects(noun, ("by",)), *clause_roles(noun, ctx.lexicon, receiving, ()).agents)
        for a in actors_of(t, ctx)
    ]
    if named:
        return named, Found((), 0.85)
    found = noun_governor_subject(noun, ctx)
    actors: list[Actor] = []
    for token in found.tokens:
        actors.extend(a for a in actors_of(token, ctx) or modifier_actors(token, ctx) if a not in actors)
    return actors, found


def _counterpart(noun: Token, complement: Token, noun_class: NounClass, agents: list[Actor], ctx: Context,
                 trig: Trigger) -> ObjectFound:
    """Whom the act is aimed at: an actor on the complement's prepositions ("aid to Myanmar",
    "restrictions on Philippine bananas"), else on the noun's, else in the complement itself (a
    demonym on it: "the lifting of Iranian sanctions" is no act of Iran's when Iran is the agent)."""
    named = [prep_objects(complement, noun_class.preps, through_of=True),
             [t for t in prep_objects(noun, noun_class.preps) if t != complement]]
    found = ObjectFound((), None, False, frozenset())
    for tokens in named:
        if tokens:
            found = resolve_object(tokens, ctx, trig)
            if found.actors:
                return found
    inside = resolve_object([complement], ctx, trig)
    others = tuple(a for a in inside.actors if a not in agents)
    if others:
        return ObjectFound(others, inside.attribute, True, inside.used)
    return ObjectFound((), None, found.token_seen or inside.token_seen, frozenset())


def _act(noun: Token, entry: VerbEntry, complement: Token, noun_class: NounClass, ctx: Context) -> ComposedAct:
    code = composed_code(entry, complement, noun_class, ctx)
    relation = relation_for(code, ctx.ontology)
    trig = Trigger(noun.lemma_.lower(), "NOUN", relation.name, None, noun_class.preps, None)
    phrase = phrase_of(complement, ctx.lexicon.adjunct_prepositions)
    agents, found_agent = _agent(noun, ctx)
    if found_agent.blocked:
        drop = Candidate(noun, relation.name, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR, noun.lemma_)
        return ComposedAct(drop, noun, complement, phrase)
    found = _counterpart(noun, complement, noun_class, agents, ctx, trig)
    attributes = [("cameo", code)] if code != relation.cameo else []
    if found.attribute:
        attributes.append(found.attribute)
    confidence = 0.8 * CONFIDENCE * (found_agent.confidence or 1.0)
    parties = Parties(tuple(agents), found_agent, found.actors, found.used, found.token_seen)
    candidate = finish_candidate(noun, trig, parties, attributes, confidence, ctx)
    return ComposedAct(candidate, noun, complement, phrase)
