"""NetworkX graphs built from ``GraphFrames``.

- ``multidigraph``: actors as nodes, one edge per event (subject -> object, keyed by event id)
  carrying the event's attributes.
- ``weighted_digraph``: one edge per ordered actor pair with ``weight`` (event count),
  ``goldstein_sum`` and ``events``. Events keep the direction the text gives, reciprocal ones
  (``MEET``) included: "A met B" adds to A -> B only.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.frames import GraphFrames, rows_of

EDGE_ATTRIBUTES = ("type", "edge", "date", "quad_class", "goldstein", "polarity", "modality", "article_id",
                   "sentence")


def _add_actors(graph: Any, frames: GraphFrames) -> None:
    named = set(frames.events["subject_id"]) | set(frames.events["object_id"])
    for actor_id, name, actor_type, country in rows_of(frames.actors, "id", "name", "type", "country"):
        if actor_id in named:
            graph.add_node(actor_id, name=name, type=actor_type, country=country)


def multidigraph(frames: GraphFrames) -> nx.MultiDiGraph:
    """Every event as an edge of a MultiDiGraph."""
    graph = nx.MultiDiGraph()
    _add_actors(graph, frames)
    for event_id, subject, obj, *values in rows_of(frames.events, "id", "subject_id", "object_id", *EDGE_ATTRIBUTES):
        graph.add_edge(subject, obj, key=event_id, **dict(zip(EDGE_ATTRIBUTES, values, strict=True)))
    return graph


def weighted_digraph(frames: GraphFrames) -> nx.DiGraph:
    """Events summed per ordered pair: ``weight`` (count), ``goldstein_sum``, ``events`` (ids)."""
    graph = nx.DiGraph()
    _add_actors(graph, frames)
    for event_id, subject, obj, goldstein in rows_of(frames.events, "id", "subject_id", "object_id", "goldstein"):
        if graph.has_edge(subject, obj):
            data = graph.edges[subject, obj]
            data["weight"] += 1
            data["goldstein_sum"] += goldstein
            data["events"].append(event_id)
        else:
            graph.add_edge(subject, obj, weight=1, goldstein_sum=goldstein, events=[event_id])
    return graph


def undirected(graph: nx.DiGraph) -> nx.Graph:
    """The weighted DiGraph with both directions of a pair summed into one edge."""
    result = nx.Graph()
    result.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        weight, goldstein = data.get("weight", 1), data.get("goldstein_sum", 0.0)
        if result.has_edge(source, target):
            result.edges[source, target]["weight"] += weight
            result.edges[source, target]["goldstein_sum"] += goldstein
        else:
            result.add_edge(source, target, weight=weight, goldstein_sum=goldstein)
    return result
