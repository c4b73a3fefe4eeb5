"""Directives: "Russia ordered Moldova to close the consulate", "the EU told Serbia to recognise Kosovo".

A rule of English and CAMEO practice: a verb of directing (an order or instruction; lexicon
``directive_verbs``) with an actor as the one directed (its object, or the subject of its passive)
and an infinitive of what that actor is to do demands that act of it, and CAMEO codes orders under
root 10 (demand). The act directed keeps its own reading as the directing verb's rules give it
(blocked under "tell", lexicon ``infinitive_requesting_verbs``; an order to a state's own forces
tells their act: "ordered troops to attack X"). Without this reading neither verb gives an event:
"tell" is otherwise a verb of speech ("told reporters that ..."), and ORDER's CAMEO dictionary
default is the generic 100, which is not coded alone. A verb already read as another act ("ordered
the ambassador to leave": an expulsion, extract/envoys.py) keeps that reading, and an order to
leave is an expulsion's, not a demand's. A directive to the directing state's own people ("told its
airlines to avoid ...", "instructed the foreign secretary to ...") is how a government acts, no
demand between states: it is dropped as no event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Trigger
from extract.patterns import Candidate, Context, actors_of, coded_verb_candidate
from extract.spanning_acts import SpanningAct, with_spanning_acts
from extract.verb_forms import is_passive, is_to_infinitive
from graph.model import DropReason

#: CAMEO 100, make a demand: the code of an order (CAMEO's root 10 lists orders among demands).
DEMAND_CODE = "100"


def with_directives(verbs: Iterable[Token], candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates with the demand of every directive at ``verbs`` added, where the verb has no
    other reading (dropped or not: a reading completed later by word order is still the verb's)."""
    read = {c.trigger.i for c in candidates}
    acts = [act for verb in verbs if verb.i not in read and (act := directive_demand(verb, ctx)) is not None]
    return with_spanning_acts(candidates, acts)


def directive_demand(verb: Token, ctx: Context) -> SpanningAct | None:
    """The demand told by a directive at ``verb``, or None when it is no verb of directing, names no
    actor as the one directed, or has no infinitive of what that actor is to do."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in ctx.lexicon.directive_verbs:
        return None
    children = children_of(verb)
    infinitives = [c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and is_to_infinitive(c)]
    if not infinitives or any(c.lemma_.lower() in ctx.lexicon.leaving_verbs for c in infinitives):
        return None
    passive = is_passive(verb)
    directed = "nsubjpass" if passive else "dobj"
    if not any(c.dep_ == directed and actors_of(c, ctx) for c in children):
        return None
    relation = ctx.ontology.relation_for_code(DEMAND_CODE)
    candidate = coded_verb_candidate(verb, Trigger(lemma, "VERB", relation.name, None, (), None), ctx)
    if candidate.drop is None and _own_side(candidate):
        candidate = replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=DropReason.NOT_AN_EVENT,
                            detail=f"{lemma}: a directive to the directing state's own people")
    return SpanningAct(candidate, frozenset({verb.i}))


def _own_side(candidate: Candidate) -> bool:
    """Whether every one directed belongs to a directing party's state."""
    states = {a.country for a in candidate.subjects if a.country}
    return bool(states) and all(o.country in states for o in candidate.objects)

