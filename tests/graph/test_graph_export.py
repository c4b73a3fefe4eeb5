"""GraphML, GEXF and CSV files of the actor network read back with the same shape."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from graph.frames import Slice, from_sqlite
from graph.graph_export import write_csv, write_gexf, write_graphml
from graph.networks import multidigraph, weighted_digraph


def test_exports_read_back(tmp_path: Path, small_graph_sqlite: Path) -> None:
    frames = from_sqlite(small_graph_sqlite, Slice())
    pairs, events = weighted_digraph(frames), multidigraph(frames)

    graphml = nx.read_graphml(write_graphml(pairs, tmp_path / "pairs.graphml"))
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (7, 7)
    assert graphml.edges["org:eu", "country:RUS"]["weight"] == 2
    assert graphml.nodes["org:eu"]["name"] == "European Union"
    assert graphml.nodes["org:eu"]["country"] == ""  # None written as empty

    gexf = nx.read_gexf(write_gexf(events, tmp_path / "events.gexf"))
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (7, 8)

    nodes, edges = write_csv(pairs, tmp_path / "csv")
    node_rows = list(csv.DictReader(nodes.open(encoding="utf-8")))
    edge_rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert len(node_rows) == 7 and len(edge_rows) == 7
    sanctions = next(r for r in edge_rows if (r["source"], r["target"]) == ("org:eu", "country:RUS"))
    assert (sanctions["weight"], sanctions["goldstein_sum"], len(sanctions["events"].split())) == ("2", "-16.0", 2)
