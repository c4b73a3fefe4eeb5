"""Event nouns that their clause does not report as an act: the noun is read by its sense in the
clause, not by its surface.

English tells an event by a noun as often as by a verb, but a noun names its event whether or not
the clause says it happens. CAMEO codes an event the text reports; these constructions report none:

* Topic: an event noun that is the object of a verb of content ("agreements covering trade", "the
  speech focused on aid") or of the preposition of topic of a noun of a text, agreement or discussion
  ("a deal on trade", "talks on sanctions") is what the text or meeting is about: ``not_an_event``.
* Deliberation: an event noun that is the object of a verb of examining or judging ("Canada
  reviewed its aid to Haiti", "senators questioned the aid", "weighed sanctions") is the topic
  looked at. Its agent is not the examiner and the examiner does not do it now: the noun's event is
  dropped when its agent is the verb's own subject (or the noun names none), ``not_an_event``. An act
  of another agent ("the UN investigated Russia's attack") is left to the rules that read it.
* Failure and lapse: talks that are the subject of a verb of failing ("talks collapsed", "broke
  down") are halted negotiations, CAMEO 164 (the OEDA dictionary: TALKS * COLLAPSE 164); any other
  event noun that is the subject of such a verb, or of a verb of lapsing ("the sanctions expired",
  "the aid ran out"), did not take place or is not in force as reported: ``not_an_event``. So is an
  act said by a participle on such a noun ("the sanctions imposed by X expired").
* Deferral, likelihood and conjecture: an event noun that is the object or passive subject of a verb
  of putting off ("the summit was delayed", "talks were put on hold") is still to come, an intended
  event; one that is the subject of "be" with an adjective of likelihood ("a visit was unlikely") or
  the "of"/"about" complement of a noun of conjecture or outlook ("rumours of a deal", "the
  prospect of sanctions") or of a report denied ("denied reports of talks") is only possible, a
  hypothetical one (``unreported_modality``).
* Standing arrangement, activity or volume: an agreement noun held or kept ("has a defence treaty
  with X"), a noun of continuing activity that is the subject of a verb of continuing ("cooperation
  continues") and a noun of the volume of trade or the stock of investment that is the subject of a
  verb of change in amount or of measure with a quantity ("trade between them doubled", "trade
  reached $30 billion") state how things stand: ``standing_state``.

A verb of a verbal act (a statement, an appeal, disapproval, a threat) whose subject is a noun
naming a material act ("Turkey's offensive concerned the United States") reports no statement of the
act's agent: an act does not speak (``not_an_event``).

A noun of travel whose destination is named takes its traveller from its "of" phrase, the subject
genitive of English ("the visit of the Turkish president to Azerbaijan"), where nothing else names
one (``with_traveller``).

The noun read is the one whose phrase carries the event: the trigger noun, or the head it is a
compound of ("the aid package"), or the first conjunct of a coordination. The words are in
``noun_senses.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate, Context, actors_of, clause_subject, prep_objects, subject_actors
from extract.phrase_heads import noun_phrase_head
from extract.qualifiers import Qualifiers
from graph.model import Actor, DropReason, Modality, Polarity

#: Dependencies of the noun a verb acts on: its object, or the subject of its passive.
_PATIENTS = frozenset({"dobj", "nsubjpass"})
#: Dependencies of a verb's subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Verbs of being that take a predicate adjective ("was unlikely", "seemed unlikely").
_COPULAS = frozenset({"be", "seem", "look", "appear", "remain"})
#: CAMEO root of consultations (talks, meetings) and the code of halted negotiations.
_CONSULT_ROOT = "04"
_HALT_NEGOTIATIONS = "164"
#: How much each modality withholds from a plain report, weakest first.
_MODALITY_RANK = {Modality.ASSERTED: 0, Modality.REPORTED: 1, Modality.INTENDED: 2, Modality.HYPOTHETICAL: 3}
#: How far up a noun phrase the event's head is looked for (conjunct, compound head).
_MAX_CLIMB = 4


class NounSenseWordsError(ValueError):
    """A malformed ``noun_senses.toml``."""


@dataclass(frozen=True)
class NounSenseWords:
    """The closed classes of ``noun_senses.toml`` (see the comments there)."""

    deliberating_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    topic_nouns: frozenset[str]
    topic_prepositions: frozenset[str]
    conjecture_nouns: frozenset[str]
    conjecture_prepositions: frozenset[str]
    report_nouns: frozenset[str]
    denying_verbs: frozenset[str]
    failing_verbs: frozenset[str]
    deferring_verbs: frozenset[str]
    lapsing_verbs: frozenset[str]
    likelihood_adjectives: frozenset[str]
    arrangement_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    activity_nouns: frozenset[str]
    continuing_verbs: frozenset[str]
    flow_nouns: frozenset[str]
    amount_verbs: frozenset[str]
    measure_verbs: frozenset[str]
    travel_nouns: frozenset[str]


def load_noun_sense_words(path: Path) -> NounSenseWords:
    """Read ``noun_senses.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, NounSenseWordsError)
    return NounSenseWords(
        words("deliberating_verbs"), words("topic_verbs"), words("topic_nouns"),
        words("topic_prepositions"), words("conjecture_nouns"), words("conjecture_prepositions"),
        words("report_nouns"), words("denying_verbs"),
        words("failing_verbs"), words("deferring_verbs"), words("lapsing_verbs"), words("likelihood_adjectives"),
        words("arrangement_nouns"), words("holding_verbs"), words("activity_nouns"), words("continuing_verbs"),
        words("flow_nouns"), words("amount_verbs"), words("measure_verbs"), words("travel_nouns"),
    )


