"""Reading triple records (the `geokg extract --format jsonl` output) back for `geokg load`.

Every line is checked against the rules extraction output follows (``graph.records.checked_event``
with the ontology's relation types); a line that breaks one becomes an ``InputError`` naming the
file and line, and nothing of it is loaded. Within one file the same event id twice keeps the
later line, as a later run would.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from graph.model import Article, Event, Extraction, RelationType
from graph.records import RecordError, checked_event
from loaders.sources import InputError

MAX_LINE_CHARS = 1_000_000


@dataclass(frozen=True)
class Triples:
    """What a triples file holds: its valid events per article, and the lines refused."""

    events: dict[str, dict[str, Event]]  # article id -> event id -> event
    errors: list[InputError]

    def extractions(self) -> list[Extraction]:
        """One extraction per article, its text unknown (the store keeps the hash it has)."""
        return [Extraction(Article(article_id, ""), tuple(events.values()), ())
                for article_id, events in self.events.items()]


def checked_lines(lines: Iterable[str], source: str,
                  relations: Mapping[str, RelationType]) -> Iterator[tuple[int, Event | InputError]]:
    """Each non-blank line's event, or the error that refuses it, with its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            yield number, InputError(source, f"line is longer than {MAX_LINE_CHARS} characters", number)
            continue
        try:
            yield number, checked_event(json.loads(line), relations)
        except json.JSONDecodeError as error:
            yield number, InputError(source, f"not JSON ({error.msg} at column {error.colno})", number)
        except (RecordError, RecursionError) as error:
            yield number, InputError(source, f"not a valid triple record: {error}", number)


def read_triples(lines: Iterable[str], source: str, relations: Mapping[str, RelationType]) -> Triples:
    """The valid events of a triples file, by article, and its refused lines."""
    events: dict[str, dict[str, Event]] = {}
    errors: list[InputError] = []
    for _, item in checked_lines(lines, source, relations):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            events.setdefault(item.article_id, {})[item.id] = item
    return Triples(events, errors)
