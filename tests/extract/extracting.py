"""What the extractor's rule tests share: extracting an invented text as one article, reading
the events as triples or CAMEO codes, and reading the inventories of invented sentences."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from extract.bare_statements import BARE_STATEMENT_DETAIL
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article, DropReason, Event, Extraction


def runner(article_id: str, date: str | None) -> Callable[[Extractor, str], Extraction]:
    """A ``run(extractor, text)`` extracting ``text`` as article ``article_id`` dated ``date``."""

    def run(extractor: Extractor, text: str) -> Extraction:
        return extractor.extract(Article(article_id, text, None, date))

    return run


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(subject id, relation name, object id) of every event."""
    return {(e.subject.id, e.relation.name, e.object.id) for e in extraction.events}


def paired_triples(extraction: Extraction) -> set[tuple[str, str, str, str]]:
    """(subject id, relation name, object id, pairing) of every event: the triple and the path
    that paired it (``dependency``, ``backoff``, ``event_reference`` ...)."""
    return {(e.subject.id, e.relation.name, e.object.id, e.pairing) for e in extraction.events}


def code_of(event: Event) -> str:
    """The event's CAMEO code: the relation's, or the more specific one it carries."""
    return dict(event.attributes).get("cameo", event.relation.cameo)


def coded_triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(subject id, CAMEO code as ``code_of`` reads it, object id) of every event."""
    return {(e.subject.id, code_of(e), e.object.id) for e in extraction.events}


def bare_statements(extraction: Extraction) -> list[str]:
    """The triggers of the statements dropped for saying nothing of the other actor (CAMEO 010,
    extract/bare_statements.py)."""
    return [d.trigger for d in extraction.drops
            if d.reason is DropReason.NOT_AN_EVENT and d.detail.startswith(BARE_STATEMENT_DETAIL)]


def pairs_of(extraction: Extraction, relation: str) -> set[tuple[str, str]]:
    """(subject id, object id) of the events of one relation type."""
    return {(e.subject.id, e.object.id) for e in extraction.events if e.relation.name == relation}


def state_actor(iso3: str) -> Actor:
    """A state's actor as the gazetteer gives it (``country:ISO3``, its government), for hand-built inputs."""
    return Actor(f"country:{iso3}", iso3, ActorType.COUNTRY, iso3, "GOV", cameo=iso3)


def inventory_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an inventory table: tab-separated, no quoting, after its ``#`` comment lines."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def actor_ends(event: Event, side: str) -> set[str]:
    """The names an inventory may use for one side of an event: its actor's state, and the last
    part of its id for actors with no state ("eu" for org:eu)."""
    actor = event.subject if side == "subject" else event.object
    return {name for name in (actor.country, actor.id.split(":")[-1]) if name}


def sense_failures(events: tuple[Event, ...], row: dict[str, str], code: Callable[[Event], str | None]) -> list[str]:
    """What a sense-inventory row's events break, each event read by ``code`` (None: not counted):
    an event of a ``false`` root between the ``pair``'s two actors (either direction; ``*``: any
    event), or no event of the ``right`` root from the first to the second (``-``: none asked)."""
    first, second = row["pair"].split(">")
    coded = [(e, c) for e in events if (c := code(e)) is not None]
    between = [
        c for e, c in coded
        if (first in actor_ends(e, "subject") and second in actor_ends(e, "object"))
        or (second in actor_ends(e, "subject") and first in actor_ends(e, "object"))
    ]
    broken = []
    if row["false"] == "*":
        broken += [f"an event between the pair: {c}" for c in between]
    elif row["false"] != "-":
        false_roots = set(row["false"].split(","))
        broken += [f"false root {c}" for c in between if c[:2] in false_roots]
    if row["right"] != "-" and not any(
        first in actor_ends(e, "subject") and second in actor_ends(e, "object") and c[:2] == row["right"]
        for e, c in coded
    ):
        broken.append(f"no {row['right']} event {row['pair']}")
    return broken
