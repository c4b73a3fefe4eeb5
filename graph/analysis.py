"""Analyses of the actor network; each returns a pandas DataFrame.

Quad classes are CAMEO's: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. Goldstein scores run from -10 (most conflictual) to +10.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd

from graph.frames import GraphFrames, rows_of
from graph.networks import undirected
from graph.store import aggregate_pair

QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def _names(graph: nx.Graph | nx.DiGraph, nodes: Any) -> list[str]:
    return [graph.nodes[n].get("name", n) for n in nodes]


def centrality(graph: nx.DiGraph) -> pd.DataFrame:
    """Per actor: degree (distinct partners in and out), in/out degree, PageRank weighted by
    event counts, and normalised betweenness; sorted by PageRank."""
    nodes = sorted(graph.nodes)
    pagerank = nx.pagerank(graph, weight="weight") if len(graph) else {}
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    frame = pd.DataFrame({
        "actor": nodes,
        "name": _names(graph, nodes),
        "degree": [graph.degree(n) for n in nodes],
        "in_degree": [graph.in_degree(n) for n in nodes],
        "out_degree": [graph.out_degree(n) for n in nodes],
        "pagerank": [pagerank.get(n, 0.0) for n in nodes],
        "betweenness": [betweenness[n] for n in nodes],
    })
    return frame.sort_values(["pagerank", "actor"], ascending=[False, True], ignore_index=True)


def communities(graph: nx.DiGraph, seed: int = 0) -> pd.DataFrame:
    """Louvain communities of the undirected, event-weighted graph (deterministic for a seed).
    Community 0 is the largest; ties are broken by the smallest actor id."""
    parts = nx.community.louvain_communities(undirected(graph), weight="weight", seed=seed) if len(graph) else []
    ordered = sorted((sorted(part) for part in parts), key=lambda members: (-len(members), members[0]))
    rows = [(actor, number, len(members)) for number, members in enumerate(ordered) for actor in members]
    frame = pd.DataFrame(rows, columns=["actor", "community", "size"])
    frame.insert(1, "name", _names(graph, frame["actor"]))
    return frame


def dyad_events(frames: GraphFrames, actor1: str, actor2: str) -> pd.DataFrame:
    """The events between two actors, in either direction."""
    events = frames.events
    between = ((events["subject_id"] == actor1) & (events["object_id"] == actor2)) | (
        (events["subject_id"] == actor2) & (events["object_id"] == actor1))
    return events[between].sort_values(["date", "id"], ignore_index=True)


def dyad_series(frames: GraphFrames, actor1: str, actor2: str, freq: str = "M") -> pd.DataFrame:
    """The cooperation–conflict series of a dyad (both directions) on a true time axis: every
    period (pandas ``freq``: ``M`` months, ``Q`` quarters, ``Y`` years, ``W`` weeks) from the first
    event's to the last's, with its label (``period``), first day (``start``, a Timestamp to plot
    against), event count, Goldstein sum and mean, count per quad class and the ids of the events
    behind it. A period without events has zero counts, a zero sum and a NaN mean (no tone). An
    event dated only by its week, month or year counts in the period holding its first day."""
    events = dyad_events(frames, actor1, actor2).dropna(subset=["date"])
    columns = ["period", "start", "events", "goldstein_sum", "goldstein_mean", *QUAD_CLASSES.values(), "event_ids"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    periods = pd.PeriodIndex(pd.to_datetime(events["date"]), freq=freq)
    groups = dict(iter(events.groupby(periods)))
    rows = []
    for period in pd.period_range(periods.min(), periods.max(), freq=freq):
        group = groups.get(period)
        if group is None:
            rows.append((str(period), period.start_time, 0, 0.0, math.nan, *(0 for _ in QUAD_CLASSES), []))
            continue
        quads = group["quad_class"].value_counts()
        rows.append((str(period), period.start_time, len(group), float(group["goldstein"].sum()),
                     float(group["goldstein"].mean()), *(int(quads.get(q, 0)) for q in QUAD_CLASSES),
                     sorted(group["id"])))
    return pd.DataFrame(rows, columns=columns)


def ego_network(graph: nx.DiGraph, actor: str, radius: int = 1) -> tuple[nx.DiGraph, pd.DataFrame]:
    """The actors within ``radius`` steps of ``actor`` (either direction), as a subgraph and as
    a table of neighbours with distance and tie strength (events each way, Goldstein sum)."""
    if actor not in graph:
        raise KeyError(f"{actor} is not in the graph")
    ego = nx.ego_graph(graph, actor, radius=radius, undirected=True)
    distances = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), actor, cutoff=radius)
    rows = []
    for other in sorted(n for n in ego if n != actor):
        out = graph.edges[actor, other] if graph.has_edge(actor, other) else {}
        back = graph.edges[other, actor] if graph.has_edge(other, actor) else {}
        rows.append((other, graph.nodes[other].get("name", other), distances[other], out.get("weight", 0),
                     back.get("weight", 0), out.get("goldstein_sum", 0.0) + back.get("goldstein_sum", 0.0)))
    table = pd.DataFrame(rows, columns=["actor", "name", "distance", "events_out", "events_in", "goldstein_sum"])
    table = table.sort_values(["distance", "events_out", "actor"], ascending=[True, False, True], ignore_index=True)
    return ego, table


def signed_network(frames: GraphFrames) -> pd.DataFrame:
    """One row per unordered actor pair: events, Goldstein sum, and the sign of the tie
    (+1 cooperative, -1 conflictual; pairs whose sum is exactly 0 get sign 0)."""
    totals: dict[tuple[str, str], list[float]] = {}
    for subject, obj, goldstein in rows_of(frames.events, "subject_id", "object_id", "goldstein"):
        entry = totals.setdefault((min(subject, obj), max(subject, obj)), [0, 0.0])
        entry[0] += 1
        entry[1] += goldstein
    rows = [(a, b, int(n), round(total, 6), (total > 0) - (total < 0)) for (a, b), (n, total) in sorted(totals.items())]
    return pd.DataFrame(rows, columns=["actor1", "actor2", "events", "goldstein_sum", "sign"])


def structural_balance(signed: pd.DataFrame) -> pd.DataFrame:
    """Heider balance over the triangles of a signed network: a triangle is balanced when the
    product of its three signs is positive ("the enemy of my enemy is my friend")."""
    graph = nx.Graph()
    for actor1, actor2, sign in rows_of(signed[signed["sign"] != 0], "actor1", "actor2", "sign"):
        graph.add_edge(actor1, actor2, sign=sign)
    balanced = unbalanced = 0
    for a in graph:
        for b, c in combinations(sorted(graph[a]), 2):
            if a < b and graph.has_edge(b, c):  # each triangle once: a is its smallest node
                product = graph.edges[a, b]["sign"] * graph.edges[b, c]["sign"] * graph.edges[a, c]["sign"]
                balanced += product > 0
                unbalanced += product < 0
    triangles = balanced + unbalanced
    ratio = balanced / triangles if triangles else float("nan")
    return pd.DataFrame([(triangles, balanced, unbalanced, ratio)],
                        columns=["triangles", "balanced", "unbalanced", "balance_ratio"])


def _before_after(frames: GraphFrames, split_date: str,
                  key: Callable[[str, str, str, bool], tuple[str, str, str]]) -> pd.DataFrame:
    """Events and Goldstein sums before ``split_date`` and from it on, per ``key`` (subject,
    relation, object), with the status (new, stopped, continued) and the shift, sorted by |shift|."""
    counts: dict[tuple[str, str, str], list[float]] = {}
    dated = frames.events.dropna(subset=["date"])
    for subject_id, object_id, relation_type, reciprocal, goldstein, date in rows_of(
        dated, "subject_id", "object_id", "type", "reciprocal", "goldstein", "date"
    ):
        entry = counts.setdefault(key(subject_id, relation_type, object_id, bool(reciprocal)), [0, 0, 0.0, 0.0])
        after = date >= split_date
        entry[1 if after else 0] += 1
        entry[3 if after else 2] += goldstein
    rows = []
    for (subject, relation, obj), (before, after, g_before, g_after) in counts.items():
        status = "continued" if before and after else ("new" if after else "stopped")
        rows.append((subject, relation, obj, status, int(before), int(after), round(g_before, 6),
                     round(g_after, 6), round(g_after - g_before, 6)))
    frame = pd.DataFrame(rows, columns=["subject", "relation", "object", "status", "events_before", "events_after",
                                        "goldstein_before", "goldstein_after", "shift"])
    frame["abs_shift"] = frame["shift"].abs()
    frame = frame.sort_values(["abs_shift", "subject", "relation", "object"], ascending=[False, True, True, True],
                              ignore_index=True)
    return frame.drop(columns="abs_shift")


def period_change(frames: GraphFrames, split_date: str) -> pd.DataFrame:
    """Relations before ``split_date`` against relations from it on. A relation is a relation
    type between two actors (unordered for reciprocal types such as MEET): ``new`` (only
    after), ``stopped`` (only before) or ``continued``, with the Goldstein shift (after sum
    minus before sum); sorted by the size of the shift."""

    def relation(subject_id: str, relation_type: str, object_id: str, reciprocal: bool) -> tuple[str, str, str]:
        subject, obj = aggregate_pair(subject_id, object_id, reciprocal)
        return subject, relation_type, obj

    return _before_after(frames, split_date, relation)


def dyad_change(frames: GraphFrames, split_date: str) -> pd.DataFrame:
    """The Goldstein shift of every dyad (an unordered actor pair, all relation types and both
    directions summed) between the period before ``split_date`` and the period from it on:
    columns ``actor1``, ``actor2`` (actor1 < actor2), status, events and Goldstein sums before
    and after, and ``shift``; the largest shifts first."""

    def dyad(subject_id: str, _relation: str, object_id: str, _reciprocal: bool) -> tuple[str, str, str]:
        return min(subject_id, object_id), "", max(subject_id, object_id)

    table = _before_after(frames, split_date, dyad).drop(columns="relation")
    return table.rename(columns={"subject": "actor1", "object": "actor2"})
