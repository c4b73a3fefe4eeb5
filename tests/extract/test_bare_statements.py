"""A public statement with no content (CAMEO 010) is no event by itself
(extract/bare_statements.py; sentences written here)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import bare_statements, coded_triples, runner

run = runner("bare-statements-test", "2024-06-03")


@pytest.mark.parametrize(
    "text",
    [
        "Kenya commented on the Ugandan election results.",
        "The Brazilian foreign minister remarked on Argentina's new tariffs.",
        "India called the Chinese plan a joke.",
    ],
)
def test_a_statement_that_says_nothing_of_the_other_is_dropped(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert not result.events, coded_triples(result)
    assert bare_statements(result), result.drops


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is said makes the act: a criticism, praise
        ("India called the Chinese plan a dangerous provocation.", ("country:IND", "111", "country:CHN")),
        ("Japan called Australia a trusted friend.", ("country:JPN", "051", "country:AUS")),
        # the other codes of root 01 are events: a symbolic act (017)
        ("The Chinese vice president attended the inauguration of the Brazilian president.",
         ("country:CHN", "017", "person:luiz-inacio-lula-da-silva")),  # the president in office then
    ],
)
def test_a_statement_with_content_and_other_codes_of_the_root_stay(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    result = run(extractor, text)
    assert expected in coded_triples(result), coded_triples(result)
    assert not bare_statements(result)
