"""One behavioural suite for the bulk reads of both backends: the embedded SQLite file and a real
Neo4j server, each holding the small hand-built graph (tests/conftest.py)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from graph.export import export_to_store
from graph.frames import from_parquet, from_sqlite
from graph.model import Actor, Article, CopyLink, Event, Extraction
from graph.neo4j_store import Neo4jReader
from graph.parquet_dataset import EVENTS_SCHEMA, MONTH, UNDATED, DatasetError, event_to_row
from graph.parquet_reader import ParquetReader, event_filter
from graph.reader import ActorRow, ArticleRow, EventRow, GraphReader, Slice
from graph.sqlite_store import SqliteReader, SqliteStore
from graph.store import Batch, GraphStore, actor_row, article_row, event_row
from tests.graph.neo4j_fixtures import empty_store

if TYPE_CHECKING:
    from neo4j import Driver


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["embedded", "neo4j", "parquet"])
def reader(request: pytest.FixtureRequest, small_graph_sqlite: Path, small_graph_parquet: Path
           ) -> Iterator[GraphReader]:
    """A reader of the small graph on each backend."""
    if request.param == "embedded":
        backend: GraphReader = SqliteReader.open(small_graph_sqlite)
    elif request.param == "parquet":
        backend = ParquetReader(small_graph_parquet)
    else:
        driver: Driver = request.getfixturevalue("small_graph_neo4j")
        backend = Neo4jReader(driver, "neo4j")
    yield backend
    backend.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path, small_graph: list[Extraction]) -> Iterator[GraphStore]:
    """A store of each backend holding the small graph and a wire copy of its first article."""
    backend = empty_store(request, tmp_path)
    backend.load(small_graph)
    assert backend.link_copies([COPY]) == 1
    yield backend
    backend.close()


COPY = CopyLink(Article("url:https://wire.example/a1", "", "Orbán meets Putin (wire)", "2024-01-11",
                        "https://wire.example/a1", "Wire"), "a1", 0.87)


def _events(extractions: list[Extraction]) -> list[Event]:
    return [event for extraction in extractions for event in extraction.events]


def _row(event: Event) -> EventRow:
    """What ``events`` should give for an event of the fixture."""
    relation = event.relation
    return EventRow(event.id, event.article_id, event.date, relation.name, relation.edge_type, relation.cameo,
                    relation.quad_class, relation.goldstein, relation.reciprocal, event.polarity.value,
                    event.modality.value, event.subject.id, event.object.id,
                    event.attributed_to.id if event.attributed_to else None, event.sentence, event.pairing)


def _in_slice(row: EventRow, part: Slice) -> bool:
    """The slice's meaning, stated once in Python, as the reference the backends' queries must meet."""
    return ((part.date_from is None or (row.date is not None and row.date >= part.date_from))
            and (part.date_to is None or (row.date is not None and row.date <= part.date_to))
            and (not part.types or row.type in part.types)
            and (not part.actors or row.subject_id in part.actors or row.object_id in part.actors)
            and (part.include_negated or row.polarity != "negated"))


SLICES = (
    Slice(),
    Slice(include_negated=True),
    Slice(date_from="2024-02-01", date_to="2024-02-29"),
    Slice(date_from="2024-03-01"),
    Slice(date_to="2024-01-09"),
    Slice(types=("SANCTION", "MEET")),
    Slice(actors=("org:eu",)),
    Slice(actors=("person:viktor-orban", "country:UKR"), include_negated=True),
    Slice(date_from="2024-01-01", date_to="2024-02-10", types=("MEET",), actors=("person:vladimir-putin",)),
    Slice(types=("NO_SUCH_TYPE",)),
)


def test_events_of_a_slice(reader: GraphReader, small_graph: list[Extraction]) -> None:
    everything = [_row(event) for event in _events(small_graph)]
    sizes = []
    for part in SLICES:
        rows = list(reader.events(part))
        assert all(isinstance(row, EventRow) for row in rows)
        assert sorted(rows) == sorted(row for row in everything if _in_slice(row, part)), part
        sizes.append(len(rows))
    assert sizes == [8, 9, 3, 2, 1, 4, 4, 4, 2, 0]  # counted by hand from the table in tests/conftest.py
    (reported,) = (row for row in reader.events(Slice()) if row.type == "BUY_FROM")
    assert (reported.attributed_to_id, reported.modality, reported.reciprocal) == (
        "person:peter-szijjarto", "reported", False)
    assert all(type(row.reciprocal) is bool and type(row.quad_class) is int for row in reader.events(SLICES[1]))


def test_actors_and_articles_by_id(reader: GraphReader) -> None:
    actors = sorted(reader.actors(["person:viktor-orban", "org:eu", "person:nobody"]))
    assert actors == [
        ActorRow("org:eu", "European Union", "ORGANIZATION", None, None, ("EU",)),
        ActorRow("person:viktor-orban", "Viktor Orbán", "PERSON", "HUN", "prime minister", ("Orban",)),
    ]
    assert list(reader.actors([])) == []
    articles = sorted(reader.articles(["a3", "a1", "nothing"]))
    assert articles == [ArticleRow("a1", "Orbán meets Putin", "https://example.org/a1"),
                        ArticleRow("a3", "EU renews sanctions", "https://example.org/a3")]


def test_every_actor_with_all_it_stores(reader: GraphReader, small_graph: list[Extraction]) -> None:
    named: dict[str, Actor] = {}
    for event in _events(small_graph):
        for actor in (event.subject, event.object, event.attributed_to):
            if actor is not None:
                named[actor.id] = actor
    found = list(reader.all_actors())
    assert [actor.id for actor in found] == sorted(named)  # by id
    assert [actor_row(actor) for actor in found] == [actor_row(named[i]) for i in sorted(named)]


def _stored(extraction: Extraction) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An extraction as the rows a store writes: what reading it back must give again."""
    return article_row(extraction.article), [event_row(event) for event in extraction.events]


