"""A coordinated noun right before a subjectless finite verb opens a clause of its own
(extract/clause_boundaries.py): it is that verb's subject, not part of the first clause's argument."""

from __future__ import annotations

import pytest

from extract.clause_boundaries import opens_own_clause
from extract.pipeline import Extractor
from graph.model import Article


@pytest.mark.parametrize(
    ("sentence", "word", "opens"),
    [
        ("Poland criticised Hungary and Slovakia did so too.", "Slovakia", True),
        ("Spain expelled two Russian diplomats and Ireland will do the same.", "Ireland", True),
        ("Poland criticised Hungary and Slovakia.", "Slovakia", False),
        ("Barack Obama and Vladimir Putin will meet in Zurich.", "Putin", False),  # the auxiliary's verb has a subject
        ("Czechia and Albania have upgraded their ties.", "Albania", False),
        ("Kenya and Uganda signed a deal.", "Uganda", False),
    ],
)
def test_opens_own_clause(extractor: Extractor, sentence: str, word: str, opens: bool) -> None:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert opens_own_clause(token) is opens


def test_the_next_clauses_subject_is_not_the_first_clauses_object(extractor: Extractor) -> None:
    events = extractor.extract(Article("clause-boundaries", "Poland criticised Hungary and Slovakia did so too.",
                                       None, "2024-05-02")).events
    pairs = {(e.subject.id, e.object.id) for e in events}
    assert ("country:POL", "country:HUN") in pairs
    assert ("country:POL", "country:SVK") not in pairs
