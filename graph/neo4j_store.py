"""The Neo4j store: the graph model written with batched, parameterised Cypher.

Every batch is one managed write transaction (retried by the driver on transient errors):
articles, actors, stale events removed, events MERGEd on deterministic ids, and the aggregated
relationships of every touched actor pair recomputed from their events. The Cypher lives in
``graph/cypher/*.cypher``; the only text spliced into a query is an edge name from the
ontology, checked to be a plain identifier.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.model import Actor, ActorType, CopyLink, Extraction
from graph.reader import (
    EXTRACTION_PAGE,
    ActorRow,
    ArticleRow,
    EventRow,
    Slice,
    actor_of,
    article_of,
    extractions_of,
    paged_rows,
)
from graph.redact import redacted
from graph.store import ACTOR_LABELS, SCHEMA_VERSION, Batch, LoadReport, StoreError, aggregate_pair, copy_row

CYPHER_DIR = Path(__file__).parent / "cypher"
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_EDGE = re.compile(r"^[A-Z][A-Z_]*$")


def read_cypher(name: str) -> str:
    """A query file of ``graph/cypher`` without its comment lines."""
    text = (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


# The write queries carry index hints, so their first plan stays good as the graph grows; without
# this, Neo4j recompiles them again and again while a fresh database fills up.
_STABLE_PLAN = "CYPHER replan=skip "


def statements(name: str) -> list[str]:
    """The ``;``-separated statements of a query file."""
    return [part.strip() for part in read_cypher(name).split(";") if part.strip()]


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the server is; read from the environment by ``from_env``."""

    uri: str
    user: str
    password: str
    database: str = "neo4j"

    @property
    def display_uri(self) -> str:
        """The address as it may be printed: any user and password in it hidden."""
        return redacted(self.uri)

    @staticmethod
    def from_env() -> Neo4jSettings:
        missing = [name for name in ("NEO4J_URI", "NEO4J_PASSWORD") if not os.environ.get(name)]
        if missing:
            raise StoreError(f"set {' and '.join(missing)} to use the Neo4j store (see .env.example)")
        return Neo4jSettings(
            uri=checked_uri(os.environ["NEO4J_URI"]),
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ["NEO4J_PASSWORD"],
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )


def checked_uri(uri: str) -> str:
    """``uri`` when it is a Neo4j address the driver can use; else one ``StoreError`` naming
    NEO4J_URI, with any password in it hidden."""
    example = "use bolt://HOST:7687 or neo4j://HOST:7687 (bolt+s/neo4j+s for TLS)"
    try:
        parts = urlsplit(uri.strip())
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in URI_SCHEMES or not parts.hostname:
        raise StoreError(f"NEO4J_URI {redacted(uri)!r} is not a Neo4j address; {example}")
    if parts.username is not None or parts.password is not None:
        raise StoreError(f"NEO4J_URI {redacted(uri)!r} carries a user or password; put them in NEO4J_USER and "
                         "NEO4J_PASSWORD instead")
    if parts.path not in ("", "/") or parts.fragment or port == 0:
        raise StoreError(f"NEO4J_URI {redacted(uri)!r} is not a Neo4j address (a path, fragment or port 0); "
                         f"{example}")
    return uri.strip()


def _edge_query(name: str, edge: str) -> str:
    if not _EDGE.match(edge):
        raise StoreError(f"refusing edge name {edge!r}: not a plain identifier")
    return _STABLE_PLAN + read_cypher(name).replace("__EDGE__", edge)


