"""Every candidate of a parsed block: the relation patterns at each verb and event noun, with
speech acts coded as CAMEO codes them (``extract.speech_act_candidates``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.addressed_requests import with_addressed_requests
from extract.block_index import BlockTokens, children_of
from extract.characterising_acts import with_clause_doer
from extract.consequence_threats import consequence_threats
from extract.conveyed_objects import without_conveyed_recipient
from extract.declined_comments import as_declined_comment
from extract.denials import denial_candidates
from extract.intended_threats import objectless_commitment
from extract.light_verb_candidates import with_composed_events
from extract.noun_events import with_noun_events
from extract.official_protests import as_official_protest
from extract.pass_gates import VerbGates
from extract.patterns import Candidate, Context, noun_candidates, obligation_candidates, verb_candidates
from extract.phrasal_senses import changed_particle, phrasal_candidates
from extract.reason_adjuncts import outside_reason_adjunct
from extract.refusals import refusal_candidates
from extract.reported_judgements import reported_judgement_candidates
from extract.requested_acts import aimed_at_doer
from extract.responsibility_claims import responsibility_accusations
from extract.speech_act_candidates import (
    as_request,
    as_threat,
    as_threat_without_object,
    as_warning,
    naming_candidate,
    with_threat_instrument,
)
from extract.verb_senses import object_sense, sense_candidates


def block_candidates(
    tokens: Sequence[Token], ctx: Context, table: BlockTokens, gates: VerbGates,
) -> Iterator[Candidate]:
    """Every candidate in a run of tokens (one parsed block, whose words ``table`` gives; ``gates``:
    the verbs each reading can act at), events composed of a verb and its noun
    (``extract.light_verb_candidates``) or told by the noun of such a verb (``extract.noun_events``),
    requests coded as requests and threats as threats, and requests and reactions about an act done
    to someone aimed at its doer (``extract.requested_acts``); an event noun giving the reason for a
    clause is no act of its subject (``extract.reason_adjuncts``); appeals, demands, deadlines and
    threats of force read across several words are merged in last (``extract.addressed_requests``)."""
    patterns = list(_block_candidates(tokens, ctx, table, gates))
    # composed events start at a verb with light-verb or listing entries, noun events at a noun of
    # such a verb: only those words are walked
    light = ctx.ontology.light_verbs
    composing = [t for t in tokens if table.pos[t.i] in ("VERB", "AUX") and table.lemmas[t.i] in gates.composing]
    telling = [t for t in tokens if table.pos[t.i] == "NOUN" and light.verb_of_noun(table.lemmas[t.i]) is not None]
    found = with_noun_events(telling, with_composed_events(composing, patterns, ctx), ctx)
    coded = []
    for candidate in found:
        candidate = with_threat_instrument(as_threat(as_request(candidate, ctx), ctx), ctx)
        candidate = as_warning(objectless_commitment(as_threat_without_object(candidate, ctx), ctx), ctx)
        candidate = as_official_protest(outside_reason_adjunct(aimed_at_doer(candidate, ctx), ctx), ctx)
        candidate = without_conveyed_recipient(candidate, ctx)  # "sent Syrian fighters": no aid to Syria
        coded.append(with_clause_doer(as_declined_comment(candidate, ctx), ctx))
    yield from with_addressed_requests(tokens, coded, ctx, table)


def _block_candidates(tokens: Sequence[Token], ctx: Context, table: BlockTokens, gates: VerbGates,
                      ) -> Iterator[Candidate]:
    """The candidates at each verb and noun; a reading is tried only at a verb whose lemma (read from
    ``table``) its ``gates`` list: at any other verb it gives nothing (extract/pass_gates.py)."""
    for token in tokens:
        pos, lemma = table.pos[token.i], table.lemmas[token.i]
        if pos == "VERB":
            speech = lemma in gates.speech
            named = naming_candidate(token, ctx) if speech else None
            if named is not None:
                yield named
                continue
            denials = list(denial_candidates(token, ctx)) if speech else []
            if denials:  # a verb denying a charge says the denial, not a rejection ("dismissed X's allegations")
                yield from denials
                continue
            particle = changed_particle(token, ctx) if lemma in gates.phrasal else None
            sense = object_sense(token, ctx) if particle is None and lemma in gates.sensed else None
            if particle is not None:
                yield from phrasal_candidates(token, particle, ctx)
            elif sense is not None:
                yield from sense_candidates(token, sense, ctx)
            else:
                yield from verb_candidates(token, ctx)
            if not speech:
                continue
            yield from obligation_candidates(token, ctx)
            yield from consequence_threats(token, ctx)
            yield from responsibility_accusations(token, ctx)
            yield from reported_judgement_candidates(token, ctx)
            yield from refusal_candidates(token, ctx)
        elif (pos in ("NOUN", "PROPN") and ctx.ontology.triggers_for("NOUN", lemma) and ctx.actor(token) is None
              and not _names_a_document(token, pos, ctx)):
            yield from noun_candidates(token, ctx)  # (a noun without a trigger of its own gives none)


def _names_a_document(token: Token, pos: str, ctx: Context) -> bool:
    """A proper noun of an agreement heading a name ("the Good Friday Agreement", "the Abraham
    Accords": lexicon ``document_name_nouns`` with a proper-noun compound): the name of a document,
    no event of the clause's actors ("marked the anniversary of the Good Friday Agreement")."""
    return pos == "PROPN" and token.lower_ in ctx.lexicon.document_name_nouns and any(
        child.dep_ == "compound" and child.pos_ == "PROPN" for child in children_of(token))