def with_noun_sense(candidate: Candidate, ctx: Context, words: NounSenseWords) -> Candidate:
    """The candidate, as halted talks when its talks failed, or a drop (``not_an_event`` or
    ``standing_state``) when its event noun's clause does not report the event."""
    candidate = with_traveller(candidate, ctx, words)
    if candidate.drop is not None:
        return candidate
    act = _material_act_subject(candidate, ctx)
    if act is not None:
        detail = f"the subject of '{candidate.trigger.lemma_}' is an act, '{act.lemma_}', not a speaker"
        return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=DropReason.NOT_AN_EVENT,
                       detail=detail)
    noun = event_noun(candidate.trigger)
    if noun is None:
        return candidate
    halted = halted_talks(noun, candidate, ctx, words)
    if halted is not None:
        return halted
    found = unreported(noun, candidate, ctx, words)
    if found is None:
        return candidate
    reason, detail = found
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=reason, detail=detail)


#: A noun's event paired through its "of" phrase is as certain as one paired through its possessor.
TRAVELLER_CONFIDENCE = 0.68


def with_traveller(candidate: Candidate, ctx: Context, words: NounSenseWords) -> Candidate:
    """A noun of travel with its destination found in its "to" phrase but no traveller takes the
    actor of its "of" phrase as the traveller ("the visit of the Turkish president to Azerbaijan"); the candidate as
    it was otherwise."""
    noun = candidate.trigger
    if candidate.drop is not DropReason.NO_SUBJECT or not candidate.objects or noun.pos_ != "NOUN" \
            or noun.lemma_.lower() not in words.travel_nouns:
        return candidate
    travellers = [a for t in prep_objects(noun, ("of",)) for a in actors_of(t, ctx)]
    destinations = [a for a in candidate.objects
                    if any(a in actors_of(t, ctx) for t in prep_objects(noun, ("to",), through_of=True))]
    travellers = [a for a in travellers if a not in destinations]
    if not travellers or not destinations or _other_actors_inside(noun, destinations, ctx):
        return candidate
    return replace(candidate, subjects=tuple(travellers), objects=tuple(destinations), confidence=TRAVELLER_CONFIDENCE,
                   drop=None, detail="")


#: CAMEO quad classes of verbal acts (statements, appeals, disapproval, threats) and of material ones.
_VERBAL_QUADS = frozenset({1, 3})
_MATERIAL_QUADS = frozenset({2, 4})


def _material_act_subject(candidate: Candidate, ctx: Context) -> Token | None:
    """The subject of a verb of a verbal act that is a noun naming a material act ("Turkey's
    offensive concerned the United States", "Brazil's purchase worried Canada"): an act says
    nothing, so its possessor made no statement; None for any other candidate."""
    verb = candidate.trigger
    if verb.pos_ != "VERB" or ctx.ontology.relation(candidate.relation).quad_class not in _VERBAL_QUADS:
        return None
    for subject in (c for c in children_of(verb) if c.dep_ == "nsubj" and c.pos_ == "NOUN" and ctx.actor(c) is None):
        triggers = ctx.ontology.triggers_for("NOUN", subject.lemma_.lower())
        if triggers and all(ctx.ontology.relation(t.relation).quad_class in _MATERIAL_QUADS for t in triggers):
            return subject
    return None


