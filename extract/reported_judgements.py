"""Judgements reported in a clause: a speaker who says that another party's act is wrong
criticises that party (CAMEO 111). "China said Japan's decision was a violation of international
law", '"Guyana's actions are illegal," Maduro said', '"This is a provocation by Russia," Stubb said'.

The rule of English: a reporting verb of assertion (``censure.reporting_verbs``) whose clause links
an act (its subject) to a predicate that charges wrongdoing (``censure.words``) with a copula
(``censure.copulas``: "was", "amounted to", "constituted") states the speaker's judgement of the
act, as does a clause whose verb says its subject broke a rule (``censure.violating_verbs``:
"said Japan had violated WTO rules"); the party judged is whoever did the act: the subject itself
when it names an actor ("Japan was reckless"), else its owner ("Japan's decision", "the British
sanctions", "the strike by Israel"), else the agent of the predicate ("a provocation by Russia").
Never a place the act happened in nor its victim ("the situation in Gaza", "the detention of a
Russian journalist"). A negated clause ("was not illegal") or reporting verb states no judgement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Trigger
from extract.patient_acts import act_roles, possessor_is_agent
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    ObjectFound,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    modifier_actors,
    subject_actors,
)
from extract.speech_acts import Censure
from graph.model import Actor

#: Arcs of the predicate's words that are part of the judgement: "an unacceptable provocation",
#: "a hostile act", "illegal and unjustified".
_JUDGING_ARCS = frozenset({"amod", "compound", "conj"})
#: Arcs of a copula's predicate: "was [a violation]" (attr), "was [illegal]" (acomp).
_PREDICATE_ARCS = frozenset({"attr", "acomp", "oprd"})


@dataclass(frozen=True)
class JudgedAct:
    """A reported clause: the act judged (the clause's subject) and the predicate judging it."""

    act: Token
    predicate: Token


def censures(predicate: Token, censure: Censure, negators: frozenset[str]) -> bool:
    """The predicate charges wrongdoing: its head, a modifier or coordinated head of it, or the
    complement of its "of" ("an act of aggression") is a censure word, and nothing negates it."""
    judging = [predicate, *_judging_words(predicate)]
    judging += [pobj for word in list(judging) for prep in children_of(word) if prep.dep_ == "prep"
                and prep.lower_ == "of" for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    if not any(_word(t) in censure.words for t in judging):
        return False
    return not any(child.dep_ in ("neg", "det", "advmod") and child.lower_ in negators
                   for word in judging for child in children_of(word))


def _word(token: Token) -> str:
    return token.lemma_.lower() if token.pos_ in ("NOUN", "VERB") else token.lower_


def _judging_words(token: Token) -> Iterator[Token]:
    for child in children_of(token):
        if child.dep_ in _JUDGING_ARCS:
            yield child
            yield from _judging_words(child)


def judged_acts(verb: Token, censure: Censure, negators: frozenset[str]) -> Iterator[JudgedAct]:
    """The clauses under a reporting verb that judge an act wrong; none when the verb is negated."""
    if verb.lemma_.lower() not in censure.reporting_verbs or _negated(verb, negators):
        return
    for clause in children_of(verb):
        if clause.dep_ != "ccomp" or _negated(clause, negators):
            continue
        subjects = [c for c in children_of(clause) if c.dep_ == "nsubj"]
        lemma = clause.lemma_.lower()
        if lemma in censure.violating_verbs and subjects and any(c.dep_ == "dobj" for c in children_of(clause)):
            yield JudgedAct(subjects[0], clause)  # "said Japan had violated the rules": the verb judges
            continue
        predicate = _predicate(clause) if lemma in censure.copulas else None
        if subjects and predicate is not None and censures(predicate, censure, negators):
            yield JudgedAct(subjects[0], predicate)


def _negated(verb: Token, negators: frozenset[str]) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in negators) for c in children_of(verb))


def _predicate(clause: Token) -> Token | None:
    """What the copula says of its subject: "was [illegal]", "amounted to [aggression]",
    "constituted [a breach]"."""
    for child in children_of(clause):
        if child.dep_ in _PREDICATE_ARCS:
            return child
        if child.dep_ == "dobj" and clause.lemma_.lower() != "be":
            return child
        if child.dep_ == "prep" and child.lower_ == "to" and clause.lemma_.lower() != "be":
            return next((g for g in children_of(child) if g.dep_ == "pobj"), None)
    return None


def doers(judged: JudgedAct, ctx: Context) -> ObjectFound:
    """The party whose act is judged: the act's subject when it names one, its owner, or the
    agent ("by") of the act or of the predicate."""
    act = judged.act
    direct = actors_of(act, ctx)
    if direct:
        return ObjectFound(tuple(direct), None, True, frozenset({act.i}))
    words = ctx.ontology.patient_acts
    # an act done to someone ("Meng's arrest", "the detention of X by Y"): its possessor is its patient
    named = [actor for token in act_roles(act, words).doers for actor in actors_of(token, ctx)]
    owners = named or (modifier_actors(act, ctx) if possessor_is_agent(act, words) else [])
    if owners:
        return ObjectFound(tuple(owners), ("topic", act.lemma_.lower()), True, frozenset({act.i}))
    for holder in (act, judged.predicate):
        agents = by_agents(holder, ctx)
        if agents:
            return ObjectFound(tuple(agents), ("topic", act.lemma_.lower()), True, frozenset({act.i}))
    return ObjectFound((), None, True, frozenset())


def by_agents(noun: Token, ctx: Context) -> list[Actor]:
    """The actors a noun's "by" phrase names as the doer, on the noun ("the strike by Israel") or
    on a past participle modifying it ("the sanctions imposed by Washington")."""
    holders = [noun, *(c for c in children_of(noun) if c.dep_ == "acl" and c.tag_ == "VBN")]
    return [actor for holder in holders for prep in children_of(holder)
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by"
            for pobj in children_of(prep) if pobj.dep_ == "pobj" for actor in actors_of(pobj, ctx)]


def reported_judgement_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """A criticism (``naming.criticism_code``) for each clause under ``verb`` that judges an act
    wrong, from the verb's subject to the act's doer, at the predicate."""
    censure = ctx.ontology.speech_acts.censure
    for judged in judged_acts(verb, censure, ctx.lexicon.negators):
        relation = ctx.ontology.relation_for_code(ctx.ontology.speech_acts.naming.criticism_code)
        trig = Trigger(judged.predicate.lemma_.lower(), judged.predicate.pos_, relation.name, None, (), None)
        subject_found = clause_subject(verb, ctx)
        if subject_found.blocked:
            continue
        parties = Parties.of(subject_actors(subject_found, ctx), subject_found, doers(judged, ctx))
        confidence = 0.9 * DICTIONARY_CONFIDENCE * (subject_found.confidence or 1.0)
        yield finish_candidate(judged.predicate, trig, parties, [], confidence, ctx)
