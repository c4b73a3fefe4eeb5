"""The bulk-read interface every backend implements, and the rows it streams.

``GraphStore`` (graph/store.py) is how a backend is written; ``GraphReader`` is how it is read in
bulk: the events of a slice (filtered by the backend's own query), the actors and articles those
events name, every actor, and every article with its events (``extractions``, streamed in article
order a page at a time) with the near-duplicate copies. ``graph.frames`` builds DataFrames from
any reader and ``graph.export`` copies any reader into any store, so neither knows a backend.

Row shapes: the slice reads (``events``, ``actors``, ``articles``) stream typed named tuples, one
field per column (``EventRow._fields`` are the events DataFrame's columns): they are immutable and
typed like frozen dataclasses, cost little at a million rows, and unpack positionally into
columns. The whole-graph reads stream
pages of the rows the stores write (``pages``: ``graph.store.Batch``, what the CSV export
writes without building model objects) and the model's own objects (``Actor``, ``Extraction``,
``CopyLink``: what a store loads).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from graph.model import (
    Actor,
    ActorType,
    Article,
    CopyLink,
    Event,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    RelationType,
)
from graph.store import Batch

EXTRACTION_PAGE = 500  # articles read at a time by ``extractions``


@dataclass(frozen=True)
class Slice:
    """Which events to read. Dates are inclusive ISO strings; ``types`` are relation types
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


DEFAULT_SLICE = Slice()  # every affirmed event


class EventRow(NamedTuple):
    """One event of a slice, with the ids of the actors and the article it names."""

    id: str
    article_id: str
    date: str | None
    type: str
    edge: str
    cameo: str
    quad_class: int
    goldstein: float
    reciprocal: bool
    polarity: str
    modality: str
    subject_id: str
    object_id: str
    attributed_to_id: str | None
    sentence: str
    pairing: str


class ActorRow(NamedTuple):
    """An actor as analysis shows it."""

    id: str
    name: str
    type: str
    country: str | None
    title: str | None
    aliases: tuple[str, ...]


class ArticleRow(NamedTuple):
    """Where an event was read: the article's title and address."""

    id: str
    title: str | None
    url: str | None


class GraphReader(Protocol):
    """Streaming bulk reads, the same on every backend. Orders are stated per method; a method
    that states none promises none."""

    def events(self, part: Slice) -> Iterator[EventRow]:
        """The events of ``part``, filtered by the backend's own query (no order)."""

    def actors(self, ids: Sequence[str]) -> Iterator[ActorRow]:
        """The actors with these ids that the graph holds (no order)."""

    def articles(self, ids: Sequence[str]) -> Iterator[ArticleRow]:
        """The articles with these ids that the graph holds (no order)."""

    def all_actors(self) -> Iterator[Actor]:
        """Every actor, with all it stores (names and aliases for finding actors by name), by id."""

    def pages(self, size: int = EXTRACTION_PAGE) -> Iterator[Batch]:
        """Every article (near-duplicate copies included, without events) with its events and
        the actors they name, as the rows the stores write (``graph.store.Batch``: the shapes of
        ``article_row``, ``actor_row`` and ``event_row``), ``size`` articles a page; articles by
        id, events by article and id. One page is held at a time."""

    def extractions(self, page: int = EXTRACTION_PAGE) -> Iterator[Extraction]:
        """``pages`` as the model's extractions (``extractions_of``). The text is not stored: an
        article comes back with empty text and its stored hash."""

    def copies(self) -> Iterator[CopyLink]:
        """Every near-duplicate copy with the first copy it repeats, by copy id."""

    def close(self) -> None:
        """Release what the reader opened."""


def actor_of(row: Mapping[str, Any]) -> Actor:
    """An actor from its stored properties (the inverse of ``store.actor_row``)."""
    return Actor(row["id"], row["name"], ActorType(row["type"]), row["country"], row["sector"], row["title"],
                 since=row["since"], until=row["until"], aliases=tuple(row["aliases"] or ()))


def article_of(row: Mapping[str, Any]) -> Article:
    """An article from its stored properties; the text is not stored, its hash is ('' or None
    when unknown)."""
    return Article(row["id"], "", row["title"], row["published"], row["url"], row["source"],
                   row["content_hash"] or None)


# the stored column of each event attribute (``store.event_row``); a store written before an
# attribute was kept has no value for it
_STORED_ATTRIBUTES = (("place", "place"), ("commodity", "commodity"), ("topic", "topic"),
                      ("cameo_detail", "cameo"), ("requested", "requested"))


def event_of(row: Mapping[str, Any], actors: Mapping[str, Actor]) -> Event:
    """An event from its stored properties (the inverse of ``store.event_row``), its actors
    looked up by id."""
    attributes = tuple(sorted((name, row[column]) for column, name in _STORED_ATTRIBUTES
                              if row.get(column) is not None))
    relation = RelationType(row["type"], row["cameo"], row["quad_class"], row["goldstein"], bool(row["reciprocal"]),
                            None, "", row["edge"])
    evidence = tuple(Evidence(sentence, start, end) for start, end, sentence in json.loads(row["evidence"]))
    speaker = row["attributed_to_id"]
    return Event(
        row["article_id"], actors[row["subject_id"]], relation, actors[row["object_id"]], Polarity(row["polarity"]),
        Modality(row["modality"]), actors[speaker] if speaker else None, row["date"], row["date_precision"],
        evidence, row["confidence"], row["extractor"], row["trigger"], attributes, row["pairing"] or "dependency",
    )


def checked_page(size: int) -> int:
    """``size`` when it is a page size (at least 1); else a ``ValueError`` naming it."""
    if size < 1:
        raise ValueError(f"pages: a page holds at least 1 article, not {size}")
    return size


def paged_rows(
    articles_after: Callable[[str, int], list[dict[str, Any]]],
    events_of: Callable[[list[str]], list[dict[str, Any]]],
    actors_of: Callable[[list[str]], list[dict[str, Any]]],
    size: int,
) -> Iterator[Batch]:
    """``GraphReader.pages`` from three backend reads, each giving rows in the stores' shapes:
    ``articles_after(last_id, size)`` (the next articles by id, ``''`` before the first),
    ``events_of(article_ids)`` (their events, by article and id) and ``actors_of(actor_ids)``."""
    checked_page(size)
    after = ""
    while articles := articles_after(after, size):
        events = events_of([row["id"] for row in articles])
        named = {event[key] for event in events for key in ("subject_id", "object_id", "attributed_to_id")}
        yield Batch(articles, actors_of(sorted(i for i in named if i is not None)), events)
        after = articles[-1]["id"]


def extractions_of(pages: Iterable[Batch]) -> Iterator[Extraction]:
    """The articles of pages of stored rows with their events, as the model's extractions."""
    for page in pages:
        actors = {row["id"]: actor_of(row) for row in page.actors}
        by_article: dict[str, list[Event]] = {row["id"]: [] for row in page.articles}
        for event in page.events:
            by_article[event["article_id"]].append(event_of(event, actors))
        for row in page.articles:
            yield Extraction(article_of(row), tuple(by_article[row["id"]]), ())
