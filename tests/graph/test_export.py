"""Exporting the embedded store to Neo4j, online and through the offline bulk importer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from extract.pipeline import Extractor
from graph import neo4j_server as local_neo4j
from graph.export import export_csv, export_to_store
from graph.model import Article, CopyLink
from graph.neo4j_store import Neo4jReader, Neo4jSettings, Neo4jStore
from graph.sqlite_store import SqliteReader, SqliteStore
from loaders.ingest import Ledger, ingest
from loaders.sources import read_inputs

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def _embedded(tmp_path: Path, extractor: Extractor) -> SqliteStore:
    """The example articles, plus a wire copy of the first one linked to it."""
    store = SqliteStore(tmp_path / "graph.sqlite")
    ingest(read_inputs([str(EXAMPLES)]), store, "embedded:export", extractor, Ledger(tmp_path / "ledger.sqlite"))
    (first,) = store.connection.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()
    url = "https://wire.example/copy"
    copy = Article(f"url:{url}", "", "A wire copy", "2024-07-05", url, "Wire")
    assert store.link_copies([CopyLink(copy, first, 0.82)]) == 1
    return store


def test_export_to_neo4j_gives_the_same_graph(tmp_path: Path, extractor: Extractor, neo4j_server: Neo4jTestServer,
                                              neo4j_driver: Driver) -> None:
    embedded = _embedded(tmp_path, extractor)
    target = Neo4jStore(neo4j_server.store_settings())
    target.ensure_schema()
    export_to_store(embedded, target)
    assert target.counts() == embedded.counts() and embedded.counts()["COPY_OF"] == 1
    hashes = {i: h or None for i, h in embedded.connection.execute("SELECT id, content_hash FROM articles")}
    records, _, _ = target.driver.execute_query("MATCH (a:Article) RETURN a.id AS id, a.content_hash AS hash")
    # kept, not recomputed from no text; the copy's text was never known (empty in SQLite, absent in Neo4j)
    assert {record["id"]: record["hash"] for record in records} == hashes
    assert hashes["url:https://wire.example/copy"] is None
    export_to_store(embedded, target)  # exporting twice changes nothing
    assert target.counts() == embedded.counts()
    target.close()
    embedded.close()


def test_bulk_import_of_the_csv_export(tmp_path: Path, extractor: Extractor, neo4j_server_jar_cache: Path) -> None:
    embedded = _embedded(tmp_path, extractor)
    export = export_csv(embedded, tmp_path / "csv")
    expected = embedded.counts()
    embedded.close()
    home = tmp_path / "neo4j"
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    settings = local_neo4j.ServerSettings(home=home, bolt_port=local_neo4j.free_port(),
                                          http_port=local_neo4j.free_port(), password="geokg-import-test")
    report = local_neo4j.import_csv(home, export.nodes, export.relationships)
    assert "IMPORT DONE" in report
    local_neo4j.start(settings)
    try:
        store = Neo4jStore(Neo4jSettings(f"bolt://127.0.0.1:{settings.bolt_port}", "neo4j", "geokg-import-test"))
        store.ensure_schema()  # constraints come after an offline import
        assert store.counts() == expected
        aggregate = store.aggregate("person:viktor-orban", "MET", "person:vladimir-putin")
        assert aggregate is not None and aggregate["count"] >= 2
        # events keep whether their relation is reciprocal (reads of the graph aggregate by it)
        records, _, _ = store.driver.execute_query(
            "MATCH (e:Event) WHERE e.type IN ['MEET', 'SANCTION'] RETURN e.type AS type, "
            "collect(DISTINCT e.reciprocal) AS flags ORDER BY type")
        assert [(r["type"], r["flags"]) for r in records] == [("MEET", [True]), ("SANCTION", [False])]
        store.close()
    finally:
        local_neo4j.stop(home)


def test_the_csv_export_is_the_same_from_either_backend(tmp_path: Path, small_graph_sqlite: Path,
                                                         small_graph_neo4j: Driver) -> None:
    local = SqliteReader.open(small_graph_sqlite)
    from_local = export_csv(local, tmp_path / "from-sqlite")
    local.close()
    from_neo4j = export_csv(Neo4jReader(small_graph_neo4j, "neo4j"), tmp_path / "from-neo4j")
    assert [p.name for p in from_local.nodes] == ["actors.csv", "articles.csv", "events.csv"]
    pairs = list(zip([*from_local.nodes, *from_local.relationships], [*from_neo4j.nodes, *from_neo4j.relationships],
                     strict=True))
    assert len(pairs) == 10
    for mine, theirs in pairs:
        assert mine.read_text(encoding="utf-8") == theirs.read_text(encoding="utf-8"), mine.name
    lines = {p.stem: p.read_text(encoding="utf-8").splitlines() for p, _ in pairs}
    # a header and one line per node or relationship of the small graph (tests/conftest.py)
    assert {name: len(rows) - 1 for name, rows in lines.items()} == {
        "actors": 8, "articles": 3, "events": 9, "subject": 9, "object": 9, "reported_in": 9, "attributed_to": 1,
        "holds_role": 4, "aggregates": 7, "copy_of": 0}
    assert "person:viktor-orban,country:HUN,prime minister,2010-05-29,,HOLDS_ROLE" in lines["holds_role"]
    # Orbán and Putin met twice, once each way: one reciprocal aggregate, from the smaller id
    assert "person:viktor-orban,person:vladimir-putin,MET,2,2024-01-10,2024-02-05" in "\n".join(lines["aggregates"])
