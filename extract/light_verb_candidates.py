"""Events composed of a verb and the noun it governs (light_verbs.toml): a verb of ending, reducing,
easing or imposing with a noun of a relation, aid, trade or a restriction gives the CAMEO code the
noun's class lists for the verb's class ("suspended talks with X": 164 halt negotiations, "lifted
sanctions on X": 085, "cut military aid to X": 1622), and putting an actor on or taking it off a
sanctions list sanctions it or eases its sanctions.

The verb's subject acts; the counterpart is named in the noun's own phrase ("contacts with
Myanmar", "controls on exports to South Korea", "a deal to buy French submarines") or, failing
that, on the verb. The composed event supersedes what the ordinary patterns made at the verb, at
the noun, and at event words inside the noun's phrase that take the same subject: "scrapped a
deal to buy submarines" ends a deal, nothing was bought.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.counted_goods import counted_goods
from extract.light_verbs import NounClass, VerbEntry
from extract.ontology import Ontology, Trigger, generic_code
from extract.patterns import (
    Candidate,
    Context,
    Found,
    ObjectFound,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    prep_objects,
    resolve_object,
    subject_actors,
)
from extract.spanning_acts import duplicate_of
from extract.verb_forms import is_passive, is_to_infinitive
from graph.model import Actor, DropReason, RelationType

#: Arcs on which the parser hangs a verb's particle or the preposition taking its noun ("broke
#: off talks", "pulled out of the deal": "out" and "of" are both prepositions there).
_PARTICLE_ARCS = frozenset({"prt", "advmod", "prep"})
#: A composed event is as certain as a dependency pairing of an ontology trigger.
CONFIDENCE = 0.9


@dataclass(frozen=True)
class ComposedAct:
    """The candidate of a composed event, the verb and noun it is made of, and the tokens of the
    noun's phrase (its relative clauses left out)."""

    candidate: Candidate
    verb: Token
    noun: Token
    phrase: frozenset[int]

    def supersedes(self, other: Candidate) -> bool:
        """The verb's or the noun's own reading, or an event word in the noun's phrase that failed
        or that the composed event's subject would do ("a deal to buy submarines")."""
        position = other.trigger.i
        if position in (self.verb.i, self.noun.i):
            return True
        if position not in self.phrase:
            return False
        own = set(self.candidate.subjects)
        return other.drop is not None or (bool(own) and set(other.subjects) <= own)


