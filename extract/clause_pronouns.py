"""Pronouns whose antecedent English fixes by the clause they stand in, not by recency.

- The subject pronoun of a relative clause on a named actor ("Ukraine, which it invaded in
  2022") cannot be that actor (it fills the clause's gap): it is the subject of the clause that
  governs the actor's noun ("Russia accused Ukraine, which it invaded ...": Russia). (A clause
  on a thing is left alone: the parser often hangs it on the wrong noun.)
- "whose" stands for the noun its relative clause modifies ("Li Qiang, whose government ...").
- The object pronoun of a participial adjunct set off by a comma ("Ethiopia expelled two
  Kenyan diplomats, accusing them of ...") cannot be the participle's implicit subject, the
  main clause's subject: it is the main clause's direct object, when that object names an
  actor and agrees with the pronoun in number ("them": plural; "him", "her", "it": singular).
  When that object is a thing and the participle's complement tells what its object did ("of",
  "for", "against", an infinitive), it is the one actor a preposition on the object or its verb
  names ("Somalia cut ties with Kenya, accusing it of meddling": Kenya).

Each function returns the mention the pronoun stands for, or None when the rule does not apply.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.mentions import Mention, MentionKind
from graph.model import ActorType

_RELATIVE_SUBJECT_PRONOUNS = frozenset({"it", "they"})
_PLURAL_OBJECT_PRONOUNS = frozenset({"them"})
_SINGULAR_OBJECT_PRONOUNS = frozenset({"him", "her", "it"})
_PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
#: Prepositions of a complement telling what a verb's object did: "accused X of", "blamed X for".
_AGENT_COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "against"})
#: Every pronoun whose clause may fix its antecedent (the words a caller need look at).
CLAUSE_FIXED_PRONOUNS = _RELATIVE_SUBJECT_PRONOUNS | _PLURAL_OBJECT_PRONOUNS | _SINGULAR_OBJECT_PRONOUNS | {"whose"}
#: Arcs from a noun up through the phrase it heads or sits in ("the attack in Kashmir, which ...").
_NOUN_PHRASE_ARCS = frozenset({"dobj", "pobj", "prep", "nsubjpass", "appos"})
_LONGEST_NOUN_PATH = 4


def relative_clause_subject(pronoun: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """The main subject a relative clause's subject "it"/"they" refers to (see module doc)."""
    clause = pronoun.head
    if pronoun.lower_ not in _RELATIVE_SUBJECT_PRONOUNS or pronoun.dep_ != "nsubj" or clause.dep_ != "relcl":
        return None
    if _named(clause.head, by_token) is None:
        return None  # only a clause on a named actor ("Ukraine, which it invaded"): a thing's may be misattached
    governor = clause.head
    for _ in range(_LONGEST_NOUN_PATH):  # up from the modified noun through its phrase to the verb it serves
        if governor.pos_ in ("VERB", "AUX") or governor.dep_ not in _NOUN_PHRASE_ARCS:
            break
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in children_of(governor) if c.dep_ == "nsubj"]
    if len(subjects) != 1 or (conjuncts_of(subjects[0]) and pronoun.lower_ == "it"):
        return None
    mention = _named(subjects[0], by_token)
    return None if mention is None or mention.actor.type is ActorType.PERSON else mention


def relative_possessor(pronoun: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """The noun a relative "whose" stands for: the one its relative clause modifies."""
    if pronoun.lower_ != "whose" or pronoun.dep_ != "poss":
        return None
    clause = pronoun.head
    while clause.dep_ != "relcl" and clause.head != clause and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    return _named(clause.head, by_token)


def adjunct_object(pronoun: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """The main clause's direct object, for the object pronoun of a comma-set participial adjunct."""
    participle = pronoun.head
    if pronoun.dep_ != "dobj" or not _is_comma_participle(participle):
        return None
    objects = [c for c in children_of(participle.head) if c.dep_ == "dobj" and c.i < participle.i]
    if len(objects) != 1:
        return None
    antecedent = objects[0] if _named(objects[0], by_token) is not None else (
        _object_phrase_party(objects[0], participle, by_token) if _makes_object_an_agent(participle) else None)
    if antecedent is None or not _agrees(pronoun, antecedent):
        return None
    return _named(antecedent, by_token)


def _makes_object_an_agent(participle: Token) -> bool:
    """A verb whose complement tells what its object did or is to do ("accusing it of meddling",
    "blaming it for", "urging it to withdraw"): its object is an actor, not a thing."""
    return any((c.dep_ == "prep" and c.lower_ in _AGENT_COMPLEMENT_PREPOSITIONS) or c.dep_ in ("xcomp", "ccomp")
               for c in children_of(participle))


def _object_phrase_party(thing: Token, participle: Token, by_token: Mapping[int, Mention]) -> Token | None:
    """The one actor a preposition names on the main clause's verb or on its object when that
    object is a thing ("cut ties with Kenya, accusing it of ..."), before the adjunct."""
    holders = (thing.head, thing)
    named = [g for holder in holders for p in children_of(holder) if p.dep_ == "prep" and p.i < participle.i
             for g in children_of(p) if g.dep_ == "pobj" and _named(g, by_token) is not None]
    return named[0] if len(named) == 1 else None


def _is_comma_participle(verb: Token) -> bool:
    return (
        verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.i > 0
        and verb.doc[verb.i - 1].text == "," and verb.head.pos_ in ("VERB", "AUX")
    )


def _agrees(pronoun: Token, noun: Token) -> bool:
    plural = noun.tag_ in _PLURAL_NOUN_TAGS or bool(conjuncts_of(noun))
    if pronoun.lower_ in _PLURAL_OBJECT_PRONOUNS:
        return plural
    return pronoun.lower_ in _SINGULAR_OBJECT_PRONOUNS and not plural


def _named(token: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """The mention naming ``token`` itself (not one got from another pronoun)."""
    mention = by_token.get(token.i)
    if mention is None or mention.kind is MentionKind.PRONOUN:
        return None
    return mention
