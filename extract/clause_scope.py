"""Where a governing clause's negation, intention or condition stops: two rules of English clause
structure that the parse alone does not show.

- A verb in a finite tense cannot be part of an infinitive clause: in "refused to meet X and sent
  aid", "sent" is coordinated with "refused", not with "meet", whatever the parser attached it to.
- An adverbial clause of time or reason in a past or perfect tense ("after X struck Y", "because
  X had closed the border") tells an act as done: the main clause's intention, modal or condition
  does not reach it ("after X struck Y, both sides agreed to a truce" asserts the strike).
"""

from __future__ import annotations

from spacy.tokens import Token

#: Subordinators of time and reason: their clause states when or why, not what is intended.
TIME_AND_REASON_MARKERS = frozenset({"after", "before", "since", "because", "as", "when", "while", "until", "once"})
#: Penn tags of a verb in a finite tense of its own (past, third person present).
_FINITE_TAGS = frozenset({"VBD", "VBZ"})
_VERBS = frozenset({"VERB", "AUX"})


def finite_conjunct_partner(verb: Token) -> Token | None:
    """The verb that ``verb`` is truly coordinated with when the parser made a finite verb the
    conjunct of an infinitive: the infinitive's governor ("refused" in "refused to meet X and sent
    aid"). None when ``verb`` is no such conjunct."""
    infinitive = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE_TAGS or infinitive.tag_ != "VB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    governor = infinitive.head
    if infinitive.dep_ not in ("xcomp", "advcl", "ccomp") or governor.pos_ not in _VERBS | {"ADJ"}:
        return None
    return governor


def is_completed_adverbial(clause: Token) -> bool:
    """An adverbial clause of time or reason whose verb is in a past or perfect tense: "after Iran
    seized the tanker", "since Russia invaded", "because Ankara had closed the border"."""
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in TIME_AND_REASON_MARKERS for c in clause.children
    ):
        return False
    if clause.tag_ == "VBD":
        return not any(c.dep_ == "aux" for c in clause.children)  # "after it could strike" is no completed act
    return clause.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in clause.children
    )
