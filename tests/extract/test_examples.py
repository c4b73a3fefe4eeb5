"""The acceptance checks of the design article, run on every bundled example article."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import fold, load_gazetteer
from extract.pipeline import Extractor
from graph.model import Article, Extraction, Polarity
from loaders.sources import read_inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
PRONOUNS = {"he", "she", "it", "its", "they", "them", "their", "we", "us", "our", "his", "her", "i", "you"}


@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> dict[str, Extraction]:
    articles = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    return {e.article.title or e.article.id: e for e in extractor.extract_many(articles)}


def test_there_are_at_least_sixty_dated_articles(extractions: dict[str, Extraction]) -> None:
    assert len(extractions) >= 60
    dates = sorted(e.article.date or "" for e in extractions.values())
    assert dates[0] < "2023-01-01" < dates[-1]
    assert all(e.article.title and e.article.source for e in extractions.values())


def test_no_capital_pronoun_or_self_loop_actors(extractions: dict[str, Extraction]) -> None:
    capitals = {fold(c) for country in load_gazetteer().countries.values() for c in country.capitals}
    for extraction in extractions.values():
        for event in extraction.events:
            for actor in (event.subject, event.object):
                assert fold(actor.name) not in capitals, (actor, event.sentence)
                assert actor.name.lower() not in PRONOUNS, (actor, event.sentence)
                assert actor.id.split(":")[0] in ("person", "country", "org", "group", "region")
            assert event.subject.id != event.object.id
            for evidence in event.evidence:
                assert extraction.article.text[evidence.char_start : evidence.char_end] == evidence.sentence


def test_most_articles_yield_triples_and_every_drop_has_a_reason(extractions: dict[str, Extraction]) -> None:
    with_events = [title for title, e in extractions.items() if e.events]
    assert len(with_events) >= 0.9 * len(extractions)
    assert all(d.reason.value for e in extractions.values() for d in e.drops)


@pytest.mark.parametrize(("country1", "country2"), [("HUN", "RUS"), ("RUS", "UKR"), ("USA", "CHN")])
def test_the_showcase_dyads_have_events_in_twelve_months_or_more(
    extractions: dict[str, Extraction], country1: str, country2: str
) -> None:
    """Persons read as the state they act for, negated events left out, as in the analyses."""
    months = {
        event.date[:7]
        for extraction in extractions.values() for event in extraction.events
        if event.polarity is Polarity.AFFIRMED and event.date
        and {event.subject.country, event.object.country} == {country1, country2}
    }
    assert len(months) >= 12, sorted(months)


def _has(extraction: Extraction, subject: str, relation: str, obj: str) -> bool:
    return any(
        e.relation.name == relation
        and e.polarity is Polarity.AFFIRMED
        and ({e.subject.id, e.object.id} == {subject, obj} if e.relation.reciprocal else
             (e.subject.id, e.object.id) == (subject, obj))
        for e in extraction.events
    )


@pytest.mark.parametrize(
    ("title", "subject", "relation", "obj"),
    [
        ("Biden and Xi meet in Bali ahead of G20 summit", "person:joe-biden", "MEET", "person:xi-jinping"),
        ("Biden makes surprise visit to Kyiv", "person:joe-biden", "VISIT", "country:UKR"),
        ("International Criminal Court issues arrest warrant for Putin", "org:icc", "ARREST", "person:vladimir-putin"),
        ("Kim Jong Un meets Putin at Russian spaceport", "person:kim-jong-un", "MEET", "person:vladimir-putin"),
        ("Azerbaijan launches offensive in Nagorno-Karabakh", "person:nikol-pashinyan", "ACCUSE", "country:AZE"),
        ("Orban meets Putin in Beijing despite EU unease", "person:viktor-orban", "MEET", "person:vladimir-putin"),
        ("China retaliates against U.S. tariffs", "country:CHN", "SANCTION", "country:USA"),
        ("Trump and Putin hold summit in Alaska", "person:donald-trump", "MEET", "person:vladimir-putin"),
        ("Russia and Ukraine sign grain export deals in Istanbul", "country:TUR", "MEDIATE", "country:UKR"),
    ],
)
def test_headline_events(extractions: dict[str, Extraction], title: str, subject: str, relation: str, obj: str) -> None:
    assert _has(extractions[title], subject, relation, obj), sorted(
        (e.subject.id, e.relation.name, e.object.id) for e in extractions[title].events
    )
