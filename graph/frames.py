"""The graph, or a slice of it, as pandas DataFrames for local analysis.

``load_frames`` reads any backend through its bulk-read interface (``graph.reader.GraphReader``)
into two DataFrames: ``events`` (one row per event, with the sentence and the article's title and
address it was read from) and ``actors`` (the actors those events name). Filters are applied by
the backend's query, so a slice never loads the whole graph. This module imports no backend: the
conveniences ``from_sqlite``, ``from_neo4j`` and ``from_parquet`` import theirs when called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from graph.reader import DEFAULT_SLICE, ActorRow, EventRow, GraphReader, Slice

if TYPE_CHECKING:
    from neo4j import Driver

__all__ = [
    "ACTOR_COLUMNS", "ARTICLE_COLUMNS", "EVENT_COLUMNS", "GraphFrames", "Slice", "actor_ids", "by_country",
    "from_neo4j", "from_parquet", "from_sqlite", "load_frames", "matching_ids", "names", "rows_of",
]

EVENT_COLUMNS = EventRow._fields
ARTICLE_COLUMNS = ("article_title", "article_url")
ACTOR_COLUMNS = ActorRow._fields


def rows_of(frame: pd.DataFrame, *columns: str) -> Iterator[tuple[Any, ...]]:
    """The values of some columns of a DataFrame, row by row, as plain Python values."""
    return zip(*(frame[column].tolist() for column in columns), strict=True)


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


def actor_ids(reader: GraphReader, texts: Sequence[str]) -> tuple[str, ...]:
    """The ids of the actors of the graph named by ``texts`` (for ``Slice.actors``)."""
    return matching_ids(texts, ((a.id, a.name, a.aliases) for a in reader.all_actors()))


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


def load_frames(reader: GraphReader, part: Slice = DEFAULT_SLICE) -> GraphFrames:
    """A slice of the graph behind ``reader``: its events by id, the actors and articles they name."""
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
    appends = [columns[name].append for name in EVENT_COLUMNS]
    for row in reader.events(part):  # into columns as the rows arrive, holding no row
        for append, value in zip(appends, row, strict=True):
            append(value)
    ids = columns["id"]
    if any(ids[i] > ids[i + 1] for i in range(len(ids) - 1)):
        order = sorted(range(len(ids)), key=ids.__getitem__)
        columns = {name: [values[i] for i in order] for name, values in columns.items()}
    named = {*columns["subject_id"], *columns["object_id"], *columns["attributed_to_id"]} - {None}
    # object columns keep None for missing values (pandas would otherwise turn text into its
    # string dtype, with NaN for None)
    events = pd.DataFrame(columns, columns=list(EVENT_COLUMNS), dtype=object)
    articles = {row.id: (row.title, row.url) for row in reader.articles(sorted(set(columns["article_id"])))}
    unknown = (None, None)  # an article a Parquet dataset's articles table lacks; the stores hold every one
    for position, column in enumerate(ARTICLE_COLUMNS):
        events[column] = pd.Series([articles.get(a, unknown)[position] for a in columns["article_id"]], dtype=object)
    events["quad_class"] = events["quad_class"].astype("int64")
    events["goldstein"] = events["goldstein"].astype("float64")
    events["reciprocal"] = events["reciprocal"].astype(bool)
    actor_rows = [(*row[:-1], list(row.aliases)) for row in reader.actors(sorted(named))]
    actors = pd.DataFrame(actor_rows, columns=list(ACTOR_COLUMNS), dtype=object)
    return GraphFrames(events, actors.sort_values("id", ignore_index=True))


def from_sqlite(path: Path, part: Slice = DEFAULT_SLICE) -> GraphFrames:
    """A slice of the embedded store in ``path``, opened read-only."""
    from graph.sqlite_store import SqliteReader

    reader = SqliteReader.open(path)
    try:
        return load_frames(reader, part)
    finally:
        reader.close()


def from_neo4j(driver: Driver, database: str = "neo4j", part: Slice = DEFAULT_SLICE) -> GraphFrames:
    """A slice of a Neo4j graph, read through ``driver`` (which stays open)."""
    from graph.neo4j_store import Neo4jReader

    return load_frames(Neo4jReader(driver, database), part)


def from_parquet(directory: Path, part: Slice = DEFAULT_SLICE) -> GraphFrames:
    """A slice of the Parquet dataset of ``geokg spark extract`` in ``directory``."""
    from graph.parquet_reader import ParquetReader

    return load_frames(ParquetReader(directory), part)
