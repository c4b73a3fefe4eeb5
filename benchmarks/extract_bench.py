"""Extraction throughput and memory, each measured against its floor in the same run.

    .venv/bin/python benchmarks/extract_bench.py            # full run (about 5 minutes on 2 cores)
    .venv/bin/python benchmarks/extract_bench.py --quick    # smoke run
    .venv/bin/python benchmarks/extract_bench.py --long     # 1, 5 and 10 MB articles (about 10 CPU-minutes)

Figures printed:
1. words/s of full extraction (``Extractor.extract_many``) vs bare ``nlp.pipe`` over the same
   blocks with the same model and batch size; the ratio full/bare time (target <= 1.3), in wall
   seconds and in CPU seconds of the process (both single-threaded: on a shared machine the CPU
   ratio is the one that measures the code, wall time also measures the neighbours); full and bare
   runs alternate, so a change in the machine's load falls on both alike;
2. the speedup of full extraction with 2 processes over 1;
3. peak RSS of streaming extraction over 1,000 vs 10,000 short articles, each size in a fresh
   process, to show memory does not grow with the corpus.
4. (``--long``) time and peak RSS of one article of 1, 5 and 10 MB, each a single paragraph of
   news prose (the case that crashed with spaCy's E088 before blocks were bounded), each in a
   fresh process, beside the RSS of the same process with the model loaded and the text read but
   nothing extracted (the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import bundled_articles, words_of  # noqa: E402
from extract.pipeline import Extractor  # noqa: E402
from extract.text import split_blocks  # noqa: E402
from graph.model import Article  # noqa: E402

BATCH = 64
ACTORS = [
    ("Hungarian Prime Minister Viktor Orban", "Orban", "Hungary"),
    ("Russian President Vladimir Putin", "Putin", "Russia"),
    ("Chinese President Xi Jinping", "Xi", "China"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan", "Turkey"),
    ("French President Emmanuel Macron", "Macron", "France"),
    ("Indian Prime Minister Narendra Modi", "Modi", "India"),
]
VERBS = ["met", "criticized", "praised", "accused", "visited", "threatened", "called on"]


def short_articles(count: int, seed: int = 7) -> Iterator[Article]:
    """Deterministic short synthetic articles (40-80 words), generated lazily."""
    rng = random.Random(seed)
    for number in range(count):
        (full_a, short_a, country_a), (full_b, short_b, country_b) = rng.sample(ACTORS, 2)
        verb = rng.choice(VERBS)
        text = (
            f"{full_a} {verb} {full_b} on Tuesday, officials said.\n\n"
            f"{short_a} said {country_a} would buy more oil from {country_b} despite sanctions. "
            f"\u201cWe will not accept pressure,\u201d {short_b} told reporters in {country_b}, "
            f"adding that {country_b} had no intention of reducing trade with {country_a}."
        )
        yield Article(f"synthetic-{number}", text, None, "2024-05-16")


def alternated_medians(runs: dict[str, Callable[[], None]], repeats: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each run, after a warm-up of each; the runs alternate."""
    for run in runs.values():
        run()  # warm-up
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    return {name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
            for name, found in timings.items()}


def throughput(extractor: Extractor, articles: list[Article], repeats: int) -> dict[str, float]:
    blocks = [b.text for a in articles for b in split_blocks(a.text)]
    words = words_of(articles)

    def full() -> None:
        for extraction in extractor.extract_many(articles, batch_size=BATCH):
            for _ in extraction.events:
                pass

    def bare() -> None:
        for _ in extractor.nlp.pipe(blocks, batch_size=BATCH):
            pass

    medians = alternated_medians({"full": full, "bare": bare}, repeats)
    (full_s, full_cpu), (bare_s, bare_cpu) = medians["full"], medians["bare"]
    return {"words": words, "full_words_per_s": words / full_s, "bare_words_per_s": words / bare_s,
            "full_over_bare_time": full_s / bare_s, "full_over_bare_cpu": full_cpu / bare_cpu,
            "full_words_per_cpu_s": words / full_cpu, "bare_words_per_cpu_s": words / bare_cpu}


def parallel(extractor: Extractor, articles: list[Article]) -> dict[str, float]:
    timings = {}
    for processes in (1, 2):
        start = time.perf_counter()
        for extraction in extractor.extract_many(articles, batch_size=BATCH, n_process=processes):
            for _ in extraction.events:
                pass
        timings[processes] = time.perf_counter() - start
    words = words_of(articles)
    return {"words_per_s_1_process": words / timings[1], "words_per_s_2_processes": words / timings[2],
            "speedup_2_processes": timings[1] / timings[2]}


