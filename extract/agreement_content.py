"""Agreements on a view are no agreements to act.

CAMEO codes an agreement to do something (03, 05x): "agreed to hold talks", "agreed that they
would meet again", "agreed on a ceasefire". An agreement whose content is an assessment or a fact,
"agreed on the need for more spending" or "agreed that the situation was serious", expresses accord
(CAMEO 019), which the ontology does not code as a relation between the two parties: the candidate
is dropped as ``not_an_event``. The words are in ``agreement.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate
from graph.model import DropReason

_VERBS = frozenset({"VERB", "AUX"})


class AgreementWordsError(ValueError):
    """A malformed ``agreement.toml``."""


@dataclass(frozen=True)
class AgreementWords:
    """The closed classes of ``agreement.toml`` (see the comments there)."""

    agreeing_verbs: frozenset[str]
    assessment_nouns: frozenset[str]
    topic_prepositions: frozenset[str]
    action_auxiliaries: frozenset[str]


def load_agreement_words(path: Path) -> AgreementWords:
    """Read ``agreement.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, AgreementWordsError)
    return AgreementWords(words("agreeing_verbs"), words("assessment_nouns"), words("topic_prepositions"),
                          words("action_auxiliaries"))


def with_view_agreement(candidate: Candidate, words: AgreementWords) -> Candidate:
    """The candidate, or a ``not_an_event`` drop when its trigger agrees on a view, not to act."""
    if candidate.drop is not None:
        return candidate
    detail = agreed_view(candidate.trigger, words)
    if detail is None:
        return candidate
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0,
                   drop=DropReason.NOT_AN_EVENT, detail=detail)


def agreed_view(trigger: Token, words: AgreementWords) -> str | None:
    """What makes the agreement at ``trigger`` one on a view ("agreement on 'need'", "agreement
    that <a statement>"), or None when it is, or may be, an agreement to act."""
    if trigger.pos_ not in _VERBS or trigger.lemma_.lower() not in words.agreeing_verbs:
        return None
    children = list(children_of(trigger))
    if any(child.dep_ in ("xcomp", "dobj") for child in children):
        return None  # "agreed to hold talks", "agreed a deal"
    for child in children:
        if child.dep_ == "prep" and child.lower_ in words.topic_prepositions:
            topics = [o for o in children_of(child) if o.dep_ == "pobj"]
            if topics and all(o.lemma_.lower() in words.assessment_nouns for o in topics):
                return f"agreement on '{topics[0].lemma_.lower()}' (a view)"
            return None  # "agreed on a ceasefire": an act
    for child in children:
        if child.dep_ == "ccomp" and child.pos_ in _VERBS and _states_a_view(child, words):
            return "agreement that <a statement> (a view)"
    return None


def _states_a_view(clause: Token, words: AgreementWords) -> bool:
    """A finite clause with no auxiliary of a course of action and no infinitive: "that the
    situation was serious", not "that they would meet" or "that talks should resume"."""
    auxes = {c.lower_ for c in children_of(clause) if c.dep_ in ("aux", "auxpass")}
    if auxes & words.action_auxiliaries or "to" in auxes:
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or bool(auxes & {"has", "have", "had", "is", "are", "was", "were"})
