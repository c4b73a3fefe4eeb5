"""The graph, or a slice of it, as pandas DataFrames for local analysis.

``load_frames`` reads from the embedded SQLite store or from Neo4j into two DataFrames:
``events`` (one row per event, with the sentence and the article's title and address it was
read from) and ``actors`` (the actors those events name). Filters are applied by the store's
query, so a slice never loads the whole graph.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from graph.neo4j_store import read_cypher
from graph.store import StoreError

EVENT_COLUMNS = (
    "id", "article_id", "date", "type", "edge", "cameo", "quad_class", "goldstein", "reciprocal", "polarity",
    "modality", "subject_id", "object_id", "attributed_to_id", "sentence", "pairing",
)
ARTICLE_COLUMNS = ("article_title", "article_url")
ACTOR_COLUMNS = ("id", "name", "type", "country", "title", "aliases")


def rows_of(frame: pd.DataFrame, *columns: str) -> Iterator[tuple[Any, ...]]:
    """The values of some columns of a DataFrame, row by row, as plain Python values."""
    return zip(*(frame[column].tolist() for column in columns), strict=True)


@dataclass(frozen=True)
class Slice:
    """Which events to load. Dates are inclusive ISO strings; ``types`` are relation types
    (``MEET``); ``actors`` are actor ids, keeping events where any of them is subject or object.
    Negated events ("did not meet") are left out unless ``include_negated``."""

    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    include_negated: bool = False

    def parameters(self) -> dict[str, Any]:
        return {"date_from": self.date_from, "date_to": self.date_to, "types": list(self.types),
                "actors": list(self.actors), "include_negated": self.include_negated}


@dataclass(frozen=True)
class GraphFrames:
    """Events and the actors they name."""

    events: pd.DataFrame
    actors: pd.DataFrame

    def actor_name(self, actor_id: str) -> str:
        names = self.actors.loc[self.actors["id"] == actor_id, "name"]
        return str(names.iloc[0]) if len(names) else actor_id

    def resolve(self, text: str) -> str:
        """The id of the actor named ``text`` (its id, name or an alias, any case)."""
        for actor_id, name, aliases in rows_of(self.actors, "id", "name", "aliases"):
            if names(text, actor_id, name, aliases):
                return str(actor_id)
        raise KeyError(f"no actor named {text!r} in this slice")


def names(text: str, actor_id: str, name: str, aliases: Iterable[str]) -> bool:
    """Whether ``text`` is the actor's id, name or one of its aliases, in any case."""
    folded = text.casefold()
    return folded in (str(actor_id).casefold(), str(name).casefold(), *(str(a).casefold() for a in aliases))


def matching_ids(texts: Sequence[str], actors: Iterable[tuple[str, str, Iterable[str]]]) -> tuple[str, ...]:
    """The ids of the actors (id, name, aliases) that any of ``texts`` names, sorted; every text
    must name at least one actor (a name several actors share gives all of them)."""
    found: dict[str, set[str]] = {text: set() for text in texts}
    for actor_id, name, aliases in actors:
        aliases = tuple(aliases)
        for text, ids in found.items():
            if names(text, actor_id, name, aliases):
                ids.add(actor_id)
    missing = [text for text, ids in found.items() if not ids]
    if missing:
        raise KeyError(f"no actor named {', '.join(map(repr, missing))} in the graph")
    return tuple(sorted(set().union(*found.values())))


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the embedded store in ``path``; a missing file is a
    ``FileNotFoundError`` and a file that is not a store a ``StoreError``, both naming it."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no embedded store here (run geokg ingest first)")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield connection
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot read the embedded store ({error})") from error
    finally:
        connection.close()


def actor_ids_sqlite(path: Path, texts: Sequence[str]) -> tuple[str, ...]:
    """The ids of the actors of the embedded store in ``path`` named by ``texts`` (for ``Slice.actors``)."""
    with _reading(path) as connection:
        rows = connection.execute("SELECT id, name, aliases FROM actors").fetchall()
    return matching_ids(texts, ((i, n, json.loads(a)) for i, n, a in rows))


def actor_ids_neo4j(driver: Any, database: str, texts: Sequence[str]) -> tuple[str, ...]:
    """The ids of the actors of a Neo4j graph named by ``texts`` (for ``Slice.actors``)."""
    with driver.session(database=database) as session:
        return matching_ids(texts, (record.values() for record in session.run(read_cypher("read_actor_names"))))


