"""Refusing to comment is CAMEO 011 at the refusing verb (extract/declined_comments.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article, Polarity
from tests.extract.extracting import bare_statements, code_of


def events(extractor: Extractor, text: str) -> list[tuple[str, str, str, Polarity, str]]:
    found = extractor.extract(Article("declined", text, None, "2024-03-14")).events
    return [(e.subject.country or "", code_of(e), e.object.country or "", e.polarity, e.trigger) for e in found]


def test_declining_to_comment_on_a_state_is_an_affirmed_decline_comment(extractor: Extractor) -> None:
    found = events(extractor, "Malaysia declined to comment on Singapore's new border rules.")
    assert [(s, c, o, p) for s, c, o, p, _ in found] == [("MYS", "011", "SGP", Polarity.AFFIRMED)], found


@pytest.mark.parametrize("text", [
    "Malaysia commented on Singapore's new border rules.",
    "Malaysia did not comment on Singapore's new border rules.",
])
def test_a_comment_made_or_not_is_a_statement_with_no_content_and_no_event(extractor: Extractor, text: str) -> None:
    # a comment that says nothing of the other is no event (extract/bare_statements.py); declining
    # one is (above)
    extraction = extractor.extract(Article("declined", text, None, "2024-03-14"))
    assert not extraction.events, extraction.events
    assert bare_statements(extraction) == ["comment"]
