"""Acts that a rule reads across several words ("ordered the envoy to leave", "burned the flag of
X", "captured the town"), merged with the candidates the ordinary patterns made at those words.

The act is inserted in text order, and a candidate made at a word the act spans becomes a
``duplicate`` drop naming the act: "asked the envoy to leave" is an expulsion, not an appeal.
Envoy acts (extract/envoys.py), protests through symbols (extract/protest_symbols.py) and
occupations (extract/territory.py) merge this way; composed verb+noun events
(extract/light_verb_candidates.py) decide what they supersede otherwise but drop it alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from extract.patterns import Candidate
from graph.model import Actor, DropReason


@dataclass(frozen=True)
class SpanningAct:
    """The candidate for an act and the tokens of the words it spans."""

    candidate: Candidate
    spans: frozenset[int]


def duplicate_of(candidate: Candidate, words: str, relation: str) -> Candidate:
    """``candidate`` as a ``duplicate`` drop: part of the act told by ``words`` as ``relation``."""
    return Candidate(candidate.trigger, candidate.relation, (), (), (), 0.0, DropReason.DUPLICATE,
                     f"part of '{words}' {relation}")


def with_spanning_acts(
    candidates: list[Candidate], acts: Sequence[SpanningAct],
    inserted: Callable[[Candidate], Candidate] = lambda candidate: candidate,
) -> list[Candidate]:
    """The candidates with every act's candidate (as ``inserted`` makes it) added in text order,
    and the candidates at the words an act spans turned into drops naming the act."""
    if not acts:
        return candidates
    spanned = {i: act for act in acts for i in act.spans}
    merged = [
        c if c.trigger.i not in spanned
        else duplicate_of(c, spanned[c.trigger.i].candidate.trigger.lemma_, spanned[c.trigger.i].candidate.relation)
        for c in candidates
    ]
    for act in acts:
        position = next((n for n, c in enumerate(merged) if c.trigger.i > act.candidate.trigger.i), len(merged))
        merged.insert(position, inserted(act.candidate))
    return merged


def distinct_actors(actors: Iterable[Actor]) -> list[Actor]:
    """The actors in their first order, each id once (the parties of an act read across words)."""
    found: dict[str, Actor] = {}
    for actor in actors:
        found.setdefault(actor.id, actor)
    return list(found.values())
