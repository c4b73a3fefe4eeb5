"""Phrasal verbs whose particle changes a trigger verb's sense: "called off the talks" is no phone
call, "backed down" no support, "gave up its claim" no aid, "struck down the treaty" no attack.

Rule: a trigger verb carrying a particle that verb_senses.toml [phrasal] lists for it (a prt child,
or a particle adverb right after the verb), where no ontology trigger of the verb names that
particle, is a verb of its own, not the bare verb. The CAMEO verb dictionary's pattern for the verb
with that particle codes it ("call off" 160, "back down" 080); with no such pattern the verb is
dropped with the countable reason ``no_event_sense``. Particles not listed for the verb keep its
sense (a plain direction or completion of the same act: "sent in troops", "beat up").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.patterns import Candidate, Context, dictionary_candidates
from extract.verb_dictionary import particle_words
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
    relation = ctx.ontology.triggers_for("VERB", lemma)[0].relation
    detail = f"{lemma} {particle}: a phrasal verb of its own, not {lemma!r} ({relation})"
    yield Candidate(verb, relation, (), (), (), 0.0, DropReason.NO_EVENT_SENSE, detail)
