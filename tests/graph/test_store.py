"""One behavioural suite for both stores: the embedded SQLite file and a real Neo4j server."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extract.pipeline import Extractor
from graph.frames import from_neo4j, from_sqlite
from graph.model import Article, CopyLink, Extraction
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore, StoreError, content_hash
from tests.graph.neo4j_fixtures import empty_store

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ARTICLE = Article(
    "article-1",
    "Putin Meets Orban In Beijing\n"
    "Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban in Beijing on Tuesday.\n\n"
    "Budapest has no intention of reducing purchases of Russian oil, Hungarian Foreign Minister "
    "Peter Szijjarto said.\n\n"
    "The European Union imposed sanctions on Belarus.",
    "Putin meets Orban",
    "2023-10-19",
)
LATER = Article("article-2", "Viktor Orban met Vladimir Putin in Moscow on July 5, 2024.", None, "2024-07-06")


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    backend = empty_store(request, tmp_path)
    yield backend
    backend.close()


@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> list[Extraction]:
    return list(extractor.extract_many([ARTICLE, LATER]))


def test_schema_is_idempotent_and_versioned(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()
    assert store.schema_version() == 5


def test_loading_twice_changes_nothing(store: GraphStore, extractions: list[Extraction]) -> None:
    first = store.load(extractions)
    counts = store.counts()
    second = store.load(extractions)
    assert store.counts() == counts
    assert (first.articles, first.events) == (second.articles, second.events) == (2, len(_events(extractions)))
    assert second.events_removed == 0
    assert counts["Article"] == 2
    assert counts["Event"] == len(_events(extractions))
    assert counts["SUBJECT"] == counts["OBJECT"] == counts["REPORTED_IN"] == counts["Event"]
    assert counts["Person"] >= 3 and counts["Country"] >= 2 and counts["Organization"] >= 1
    assert counts["MET"] == 1  # one aggregated relationship for the pair, over two articles
    assert counts["ATTRIBUTED_TO"] >= 1


def test_aggregates_follow_their_events(store: GraphStore, extractions: list[Extraction]) -> None:
    store.load(extractions)
    met = [e for x in extractions for e in x.events if e.relation.name == "MEET"]
    subject, obj = met[0].subject.id, met[0].object.id
    aggregate = store.aggregate(subject, "MET", obj)
    assert aggregate == {"count": 2, "first_date": "2023-10-17", "last_date": "2024-07-05",
                         "goldstein_sum": 2.0, "negated_count": 0}
    # the later article is re-extracted and now has no meeting: its event and its share go
    without_meeting = dataclasses.replace(
        extractions[1], events=tuple(e for e in extractions[1].events if e.relation.name != "MEET")
    )
    report = store.load([without_meeting])
    assert report.events_removed == 1
    assert store.aggregate(subject, "MET", obj) == {"count": 1, "first_date": "2023-10-17",
                                                    "last_date": "2023-10-17", "goldstein_sum": 1.0,
                                                    "negated_count": 0}


def test_a_new_extractor_version_replaces_the_article_events(store: GraphStore, extractions: list[Extraction]) -> None:
    store.load(extractions)
    counts = store.counts()
    newer = [
        dataclasses.replace(x, events=tuple(dataclasses.replace(e, extractor="geokg-rules/0.9") for e in x.events))
        for x in extractions
    ]
    store.load(newer)
    assert store.counts() == counts


def test_an_actor_no_event_names_any_more_is_removed(store: GraphStore, extractor: Extractor) -> None:
    """Re-extraction that no longer finds an actor leaves the graph as a fresh load would: the
    actor goes with its last event, while actors other events still name stay."""
    first = Article("a", "Hungary criticized Russia.\n\nEstonian Foreign Minister Margus Tsahkna met Hungarian "
                    "Prime Minister Viktor Orban.", None, "2024-01-01")
    second = Article("b", "Viktor Orban met Vladimir Putin.", None, "2024-01-02")
    extracted = list(extractor.extract_many([first, second]))
    store.load(extracted)
    named = {e.object.id for x in extracted for e in x.events} | {e.subject.id for x in extracted for e in x.events}
    assert {"person:margus-tsahkna", "person:viktor-orban"} <= named
    assert store.actor("person:margus-tsahkna") is not None
    without_the_meeting = dataclasses.replace(
        extracted[0], events=tuple(e for e in extracted[0].events if e.relation.name != "MEET"))
    report = store.load([without_the_meeting])
    assert report.events_removed == 1 and report.actors_removed == 1
    assert store.actor("person:margus-tsahkna") is None
    assert store.actor("person:viktor-orban") is not None  # the other article's meeting names him
    reloaded = store.counts()
    assert reloaded == _fresh_counts(store, [without_the_meeting, extracted[1]])


def _fresh_counts(store: GraphStore, extractions: list[Extraction]) -> dict[str, int]:
    """The counts the same extractions give in an empty store of the same kind (for Neo4j, the
    test's own database emptied: read the store's counts before)."""
    if isinstance(store, SqliteStore):
        other: GraphStore = SqliteStore(store.path.with_name("fresh.sqlite"))
    else:
        assert isinstance(store, Neo4jStore)
        store.driver.execute_query("MATCH (n) DETACH DELETE n", database_=store.settings.database)
        other = store
    other.ensure_schema()
    other.load(extractions)
    counts = other.counts()
    if other is not store:
        other.close()
    return counts


def test_every_event_attribute_is_stored_and_read_back(store: GraphStore, extractions: list[Extraction]) -> None:
    """The finer CAMEO code a dictionary pattern gave and the act a request asks for are kept
    beside place, commodity and topic, and come back as the event's attributes."""
    event = extractions[1].events[0]
    attributes = (("cameo", event.relation.cameo + "1"), ("place", "Moscow"), ("requested", "NEGOTIATE"))
    article = dataclasses.replace(extractions[1], events=(dataclasses.replace(event, attributes=attributes),))
    store.load([article])
    assert isinstance(store, SqliteStore | Neo4jStore)
    (read,) = [x for x in store.extractions() if x.article.id == article.article.id]
    assert [e.attributes for e in read.events] == [attributes]


