"""Triple records read back for `geokg load`: every rule extraction output follows is checked,
and a refused line stores nothing (a hypothesis fuzz test through the real reader and the real
embedded store)."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.ontology import load_ontology
from extract.pipeline import Extractor
from graph.model import Article
from graph.records import event_record
from graph.sqlite_store import SqliteStore
from loaders.sources import InputError
from loaders.triples import checked_lines, read_triples

RELATIONS = load_ontology().relations
TEXT = ("Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban in Beijing on Tuesday.\n\n"
        "The European Union imposed sanctions on Belarus.")


@pytest.fixture(scope="module")
def records(extractor: Extractor) -> list[dict[str, Any]]:
    (extraction,) = extractor.extract_many([Article("triples-1", TEXT, None, "2023-10-19")])
    assert len(extraction.events) >= 2
    return [event_record(e) for e in extraction.events]


def _changed(record: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    *parents, last = path.split(".")
    target = changed
    for key in parents:
        target = target[key]
    target[last] = value
    return changed


def test_extraction_output_is_accepted_as_it_is(records: list[dict[str, Any]]) -> None:
    lines = [json.dumps(r) for r in records]
    triples = read_triples(lines, "t.jsonl", RELATIONS)
    assert triples.errors == []
    assert sorted(e for events in triples.events.values() for e in events) == sorted(r["id"] for r in records)


BAD = [
    ("date", "2024-13-45", "not a calendar date"),
    ("date", "yesterday", "not a calendar date"),
    ("relation.type", "NUKE", "not a relation type of the ontology"),
    ("relation.edge", "MET` {x:1}]->() MATCH (n) DETACH DELETE n //", "is not the edge of"),
    ("relation.cameo", "190", "is not the cameo of"),
    ("subject.name", "Viktor\x00Orban", "without control characters"),
    ("subject.name", "Viktor\r\nOrban", "without control characters"),
    ("object.name", "", "1 to 500 characters"),
    ("subject.id", "person:viktor orban", "not an actor id"),
    ("subject.id", "admin:root", "not an actor id"),
    ("subject.type", "ALIEN", "not one of"),
    ("subject.country", "hungary", "alpha-3"),
    ("subject.aliases", ["ok", "bad\nalias"], "control characters"),
    ("polarity", "maybe", "not one of"),
    ("confidence", 7.5, "between"),
    ("confidence", "high", "a number"),
    ("char_start", -1, "first evidence"),
    ("evidence", [{"sentence": "x", "char_start": -1, "char_end": 2}], "character offset"),
    ("evidence", [{"sentence": "x", "char_start": 5, "char_end": 2}], "before char_start"),
    ("article_id", "a\nb", "control characters"),
    ("article_id", 12, "expected text"),
    ("id", "event:0000", "not an event id"),
    ("id", "event:" + "0" * 24, "not the id of this triple"),
    ("date_precision", "century", "not one of"),
    ("relation.attributes", {"colour": "red"}, "not one of"),
    ("extractor", None, "expected text"),
]


@pytest.mark.parametrize(("path", "value", "reason"), BAD, ids=[f"{p}={v!r}"[:40] for p, v, _ in BAD])
def test_a_line_that_breaks_a_rule_is_refused_with_its_line_number(
    records: list[dict[str, Any]], path: str, value: object, reason: str
) -> None:
    lines = [json.dumps(records[0]), json.dumps(_changed(records[1], path, value))]
    triples = read_triples(lines, "t.jsonl", RELATIONS)
    (error,) = triples.errors
    assert (error.source, error.line) == ("t.jsonl", 2)
    assert reason in error.message
    assert list(triples.events["triples-1"]) == [records[0]["id"]]


def test_the_stored_edge_comes_from_the_ontology(records: list[dict[str, Any]]) -> None:
    without = copy.deepcopy(records[0])
    del without["relation"]["edge"], without["relation"]["cameo"]
    without["relation"]["goldstein"] = 99.0  # never trusted: the ontology's score is stored
    ((_, event),) = list(checked_lines([json.dumps(without)], "t.jsonl", RELATIONS))
    assert not isinstance(event, InputError)
    known = RELATIONS[records[0]["relation"]["type"]]
    assert (event.relation.edge_type, event.relation.goldstein) == (known.edge_type, known.goldstein)


# --- fuzzing: any line, however broken, is refused or loaded, never a traceback, and a refused
# line changes nothing in the store

def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


def _mutated(records: list[dict[str, Any]]) -> st.SearchStrategy[str]:
    """A valid record with one field (possibly nested) replaced by any JSON value, or deleted."""
    def paths(value: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
        if isinstance(value, dict):
            for key, inner in value.items():
                yield (*prefix, key)
                yield from paths(inner, (*prefix, key))

    def mutate(record: dict[str, Any], path: tuple[str, ...], value: Any, delete: bool) -> str:
        changed = copy.deepcopy(record)
        target = changed
        for key in path[:-1]:
            target = target[key]
        if delete:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return json.dumps(changed)

    return st.sampled_from(records).flatmap(
        lambda record: st.builds(mutate, st.just(record), st.sampled_from(sorted(paths(record))), _json_values(),
                                 st.booleans()))


def _lines(records: list[dict[str, Any]]) -> st.SearchStrategy[str]:
    return st.one_of(
        _mutated(records),
        st.builds(json.dumps, _json_values()),
        st.text(max_size=200),
        st.binary(max_size=100).map(lambda raw: raw.decode("utf-8", errors="replace")),
    )


def _snapshot(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return [row for table in ("actors", "articles", "events", "copies")
                for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1")]


def _fuzz_loading(records: list[dict[str, Any]], tmp_path: Path, examples: int) -> None:
    path = tmp_path / "fuzz.sqlite"
    store, scratch = SqliteStore(path), SqliteStore(tmp_path / "scratch.sqlite")
    store.ensure_schema()
    scratch.ensure_schema()
    lines = [json.dumps(r) for r in records]
    store.load(read_triples(lines, "seed", RELATIONS).extractions())
    seeded = _snapshot(path)
    outcomes = {"refused": 0, "loaded": 0}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(line=_lines(records))
    def load_one(line: str) -> None:
        triples = read_triples([line], "fuzz.jsonl", RELATIONS)
        if triples.errors:
            outcomes["refused"] += 1
            assert not triples.events and triples.errors[0].line == 1
            store.load(triples.extractions(), replace=False)
            assert _snapshot(path) == seeded
        elif triples.events:
            outcomes["loaded"] += 1
            scratch.load(triples.extractions(), replace=False)  # a valid line loads (elsewhere)

    try:
        load_one()
    finally:
        store.close()
        scratch.close()
    assert outcomes["refused"] > examples // 2 and outcomes["loaded"] > 0


def test_fuzzed_lines_are_refused_or_loaded_never_a_traceback(records: list[dict[str, Any]], tmp_path: Path) -> None:
    _fuzz_loading(records, tmp_path, 1000)


@pytest.mark.fuzz
def test_fuzzed_lines_long_run(records: list[dict[str, Any]], tmp_path: Path) -> None:
    _fuzz_loading(records, tmp_path, 20000)