def _other_actors_inside(noun: Token, destinations: list[Actor], ctx: Context) -> bool:
    """Whether the noun's "to" phrase holds an actor besides its destinations: a phrase the parser
    ran on into the next clause ("to [Azerbaijan angered Armenia]"), which names no one place."""
    inside = {ctx.actor(t) for p in prep_objects(noun, ("to",)) for t in p.subtree} - {None}
    return bool(inside - set(destinations))


def event_noun(trigger: Token) -> Token | None:
    """The noun whose phrase carries the trigger's event: the trigger noun, or the noun a participle
    trigger describes ("the sanctions [imposed] by X"); None for any other verb."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return trigger
    if trigger.pos_ == "VERB" and trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ == "NOUN":
        return trigger.head
    return None


def unreported(noun: Token, candidate: Candidate, ctx: Context, words: NounSenseWords) -> tuple[DropReason, str] | None:
    """Why the clause does not report the noun's event as an act at all, or None when it may."""
    head = noun_phrase_head(noun, through_compounds=True, max_steps=_MAX_CLIMB)
    governor = head.head
    topic = _topic_of(head, words)
    if topic is not None:
        return DropReason.NOT_AN_EVENT, f"'{noun.lemma_}' is the topic of '{topic}'"
    if head == governor or governor.pos_ not in ("VERB", "AUX"):
        return None
    lemma = governor.lemma_.lower()
    if head.dep_ in _PATIENTS and lemma in words.deliberating_verbs and candidate.trigger == noun \
            and _agent_is_examiner(candidate, governor, ctx):
        return DropReason.NOT_AN_EVENT, f"'{noun.lemma_}' examined by '{lemma}'"
    if head.dep_ == "nsubj":
        for kind, verbs in (("failed", words.failing_verbs), ("lapsed", words.lapsing_verbs)):
            phrase = verb_phrase(governor, verbs)
            if phrase is not None:
                return DropReason.NOT_AN_EVENT, f"'{noun.lemma_}' {kind}: '{phrase}'"
    return _standing(noun, head, governor, words)


def _topic_of(head: Token, words: NounSenseWords) -> str | None:
    """The verb of content or the noun of a text, agreement or discussion whose topic the noun phrase
    is: the verb's direct object ("covering trade"), the object of its preposition ("focused on aid")
    or of the noun's preposition of topic ("a deal on trade", "talks on sanctions"); None otherwise."""
    if head.dep_ == "dobj":
        verb = head.head
        phrase = verb_phrase(verb, words.topic_verbs) if verb.pos_ in ("VERB", "AUX") else None
        return phrase if phrase is not None and len(phrase.split()) == 1 else None
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    prep, holder = head.head, head.head.head
    if holder.pos_ in ("VERB", "AUX"):
        phrase = f"{holder.lemma_.lower()} {prep.lower_}"
        if phrase in words.topic_verbs:
            return phrase
        # the parser may hang the topic on the verb of the text's noun: "signed [a deal] [on trade]"
        objects = [c for c in children_of(holder) if c.dep_ == "dobj" and c.i < prep.i]
        holder = objects[0] if objects else holder
    kind = holder.lemma_.lower()
    if holder.pos_ == "NOUN" and prep.lower_ in words.topic_prepositions \
            and (kind in words.topic_nouns or kind in words.arrangement_nouns):
        return f"{kind} {prep.lower_}"
    return None


def halted_talks(noun: Token, candidate: Candidate, ctx: Context, words: NounSenseWords) -> Candidate | None:
    """Talks that are the subject of a verb of failing ("talks collapsed", "the negotiations broke
    down") are halted: CAMEO 164 (the OEDA dictionary codes TALKS * COLLAPSE 164), between the
    talks' parties. None for any other candidate."""
    if candidate.trigger != noun or ctx.ontology.relation(candidate.relation).cameo[:2] != _CONSULT_ROOT:
        return None
    head = noun_phrase_head(noun, through_compounds=True, max_steps=_MAX_CLIMB)
    if head.dep_ != "nsubj" or verb_phrase(head.head, words.failing_verbs) is None:
        return None
    halted = ctx.ontology.relation_for_code(_HALT_NEGOTIATIONS)
    attributes = tuple(sorted({*candidate.attributes, ("cameo", _HALT_NEGOTIATIONS)})) \
        if halted.cameo != _HALT_NEGOTIATIONS else candidate.attributes
    return replace(candidate, relation=halted.name, attributes=attributes)


