"""Leaving an organisation of states is reducing relations with it (CAMEO practice).

"Burkina Faso withdrew from ECOWAS", "Hungary quit the International Criminal Court", "Britain left
the European Union": a state ends its membership of an intergovernmental organisation. CAMEO codes
that under root 16 (the OEDA verb dictionary: QUIT PARTY 160, WITHDRAW from COALITION 161), not as
the military retreat (0874) "withdraw from" names when troops leave a place, and "leave" or "quit"
alone name no event at all. The rule of English read here: a verb of leaving a membership
(``leaving_verbs`` with the organisation as direct object, ``leaving_phrases`` with it as the
object of their preposition) whose every left party is an intergovernmental organisation, in the
active voice, and, for the phrases, with nothing withdrawn as a direct object ("withdrew its troops
from the UN force" is about the troops). The verb's other readings become ``duplicate`` drops.

The other side of an exit: an organisation of states that suspends a member ("the African Union
suspended Mali", ``suspending_verbs``; in the passive "Mali was suspended from / by the African
Union") reduces its relations with that member, when every suspending party is an organisation of
states and every suspended one is not.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate, Context, actors_of, clause_subject, has_particle, subject_actors
from extract.spanning_acts import SpanningAct, with_spanning_acts
from extract.verb_forms import is_passive
from graph.model import Actor, ActorType, DropReason

CONFIDENCE = 0.9  # the dependency path's factor, as at any verb trigger


class MembershipExitsError(ValueError):
    """membership_exits.toml is malformed."""


@dataclass(frozen=True)
class LeavingPhrase:
    """A verb of leaving read with a preposition: "withdraw from", "pull out of"."""

    verb: str
    particle: str | None
    preposition: str

    @staticmethod
    def parse(text: str) -> LeavingPhrase:
        words = text.split()
        if len(words) not in (2, 3):
            raise ValueError(f"{text!r} is not 'verb [particle] preposition'")
        return LeavingPhrase(words[0], words[1] if len(words) == 3 else None, words[-1])


@dataclass(frozen=True)
class ExitWords:
    """The relation, verbs, phrases and organisation codes of membership_exits.toml."""

    relation: str
    leaving_verbs: frozenset[str]
    leaving_phrases: tuple[LeavingPhrase, ...]
    organisation_code_prefixes: tuple[str, ...]
    suspending_verbs: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma an exit can be read at."""
        return self.leaving_verbs | self.suspending_verbs | {phrase.verb for phrase in self.leaving_phrases}


def load_exit_words(path: Path, relation_names: Collection[str]) -> ExitWords:
    """Read membership_exits.toml; a malformed file, or one naming a relation type that is not
    among ``relation_names`` (the ontology's), raises ``MembershipExitsError`` naming it."""
    words = load_word_table(path, MembershipExitsError, "words")
    relations = sorted(r.upper() for r in words("relation"))
    if len(relations) != 1 or relations[0] not in relation_names:
        raise MembershipExitsError(f"{path}: 'relation' must name one relation type of the ontology "
                                   f"(got {', '.join(relations) or 'none'})")
    try:
        phrases = tuple(LeavingPhrase.parse(text) for text in sorted(words("leaving_phrases")))
    except ValueError as error:
        raise MembershipExitsError(f"{path}: leaving_phrases: {error}") from error
    prefixes = tuple(sorted(p.upper() for p in words("organisation_code_prefixes")))
    return ExitWords(relations[0], words("leaving_verbs"), phrases, prefixes, words("suspending_verbs"))


def with_membership_exits(
    verbs: Iterable[Token], candidates: list[Candidate], ctx: Context, words: ExitWords,
) -> list[Candidate]:
    """The candidates with every membership exit at ``verbs`` added in text order, and the other
    readings of those verbs turned into ``duplicate`` drops."""
    acts = [act for verb in verbs if verb.pos_ == "VERB" and verb.lemma_.lower() in words.verbs
            if (act := membership_exit(verb, ctx, words)) is not None]
    return with_spanning_acts(candidates, acts)


