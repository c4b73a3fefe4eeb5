"""The graph store interface and the rows both backends write.

A store holds the model of ``graph.model`` as a graph: ``Actor``, ``Article`` and ``Event``
nodes; ``SUBJECT``, ``OBJECT``, ``REPORTED_IN``, ``ATTRIBUTED_TO`` and ``HOLDS_ROLE``
relationships; one aggregated relationship per actor pair and relation type (``MET``,
``SANCTIONED``, ...) whose properties are always recomputed from the events beneath it; and
``COPY_OF`` from a near-duplicate article (a wire copy, not extracted) to the first copy.

Loading an article's extraction replaces its events (``replace=True``, what ingestion does):
events the new extraction no longer contains are deleted, so reloading the same extraction
changes nothing and re-extracting with a new extractor version leaves no stale events or
aggregates. With ``replace=False`` (what ``geokg load`` does unless asked) the given events are
added or updated and no stored event is removed.

An actor is stored while an event names it (as subject, object or speaker): when replacing removes
the last event that names an actor, the actor goes too, with its role links, so a re-extracted
graph holds the actors a fresh load of the same extractions would.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from graph.model import Actor, ActorType, Article, CopyLink, Event, Extraction

SCHEMA_VERSION = 5
PLAIN_EDGE = re.compile(r"^[A-Z][A-Z_]*$")  # edge names become relationship types in Cypher
ACTOR_LABELS: Mapping[ActorType, str] = {
    ActorType.PERSON: "Person",
    ActorType.COUNTRY: "Country",
    ActorType.ORGANIZATION: "Organization",
    ActorType.GROUP: "Group",
    ActorType.REGION: "Region",
}


class StoreError(RuntimeError):
    """The store cannot be reached or refused a write; nothing of the batch was written."""


@dataclass(frozen=True)
class LoadReport:
    """What one ``load`` call wrote."""

    articles: int
    events: int
    events_removed: int
    actors_removed: int = 0  # actors that the removed events were the last to name


class GraphStore(Protocol):
    """What every backend offers."""

    def ensure_schema(self) -> None:
        """Create constraints, indexes and the schema version, idempotently."""

    def schema_version(self) -> int:
        """The schema version stored in the graph (0 before ``ensure_schema``)."""

    def load(self, extractions: Iterable[Extraction], replace: bool = True) -> LoadReport:
        """Write a batch of articles with their events in one transaction; with ``replace`` an
        article's stored events that its extraction lacks are removed, without it none are."""

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type."""

    def known_articles(self, ids: list[str]) -> set[str]:
        """Which of these article ids the store holds."""

    def link_copies(self, links: Iterable[CopyLink]) -> int:
        """Store each near-duplicate article (without events) with a ``COPY_OF`` link to its first
        copy, idempotently, in one transaction; a link whose first copy is not stored is left out.
        Returns the number of links the store holds for ``links``."""

    def aggregate(self, subject_id: str, edge: str, object_id: str) -> dict[str, Any] | None:
        """The aggregated relationship between two actors, or None."""

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """An actor's stored properties (id, name, type, country, title, aliases, ...), or None."""

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored properties (id, url, title, published, source, content_hash), or None."""

    def close(self) -> None:
        """Release connections."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type.value,
        "label": ACTOR_LABELS[actor.type],
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
        "since": actor.since,
        "until": actor.until,
        "aliases": list(actor.aliases),
    }


def copy_row(link: CopyLink) -> dict[str, Any]:
    """A near-duplicate article's row, with the first copy it repeats and how similar it is."""
    return {**article_row(link.copy), "original_id": link.original_id, "similarity": link.similarity}


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.date,
        "source": article.source,
        # None when the text is unknown (an article loaded from triples): the store keeps its hash
        "content_hash": article.text_hash or (content_hash(article.text) if article.text else None),
    }


# one encoder for every row: json.dumps builds a new one per call whenever an option is set
_JSON = json.JSONEncoder(ensure_ascii=False)


def event_row(event: Event) -> dict[str, Any]:
    """One event as flat, parameter-only values (no map properties, which Neo4j refuses)."""
    relation = event.relation
    attributes = dict(event.attributes)
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": relation.name,
        "edge": relation.edge_type,
        "cameo": relation.cameo,
        "quad_class": relation.quad_class,
        "goldstein": relation.goldstein,
        "reciprocal": relation.reciprocal,
        "date": event.date,
        "date_precision": event.date_precision,
        "polarity": event.polarity.value,
        "modality": event.modality.value,
        "subject_id": event.subject.id,
        "object_id": event.object.id,
        "attributed_to_id": event.attributed_to.id if event.attributed_to else None,
        "sentence": event.sentence,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "evidence_count": len(event.evidence),
        "evidence": _JSON.encode([[e.char_start, e.char_end, e.sentence] for e in event.evidence]),
        "place": attributes.get("place"),
        "commodity": attributes.get("commodity"),
        "topic": attributes.get("topic"),
        "cameo_detail": attributes.get("cameo"),  # the finer code a dictionary pattern gave, under ``cameo``'s root
        "requested": attributes.get("requested"),  # the act an appeal or demand asks for, or a threat threatens
        "confidence": event.confidence,
        "extractor": event.extractor,
        "trigger": event.trigger,
        "pairing": event.pairing,
    }


@dataclass(frozen=True)
class Batch:
    """A batch of extractions as rows: what both backends write."""

    articles: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]

    @staticmethod
    def of(extractions: Iterable[Extraction]) -> Batch:
        articles: dict[str, dict[str, Any]] = {}
        actors: dict[str, dict[str, Any]] = {}
        events: dict[str, dict[str, Any]] = {}
        for extraction in extractions:
            if extraction.article.id in articles:  # a later extraction of an article replaces the earlier
                events = {k: v for k, v in events.items() if v["article_id"] != extraction.article.id}
            articles[extraction.article.id] = article_row(extraction.article)
            for event in extraction.events:
                for actor in (event.subject, event.object, event.attributed_to):
                    if actor is None:
                        continue
                    row = actors.setdefault(actor.id, actor_row(actor))
                    if not set(actor.aliases) <= set(row["aliases"]):
                        row["aliases"] = sorted({*row["aliases"], *actor.aliases})
                row = event_row(event)
                if not PLAIN_EDGE.match(row["edge"]):
                    raise StoreError(f"refusing edge name {row['edge']!r} of event {row['id']}: not a plain "
                                     "identifier (nothing of the batch was written)")
                events[row["id"]] = row
        return Batch(list(articles.values()), list(actors.values()), list(events.values()))

    def edges(self) -> list[dict[str, Any]]:
        """The (subject, edge, object) keys whose aggregates this batch touches."""
        keys = {(e["subject_id"], e["edge"], e["object_id"], e["reciprocal"]) for e in self.events}
        return [{"subject_id": s, "edge": t, "object_id": o, "reciprocal": r} for s, t, o, r in sorted(keys)]


def aggregate_pair(subject_id: str, object_id: str, reciprocal: bool) -> tuple[str, str]:
    """Reciprocal relations (met, negotiated, signed) aggregate once per unordered pair, from
    the smaller actor id to the larger; the others keep their direction."""
    if reciprocal and object_id < subject_id:
        return object_id, subject_id
    return subject_id, object_id
