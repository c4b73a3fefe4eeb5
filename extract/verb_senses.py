"""Verbs read by their object: a frequent verb whose object selects another sense than its literal
one ("traded accusations" accuses, "sent a delegation to" visits, "paid tribute to" praises, "pay
the price" is no transfer at all).

Rule: a pattern that names the verb's object words (or a preposition and its object's words) says
more than the verb alone. So at a verb whose parse fills such a pattern of the CAMEO verb dictionary
(cameo_verbs.tsv), that pattern's code beats the ontology's bare-verb trigger; where the dictionary
lists no pattern, a class of figurative objects in verb_senses.toml may. The ontology keeps its own
verb+object triggers ("cut tie with"), and a sense giving the relation the ontology gives anyway
leaves the ontology's reading alone. A sense coded "---" (the dictionary's "no event") drops the
verb with the countable reason ``no_event_sense``. The dictionary's bare defaults never override.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.ontology import Trigger, generic_code
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    coded_verb_candidate,
    is_prepositional_phrase,
    verb_candidates,
)
from extract.verb_dictionary import ParseSlots, VerbPattern, parse_slots, particle_words
from extract.verb_sense_table import ObjectClass
from graph.model import DropReason

#: Where a sense came from, for drop details and measurements.
FROM_DICTIONARY = "dictionary"
FROM_OBJECT_CLASS = "object class"
_OBJECT_MISSING = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.UNQUALIFIED_AGENT})


@dataclass(frozen=True)
class ObjectSense:
    """The sense a verb's object gives it: a CAMEO code (None: no event), where its target sits
    and whether its own object words were named (then the object is a thing, not the target)."""

    code: str | None
    particle: str | None
    target_prep: str | None
    names_object: bool
    mutual: bool
    source: str
    detail: str
    literal: str = ""  # the relation the verb says by itself (named in a no-event drop)
    target_preps: tuple[str, ...] = ()  # a class's own target prepositions (none: the lexicon's)


#: CAMEO's root of expressed intent (03): geokg codes an intention as the act with ``intended``
#: modality, read from the governing verb ("promised to send arms"); an object pattern of an act
#: verb coded 03 ("supply + drones" 0332) would code the act itself as a mere intention.
INTENT_ROOT = "03"


def object_sense(verb: Token, ctx: Context) -> ObjectSense | None:
    """The sense the verb's object selects, if it overrides what the verb would otherwise say: a
    class marked ``before_dictionary`` (it corrects the dictionary's reading of the verb with these
    objects), else the dictionary's most specific object pattern, else a class of figurative
    objects. None where
    an ontology verb+object trigger fits, where no pattern or class names this object, where the
    sense gives the ontology's own relation, or where the verb has no ontology trigger and the
    dictionary codes it anyway (``dictionary_candidates``)."""
    lemma = verb.lemma_.lower()
    triggers = ctx.ontology.triggers_for("VERB", lemma)
    table = ctx.ontology.verb_senses
    partitives = ctx.lexicon.partitive_nouns
    # the verb's slots, read once for the classes and the dictionary (and kept for the block's other readings)
    def slots() -> ParseSlots:
        return parse_slots(verb, ctx.memo)

    first_class = _object_class(verb, tuple(c for c in table.classes_for(lemma) if c.before_dictionary), partitives,
                                slots)
    fitting = [t.particle for t in triggers if t.particle and _has_words(verb, t.particle)]
    if fitting and (first_class is None or not all(set(p.split()) <= particle_words(verb) for p in fitting)):
        # an ontology trigger with its middle words fits; only a class read before the dictionary
        # overrides one whose middle words are mere particles ("handed over the suspects to X")
        return None
    pattern = None if first_class is not None else (
        ctx.ontology.verbs.object_pattern(verb, slots()) if lemma in table.general_verbs or not triggers else None)
    if first_class is not None:
        sense = _class_sense(first_class)
    elif pattern is not None:
        if pattern.code is not None and not triggers:
            return None  # the dictionary codes this verb already, with this very pattern
        if pattern.code is not None and pattern.code[:2] == INTENT_ROOT:
            # an intention is said by the verb that governs the act, not by its object; a class of
            # the verb's figurative objects may still say that the verb is no act ("gave assurances")
            found_class = _object_class(verb, table.classes_for(lemma), partitives, slots)
            if found_class is None:
                return None
            sense = _class_sense(found_class)
        else:
            sense = _dictionary_sense(pattern)
    else:
        found = _object_class(verb, table.classes_for(lemma), partitives, slots)
        if found is None:
            return None
        sense = _class_sense(found)
    if sense.code is not None and ctx.ontology.relation_for_code(sense.code).name in _reading_relations(verb, triggers):
        return None
    literal = triggers[0].relation if triggers else _default_relation(lemma, ctx)
    if sense.code is None and literal is None:
        return None  # no event to suppress: the verb says nothing by itself either
    return replace(sense, literal=literal or "")


def _reading_relations(verb: Token, triggers: tuple[Trigger, ...]) -> set[str]:
    """The relations of the triggers that can read the verb here: those without a particle (one whose
    particle is present returned earlier) and without a preposition, or whose preposition is on the
    verb ("call on X" reads "called on X", not "called for calm")."""
    preps = {c.lower_ for c in children_of(verb) if c.dep_ == "prep"}
    return {t.relation for t in triggers if not t.particle and (not t.preps or preps & set(t.preps))}


def sense_candidates(verb: Token, sense: ObjectSense, ctx: Context) -> Iterator[Candidate]:
    """The candidate the sense gives at the verb: a ``no_event_sense`` drop, or the act of its code
    aimed at the dative or the object of a target preposition when the sense names the object's
    words ("sent a delegation to X", "gave X a deadline"), else at the direct object; both ways
    when the act is mutual ("X traded insults with Y")."""
    lemma = verb.lemma_.lower()
    if sense.code is None:
        yield Candidate(verb, sense.literal, (), (), (), 0.0, DropReason.NO_EVENT_SENSE, f"{lemma}: {sense.detail}")
        return
    relation = ctx.ontology.relation_for_code(sense.code)
    if sense.target_prep:
        first: tuple[str, ...] = (sense.target_prep,)
    elif sense.target_preps:
        first = sense.target_preps
    elif sense.names_object:
        first = tuple(sorted(ctx.lexicon.target_prepositions))
    else:
        first = ()
    trig = Trigger(lemma, "VERB", relation.name, sense.particle, first, None)
    candidate = coded_verb_candidate(verb, trig, ctx)
    if candidate.drop in _OBJECT_MISSING and candidate.subjects and first and not sense.target_prep \
            and not sense.target_preps:  # a class's own target prepositions are the only place of its target
        if sense.names_object and any(ctx.actor(o) is not None for o in _direct_objects(verb)):
            # "welcomed the delegation from Zambia": the named object is the actor acted on, so
            # the pattern names no thing and the verb keeps its own reading
            yield from verb_candidates(verb, ctx)
            return
        # "gave Iraq a deadline", "welcomed Sudan's decision": the target is the dative or the
        # object's own actor
        candidate = coded_verb_candidate(verb, replace(trig, preps=()), ctx)
    if candidate.drop is not None:
        yield candidate
        return
    attributes = candidate.attributes
    if sense.code != relation.cameo:
        attributes = tuple(sorted({*attributes, ("cameo", sense.code)}))
    pairs = candidate.actor_pairs()
    if sense.mutual and candidate.objects:
        pairs = tuple(dict.fromkeys((*pairs, *((o, s) for s, o in pairs))))
    confidence = round(candidate.confidence * DICTIONARY_CONFIDENCE, 3)
    yield replace(candidate, attributes=attributes, confidence=confidence, pairs=pairs)


def _default_relation(lemma: str, ctx: Context) -> str | None:
    """The relation of the dictionary's default code for a verb no ontology trigger names, as
    ``dictionary_candidates`` uses it (a root's catch-all X0 is not used)."""
    entry = ctx.ontology.verbs.entries.get(lemma)
    if entry is None or entry.default is None or entry.default == generic_code(entry.default):
        return None
    return ctx.ontology.relation_for_code(entry.default).name


def _dictionary_sense(pattern: VerbPattern) -> ObjectSense:
    words = " | ".join(p.head for p in pattern.objects[:3]) or " | ".join(p.head for p in pattern.prep_objects[:3])
    code = pattern.code or "---"
    detail = f"CAMEO.2.0.txt line {pattern.line}: {pattern.verb} + {pattern.prep or ''} {words} = {code}"
    return ObjectSense(
        code=pattern.code,
        particle=pattern.particle,
        target_prep=pattern.prep if pattern.target == "prep" else None,
        names_object=bool(pattern.objects),
        mutual=False,
        source=FROM_DICTIONARY,
        detail=" ".join(detail.split()),
    )


def _class_sense(found: ObjectClass) -> ObjectSense:
    return ObjectSense(
        code=found.code,
        particle=None,
        target_prep=None,
        names_object=bool(found.objects),
        mutual=found.mutual,
        source=FROM_OBJECT_CLASS,
        detail=f"object class {found.name!r} = {found.code or '---'}",
        target_preps=found.target_preps,
    )


def _object_class(
    verb: Token, classes: tuple[ObjectClass, ...], partitives: frozenset[str] = frozenset(),
    slots: Callable[[], ParseSlots] | None = None,
) -> ObjectClass | None:
    """The first class whose object words (and prepositional object words) the verb's parse holds.
    A quantity or part noun heading the object ("hundreds of drones", "a dozen rockets and shells")
    stands for what its "of" phrase names: those nouns are the object's words too (a rule of English:
    the quantity is not the thing acted on). ``slots`` gives the verb's parse slots when asked (read
    only when there are classes to test)."""
    if not classes:
        return None
    parse = ParseSlots.of(verb) if slots is None else slots()
    objects = [*parse.objects, *(n for t in parse.objects for n in _quantified(t, partitives))]
    for item in classes:
        if item.objects and not any(_lemma(t) in item.objects for t in objects):
            continue
        if item.prep and not any(_lemma(t) in item.prep_objects for t in parse.preps.get(item.prep, ())):
            continue
        return item
    return None


def _quantified(noun: Token, partitives: frozenset[str]) -> list[Token]:
    """The nouns a quantity or part noun ("hundreds", "a dozen", "200") quantifies through "of",
    with their conjuncts ("hundreds of drones and missiles"); none for any other noun."""
    if not (noun.like_num or _lemma(noun) in partitives):
        return []
    return [n for prep in children_of(noun) if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in children_of(prep) if pobj.dep_ == "pobj" for n in (pobj, *conjuncts_of(pobj))]


def _direct_objects(verb: Token) -> list[Token]:
    return [c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_words(verb: Token, words: str) -> bool:
    """Whether every word of an ontology trigger's middle part ("tie" of "cut tie with", "off" of
    "break off") is a child of the verb."""
    kept = [c for c in children_of(verb) if not is_prepositional_phrase(c)]  # "gave a speech [in Beirut]"
    children = {c.lemma_.lower() for c in kept} | {c.lower_ for c in kept}
    return all(word in children for word in words.split())
