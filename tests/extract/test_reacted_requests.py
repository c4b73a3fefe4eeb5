"""A request answered by its addressee is the requester's request to it (extract/reacted_requests.py),
and refusing or rejecting another agent's act does not say the act was not made (qualifiers, implicatives)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of


def events(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    found = extractor.extract(Article("reacted-requests", text, None, "2024-05-02")).events
    return {(e.subject.id, code_of(e)[:2], e.object.id, e.polarity.value) for e in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru rejected Chile's demand for an apology.", ("country:CHL", "10", "country:PER", "affirmed")),
        ("Mali ignored Algeria's call for new elections.", ("country:DZA", "02", "country:MLI", "affirmed")),
        ("Nepal refused India's request to hand over the suspect.", ("country:IND", "02", "country:NPL", "affirmed")),
        ("Jordan heeded Egypt's appeal for calm.", ("country:EGY", "02", "country:JOR", "affirmed")),
    ],
)
def test_an_answered_request_is_made_to_the_one_answering(
    extractor: Extractor, sentence: str, expected: tuple[str, str, str, str],
) -> None:
    assert expected in events(extractor, sentence)


def test_a_welcomed_request_names_no_addressee(extractor: Extractor) -> None:
    """One welcomes calls made to others too: "welcomed" is no verb of answering."""
    found = events(extractor, "Chile welcomed Peru's call for a ceasefire.")
    assert not any(subject == "country:PER" and root == "02" for subject, root, _, _ in found)


def test_a_request_with_its_own_addressee_is_not_made_to_the_one_answering(extractor: Extractor) -> None:
    found = events(extractor, "Chile rejected Peru's call for Bolivia to withdraw its troops.")
    assert ("country:PER", "02", "country:CHL", "affirmed") not in found


def test_a_request_without_a_requester_of_its_own_gives_no_request(extractor: Extractor) -> None:
    found = events(extractor, "Peru rejected the demand for an apology.")
    assert not any(root == "10" for _, root, _, _ in found)


def test_refusing_one_s_own_act_still_negates_it(extractor: Extractor) -> None:
    found = events(extractor, "Chile refused talks with Peru on Monday.")
    assert ("country:CHL", "04", "country:PER", "negated") in found
