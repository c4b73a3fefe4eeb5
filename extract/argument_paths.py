"""Paths English uses to connect a trigger with an argument outside its own phrase.

Rules of English (each reads tokens only; extract/patterns.py turns the tokens into actors):

- an object gap: a relative clause with a subject of its own whose verb lacks its object, or has
  a relative pronoun as object, or leaves its preposition stranded, is about the noun it
  modifies: "the Ukrainian grain (that) Poland banned" (Poland banned the grain), "the state
  (that) Russia declared war on"; a clause opened by "where", "when" or "why" has no gap;
- a removal said in the passive without "by" ("Venezuelan migrants were expelled from Chile",
  "Russian diplomats deported from Poland") is done by the state or body named after "from":
  the one removed is the object, the one removed from is the agent;
- a joint act named by a noun takes its parties from a coordinated "of" phrase as from
  "between": "the meeting of Iran and Saudi Arabia";
- a verb of joint action pairs its coordinated subjects with each other only when it has no
  direct object: "Egypt and Qatar met" (with each other), but "Egypt and Qatar met Iran" (each
  met Iran);
- a group "X-led" is X's: "Saudi-led coalition jets", "US-led forces" act for the state that
  leads them; "X-backed" or "X-funded" names a patron, not the group, and qualifies nothing;
- a verbal conflict (protesting, complaining, threatening) with no object, said with a clause of
  its occasion ("after", "when", "because"), is aimed at whoever acts in that clause: "Vietnam
  protested after Chinese ships entered its waters", "Kenya complained when Ugandan troops
  crossed the border"; the one acted on in a passive occasion is not its target, and a
  coordinated subject whose members act on each other ("X and Y traded insults as ...") keeps
  its own pairing;
- a verb acting on a relation noun ("cut ties", "severed relations") with coordinated subjects
  and no "with" phrase acts on the relation between those subjects: "Morocco and Algeria cut
  diplomatic ties" (each with the other);
- a joint act named in a temporal adjunct of a clause ("during talks with Xi", "at a meeting with
  Biden", "after talks with X") is one the clause's subject takes part in: "During talks with
  Xi, Putin praised ..." (Putin held the talks); an act of one side ("after the attack on X") is not;
- a headline writes "and" as a comma: "Russia, Ukraine agree to prisoner swap", "Egypt, Israel
  sign gas deal": names before a plural present verb, separated by a comma, are its coordinated
  subjects (a singular verb, "Russia, the largest exporter, agrees", has one subject);
- an event noun in the "of" phrase of a container noun ("a shipment of arms to Israel") or of an
  agent noun of supplying ("a supplier of weapons to Ukraine") takes its target from the
  container's or agent noun's prepositions, where the parser hangs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of

#: Pronouns that open a relative clause.
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: Words opening a relative clause about a place, time or reason: such a clause has no object gap.
_ADVERBIAL_RELATIVES = frozenset({"where", "when", "why", "how", "whereby"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_CLAUSE_ARCS = frozenset({"ccomp", "xcomp"})


def relative_gap_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """The noun a relative clause modifies when it fills the gap of the clause's object (with
    ``preps``, of one of those prepositions); [] when the clause has no such gap."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ not in _NOUN_POS:
        return []
    children = list(children_of(verb))
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects or any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        return []  # the noun is the subject ("the state that invaded ..."), handled as a subject
    if any(c.lower_ in _ADVERBIAL_RELATIVES for c in children):
        return []
    if preps:
        for prep in (c for c in children if c.dep_ in ("prep", "dative") and c.lower_ in preps):
            objects = [g for g in children_of(prep) if g.dep_ in ("pobj", "pcomp")]
            if not objects or all(g.lower_ in RELATIVE_PRONOUNS for g in objects):
                return [noun]  # "the state Russia declared war on", "the state on which ..."
        return []
    objects = [c for c in children if c.dep_ in ("dobj", "dative")]
    if objects:
        return [noun] if all(o.lower_ in RELATIVE_PRONOUNS for o in objects) else []
    if any(c.dep_ in _CLAUSE_ARCS for c in children):
        return []  # "the grain Poland said was unsafe": the gap is in the clause below
    return [noun]


@dataclass(frozen=True)
class Removal:
    """A removal said in the passive: who removes (the "from" objects) and who is removed."""

    removers: tuple[Token, ...]
    removed: tuple[Token, ...]


def passive_removal(verb: Token, removal_verbs: frozenset[str]) -> Removal | None:
    """The parties of a passive removal verb with a "from" phrase and no "by" phrase; None otherwise."""
    if verb.lemma_.lower() not in removal_verbs:
        return None
    children = list(children_of(verb))
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in _NOUN_POS
    removed = [c for c in children if c.dep_ == "nsubjpass"] or ([verb.head] if participle else [])
    if not removed or any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children):
        return None
    removers = [g for c in children if c.dep_ == "prep" and c.lower_ == "from"
                for g in children_of(c) if g.dep_ == "pobj"]
    if not removers:
        return None
    return Removal(tuple(removers), tuple(removed))


