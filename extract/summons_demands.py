"""A demand or appeal made while summoning an envoy: "Germany summoned Russia's ambassador and demanded
an explanation".

A rule of wire-news form and diplomatic practice: a state summons another state's envoy to hand them
a protest or a demand, so a demand or appeal in a verb phrase coordinated with the summons, sharing
its subject and naming no actor of its own ("demanded an explanation", "called for the release of
...", "asked for clarification"), is addressed to the summoned envoy's state: the demand (CAMEO 10)
or appeal (02) runs from the summoning state to the envoy's state. The summons itself is read by
extract/envoys.py (114); a request that names its own addressee keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from extract.block_index import children_of
from extract.envoys import SUMMON_CODE
from extract.patterns import DICTIONARY_CONFIDENCE, Candidate, Context
from graph.model import DropReason

#: CAMEO roots of requests the summoned envoy receives: appeals and demands.
_REQUEST_ROOTS = frozenset({"02", "10"})
#: Drops of a request whose object named no actor.
_NO_ADDRESSEE = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def with_summons_addressees(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, with a request coordinated with a summons of an envoy (see module doc) aimed
    at the summoned envoy's state."""
    summoning_lemmas = frozenset(phrase.split()[0] for phrase in ctx.lexicon.summoning_verbs)
    summonses = {c.trigger.i: c for c in candidates if _is_summons(c, summoning_lemmas, ctx)}
    if not summonses:
        return candidates
    return [_addressed(c, summonses, ctx) for c in candidates]


def _is_summons(candidate: Candidate, summoning_lemmas: frozenset[str], ctx: Context) -> bool:
    """An emitted summons of an envoy (extract/envoys.py): a verb of summoning (``summoning_lemmas``,
    the first words of the lexicon's summoning verbs) in its summoning sense, the official complaint
    (114) envoys.py codes, with the envoy's state as object; "call" in another sense ("called X's
    decision illegitimate", 111) summons no one."""
    verb = candidate.trigger
    return (candidate.drop is None and bool(candidate.objects) and verb.pos_ == "VERB"
            and verb.lemma_.lower() in summoning_lemmas
            and _code(candidate, ctx) == SUMMON_CODE)


def _addressed(candidate: Candidate, summonses: dict[int, Candidate], ctx: Context) -> Candidate:
    verb = candidate.trigger
    if candidate.drop not in _NO_ADDRESSEE or verb.pos_ != "VERB" or verb.dep_ != "conj":
        return candidate
    summons = summonses.get(verb.head.i)
    if summons is None or verb.i < summons.trigger.i or _code(candidate, ctx)[:2] not in _REQUEST_ROOTS:
        return candidate
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb)):
        return candidate  # a subject of its own: not the summoning state's request
    return replace(candidate, subjects=summons.subjects, objects=summons.objects, drop=None, detail="", pairs=(),
                   confidence=min(candidate.confidence or DICTIONARY_CONFIDENCE, DICTIONARY_CONFIDENCE))


def _code(candidate: Candidate, ctx: Context) -> str:
    return dict(candidate.attributes).get("cameo") or ctx.ontology.relation(candidate.relation).cameo
