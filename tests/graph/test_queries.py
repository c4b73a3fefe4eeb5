"""Every query of the Cypher library against the real Neo4j, on the hand-built graph of
``small_graph_extractions`` (tests/conftest.py), with the rows it must return."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from graph.model import Article, CopyLink
from graph.neo4j_store import Neo4jStore
from graph.queries import QueryError, load_library, parse_params, parse_query, run_query

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer


LIBRARY = load_library()
TESTED: set[str] = set()


@pytest.fixture
def graph(small_graph_neo4j: Driver) -> Driver:
    return small_graph_neo4j


def rows(driver: Driver, name: str, **parameters: Any) -> list[dict[str, Any]]:
    TESTED.add(name)
    return run_query(driver, LIBRARY[name], parameters)


def pick(found: list[dict[str, Any]], *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(row[c] for c in columns) for row in found]


def test_actor_profile(graph: Driver) -> None:
    found = rows(graph, "actor-profile", actor="Orban")  # found by alias
    assert {row["actor"] for row in found} == {"Viktor Orbán"}
    assert found[0]["roles"] == ["prime minister of Hungary"]
    assert pick(found, "relation", "direction", "partner", "events", "first_date", "last_date") == [
        ("CRITICIZED", "in", "Volodymyr Zelensky", 1, "2024-03-19", "2024-03-19"),
        ("MET", "out", "Vladimir Putin", 2, "2024-01-10", "2024-02-05"),
    ]
    russia = rows(graph, "actor-profile", actor="country:RUS", limit=1)
    assert pick(russia, "relation", "direction", "partner", "events") == [
        ("ATTACKED", "out", "Ukraine", 1),
        ("BOUGHT_FROM", "in", "Hungary", 1),
        ("SANCTIONED", "in", "European Union", 2),
    ]


def test_dyad_events(graph: Driver) -> None:
    found = rows(graph, "dyad-events", actor1="Vladimir Putin", actor2="Viktor Orbán")
    assert pick(found, "date", "subject", "relation", "object", "article") == [
        ("2024-01-10", "Viktor Orbán", "MEET", "Vladimir Putin", "Orbán meets Putin"),
        ("2024-02-05", "Vladimir Putin", "MEET", "Viktor Orbán", "Russia strikes Ukraine"),
    ]
    assert found[0]["sentence"] == "Viktor Orbán meet Vladimir Putin (sentence 0)."
    assert found[0]["url"] == "https://example.org/a1"
    reported = rows(graph, "dyad-events", actor1="Hungary", actor2="Russia")
    assert pick(reported, "relation", "modality", "speaker") == [("BUY_FROM", "reported", "Péter Szijjártó")]


def test_dyad_timeline(graph: Driver) -> None:
    found = rows(graph, "dyad-timeline", actor1="EU", actor2="Russia")
    assert pick(found, "month", "events", "material_conflict", "verbal_cooperation", "mean_goldstein") == [
        ("2024-01", 1, 1, 0, -8.0), ("2024-03", 1, 1, 0, -8.0),
    ]
    both = rows(graph, "dyad-timeline", actor1="Viktor Orbán", actor2="Volodymyr Zelensky")
    assert pick(both, "month", "events", "verbal_conflict", "mean_goldstein") == [("2024-03", 1, 1, -2.0)]


def test_meetings(graph: Driver) -> None:
    january = rows(graph, "meetings", **{"from": "2024-01-01", "to": "2024-01-31"})
    assert pick(january, "date", "actor1", "country1", "actor2", "country2", "place") == [
        ("2024-01-10", "Viktor Orbán", "HUN", "Vladimir Putin", "RUS", "Moscow"),
    ]
    assert len(rows(graph, "meetings")) == 2


def test_sanctions_network(graph: Driver) -> None:
    found = rows(graph, "sanctions-network")
    assert pick(found, "sanctioner", "target", "target_country", "events", "first_date", "last_date") == [
        ("European Union", "Russia", "RUS", 2, "2024-01-09", "2024-03-20"),
    ]
    assert found[0]["path"] == "European Union -[SANCTIONED]-> Russia"
    assert rows(graph, "sanctions-network", min_events=3) == []


def test_claims_by_speaker(graph: Driver) -> None:
    found = rows(graph, "claims-by-speaker", speaker="Péter Szijjártó")
    assert pick(found, "speaker", "date", "subject", "relation", "object") == [
        ("Péter Szijjártó", "2024-01-10", "Hungary", "BUY_FROM", "Russia"),
    ]
    assert rows(graph, "claims-by-speaker") == found  # every speaker: there is one
    assert rows(graph, "claims-by-speaker", speaker="Vladimir Putin") == []


def test_shortest_path(graph: Driver) -> None:
    found = rows(graph, "shortest-path", actor1="Vladimir Putin", actor2="Volodymyr Zelensky")
    assert pick(found, "hops", "actors", "relations") == [
        (2, ["Vladimir Putin", "Viktor Orbán", "Volodymyr Zelensky"], ["MET", "CRITICIZED"]),
    ]
    assert found[0]["path"] == "Vladimir Putin <-[MET]- Viktor Orbán <-[CRITICIZED]- Volodymyr Zelensky"
    assert rows(graph, "shortest-path", actor1="Vladimir Putin", actor2="Volodymyr Zelensky", max_hops=1) == []


def test_common_partners(graph: Driver) -> None:
    found = rows(graph, "common-partners", actor1="Hungary", actor2="Ukraine")
    assert pick(found, "partner", "with_first", "with_second", "events_with_first", "events_with_second") == [
        ("Russia", ["BOUGHT_FROM"], ["ATTACKED"], 1, 1),
    ]
    eu_side = rows(graph, "common-partners", actor1="Hungary", actor2="European Union")
    assert pick(eu_side, "partner", "with_first", "with_second", "events_with_second") == [
        ("Russia", ["BOUGHT_FROM"], ["SANCTIONED"], 2),
    ]


def test_new_relations(graph: Driver) -> None:
    found = rows(graph, "new-relations", since="2024-02-01")
    assert pick(found, "first_date", "subject", "relation", "object", "events") == [
        ("2024-02-04", "Russia", "ATTACKED", "Ukraine", 1),
        ("2024-02-05", "European Union", "CRITICIZED", "Hungary", 1),
        ("2024-03-19", "Volodymyr Zelensky", "CRITICIZED", "Viktor Orbán", 1),
        ("2024-03-20", "Volodymyr Zelensky", "PRAISED", "European Union", 1),
    ]


def test_summary(graph: Driver, neo4j_server: Neo4jTestServer) -> None:
    found = {(row["section"], row["key"]): row["value"] for row in rows(graph, "summary")}
    assert (found[("articles", "all")], found[("articles", "near-duplicate copies")]) == ("3", "0")
    store = Neo4jStore(neo4j_server.store_settings())
    assert store.link_copies([CopyLink(Article("url:https://wire.example/a1", "", "Orbán meets Putin (wire)"), "a1",
                                       0.9)]) == 1
    store.close()
    found = {(row["section"], row["key"]): row["value"] for row in rows(graph, "summary")}
    assert (found[("articles", "all")], found[("articles", "near-duplicate copies")]) == ("4", "1")
    assert (found[("actors", "COUNTRY")], found[("actors", "PERSON")], found[("actors", "ORGANIZATION")]) == (
        "3", "4", "1")
    assert (found[("events", "MEET")], found[("events", "SANCTION")], found[("events", "ATTACK")]) == ("2", "2", "1")
    assert (found[("dates", "first")], found[("dates", "last")]) == ("2024-01-09", "2024-03-20")


def test_every_library_query_has_a_test() -> None:
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(LIBRARY) <= tested
    assert len(LIBRARY) >= 10


def test_parameters_are_checked_and_typed(tmp_path: Path) -> None:
    profile = LIBRARY["actor-profile"]
    assert parse_params(["actor=Viktor Orbán", "limit=3"], profile) == {"actor": "Viktor Orbán", "limit": 3}
    with pytest.raises(QueryError, match="needs --param actor"):
        profile.bind({})
    with pytest.raises(QueryError, match="no parameter colour"):
        parse_params(["colour=red"], profile)
    with pytest.raises(QueryError, match="is not a whole number"):
        parse_params(["limit=many"], profile)
    broken = tmp_path / "broken.cypher"
    broken.write_text("// @description x\n// @param who string  Somebody.\nRETURN 1;\n", encoding="utf-8")
    with pytest.raises(QueryError, match="never used"):
        parse_query(broken)


@pytest.mark.parametrize(("query", "assignment", "message"), [
    ("actor-profile", "limit=99999999999999999999999", "parameter limit: '99999999999999999999999' is not a whole "
     "number (out of the 64-bit range Neo4j can hold)"),
    ("actor-profile", "limit=-9223372036854775809", "out of the 64-bit range"),
    ("meetings", "to=yesterday", "parameter to: 'yesterday' is not a date (YYYY-MM-DD) (not written YYYY-MM-DD)"),
    ("meetings", "from=2024-13-45", "parameter from: '2024-13-45' is not a date (YYYY-MM-DD) (month must be in 1..12)"),
    ("new-relations", "since=2024-02-30", "parameter since: '2024-02-30' is not a date"),
    ("meetings", "from=2024-1-5", "not written YYYY-MM-DD"),
])
def test_parameters_out_of_their_declared_type_are_refused(query: str, assignment: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_params([assignment], LIBRARY[query])
    assert message in str(raised.value)


def test_parameters_within_their_declared_type_are_kept() -> None:
    assert parse_params(["limit=9223372036854775807"], LIBRARY["actor-profile"]) == {"limit": 2**63 - 1}
    assert parse_params(["from=2024-02-29", "to=null"], LIBRARY["meetings"]) == {"from": "2024-02-29", "to": None}
    assert LIBRARY["meetings"].bind({}) == {"from": "0000-01-01", "to": "9999-12-31"}
