"""The local Neo4j server of graph/neo4j_server.py, exercised for real (Bolt, APOC, Browser, CLI)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from graph import neo4j_server as local_neo4j

if TYPE_CHECKING:
    from conftest import Neo4jTestServer
    from neo4j import Driver

pytestmark = pytest.mark.neo4j


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        status: int = response.status
        return status, response.read().decode("utf-8", errors="replace")


def test_bolt_answers_return_1(neo4j_driver: Driver) -> None:
    records = neo4j_driver.execute_query("RETURN 1 AS one", database_="neo4j").records
    assert [record["one"] for record in records] == [1]


def test_server_is_the_pinned_community_version(neo4j_driver: Driver) -> None:
    record = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
        database_="neo4j",
    ).records[0]
    assert record["name"] == "Neo4j Kernel"
    assert record["edition"] == "community"
    assert record["version"] == local_neo4j.pinned_versions().neo4j


def test_apoc_core_is_loaded(neo4j_driver: Driver) -> None:
    version = neo4j_driver.execute_query("RETURN apoc.version() AS v", database_="neo4j").records[0]["v"]
    assert version == local_neo4j.pinned_versions().apoc
    record = neo4j_driver.execute_query(
        "RETURN apoc.text.join(['a', 'b'], '-') AS joined, apoc.coll.sum([1, 2, 3]) AS total", database_="neo4j"
    ).records[0]
    assert (record["joined"], record["total"]) == ("a-b", 6.0)
    merged = neo4j_driver.execute_query(
        "CALL apoc.merge.node(['Actor'], {id: 'USA'}, {name: 'United States'}) YIELD node RETURN node.name AS name",
        database_="neo4j",
    ).records
    assert [r["name"] for r in merged] == ["United States"]


def test_browser_is_served(neo4j_server: Neo4jTestServer) -> None:
    status, body = _get(f"{neo4j_server.http_uri}/browser/")
    assert status == 200
    assert "<title>Neo4j Browser</title>" in body


def test_http_discovery_advertises_this_bolt_port(neo4j_server: Neo4jTestServer) -> None:
    # The Browser connects to the Bolt address the discovery page advertises.
    status, body = _get(f"{neo4j_server.http_uri}/")
    discovery: dict[str, Any] = json.loads(body)
    assert status == 200
    assert discovery["bolt_direct"] == neo4j_server.uri
    assert discovery["neo4j_edition"] == "community"


def test_status_reports_running(neo4j_server: Neo4jTestServer) -> None:
    state = local_neo4j.status(neo4j_server.home)
    assert state.running
    assert state.pid == neo4j_server.info.pid
    assert (state.bolt_uri, state.http_uri) == (neo4j_server.uri, neo4j_server.http_uri)


def test_second_start_is_refused(neo4j_server: Neo4jTestServer) -> None:
    with pytest.raises(local_neo4j.AlreadyRunningError, match="already running") as refused:
        local_neo4j.start(neo4j_server.settings)
    assert neo4j_server.uri in str(refused.value)
    assert local_neo4j.status(neo4j_server.home).pid == neo4j_server.info.pid


def test_cli_status_and_refused_start(neo4j_server: Neo4jTestServer, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(neo4j_server.home)
    assert local_neo4j.main(["status", "--home", home]) == 0
    assert f"running (pid {neo4j_server.info.pid}): {neo4j_server.uri}" in capsys.readouterr().out
    port = str(neo4j_server.settings.bolt_port)
    assert local_neo4j.main(["start", "--home", home, "--bolt-port", port]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("neo4j_server: error: Neo4j is already running")
    assert "\n" not in error


def test_busy_port_is_a_one_line_error(
    neo4j_server: Neo4jTestServer, neo4j_server_jar_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "other"
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    busy = str(neo4j_server.settings.bolt_port)
    assert local_neo4j.main(["start", "--home", str(home), "--bolt-port", busy, "--http-port", "0"]) == 1
    assert "invalid http port 0" in capsys.readouterr().err
    free = str(local_neo4j.free_port())
    assert local_neo4j.main(["start", "--home", str(home), "--bolt-port", busy, "--http-port", free]) == 1
    assert capsys.readouterr().err.strip() == f"neo4j_server: error: port {busy} on 127.0.0.1 is already in use"
    assert not local_neo4j.status(home).running


def test_missing_mvn_and_java_are_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    assert local_neo4j.main(["start", "--home", str(tmp_path / "fresh")]) == 1
    assert capsys.readouterr().err.strip() == (
        "neo4j_server: error: mvn not found on PATH: install Maven 3.8+ (e.g. apt-get install maven)"
    )
    with pytest.raises(local_neo4j.Neo4jServerError, match=r"^java not found \(PATH\)"):
        local_neo4j.find_java()


def test_driver_fixture_gives_an_empty_database_a(neo4j_driver: Driver) -> None:
    neo4j_driver.execute_query(
        "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE", database_="neo4j"
    )
    neo4j_driver.execute_query("CREATE (:Actor {id: 'USA'})-[:SANCTIONS]->(:Actor {id: 'IRN'})", database_="neo4j")
    count = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j").records[0]["n"]
    assert count == 2


def test_driver_fixture_gives_an_empty_database_b(neo4j_driver: Driver) -> None:
    count = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j").records[0]["n"]
    constraints = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name", database_="neo4j").records
    assert (count, constraints) == (0, [])


def test_cli_start_status_stop_cycle(
    neo4j_server_jar_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second home, started and stopped through main() as a developer would."""
    home = tmp_path / "cli-home"
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    bolt, http = local_neo4j.free_port(), local_neo4j.free_port()
    args = ["--home", str(home)]
    try:
        assert local_neo4j.main(["start", *args, "--bolt-port", str(bolt), "--http-port", str(http)]) == 0
        assert f"bolt://127.0.0.1:{bolt}" in capsys.readouterr().out
        assert local_neo4j.main(["status", *args]) == 0
        assert "running (pid" in capsys.readouterr().out
        assert not local_neo4j.port_is_free(bolt)
    finally:
        assert local_neo4j.main(["stop", *args]) == 0
    assert "Neo4j stopped" in capsys.readouterr().out
    assert local_neo4j.main(["status", *args]) == local_neo4j.NOT_RUNNING_EXIT == 3  # scripts can test it
    assert capsys.readouterr().out.startswith("not running")
    assert local_neo4j.port_is_free(bolt)
