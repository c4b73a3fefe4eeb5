"""A demand or appeal made while reproaching a state: "Germany summoned Russia's ambassador and
demanded an explanation", "Algeria recalled its ambassador from Rabat and demanded an apology".

A rule of English discourse (a definite null complement, as in extract/relation_partners.py) and of
diplomatic practice: a state summons another state's envoy to hand them a protest or a demand, and
recalls its envoy from a state, breaks off or cuts relations with it, expels its diplomats or
sanctions it to press it. So a demand or appeal that names no addressee of its own ("demanded an
explanation", "called for the release of ...", "asked for clarification") in a verb phrase
coordinated with such an act, sharing its subject, is addressed to the state acted on: the demand
(CAMEO 10) or appeal (02) runs from the reproaching state to that state. The coordination may also
hang on the speech verb that reports the act ("Spain said it had summoned the Argentine ambassador
and demanded an apology"). The acts are the summons (CAMEO 114, read by extract/envoys.py) and
those of reducing relations (root 16). A criticism is not one of them: what a critic demands is
often of another party than the one criticised. A request that names its own addressee keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.envoys import SUMMON_CODE
from extract.nominal_speech_acts import ASKING_ROOTS
from extract.patterns import DICTIONARY_CONFIDENCE, Candidate, Context, candidate_code
from graph.model import DropReason, same_state

#: CAMEO root of reducing relations: recalls, breaks, expulsions, sanctions.
_REDUCING_ROOT = "16"
#: Drops of a request whose object named no actor, or only the patient of the act asked for ("demanded
#: the release of the prisoners": asked of their holder, whom the request does not name).
_NO_ADDRESSEE = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.PATIENT_OF_REQUESTED_ACT})
_SUBJECT_ARCS = ("nsubj", "nsubjpass")


def with_reproach_addressees(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, with a request coordinated with a reproach of a state (see module doc) aimed
    at that state."""
    summoning_lemmas = frozenset(phrase.split()[0] for phrase in ctx.lexicon.summoning_verbs)
    reproaches = {c.trigger.i: c for c in candidates if _is_reproach(c, summoning_lemmas, ctx)}
    if not reproaches:
        return candidates
    return [_addressed(c, reproaches, ctx) for c in candidates]


def _is_reproach(candidate: Candidate, summoning_lemmas: frozenset[str], ctx: Context) -> bool:
    """An emitted act against a state at a verb: a summons of an envoy (extract/envoys.py), a verb of
    summoning (``summoning_lemmas``, the first words of the lexicon's summoning verbs) in its
    summoning sense, the official complaint (114) envoys.py codes ("call" in another sense, "called
    X's decision illegitimate" (111), summons no one); or an act of reducing relations (16)."""
    verb = candidate.trigger
    if candidate.drop is not None or not candidate.objects or verb.pos_ != "VERB":
        return False
    code = candidate_code(candidate, ctx)
    if code[:2] == _REDUCING_ROOT:
        return True
    return verb.lemma_.lower() in summoning_lemmas and code == SUMMON_CODE


def _addressed(candidate: Candidate, reproaches: dict[int, Candidate], ctx: Context) -> Candidate:
    verb = candidate.trigger
    if (candidate.drop not in _NO_ADDRESSEE or verb.pos_ != "VERB" or not candidate.subjects
            or candidate_code(candidate, ctx)[:2] not in ASKING_ROOTS):
        return candidate
    reproach = _coordinated_reproach(verb, reproaches)
    if reproach is None or not all(same_state(s, r) for s in candidate.subjects for r in reproach.subjects):
        return candidate
    return replace(candidate, subjects=reproach.subjects, objects=reproach.objects, drop=None, detail="", pairs=(),
                   confidence=min(candidate.confidence or DICTIONARY_CONFIDENCE, DICTIONARY_CONFIDENCE))


def _coordinated_reproach(verb: Token, reproaches: dict[int, Candidate]) -> Candidate | None:
    """The reproach a request verb with no subject of its own is coordinated with: its head (the
    verb before it in the coordination), or the one act reported by that head when the head is the
    speech verb the parser hung the request on ("said it had summoned ... and demanded"); None when
    there is none."""
    if verb.dep_ != "conj" or any(c.dep_ in _SUBJECT_ARCS for c in children_of(verb)):
        return None  # not coordinated, or a subject of its own: not the reproaching state's request
    head = verb.head
    if head.i in reproaches:
        return reproaches[head.i]
    reported = [c for c in children_of(head) if c.dep_ == "ccomp" and c.i < verb.i and c.i in reproaches]
    return reproaches[reported[0].i] if len(reported) == 1 else None