def test_cypher_looking_text_is_stored_as_data(store: GraphStore, extractor: Extractor) -> None:
    hostile = Article(
        "x'}) DETACH DELETE n //",
        "Hungary criticized Russia.\n\nMATCH (n) DETACH DELETE n; Estonian Foreign Minister Jaan '}) Tamm met Putin.",
        "'); DROP TABLE events; --",
        "2024-01-01",
    )
    store.load(extractor.extract_many([hostile]))
    counts = store.counts()
    assert counts["Article"] == 1 and counts["Event"] >= 1
    assert store.aggregate("country:HUN", "CRITICIZED", "country:RUS") is not None


def test_an_article_dated_by_its_month_is_stored_as_given(store: GraphStore, extractor: Extractor) -> None:
    store.load(extractor.extract_many([Article("m", "Hungary criticized Russia on Tuesday.", "T", "2021-04")]))
    assert (store.article("m") or {}).get("published") == "2021-04"
    aggregate = store.aggregate("country:HUN", "CRITICIZED", "country:RUS") or {}
    assert (aggregate.get("first_date"), aggregate.get("last_date")) == ("2021-04-01", "2021-04-01")


def test_neo4j_down_or_wrong_password_is_one_clear_error(neo4j_server: Neo4jTestServer,
                                                          extractions: list[Extraction]) -> None:
    wrong = Neo4jStore(Neo4jSettings(neo4j_server.uri, neo4j_server.user, "not-the-password"))
    with pytest.raises(StoreError, match="authentication failed"):
        wrong.load(extractions)
    wrong.close()
    down = Neo4jStore(Neo4jSettings("bolt://127.0.0.1:1", "neo4j", "whatever-pass"))
    with pytest.raises(StoreError, match="not reachable"):
        down.load(extractions)
    down.close()


