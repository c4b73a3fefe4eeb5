"""The valence of an evaluative predicate ("a dangerous populist", "a trusted friend"): the words
of evaluative_words.tsv (VADER's lexicon, converted by tools/build_evaluative_words.py), for words
VADER does not rate those of evaluative_words_pattern.tsv (Pattern's subjectivity lexicon, converted
by tools/build_pattern_words.py), and how a predicate's words add up to a clearly negative,
clearly positive or unclear judgement."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.polarity_morphology import NO_AFFIXES, NegatingAffixes, negated_valence

#: Valence from which a word counts as clearly evaluative, on VADER's scale of mean ratings from -4
#: to +4. Measured on 50 naming sentences written for it (VERBS.md): 33 right at 1.25 and 1.5, 32
#: at 1.0, 30 at 1.75 and 2.0. 1.5 keeps words raters agree are judgements ("dangerous" -2.1,
#: "ridiculous" -1.5, "trusted" 2.1) and leaves out weak or two-sided ones ("mistake" -1.4,
#: "critical" -1.3, "victim" -1.1, "joke" 1.2, "important" 0.8).
CLEAR_VALENCE = 1.5

#: Arcs of the words that are part of the judgement itself: adjective and noun modifiers of the
#: predicate's head ("a dangerous populist", "a terror state") and its coordinated heads ("a liar
#: and a cheat", "reckless and irresponsible").
_JUDGING_ARCS = frozenset({"amod", "compound", "nmod", "conj"})

#: Prepositions that relate the predicate's head to what its complement names, so that the
#: complement's valence composes with the head's ("a friend of", "a threat to", "a haven for");
#: not those that oppose or exclude it ("against", "without"), nor those of place and time.
RELATING_PREPOSITIONS = frozenset({"of", "to", "for"})


class EvaluativeWordsError(ValueError):
    """The evaluative words file is malformed; the message names the file and line."""


class Judgement(enum.Enum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class EvaluativeWords:
    """Word (lower case, as written or as a lemma) -> mean valence, -4 to +4; an unrated adjective
    or noun that negates a clearly positive word by an affix of ``affixes`` ("unwise") is minus
    that word's valence (extract/polarity_morphology.py)."""

    valences: Mapping[str, float]
    affixes: NegatingAffixes = NO_AFFIXES

    def valence(self, token: Token) -> float | None:
        """The word's valence as written ("friends"), else its lemma's, else by a negating affix
        (adjectives and nouns); None when unrated."""
        found = self.valences.get(token.lower_)
        if found is None:
            found = self.valences.get(token.lemma_.lower())
        if found is None and token.pos_ in ("ADJ", "NOUN"):
            found = negated_valence(token.lower_, self.valences, self.affixes, CLEAR_VALENCE)
        return found


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


def with_fallback(primary: EvaluativeWords, fallback: EvaluativeWords) -> EvaluativeWords:
    """The words of both lexicons: ``primary``'s rating where it rates a word, else ``fallback``'s
    (with ``primary``'s negating affixes)."""
    return EvaluativeWords({**fallback.valences, **primary.valences}, primary.affixes)


def with_affixes(words: EvaluativeWords, affixes: NegatingAffixes) -> EvaluativeWords:
    return EvaluativeWords(words.valences, affixes)


def _valence(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if -4.0 <= value <= 4.0 else None


def predicate_judgement(predicate: Token, words: EvaluativeWords, negators: frozenset[str]) -> Judgement:
    """Whether a naming predicate judges clearly negatively or clearly positively.

    The judging words are the predicate's head, its modifiers and coordinated heads: clear when
    one of them is at least ``CLEAR_VALENCE`` away from 0 and none is so on the other side ("a
    brave liar" is unclear). A complement of a relating preposition (``RELATING_PREPOSITIONS``)
    judges with them: alone when the head is unrated ("a house of lies", "a sponsor of
    terrorism"); with a clear head of the same side a merit stays a merit ("a champion of
    freedom") but two faults may cancel ("an enemy of terrorism"): unclear; of the other side it is
    a fault ("a threat to peace", "a friend of terrorists"); with a weakly rated head it is
    unclear ("a victim of terrorism"). An evaluative word after any other preposition ("a
    bulwark against terrorism") leaves the judgement unclear. Negation inside the predicate ("not
    a reliable partner", "no friend") turns a merit into a fault; denying a fault ("not a threat")
    praises no one: unclear."""
    judging = list(_judging_words(predicate))
    relating = [word for head in judging for prep in children_of(head)
                if prep.dep_ == "prep" and prep.lower_ in RELATING_PREPOSITIONS for word in prep.subtree]
    others = [word for head in judging for prep in children_of(head)
              if prep.dep_ == "prep" and prep.lower_ not in RELATING_PREPOSITIONS for word in prep.subtree]
    if _side(others, words) is not None:
        return Judgement.UNCLEAR
    own, related = _side(judging, words), _side(relating, words)
    head = words.valence(predicate)
    if related is None:
        judged = own
    elif head is not None and not _clear(head):
        judged = Judgement.UNCLEAR
    elif own is None or own is Judgement.UNCLEAR:
        judged = related if own is None else own
    elif related is Judgement.UNCLEAR:
        judged = Judgement.UNCLEAR
    elif own is related:
        judged = own if own is Judgement.POSITIVE else Judgement.UNCLEAR
    else:
        judged = Judgement.NEGATIVE
    if judged is None or judged is Judgement.UNCLEAR:
        return Judgement.UNCLEAR
    if negated_predicate(predicate, negators):
        return Judgement.NEGATIVE if judged is Judgement.POSITIVE else Judgement.UNCLEAR
    return judged


def _side(tokens: list[Token], words: EvaluativeWords) -> Judgement | None:
    """The side the clearly evaluative words among ``tokens`` take; None when there are none."""
    valences = [v for v in (words.valence(t) for t in tokens) if v is not None]
    negative = any(v <= -CLEAR_VALENCE for v in valences)
    positive = any(v >= CLEAR_VALENCE for v in valences)
    if negative and positive:
        return Judgement.UNCLEAR
    if negative or positive:
        return Judgement.NEGATIVE if negative else Judgement.POSITIVE
    return None


def _clear(valence: float) -> bool:
    return abs(valence) >= CLEAR_VALENCE


def _judging_words(predicate: Token) -> Iterator[Token]:
    yield predicate
    for child in children_of(predicate):
        if child.dep_ in _JUDGING_ARCS:
            yield from _judging_words(child)


def negated_predicate(predicate: Token, negators: frozenset[str]) -> bool:
    """A negator on the predicate or a coordinated head: "not a threat", "no friend", "never an ally"."""
    return any(child.dep_ in ("neg", "det", "advmod", "preconj") and child.lower_ in negators
               for head in _judging_words(predicate) for child in children_of(head))
