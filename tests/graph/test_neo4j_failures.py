"""Neo4j stopped in the middle of an ingestion: a clean failure, then a rerun that completes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph import neo4j_server as local_neo4j
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.sqlite_store import SqliteStore
from graph.store import StoreError
from loaders.ingest import Ledger, ingest
from loaders.sources import read_inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
PASSWORD = "geokg-failure-test"


@pytest.fixture
def own_server(tmp_path: Path, neo4j_server_jar_cache: Path) -> Iterator[local_neo4j.ServerSettings]:
    """A server of this test's own, which the test stops and starts again."""
    home = tmp_path / "neo4j"
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    settings = local_neo4j.ServerSettings(home=home, bolt_port=local_neo4j.free_port(),
                                          http_port=local_neo4j.free_port(), password=PASSWORD)
    local_neo4j.start(settings)
    try:
        yield settings
    finally:
        local_neo4j.stop(home)


def test_a_stopped_server_fails_cleanly_and_a_rerun_completes(
    own_server: local_neo4j.ServerSettings, tmp_path: Path, extractor: Extractor
) -> None:
    uri = f"bolt://127.0.0.1:{own_server.bolt_port}"
    ledger = Ledger(tmp_path / "ledger.sqlite")
    articles = [a for a in read_inputs([str(EXAMPLES)])]
    store = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    first = ingest(articles[:10], store, "neo4j:test", extractor, ledger, batch_articles=5)
    counts_before = store.counts()
    store.close()
    assert first.articles_new == 10

    local_neo4j.stop(own_server.home)
    down = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    with pytest.raises(StoreError, match="not reachable"):
        ingest(articles, down, "neo4j:test", extractor, ledger, batch_articles=5)
    down.close()
    assert ledger.statuses("neo4j:test")["loaded"] == 10  # nothing more was marked loaded

    local_neo4j.start(own_server)
    store = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    assert store.counts() == counts_before  # nothing half-written while it was down
    rerun = ingest(articles, store, "neo4j:test", extractor, ledger, batch_articles=5)
    assert (rerun.articles_new, rerun.articles_duplicate) == (22, 10)
    neo4j_counts = store.counts()
    store.close()
    ledger.close()

    clean = SqliteStore(tmp_path / "clean.sqlite")
    ingest(articles, clean, "embedded:clean", extractor, Ledger(tmp_path / "clean-ledger.sqlite"))
    embedded_counts = clean.counts()
    clean.close()
    for key in ("Article", "Event", "Actor", "SUBJECT", "OBJECT", "REPORTED_IN", "ATTRIBUTED_TO", "MET"):
        assert neo4j_counts[key] == embedded_counts[key], key
