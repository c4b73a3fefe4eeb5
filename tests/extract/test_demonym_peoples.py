"""Plural demonyms that count people are the state's civilians (extract/demonym_peoples.py; sentences
written here)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Extraction


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("peoples-test", text, None, "2019-03-01"))


def ends(result: Extraction) -> set[tuple[str, str]]:
    return {(e.subject.id, e.object.id) for e in result.events}


@pytest.mark.parametrize("text, expected", [
    ("Thousands of Venezuelans protested against President Nicolas Maduro.",
     ("group:ven-cvl", "person:nicolas-maduro")),  # counted: people, so no loop on their own state
    ("Iranian police detained two Canadians.", ("group:irn-cop", "group:can-cvl")),
    ("Venezuelans protested against President Nicolas Maduro.", ("group:ven-cvl", "person:nicolas-maduro")),
])
def test_a_plural_demonym_that_counts_people_is_the_states_civilians(extractor: Extractor, text: str,
                                                                     expected: tuple[str, str]) -> None:
    assert expected in ends(run(extractor, text)), text


@pytest.mark.parametrize("text, expected", [
    ("The Russians rejected the American offer.", ("country:RUS", "country:USA")),  # "the": the state's side
    ("Israelis and Palestinians signed an agreement.", ("country:ISR", "country:PSE")),  # a pair of sides
])
def test_the_side_of_a_dealing_stays_the_state(extractor: Extractor, text: str, expected: tuple[str, str]) -> None:
    assert expected in ends(run(extractor, text)), text


def test_a_demonym_qualifying_a_noun_is_no_people(extractor: Extractor) -> None:
    assert ("group:ven-opp", "person:nicolas-maduro") in ends(
        run(extractor, "The Venezuelan opposition accused President Nicolas Maduro of fraud."))
