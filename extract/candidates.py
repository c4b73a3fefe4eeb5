"""Every candidate of a parsed block: the relation patterns at each verb and event noun, with
speech acts coded as CAMEO codes them (``extract.speech_act_candidates``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.consequence_threats import consequence_threats
from extract.intended_threats import objectless_commitment
from extract.light_verb_candidates import with_composed_events
from extract.noun_events import with_noun_events
from extract.patterns import Candidate, Context, noun_candidates, obligation_candidates, verb_candidates
from extract.reason_adjuncts import outside_reason_adjunct
from extract.requested_acts import aimed_at_doer
from extract.speech_act_candidates import (
    as_request,
    as_threat,
    as_threat_without_object,
    as_warning,
    naming_candidate,
    with_threat_instrument,
)
from extract.verb_senses import object_sense, sense_candidates


def block_candidates(tokens: Sequence[Token], ctx: Context) -> Iterator[Candidate]:
    """Every candidate in a run of tokens (one parsed block), events composed of a verb and its noun
    (``extract.light_verb_candidates``) or told by the noun of such a verb (``extract.noun_events``),
    requests coded as requests and threats as threats, and requests and reactions about an act done
    to someone aimed at its doer (``extract.requested_acts``); an event noun giving the reason for a
    clause is no act of its subject (``extract.reason_adjuncts``)."""
    found = with_noun_events(tokens, with_composed_events(tokens, list(_block_candidates(tokens, ctx)), ctx), ctx)
    for candidate in found:
        candidate = with_threat_instrument(as_threat(as_request(candidate, ctx), ctx), ctx)
        candidate = as_warning(objectless_commitment(as_threat_without_object(candidate, ctx), ctx), ctx)
        yield outside_reason_adjunct(aimed_at_doer(candidate, ctx), ctx)


def _block_candidates(tokens: Sequence[Token], ctx: Context) -> Iterator[Candidate]:
    for token in tokens:
        if token.pos_ == "VERB":
            named = naming_candidate(token, ctx)
            if named is not None:
                yield named
                continue
            sense = object_sense(token, ctx)
            yield from verb_candidates(token, ctx) if sense is None else sense_candidates(token, sense, ctx)
            yield from obligation_candidates(token, ctx)
            yield from consequence_threats(token, ctx)
        elif token.pos_ in ("NOUN", "PROPN") and ctx.actor(token) is None:
            yield from noun_candidates(token, ctx)
