"""The subject of a speech act coordinated after a reported clause.

The rule of English (wire-news form): in "X said [S was P] and urged Y to ...", a verb of speech act in
the simple past, with no subject of its own, coordinated with the predicate of a clause reported under
a reporting verb in the simple past, is a second act of the reporter X, not of the reported clause's
subject: the parser hangs "urged" on the reported predicate, but that predicate's verb group (a copula,
or a verb with a modal, progressive or passive auxiliary: "was unacceptable", "would damage", "was
sheltering", "had been planned") cannot be shared by a simple past form, so the two are not one
clause's predicates. A reported predicate in the plain simple past ("said the rebels killed the mayor
and demanded a ransom") is left as it was: there the reported subject may well be the one acting.
The speech-act verbs are data (extract/data/reporter_acts.toml).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of

REPORTER_ACTS = Path(__file__).with_name("data") / "reporter_acts.toml"

_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Auxiliaries a simple past form cannot share: modals (tag MD) and forms of "be".
_UNSHARED_AUX_LEMMAS = frozenset({"be"})


class ReporterActsError(ValueError):
    """The reporter-acts file is missing or malformed."""


def load_reporter_acts(path: Path = REPORTER_ACTS) -> frozenset[str]:
    """The lemmas of speech-act verbs listed in ``path``; a clear error naming the file otherwise."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ReporterActsError(f"{path}: cannot read reporter acts ({error})") from error
    acts = data.get("acts")
    if not isinstance(acts, list) or not acts or not all(isinstance(a, str) and a for a in acts):
        raise ReporterActsError(f"{path}: 'acts' must be a non-empty list of verb lemmas")
    return frozenset(a.lower() for a in acts)


def reporting_verb_of_conjunct(verb: Token, acts: frozenset[str], reporting: frozenset[str]) -> Token | None:
    """The reporting verb whose subject is the subject of ``verb``, when ``verb`` is a speech act
    coordinated after a reported clause whose verb group it cannot share; else None."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in acts:
        return None
    if any(c.dep_ in _SUBJECT_ARCS for c in children_of(verb)):
        return None
    reported = verb.head
    if reported.dep_ != "ccomp" or reported.i > verb.i or reported.lemma_.lower() in acts:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(reported)):
        return None
    if not _unshareable_verb_group(reported):
        return None
    reporter = reported.head
    if reporter.lemma_.lower() not in reporting or reporter.tag_ != "VBD":
        return None
    if any(c.dep_ == "neg" for c in children_of(reporter)):
        return None
    return reporter


def _unshareable_verb_group(predicate: Token) -> bool:
    """A copula, or a verb with a modal or a form of "be" among its auxiliaries."""
    if predicate.lemma_.lower() == "be":
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lemma_.lower() in _UNSHARED_AUX_LEMMAS)
        for c in children_of(predicate)
    )