def with_composed_events(tokens: Iterable[Token], candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates with every composed event of the tokens added in text order, and the
    candidates it supersedes turned into drops (``duplicate``)."""
    acts = [act for token in tokens if token.pos_ in ("VERB", "AUX") for act in composed_acts(token, ctx)]
    return with_acts(candidates, acts)


def with_acts(candidates: list[Candidate], acts: list[ComposedAct]) -> list[Candidate]:
    """The candidates with the composed acts added in text order (after the last candidate before
    each act's verb), and the candidates an act supersedes turned into drops (``duplicate``)."""
    if not acts:
        return candidates
    merged: list[Candidate] = []
    for candidate in candidates:
        act = next((a for a in acts if a.supersedes(candidate)), None)
        merged.append(candidate if act is None
                      else duplicate_of(candidate, f"{act.verb.lemma_} {act.noun.lemma_}", act.candidate.relation))
    for act in acts:
        position = next((n for n, c in enumerate(merged) if c.trigger.i > act.verb.i), len(merged))
        merged.insert(position, act.candidate)
    return merged


def composed_acts(verb: Token, ctx: Context) -> list[ComposedAct]:
    """The composed events at a verb: its most specific entry that governs a noun of a class
    composing with the entry's verb class, one event per such noun and noun conjunct; else a
    listing on or off a sanctions list."""
    classes = ctx.ontology.light_verbs
    for entry in classes.verb_entries(verb.lemma_.lower()):
        nouns = _governed_nouns(verb, entry)
        acts = [_composed(verb, entry, item, noun_class, ctx)
                for item, noun_class in composing_nouns(nouns, entry, ctx)]
        if acts:
            return acts
    listing = _listing_act(verb, ctx)
    return [listing] if listing is not None else []


def composing_nouns(nouns: Iterable[Token], entry: VerbEntry, ctx: Context) -> list[tuple[Token, NounClass]]:
    """Each of ``nouns`` and their noun conjuncts that names no actor and is of a class composing
    with ``entry``'s verb class ("suspended [aid and talks]"), with that class."""
    classes = ctx.ontology.light_verbs
    return [
        (item, noun_class)
        for noun in nouns for item in (noun, *conjuncts_of(noun))
        if ctx.actor(item) is None
        and (noun_class := classes.noun_class(item.lemma_.lower())) is not None
        and entry.verb_class in noun_class.codes
    ]


def _chain(verb: Token) -> list[Token]:
    """The verb's particles and prepositions, and the prepositions hung on those ("pulled out of")."""
    first = [c for c in children_of(verb) if c.dep_ in _PARTICLE_ARCS]
    return first + [g for c in first for g in children_of(c) if g.dep_ == "prep"]


def _governed_nouns(verb: Token, entry: VerbEntry) -> list[Token]:
    """The nouns the entry's verb governs in this parse: its direct object (the passive's
    subject), or the object of the entry's preposition; none when a particle is missing."""
    chain = _chain(verb)
    words = {t.lower_ for t in chain}
    if not all(particle in words for particle in entry.particles):
        return []
    if entry.prep is None:  # the object, or the goods an amount as object counts ("$2 billion in aid")
        return [*(c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")), *counted_goods(verb)]
    return [g for t in chain if t.lower_ == entry.prep for g in children_of(t) if g.dep_ == "pobj"]


def relation_for(code: str, ontology: Ontology) -> RelationType:
    """The relation of a CAMEO code: the one with exactly that code, else with its three-digit
    parent (0813 -> 081), else the generic relation of its root."""
    known = ontology.code_relations
    name = known.get(code) or known.get(code[:3]) or known[generic_code(code)]
    return ontology.relation(name)


def composed_code(entry: VerbEntry, noun: Token, noun_class: NounClass, ctx: Context) -> str:
    """The CAMEO code of the verb class with the noun's class, made specific by a modifier of the
    noun ("military aid": 1622) or by trade ("export controls": an economic restriction)."""
    code = noun_class.codes[entry.verb_class]
    modifiers = sorted(c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("amod", "compound"))
    code = next((noun_class.modifier_codes[m] for m in modifiers if m in noun_class.modifier_codes), code)
    if entry.verb_class in noun_class.trade_codes and _names_trade(noun, ctx):
        code = noun_class.trade_codes[entry.verb_class]
    return code


def _names_trade(noun: Token, ctx: Context) -> bool:
    """The restriction is on trade: compounded with a trade word ("an import ban") or on one
    ("restrictions on imports of bananas", "curbs on Chinese goods")."""
    trade = ctx.ontology.light_verbs.trade_nouns
    words = [c for c in children_of(noun) if c.dep_ in ("amod", "compound")]
    words += prep_objects(noun, ("on", "against"))
    return any(w.lemma_.lower() in trade or any(
        c.dep_ == "compound" and c.lemma_.lower() in trade for c in children_of(w)) for w in words)


def _subject(verb: Token, noun: Token, ctx: Context) -> Found:
    if noun.dep_ == "nsubjpass":
        return Found(tuple(prep_objects(verb, ("by",))), 0.9)
    return clause_subject(verb, ctx)


def _counterpart(verb: Token, noun: Token, noun_class: NounClass, subjects: list[Actor], ctx: Context,
                 trig: Trigger) -> ObjectFound:
    """Who the composed event is aimed at: an actor named on the noun's prepositions (or its "of"
    complement's: "tariffs of 25 percent on imports from X"), else on the verb's ("pulled out of
    the deal with Iran", "imposed a curfew in Cizre"), else in the noun's phrase (a demonym on it,
    an event word inside it: "a deal to buy French submarines"), where the subject itself ("its
    sanctions") is not the counterpart."""
    complement = _infinitive_complement(verb, noun, noun_class)
    named = [
        prep_objects(noun, noun_class.preps, through_of=True),
        [t for t in prep_objects(verb, noun_class.preps) if t != noun],
    ]
    inside = [[noun], [complement] if complement is not None else []]
    found = ObjectFound((), None, False, frozenset())
    for tokens, own_side_counts in [*((t, True) for t in named), *((t, False) for t in inside)]:
        if not tokens:
            continue
        found = resolve_object(tokens, ctx, trig)
        others = tuple(a for a in found.actors if own_side_counts or a not in subjects)
        if others:
            return ObjectFound(others, found.attribute, True, found.used)
    return ObjectFound((), None, found.token_seen, frozenset())


def _composed(verb: Token, entry: VerbEntry, noun: Token, noun_class: NounClass, ctx: Context) -> ComposedAct:
    code = composed_code(entry, noun, noun_class, ctx)
    relation = relation_for(code, ctx.ontology)
    trig = Trigger(verb.lemma_.lower(), "VERB", relation.name, " ".join(entry.particles) or None,
                   (entry.prep,) if entry.prep else (), None)
    complement = _infinitive_complement(verb, noun, noun_class)
    adjuncts = ctx.lexicon.adjunct_prepositions
    phrase = phrase_of(noun, adjuncts) | (phrase_of(complement, adjuncts) if complement is not None else frozenset())
    found_subject = _subject(verb, noun, ctx)
    if found_subject.blocked:
        drop = Candidate(verb, relation.name, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR, verb.lemma_)
        return ComposedAct(drop, verb, noun, phrase)
    subjects = subject_actors(found_subject, ctx)
    found = _counterpart(verb, noun, noun_class, subjects, ctx, trig)
    attributes = [("cameo", code)] if code != relation.cameo else []
    if found.attribute:
        attributes.append(found.attribute)
    confidence = CONFIDENCE * (found_subject.confidence or 1.0)
    parties = Parties(tuple(subjects), found_subject, found.actors, found.used, found.token_seen)
    candidate = finish_candidate(verb, trig, parties, attributes, confidence, ctx)
    return ComposedAct(candidate, verb, noun, phrase)


def _infinitive_complement(verb: Token, noun: Token, noun_class: NounClass) -> Token | None:
    """The infinitive right after the noun that says what it is (``infinitive_complement`` classes:
    "scrapped a deal to buy submarines"), when the parser hung it on the verb as a purpose clause."""
    if not noun_class.infinitive_complement or noun.head != verb:
        return None
    for child in children_of(verb):
        infinitive = is_to_infinitive(child)
        if child.dep_ in ("advcl", "xcomp") and infinitive and child.left_edge.i == noun.right_edge.i + 1:
            return child
    return None


def phrase_of(noun: Token, adjunct_prepositions: frozenset[str]) -> frozenset[int]:
    """The noun's phrase without its relative clauses and cause adjuncts ("sanctions over arms
    sales": someone else sells): what the composed event is about."""
    def walk(token: Token) -> Iterator[int]:
        yield token.i
        for child in children_of(token):
            if child.dep_ != "relcl" and not (child.dep_ == "prep" and child.lower_ in adjunct_prepositions):
                yield from walk(child)
    return frozenset(walk(noun))


# -- sanctions lists ------------------------------------------------------------------------------
def _listing_act(verb: Token, ctx: Context) -> ComposedAct | None:
    """ "removed Sudan from its list of state sponsors of terrorism", "added the firm to the sanctions
    list": the subject eases or imposes sanctions on the actor put on or taken off the list."""
    listing = ctx.ontology.light_verbs.listing
    lemma = verb.lemma_.lower()
    for entry in (e for e in listing.verbs if e.lemma == lemma):
        for noun in _governed_nouns(verb, entry):
            if noun.lemma_.lower() not in listing.list_nouns or not _marks_sanctions(noun, listing.markers):
                continue
            passive = is_passive(verb)
            listed = [c for c in children_of(verb) if c.dep_ == ("nsubjpass" if passive else "dobj")]
            objects = [a for t in listed for a in actors_of(t, ctx)]
            found_subject = Found(tuple(prep_objects(verb, ("by",))), 0.9) if passive else clause_subject(verb, ctx)
            code = listing.codes[entry.verb_class]
            relation = relation_for(code, ctx.ontology)
            trig = Trigger(lemma, "VERB", relation.name, None, (entry.prep,) if entry.prep else (), None)
            attributes = [("cameo", code)] if code != relation.cameo else []
            parties = Parties(tuple(subject_actors(found_subject, ctx)), found_subject, tuple(objects),
                              frozenset(t.i for t in listed), bool(listed))
            confidence = CONFIDENCE * (found_subject.confidence or 1.0)
            candidate = finish_candidate(verb, trig, parties, attributes, confidence, ctx)
            return ComposedAct(candidate, verb, noun, phrase_of(noun, ctx.lexicon.adjunct_prepositions))
    return None


def _marks_sanctions(noun: Token, markers: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in markers for t in noun.subtree)
