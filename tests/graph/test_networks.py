"""NetworkX graphs built from the frames of the hand-built graph (tests/conftest.py).

With the negated criticism left out the graph has eight events between seven actors over seven
ordered pairs: Orbán -> Putin and Putin -> Orbán (one meeting each), Hungary -> Russia (bought
oil), the EU -> Russia (two sanctions), Russia -> Ukraine, the EU -> Hungary, Zelensky -> the EU.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.frames import GraphFrames, Slice, from_sqlite
from graph.networks import multidigraph, undirected, weighted_digraph


@pytest.fixture(scope="module")
def frames(small_graph_sqlite: Path) -> GraphFrames:
    return from_sqlite(small_graph_sqlite, Slice())


def test_one_edge_per_event_keyed_by_its_id(frames: GraphFrames) -> None:
    events = multidigraph(frames)
    assert (events.number_of_nodes(), events.number_of_edges()) == (7, 8)
    assert sorted(key for *_, key in events.edges(keys=True)) == sorted(frames.events["id"])
    sanctions = events.get_edge_data("org:eu", "country:RUS")
    assert sorted(d["date"] for d in sanctions.values()) == ["2024-01-09", "2024-03-20"]
    assert {d["goldstein"] for d in sanctions.values()} == {-8.0}
    bought = next(iter(events.get_edge_data("country:HUN", "country:RUS").values()))
    assert (bought["type"], bought["quad_class"], bought["modality"], bought["article_id"]) == (
        "BUY_FROM", 2, "reported", "a1")
    assert bought["sentence"] == "Hungary buy_from Russia (sentence 1)."
    # the speaker who reported the purchase is an attribute of the event, not a node
    assert "person:peter-szijjarto" not in events
    assert events.nodes["person:viktor-orban"] == {"name": "Viktor Orbán", "type": "PERSON", "country": "HUN"}


def test_pairs_sum_their_events_and_keep_the_text_direction(frames: GraphFrames) -> None:
    pairs = weighted_digraph(frames)
    assert (pairs.number_of_nodes(), pairs.number_of_edges()) == (7, 7)
    eu_russia = pairs.edges["org:eu", "country:RUS"]
    assert (eu_russia["weight"], eu_russia["goldstein_sum"], len(eu_russia["events"])) == (2, -16.0, 2)
    assert not pairs.has_edge("country:RUS", "org:eu")
    # MEET is reciprocal, yet each meeting counts once, in the direction its sentence gives
    assert pairs.edges["person:viktor-orban", "person:vladimir-putin"]["weight"] == 1
    assert pairs.edges["person:vladimir-putin", "person:viktor-orban"]["weight"] == 1
    assert sum(w for *_, w in pairs.edges(data="weight")) == 8


def test_undirected_sums_both_directions(frames: GraphFrames) -> None:
    both = undirected(weighted_digraph(frames))
    assert both.number_of_edges() == 6
    meetings = both.edges["person:viktor-orban", "person:vladimir-putin"]
    assert (meetings["weight"], meetings["goldstein_sum"]) == (2, 2.0)
    assert both.edges["country:RUS", "org:eu"]["weight"] == 2
    assert both.nodes["org:eu"]["name"] == "European Union"


def test_a_slice_gives_a_smaller_graph(frames: GraphFrames) -> None:
    february = GraphFrames(frames.events[frames.events["date"].str.startswith("2024-02")], frames.actors)
    graph = weighted_digraph(february)
    assert sorted(graph.edges) == [
        ("country:RUS", "country:UKR"), ("org:eu", "country:HUN"), ("person:vladimir-putin", "person:viktor-orban")]
    assert "person:volodymyr-zelensky" not in graph  # actors without events in the slice are left out
