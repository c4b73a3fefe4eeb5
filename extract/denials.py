"""Denials of a charge: "Iran denied Israel's accusation that ...", "Pakistan dismissed India's
allegations", "Belarus rejected the charges made by Poland" (CAMEO 016, deny responsibility).

The rule of CAMEO practice: denying, dismissing or rejecting an accusation, allegation, charge or
claim is a statement denying responsibility (the OEDA verb dictionary codes DENY, DISMISS, REJECT *
ACCUSATION/ALLEGATION/CHARGES/CLAIM 016), aimed at the one who made the charge. The rule of English:
the charge noun names its maker as its owner ("Israel's accusation", "the Indian allegation") or its
source ("charges by Poland", "claims from Manila"). The code is the dictionary's: a verb whose
pattern with that object is not 016 is left to the other readings."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.ontology import Trigger
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    Parties,
    clause_subject,
    finish_candidate,
    subject_actors,
)
from extract.refusals import refused_parties

#: CAMEO 016 "Deny responsibility".
DENIAL_CODE = "016"
#: Prepositions after "claim" that make it a claim of title ("Guyana's claim to the region", "claims
#: over the islands"), which is no charge: rejecting it is a rejection (12), not a denial.
_TITLE_PREPOSITIONS = frozenset({"to", "over", "on"})


def denied_charges(verb: Token, ctx: Context) -> list[Token]:
    """The direct objects (and their conjuncts) the dictionary codes as a denial with this verb."""
    lemma = verb.lemma_.lower()
    if DENIAL_CODE not in ctx.ontology.verbs.object_codes.get(lemma, ()):
        return []  # the dictionary codes no object of this verb as a denial: most verbs
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    objects += [conj for obj in objects for conj in conjuncts_of(obj)]
    return [
        obj for obj in objects
        if (match := ctx.ontology.verbs.predicate_match(lemma, obj)) is not None and match.code == DENIAL_CODE
        and not _is_claim_of_title(obj)
    ]


def _is_claim_of_title(noun: Token) -> bool:
    """A claim to, over or on something: a claim of ownership, not an assertion."""
    if noun.lemma_.lower() != "claim":
        return False
    # the parser may hang the preposition on the verb right after the noun ("rejected [X's claim] to Y")
    following = [c for c in children_of(noun.head) if c.i == noun.right_edge.i + 1]
    return any(c.dep_ == "prep" and c.lower_ in _TITLE_PREPOSITIONS for c in [*children_of(noun), *following])


def denial_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """The denial a verb states, from the denier to the maker of the charge it denies; nothing when
    the verb denies no charge or the charge names no maker."""
    charges = denied_charges(verb, ctx)
    if not charges:
        return
    denier = clause_subject(verb, ctx)
    if denier.blocked:
        return
    makers = refused_parties(charges, ctx)
    if not makers.actors:
        return
    relation = ctx.ontology.relation_for_code(DENIAL_CODE)
    trig = Trigger(verb.lemma_.lower(), "VERB", relation.name, None, (), None)
    attributes = [("topic", charges[0].lemma_.lower())]
    if relation.cameo != DENIAL_CODE:
        attributes.append(("cameo", DENIAL_CODE))
    confidence = DICTIONARY_CONFIDENCE * (denier.confidence or 1.0)
    parties = Parties.of(subject_actors(denier, ctx), denier, makers)
    yield finish_candidate(verb, trig, parties, attributes, confidence, ctx)
