"""Extraction by worker processes: the output of one process, in input order; a failing article
alone; a dead worker named; the input pulled no further ahead than the window of chunks.

Real spawned processes throughout. The rule-pipeline test starts one pool of two spaCy workers;
the others use ``LabelExtractor`` (no model), whose workers start in well under a second."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import GeneratorType

import pytest

from extract.extractor import RULES, ArticleFailure, ExtractorSettings, extractor_id
from extract.parallel import ParallelExtractor, WorkerError, WorkerSpec, parallel_extractor
from extract.pipeline import RuleExtractor
from extract.text import split_blocks
from graph.model import Article, Extraction
from graph.records import event_record
from loaders.sources import read_inputs
from tests.extract.parallel_doubles import CRASH, RAISE, SHORT_LIMIT, label_extractor, short_limit_rules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [a for a in read_inputs([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
LABELS = WorkerSpec.of("label", ExtractorSettings(), {"label": label_extractor})


def records(extractions: list[Extraction]) -> list[list[dict[str, object]]]:
    """Per article, its events as the JSON records (with their ids) that `geokg extract` writes."""
    return [[event_record(event) for event in extraction.events] for extraction in extractions]


def numbered(count: int, prefix: str = "a") -> list[Article]:
    return [Article(f"{prefix}{n}", f"text {n}") for n in range(count)]


def test_two_workers_give_the_output_of_one_process_in_order_and_a_bad_article_fails_alone(
    extractor: RuleExtractor,
) -> None:
    assert max(len(b.text) for a in EXAMPLES for b in split_blocks(a.text)) < SHORT_LIMIT  # no example fails
    bad = Article("bad", "Russia attacked Ukraine. " + "x" * 3000, date="2024-02-06")  # a block over the limit
    articles = [*EXAMPLES[:20], bad, *EXAMPLES[20:]]
    # the workers keep every triple, as the suite's extractor does (floor 0.0)
    spec = WorkerSpec.of(RULES, ExtractorSettings(min_confidence=extractor.min_confidence), {RULES: short_limit_rules})
    failures: list[ArticleFailure] = []
    with ParallelExtractor(spec, workers=2, local=extractor, chunk_articles=8) as parallel:
        in_workers = list(parallel.extract_many(articles, on_failure=failures.append))
        assert parallel.pool_started
        assert (parallel.name, parallel.version) == (extractor.name, extractor.version)
    alone: list[ArticleFailure] = []
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = SHORT_LIMIT  # the workers' pipeline, in this process
    try:
        in_process = list(extractor.extract_many(articles, on_failure=alone.append))
    finally:
        extractor.nlp.max_length = limit
    assert [e.article.id for e in in_workers] == [a.id for a in EXAMPLES] == [e.article.id for e in in_process]
    assert records(in_workers) == records(in_process)
    assert sum(len(e.events) for e in in_workers) > 50
    assert {e.extractor for x in in_workers for e in x.events} == {extractor_id(extractor)}
    assert [f.article.id for f in failures] == ["bad"] == [f.article.id for f in alone]
    assert "E088" in failures[0].reason


def test_a_stream_of_one_chunk_is_extracted_in_this_process_without_workers() -> None:
    with ParallelExtractor(LABELS, workers=2, chunk_articles=4) as parallel:
        assert [e.article.id for e in parallel.extract_many(numbered(4))] == ["a0", "a1", "a2", "a3"]
        assert not parallel.pool_started
        assert [e.article.id for e in parallel.extract_many(numbered(5))] == ["a0", "a1", "a2", "a3", "a4"]
        assert parallel.pool_started


def test_one_worker_is_the_extractor_itself() -> None:
    local = label_extractor(ExtractorSettings())
    assert parallel_extractor(local, LABELS, 1) is local
    with ParallelExtractor(LABELS, workers=1, chunk_articles=2) as parallel:
        assert len(list(parallel.extract_many(numbered(9)))) == 9
        assert not parallel.pool_started


def test_failures_keep_their_place_and_without_a_handler_the_error_is_raised() -> None:
    articles = [*numbered(5), Article(RAISE, "x"), *numbered(5, "b")]
    outcomes: list[str] = []
    with ParallelExtractor(LABELS, workers=2, chunk_articles=2) as parallel:
        def failed(failure: ArticleFailure) -> None:
            outcomes.append(f"failed {failure.article.id}")

        outcomes.extend(extraction.article.id for extraction in parallel.extract_many(articles, on_failure=failed))
        assert outcomes == ["a0", "a1", "a2", "a3", "a4", "failed raise", "b0", "b1", "b2", "b3", "b4"]
        with pytest.raises(ValueError, match="cannot extract raise"):
            list(parallel.extract_many(articles))


def test_the_input_is_pulled_no_further_than_the_window_of_chunks() -> None:
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        while True:
            pulled += 1
            yield Article(f"a{pulled - 1}", "text")

    with ParallelExtractor(LABELS, workers=2, chunk_articles=3, window=2) as parallel:
        stream = parallel.extract_many(endless())
        assert next(stream).article.id == "a0"
        # the window's two chunks, and the next chunk sent as the first came back
        assert 0 < pulled <= (2 + 1) * 3
        assert isinstance(stream, GeneratorType)
        stream.close()  # the chunks in flight are let go


def test_a_dead_worker_is_an_error_naming_the_articles_in_flight_and_the_next_stream_starts_afresh() -> None:
    articles = [*numbered(4), Article(CRASH, "x"), *numbered(4, "b")]
    with ParallelExtractor(LABELS, workers=2, chunk_articles=2, window=2) as parallel:
        got: list[str] = []
        with pytest.raises(WorkerError, match=r"an extraction worker process died .*articles in flight") as raised:
            got.extend(e.article.id for e in parallel.extract_many(articles))
        named = str(raised.value).split("not extracted: ")[1].split(", ")
        assert CRASH in named
        # what came out and what the error names are the input's first articles, none left between
        assert got + named == [a.id for a in articles][: len(got) + len(named)]
        assert [e.article.id for e in parallel.extract_many(numbered(6))] == [f"a{n}" for n in range(6)]


def test_a_worker_count_below_one_is_refused_and_n_process_is_not_taken() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ParallelExtractor(LABELS, workers=0)
    with ParallelExtractor(LABELS, workers=2) as parallel, pytest.raises(ValueError, match="n_process=2"):
        list(parallel.extract_many(numbered(2), n_process=2))
