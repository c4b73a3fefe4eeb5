"""Parties of speech acts told as nouns, by rules of English and CAMEO practice.

- Asking nouns (CAMEO roots 02 appeal or request and 10 demand: "a request", "a demand", "a call")
  name what is asked for in a "for" complement and whom it is asked of in a "from" phrase, as the verb
  does ("requested air defence from Berlin", "demanded an apology from Beijing"). With the asker named
  otherwise (possessor, demonym, "by"), "from" names the addressee, also where the parser hangs it on
  the thing asked for ("Kyiv's request for air defence from Berlin").
- What is asked for may be an act whose doer is named on it: the request or demand is addressed to
  that doer ("Baghdad's demand for a Turkish withdrawal", "Kyiv's request for German aid"). A noun of
  leaving (lexicon ``leaving_nouns``: withdrawal, pullout, retreat) takes its doer in its "of" phrase
  as an intransitive verb's subject ("the withdrawal of Turkish troops": the troops leave).
- A verb of responding to or attending to what another said or did (lexicon ``responding_verbs``:
  ignore, answer, respond to) tells who heard or answered the act its object names, never who did
  it: "Kenya ignored the criticism of Uganda" is no criticism by Kenya.

extract/patterns.py calls these; they read tokens only and return tokens for it to resolve.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Lexicon
from extract.phrase_heads import object_governor
from extract.qualifiers import Qualifiers
from graph.model import Polarity

#: CAMEO roots of asking: 02 appeal or request, 10 demand.
ASKING_ROOTS = frozenset({"02", "10"})
#: Arcs of a noun's modifiers that may name the doer of its act ("Russia's", "Turkish", "EU").
_DOER_ARCS = frozenset({"poss", "amod", "compound", "nmod"})


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in children_of(token) if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for g in children_of(c) if g.dep_ == "pobj"]


def asked_parties(noun: Token, lexicon: Lexicon, is_act: Callable[[Token], bool]) -> list[Token]:
    """Tokens naming whom an asking noun is addressed to when no preposition on the noun names them:
    a "from" phrase on what is asked for, else the doer named on an act asked for (``is_act``: the
    caller's test of an event noun)."""
    asked = _pobjs(noun, ("for",))
    holders = [t for thing in asked for t in _pobjs(thing, ("from",))]
    if holders:
        return holders
    return [t for thing in asked if is_act(thing) for t in act_doers(thing, lexicon)]


def act_doers(act: Token, lexicon: Lexicon) -> list[Token]:
    """Tokens naming who does an act noun: its possessor or demonym, or the "of" object of a noun
    of leaving ("the withdrawal of Turkish troops")."""
    named = [c for c in children_of(act) if c.dep_ in _DOER_ARCS and c.i < act.i]
    if named:
        return named
    if act.lemma_.lower() in lexicon.leaving_nouns:
        return _pobjs(act, ("of",))
    return []


def answers_the_act(governor: Token, lexicon: Lexicon) -> bool:
    """A verb of responding or attending to another's act governs the noun naming it."""
    return governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in lexicon.responding_verbs


def named_agent_tokens(noun: Token) -> list[Token]:
    """Tokens naming the agent on a speech-act noun itself: its possessor ("Norway's protest") or
    its "by" phrase ("a protest by Japan"); the verb governing it is then not asked."""
    possessors = [c for c in children_of(noun) if c.dep_ == "poss"]
    return possessors or [g for c in children_of(noun) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                          for g in children_of(c) if g.dep_ == "pobj"]


def governor_addressees(noun: Token, preps: frozenset[str]) -> list[Token]:
    """Tokens a verb governing a speech-act noun addresses it to: "a protest ... was delivered to
    China", "handed a protest to Belarus" (the noun its direct or passive subject)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [g for c in children_of(verb) if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for g in children_of(c) if g.dep_ == "pobj"]


#: CAMEO roots of reactions whose noun names no target of its own (disapprove, reject, threaten):
#: "criticism from Finland". An appeal or demand names its addressee in its own complement ("an
#: appeal to lay down their arms", extract/addressed_requests.py), so it is not aimed by its answerer.
ANSWERED_REACTION_ROOTS = frozenset({"11", "12", "13"})


def answering_verb(noun: Token, root: str, lexicon: Lexicon) -> Token | None:
    """The verb of responding whose object a reaction noun (``ANSWERED_REACTION_ROOTS``) is,
    directly or through a preposition ("dismissed criticism from Finland", "responded to threats
    from Israel"): one who answers another's criticism or threat is the one it was aimed at."""
    if root not in ANSWERED_REACTION_ROOTS:
        return None
    head = object_governor(noun)
    return head if head is not None and answers_the_act(head, lexicon) else None


#: CAMEO roots of acts done by saying them: comment, appeal, intent, demand, disapproval,
#: rejection, threat (01-03, 10-13). Rejecting one presupposes it was said.
SPOKEN_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def nominal_polarity(qualifiers: Qualifiers, trigger: Token, root: str, lexicon: Lexicon) -> Qualifiers:
    """The polarity of a speech-act noun as English tells it: said before answered (see
    ``said_before_answered``), and a manner reaction as asserted as the act it qualifies: "suspended
    trade in protest at X" protests, though no trade goes on; under a negated verb ("did not recall
    its envoy in protest") it stays negated."""
    qualifiers = said_before_answered(qualifiers, trigger, root, lexicon)
    if qualifiers.polarity is not Polarity.NEGATED:
        return qualifiers
    verb = manner_reaction_verb(trigger, frozenset({root}))
    if verb is None or _negated_word(trigger, lexicon) or _negated_word(verb, lexicon):
        return qualifiers
    return replace(qualifiers, polarity=Polarity.AFFIRMED)


def _negated_word(word: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in lexicon.negators for c in children_of(word))


def said_before_answered(qualifiers: Qualifiers, trigger: Token, root: str, lexicon: Lexicon) -> Qualifiers:
    """A spoken act named by a noun that a verb of responding rejects, denies or dismisses was made
    all the same: "Moscow rejected the accusation by Kyiv", "the threat was dismissed" tell of an
    accusation and a threat. The negation such a verb gives its object noun is undone; the noun's
    own negation ("no criticism") or the verb's ("did not dismiss") stays as read."""
    if qualifiers.polarity is not Polarity.NEGATED or trigger.pos_ != "NOUN" or root not in SPOKEN_ROOTS:
        return qualifiers
    verb = trigger.head
    if trigger.dep_ not in ("dobj", "nsubjpass") or not answers_the_act(verb, lexicon):
        return qualifiers
    negators = lexicon.negators
    if any(c.dep_ == "neg" or c.lower_ in negators for c in (*children_of(trigger), *children_of(verb))):
        return qualifiers
    return replace(qualifiers, polarity=Polarity.AFFIRMED)


#: CAMEO roots of reactions English tells as a manner adjunct: "in protest at", "in condemnation of".
MANNER_REACTION_ROOTS = frozenset({"11", "14"})
#: Prepositions by which such an adjunct's noun names what it reacts to ("in protest at/over/against X").
MANNER_REACTION_PREPS = ("at", "over", "against", "of", "to")


def manner_reaction_verb(noun: Token, roots: frozenset[str]) -> Token | None:
    """The verb a reaction noun qualifies as the object of "in" ("recalled its ambassador in protest
    at X", "closed its embassy in condemnation of X"; the parser may hang the adjunct on the verb's
    direct object): English says so why and how the verb's subject acted, so that subject is the
    reaction's agent, whatever the verb; so for a noun conjoined to the object ("in anger and
    condemnation at X"). None for any other noun."""
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    head = first.head
    if not roots & MANNER_REACTION_ROOTS or first.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ != "in":
        return None
    holder = head.head
    if holder.pos_ == "NOUN" and holder.dep_ == "dobj":
        holder = holder.head
    return holder if holder.pos_ in ("VERB", "AUX") else None


def manner_reaction_targets(noun: Token) -> list[Token]:
    """What a manner reaction reacts to: its own "at/over/against/of/to" object, or that of such a
    preposition right after it, which the parser may hang on the verb or its object ("in protest
    [at X]")."""
    own = _pobjs(noun, MANNER_REACTION_PREPS)
    if own:
        return own
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    if after is None or after.dep_ != "prep" or after.lower_ not in MANNER_REACTION_PREPS:
        return []
    return [g for g in children_of(after) if g.dep_ == "pobj"]
