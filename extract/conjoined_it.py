"""A subject "it" of a clause coordinated with the clause before it, which keeps that clause's subject.

A rule of English discourse (subject parallelism in coordination): when two main clauses are joined by
"and", "but" or "yet" and the second has a subject "it", the pronoun continues the first clause's
subject, the topic both clauses are about ("China did not sanction Japan, but it criticised Tokyo":
China; "Russia said Ukraine attacked a town, and it struck Kyiv": Russia, the subject of the clause
the second one is joined to, not of the reported clause inside the first). The first clause's object is
not the topic, so it is no rival. The rule holds only where "it" can be an actor: not a passive
subject, not the dummy subject of a copula or of a raising verb ("and it is unclear whether ..."), and
only where the first clause's subject is one state or organisation (a coordinated subject "Chile and
Argentina" is plural and no antecedent of "it": extract/coordinated_antecedents.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.main_clause_it import DUMMY_IT_VERBS
from extract.mentions import Mention
from graph.model import ActorType

#: Coordinating conjunctions that join two main clauses with one topic.
_CLAUSE_COORDINATORS = frozenset({"and", "but", "yet"})


def conjoined_clause_subject(pronoun: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """The state or organisation subject of the clause that the clause of ``pronoun`` ("it", its
    active subject) is coordinated with, or None when the rule does not apply (see module doc)."""
    verb = pronoun.head
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in DUMMY_IT_VERBS or any(c.dep_ in ("auxpass", "expl") for c in children_of(verb)):
        return None
    first = verb.head
    coordinators = [c for c in children_of(first) if c.dep_ == "cc" and first.i < c.i < pronoun.i]
    if first.pos_ not in ("VERB", "AUX") or not coordinators or coordinators[-1].lower_ not in _CLAUSE_COORDINATORS:
        return None
    subjects = [c for c in children_of(first) if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or conjuncts_of(subjects[0]):
        return None
    mention = by_token.get(subjects[0].i)
    if mention is None or mention.actor.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION):
        return None
    return mention