def test_extractions_come_back_as_loaded(reader: GraphReader, small_graph: list[Extraction]) -> None:
    expected = [(article_row(x.article), sorted((event_row(e) for e in x.events), key=lambda row: row["id"]))
                for x in sorted(small_graph, key=lambda x: x.article.id)]
    for page in (1, 2, 500):  # pages smaller than, not dividing, and larger than the graph
        assert [_stored(x) for x in reader.extractions(page)] == expected, f"page {page}"
    # the events' actors are whole actors (office, aliases), as the extractor made them
    (orban,) = {e.subject for x in reader.extractions() for e in x.events if e.subject.id == "person:viktor-orban"}
    assert (orban.title, orban.since, orban.aliases) == ("prime minister", "2010-05-29", ("Orban",))
    with pytest.raises(ValueError, match="a page holds at least 1 article, not 0"):
        next(iter(reader.extractions(0)))


def test_pages_are_the_rows_the_stores_write(reader: GraphReader, small_graph: list[Extraction]) -> None:
    ordered = sorted(small_graph, key=lambda x: x.article.id)
    for size in (1, 2, 3):
        pages = list(reader.pages(size))
        assert [len(page.articles) for page in pages] == [size] * (3 // size) + ([3 % size] if 3 % size else [])
        expected = [Batch.of(ordered[start:start + size]) for start in range(0, 3, size)]
        for page, rows in zip(pages, expected, strict=True):
            assert page.articles == rows.articles
            assert page.events == sorted(rows.events, key=lambda row: (row["article_id"], row["id"]))
            assert sorted(page.actors, key=lambda row: row["id"]) == sorted(rows.actors, key=lambda row: row["id"])


def test_copies_and_their_articles(store: GraphStore) -> None:
    assert isinstance(store, SqliteReader | Neo4jReader)
    assert list(store.copies()) == [COPY]
    (link,) = store.copies()
    assert article_row(link.copy) == article_row(COPY.copy)
    # the copy is an article of the graph, without events
    articles = {x.article.id: x for x in store.extractions(page=2)}
    assert sorted(articles) == ["a1", "a2", "a3", COPY.copy.id]
    assert articles[COPY.copy.id].events == () and article_row(articles[COPY.copy.id].article) == article_row(
        COPY.copy)


def test_any_backend_exports_into_the_embedded_store(store: GraphStore, tmp_path: Path) -> None:
    assert isinstance(store, SqliteReader | Neo4jReader)
    target = SqliteStore(tmp_path / "copy.sqlite")
    target.ensure_schema()
    report = export_to_store(store, target, page=2)
    assert (report.articles, report.events, report.events_removed) == (4, 9, 0)
    assert [_stored(x) for x in target.extractions()] == [_stored(x) for x in store.extractions()]
    assert list(target.copies()) == list(store.copies()) == [COPY]
    # (SQLite counts a label no node has as 0, Neo4j leaves it out)
    assert {k: n for k, n in target.counts().items() if n} == {k: n for k, n in store.counts().items() if n}
    target.close()


def test_frames_module_imports_no_backend() -> None:
    # (pandas imports pyarrow itself; graph.parquet_dataset and graph.parquet_reader are the backend)
    code = ("import sys, graph.frames, graph.export; "
            "print(sorted(m for m in sys.modules if m.startswith(('graph.sqlite_store', 'graph.neo4j_store', "
            "'graph.parquet', 'neo4j'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def _months(reader: ParquetReader, part: Slice) -> list[str]:
    """The partitions of the events files a slice's scan opens."""
    return sorted(Path(f.path).parent.name for f in reader.events_dataset.get_fragments(filter=event_filter(part)))


def test_a_parquet_slice_reads_only_its_months(small_graph_parquet: Path, tmp_path: Path) -> None:
    reader = ParquetReader(small_graph_parquet)
    every = ["month=2024-01", "month=2024-02", "month=2024-03"]
    assert _months(reader, Slice()) == every
    assert _months(reader, Slice(types=("MEET",), actors=("org:eu",))) == every  # rows, not partitions
    assert _months(reader, Slice(date_from="2024-02-01", date_to="2024-02-29")) == ["month=2024-02"]
    assert _months(reader, Slice(date_from="2024-02-05")) == ["month=2024-02", "month=2024-03"]
    assert _months(reader, Slice(date_to="2024-01-31")) == ["month=2024-01"]
    assert _months(reader, Slice(date_from="2025-01-01")) == []
    # a pruned partition is never opened: with January's file broken, February still reads
    broken = tmp_path / "broken"
    shutil.copytree(small_graph_parquet, broken)
    (broken / "events" / "month=2024-01" / "part-0.parquet").write_bytes(b"not parquet\n" * 100)
    damaged = ParquetReader(broken)
    assert sorted(row.type for row in damaged.events(Slice(date_from="2024-02-01", date_to="2024-02-29"))) == [
        "ATTACK", "CRITICIZE", "MEET"]
    with pytest.raises(DatasetError, match=r"broken: cannot read the Parquet dataset"):
        list(damaged.events(Slice()))


def test_undated_events_are_kept_where_dates_cannot_rule_them_out(small_graph_parquet: Path, tmp_path: Path,
                                                                  small_graph: list[Extraction]) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(small_graph_parquet, folder)
    event = dataclasses.replace(small_graph[0].events[0], date=None, date_precision="none")
    year_only = dataclasses.replace(small_graph[0].events[1], date="2024", date_precision="year")
    rows = [{k: v for k, v in event_to_row(e).items() if k != MONTH} for e in (event, year_only)]
    assert {event_to_row(e)[MONTH] for e in (event, year_only)} == {UNDATED}
    (folder / "events" / "month=undated").mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema([f for f in EVENTS_SCHEMA if f.name != MONTH])),
                   folder / "events" / "month=undated" / "part-0.parquet")
    reader = ParquetReader(folder)
    assert _months(reader, Slice(date_from="2024-02-01", date_to="2024-02-29")) == ["month=2024-02", "month=undated"]
    assert {row.id for row in reader.events(Slice())} >= {event.id, year_only.id}
    # as in the stores' queries, a date compares as text ("2024" < "2024-01-01") and no date matches no bound
    assert [row.id for row in reader.events(Slice(date_to="2024-01-01")) if row.date in (None, "2024")] == [
        year_only.id]
    assert [row.id for row in reader.events(Slice(date_from="2023-12-31")) if row.date in (None, "2024")] == [
        year_only.id]


def test_parquet_gives_the_same_frames_and_exports(small_graph_parquet: Path, small_graph_sqlite: Path,
                                                   tmp_path: Path) -> None:
    for part in SLICES:
        local, dataset = from_sqlite(small_graph_sqlite, part), from_parquet(small_graph_parquet, part)
        pd.testing.assert_frame_equal(local.events, dataset.events)
        pd.testing.assert_frame_equal(local.actors, dataset.actors)
    reader = ParquetReader(small_graph_parquet)
    assert list(reader.copies()) == []  # a dataset records no near-duplicate copies
    target = SqliteStore(tmp_path / "from-parquet.sqlite")
    target.ensure_schema()
    export_to_store(reader, target, page=2)
    source = SqliteReader.open(small_graph_sqlite)
    assert [_stored(x) for x in target.extractions()] == [_stored(x) for x in source.extractions()]
    assert list(target.all_actors()) == list(source.all_actors())
    source.close()
    target.close()
