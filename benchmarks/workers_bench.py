"""All cores of one machine: extraction and ingestion with 1 and 2 worker processes, in one run.

    .venv/bin/python benchmarks/workers_bench.py             # 2,010 articles (benchmarks/corpus.py)
    .venv/bin/python benchmarks/workers_bench.py --quick     # smoke run: 134 articles
    .venv/bin/python benchmarks/workers_bench.py --no-neo4j  # without the Neo4j runs

Figures printed, each with the 1-minute load average taken just before it (other programs share
the cores; the load says how much):
1. the floor: bare ``nlp.pipe`` over the corpus's blocks with 1 and 2 processes (spaCy's own);
2. extraction (``extract_many``) with 1 worker (in this process) and with 2 (``ParallelExtractor``):
   the first 2-worker pass includes starting the workers (cold); then ``--rounds`` turns of
   1 worker and 2 workers on the started pool (warm); speedup = median 2-worker / median 1-worker
   words/s (target >= 1.7 on 2 cores);
3. end-to-end ``ingest()`` (the code path of ``geokg ingest``: ledger, batches of 50, this process
   writing) with 1 and 2 workers into the embedded SQLite store and into a local Neo4j 5.26
   (started on free ports in a temporary home, as ``benchmarks/load_bench.py`` does); the ratio
   ingest / extraction alone at the same worker count (target >= 0.8);
4. the peak RSS of each worker process (VmHWM) after a run over a quarter of the corpus and over
   all of it, each on a fresh pool: flat when a worker's memory does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import SCALE_ARTICLES, bundled_articles, words_of  # noqa: E402
from extract.extractor import RULES, Extractor, ExtractorSettings  # noqa: E402
from extract.parallel import ParallelExtractor, WorkerSpec, usable_cores  # noqa: E402
from extract.pipeline import RuleExtractor  # noqa: E402
from extract.text import split_blocks  # noqa: E402
from graph.model import Article  # noqa: E402
from graph.sqlite_store import SqliteStore  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from loaders.ingest import Ledger, ingest  # noqa: E402

BATCH = 64  # spaCy's batch, in blocks, as in extract_bench.py
INGEST_BATCH = 50  # articles per store transaction: the default of `geokg ingest`


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: float
    words_per_s: float
    cpu_seconds: float  # this process and its children (workers, spaCy's processes, Neo4j's JVM)
    load: float  # the 1-minute load average just before the run


def load_average() -> float:
    return os.getloadavg()[0]


def cpu_seconds() -> float:
    """CPU time so far of this process, its live children and its children that ended."""
    ticks = os.sysconf("SC_CLK_TCK")
    live = 0.0
    for pid in children():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # ended since it was listed
            continue
        live += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + live + ended.ru_utime + ended.ru_stime


def timed(label: str, words: int, run: Callable[[], object]) -> Timing:
    load = load_average()
    cpu_start, start = cpu_seconds(), time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    timing = Timing(label, seconds, words / seconds, cpu_seconds() - cpu_start, load)
    print(f"{label:<44} {seconds:7.1f} s {timing.words_per_s:>8,.0f} words/s {timing.cpu_seconds:7.1f} CPU-s"
          f"   (load {load:.2f})", flush=True)
    return timing


def median_of(timings: list[Timing]) -> Timing:
    """The run of median time (the upper one of an even count)."""
    return sorted(timings, key=lambda timing: timing.seconds)[len(timings) // 2]


def drain(extractor: Extractor, articles: list[Article]) -> None:
    for extraction in extractor.extract_many(articles, batch_size=BATCH):
        for _ in extraction.events:
            pass


def bare_pipe(extractor: RuleExtractor, blocks: list[str], processes: int) -> None:
    for _ in extractor.nlp.pipe(blocks, batch_size=BATCH, n_process=processes):
        pass


def children() -> set[int]:
    """This process's child processes (Linux /proc)."""
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        pids.update(int(pid) for pid in (task / "children").read_text().split())
    return pids


