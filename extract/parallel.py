"""Extraction on all cores of one machine: worker processes behind the ``Extractor`` protocol.

``ParallelExtractor`` cuts the article stream into chunks and hands them to a pool of worker
processes (start method "spawn": nothing of the parent is forked, so the threads of a Neo4j
driver or a progress bar in the parent are safe). Each worker builds its extractor once, when it
starts, from the registered extractor name and ``ExtractorSettings`` (``create_extractor``).

The rules it keeps:

- order: extractions come out in input order, one per article; with ``on_failure`` an article
  that raises is handed to it, in its place in the order, and fails alone, as in one process.
- memory: at most ``window`` chunks are in flight; the input is pulled only as a chunk is sent,
  never ahead of that (``multiprocessing.Pool.imap`` would drain the whole iterator).
- small streams: a stream of no more than one chunk is extracted in this process by its own
  extractor, and no worker starts (short command-line runs do not pay the workers' start-up);
  so is every stream when ``workers`` is 1.
- start-up is paid once: the pool starts with the first larger stream and serves every later
  one until ``close()``.
- a worker process that dies (killed, out of memory) raises ``WorkerError`` naming the articles
  in flight: none is dropped silently.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from types import TracebackType

from extract.extractor import (
    EXTRACTORS,
    ArticleFailure,
    Extractor,
    ExtractorFactory,
    ExtractorSettings,
    create_extractor,
    extractor_id,
)
from graph.model import Article, Extraction

DEFAULT_CHUNK_ARTICLES = 16  # articles a worker extracts per message: spaCy batches within it
CHUNKS_IN_FLIGHT_PER_WORKER = 2  # one being extracted, one waiting: no worker idles between chunks


class WorkerError(RuntimeError):
    """A worker process died, or answered with another extractor than the parent's."""


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker builds its extractor from: a name, the settings and the registry of
    factories (module-level functions, so that they pickle by reference)."""

    name: str
    settings: ExtractorSettings
    factories: tuple[tuple[str, ExtractorFactory], ...]

    @staticmethod
    def of(name: str, settings: ExtractorSettings, registry: Mapping[str, ExtractorFactory] = EXTRACTORS) -> WorkerSpec:
        return WorkerSpec(name, settings, tuple(registry.items()))

    def build(self) -> Extractor:
        return create_extractor(self.name, self.settings, dict(self.factories))


@dataclass(frozen=True)
class ChunkResult:
    """A worker's answer for one chunk: its extractor's id, and per article, in order, the
    extraction or the failure."""

    extractor: str
    outcomes: tuple[Extraction | ArticleFailure, ...]


# The only global state: each worker process's extractor, set once by the pool initializer
# (``_start_worker``) and read by every chunk that worker extracts. The parent never sets it.
_worker_extractor: Extractor | None = None


def _start_worker(spec: WorkerSpec) -> None:
    """Pool initializer: ignore SIGINT/SIGTERM (the parent stops its workers itself, after
    finishing the article in hand), exit when the parent dies, build the extractor."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_gone, args=(parent.sentinel,), daemon=True).start()
    _worker_extractor = spec.build()


def _exit_when_gone(parent_sentinel: int) -> None:
    """A parent killed with SIGKILL cannot stop its workers: they stop themselves."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _extract_chunk(chunk: list[Article], batch_size: int, fail_alone: bool) -> ChunkResult:
    """Run in a worker: the chunk's outcomes in order (with ``fail_alone`` false, an article's
    error is raised and reaches the parent)."""
    extractor = _worker_extractor
    if extractor is None:
        raise WorkerError("the worker's extractor was not built (the pool initializer did not run)")
    outcomes: list[Extraction | ArticleFailure] = []
    failed = outcomes.append if fail_alone else None
    for extraction in extractor.extract_many(chunk, batch_size, on_failure=failed):
        outcomes.append(extraction)
    return ChunkResult(extractor_id(extractor), tuple(outcomes))


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last may be shorter), each pulled only when asked for."""
    while chunk := list(islice(articles, size)):
        yield chunk


def _ids(chunks: Iterable[list[Article]]) -> str:
    return ", ".join(article.id for chunk in chunks for article in chunk)


