"""The extractor interface: articles in, ``Extraction`` out, with a name and a version.

Loaders and the command line depend on this protocol only, never on an implementation: the rule
pipeline (``extract.pipeline.RuleExtractor``) is one; an ML or LLM coder is another entry in
``EXTRACTORS`` (a name and a factory), with no change to loaders or stores.

The version names everything the output depends on (for the rules: their code version and a
digest of the knowledge files and the spaCy model), so a graph filled by an older version is
re-extracted by the next ``geokg ingest``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from extract.calibration import DEFAULT_MIN_CONFIDENCE
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR
from graph.model import Article, Extraction


@dataclass(frozen=True)
class ArticleFailure:
    """An article an extractor could not process, and why."""

    article: Article
    reason: str


class Extractor(Protocol):
    """Anything that turns articles into extractions."""

    @property
    def name(self) -> str:
        """What extracts, e.g. ``geokg-rules``."""
        ...

    @property
    def version(self) -> str:
        """Which output it gives, e.g. ``0.2+k3f9a1c2e``; a new version means new output."""
        ...

    def extract(self, article: Article) -> Extraction:
        """One article's events and drops."""
        ...

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1,
        on_failure: Callable[[ArticleFailure], None] | None = None,
    ) -> Iterator[Extraction]:
        """One extraction per article, in order; memory bounded by the batch, not the stream.
        With ``on_failure`` an article that cannot be processed is handed to it and the others
        are extracted; without, the error is raised."""
        ...


def extractor_id(extractor: Extractor) -> str:
    """``name/version``: what events carry as their extractor and the ledger compares."""
    return f"{extractor.name}/{extractor.version}"


@dataclass(frozen=True)
class ExtractorSettings:
    """What a factory may need to build its extractor: its knowledge files, and the calibrated
    confidence below which a triple is dropped (0.0 keeps every triple)."""

    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    min_confidence: float = DEFAULT_MIN_CONFIDENCE


ExtractorFactory = Callable[[ExtractorSettings], Extractor]


class UnknownExtractorError(ValueError):
    """No extractor of that name is registered; the message lists the known ones."""


def _rule_extractor(settings: ExtractorSettings) -> Extractor:
    from extract.pipeline import Knowledge, RuleExtractor  # spaCy loads only when asked for

    return RuleExtractor(knowledge=Knowledge.load(settings.knowledge_dir), min_confidence=settings.min_confidence)


RULES = "geokg-rules"
EXTRACTORS: Mapping[str, ExtractorFactory] = MappingProxyType({
    RULES: _rule_extractor,  # the rule pipeline with its gazetteer, lexicon, ontology and dictionaries
})
DEFAULT_EXTRACTOR = RULES  # the best one measured


def create_extractor(
    name: str = DEFAULT_EXTRACTOR,
    settings: ExtractorSettings | None = None,
    registry: Mapping[str, ExtractorFactory] = EXTRACTORS,
) -> Extractor:
    """The extractor registered as ``name``; ``UnknownExtractorError`` lists the known names."""
    factory = registry.get(name)
    if factory is None:
        raise UnknownExtractorError(f"unknown extractor {name!r} (known: {', '.join(sorted(registry))})")
    return factory(settings or ExtractorSettings())