def peak_rss_mib(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def worker_peaks(local: RuleExtractor, articles: list[Article]) -> list[float]:
    """Peak RSS of each worker of a fresh 2-worker pool after extracting ``articles``."""
    before = children()
    with ParallelExtractor(WorkerSpec.of(RULES, ExtractorSettings()), workers=2, local=local) as parallel:
        drain(parallel, articles)
        return sorted(peak_rss_mib(pid) for pid in children() - before)


def ingest_into(store: GraphStore, ledger_path: Path, extractor: Extractor, articles: list[Article]) -> None:
    ledger = Ledger(ledger_path)
    try:
        report = ingest(iter(articles), store, "bench", extractor, ledger, INGEST_BATCH)
    finally:
        ledger.close()
    if report.articles_new != len(articles):
        raise RuntimeError(f"ingest loaded {report.articles_new} of {len(articles)} articles: {report.as_dict()}")


@contextmanager
def neo4j_store(folder: Path) -> Iterator[Callable[[], GraphStore]]:
    """A local Neo4j on free ports; yields a function giving an emptied store each time."""
    from graph import neo4j_server
    from graph.neo4j_store import Neo4jSettings, Neo4jStore

    home = folder / "neo4j"
    neo4j_server.install(home, jar_cache=ROOT / ".neo4j")
    settings = neo4j_server.ServerSettings(home=home, bolt_port=neo4j_server.free_port(),
                                           http_port=neo4j_server.free_port(), password="bench-password",
                                           heap="1g", pagecache="512m")
    info = neo4j_server.start(settings)
    print(f"Neo4j at {info.bolt_uri} (started in {info.startup_seconds:.1f} s)", flush=True)

    def emptied() -> GraphStore:
        store = Neo4jStore(Neo4jSettings(info.bolt_uri, info.user, "bench-password"))
        with store.driver.session(database="neo4j") as session:  # CALL IN TRANSACTIONS needs an auto-commit one
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        return store

    try:
        yield emptied
    finally:
        neo4j_server.stop(home)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="134 articles: a smoke run")
    parser.add_argument("--no-neo4j", action="store_true", help="leave out the Neo4j ingestion")
    parser.add_argument("--rounds", type=int, default=None,
                        help="turns of 1-worker and 2-worker extraction, medians compared (default 3; --quick 1)")
    args = parser.parse_args()
    args.rounds = args.rounds or (1 if args.quick else 3)
    from spacy import about

    count = 134 if args.quick else SCALE_ARTICLES
    articles = bundled_articles(count)
    words = words_of(articles)
    local = RuleExtractor()
    blocks = [b.text for a in articles for b in split_blocks(a.text)]
    print(f"machine: {os.cpu_count()} CPUs, {usable_cores()} usable; Python {platform.python_version()}, "
          f"spaCy {about.__version__}, {local.nlp.meta['name']} {local.nlp.meta['version']}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other programs share these cores)")
    print(f"corpus: {count:,} articles, {words:,} words, {len(blocks):,} blocks (benchmarks/corpus.py)", flush=True)
    drain(local, articles[:20])  # warm-up of this process's pipeline

    bare = {n: timed(f"floor: bare nlp.pipe, {n} process(es)", words, partial(bare_pipe, local, blocks, n))
            for n in (1, 2)}
    spec = WorkerSpec.of(RULES, ExtractorSettings())
    results: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory(prefix="geokg-workers-") as name, \
            ParallelExtractor(spec, workers=2, local=local) as parallel:
        folder = Path(name)
        cold = timed("extraction, 2 workers, cold (workers start)", words, lambda: drain(parallel, articles))
        ones: list[Timing] = []
        twos: list[Timing] = []
        for round_number in range(1, args.rounds + 1):  # taking turns, so a change of load falls on both
            ones.append(timed(f"extraction, 1 worker (in this process), round {round_number}", words,
                              partial(drain, local, articles)))
            twos.append(timed(f"extraction, 2 workers, warm, round {round_number}", words,
                              partial(drain, parallel, articles)))
        one, two = median_of(ones), median_of(twos)
        for workers, extractor in ((1, local), (2, parallel)):
            db = folder / f"graph-{workers}.sqlite"
            store = SqliteStore(db)
            results[f"sqlite-{workers}"] = timed(
                f"ingest into SQLite, {workers} worker(s)", words,
                partial(ingest_into, store, folder / f"ledger-sqlite-{workers}.sqlite", extractor, articles))
            store.close()
        if not args.no_neo4j:
            with neo4j_store(folder) as emptied:
                warm = emptied()  # JVM, schema and query plans, on the first articles, then emptied
                ingest_into(warm, folder / "ledger-neo4j-warm-up.sqlite", local, articles[:67])
                warm.close()
                for workers, extractor in ((1, local), (2, parallel)):
                    graph = emptied()
                    results[f"neo4j-{workers}"] = timed(
                        f"ingest into Neo4j, {workers} worker(s)", words,
                        partial(ingest_into, graph, folder / f"ledger-neo4j-{workers}.sqlite", extractor, articles))
                    graph.close()
    sample = articles[:134]
    extractions = list(local.extract_many(sample, batch_size=BATCH))
    start = time.perf_counter()
    pickle.loads(pickle.dumps((sample, extractions), protocol=pickle.HIGHEST_PROTOCOL))
    pickling = (time.perf_counter() - start) * words / words_of(sample)  # scaled to the corpus
    quarter = articles[: count // 4]
    peaks = {len(quarter): worker_peaks(local, quarter), count: worker_peaks(local, articles)}

    print()
    print(f"floor speedup (bare nlp.pipe, 2 processes / 1): {bare[2].words_per_s / bare[1].words_per_s:.2f}x")
    print(f"medians of {args.rounds} round(s): 1 worker {one.words_per_s:,.0f} words/s ({one.seconds:.1f} s), "
          f"2 workers {two.words_per_s:,.0f} words/s ({two.seconds:.1f} s)")
    print(f"extraction speedup (2 workers warm / 1): {two.words_per_s / one.words_per_s:.2f}x (target >= 1.7); "
          f"cold: {cold.words_per_s / one.words_per_s:.2f}x; worker start-up about {cold.seconds - two.seconds:.1f} s, "
          f"{cold.cpu_seconds - two.cpu_seconds:.1f} CPU-s (cold minus warm)")
    for key, timing in results.items():
        store_name, count_text = key.split("-")
        alone = one if count_text == "1" else two
        print(f"{store_name} ingest / extraction alone, {count_text} worker(s): "
              f"{timing.words_per_s / alone.words_per_s:.2f} (target >= 0.8)")
    for key in ("sqlite", "neo4j"):
        if f"{key}-2" in results:
            print(f"{key} ingest speedup (2 workers / 1): "
                  f"{results[f'{key}-2'].words_per_s / results[f'{key}-1'].words_per_s:.2f}x")
    print(f"cores obtained (CPU-s / wall s): 1 worker {one.cpu_seconds / one.seconds:.2f}, "
          f"2 workers {two.cpu_seconds / two.seconds:.2f}; bare nlp.pipe 1 process "
          f"{bare[1].cpu_seconds / bare[1].seconds:.2f}, 2 processes {bare[2].cpu_seconds / bare[2].seconds:.2f}")
    print(f"CPU-s per 1,000 words: 1 worker {1000 * one.cpu_seconds / words:.2f}, 2 workers (warm, parent "
          f"included) {1000 * two.cpu_seconds / words:.2f}; pickling the articles and extractions both ways: "
          f"{pickling:.1f} s for the corpus ({pickling / one.seconds:.0%} of the 1-worker time)")
    for size, rss in peaks.items():
        print(f"worker peak RSS after {size:,} articles: " + ", ".join(f"{mib:.0f} MiB" for mib in rss))
    print(f"this process (the writer, with its own model): peak RSS {peak_rss_mib():.0f} MiB; "
          f"children's max RSS {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
