"""Deadlines: the time limit a verb of giving sets another actor ("gave X 72 hours to leave", "set X
a deadline to withdraw", "gave X until Friday to respond"), read one way for every rule that needs
it: the ultimatum of extract/addressed_requests.py (CAMEO 139) and the giving that is no aid of
extract/surface_readings.py. The words are in ``deadlines.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table

#: Dependencies of an infinitive on a verb or on its time-span object ("72 hours to leave").
_INFINITIVES = frozenset({"xcomp", "advcl", "relcl", "acl", "ccomp"})
#: Words that make a period noun a time of the act ("last month", "this week"), not a span given.
_TIME_DEICTICS = frozenset({"last", "next", "this", "that", "previous", "same", "coming", "past", "earlier"})


class DeadlineWordsError(ValueError):
    """A malformed ``deadlines.toml``; the message names the file and the entry."""


@dataclass(frozen=True)
class DeadlineWords:
    """What ``deadlines.toml`` says (see its comments)."""

    granting_verbs: frozenset[str] = frozenset()
    setting_verbs: frozenset[str] = frozenset()
    deadline_nouns: frozenset[str] = frozenset()
    span_nouns: frozenset[str] = frozenset()
    end_prepositions: frozenset[str] = frozenset()
    code: str = "139"

    @cached_property
    def ultimatum_verbs(self) -> frozenset[str]:
        """Verbs that may give an ultimatum: the granting and the setting verbs (the union built once,
        not at every verb the addressed requests look at)."""
        return self.granting_verbs | self.setting_verbs

    @cached_property
    def period_nouns(self) -> frozenset[str]:
        """Nouns of a time given: a span of time or a time limit (the union built once)."""
        return self.span_nouns | self.deadline_nouns


def load_deadline_words(path: Path) -> DeadlineWords:
    """Read ``deadlines.toml``; a missing or malformed entry raises a one-line error naming the file."""
    words = load_word_table(path, DeadlineWordsError)
    code = words.entries.get("code")
    if not (isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4):
        raise DeadlineWordsError(f"{path}: code must be a CAMEO code, got {code!r}")
    return DeadlineWords(words("granting_verbs"), words("setting_verbs"), words("deadline_nouns"),
                         words("span_nouns"), words("end_prepositions"), code)


def deadline_ends(verb: Token, words: DeadlineWords) -> list[Token]:
    """The "until"/"till" phrases of ``verb``: a deadline given by its end ("until Friday")."""
    return [c for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in words.end_prepositions]


def granted_spans(verb: Token, words: DeadlineWords) -> list[Token]:
    """The spans of time ``verb`` gives ("gave X 72 hours"), also one the parser hung on the
    addressee ("gave [the envoy a week] to leave")."""
    objects = [c for c in children_of(verb) if c.dep_ in ("dobj", "npadvmod", "dative")]
    return [t for o in objects for t in (o, *children_of(o))
            if t.dep_ in ("dobj", "npadvmod") and is_period(t, words)]


def timed_infinitives(verb: Token, words: DeadlineWords) -> list[Token]:
    """The infinitives a span or an end of time given by ``verb`` bounds ("gave X 72 hours to
    leave", "gave X until Friday to respond"); none without a span or an end."""
    spans = granted_spans(verb, words)
    if not spans and not deadline_ends(verb, words):
        return []
    return [c for holder in (verb, *spans) for c in children_of(holder)
            if c.dep_ in _INFINITIVES and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))]


def is_period(noun: Token, words: DeadlineWords) -> bool:
    """ "72 hours", "a week", "a deadline": a span of time, not the time of the act ("last month")."""
    if any(c.lower_ in _TIME_DEICTICS for c in children_of(noun)):
        return False
    lemma = noun.lemma_.lower()
    periods = words.period_nouns
    return lemma in periods or any(
        " ".join((c.lemma_.lower(), lemma)) in periods for c in children_of(noun) if c.dep_ == "compound"
    )


def given_deadline(verb: Token, words: DeadlineWords) -> tuple[Token, Token] | None:
    """(the one given the deadline, the deadline word) of a verb of giving: "gave X an ultimatum",
    "set X a deadline" (the noun), "gave X until Friday to withdraw" (the infinitive)."""
    children = list(children_of(verb))
    nouns = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in words.deadline_nouns]
    given = [c for c in children if c.dep_ in ("dative", "dobj") and c not in nouns]
    if not given:
        return None
    if nouns and given[0].i < nouns[0].i:
        return given[0], nouns[0]
    acts = [c for c in children if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in children_of(c))]
    if deadline_ends(verb, words) and acts:
        return given[0], acts[0]
    return None