def joint_of_parties(noun: Token) -> list[Token]:
    """The objects of the noun's "of" phrase: for a joint act, its parties ("the meeting of Iran
    and Saudi Arabia"); the caller requires two actors or more."""
    return [g for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"
            for g in children_of(c) if g.dep_ == "pobj"]


def of_phrase_holder(noun: Token, holder_nouns: frozenset[str]) -> Token | None:
    """The container or supplying agent noun whose "of" phrase an event noun is ("a shipment of
    arms", "a supplier of weapons"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    holder = prep.head
    if holder.pos_ != "NOUN" or holder.lemma_.lower() not in holder_nouns:
        return None
    return holder


def direct_objects(trigger: Token) -> list[Token]:
    """The direct objects of a verb trigger ([] for a noun): a joint act's other party when it names
    an actor ("Egypt and Qatar met Iran")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in children_of(trigger) if c.dep_ == "dobj"]


#: The participle of "X-led Y": the group Y is led by, and so acts for, X.
_LEADING_PARTICIPLE = "led"


def led_group_leader(head: Token) -> Token | None:
    """The word naming who leads a group noun written "X-led" ("Saudi-led coalition jets",
    "US-led forces"), through the noun's compounds; None otherwise."""
    for noun in (head, *(c for c in head.lefts if c.dep_ == "compound")):
        for child in noun.lefts:
            if child.dep_ == "amod" and child.lower_ == _LEADING_PARTICIPLE and child.i > 0:
                hyphen = child.doc[child.i - 1]
                leaders = [g for g in child.lefts if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < hyphen.i]
                if hyphen.text == "-" and leaders:
                    return leaders[-1]
    return None


#: Subordinators of a clause telling the occasion of a reaction: "protested after/when/because ...".
_OCCASION_MARKERS = frozenset({"after", "when", "because", "once"})


def occasion_agents(verb: Token) -> list[Token]:
    """Who acts in a clause of the verb's occasion ("protested after [Chinese ships] entered"): the
    active subjects, or the "by" agents of a passive one; [] when there is no such clause."""
    agents: list[Token] = []
    for clause in (c for c in children_of(verb) if c.dep_ == "advcl"):
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in _OCCASION_MARKERS for m in children_of(clause)):
            continue
        agents += [c for c in children_of(clause) if c.dep_ == "nsubj"]
        agents += [g for c in children_of(clause) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"]
    return agents


def severs_mutual_relation(verb: Token, relation_nouns: frozenset[str]) -> bool:
    """A verb whose direct object is a relation noun and that names no other party with "with"
    ("Morocco and Algeria cut diplomatic ties"): its coordinated subjects are the relation's parties."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    children = list(children_of(verb))
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in relation_nouns for c in children):
        return False
    named_party = any(
        p.dep_ == "prep" and p.lower_ == "with" for holder in (verb, *children) for p in children_of(holder)
    )
    return not named_party


def is_joint_occasion(noun: Token, prep: Token, occasion_prepositions: frozenset[str], joint: bool) -> bool:
    """A joint act's noun (``joint``) as the object of a temporal preposition on a verb: "during
    talks with Xi", "at a meeting with Biden"."""
    return joint and noun.dep_ == "pobj" and prep.lower_ in occasion_prepositions and prep.head.pos_ in ("VERB", "AUX")


#: CAMEO's code of a trip ("make a visit"): the verbs of its relation tell travel.
VISIT_CODE = "042"


def is_trip_purpose(noun: Token, prep: Token, purpose_prepositions: frozenset[str], joint: bool,
                    travels: bool) -> bool:
    """A joint act's noun (``joint``) as the purpose of a trip: the object of "for" on a verb of
    travel (``travels``: "flew to Nairobi for talks with Ruto", "arrived for a summit"). The
    traveller takes part in it."""
    return joint and travels and noun.dep_ == "pobj" and prep.lower_ in purpose_prepositions


#: Tags of a plural present verb or a bare one, as headlines write them ("agree", "sign").
_PLURAL_PRESENT_TAGS = frozenset({"VBP", "VB"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})


def headline_co_subjects(subject: Token) -> list[Token]:
    """The names a headline's comma coordinates with a verb's subject ("Russia, Ukraine agree"):
    the name across a comma before the subject or in apposition after it; [] otherwise."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.tag_ not in _PLURAL_PRESENT_TAGS or subject.tag_ not in _NAME_TAGS:
        return []
    doc = subject.doc
    found = [
        child for child in children_of(subject)
        if child.dep_ == "appos" and child.tag_ in _NAME_TAGS and child.i > 0 and doc[child.i - 1].text == ","
    ]
    start = subject.left_edge.i
    for other in children_of(verb):
        if other == subject or other.dep_ not in ("nsubj", "npadvmod") or other.tag_ not in _NAME_TAGS:
            continue
        before = start - other.i == 2 and doc[other.i + 1].text == ","
        after = other.left_edge.i - subject.i == 2 and doc[subject.i + 1].text == ","
        if before or after:
            found.append(other)
    return found
