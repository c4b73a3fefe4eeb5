"""A clash in words is no fight.

"clash" and "skirmish" code fighting (CAMEO 190, the OEDA dictionary's FIGHT block), but English
also uses them of a dispute: with a topic after "over" or "about" ("Greece clashed with Turkey over
migration"), at an occasion of talk ("clashed at the summit"), or with a person as the one who
clashes ("the president has clashed with the Israeli government": a person does not fight a battle
alone; forces and states do), the clash is one of views. Such a candidate is dropped as
``not_an_event``; the words are in ``clashes.toml``.

A clash is mutual: "Indian and Chinese soldiers clashed" with no "with" phrase says each side
clashed with the other, so the sides are paired both ways, whatever place the clause names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate
from graph.model import ActorType, DropReason


class ClashWordsError(ValueError):
    """A malformed ``clashes.toml``."""


@dataclass(frozen=True)
class ClashWords:
    """The closed classes of ``clashes.toml`` (see the comments there)."""

    clash_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    occasion_prepositions: frozenset[str]
    occasion_nouns: frozenset[str]


def load_clash_words(path: Path) -> ClashWords:
    """Read ``clashes.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, ClashWordsError)
    return ClashWords(words("clash_verbs"), words("topic_prepositions"), words("occasion_prepositions"),
                      words("occasion_nouns"))


def without_verbal_clash(candidate: Candidate, words: ClashWords) -> Candidate:
    """The candidate, or a ``not_an_event`` drop when its clash verb names a clash of views."""
    trigger = candidate.trigger
    if candidate.drop is not None or trigger.lemma_.lower() not in words.clash_verbs:
        return candidate
    # the parser may hang the topic or occasion on the party ("with his counterpart at the summit")
    parties = [pobj for prep in children_of(trigger) if prep.dep_ == "prep" and prep.lower_ == "with"
               for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    reason = verbal_reason([*children_of(trigger), *(c for party in parties for c in children_of(party))], words)
    if reason is None and candidate.subjects and all(a.type is ActorType.PERSON for a in candidate.subjects):
        reason = "a person's clash"  # "Petro has clashed with the Israeli government": no one fights alone
    if reason is None:
        return candidate if parties else mutual_clash(candidate)
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0,
                   drop=DropReason.NOT_AN_EVENT, detail=f"a clash of views: {reason}")


def mutual_clash(candidate: Candidate) -> Candidate:
    """A clash with no "with" phrase between the sides its plural subject names, each against the other."""
    sides = candidate.subjects
    if len(sides) < 2:
        return candidate
    pairs = tuple((a, b) for a in sides for b in sides if a != b)
    return replace(candidate, objects=(), pairs=pairs)


def verbal_reason(children: Iterable[Token], words: ClashWords) -> str | None:
    """Why a clash verb's dependents make it a clash of views: its topic or its occasion of talk."""
    for prep in (c for c in children if c.dep_ == "prep"):
        preposition = prep.lower_
        for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            if preposition in words.topic_prepositions:
                return f"{preposition} {pobj.lemma_.lower()}"
            if preposition in words.occasion_prepositions and pobj.lemma_.lower() in words.occasion_nouns:
                return f"{preposition} {pobj.lemma_.lower()}"
    return None
