"""A possessive pronoun inside a reason adjunct (extract/cited_possessions.py, extract/reason_adjuncts.py).

Sentences written for these tests. Rules under test:
- "citing its partnership with X": the subject's own tie, cited as its reason, is no act of the
  subject reported by the sentence: no event between the subject and X;
- the clause's own act is still read ("called on Y");
- a noun whose possessor is a name ("citing Russia's attacks") keeps that named agent.
"""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("cited-possessions", "2024-06-10")


@pytest.mark.parametrize(("sentence", "subject", "named"), [
    ("The United States, citing its partnership with India, called on Pakistan to act.", "country:USA", "country:IND"),
    ("Turkey closed the crossing, citing its agreement with Iraq.", "country:TUR", "country:IRQ"),
    ("Japan, citing its alliance with Washington, urged China to show restraint.", "country:JPN", "country:USA"),
])
def test_a_cited_tie_of_the_subject_is_no_event(extractor: Extractor, sentence: str, subject: str, named: str) -> None:
    found = triples(run(extractor, sentence))
    assert not any(s == subject and o == named for s, _, o in found), found


def test_the_clause_act_is_still_read(extractor: Extractor) -> None:
    found = triples(run(extractor, "The United States, citing its partnership with India, called on Pakistan to act."))
    assert ("country:USA", "APPEAL", "country:PAK") in found, found


def test_a_named_possessor_keeps_its_act(extractor: Extractor) -> None:
    found = triples(run(extractor, "Lithuania closed the border, citing Belarus's attacks on its guards."))
    assert any(s == "country:BLR" for s, _, _ in found), found