def by_country(frames: GraphFrames) -> GraphFrames:
    """The frames with every actor that acts for a state replaced by that state (Orbán and
    Szijjártó become Hungary), so dyads can be read between countries. Events that become a
    country acting on itself are left out; actors with no country stay as they are."""
    country_of = {a: f"country:{c}" for a, c in rows_of(frames.actors, "id", "country") if c}
    events = frames.events.assign(
        subject_id=frames.events["subject_id"].map(lambda a: country_of.get(a, a)),
        object_id=frames.events["object_id"].map(lambda a: country_of.get(a, a)),
    )
    events = events[events["subject_id"] != events["object_id"]].reset_index(drop=True)
    known = dict(zip(frames.actors["id"], frames.actors["name"], strict=True))
    ids = sorted(set(events["subject_id"]) | set(events["object_id"]))
    actors = pd.DataFrame(
        [frames.actors[frames.actors["id"] == i].iloc[0].tolist() if i in known
         else [i, i.removeprefix("country:"), "COUNTRY", i.removeprefix("country:"), None, []] for i in ids],
        columns=list(ACTOR_COLUMNS), dtype=object,
    )
    return GraphFrames(events, actors)


def _frames(columns: dict[str, list[Any]], actor_rows: Iterable[Sequence[Any]],
            article_rows: Iterable[Sequence[Any]]) -> GraphFrames:
    # object columns keep None for missing values (pandas would otherwise turn text into its
    # string dtype, with NaN for None)
    events = pd.DataFrame(columns, columns=list(EVENT_COLUMNS), dtype=object)
    articles = {article_id: (title, url) for article_id, title, url in article_rows}
    for position, column in enumerate(ARTICLE_COLUMNS):
        events[column] = pd.Series([articles[a][position] for a in columns["article_id"]], dtype=object)
    events["quad_class"] = events["quad_class"].astype("int64")
    events["goldstein"] = events["goldstein"].astype("float64")
    events["reciprocal"] = events["reciprocal"].astype(bool)
    actors = pd.DataFrame(list(actor_rows), columns=list(ACTOR_COLUMNS), dtype=object)
    return GraphFrames(events, actors.sort_values("id", ignore_index=True))


def _append(columns: dict[str, list[Any]], values: Sequence[Any]) -> None:
    for name, value in zip(EVENT_COLUMNS, values, strict=True):
        columns[name].append(value)


def from_sqlite(path: Path, part: Slice = Slice()) -> GraphFrames:
    """A slice of the embedded store in ``path``."""
    with _reading(path) as connection:
        parameters = part.parameters()
        query = (
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE "
            "(:date_from IS NULL OR date >= :date_from) AND (:date_to IS NULL OR date <= :date_to) "
            "AND (:no_types OR type IN (SELECT value FROM json_each(:types))) "
            "AND (:no_actors OR subject_id IN (SELECT value FROM json_each(:actors)) "
            "     OR object_id IN (SELECT value FROM json_each(:actors))) "
            "AND (:include_negated OR polarity <> 'negated') ORDER BY id"
        )
        values = {**parameters, "types": json.dumps(parameters["types"]), "actors": json.dumps(parameters["actors"]),
                  "no_types": not part.types, "no_actors": not part.actors}
        columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
        ids: set[str] = set()
        for row in connection.execute(query, values):
            _append(columns, row)
            ids.update(i for i in row[11:14] if i is not None)
        article_rows = connection.execute(
            "SELECT id, title, url FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(columns["article_id"]))),),
        ).fetchall()
        actor_rows = [
            (*row[:5], json.loads(row[5]))
            for row in connection.execute(
                "SELECT id, name, type, country, title, aliases FROM actors "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(ids)),),
            )
        ]
    return _frames(columns, actor_rows, article_rows)


def from_neo4j(driver: Any, database: str = "neo4j", part: Slice = Slice()) -> GraphFrames:
    """A slice of a Neo4j graph, read with one streamed query (rows are consumed as they arrive)."""
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
    ids: set[str] = set()
    with driver.session(database=database) as session:
        for record in session.run(read_cypher("read_events"), part.parameters()):
            values = record.values()
            _append(columns, values)
            ids.update(i for i in values[11:14] if i is not None)
        order = sorted(range(len(columns["id"])), key=columns["id"].__getitem__)
        columns = {name: [values[i] for i in order] for name, values in columns.items()}
        actor_rows = [record.values() for record in session.run(read_cypher("read_actors"), ids=sorted(ids))]
        article_rows = [record.values() for record in
                        session.run(read_cypher("read_articles"), ids=sorted(set(columns["article_id"])))]
    return _frames(columns, actor_rows, article_rows)
