"""The notebooks run top to bottom in a real Jupyter kernel (nbclient), on the embedded store
built from the bundled articles, and once on the real Neo4j, and draw their figures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from nbclient import NotebookClient

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
FIGURES = {"01-quickstart": 1, "02-dyad-over-time": 2, "03-network": 2}


def execute(name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return notebook


def figures(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []))


def text(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
                     for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", []))


def test_committed_notebooks_have_no_outputs() -> None:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        assert all(not cell.get("outputs") and cell.get("execution_count") is None
                   for cell in notebook.cells if cell.cell_type == "code"), f"{path.name}: clear its outputs"
    assert {p.stem for p in NOTEBOOKS.glob("*.ipynb")} == set(FIGURES)


def test_notebooks_on_the_embedded_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_DB", str(tmp_path / "graph.sqlite"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    for name, expected in FIGURES.items():  # the quickstart builds the store the others read
        notebook = execute(name)
        assert figures(notebook) >= expected, f"{name} drew {figures(notebook)} figures"
        if name == "01-quickstart":
            assert "articles new 67" in text(notebook)
            assert "Viktor Orbán -[MEET]-> Vladimir Putin" in text(notebook)
        if name == "02-dyad-over-time":
            # Orbán meets Putin, Hungary buys gas ("a deepening relationship" is a standing state, no event)
            assert "== 2023-10: 2 events" in text(notebook)
            # every month from 2022-02 to 2025-11 is on the axis; 13 of them have events
            assert "33 of 46 months without events" in text(notebook)


def test_the_quickstart_on_neo4j(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_server: Neo4jTestServer,
                                 neo4j_driver: Driver) -> None:
    monkeypatch.setenv("GEOKG_DB", str(tmp_path / "graph.sqlite"))
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    notebook = execute("01-quickstart")
    assert figures(notebook) >= 1
    assert f"Neo4j: {neo4j_server.uri}" in text(notebook)
    records, _, _ = neo4j_driver.execute_query("MATCH (e:Event) RETURN count(e) AS n", database_="neo4j")
    assert records[0]["n"] > 50
