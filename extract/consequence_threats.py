"""Threats told as a prediction of consequences: "Moscow said Ankara would pay a heavy price",
"Beijing said Washington will bear all the consequences if ...".

A speaker who states that another actor will face, pay or bear consequences of its conduct
threatens that actor: CAMEO codes such a statement as a threat (13), as it codes a warning that X
would face consequences (extract/threats.py). The clause must be future ("will", "would") and
affirmed, its object a consequence noun and its subject an actor of another state than the
speaker's; the words are those of warnings (speech_acts.toml ``consequence_verbs``,
``consequence_nouns``, ``stating_verbs``). "said it would pay any price for peace" (the speaker's
own) and "said X faces a famine" (a plight) are no threats.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.block_index import children_of
from extract.intended_threats import THREAT_CONFIDENCE
from extract.patterns import Candidate, Context, actors_of, clause_subject, subject_actors
from extract.speech_acts import Threats
from extract.threats import FUTURE_MODALS, THREATEN_RELATION
from graph.model import same_state


def predicts_consequences(clause: Token, threats: Threats) -> bool:
    """Whether ``clause`` says its subject will face, pay or bear a consequence noun: a future,
    affirmed clause of a consequence verb whose direct object is a consequence noun."""
    if clause.lemma_.lower() not in threats.consequence_verbs:
        return False
    children = list(children_of(clause))
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children)
    negated = any(c.dep_ == "neg" for c in children)
    consequence = any(c.dep_ == "dobj" and c.lemma_.lower() in threats.consequence_nouns for c in children)
    return future and consequence and not negated


def consequence_threats(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """A stating verb whose clause predicts consequences for another state's actor ("said Ankara
    would pay a price"): a threat of the speaker against that actor."""
    threats = ctx.ontology.speech_acts.threats
    if verb.lemma_.lower() not in threats.stating_verbs or THREATEN_RELATION not in ctx.ontology.relations:
        return
    for clause in children_of(verb):
        if clause.dep_ != "ccomp" or not predicts_consequences(clause, threats):
            continue
        speakers = subject_actors(clause_subject(verb, ctx), ctx)
        targets = [actor for c in children_of(clause) if c.dep_ == "nsubj" for actor in actors_of(c, ctx)
                   if not any(same_state(actor, speaker) for speaker in speakers)]
        if speakers and targets:
            yield Candidate(verb, THREATEN_RELATION, tuple(speakers), tuple(targets), (), THREAT_CONFIDENCE)
