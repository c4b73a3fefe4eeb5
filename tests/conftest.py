"""Fixtures shared by the whole suite."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extract.ontology import load_ontology
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article, Event, Evidence, Extraction, Modality, Polarity
from graph.neo4j_store import Neo4jStore
from graph.sqlite_store import SqliteStore
from loaders.sources import read_inputs
from tests.held_input import EXAMPLE_ARTICLES, HELD_ARTICLES, HeldFeed, held_feed, kill_after_loaded

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

# the real Neo4j server, for tests in every folder
pytest_plugins = ("tests.graph.neo4j_fixtures",)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor with the real model and knowledge files (loaded once), as shipped."""
    return Extractor()


@pytest.fixture
def killer() -> Callable[[subprocess.Popen[bytes], Path, int], None]:
    """``kill_after_loaded`` for tests in any folder."""
    return kill_after_loaded


@pytest.fixture
def example_feed(tmp_path: Path) -> Iterator[HeldFeed]:
    """The bundled example articles as a feed that keeps back its last ``HELD_ARTICLES``."""
    articles = [a for a in read_inputs([str(EXAMPLE_ARTICLES)]) if isinstance(a, Article)]
    with held_feed(tmp_path, articles, HELD_ARTICLES) as feed:
        yield feed


def small_graph_extractions() -> list[Extraction]:
    """A small hand-built graph whose every count can be checked by hand (see the table below).

    | article | date       | subject          | relation  | object          | notes                    |
    |---------|------------|------------------|-----------|-----------------|--------------------------|
    | a1      | 2024-01-10 | Viktor Orbán     | MEET      | Vladimir Putin  | place Moscow             |
    | a1      | 2024-01-10 | Hungary          | BUY_FROM  | Russia          | reported by P. Szijjártó |
    | a1      | 2024-01-09 | European Union   | SANCTION  | Russia          |                          |
    | a2      | 2024-02-04 | Russia           | ATTACK    | Ukraine         |                          |
    | a2      | 2024-02-05 | European Union   | CRITICIZE | Hungary         |                          |
    | a2      | 2024-02-05 | Vladimir Putin   | MEET      | Viktor Orbán    |                          |
    | a3      | 2024-03-20 | European Union   | SANCTION  | Russia          |                          |
    | a3      | 2024-03-19 | V. Zelensky      | CRITICIZE | Viktor Orbán    | negated                  |
    | a3      | 2024-03-20 | V. Zelensky      | PRAISE    | European Union  |                          |
    """
    ontology = load_ontology()
    hungary = Actor("country:HUN", "Hungary", ActorType.COUNTRY, "HUN", aliases=("Magyarország",))
    russia = Actor("country:RUS", "Russia", ActorType.COUNTRY, "RUS", aliases=("Russian Federation",))
    ukraine = Actor("country:UKR", "Ukraine", ActorType.COUNTRY, "UKR")
    eu = Actor("org:eu", "European Union", ActorType.ORGANIZATION, None, aliases=("EU",))
    orban = Actor("person:viktor-orban", "Viktor Orbán", ActorType.PERSON, "HUN", "GOV", title="prime minister",
                  since="2010-05-29", aliases=("Orban",))
    putin = Actor("person:vladimir-putin", "Vladimir Putin", ActorType.PERSON, "RUS", "GOV", title="president")
    zelensky = Actor("person:volodymyr-zelensky", "Volodymyr Zelensky", ActorType.PERSON, "UKR", "GOV",
                     title="president")
    szijjarto = Actor("person:peter-szijjarto", "Péter Szijjártó", ActorType.PERSON, "HUN", "GOV",
                      title="foreign minister")
    articles = {
        "a1": Article("a1", "", "Orbán meets Putin", "2024-01-10", "https://example.org/a1", "Example Wire"),
        "a2": Article("a2", "", "Russia strikes Ukraine", "2024-02-05", "https://example.org/a2", "Example Wire"),
        "a3": Article("a3", "", "EU renews sanctions", "2024-03-20", "https://example.org/a3", "Example Post"),
    }
    rows = [
        ("a1", "2024-01-10", orban, "MEET", putin, Polarity.AFFIRMED, None, (("place", "Moscow"),)),
        ("a1", "2024-01-10", hungary, "BUY_FROM", russia, Polarity.AFFIRMED, szijjarto, (("commodity", "oil"),)),
        ("a1", "2024-01-09", eu, "SANCTION", russia, Polarity.AFFIRMED, None, ()),
        ("a2", "2024-02-04", russia, "ATTACK", ukraine, Polarity.AFFIRMED, None, ()),
        ("a2", "2024-02-05", eu, "CRITICIZE", hungary, Polarity.AFFIRMED, None, ()),
        ("a2", "2024-02-05", putin, "MEET", orban, Polarity.AFFIRMED, None, ()),
        ("a3", "2024-03-20", eu, "SANCTION", russia, Polarity.AFFIRMED, None, ()),
        ("a3", "2024-03-19", zelensky, "CRITICIZE", orban, Polarity.NEGATED, None, ()),
        ("a3", "2024-03-20", zelensky, "PRAISE", eu, Polarity.AFFIRMED, None, ()),
    ]
    events: dict[str, list[Event]] = {key: [] for key in articles}
    for number, (article, date, subject, relation, obj, polarity, speaker, attributes) in enumerate(rows):
        sentence = f"{subject.name} {relation.lower()} {obj.name} (sentence {number})."
        modality = Modality.REPORTED if speaker is not None else Modality.ASSERTED
        events[article].append(Event(
            article, subject, ontology.relation(relation), obj, polarity, modality, speaker, date, "day",
            (Evidence(sentence, number * 100, number * 100 + len(sentence)),), 0.9, "fixture/1", relation.lower(),
            attributes,
        ))
    return [Extraction(articles[key], tuple(events[key]), ()) for key in articles]


