"""A request that its addressee answers: "Ghana rejected Britain's call", "Israel ignored Turkey's demand".

A rule of English meaning: one rejects, refuses, ignores, heeds or grants a request made to oneself.
So a request noun (an appeal or demand word of addressed_requests.toml) that is the direct object of a
verb of answering a request (``reacting_verbs``) and has its own requester, a possessor or qualifier
("Britain's call", "EU demands"), reports that request as made by the requester to the answering
verb's subject: "Ukraine rejected Russia's demand for it to cede territory" is also Russia's demand
(CAMEO 10) to Ukraine; "Ghana rejected Britain's call for it to accept deportees", Britain's appeal
(02) to Ghana. The request was made whatever the answer, so it is asserted and affirmed. A request
that names another addressee ("rejected Russia's call for NATO to withdraw") is read by
extract/addressed_requests.py, not here; verbs that approve of a request ("welcomed", "backed") are
not verbs of answering it (one welcomes a call made to others), and neither is its requester's own
verb ("renewed its call": an issuing verb).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.addressed_request_words import AddressedRequestWords
from extract.event_memory import same_state
from extract.patterns import DICTIONARY_CONFIDENCE, Candidate, Context, clause_subject, modifier_actors, subject_actors
from extract.spanning_acts import SpanningAct

APPEAL_RELATION = "APPEAL"
DEMAND_RELATION = "DEMAND"


def answered_request(
    word: Token, words: AddressedRequestWords, ctx: Context, named_addressee: bool,
) -> Iterator[SpanningAct]:
    """The requester's appeal or demand to the subject of the verb answering the request noun
    ``word`` (see module doc); nothing when ``named_addressee`` (the request names its own)."""
    lemma = word.lemma_.lower()
    if named_addressee or word.pos_ != "NOUN" or word.dep_ != "dobj":
        return
    if word.head.lemma_.lower() not in words.reacting_verbs:
        return
    relation = (DEMAND_RELATION if lemma in words.demand_words
                else APPEAL_RELATION if lemma in words.appeal_words else None)
    if relation is None or relation not in ctx.ontology.relations:
        return
    requesters = modifier_actors(word, ctx)
    addressees = subject_actors(clause_subject(word.head, ctx), ctx)
    pairs = [(s, o) for s in requesters for o in addressees if not same_state(s, o)]
    if pairs:
        subjects = tuple(dict.fromkeys(s for s, _ in pairs))
        objects = tuple(dict.fromkeys(o for _, o in pairs))
        yield SpanningAct(Candidate(word, relation, subjects, objects, (), DICTIONARY_CONFIDENCE), frozenset({word.i}))
