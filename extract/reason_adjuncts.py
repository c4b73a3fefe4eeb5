"""A noun inside a reason adjunct names no act of the clause's subject (reason_adjuncts.toml).

"Turkey closed its airspace, citing threats to its security": the threats moved Turkey, they are
no threat by Turkey. A candidate at an event noun inside such an adjunct ("citing X", "over X",
"amid X", "in response to X", "because of X", through "of" complements: "amid fears of an attack")
whose agent is the clause's subject, not named in the noun's own phrase, is dropped as
``reason_adjunct``; one whose agent the noun's phrase names ("in response to Russia's annexation of
Crimea", "citing attacks by militants") stays. A possessive pronoun is no such naming: "the United
States, citing its partnership with India, called on Pakistan ..." cites the subject's own standing
tie as its reason and reports no act of it (extract/cited_possessions.py). The object of a
preposition of the matter ("over") is dropped whoever its agent: "recalled its envoy over Israel's
offensive", "a row over Kigali's support for the rebels" name what is at issue, not an event told.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.cited_possessions import pronoun_possessor_actors
from extract.patterns import Candidate, Context, actors_of, clause_subject, modifier_actors, subject_actors
from extract.reason_adjunct_words import ReasonAdjuncts
from graph.model import Actor, DropReason

#: Prepositions through which a noun complements another inside the adjunct: "fears of an attack".
_COMPLEMENT_PREPS = frozenset({"of", "to", "for", "on", "against", "at"})
#: How many noun complements deep a noun may sit below the adjunct's own noun.
_DEPTH = 3


def reason_governor(noun: Token, words: ReasonAdjuncts, through_object: bool = False) -> Token | None:
    """The verb whose clause a reason adjunct holding ``noun`` modifies; None when the noun is in
    no reason adjunct. With ``through_object``, an adjunct the parser hung on the verb's direct object
    ("recalled its diplomats [over X]") is the verb's too."""
    node = noun
    for _ in range(_DEPTH + 1):
        head = node.head
        if node.dep_ == "dobj" and head.tag_ == "VBG" and head.lemma_.lower() in words.participles:
            return head  # "citing threats": the participle's subject is the clause's
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in words.prepositions:
            return _clause_verb(head.head, through_object)
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in words.reason_nouns:
            holder = head.head  # "in response to X", "for fear of X"
            if holder.dep_ == "pobj" and holder.head.lower_ in ("in", "for"):
                return _clause_verb(holder.head.head, through_object)
        if node.dep_ == "conj":
            node = head
            continue
        if node.dep_ == "pobj" and head.lower_ in _COMPLEMENT_PREPS and head.head.pos_ == "NOUN":
            node = head.head  # "fears of an attack": the complement of a noun in the adjunct
            continue
        return None
    return None


def matter_preposition(noun: Token, words: ReasonAdjuncts) -> Token | None:
    """The preposition of the matter whose object ``noun`` (or the noun it is coordinated with) is
    ("over Israel's offensive", "over X's support and Y's silence"), or None."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun.head if noun.dep_ == "pobj" and noun.head.lower_ in words.matter_prepositions else None


def named_agents(noun: Token, ctx: Context) -> list[Actor]:
    """The agents a reason noun's own phrase names: its modifiers' actors and its "by" phrase's, not
    a possessive pronoun ("citing its partnership with X" names no agent: the reason is still the
    subject's own)."""
    own = [*modifier_actors(noun, ctx), *(a for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "by"
                                          for g in children_of(c) if g.dep_ == "pobj" for a in actors_of(g, ctx))]
    pronouns = set(pronoun_possessor_actors(noun, ctx))
    return list(dict.fromkeys(a for a in own if a not in pronouns))


def _clause_verb(token: Token, through_object: bool) -> Token | None:
    if through_object and token.dep_ == "dobj":
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def outside_reason_adjunct(candidate: Candidate, ctx: Context) -> Candidate:
    """A candidate at an event noun in a reason adjunct whose agents are the adjunct's clause's
    subject, and not named by the noun's own phrase, or at one a preposition of the matter governs
    (whoever its agent), dropped as ``reason_adjunct``; the candidate as it was otherwise."""
    noun = candidate.trigger
    matter = matter_preposition(noun, ctx.ontology.reason_adjuncts) if noun.pos_ == "NOUN" else None
    if matter is not None and candidate.drop is None:
        return _dropped(candidate, f"'{noun.lemma_.lower()}' is the matter '{matter.lower_}' names, not an event told")
    if noun.pos_ != "NOUN" or not candidate.subjects:
        return candidate
    governor = reason_governor(noun, ctx.ontology.reason_adjuncts)
    if governor is None:
        return candidate
    if set(named_agents(noun, ctx)) & set(candidate.subjects):
        return candidate
    clause_subjects = set(subject_actors(clause_subject(governor, ctx), ctx))
    if not set(candidate.subjects) <= clause_subjects:
        return candidate
    return _dropped(candidate, f"'{noun.lemma_.lower()}' gives the reason for '{governor.lemma_.lower()}'")


def _dropped(candidate: Candidate, detail: str) -> Candidate:
    """The candidate dropped as ``reason_adjunct``, its actors kept for the drop's record."""
    return Candidate(candidate.trigger, candidate.relation, candidate.subjects, candidate.objects,
                     candidate.attributes, 0.0, DropReason.REASON_ADJUNCT, detail)
