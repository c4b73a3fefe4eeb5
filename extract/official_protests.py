"""A state's protest is an official complaint, not a demonstration (CAMEO practice).

CAMEO keeps root 14 (PROTEST) for dissent: demonstrations, rallies, boycotts, strikes. When a state
or its government protests ("Greece protested to Turkey over the overflights", "China protested
strongly against the arms sale", "the Philippines protested China's construction") or lodges a
protest or complaint with another state ("Japan lodged a protest with China", "Seoul filed a
complaint with Tokyo"), it makes an official complaint: 114 "Complain officially" under root 11
(the OEDA dictionary codes "protest decision", "protest strongly", "official protest" and "lodge
complaint" 114, "lodge protest" 110). The rules of English and wire news: a verb of protesting
(``official_protest.verbs``) whose every subject names a state or an actor acting for its
government (sector GOV) by name, capital, seat, office or body, not a people by its demonym
("Iraqis protested" is a demonstration), names a diplomatic protest; so does a noun of protest or complaint
(``official_protest.nouns``) made by such a subject and addressed "to" or "with" a state. A
complaint lodged with a body that is no state ("with the WTO") is about a third party: unchanged."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.mentions import MentionKind
from extract.nominal_speech_acts import governor_addressees, manner_reaction_verb, named_agent_tokens
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    actors_of,
    clause_subject,
    noun_governor_subject,
)
from graph.model import Actor, ActorType, DropReason

#: The code of an official complaint (CAMEO 114, root 11).
OFFICIAL_COMPLAINT_CODE = "114"
#: The root CAMEO keeps for demonstrations and other dissent.
_DISSENT_ROOT = "14"
_GOVERNMENT_SECTOR = "GOV"
#: Kinds of mention that name a state or its government, not its people ("Iraqis": a demonym).
_GOVERNMENT_KINDS = frozenset({MentionKind.NAME, MentionKind.CAPITAL, MentionKind.SEAT, MentionKind.TITLE,
                               MentionKind.GROUP, MentionKind.DESCRIPTION})


def acts_for_a_government(actor: Actor) -> bool:
    """A state itself, or an actor the text places in a state's government (sector GOV)."""
    return actor.type is ActorType.COUNTRY or (actor.country is not None and actor.sector == _GOVERNMENT_SECTOR)


def _named_as_government(trigger: Token, ctx: Context) -> bool:
    """Every subject token of the protest names a state or its government by name, capital, seat,
    office or body ("Greece", "Beijing", "the Kremlin", "the foreign ministry", "Wang Yi"); not a
    people by its demonym ("Iraqis", "Iraqi Kurds", "thousands of Iranians"), who demonstrate."""
    named = named_agent_tokens(trigger) if trigger.pos_ == "NOUN" else []  # "Norway's protest to Russia"
    found = clause_subject(trigger, ctx) if trigger.pos_ == "VERB" else noun_governor_subject(trigger, ctx)
    tokens = named or list(found.tokens)
    if not tokens:
        return False
    for token in tokens:
        mention = ctx.mentions.get(token.i)
        # "it" refers to a state or body itself, never to a people ("they"): "it protested to Japan"
        state_pronoun = mention is not None and mention.kind is MentionKind.PRONOUN and token.lower_ == "it"
        if mention is None or not (mention.kind in _GOVERNMENT_KINDS or state_pronoun) \
                or not acts_for_a_government(mention.actor):
            return False
    return True


def addressed_states(word: Token, ctx: Context) -> tuple[Actor, ...]:
    """The states a protest is addressed to: "a protest with China", "protested to Japan"."""
    preps = ctx.ontology.speech_acts.official_protest.addressee_prepositions
    own = [pobj for prep in children_of(word) if prep.dep_ == "prep" and prep.lower_ in preps
           for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    tokens = own or (governor_addressees(word, preps) if word.pos_ == "NOUN" else [])
    return tuple(actor for pobj in tokens for actor in actors_of(pobj, ctx) if actor.type is ActorType.COUNTRY)


def as_official_protest(candidate: Candidate, ctx: Context) -> Candidate:
    """A government's protest re-coded as an official complaint (114); else the candidate as it was.

    The verb of protesting keeps the object its patterns found; where its patterns find none, as
    for the noun ("protested to Turkey", "lodged a protest with China": a demonstration is
    "against" someone), it takes the states the protest is addressed to."""
    words = ctx.ontology.speech_acts.official_protest
    trigger = candidate.trigger
    lemma = trigger.lemma_.lower()
    if lemma not in words.verbs and lemma not in words.nouns:
        return candidate  # every re-coding below is of a verb or noun of protest: no other is looked at
    if not candidate.subjects or not all(acts_for_a_government(actor) for actor in candidate.subjects):
        return candidate
    if not _named_as_government(trigger, ctx):
        return candidate
    relation = ctx.ontology.relation_for_code(OFFICIAL_COMPLAINT_CODE)
    verb = trigger.pos_ == "VERB" and lemma in words.verbs
    if verb and candidate.drop is None:
        if ctx.ontology.relation(candidate.relation).cameo[:2] == _DISSENT_ROOT:
            return replace(candidate, relation=relation.name)
        return candidate
    dissent = ctx.ontology.relation(candidate.relation).cameo[:2] == _DISSENT_ROOT
    if (trigger.pos_ == "NOUN" and lemma in words.nouns and candidate.drop is None and dissent
            and manner_reaction_verb(trigger, frozenset({_DISSENT_ROOT})) is not None):
        return replace(candidate, relation=relation.name)  # "recalled its envoy in protest at X's law"
    if (verb or (trigger.pos_ == "NOUN" and lemma in words.nouns)) and candidate.drop is DropReason.NO_OBJECT:
        addressees = tuple(a for a in addressed_states(trigger, ctx) if a not in candidate.subjects)
        if addressees:
            return replace(candidate, relation=relation.name, objects=addressees, drop=None, detail="",
                           confidence=round(0.9 * DICTIONARY_CONFIDENCE, 3))
    return candidate
