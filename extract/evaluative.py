"""The valence of an evaluative predicate ("a dangerous populist", "a trusted friend"): the words
of evaluative_words.tsv (VADER's lexicon, converted by tools/build_evaluative_words.py) and how a
predicate's words add up to a clearly negative, clearly positive or unclear judgement."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

#: Valence from which a word counts as clearly evaluative, on VADER's scale of mean ratings from -4
#: to +4. Measured on 50 naming sentences written for it (VERBS.md): 33 right at 1.25 and 1.5, 30
#: at 1.0, 1.75 and 2.0. 1.5 keeps words raters agree are judgements ("dangerous" -2.1,
#: "ridiculous" -1.5, "trusted" 2.1) and leaves out weak or two-sided ones ("mistake" -1.4,
#: "critical" -1.3, "victim" -1.1, "joke" 1.2, "important" 0.8).
CLEAR_VALENCE = 1.5

#: Arcs of the words that are part of the judgement itself: adjective and noun modifiers of the
#: predicate's head ("a dangerous populist", "a terror state") and its coordinated heads ("a liar
#: and a cheat", "reckless and irresponsible").
_JUDGING_ARCS = frozenset({"amod", "compound", "nmod", "conj"})


class EvaluativeWordsError(ValueError):
    """The evaluative words file is malformed; the message names the file and line."""


class Judgement(enum.Enum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class EvaluativeWords:
    """Word (lower case, as written or as a lemma) -> mean valence, -4 to +4."""

    valences: Mapping[str, float]

    def valence(self, token: Token) -> float | None:
        """The word's valence as written ("friends"), else its lemma's; None when unrated."""
        found = self.valences.get(token.lower_)
        return found if found is not None else self.valences.get(token.lemma_.lower())


def load_evaluative_words(path: Path) -> EvaluativeWords:
    """Read ``word valence`` rows; a malformed row is an error naming the file and line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "word\tvalence":
        raise EvaluativeWordsError(f"{path}:1: expected the header 'word<TAB>valence'")
    valences: dict[str, float] = {}
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        valence = _valence(cells[1]) if len(cells) == 2 and cells[0] else None
        if valence is None:
            raise EvaluativeWordsError(f"{path}:{number}: expected a word and a valence from -4 to 4, got {line!r}")
        valences[cells[0]] = valence
    return EvaluativeWords(valences)


def _valence(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if -4.0 <= value <= 4.0 else None


def predicate_judgement(predicate: Token, words: EvaluativeWords, negators: frozenset[str]) -> Judgement:
    """Whether a naming predicate judges clearly negatively or clearly positively.

    The judging words are the predicate's head, its modifiers and coordinated heads, and the words
    of the head's "of" complement unless the head is rated but weakly ("a house of lies", "a
    sponsor of terrorism", "a champion of freedom"; not "a victim of terrorism"). Clear when one
    of them is at least ``CLEAR_VALENCE`` away from 0 and none is so on the other side ("a brave
    liar", "a friend of terrorists" are unclear). Any other prepositional phrase with a clearly
    evaluative word makes the judgement depend on what the preposition relates ("a threat to
    peace", "a victim of aggression"): unclear. Negation inside the
    predicate ("not a reliable partner", "no friend") turns a merit into a fault; denying a fault
    ("not a threat") praises no one: unclear."""
    judging = list(_judging_words(predicate))
    head = words.valence(predicate)
    if head is None or _clear(head):
        judging += [word for prep in predicate.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for complement in prep.children if complement.dep_ == "pobj"
                    for word in _judging_words(complement)]
    valences = [v for v in (words.valence(w) for w in judging) if v is not None]
    negative = any(v <= -CLEAR_VALENCE for v in valences)
    positive = any(v >= CLEAR_VALENCE for v in valences)
    if negative == positive or _evaluative_phrase_attached(judging, words):
        return Judgement.UNCLEAR
    if negated_predicate(predicate, negators):
        return Judgement.NEGATIVE if positive else Judgement.UNCLEAR
    return Judgement.NEGATIVE if negative else Judgement.POSITIVE


def _clear(valence: float | None) -> bool:
    return valence is not None and abs(valence) >= CLEAR_VALENCE


def _judging_words(predicate: Token) -> Iterator[Token]:
    yield predicate
    for child in predicate.children:
        if child.dep_ in _JUDGING_ARCS:
            yield from _judging_words(child)


def _evaluative_phrase_attached(judging: list[Token], words: EvaluativeWords) -> bool:
    """A prepositional phrase under a judging word holding a clearly evaluative word that is not
    itself one of the judging words."""
    counted = {word.i for word in judging}
    return any(_clear(words.valence(word)) for head in judging for prep in head.children if prep.dep_ == "prep"
               for word in prep.subtree if word.i not in counted)


def negated_predicate(predicate: Token, negators: frozenset[str]) -> bool:
    """A negator on the predicate or a coordinated head: "not a threat", "no friend", "never an ally"."""
    return any(child.dep_ in ("neg", "det", "advmod", "preconj") and child.lower_ in negators
               for head in _judging_words(predicate) for child in head.children)