def memory_child(count: int) -> None:
    """Run in a fresh process: stream ``count`` articles and print peak RSS."""
    extractor = Extractor()
    start = time.perf_counter()
    events = 0
    for extraction in extractor.extract_many(short_articles(count), batch_size=BATCH):
        events += len(extraction.events)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"articles": count, "events": events, "seconds": seconds, "peak_rss_mib": peak_kib / 1024}))


def long_article(size: int) -> Article:
    """One article of ``size`` characters: the synthetic news sentences in one paragraph."""
    parts: list[str] = []
    length = 0
    for article in short_articles(size // 200 + 1):
        part = article.text.replace("\n\n", " ")
        parts.append(part)
        length += len(part) + 1
        if length >= size:
            break
    return Article(f"long-{size}", " ".join(parts)[:size], None, "2024-05-16")


def peak_rss_mib() -> float:
    """The process's peak resident set so far (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def long_child(size: int) -> None:
    """Run in a fresh process: extract one article of ``size`` characters, print time and peak RSS."""
    extractor = Extractor()
    article = long_article(size)
    extractor.extract(Article("warm-up", "Russia attacked Ukraine.", None, "2024-05-16"))
    floor = peak_rss_mib()
    start, cpu_start = time.perf_counter(), time.process_time()
    extraction = extractor.extract(article)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"chars": len(article.text), "words": len(article.text.split()), "seconds": seconds,
                      "cpu_seconds": cpu_seconds,
                      "floor_rss_mib": floor, "peak_rss_mib": peak_rss_mib(), "events": len(extraction.events),
                      "mentions": sum(len(e.evidence) for e in extraction.events)}))


def long_articles(sizes: tuple[int, ...], show: Callable[[dict[str, float]], None]) -> list[dict[str, float]]:
    """Each size in a fresh process; each row is shown as soon as it is measured."""
    results = []
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--long-child", str(size)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        show(results[-1])
    return results


def show_long(row: dict[str, float]) -> None:
    print(f"one article of {row['chars'] / 1e6:.1f} MB ({row['words']:,.0f} words, one paragraph): "
          f"{row['seconds']:.0f} s, {row['cpu_seconds']:.0f} s CPU "
          f"({row['words'] / row['cpu_seconds']:,.0f} words/CPU-s), peak RSS "
          f"{row['peak_rss_mib']:.0f} MiB; model loaded and text read: {row['floor_rss_mib']:.0f} MiB; "
          f"{row['events']} events, {row['mentions']:,} mentions", flush=True)


def memory(counts: tuple[int, ...]) -> list[dict[str, float]]:
    results = []
    for count in counts:
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(count)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--long", action="store_true", help="only the 1, 5 and 10 MB single articles")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--long-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.long_child:
        long_child(args.long_child)
        return
    if args.long:
        sizes = (100_000, 500_000) if args.quick else (1_000_000, 5_000_000, 10_000_000)
        rows = long_articles(sizes, (lambda row: None) if args.json else show_long)
        if args.json:
            print(json.dumps({"long_articles": rows}))
        return
    import spacy

    extractor = Extractor()
    size, repeats, counts = (64, 1, (100, 1000)) if args.quick else (320, 3, (1000, 10000))
    articles = bundled_articles(size)
    figures = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__,
                    "model": f"{extractor.nlp.meta['name']} {extractor.nlp.meta['version']}"},
        "throughput": throughput(extractor, articles, repeats),
        "parallel": parallel(extractor, articles),
        "memory": memory(counts),
    }
    if args.json:
        print(json.dumps(figures))
        return
    machine, rate, par = figures["machine"], figures["throughput"], figures["parallel"]
    print(f"machine: {machine}")
    print(f"corpus: {size} articles, {rate['words']:.0f} words (bundled examples, cycled); batch {BATCH}; "
          f"median of {repeats} after a warm-up, full and bare alternated")
    print(f"full extraction: {rate['full_words_per_s']:,.0f} words/s, {rate['full_words_per_cpu_s']:,.0f} words/CPU-s")
    print(f"bare nlp.pipe:   {rate['bare_words_per_s']:,.0f} words/s, {rate['bare_words_per_cpu_s']:,.0f} words/CPU-s")
    print(f"full/bare time:  {rate['full_over_bare_time']:.2f} wall, {rate['full_over_bare_cpu']:.2f} CPU "
          "(target <= 1.3)")
    print(f"1 process: {par['words_per_s_1_process']:,.0f} words/s; 2 processes: "
          f"{par['words_per_s_2_processes']:,.0f} words/s; speedup {par['speedup_2_processes']:.2f}x")
    for row in figures["memory"]:
        print(f"stream of {row['articles']:,} articles: peak RSS {row['peak_rss_mib']:.0f} MiB, "
              f"{row['seconds']:.0f} s, {row['events']:,} events")


if __name__ == "__main__":
    main()
