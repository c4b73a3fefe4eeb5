"""Phrasal verbs whose particle changes a trigger verb's sense: "called off the talks" is no phone
call, "backed down" no support, "gave up its claim" no aid, "struck down the treaty" no attack.

Rule: a trigger verb carrying a particle that verb_senses.toml [phrasal] lists for it (a prt child,
or a particle adverb right after the verb), where no ontology trigger of the verb names that
particle, is a verb of its own, not the bare verb. The CAMEO verb dictionary's pattern for the verb
with that particle codes it ("call off" 160, "back down" 080); with no such pattern the verb is
coded by verb_senses.toml [phrasal_codes] where that names it ("call out" 111), else dropped with
the countable reason ``no_event_sense``. Particles not listed for the verb keep its
sense (a plain direction or completion of the same act: "sent in troops", "beat up").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.ontology import Trigger
from extract.patterns import DICTIONARY_CONFIDENCE, Candidate, Context, coded_verb_candidate, dictionary_candidates
from extract.verb_dictionary import particle_words
from extract.verb_sense_table import PhrasalCode
from graph.model import DropReason


def changed_particle(verb: Token, ctx: Context) -> str | None:
    """The particle on the verb that takes it away from its trigger's sense, if any: listed for
    the verb in [phrasal] and named by none of the verb's ontology triggers."""
    lemma = verb.lemma_.lower()
    listed = ctx.ontology.verb_senses.sense_changing_particles(lemma)
    if not listed:
        return None
    triggers = ctx.ontology.triggers_for("VERB", lemma)
    if not triggers:
        return None
    present = particle_words(verb) & listed
    named = {word for t in triggers if t.particle for word in t.particle.split()}
    changed = sorted(present - named)
    return changed[0] if changed else None


def phrasal_candidates(verb: Token, particle: str, ctx: Context) -> Iterator[Candidate]:
    """The dictionary's reading of the phrasal verb where it lists the verb with this particle, else
    a ``no_event_sense`` drop naming the phrasal verb and the relation the bare verb would give."""
    match = ctx.ontology.verbs.match(verb)
    if match is not None and match.particle is not None and particle in match.particle.split():
        yield from dictionary_candidates(verb, ctx)
        return
    lemma = verb.lemma_.lower()
    own = ctx.ontology.verb_senses.phrasal_code(lemma, particle)
    if own is not None:
        yield _coded(verb, particle, own, ctx)
        return
    relation = ctx.ontology.triggers_for("VERB", lemma)[0].relation
    detail = f"{lemma} {particle}: a phrasal verb of its own, not {lemma!r} ({relation})"
    yield Candidate(verb, relation, (), (), (), 0.0, DropReason.NO_EVENT_SENSE, detail)


def _coded(verb: Token, particle: str, own: PhrasalCode, ctx: Context) -> Candidate:
    """The candidate of a phrasal verb coded by [phrasal_codes], with its code where it is more
    specific than its relation's."""
    relation = ctx.ontology.relation_for_code(own.code)
    trig = Trigger(verb.lemma_.lower(), "VERB", relation.name, particle, (own.prep,) if own.prep else (), None)
    candidate = coded_verb_candidate(verb, trig, ctx)
    confidence = round(candidate.confidence * DICTIONARY_CONFIDENCE, 3)
    if candidate.drop is None and own.code != relation.cameo:
        attributes = tuple(sorted({*candidate.attributes, ("cameo", own.code)}))
        return replace(candidate, attributes=attributes, confidence=confidence)
    return replace(candidate, confidence=confidence)
