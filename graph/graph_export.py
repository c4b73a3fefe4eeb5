"""The actor network written for other tools: GraphML, GEXF (Gephi) and CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx


def _scalar(value: Any) -> Any:
    """GraphML and GEXF hold strings and numbers only: lists are joined, None is empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _scalar_copy(graph: nx.Graph) -> nx.Graph:
    copy = graph.__class__()
    copy.add_nodes_from((n, {k: _scalar(v) for k, v in data.items()}) for n, data in graph.nodes(data=True))
    if graph.is_multigraph():
        copy.add_edges_from((a, b, key, {k: _scalar(v) for k, v in data.items()})
                            for a, b, key, data in graph.edges(keys=True, data=True))
    else:
        copy.add_edges_from((a, b, {k: _scalar(v) for k, v in data.items()}) for a, b, data in graph.edges(data=True))
    return copy


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    nx.write_graphml(_scalar_copy(graph), path)
    return path


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    nx.write_gexf(_scalar_copy(graph), path)
    return path


def write_csv(graph: nx.Graph, folder: Path) -> tuple[Path, Path]:
    """``nodes.csv`` (id and attributes) and ``edges.csv`` (source, target and attributes)."""
    folder.mkdir(parents=True, exist_ok=True)
    node_keys = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_keys = sorted({k for *_, data in graph.edges(data=True) for k in data})
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with nodes.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *node_keys])
        writer.writerows([n, *(_scalar(data.get(k)) for k in node_keys)] for n, data in graph.nodes(data=True))
    with edges.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", *edge_keys])
        writer.writerows([a, b, *(_scalar(data.get(k)) for k in edge_keys)] for a, b, data in graph.edges(data=True))
    return nodes, edges
