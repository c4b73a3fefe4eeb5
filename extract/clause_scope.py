"""Where a governing clause's negation, intention or condition stops: two rules of English clause
structure that the parse alone does not show.

- A verb in a finite tense cannot be part of an infinitive or gerund clause: in "refused to meet X
  and sent aid", "sent" is coordinated with "refused", not with "meet", and in "denies arming the
  rebels and blames Croatia", "blames" with "denies", whatever the parser attached it to.
- An adverbial clause of time or reason in a past or perfect tense ("after X struck Y", "because
  X had closed the border") tells an act as done: the main clause's intention, modal or condition
  does not reach it ("after X struck Y, both sides agreed to a truce" asserts the strike).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.phrase_heads import object_governor
from extract.verb_forms import is_to_infinitive

#: Subordinators of time and reason: their clause states when or why, not what is intended.
TIME_AND_REASON_MARKERS = frozenset({"after", "before", "since", "because", "as", "when", "while", "until", "once"})
#: Penn tags of a verb in a finite tense of its own (past, third person present).
_FINITE_TAGS = frozenset({"VBD", "VBZ"})
_VERBS = frozenset({"VERB", "AUX"})


def finite_conjunct_partner(verb: Token) -> Token | None:
    """The verb that ``verb`` is truly coordinated with when the parser made a finite verb the
    conjunct of an infinitive or a gerund: the non-finite verb's governor ("refused" in "refused to
    meet X and sent aid", "denies" in "denies arming the rebels and blames Croatia", "accused" in
    "accused X of arming Y and demanded ..."). None when ``verb`` is no such conjunct."""
    nonfinite = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE_TAGS:
        return None
    if nonfinite.tag_ == "VB":
        if not is_to_infinitive(nonfinite):
            return None
    elif nonfinite.tag_ != "VBG" or any(c.dep_ == "aux" for c in children_of(nonfinite)):
        return None  # "is arming" is finite: a progressive's conjunct is its own
    governor = nonfinite.head
    if nonfinite.dep_ == "pcomp" and nonfinite.tag_ == "VBG" and governor.dep_ == "prep":
        governor = governor.head  # "accused X of arming Y": the gerund hangs on "of"
    elif nonfinite.dep_ not in ("xcomp", "advcl", "ccomp"):
        return None
    return governor if governor.pos_ in _VERBS | {"ADJ"} else None


def clause_top(verb: Token, *, stop_at_finite_conjunct: bool = True) -> Token:
    """The first of coordinated verbs: "threatened to impose sanctions and (to) cut ties". With
    ``stop_at_finite_conjunct``, a finite verb the parser made the conjunct of an infinitive tops a
    clause of its own ("refused to meet X and sent aid": "sent"; see ``finite_conjunct_partner``)."""
    while verb.dep_ == "conj" and verb.head.pos_ in _VERBS:
        if stop_at_finite_conjunct and finite_conjunct_partner(verb) is not None:
            return verb
        verb = verb.head
    return verb


def is_completed_adverbial(clause: Token) -> bool:
    """An adverbial clause of time or reason whose verb is in a past or perfect tense: "after Iran
    seized the tanker", "since Russia invaded", "because Ankara had closed the border". A relative
    clause has no subordinator: one with a subordinator of time is an adverbial clause the parser
    hung on a noun of time ("a day after Iran seized the tanker")."""
    if clause.dep_ not in ("advcl", "relcl") or not any(
        c.dep_ == "mark" and c.lower_ in TIME_AND_REASON_MARKERS for c in children_of(clause)
    ):
        return False
    if clause.tag_ == "VBD":
        return not any(c.dep_ == "aux" for c in children_of(clause))  # "after it could strike" is no completed act
    return clause.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in children_of(clause)
    )


#: Named-entity types of a modifier that names who does a noun's event: "Russian invasion", "EU sanctions".
_AGENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _own_agent(noun: Token) -> Token | None:
    """The agent a noun event names in its own phrase: a possessor ("Russia's invasion"), a named
    modifier ("the Russian invasion", "EU sanctions") or a "by" phrase ("strikes by Israel");
    pronouns ("its offensive") name no other agent."""
    for child in children_of(noun):
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ in ("compound", "amod") and (child.ent_type_ in _AGENT_ENTITIES or child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in children_of(child) if g.dep_ == "pobj"), None)
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object the noun is, directly or through a preposition ("comment on X")."""
    head = object_governor(noun)
    return head if head is not None and head.pos_ in _VERBS else None


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it completes ("refused [to criticise]")."""
    for _ in range(4):
        subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return subject
        verb = verb.head
    return None


def names_another_agent(noun: Token) -> bool:
    """An event noun object that names its own agent, other than the subject of the verb it is the
    object of: "did not condemn [Russia's invasion]", "refused to back [EU sanctions]". The verb's
    negation, refusal or modal is about the verb's own act, not about that agent's."""
    if noun.pos_ != "NOUN":
        return False
    verb = _governing_verb(noun)
    agent = _own_agent(noun)
    if verb is None or agent is None:
        return False
    subject = _clause_subject(verb)
    return subject is None or subject.lower_ != agent.lower_


def is_definite(noun: Token) -> bool:
    """A noun determined by a possessor or "the": it refers to a known, presupposed event."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in children_of(noun))