def unreported_modality(trigger: Token, words: NounSenseWords) -> Modality | None:
    """The modality the clause gives the trigger's event noun: intended when it is put off ("the
    summit was delayed", "postponed the visit": still to come), hypothetical when it is only likely
    or possible ("a visit was unlikely") or the complement of a noun of conjecture ("rumours of a deal");
    None when the clause says neither."""
    noun = event_noun(trigger)
    if noun is None:
        return None
    head = noun_phrase_head(noun, through_compounds=True, max_steps=_MAX_CLIMB)
    governor = head.head
    if head == governor:
        return None
    if head.dep_ == "pobj" and governor.lower_ in words.conjecture_prepositions and governor.head.pos_ == "NOUN":
        holder = governor.head
        if holder.lemma_.lower() in words.conjecture_nouns:
            return Modality.HYPOTHETICAL
        denied = holder.dep_ == "dobj" and holder.head.lemma_.lower() in words.denying_verbs
        if holder.lemma_.lower() in words.report_nouns and denied:
            return Modality.HYPOTHETICAL  # "denied reports of talks"
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    if head.dep_ in _PATIENTS and verb_phrase(governor, words.deferring_verbs) is not None:
        return Modality.INTENDED
    if head.dep_ == "nsubj" and governor.lemma_.lower() in _COPULAS and any(
            c.dep_ == "acomp" and c.lemma_.lower() in words.likelihood_adjectives for c in children_of(governor)):
        return Modality.HYPOTHETICAL
    return None


def with_unreported_modality(qualifiers: Qualifiers, trigger: Token, words: NounSenseWords) -> Qualifiers:
    """The qualifiers with the modality ``unreported_modality`` reads, where it is the weaker one and
    the clause does not already deny the event ("postponed a visit" reads as a visit not made)."""
    if qualifiers.polarity is Polarity.NEGATED:
        return qualifiers
    modality = unreported_modality(trigger, words)
    if modality is None or _MODALITY_RANK[modality] <= _MODALITY_RANK[qualifiers.modality]:
        return qualifiers
    return replace(qualifiers, modality=modality)


def _standing(noun: Token, head: Token, governor: Token, words: NounSenseWords) -> tuple[DropReason, str] | None:
    """A held arrangement, a continuing activity or a measured flow: how things stand, not an act."""
    lemma = governor.lemma_.lower()
    kind = noun.lemma_.lower()
    if head.dep_ == "dobj" and kind in words.arrangement_nouns and lemma in words.holding_verbs:
        return DropReason.STANDING_STATE, f"'{kind}' held: '{lemma}'"
    if head.dep_ != "nsubj":
        return None
    if kind in words.activity_nouns and verb_phrase(governor, words.continuing_verbs) is not None:
        return DropReason.STANDING_STATE, f"'{kind}' continuing: '{lemma}'"
    if kind in words.flow_nouns and (lemma in words.amount_verbs
                                     or (lemma in words.measure_verbs and _states_a_quantity(governor, head))):
        return DropReason.STANDING_STATE, f"'{kind}' measured: '{lemma}'"
    return None


#: Entity labels of amounts.
_AMOUNTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})


def _states_a_quantity(verb: Token, subject: Token) -> bool:
    """Whether the verb's clause, outside its subject, names an amount ("reached $30 billion")."""
    inside = {t.i for t in subject.subtree}
    return any(t.ent_type_ in _AMOUNTS or t.like_num for t in verb.subtree if t.i not in inside and t != verb)


def _agent_is_examiner(candidate: Candidate, verb: Token, ctx: Context) -> bool:
    """Whether the noun's event has no agent but the examining verb's subject (or none at all)."""
    examiners = subject_actors(clause_subject(verb, ctx), ctx)
    return not candidate.subjects or any(s in examiners for s in candidate.subjects)


def verb_phrase(verb: Token, phrases: frozenset[str]) -> str | None:
    """The listed phrase the verb makes: its lemma, followed by the particles, prepositions and
    prepositional objects the phrase names ("break down", "put on hold"); None when none fits."""
    lemma = verb.lemma_.lower()
    carried = set()
    for child in children_of(verb):
        if child.dep_ in ("prt", "advmod"):  # the parser reads some particles as adverbs ("pushed back")
            carried.add(child.lower_)
        elif child.dep_ == "prep":
            carried.add(child.lower_)
            carried.update(g.lemma_.lower() for g in children_of(child) if g.dep_ == "pobj")
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        first, *rest = phrase.split()
        if first == lemma and all(word in carried for word in rest):
            return phrase
    return None
