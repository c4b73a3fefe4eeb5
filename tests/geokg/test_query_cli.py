"""`geokg query` as analysts call it: a real subprocess against the real Neo4j."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]


def geokg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geokg", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})


@pytest.fixture
def neo4j_env(neo4j_server: Neo4jTestServer, small_graph_neo4j: Driver) -> dict[str, str]:
    return neo4j_server.env()


def test_query_in_every_format(neo4j_env: dict[str, str]) -> None:
    table = geokg("query", "dyad-events", "--param", "actor1=Orban", "--param", "actor2=Vladimir Putin", env=neo4j_env)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["date", "subject", "relation", "object"]
    assert lines[-1] == "(2 rows)"
    assert "2024-01-10  Viktor Orbán" in table.stdout
    as_csv = geokg("query", "meetings", "--param", "from=2024-02-01", "--format", "csv", env=neo4j_env)
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["date"], r["actor1"], r["actor2"]) for r in rows] == [("2024-02-05", "Vladimir Putin", "Viktor Orbán")]
    as_json = geokg("query", "sanctions-network", "--format", "json", env=neo4j_env)
    assert as_json.returncode == 0, as_json.stderr
    assert [(r["sanctioner"], r["target"], r["events"]) for r in json.loads(as_json.stdout)] == [
        ("European Union", "Russia", 2)
    ]


def test_list_and_bad_requests(neo4j_env: dict[str, str]) -> None:
    listing = geokg("query", "--list", env=neo4j_env)
    assert listing.returncode == 0
    assert "actor-profile:" in listing.stdout and "--param actor=<string>  (required)" in listing.stdout
    missing = geokg("query", "actor-profile", env=neo4j_env)
    assert missing.returncode == 1
    assert missing.stderr.strip() == (
        "geokg: error: query actor-profile needs --param actor=... "
        "(Name, alias or id of the actor, e.g. 'Viktor Orbán', 'Orban' or 'person:viktor-orban'.)"
    )
    unknown = geokg("query", "who-knows", env=neo4j_env)
    assert unknown.returncode == 1 and "no query named 'who-knows'; the library has: actor-profile" in unknown.stderr
    down = geokg("query", "summary", env={**neo4j_env, "NEO4J_URI": "bolt://127.0.0.1:1"})
    assert down.returncode == 1
    assert down.stderr.count("\n") == 1 and "not reachable" in down.stderr
