"""`geokg analyze` on an embedded store holding the hand-built graph of tests/conftest.py, and on
one that `geokg ingest examples/articles` built."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.frames import from_sqlite

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(small_graph_sqlite: Path) -> Path:
    return small_graph_sqlite


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("examples")
    ingest = subprocess.run(
        [sys.executable, "-m", "geokg", "ingest", "examples/articles", "--db", str(folder / "graph.sqlite"),
         "--ledger", str(folder / "ledger.sqlite")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    return folder / "graph.sqlite"


def analyze(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geokg", "analyze", *args, "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def test_tables_for_a_dyad_and_a_change(db: Path) -> None:
    dyad = analyze(db, "dyad", "EU", "Russia")
    assert dyad.returncode == 0, dyad.stderr
    lines = dyad.stdout.splitlines()
    assert lines[0].split()[:4] == ["period", "events", "goldstein_sum", "goldstein_mean"]
    assert [line.split()[:3] for line in lines[2:5]] == [["2024-01", "1", "-8"], ["2024-02", "0", "0"],
                                                         ["2024-03", "1", "-8"]]
    # the empty month between the two events: zero events, no mean tone (null)
    empty = json.loads(analyze(db, "dyad", "EU", "Russia", "--format", "json").stdout)[1]
    assert (empty["period"], empty["events"], empty["goldstein_mean"], empty["event_ids"]) == ("2024-02", 0, None, [])
    change = analyze(db, "change", "--split", "2024-02-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(change.stdout)))
    assert (rows[0]["subject"], rows[0]["relation"], rows[0]["object"], rows[0]["status"]) == (
        "Russia", "ATTACK", "Ukraine", "new")
    # the second table sums each dyad's relations: Hungary and Russia stopped trading (6.4 -> 0)
    dyads = analyze(db, "change", "--split", "2024-02-01").stdout.split("\n\n")[1].splitlines()
    assert dyads[0].split() == ["actor1", "actor2", "status", "events_before", "events_after", "goldstein_before",
                                "goldstein_after", "shift"]
    assert dyads[3].split() == ["Hungary", "Russia", "stopped", "1", "0", "6.4", "0", "-6.4"]


def test_the_hungary_russia_dyad_of_the_example_articles(examples: Path) -> None:
    between_states = json.loads(analyze(examples, "dyad", "Hungary", "Russia", "--format", "json").stdout)
    # 2023-10: "concerns about Budapest's deepening relationship with Moscow" names a standing
    # relation, no act of cooperation (judged wrong in tests/extract/examples_judged.tsv); 2022-04:
    # "Putin said he hoped the two countries would keep developing their partnership" gives a
    # hypothetical cooperation of the pair (rules 0.6), judged wrong there as a standing relation
    assert [(row["period"], row["events"]) for row in between_states if row["events"]] == [
        ("2022-02", 2), ("2022-04", 1), ("2022-08", 1), ("2023-06", 1), ("2023-10", 1), ("2024-10", 1),
        ("2025-11", 2)]
    # with Orbán, Szijjártó and Putin read as their states, their meetings and calls join in
    folded = json.loads(analyze(examples, "dyad", "Hungary", "Russia", "--by-country", "--format", "json").stdout)
    assert [(row["period"], row["events"], row["verbal_cooperation"]) for row in folded if row["events"]] == [
        ("2022-02", 3, 2), ("2022-04", 2, 1), ("2022-07", 2, 2), ("2022-08", 1, 0), ("2023-04", 2, 2),
        ("2023-06", 1, 0), ("2023-10", 2, 1), ("2024-03", 1, 1), ("2024-07", 1, 1), ("2024-10", 2, 2),
        ("2024-12", 1, 1), ("2025-10", 1, 1), ("2025-11", 3, 1)]
    # a true time axis: every month from 2022-02 to 2025-11, the empty ones with no mean tone
    assert len(between_states) == len(folded) == 46
    assert all(row["goldstein_mean"] is None and row["event_ids"] == [] for row in folded if not row["events"])
    meetings = json.loads(analyze(examples, "dyad", "Orban", "Putin", "--freq", "Y", "--format", "json").stdout)
    assert [(row["period"], row["events"], row["goldstein_sum"]) for row in meetings] == [
        ("2022", 2, 4.4), ("2023", 1, 1.0), ("2024", 2, 2.0), ("2025", 1, 1.0)]
    # the event ids behind each point lead to its sentence and article
    events = from_sqlite(examples).events.set_index("id")
    assert [sorted(events.loc[i, "article_title"] for i in row["event_ids"]) for row in meetings] == [
        ["Orban meets Putin in Moscow as Ukraine tensions rise", "Putin congratulates Orban on election victory"],
        ["Orban meets Putin in Beijing despite EU unease"],
        ["Orban holds phone call with Putin on Ukraine", "Orban visits Moscow in self-styled peace mission"],
        ["Orban meets Putin in Moscow to secure energy supplies"],
    ]
    (beijing,) = meetings[1]["event_ids"]
    assert events.loc[beijing, "sentence"].startswith("Hungarian Prime Minister Viktor Orban met Russian President")


def test_a_slice_by_actor_name(examples: Path) -> None:
    ego = analyze(examples, "ego", "Viktor Orban", "--actor", "orban", "--format", "csv")
    assert ego.returncode == 0, ego.stderr
    partners = {row["name"]: row for row in csv.DictReader(io.StringIO(ego.stdout))}
    # Orbán met or called Putin five times (2022-02, 2023-10, 2024-07, 2024-12, 2025-11); Putin congratulated him once
    assert (partners["Vladimir Putin"]["events_out"], partners["Vladimir Putin"]["events_in"]) == ("5", "1")
    unknown = analyze(examples, "centrality", "--actor", "Narnia")
    assert (unknown.returncode, unknown.stderr) == (1, "geokg: error: no actor named 'Narnia' in the graph\n")


def test_centrality_signed_and_export(db: Path, tmp_path: Path) -> None:
    central = json.loads(analyze(db, "centrality", "--format", "json").stdout)
    assert {row["actor"]: row["degree"] for row in central}["country:RUS"] == 3
    signed = analyze(db, "signed")
    assert signed.returncode == 0
    assert "balance_ratio" in signed.stdout and signed.stdout.rstrip().endswith("(1 row)")
    export = analyze(db, "export", "--to-format", "graphml", "--out", str(tmp_path / "net.graphml"))
    assert export.returncode == 0 and "7 actors, 7 weighted pairs" in export.stdout
    assert nx.read_graphml(tmp_path / "net.graphml").number_of_edges() == 7


def test_bad_requests_are_one_line(db: Path, tmp_path: Path) -> None:
    unknown = analyze(db, "ego", "Narnia")
    assert (unknown.returncode, unknown.stderr) == (1, "geokg: error: no actor named 'Narnia' in this slice\n")
    empty = analyze(db, "centrality", "--from", "2030-01-01")
    assert (empty.returncode, empty.stderr) == (1, "geokg: error: no events in this slice of the graph\n")
    missing = analyze(tmp_path / "none.sqlite", "summary")
    assert missing.returncode == 1 and "none.sqlite: no embedded store here" in missing.stderr


def test_neo4j_gives_the_same_tables(db: Path, neo4j_server: Neo4jTestServer, small_graph_neo4j: Driver) -> None:
    env = neo4j_server.env()
    for request in (("dyad", "Orban", "Vladimir Putin"), ("centrality", "--by-country"), ("centrality",),
                    ("communities",), ("ego", "EU", "--actor", "European Union", "--radius", "2"), ("signed",),
                    ("change", "--split", "2024-02-01", "--from", "2024-01-10", "--types", "MEET,SANCTION")):
        remote = analyze(db, *request, "--store", "neo4j", env=env)
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == analyze(db, *request).stdout
    dyad = analyze(db, "dyad", "Hungary", "Russia", "--by-country", "--store", "neo4j", env=env).stdout.splitlines()
    # Orbán and Putin meet as Hungary and Russia (January and February); Hungary buys Russian oil in January
    assert [line.split()[:3] for line in dyad[2:4]] == [["2024-01", "2", "7.4"], ["2024-02", "1", "1"]]