def test_design_triple_is_queryable_in_neo4j(neo4j_server: Neo4jTestServer, neo4j_driver: Driver,
                                             extractions: list[Extraction]) -> None:
    store = Neo4jStore(neo4j_server.store_settings())
    store.ensure_schema()
    store.load(extractions)
    store.close()
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (:Actor {name:'Viktor Orbán'})-[:MET]-(:Actor {name:'Vladimir Putin'}) RETURN count(*) AS n",
        database_="neo4j",
    )
    assert records[0]["n"] >= 1
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (e:Event {type: 'MEET'})-[:REPORTED_IN]->(a:Article {id: 'article-1'}) "
        "RETURN e.sentence AS sentence, e.evidence AS evidence, e.evidence_count AS n, a.title AS title",
        database_="neo4j",
    )
    assert records and records[0]["title"] == "Putin meets Orban"
    assert records[0]["sentence"] == "Putin Meets Orban In Beijing"  # the headline, first of its evidence
    assert records[0]["n"] == 2 and "Putin met Hungarian Prime Minister Viktor Orban" in records[0]["evidence"]
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person {id: 'person:viktor-orban'})-[h:HOLDS_ROLE]->(c:Country) "
        "RETURN h.title AS t, c.id AS c, h.since AS since, h.until AS until",
        database_="neo4j",
    )
    assert [(r["t"], r["c"], r["since"], r["until"]) for r in records] == [
        ("prime minister", "country:HUN", "2010-05-29", None)
    ]
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Actor) WHERE 'Orban' IN a.aliases RETURN a.name AS name", database_="neo4j"
    )
    assert [r["name"] for r in records] == ["Viktor Orbán"]


def _events(extractions: list[Extraction]) -> list[object]:
    return [e for x in extractions for e in x.events]


def test_actors_keep_every_name_articles_used_for_them(store: GraphStore, extractor: Extractor) -> None:
    first = Article("names-1", "Hungarian Defence Minister Janos Kovacs met Andrzej Duda in Warsaw on Monday.\n\n"
                    "Kovacs later criticized Russia.", None, "2024-03-05")
    second = Article("names-2", "János Kovács criticized Russia on Friday.", None, "2024-03-08")
    store.load(extractor.extract_many([first]))
    stored = store.actor("person:janos-kovacs")
    assert stored is not None
    assert (stored["name"], stored["country"], stored["aliases"]) == ("Janos Kovacs", "HUN", ["Kovacs"])
    store.load(extractor.extract_many([second]))
    store.load(extractor.extract_many([second]))  # reloading changes nothing
    # one actor: the latest spelling is its name, the one stored before stays findable as an alias
    assert _names(store) == ("János Kovács", ["Janos Kovacs", "Kovacs"])
    store.load(extractor.extract_many([first]))
    assert _names(store) == ("Janos Kovacs", ["János Kovács", "Kovacs"])
    duda = store.actor("person:andrzej-duda")
    assert duda is not None and "Duda" in duda["aliases"]
    assert store.actor("person:nobody") is None


def _names(store: GraphStore) -> tuple[str, list[str]]:
    stored = store.actor("person:janos-kovacs")
    assert stored is not None
    return stored["name"], stored["aliases"]


def test_near_duplicates_link_to_their_first_copy(store: GraphStore, extractions: list[Extraction]) -> None:
    store.load(extractions)
    before = store.counts()
    first = extractions[0].article
    copy = Article("url:https://wire.example/orban-putin", first.text, "Orban meets Putin (wire)", first.date,
                   "https://wire.example/orban-putin", "Wire")
    orphan = Article("url:https://wire.example/other", "Another story.", None, None, "https://wire.example/other")
    links = [CopyLink(copy, first.id, 0.82), CopyLink(orphan, "url:https://never.stored/", 0.9)]
    assert store.link_copies(links) == 1  # the orphan's first copy is not stored: left out
    counts = store.counts()
    assert counts == {**before, "Article": before["Article"] + 1, "COPY_OF": 1}
    assert store.known_articles([copy.id, orphan.id]) == {copy.id}
    assert store.link_copies(links) == 1 and store.counts() == counts  # idempotent
    assert store.link_copies([]) == 0


