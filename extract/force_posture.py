"""Shows of force told by where forces are put: CAMEO 15, exhibit force posture.

English tells a show of force by a verb that puts, moves or holds armed forces or their drills
("massed troops", "held artillery drills", "put its forces on alert", "warships sailed") and a
phrase of place that puts them at a state's edge: a frontier noun ("on the border with Ukraine",
"near the Taiwanese coast", "in the waters off Yemen") or the state itself after a preposition of
nearness ("near Taiwan"). CAMEO codes the act against that state (150; 152 for a raised alert,
OEDA PUT (ON ALERT) (ALONG BORDER)). The act spans its verb, its forces and their noun, so a
candidate the ordinary patterns made there (an aid candidate for "sent warships", an object-less
mobilisation) becomes a duplicate of it. The words are in ``force_posture.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.ontology import Trigger
from extract.patterns import Candidate, Context, Parties, actors_of, clause_subject, finish_candidate, subject_actors
from extract.spanning_acts import SpanningAct, distinct_actors, with_spanning_acts
from extract.speech_act_candidates import as_request, as_threat
from graph.model import Actor

POSTURE = "MOBILIZE"
ALERT_CODE = "152"
CONFIDENCE = 0.8
_FORCE_ARCS = frozenset({"dobj", "nsubj", "nsubjpass"})
_OWNER_ARCS = frozenset({"poss", "amod", "compound", "nmod"})


class PostureWordsError(ValueError):
    """A malformed ``force_posture.toml``."""


@dataclass(frozen=True)
class PostureWords:
    """The closed classes of ``force_posture.toml`` (see the comments there)."""

    posture_verbs: frozenset[str]
    force_nouns: frozenset[str]
    frontier_nouns: frozenset[str]
    frontier_prepositions: frozenset[str]
    state_prepositions: frozenset[str]
    owner_prepositions: frozenset[str]


def load_posture_words(path: Path) -> PostureWords:
    """Read ``force_posture.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, PostureWordsError)
    return PostureWords(words("posture_verbs"), words("force_nouns"), words("frontier_nouns"),
                        words("frontier_prepositions"), words("state_prepositions"), words("owner_prepositions"))


def with_force_posture(
    tokens: Iterable[Token], candidates: list[Candidate], ctx: Context, words: PostureWords
) -> list[Candidate]:
    """The candidates with every show of force of the tokens added in text order, and the candidates
    made at its verb or its forces turned into drops (``duplicate``)."""
    acts = [act for token in tokens for act in _posture_at(token, ctx, words)]
    return with_spanning_acts(candidates, acts)


def _posture_at(verb: Token, ctx: Context, words: PostureWords) -> Iterator[SpanningAct]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.posture_verbs:
        return
    forces = [child for child in children_of(verb) if child.dep_ in _FORCE_ARCS and _is_force(child, words)]
    if not forces:
        return
    targets = distinct_actors(
        actor for prep in _place_phrases(verb, forces) for actor in _edge_states(prep, ctx, words))
    targets = targets or distinct_actors(_detached_owners(verb, ctx, words))
    subjects = subject_actors(found := clause_subject(verb, ctx), ctx)
    targets = [target for target in targets if target not in subjects]
    if not targets:
        return
    attributes = [("cameo", ALERT_CODE)] if any(t.lemma_.lower() == "alert" for t in verb.subtree) else []
    parties = Parties(tuple(subjects), found, tuple(targets), frozenset(), True)
    candidate = finish_candidate(verb, Trigger(verb.lemma_.lower(), "VERB", POSTURE, None, (), None), parties,
                                 attributes, CONFIDENCE * (found.confidence or 1.0), ctx)
    spans = frozenset({verb.i, *(force.i for force in forces)})
    yield SpanningAct(as_threat(as_request(candidate, ctx), ctx), spans)


def _is_force(noun: Token, words: PostureWords) -> bool:
    """A noun of armed forces or drills, itself or as the "of" object of a quantity ("two divisions of troops")."""
    return noun.lemma_.lower() in words.force_nouns or any(
        grand.lemma_.lower() in words.force_nouns
        for child in children_of(noun) if child.dep_ == "prep" and child.lower_ == "of"
        for grand in children_of(child) if grand.dep_ == "pobj"
    )


def _place_phrases(verb: Token, forces: list[Token]) -> Iterator[Token]:
    """The prepositions of the verb and of its forces, and those one phrase below them
    ("on high alert near Taiwan")."""
    for holder in (verb, *forces):
        for prep in (c for c in children_of(holder) if c.dep_ == "prep"):
            yield prep
            for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
                yield from (c for c in children_of(pobj) if c.dep_ == "prep")


def _edge_states(prep: Token, ctx: Context, words: PostureWords) -> Iterator[Actor]:
    """The states whose edge a phrase of place names: a frontier noun's owner, or a state after a
    preposition of nearness."""
    preposition = prep.lower_
    for place in (c for c in children_of(prep) if c.dep_ == "pobj"):
        if place.lemma_.lower() in words.frontier_nouns and preposition in words.frontier_prepositions:
            yield from _owners(place, ctx, words)
        elif preposition in words.state_prepositions:
            yield from actors_of(place, ctx)


def _owners(frontier: Token, ctx: Context, words: PostureWords) -> Iterator[Actor]:
    for child in children_of(frontier):
        if child.dep_ == "prep" and child.lower_ in words.owner_prepositions:
            yield from (actor for pobj in children_of(child) if pobj.dep_ == "pobj" for actor in actors_of(pobj, ctx))
        elif child.dep_ in _OWNER_ARCS and ctx.actor(child) is not None:
            yield from actors_of(child, ctx)


def _detached_owners(verb: Token, ctx: Context, words: PostureWords) -> Iterator[Actor]:
    """The owner of a frontier noun that the parser hung on the verb: "along the frontier | with India",
    the owner's phrase right after the frontier noun."""
    frontiers = {pobj.i for prep in children_of(verb)
                 if prep.dep_ == "prep" and prep.lower_ in words.frontier_prepositions
                 for pobj in children_of(prep) if pobj.dep_ == "pobj" and pobj.lemma_.lower() in words.frontier_nouns}
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ in words.owner_prepositions and prep.i - 1 in frontiers:
            yield from (actor for pobj in children_of(prep) if pobj.dep_ == "pobj" for actor in actors_of(pobj, ctx))


