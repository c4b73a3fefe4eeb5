"""Extractors for the worker-process tests, in a module of their own so that spawned workers can
import their factories by name (``tests.extract.parallel_doubles``).

``short_limit_rules`` is the real rule pipeline with spaCy's length limit (E088) lowered, the way
tests/extract/test_pipeline.py makes one article fail; ``LabelExtractor`` finds nothing and needs no
model, so a pool of it starts in a fraction of a second.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from extract.extractor import ArticleFailure, Extractor, ExtractorSettings
from graph.model import Article, Extraction

# spaCy's E088 limit in the short-limit pipeline (as in test_pipeline.py): below the 1,000-character blocks a long
# paragraph is cut into, above every block of the bundled examples (a test checks that)
SHORT_LIMIT = 500
CRASH = "crash"  # an article with this id ends the worker process that extracts it
RAISE = "raise"  # an article with this id raises in the extractor


def short_limit_rules(settings: ExtractorSettings) -> Extractor:
    from extract.pipeline import Knowledge, RuleExtractor

    extractor = RuleExtractor(knowledge=Knowledge.load(settings.knowledge_dir), min_confidence=settings.min_confidence)
    extractor.nlp.max_length = SHORT_LIMIT
    return extractor


class LabelExtractor:
    """Finds nothing; dies on ``CRASH`` and raises on ``RAISE`` (each alone with ``on_failure``)."""

    name = "label"
    version = "1"

    def extract(self, article: Article) -> Extraction:
        if article.id == CRASH:
            os._exit(3)
        if article.id == RAISE:
            raise ValueError(f"cannot extract {article.id}")
        return Extraction(article, (), ())

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1,
        on_failure: Callable[[ArticleFailure], None] | None = None,
    ) -> Iterator[Extraction]:
        for article in articles:
            try:
                yield self.extract(article)
            except ValueError as error:
                if on_failure is None:
                    raise
                on_failure(ArticleFailure(article, f"ValueError: {error}"))


def label_extractor(settings: ExtractorSettings) -> Extractor:
    return LabelExtractor()
