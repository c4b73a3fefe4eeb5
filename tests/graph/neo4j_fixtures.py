"""A real Neo4j 5.26 server for the tests (no mocks); a pytest plugin of tests/conftest.py.

The jars are assembled once into ``<repo>/.neo4j`` (or ``$GEOKG_NEO4J_JAR_CACHE``) by Maven and
reused across runs; each test session gets a fresh database in its own temporary NEO4J_HOME whose
lib/ and plugins/ link to those jars, on free ports, and the server is stopped at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph import neo4j_server as local_neo4j
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore

if TYPE_CHECKING:
    from neo4j import Driver

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_PASSWORD = "geokg-test-password"


@dataclass(frozen=True)
class Neo4jTestServer:
    """Where the session's server listens, and how to log in."""

    uri: str
    user: str
    password: str
    http_uri: str
    home: Path
    info: local_neo4j.ServerInfo
    settings: local_neo4j.ServerSettings

    def store_settings(self) -> Neo4jSettings:
        """What ``Neo4jStore`` needs to log in to this server."""
        return Neo4jSettings(self.uri, self.user, self.password)

    def env(self) -> dict[str, str]:
        """The environment variables by which ``geokg`` finds this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


@pytest.fixture(scope="session")
def neo4j_server_jar_cache() -> Path:
    """The NEO4J_HOME whose lib/ and plugins/ hold the assembled jars (kept between runs)."""
    return Path(os.environ.get("GEOKG_NEO4J_JAR_CACHE") or REPO_ROOT / ".neo4j")


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory, neo4j_server_jar_cache: Path) -> Iterator[Neo4jTestServer]:
    """Install (jars reused), start a fresh server on free ports, stop it after the session."""
    home = tmp_path_factory.mktemp("neo4j-home")
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    # Tests try wrong passwords on purpose: no 5 s lock-out of the user after 3 failures.
    (home / "conf" / "extra.conf").write_text("dbms.security.auth_max_failed_attempts=0\n", encoding="utf-8")
    settings = local_neo4j.ServerSettings(
        home=home,
        bolt_port=local_neo4j.free_port(),
        http_port=local_neo4j.free_port(),
        password=TEST_PASSWORD,
    )
    info = local_neo4j.start(settings)
    try:
        yield Neo4jTestServer(
            uri=info.bolt_uri,
            user=info.user,
            password=TEST_PASSWORD,
            http_uri=info.http_uri,
            home=info.home,
            info=info,
            settings=settings,
        )
    finally:
        local_neo4j.stop(home)


@pytest.fixture(scope="session")
def _neo4j_session_driver(neo4j_server: Neo4jTestServer) -> Iterator[Driver]:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.verify_connectivity()
        yield driver


@pytest.fixture
def neo4j_driver(_neo4j_session_driver: Driver) -> Driver:
    """A driver on an empty database: nodes, relationships, constraints and indexes removed."""
    clear_database(_neo4j_session_driver)
    return _neo4j_session_driver


def clear_database(driver: Driver) -> None:
    """Drop every constraint and (non-lookup) index, then delete every node in batches."""
    for record in driver.execute_query("SHOW CONSTRAINTS YIELD name", database_="neo4j").records:
        driver.execute_query(f"DROP CONSTRAINT `{record['name']}` IF EXISTS", database_="neo4j")
    indexes = driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'", database_="neo4j")
    for record in indexes.records:
        driver.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS", database_="neo4j")
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """An empty store with its schema, of the backend a fixture parametrised with ``"embedded"``
    or ``"neo4j"`` names (the Neo4j database emptied through the ``neo4j_driver`` fixture)."""
    if request.param == "embedded":
        backend: GraphStore = SqliteStore(tmp_path / "graph.sqlite")
    else:
        server: Neo4jTestServer = request.getfixturevalue("neo4j_server")
        request.getfixturevalue("neo4j_driver")  # empties the database
        backend = Neo4jStore(server.store_settings())
    backend.ensure_schema()
    return backend