@pytest.fixture(scope="session")
def small_graph() -> list[Extraction]:
    """``small_graph_extractions()``, built once."""
    return small_graph_extractions()


@pytest.fixture(scope="session")
def small_graph_sqlite(tmp_path_factory: pytest.TempPathFactory, small_graph: list[Extraction]) -> Path:
    """The small graph loaded once into an embedded store, for tests that only read it."""
    path = tmp_path_factory.mktemp("small-graph") / "graph.sqlite"
    store = SqliteStore(path)
    store.ensure_schema()
    store.load(small_graph)
    store.close()
    return path


@pytest.fixture(scope="session")
def small_graph_parquet(tmp_path_factory: pytest.TempPathFactory, small_graph: list[Extraction]) -> Path:
    """The small graph as a Parquet dataset of ``geokg spark extract`` (graph/parquet_dataset.py's
    layout and row conversions), written with pyarrow: one file per month partition, rows sorted by
    article id, as the Spark job writes them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from graph.parquet_dataset import (
        ARTICLES,
        ARTICLES_SCHEMA,
        EVENTS,
        EVENTS_SCHEMA,
        MONTH,
        article_to_row,
        event_to_row,
    )

    folder = tmp_path_factory.mktemp("small-graph-parquet")
    tables = {
        EVENTS: (EVENTS_SCHEMA, [event_to_row(e) for x in small_graph for e in x.events]),
        # the small graph's articles have no text, so no content hash
        ARTICLES: (ARTICLES_SCHEMA, [article_to_row(x, "", f"fixture:{x.article.id}") for x in small_graph]),
    }
    for name, (schema, rows) in tables.items():
        in_file = pa.schema([f for f in schema if f.name != MONTH])
        for month in sorted({row[MONTH] for row in rows}):
            part = sorted((row for row in rows if row[MONTH] == month), key=lambda row: str(row.get("article_id",
                                                                                                   row["id"])))
            (folder / name / f"{MONTH}={month}").mkdir(parents=True)
            pq.write_table(pa.Table.from_pylist([{k: v for k, v in row.items() if k != MONTH} for row in part],
                                                schema=in_file), folder / name / f"{MONTH}={month}" / "part-0.parquet")
    return folder


@pytest.fixture
def small_graph_neo4j(neo4j_server: Neo4jTestServer, neo4j_driver: Driver, small_graph: list[Extraction]) -> Driver:
    """The test server's database emptied and holding the small graph, loaded by the real loader."""
    store = Neo4jStore(neo4j_server.store_settings())
    store.ensure_schema()
    store.load(small_graph)
    store.close()
    return neo4j_driver
