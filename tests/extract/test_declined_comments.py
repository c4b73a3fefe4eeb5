"""Refusing to comment is CAMEO 011 at the refusing verb (extract/declined_comments.py)."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article, Polarity
from tests.extract.extracting import code_of


def events(extractor: Extractor, text: str) -> list[tuple[str, str, str, Polarity, str]]:
    found = extractor.extract(Article("declined", text, None, "2024-03-14")).events
    return [(e.subject.country or "", code_of(e), e.object.country or "", e.polarity, e.trigger) for e in found]


def test_declining_to_comment_on_a_state_is_an_affirmed_decline_comment(extractor: Extractor) -> None:
    found = events(extractor, "Malaysia declined to comment on Singapore's new border rules.")
    assert [(s, c, o, p) for s, c, o, p, _ in found] == [("MYS", "011", "SGP", Polarity.AFFIRMED)], found


def test_a_comment_made_stays_a_statement(extractor: Extractor) -> None:
    found = events(extractor, "Malaysia commented on Singapore's new border rules.")
    assert [(s, c, o, p) for s, c, o, p, _ in found] == [("MYS", "010", "SGP", Polarity.AFFIRMED)], found


def test_a_comment_not_made_stays_a_negated_statement(extractor: Extractor) -> None:
    found = events(extractor, "Malaysia did not comment on Singapore's new border rules.")
    assert [(s, c, o, p) for s, c, o, p, _ in found] == [("MYS", "010", "SGP", Polarity.NEGATED)], found
