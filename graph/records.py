"""Events as plain JSON records (the `geokg extract --format jsonl` contract) and back."""

from __future__ import annotations

from typing import Any

from graph.model import Actor, ActorType, Event, Evidence, Modality, Polarity, RelationType


def actor_record(actor: Actor) -> dict[str, Any]:
    record: dict[str, Any] = {"id": actor.id, "name": actor.name, "type": actor.type.value, "country": actor.country}
    if actor.sector:
        record["sector"] = actor.sector
    if actor.title:
        record["title"] = actor.title
    if actor.cameo:
        record["cameo"] = actor.cameo
    if actor.since:
        record["since"] = actor.since
    if actor.until:
        record["until"] = actor.until
    if actor.aliases:
        record["aliases"] = list(actor.aliases)
    return record


def actor_from_record(record: dict[str, Any]) -> Actor:
    return Actor(
        id=str(record["id"]),
        name=str(record["name"]),
        type=ActorType(record["type"]),
        country=record.get("country"),
        sector=record.get("sector"),
        title=record.get("title"),
        cameo=record.get("cameo"),
        since=record.get("since"),
        until=record.get("until"),
        aliases=tuple(record.get("aliases", ())),
    )


def event_record(event: Event) -> dict[str, Any]:
    """One JSON object per triple, in the documented field order."""
    relation = event.relation
    return {
        "id": event.id,
        "article_id": event.article_id,
        "subject": actor_record(event.subject),
        "relation": {
            "type": relation.name,
            "cameo": relation.cameo,
            "quad_class": relation.quad_class,
            "goldstein": relation.goldstein,
            "reciprocal": relation.reciprocal,
            "plover": relation.plover,
            "edge": relation.edge_type,
            "attributes": dict(event.attributes),
        },
        "object": actor_record(event.object),
        "polarity": event.polarity.value,
        "modality": event.modality.value,
        "attributed_to": actor_record(event.attributed_to) if event.attributed_to else None,
        "date": event.date,
        "date_precision": event.date_precision,
        "sentence": event.sentence,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "evidence": [
            {"sentence": e.sentence, "char_start": e.char_start, "char_end": e.char_end} for e in event.evidence
        ],
        "trigger": event.trigger,
        "confidence": event.confidence,
        "pairing": event.pairing,
        "extractor": event.extractor,
    }


def event_from_record(record: dict[str, Any]) -> Event:
    """Inverse of ``event_record``; raises KeyError/ValueError on a malformed record."""
    relation = record["relation"]
    evidence = record.get("evidence") or [
        {"sentence": record["sentence"], "char_start": record["char_start"], "char_end": record["char_end"]}
    ]
    attributed = record.get("attributed_to")
    return Event(
        article_id=str(record["article_id"]),
        subject=actor_from_record(record["subject"]),
        relation=RelationType(
            name=str(relation["type"]),
            cameo=str(relation["cameo"]),
            quad_class=int(relation["quad_class"]),
            goldstein=float(relation["goldstein"]),
            reciprocal=bool(relation["reciprocal"]),
            plover=relation.get("plover"),
            description=str(relation.get("description", "")),
            edge=str(relation.get("edge", "")),
        ),
        object=actor_from_record(record["object"]),
        polarity=Polarity(record["polarity"]),
        modality=Modality(record["modality"]),
        attributed_to=actor_from_record(attributed) if attributed else None,
        date=record.get("date"),
        date_precision=str(record.get("date_precision", "article")),
        evidence=tuple(Evidence(str(e["sentence"]), int(e["char_start"]), int(e["char_end"])) for e in evidence),
        confidence=float(record["confidence"]),
        extractor=str(record["extractor"]),
        trigger=str(record.get("trigger", "")),
        attributes=tuple(sorted((str(k), str(v)) for k, v in relation.get("attributes", {}).items())),
        pairing=str(record.get("pairing", "dependency")),
    )