def membership_exit(verb: Token, ctx: Context, words: ExitWords) -> SpanningAct | None:
    """The exit told at ``verb``, or None when it is no verb of leaving an organisation of states."""
    if verb.lemma_.lower() in words.suspending_verbs:
        return member_suspension(verb, ctx, words)
    if is_passive(verb):
        return None
    left = [actor for token in _left_tokens(verb, words) for actor in actors_of(token, ctx)]
    if not left or not all(_is_organisation_of_states(actor, words) for actor in left):
        return None
    found = clause_subject(verb, ctx)
    subjects = subject_actors(found, ctx)
    spans = frozenset({verb.i, *(c.i for c in children_of(verb) if c.dep_ == "prt")})
    if found.blocked:
        return SpanningAct(Candidate(verb, words.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR,
                                     verb.lemma_), spans)
    if not subjects:
        return SpanningAct(Candidate(verb, words.relation, (), tuple(left), (), 0.0, DropReason.NO_SUBJECT,
                                     verb.lemma_), spans)
    return SpanningAct(Candidate(verb, words.relation, tuple(subjects), tuple(dict.fromkeys(left)), (),
                                 round(CONFIDENCE * (found.confidence or 1.0), 3)), spans)


def member_suspension(verb: Token, ctx: Context, words: ExitWords) -> SpanningAct | None:
    """The suspension of a member told at ``verb``: the organisation of states suspending, the
    member suspended; None unless every suspending party is such an organisation and every
    suspended one is not."""
    if is_passive(verb):
        members = [a for c in children_of(verb) if c.dep_ == "nsubjpass" for a in actors_of(c, ctx)]
        suspending = [a for token in _suspending_party_tokens(verb) for a in actors_of(token, ctx)]
        confidence = CONFIDENCE
    else:
        members = [a for c in children_of(verb) if c.dep_ == "dobj" for a in actors_of(c, ctx)]
        found = clause_subject(verb, ctx)
        suspending = [] if found.blocked else subject_actors(found, ctx)
        confidence = round(CONFIDENCE * (found.confidence or 1.0), 3)
    if not members or not suspending or not all(_is_organisation_of_states(a, words) for a in suspending):
        return None
    if any(_is_organisation_of_states(a, words) for a in members):
        return None
    return SpanningAct(Candidate(verb, words.relation, tuple(dict.fromkeys(suspending)), tuple(dict.fromkeys(members)),
                                 (), confidence), frozenset({verb.i}))


#: The prepositions of the suspending party in the passive: "suspended from the bloc", "by the bloc".
_SUSPENDING_PARTY_PREPOSITIONS = frozenset({"from", "by"})


def _suspending_party_tokens(verb: Token) -> list[Token]:
    """The objects of the passive's "from" or agent "by" ("Mali was suspended from the AU")."""
    return [g for p in children_of(verb) if p.dep_ in ("prep", "agent") and p.lower_ in _SUSPENDING_PARTY_PREPOSITIONS
            for g in children_of(p) if g.dep_ == "pobj"]


def _left_tokens(verb: Token, words: ExitWords) -> Iterator[Token]:
    """What the verb says is left: its direct object ("quit the court"), or the object of a
    phrase's preposition when nothing is withdrawn as a direct object ("withdrew from the bloc")."""
    lemma = verb.lemma_.lower()
    objects = [child for child in children_of(verb) if child.dep_ == "dobj"]
    if lemma in words.leaving_verbs:
        yield from objects
    if objects:
        return
    for phrase in words.leaving_phrases:
        if phrase.verb == lemma and has_particle(verb, phrase.particle):
            yield from _preposition_objects(verb, phrase)


def _preposition_objects(verb: Token, phrase: LeavingPhrase) -> Iterator[Token]:
    """The objects of the phrase's preposition, on the verb or on its particle ("pulled out [of] X")."""
    heads = [verb, *(c for c in children_of(verb) if phrase.particle is not None and c.lower_ == phrase.particle)]
    for head in heads:
        for prep in children_of(head):
            if prep.dep_ == "prep" and prep.lower_ == phrase.preposition:
                yield from (child for child in children_of(prep) if child.dep_ == "pobj")


def _is_organisation_of_states(actor: Actor, words: ExitWords) -> bool:
    code = (actor.cameo or "").upper()
    return actor.type is ActorType.ORGANIZATION and code.startswith(words.organisation_code_prefixes)
