"""Refusals told by more than one word: "Taiwan ruled out talks with China", "Saudi Arabia turned
down Iran's offer", "Mali's request was turned down by Algeria", "Poland refused to accept
Germany's proposal", "Serbia said no to Croatia's request" (CAMEO 12, REJECT).

The rules of English: a phrasal verb of refusing (``refusal.phrasal_verbs``: the verb and its
particle) rejects what its direct object names, and so the party that made it (its owner: "Iran's
offer", "talks with China"); in the passive the refuser is the "by" agent and the thing refused the
subject. Refusing to accept something (``refusing_verbs`` over ``accepting_verbs``) rejects it, and
refusing to let another party act (``permitting_verbs``) rejects that party, and saying "no" to
something (``saying_verbs``, ``refusal_words``) rejects what "to" names. The code
is the one the OEDA dictionary gives the verb the refusal means ("decline") with that object
("decline ... talks" 125, reject a proposal to meet), else the generic 120."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Trigger
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    Found,
    ObjectFound,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    modifier_actors,
    prep_objects,
    subject_actors,
)
from extract.reported_judgements import by_agents
from extract.verb_forms import is_passive

#: The root of a rejection; a code the dictionary gives outside it is not a refusal's.
REJECT_ROOT = "12"
GENERIC_REJECT_CODE = "120"
#: Prepositions naming where an offer, request or proposal comes from.
_SOURCE_PREPOSITIONS = frozenset({"from", "by", "of"})
_CONSULT_ROOT = "04"


#: The dictionary verb whose patterns code refusing to accept and saying no ("decline ... talks"
#: 125); the phrasal verbs name theirs in speech_acts.toml.
REFUSAL_SENSE = "decline"


def refusing_sense(verb: Token, ctx: Context) -> str | None:
    """The dictionary verb a phrasal verb of refusing means ("rule out": "decline"), or None when
    the verb with its particle is none."""
    phrasal = ctx.ontology.speech_acts.refusal.phrasal_verbs
    lemma = verb.lemma_.lower()
    for child in children_of(verb):
        if child.dep_ == "prt":
            sense = phrasal.get(f"{lemma} {child.lower_}")
            if sense is not None:
                return sense
    return None


def refused_parties(refused: list[Token], ctx: Context) -> ObjectFound:
    """The party whose offer, request or proposal is refused: named by the object itself, as its
    owner ("Iran's offer", "the Russian proposal"), as its source ("a proposal from France", "calls
    by Paris", "an offer made by Iran"), or, for talks and meetings (CAMEO 04), as the other side
    ("talks with China"). Never a place ("ruled out a military operation in Syria" refuses the refuser's own act)."""
    for token in refused:
        owners = actors_of(token, ctx) or modifier_actors(token, ctx) or [
            actor for prep in children_of(token) if prep.dep_ == "prep" and prep.lower_ in _SOURCE_PREPOSITIONS
            for pobj in children_of(prep) if pobj.dep_ == "pobj" for actor in actors_of(pobj, ctx)
        ] or by_agents(token, ctx)
        if not owners and _is_meeting(token, ctx):
            owners = [actor for pobj in prep_objects(token, ("with",)) for actor in actors_of(pobj, ctx)]
        if owners:
            return ObjectFound(tuple(owners), ("topic", token.lemma_.lower()), True, frozenset({token.i}))
    return ObjectFound((), None, bool(refused), frozenset())


def _is_meeting(noun: Token, ctx: Context) -> bool:
    """A noun of meeting or negotiating: a noun trigger of a CAMEO 04 (consult) relation."""
    return any(ctx.ontology.relation(t.relation).cameo[:2] == _CONSULT_ROOT
               for t in ctx.ontology.triggers_for("NOUN", noun.lemma_.lower()))


def refusal_code(sense: str, refused: list[Token], ctx: Context) -> str:
    """The code of refusing what ``refused`` names: the dictionary's pattern of ``sense`` with
    that object if it is a rejection (root 12), else 120."""
    for token in refused:
        match = ctx.ontology.verbs.predicate_match(sense, token)
        if match is not None and match.code[:2] == REJECT_ROOT:
            return match.code
    return GENERIC_REJECT_CODE


def refusal_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """The rejection a verb of refusing states, from the refuser to the party whose offer, request
    or proposal is refused; nothing when the verb is no such verb."""
    found = _refused(verb, ctx)
    if found is None or found.refuser.blocked:
        return
    code = refusal_code(found.sense, list(found.refused), ctx)
    relation = ctx.ontology.relation_for_code(code)
    trig = Trigger(verb.lemma_.lower(), "VERB", relation.name, None, (), None)
    parties = Parties.of(subject_actors(found.refuser, ctx), found.refuser, refused_parties(list(found.refused), ctx))
    attributes = [("topic", found.refused[0].lemma_.lower())] if found.refused else []
    if code != relation.cameo:
        attributes.append(("cameo", code))
    confidence = DICTIONARY_CONFIDENCE * (found.refuser.confidence or 1.0)
    yield finish_candidate(verb, trig, parties, attributes, confidence, ctx)


def _permitted(permitting: Token) -> list[Token]:
    """Who a permitting verb lets act: the subject of its clause ("let [NATO convoys] cross") or
    its direct object ("allow [Ukrainian grain] in", "permit [the inspectors] to enter")."""
    doers = [g for c in children_of(permitting) if c.dep_ in ("ccomp", "xcomp")
             for g in children_of(c) if g.dep_ == "nsubj"]
    return doers or [c for c in children_of(permitting) if c.dep_ == "dobj"]


@dataclass(frozen=True)
class Refused:
    """A refusal read at a verb: the path to the refuser, what is refused, and the dictionary verb
    whose patterns code refusing it."""

    refuser: Found
    refused: tuple[Token, ...]
    sense: str


def _refused(verb: Token, ctx: Context) -> Refused | None:
    """The refusal at a verb, in one of three forms: a phrasal verb of refusing ("ruled out talks",
    passive "was turned down by"), a verb of refusing governing a verb of accepting ("refused to
    accept the proposal"), saying no ("said no to the request"); None for any other verb."""
    words = ctx.ontology.speech_acts.refusal
    lemma = verb.lemma_.lower()
    sense = refusing_sense(verb, ctx)
    if sense is not None:
        if is_passive(verb):
            agents = Found(tuple(prep_objects(verb, ("by",))), 0.9)
            return Refused(agents, tuple(c for c in children_of(verb) if c.dep_ == "nsubjpass"), sense)
        return Refused(clause_subject(verb, ctx), tuple(c for c in children_of(verb) if c.dep_ == "dobj"), sense)
    refused: tuple[Token, ...] = ()
    if lemma in words.refusing_verbs:
        refused = tuple(g for c in children_of(verb) if c.dep_ == "xcomp" and c.lemma_.lower() in words.accepting_verbs
                        for g in children_of(c) if g.dep_ == "dobj")
        refused = refused or tuple(t for c in children_of(verb) if c.dep_ == "xcomp"
                                   and c.lemma_.lower() in words.permitting_verbs for t in _permitted(c))
    elif lemma in words.saying_verbs:
        # the parser hangs "to" on the verb or on the word of refusal ("said [no to X]")
        noes = [c for c in children_of(verb) if c.lower_ in words.refusal_words and c.dep_ in ("dobj", "intj")]
        if noes:
            refused = tuple(t for holder in (verb, *noes) for t in prep_objects(holder, ("to",)))
    return Refused(clause_subject(verb, ctx), refused, REFUSAL_SENSE) if refused else None
