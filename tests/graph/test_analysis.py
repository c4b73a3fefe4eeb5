"""Analysis functions on small graphs whose answers can be worked out by hand.

The fixture graph (tests/conftest.py, negated event left out) has seven actors and seven
ordered pairs: Orbán <-> Putin (one meeting each way), and Zelensky -> EU -> {Hungary, Russia},
Hungary -> Russia -> Ukraine.
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from graph.analysis import (
    centrality,
    communities,
    dyad_change,
    dyad_series,
    ego_network,
    period_change,
    signed_network,
    structural_balance,
)
from graph.frames import GraphFrames, Slice, from_sqlite
from graph.networks import weighted_digraph


@pytest.fixture(scope="module")
def frames(small_graph_sqlite: Path) -> GraphFrames:
    return from_sqlite(small_graph_sqlite, Slice())


def test_centrality(frames: GraphFrames) -> None:
    table = centrality(weighted_digraph(frames)).set_index("actor")
    assert table.loc["country:RUS", ["degree", "in_degree", "out_degree"]].tolist() == [3, 2, 1]
    # directed shortest paths through the EU: Zelensky to Hungary, Russia and Ukraine (3 of 6*5 pairs)
    assert table.loc["org:eu", "betweenness"] == pytest.approx(3 / 30)
    assert table.loc["country:RUS", "betweenness"] == pytest.approx(3 / 30)
    assert table.loc["country:HUN", "betweenness"] == 0.0
    assert table["pagerank"].sum() == pytest.approx(1.0)
    assert table.loc["person:viktor-orban", "pagerank"] == pytest.approx(table.loc["person:vladimir-putin", "pagerank"])
    assert table["pagerank"].idxmin() == "person:volodymyr-zelensky"  # nobody acts on Zelensky

    star = nx.DiGraph([("hub", leaf, {"weight": 1}) for leaf in "abcd"])
    result = centrality(star).set_index("actor")
    assert result.loc["hub", "out_degree"] == 4 and result.loc["a", "in_degree"] == 1
    assert result["betweenness"].max() == 0.0  # no directed path runs through the hub


def test_communities_of_two_cliques_joined_by_one_edge() -> None:
    graph = nx.DiGraph()
    for clique in ("abcd", "wxyz"):
        graph.add_edges_from((s, t, {"weight": 3}) for s in clique for t in clique if s < t)
    graph.add_edge("d", "w", weight=1)
    table = communities(graph, seed=1)
    groups = table.groupby("community")["actor"].apply(lambda a: "".join(sorted(a))).tolist()
    assert groups == ["abcd", "wxyz"]
    assert table["size"].tolist() == [4] * 8


def test_communities_keep_the_fixture_components_apart(frames: GraphFrames) -> None:
    table = communities(weighted_digraph(frames)).set_index("actor")
    assert table.loc["person:viktor-orban", "community"] == table.loc["person:vladimir-putin", "community"]
    assert table.loc["person:viktor-orban", "size"] == 2
    assert table.loc["country:RUS", "community"] != table.loc["person:vladimir-putin", "community"]


def test_dyad_series(frames: GraphFrames) -> None:
    series = dyad_series(frames, "country:RUS", "org:eu")
    events = frames.events.set_index("id")
    assert series[["period", "events", "goldstein_sum", "material_conflict"]].values.tolist() == [
        ["2024-01", 1, -8.0, 1], ["2024-02", 0, 0.0, 0], ["2024-03", 1, -8.0, 1],
    ]
    assert [len(ids) for ids in series["event_ids"]] == [1, 0, 1]
    # a true time axis: the empty month between the two events is there, with no tone (NaN mean)
    assert series["goldstein_mean"].tolist()[::2] == [-8.0, -8.0] and math.isnan(series.loc[1, "goldstein_mean"])
    assert series["start"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"),
                                        pd.Timestamp("2024-03-01")]
    # every point traces back to its events and their sentences
    first = series.loc[0, "event_ids"]
    assert [events.loc[i, "sentence"] for i in first] == ["European Union sanction Russia (sentence 2)."]
    meetings = dyad_series(frames, "person:vladimir-putin", "person:viktor-orban", freq="Q")
    assert meetings[["period", "events", "verbal_cooperation", "goldstein_sum"]].values.tolist() == [
        ["2024Q1", 2, 2, 2.0]]
    assert dyad_series(frames, "country:UKR", "person:viktor-orban").empty


def test_ego_network(frames: GraphFrames) -> None:
    ego, table = ego_network(weighted_digraph(frames), "org:eu", radius=1)
    assert sorted(ego.nodes) == ["country:HUN", "country:RUS", "org:eu", "person:volodymyr-zelensky"]
    assert table[["actor", "distance", "events_out", "events_in", "goldstein_sum"]].values.tolist() == [
        ["country:RUS", 1, 2, 0, -16.0],
        ["country:HUN", 1, 1, 0, -2.0],
        ["person:volodymyr-zelensky", 1, 0, 1, 3.4],
    ]
    wider, table2 = ego_network(weighted_digraph(frames), "org:eu", radius=2)
    assert "country:UKR" in wider and table2.set_index("actor").loc["country:UKR", "distance"] == 2
    with pytest.raises(KeyError):
        ego_network(weighted_digraph(frames), "person:nobody")


def test_signed_network_and_balance(frames: GraphFrames) -> None:
    signed = signed_network(frames).set_index(["actor1", "actor2"])
    assert signed.loc[("country:RUS", "org:eu"), ["events", "goldstein_sum", "sign"]].tolist() == [2, -16.0, -1]
    assert signed.loc[("person:viktor-orban", "person:vladimir-putin"), "sign"] == 1
    # one triangle, EU–Hungary–Russia: (-) (+) (-) multiplies to +, balanced
    assert structural_balance(signed_network(frames)).iloc[0].tolist() == [1, 1, 0, 1.0]
    unbalanced = pd.DataFrame([("a", "b", 1, 1.0, 1), ("b", "c", 1, 1.0, 1), ("a", "c", 1, -1.0, -1)],
                              columns=["actor1", "actor2", "events", "goldstein_sum", "sign"])
    assert structural_balance(unbalanced).iloc[0].tolist() == [1, 0, 1, 0.0]
    none = structural_balance(unbalanced.iloc[:2])
    assert none.loc[0, "triangles"] == 0 and math.isnan(none.loc[0, "balance_ratio"])


def test_period_change(frames: GraphFrames) -> None:
    change = period_change(frames, "2024-02-01")
    rows = change[["subject", "relation", "object", "status", "shift"]].values.tolist()
    assert rows == [
        ["country:RUS", "ATTACK", "country:UKR", "new", -10.0],
        ["country:HUN", "BUY_FROM", "country:RUS", "stopped", -6.4],
        ["person:volodymyr-zelensky", "PRAISE", "org:eu", "new", 3.4],
        ["org:eu", "CRITICIZE", "country:HUN", "new", -2.0],
        ["org:eu", "SANCTION", "country:RUS", "continued", 0.0],
        ["person:viktor-orban", "MEET", "person:vladimir-putin", "continued", 0.0],  # one meeting each way
    ]


def test_dyad_change_sums_every_relation_of_a_pair(frames: GraphFrames) -> None:
    change = dyad_change(frames, "2024-02-01")
    assert change.values.tolist() == [
        ["country:RUS", "country:UKR", "new", 0, 1, 0.0, -10.0, -10.0],
        ["country:HUN", "country:RUS", "stopped", 1, 0, 6.4, 0.0, -6.4],
        ["org:eu", "person:volodymyr-zelensky", "new", 0, 1, 0.0, 3.4, 3.4],
        ["country:HUN", "org:eu", "new", 0, 1, 0.0, -2.0, -2.0],
        ["country:RUS", "org:eu", "continued", 1, 1, -8.0, -8.0, 0.0],
        ["person:viktor-orban", "person:vladimir-putin", "continued", 1, 1, 1.0, 1.0, 0.0],
    ]
    # one pair, three relation types in both directions: three relations but one dyad
    events = pd.DataFrame(
        [("e1", "2024-01-05", "a", "MEET", "b", True, 1.0), ("e2", "2024-06-01", "a", "ATTACK", "b", False, -10.0),
         ("e3", "2024-06-02", "b", "SANCTION", "a", False, -8.0)],
        columns=["id", "date", "subject_id", "type", "object_id", "reciprocal", "goldstein"],
    )
    pair = GraphFrames(events, pd.DataFrame(columns=["id", "name"]))
    assert dyad_change(pair, "2024-06-01").values.tolist() == [["a", "b", "continued", 1, 2, 1.0, -18.0, -19.0]]
    assert period_change(pair, "2024-06-01")[["relation", "status", "shift"]].values.tolist() == [
        ["ATTACK", "new", -10.0], ["SANCTION", "new", -8.0], ["MEET", "stopped", -1.0]]
