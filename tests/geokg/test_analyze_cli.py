"""`geokg analyze` on an embedded store holding the hand-built graph of tests/conftest.py."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.model import Extraction
from graph.sqlite_store import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path, small_graph: list[Extraction]) -> Path:
    store = SqliteStore(tmp_path / "graph.sqlite")
    store.ensure_schema()
    store.load(small_graph)
    store.close()
    return tmp_path / "graph.sqlite"


def analyze(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geokg", "analyze", *args, "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_tables_for_a_dyad_and_a_change(db: Path) -> None:
    dyad = analyze(db, "dyad", "EU", "Russia")
    assert dyad.returncode == 0, dyad.stderr
    lines = dyad.stdout.splitlines()
    assert lines[0].split()[:4] == ["period", "events", "goldstein_sum", "goldstein_mean"]
    assert [line.split()[:3] for line in lines[2:4]] == [["2024-01", "1", "-8"], ["2024-03", "1", "-8"]]
    change = analyze(db, "change", "--split", "2024-02-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(change.stdout)))
    assert (rows[0]["subject"], rows[0]["relation"], rows[0]["object"], rows[0]["status"]) == (
        "Russia", "ATTACK", "Ukraine", "new")


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
