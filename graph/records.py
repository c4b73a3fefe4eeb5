"""Events as plain JSON records (the `geokg extract --format jsonl` contract) and back."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Set
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


class RecordError(ValueError):
    """A triple record that is not what extraction writes; the message says which field and why."""


_ACTOR_ID = re.compile(r"^(person|country|org|group|region):[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_EVENT_ID = re.compile(r"^event:[0-9a-f]{24}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# background: before the article, when not said (a narrative past perfect, extract/aspect.py)
DATE_PRECISIONS = frozenset({"article", "day", "week", "month", "year", "background", "unknown"})
# every attribute is stored: cameo (the finer code a dictionary pattern gave) as the event's
# cameo_detail, requested (the act an appeal or demand asks for, or a threat threatens) as requested
ATTRIBUTES = frozenset({"place", "commodity", "topic", "cameo", "requested"})
PAIRINGS = frozenset({"dependency", "backoff", "event_reference", "pair_reference"})
MAX_NAME = 500
MAX_ID = 2048


def _field(record: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    value = record.get(key)
    if value is None and optional:
        return None
    # bool is an int in Python, but never a valid number or string in a record
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise RecordError(f"{where}{key}: expected {_kind_name(kind)}, got {value!r}")
    if not isinstance(value, kind):
        raise RecordError(f"{where}{key}: expected {_kind_name(kind)}, got {type(value).__name__}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({"str": "text", "int": "an integer", "float": "a number", "bool": "true or false",
                        "dict": "an object", "list": "a list"}.get(k.__name__, k.__name__) for k in kinds)


def _text(record: dict[str, Any], key: str, where: str, optional: bool = False, limit: int = MAX_NAME) -> str | None:
    """A one-line text field: no control characters (NUL, CR, LF, ...), at most ``limit`` characters."""
    value = _field(record, key, str, where, optional)
    if value is None:
        return None
    if not value.strip() or len(value) > limit or _CONTROL.search(value):
        raise RecordError(f"{where}{key}: {value[:80]!r} must be one line of 1 to {limit} characters "
                          "without control characters")
    return str(value)


def _choice(record: dict[str, Any], key: str, allowed: Set[str], where: str, default: str | None = None) -> str:
    """A text field that must be one of ``allowed`` (absent or null gives ``default`` when there is one)."""
    value = _field(record, key, str, where, optional=default is not None) or default
    if value not in allowed:
        raise RecordError(f"{where}{key}: {str(value)[:40]!r} is not one of {', '.join(sorted(allowed))}")
    return str(value)


def _date(record: dict[str, Any], key: str, where: str) -> str | None:
    value = _field(record, key, str, where, optional=True)
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{where}{key}: {value[:40]!r} is not a calendar date (YYYY-MM-DD)") from None
    return str(value)


def _number(record: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    value = float(_field(record, key, (int, float), where))
    if not (math.isfinite(value) and low <= value <= high):
        raise RecordError(f"{where}{key}: {value!r} is not between {low} and {high}")
    return value


def _offset(record: dict[str, Any], key: str, where: str) -> int:
    value = int(_field(record, key, int, where))
    if value < 0 or value > 2**53:
        raise RecordError(f"{where}{key}: {value} is not a character offset")
    return value


def _checked_actor(record: object, where: str) -> Actor:
    if not isinstance(record, dict):
        raise RecordError(f"{where}: expected an object")
    where += "."
    actor_id = _field(record, "id", str, where)
    if not _ACTOR_ID.match(actor_id):
        raise RecordError(f"{where}id: {actor_id[:80]!r} is not an actor id (person:, country:, org:, group: "
                          "or region: then letters, digits, '.', '_' or '-')")
    actor_type = ActorType(_choice(record, "type", {t.value for t in ActorType}, where))
    country = _field(record, "country", str, where, optional=True)
    if country is not None and not _COUNTRY.match(country):
        raise RecordError(f"{where}country: {country[:40]!r} is not an ISO 3166 alpha-3 code")
    aliases = _field(record, "aliases", list, where, optional=True) or []
    for number, alias in enumerate(aliases):
        _text({"alias": alias}, "alias", f"{where}aliases[{number}].")
    return Actor(
        id=actor_id,
        name=str(_text(record, "name", where)),
        type=actor_type,
        country=country,
        sector=_text(record, "sector", where, optional=True),
        title=_text(record, "title", where, optional=True),
        cameo=_text(record, "cameo", where, optional=True),
        since=_date(record, "since", where),
        until=_date(record, "until", where),
        aliases=tuple(aliases),
    )


def _checked_evidence(record: dict[str, Any]) -> tuple[Evidence, ...]:
    items = _field(record, "evidence", list, "", optional=True) or [record]
    evidence = []
    for number, item in enumerate(items):
        where = f"evidence[{number}]." if record.get("evidence") else ""
        if not isinstance(item, dict):
            raise RecordError(f"{where or 'evidence'}: expected an object")
        sentence = _field(item, "sentence", str, where)
        if "\x00" in sentence or len(sentence) > 100_000:
            raise RecordError(f"{where}sentence: NUL characters or more than 100000 characters")
        start, end = _offset(item, "char_start", where), _offset(item, "char_end", where)
        if end < start:
            raise RecordError(f"{where}char_end: {end} is before char_start {start}")
        evidence.append(Evidence(sentence, start, end))
    if not evidence:
        raise RecordError("evidence: empty")
    first = evidence[0]
    for key, value in (("sentence", first.sentence), ("char_start", first.char_start), ("char_end", first.char_end)):
        if key in record and (record[key] != value or isinstance(record[key], bool)):
            raise RecordError(f"{key}: {str(record[key])[:40]!r} is not that of the first evidence ({value!r})")
    return tuple(evidence)


def _checked_attributes(relation: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    attributes = _field(relation, "attributes", dict, "relation.", optional=True) or {}
    for key in attributes:
        if key not in ATTRIBUTES:
            raise RecordError(f"relation.attributes: {key[:40]!r} is not one of {', '.join(sorted(ATTRIBUTES))}")
        _text(attributes, key, "relation.attributes.")
    return tuple(sorted((str(k), str(v)) for k, v in attributes.items()))


def _checked_relation(relation: object, relations: Mapping[str, RelationType]) -> RelationType:
    """The ontology's relation type named by the record: its edge, CAMEO code and scores come from
    the ontology, never from the record; a record that gives other values is refused."""
    if not isinstance(relation, dict):
        raise RecordError("relation: expected an object")
    name = _field(relation, "type", str, "relation.")
    known = relations.get(name)
    if known is None:
        raise RecordError(f"relation.type: {name[:40]!r} is not a relation type of the ontology")
    given = {"edge": relation.get("edge", known.edge_type), "cameo": relation.get("cameo", known.cameo),
             "reciprocal": relation.get("reciprocal", known.reciprocal)}
    expected = {"edge": known.edge_type, "cameo": known.cameo, "reciprocal": known.reciprocal}
    for key, value in given.items():
        if value != expected[key]:
            raise RecordError(f"relation.{key}: {str(value)[:80]!r} is not the {key} of {name} in the ontology "
                              f"({expected[key]!r})")
    return known


def checked_event(record: object, relations: Mapping[str, RelationType]) -> Event:
    """A triple record checked against the rules extraction output follows (fields and their
    types, a relation type of the ontology, calendar dates, one-line names without control
    characters, well-formed ids) and turned into an ``Event``; raises ``RecordError`` naming the
    first field that breaks a rule."""
    if not isinstance(record, dict):
        raise RecordError("a line must be a JSON object")
    relation = _checked_relation(record.get("relation"), relations)
    article_id = _field(record, "article_id", str, "")
    if not article_id.strip() or len(article_id) > MAX_ID or _CONTROL.search(article_id):
        raise RecordError(f"article_id: {article_id[:80]!r} must be 1 to {MAX_ID} characters without "
                          "control characters")
    attributed = record.get("attributed_to")
    polarity = Polarity(_choice(record, "polarity", {p.value for p in Polarity}, ""))
    modality = Modality(_choice(record, "modality", {m.value for m in Modality}, ""))
    precision = _choice(record, "date_precision", DATE_PRECISIONS, "", default="article")
    pairing = _choice(record, "pairing", PAIRINGS, "", default="dependency")
    trigger = _field(record, "trigger", str, "", optional=True) or ""
    if _CONTROL.search(trigger) or len(trigger) > MAX_NAME:
        raise RecordError("trigger: control characters or too long")
    event = Event(
        article_id=article_id,
        subject=_checked_actor(record.get("subject"), "subject"),
        relation=relation,
        object=_checked_actor(record.get("object"), "object"),
        polarity=polarity,
        modality=modality,
        attributed_to=_checked_actor(attributed, "attributed_to") if attributed is not None else None,
        date=_date(record, "date", ""),
        date_precision=precision,
        evidence=_checked_evidence(record),
        confidence=_number(record, "confidence", "", 0.0, 1.0),
        extractor=str(_text(record, "extractor", "")),
        trigger=trigger,
        attributes=_checked_attributes(record["relation"]),
        pairing=pairing,
    )
    given_id = record.get("id")
    if given_id is not None and given_id != event.id:
        shown = given_id[:80] if isinstance(given_id, str) else given_id
        reason = "not an event id" if not isinstance(given_id, str) or not _EVENT_ID.match(given_id) else \
            f"not the id of this triple ({event.id})"
        raise RecordError(f"id: {shown!r} is {reason}")
    return event