def _differs(stored: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether a stored event's aggregated values differ from its new extraction."""
    return (stored["date"], stored["goldstein"]) != (event["date"], event["goldstein"])


def _sums(events: list[dict[str, Any]]) -> dict[tuple[str, bool], list[dict[str, Any]]]:
    """New events summed per edge type and aggregate pair, ready for add_to_aggregates."""
    sums: dict[tuple[str, bool, str, str], dict[str, Any]] = {}
    for event in events:
        reciprocal = bool(event["reciprocal"])
        subject, obj = aggregate_pair(event["subject_id"], event["object_id"], reciprocal)
        key = (event["edge"], reciprocal, subject, obj)
        row = sums.setdefault(key, {"subject_id": subject, "object_id": obj, "count": 0, "goldstein_sum": 0.0,
                                    "negated_count": 0, "first_date": None, "last_date": None})
        row["count"] += 1
        row["goldstein_sum"] += event["goldstein"]
        row["negated_count"] += event["polarity"] == "negated"
        date = event["date"]
        if date is not None:
            row["first_date"] = date if row["first_date"] is None else min(row["first_date"], date)
            row["last_date"] = date if row["last_date"] is None else max(row["last_date"], date)
    grouped: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for (edge, reciprocal, _, _), row in sorted(sums.items()):
        grouped[(edge, reciprocal)].append(row)
    return grouped


class Neo4jReader:
    """Bulk reads of a Neo4j database (``graph.reader.GraphReader``) through a driver that the
    caller owns and closes; each read streams its rows as the server sends them."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def _records(self, name: str, **parameters: Any) -> Iterator[neo4j.Record]:
        with self.driver.session(database=self.database) as session:
            yield from session.run(read_cypher(name), parameters)

    def _maps(self, name: str, key: str, **parameters: Any) -> list[dict[str, Any]]:
        return [dict(record[key]) for record in self._records(name, **parameters)]

    def events(self, part: Slice) -> Iterator[EventRow]:
        return map(EventRow._make, self._records("read_events", **part.parameters()))

    def actors(self, ids: Sequence[str]) -> Iterator[ActorRow]:
        for actor_id, name, kind, country, title, aliases in self._records("read_actors", ids=list(ids)):
            yield ActorRow(actor_id, name, kind, country, title, tuple(aliases))

    def articles(self, ids: Sequence[str]) -> Iterator[ArticleRow]:
        return map(ArticleRow._make, self._records("read_articles", ids=list(ids)))

    def all_actors(self) -> Iterator[Actor]:
        return (actor_of(record["actor"]) for record in self._records("read_all_actors"))

    def pages(self, size: int = EXTRACTION_PAGE) -> Iterator[Batch]:
        def actors_of(ids: list[str]) -> list[dict[str, Any]]:
            rows = self._maps("read_full_actors", "actor", ids=ids)
            for row in rows:
                row["label"] = ACTOR_LABELS[ActorType(row["type"])]
            return rows

        return paged_rows(
            lambda after, limit: self._maps("read_article_page", "article", after=after, limit=limit),
            lambda ids: self._maps("read_article_events", "event", ids=ids),
            actors_of,
            size,
        )

    def extractions(self, page: int = EXTRACTION_PAGE) -> Iterator[Extraction]:
        return extractions_of(self.pages(page))

    def copies(self) -> Iterator[CopyLink]:
        for record in self._records("read_copies"):
            yield CopyLink(article_of(record["copy"]), record["original_id"], record["similarity"])

    def close(self) -> None:
        """Nothing to release: the driver is the caller's."""


class Neo4jStore(Neo4jReader):
    """The graph in a Neo4j database, written and read."""

    def __init__(self, settings: Neo4jSettings, batch_size: int = 5000) -> None:
        self.settings = settings
        self.database = settings.database
        self.batch_size = batch_size
        # notifications off: an empty database warns about property keys it has not seen yet
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password), notifications_min_severity="OFF"
            )
        except (ValueError, ImportError, ConfigurationError) as error:  # an address the driver cannot use
            raise StoreError(f"NEO4J_URI {redacted(settings.uri)!r}: the Neo4j driver refuses it "
                             f"({redacted(str(error))})") from None
        self._queries = {name: _STABLE_PLAN + read_cypher(name) for name in (
            "write_articles", "write_actors", "stale_events", "write_events", "create_events", "existing_events",
            "known_articles", "write_copies", "remove_unnamed_actors",
        )}
        self._checked = False

    def _fail(self, error: Exception, doing: str) -> StoreError:
        if isinstance(error, AuthError):
            return StoreError(f"{self.settings.display_uri}: authentication failed for user {self.settings.user}")
        if isinstance(error, ServiceUnavailable | SessionExpired | OSError):
            return StoreError(f"{self.settings.display_uri}: Neo4j is not reachable ({doing}; nothing was written)")
        return StoreError(f"{self.settings.display_uri}: {doing} failed ({redacted(str(error))})")

    def _reachable(self) -> None:
        """Fail fast with one clear error instead of retrying against a server that is not there."""
        if self._checked:
            return
        try:
            self.driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, SessionExpired, OSError, ValueError) as error:
            raise self._fail(error, "connecting") from error
        self._checked = True

    def verify(self) -> None:
        """Raise one clear ``StoreError`` if the server cannot be reached or refuses the login."""
        self._reachable()

    def ensure_schema(self) -> None:
        self._reachable()
        try:
            for statement in statements("schema"):
                self.driver.execute_query(statement, {"version": SCHEMA_VERSION}, database_=self.settings.database)
        except (Neo4jError, ServiceUnavailable, OSError) as error:
            raise self._fail(error, "creating the schema") from error

    def schema_version(self) -> int:
        records, _, _ = self.driver.execute_query(
            "MATCH (s:SchemaVersion {key: 'geokg'}) RETURN s.version AS version", database_=self.settings.database
        )
        return int(records[0]["version"]) if records else 0

    def load(self, extractions: Iterable[Extraction], replace: bool = True) -> LoadReport:
        batch = Batch.of(extractions)
        self._reachable()
        try:
            with self.driver.session(database=self.settings.database) as session:
                return session.execute_write(self._write, batch, replace)
        except (Neo4jError, ServiceUnavailable, SessionExpired, OSError) as error:
            raise self._fail(error, "writing a batch") from error

    def _write(self, tx: neo4j.ManagedTransaction, batch: Batch, replace: bool) -> LoadReport:
        def run(query: str, **parameters: Any) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, parameters)]

        # only articles stored before can have stale or existing events; a new article's events are new
        created: set[str] = set()
        for start in range(0, len(batch.articles), self.batch_size):
            rows = run(self._queries["write_articles"], rows=batch.articles[start : start + self.batch_size])
            created.update(row["id"] for row in rows if row["created"])
        for start in range(0, len(batch.actors), self.batch_size):
            run(self._queries["write_actors"], rows=batch.actors[start : start + self.batch_size])
        kept: dict[str, list[str]] = {a["id"]: [] for a in batch.articles if a["id"] not in created}
        for event in batch.events:
            if event["article_id"] in kept:
                kept[event["article_id"]].append(event["id"])
        removed = run(self._queries["stale_events"],
                      articles=[{"id": k, "event_ids": v} for k, v in kept.items()]) if kept and replace else []
        fresh = [e for e in batch.events if e["article_id"] not in kept]
        again = [e for e in batch.events if e["article_id"] in kept]
        stored = {row["id"]: row for row in run(self._queries["existing_events"], ids=[e["id"] for e in again])
                  } if again else {}
        new = fresh + [e for e in again if e["id"] not in stored]
        changed = [e for e in again if e["id"] in stored and _differs(stored[e["id"]], e)]
        for start in range(0, len(fresh), self.batch_size):
            run(self._queries["create_events"], rows=fresh[start : start + self.batch_size])
        for start in range(0, len(again), self.batch_size):
            run(self._queries["write_events"], rows=again[start : start + self.batch_size])
        # new events add to their aggregates; removed or changed ones force a recount of the pair
        for (edge, _), rows in _sums(new).items():
            run(_edge_query("add_to_aggregates", edge), pairs=rows)
        recount: dict[tuple[str, bool], set[tuple[str, str]]] = defaultdict(set)
        for key in [*removed, *changed]:
            reciprocal = bool(key["reciprocal"])
            recount[(key["edge"], reciprocal)].add(aggregate_pair(key["subject_id"], key["object_id"], reciprocal))
        for (edge, reciprocal), keys in sorted(recount.items()):
            name = "refresh_reciprocal_aggregates" if reciprocal else "refresh_aggregates"
            rows = [{"subject_id": s, "object_id": o} for s, o in sorted(keys)]
            run(_edge_query(name, edge), pairs=rows, edge=edge)
        named = sorted({row[key] for row in removed for key in ("subject_id", "object_id", "speaker_id")
                        if row[key] is not None})
        actors_removed = run(self._queries["remove_unnamed_actors"], ids=named)[0]["removed"] if named else 0
        return LoadReport(len(batch.articles), len(batch.events), len(removed), actors_removed)

    def link_copies(self, links: Iterable[CopyLink]) -> int:
        rows = [copy_row(link) for link in links]
        if not rows:
            return 0
        self._reachable()

        def write(tx: neo4j.ManagedTransaction) -> int:
            originals = sorted({row["original_id"] for row in rows})
            stored = {record["id"] for record in tx.run(self._queries["known_articles"], ids=originals)}
            kept = [row for row in rows if row["original_id"] in stored]
            tx.run(self._queries["write_articles"], rows=kept).consume()
            tx.run(self._queries["write_copies"], rows=kept).consume()
            return len(kept)

        try:
            with self.driver.session(database=self.settings.database) as session:
                return session.execute_write(write)
        except (Neo4jError, ServiceUnavailable, SessionExpired, OSError) as error:
            raise self._fail(error, "linking copies") from error

    def known_articles(self, ids: list[str]) -> set[str]:
        self._reachable()
        try:
            records, _, _ = self.driver.execute_query(
                self._queries["known_articles"], {"ids": ids}, database_=self.settings.database
            )
        except (Neo4jError, ServiceUnavailable, OSError) as error:
            raise self._fail(error, "reading articles") from error
        return {record["id"] for record in records}

    def counts(self) -> dict[str, int]:
        database = self.settings.database
        self._reachable()
        try:
            labels, _, _ = self.driver.execute_query(
                "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n", database_=database
            )
            types, _, _ = self.driver.execute_query(
                "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", database_=database
            )
        except (Neo4jError, ServiceUnavailable, OSError) as error:
            raise self._fail(error, "counting") from error
        counts = {record["label"]: record["n"] for record in labels if record["label"] != "SchemaVersion"}
        counts.update({record["type"]: record["n"] for record in types})
        return counts

    def aggregate(self, subject_id: str, edge: str, object_id: str) -> dict[str, Any] | None:
        if not _EDGE.match(edge):
            raise StoreError(f"refusing edge name {edge!r}: not a plain identifier")
        records, _, _ = self.driver.execute_query(
            f"MATCH (:Actor {{id: $s}})-[r:{edge}]-(:Actor {{id: $o}}) "
            "RETURN r.count AS count, r.first_date AS first_date, r.last_date AS last_date, "
            "r.goldstein_sum AS goldstein_sum, r.negated_count AS negated_count",
            {"s": subject_id, "o": object_id},
            database_=self.settings.database,
        )
        return records[0].data() if records else None

    def _one(self, query: str, node_id: str, doing: str) -> dict[str, Any] | None:
        """The map that ``query`` returns as ``found`` for the node with id ``node_id``, or None."""
        self._reachable()
        try:
            records, _, _ = self.driver.execute_query(query, {"id": node_id}, database_=self.settings.database)
        except (Neo4jError, ServiceUnavailable, OSError) as error:
            raise self._fail(error, doing) from error
        return dict(records[0]["found"]) if records else None

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        found = self._one("MATCH (a:Actor {id: $id}) RETURN a { .id, .name, .type, .country, .sector, .title, .since, "
                          ".until, .aliases } AS found", actor_id, "reading an actor")
        if found is not None:
            found["aliases"] = list(found["aliases"] or [])
        return found

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._one("MATCH (a:Article {id: $id}) RETURN a { .id, .url, .title, .published, .source, "
                         ".content_hash } AS found", article_id, "reading an article")

    def close(self) -> None:
        self.driver.close()

