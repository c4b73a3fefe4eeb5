"""Loading the graph, or a slice of it, into DataFrames from both stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from graph.frames import Slice, actor_ids, from_neo4j, from_sqlite, load_frames
from graph.neo4j_store import Neo4jReader
from graph.sqlite_store import SqliteReader
from graph.store import StoreError

if TYPE_CHECKING:
    from neo4j import Driver



@pytest.fixture
def embedded(small_graph_sqlite: Path) -> Path:
    return small_graph_sqlite


def test_slices_of_the_embedded_store(embedded: Path) -> None:
    everything = from_sqlite(embedded, Slice(include_negated=True))
    assert len(everything.events) == 9
    assert sorted(everything.actors["id"]) == [
        "country:HUN", "country:RUS", "country:UKR", "org:eu", "person:peter-szijjarto", "person:viktor-orban",
        "person:vladimir-putin", "person:volodymyr-zelensky",
    ]
    assert len(from_sqlite(embedded).events) == 8  # the negated criticism is left out by default
    february = from_sqlite(embedded, Slice(date_from="2024-02-01", date_to="2024-02-29"))
    assert sorted(february.events["type"]) == ["ATTACK", "CRITICIZE", "MEET"]
    sanctions = from_sqlite(embedded, Slice(types=("SANCTION",)))
    assert list(sanctions.events["date"].sort_values()) == ["2024-01-09", "2024-03-20"]
    orban = from_sqlite(embedded, Slice(actors=("person:viktor-orban",), include_negated=True))
    assert sorted(orban.events["type"]) == ["CRITICIZE", "MEET", "MEET"]
    assert orban.resolve("orban") == orban.resolve("Viktor Orbán") == "person:viktor-orban"
    with pytest.raises(KeyError, match="no actor named 'Nobody'"):
        orban.resolve("Nobody")
    reported = everything.events[everything.events["type"] == "BUY_FROM"].iloc[0]
    assert (reported["attributed_to_id"], reported["modality"], reported["goldstein"]) == (
        "person:peter-szijjarto", "reported", 6.4)
    # every event traces back to its sentence and its article
    assert (reported["sentence"], reported["article_title"], reported["article_url"]) == (
        "Hungary buy_from Russia (sentence 1).", "Orbán meets Putin", "https://example.org/a1")
    assert sorted(set(zip(everything.events["article_id"], everything.events["article_url"], strict=True))) == [
        ("a1", "https://example.org/a1"), ("a2", "https://example.org/a2"), ("a3", "https://example.org/a3")]


def test_neo4j_gives_the_same_frames(embedded: Path, small_graph_neo4j: Driver) -> None:
    for part in (Slice(include_negated=True), Slice(date_from="2024-02-01", types=("MEET", "CRITICIZE")),
                 Slice(actors=("org:eu",))):
        local, remote = from_sqlite(embedded, part), from_neo4j(small_graph_neo4j, "neo4j", part)
        pd.testing.assert_frame_equal(local.events, remote.events)
        pd.testing.assert_frame_equal(local.actors, remote.actors)
    # actors found by name, alias or id, in any case, the same way in both stores
    texts = ("viktor ORBÁN", "EU", "country:RUS")
    expected = ("country:RUS", "org:eu", "person:viktor-orban")
    local_reader, remote_reader = SqliteReader.open(embedded), Neo4jReader(small_graph_neo4j, "neo4j")
    assert actor_ids(local_reader, texts) == actor_ids(remote_reader, texts) == expected
    for reader in (local_reader, remote_reader):
        with pytest.raises(KeyError, match="no actor named 'Narnia', 'Atlantis' in the graph"):
            actor_ids(reader, ("Hungary", "Narnia", "Atlantis"))
        # the conveniences are load_frames on the backend's reader
        pd.testing.assert_frame_equal(load_frames(reader, Slice()).events, from_sqlite(embedded).events)
    local_reader.close()


def test_a_missing_store_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nothing\.sqlite: no embedded store here"):
        from_sqlite(tmp_path / "nothing.sqlite")


def test_persons_fold_into_their_countries(embedded: Path) -> None:
    from graph.frames import by_country

    frames = by_country(from_sqlite(embedded, Slice(include_negated=True)))
    pairs = sorted(zip(frames.events["subject_id"], frames.events["type"], frames.events["object_id"], strict=True))
    # Orbán and Putin meet as Hungary and Russia; Zelensky acts for Ukraine; the EU has no country
    assert pairs.count(("country:HUN", "MEET", "country:RUS")) == 1
    assert pairs.count(("country:RUS", "MEET", "country:HUN")) == 1
    assert ("country:UKR", "CRITICIZE", "country:HUN") in pairs and ("country:UKR", "PRAISE", "org:eu") in pairs
    assert len(pairs) == 9
    assert sorted(frames.actors["id"]) == ["country:HUN", "country:RUS", "country:UKR", "org:eu"]


def test_a_file_that_is_not_a_store_is_named(tmp_path: Path) -> None:
    garbage, foreign = tmp_path / "garbage.sqlite", tmp_path / "foreign.sqlite"
    garbage.write_bytes(b"no database here\n" * 10)
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    for path in (garbage, foreign):
        with pytest.raises(StoreError, match=rf"{path.name}: cannot read the embedded store"):
            from_sqlite(path)
        with pytest.raises(StoreError, match=rf"{path.name}: cannot read the embedded store"):
            SqliteReader.open(path)