class ParallelExtractor:
    """An ``Extractor`` that runs ``workers`` processes; its name and version are those of the
    extractor it runs (so ledgers and events cannot tell the two apart)."""

    def __init__(
        self, spec: WorkerSpec, workers: int, local: Extractor | None = None,
        chunk_articles: int = DEFAULT_CHUNK_ARTICLES, window: int | None = None,
    ) -> None:
        if workers < 1 or chunk_articles < 1 or (window is not None and window < 1):
            raise ValueError(f"workers, chunk_articles and window must be at least 1 "
                             f"(got {workers}, {chunk_articles}, {window})")
        try:
            pickle.dumps(spec)
        except (pickle.PicklingError, AttributeError, TypeError) as error:
            raise ValueError(f"extractor {spec.name!r} cannot be sent to worker processes ({error})") from error
        self.spec = spec
        self.workers = workers
        self.local = spec.build() if local is None else local  # its name and version; small streams
        self.chunk_articles = chunk_articles
        self.window = window or CHUNKS_IN_FLIGHT_PER_WORKER * workers
        self._pool: ProcessPoolExecutor | None = None

    @property
    def name(self) -> str:
        return self.local.name

    @property
    def version(self) -> str:
        return self.local.version

    @property
    def pool_started(self) -> bool:
        """Whether worker processes run (they start with the first stream of more than one chunk)."""
        return self._pool is not None

    def extract(self, article: Article) -> Extraction:
        return self.local.extract(article)

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1,
        on_failure: Callable[[ArticleFailure], None] | None = None,
    ) -> Iterator[Extraction]:
        """One extraction per article, in input order; ``batch_size`` is each worker's spaCy
        batch. ``n_process`` must be 1: the processes are this extractor's ``workers``."""
        if n_process != 1:
            raise ValueError(f"n_process={n_process}: a parallel extractor runs its own workers; give workers instead")
        pending = iter(articles)
        head = list(islice(pending, self.chunk_articles + 1))
        stream = chain(head, pending)  # every article, once: the head looked at, then the rest
        if self.workers == 1 or len(head) <= self.chunk_articles:
            yield from self.local.extract_many(stream, batch_size, on_failure=on_failure)
            return
        yield from self._in_workers(stream, batch_size, on_failure)

    def _in_workers(
        self, articles: Iterator[Article], batch_size: int, on_failure: Callable[[ArticleFailure], None] | None
    ) -> Iterator[Extraction]:
        """Chunks out to the pool, at most ``window`` at a time; results back in order."""
        pool = self._started_pool()
        chunks = _chunks(articles, self.chunk_articles)
        in_flight: deque[tuple[list[Article], Future[ChunkResult]]] = deque()

        def send(chunk: list[Article]) -> None:
            try:
                future = pool.submit(_extract_chunk, chunk, batch_size, on_failure is not None)
            except BrokenProcessPool as error:  # a worker died since the last chunk came back
                raise self._died(error, [*(sent for sent, _ in in_flight), chunk]) from error
            in_flight.append((chunk, future))

        try:
            for chunk in islice(chunks, self.window):
                send(chunk)
            while in_flight:
                chunk, future = in_flight[0]
                result = self._result_of(future, in_flight)
                in_flight.popleft()
                following = next(chunks, None)
                refused: WorkerError | None = None
                if following is not None:  # sent before this chunk is yielded: the workers keep busy
                    try:
                        send(following)
                    except WorkerError as error:  # the pool broke: this chunk, in hand, still comes out first
                        refused = error
                yield from self._outcomes(chunk, result, on_failure)
                if refused is not None:
                    raise refused
        finally:  # stopped early or failed: queued chunks are cancelled, running ones finish
            for _, future in in_flight:
                future.cancel()
            wait([future for _, future in in_flight])

    def _result_of(self, future: Future[ChunkResult], in_flight: deque[tuple[list[Article], Future[ChunkResult]]]
                   ) -> ChunkResult:
        try:
            result = future.result()
        except BrokenProcessPool as error:
            raise self._died(error, [chunk for chunk, _ in in_flight]) from error
        if result.extractor != extractor_id(self):
            raise WorkerError(f"a worker runs extractor {result.extractor}, this process {extractor_id(self)} "
                              f"(did the knowledge files change?)")
        return result

    def _died(self, error: BrokenProcessPool, in_flight: list[list[Article]]) -> WorkerError:
        """The error for a pool one of whose workers died, naming the articles in flight; the
        pool is let go, so the next stream starts a new one."""
        self._discard_pool()
        return WorkerError(f"an extraction worker process died ({error}); articles in flight, not extracted: "
                           f"{_ids(in_flight)}")

    def _outcomes(
        self, chunk: list[Article], result: ChunkResult, on_failure: Callable[[ArticleFailure], None] | None
    ) -> Iterator[Extraction]:
        """The chunk's extractions, its failures handed to ``on_failure`` in their place."""
        returned = [outcome.article.id for outcome in result.outcomes]
        if returned != [article.id for article in chunk]:
            raise WorkerError(f"a worker returned articles {returned} for {[article.id for article in chunk]}")
        for outcome in result.outcomes:
            if isinstance(outcome, ArticleFailure):
                assert on_failure is not None  # workers return failures only when asked to
                on_failure(outcome)
            else:
                yield outcome

    def _started_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.spec,))
        return self._pool

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the worker processes (a later stream would start new ones)."""
        self._discard_pool()

    def __enter__(self) -> ParallelExtractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
                 ) -> None:
        self.close()


def parallel_extractor(extractor: Extractor, spec: WorkerSpec, workers: int) -> Extractor:
    """``extractor`` itself for one worker; else a ``ParallelExtractor`` of ``workers`` processes
    that builds ``spec`` in each (``extractor`` is its in-process twin, built from the same spec)."""
    return extractor if workers == 1 else ParallelExtractor(spec, workers, local=extractor)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), the default number of workers."""
    return len(os.sched_getaffinity(0))
