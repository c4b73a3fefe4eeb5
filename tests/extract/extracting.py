"""What the extractor's rule tests share: extracting an invented text as one article, and reading
the events as triples or CAMEO codes."""

from __future__ import annotations

from collections.abc import Callable

from extract.pipeline import Extractor
from graph.model import Article, Event, Extraction


def runner(article_id: str, date: str | None) -> Callable[[Extractor, str], Extraction]:
    """A ``run(extractor, text)`` extracting ``text`` as article ``article_id`` dated ``date``."""

    def run(extractor: Extractor, text: str) -> Extraction:
        return extractor.extract(Article(article_id, text, None, date))

    return run


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(subject id, relation name, object id) of every event."""
    return {(e.subject.id, e.relation.name, e.object.id) for e in extraction.events}


def code_of(event: Event) -> str:
    """The event's CAMEO code: the relation's, or the more specific one it carries."""
    return dict(event.attributes).get("cameo", event.relation.cameo)