def test_rows_that_lack_a_value_keep_the_stored_one(store: GraphStore, extractions: list[Extraction]) -> None:
    store.load(extractions)
    first = extractions[0]
    stored = store.article(first.article.id)
    assert stored is not None and stored["content_hash"] == content_hash(first.article.text)
    assert stored["title"] == first.article.title and stored["published"] == first.article.date
    # what `geokg load` writes for triples: the article's id without its text, title or date
    store.load([dataclasses.replace(first, article=Article(first.article.id, ""))])
    assert store.article(first.article.id) == stored
    # an extraction that does not name an office holder's title leaves the stored title alone
    event = next(e for e in first.events if e.subject.title)
    untitled = dataclasses.replace(event, subject=dataclasses.replace(event.subject, title=None, since=None))
    store.load([dataclasses.replace(first, events=(untitled,))])
    found = store.actor(event.subject.id)
    assert found is not None and (found["title"], found["since"]) == (event.subject.title, event.subject.since)
    assert store.article("no-such-article") is None


def test_loading_without_replace_removes_no_event(store: GraphStore, extractions: list[Extraction]) -> None:
    store.load(extractions)
    full = store.counts()
    meetings = [dataclasses.replace(x, article=Article(x.article.id, ""),
                                    events=tuple(e for e in x.events if e.relation.name == "MEET"))
                for x in extractions]
    met = sum(len(x.events) for x in meetings)
    assert 0 < met < full["Event"] and full["SANCTIONED"] == 1
    kept = store.load(meetings, replace=False)
    assert kept.events_removed == 0
    assert store.counts() == full
    replaced = store.load(meetings, replace=True)
    assert replaced.events_removed == full["Event"] - met
    after = store.counts()
    assert after["Event"] == met and after["MET"] == 1 and "SANCTIONED" not in after


def test_a_later_extraction_of_an_article_in_one_batch_replaces_the_earlier(
    store: GraphStore, extractions: list[Extraction]
) -> None:
    first, later = extractions[0], extractions[1]
    again = dataclasses.replace(later, article=dataclasses.replace(later.article, id=first.article.id),
                                events=tuple(dataclasses.replace(e, article_id=first.article.id) for e in later.events))
    store.load([first, again])
    counts = store.counts()
    assert (counts["Article"], counts["Event"]) == (1, len(again.events))


def test_an_edge_name_that_is_not_a_plain_identifier_is_refused(
    store: GraphStore, extractions: list[Extraction]
) -> None:
    event = extractions[0].events[0]
    evil = dataclasses.replace(event, relation=dataclasses.replace(
        event.relation, edge="MET` {x:1}]->() MATCH (n) DETACH DELETE n //"))
    with pytest.raises(StoreError, match="refusing edge name"):
        store.load([dataclasses.replace(extractions[0], events=(evil,))])
    assert store.counts().get("Event", 0) == 0 and store.counts().get("Article", 0) == 0


def test_how_actors_were_paired_is_stored_and_read_back(store: GraphStore, extractor: Extractor,
                                                        request: pytest.FixtureRequest) -> None:
    article = Article("paired", "Chile eased the rules at a border crossing with Bolivia.", None, "2024-03-14")
    (extraction,) = extractor.extract_many([article])
    assert {e.pairing for e in extraction.events} == {"backoff"}
    store.load([extraction])
    if isinstance(store, SqliteStore):
        frames = from_sqlite(store.path)
    else:
        frames = from_neo4j(request.getfixturevalue("neo4j_driver"))
    assert list(frames.events["pairing"]) == ["backoff"]
