"""`geokg spark extract` on local masters against single-process `geokg extract`, same JSONL input.

    .venv/bin/python benchmarks/spark_bench.py                 # the 2,010-article corpus (benchmarks/corpus.py)
    .venv/bin/python benchmarks/spark_bench.py --count 201     # a smaller run
    .venv/bin/python benchmarks/spark_bench.py --join 6        # articles of news length (six examples each)

Figures printed (each command a fresh process, as a user runs it; wall time includes start-up):
1. wall seconds and articles/s of `geokg extract dump.jsonl --workers 1` (one process) and
   `--workers 2`, and of
   `geokg spark extract dump.jsonl --master local[1]` and `local[2]`, with the job's own seconds
   from the run report (without the JVM and session start) and the triples each wrote;
2. the start-up a Python worker pays once: building the extractor (spaCy model and knowledge),
   measured in a fresh interpreter;
3. the cost of one more partition: the same 16 articles on local[2] in 2 partitions and in 16
   (the workers, reused across tasks, load the model once either way), divided by the 14 extra tasks;
4. the 1-minute load average before and after each run, since other processes share the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import SCALE_ARTICLES, bundled_articles, write_jsonl  # noqa: E402

GEOKG = [sys.executable, "-m", "geokg"]


def _load() -> float:
    return os.getloadavg()[0]


def _timed(command: list[str], stdout: Path | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.monotonic()
    if stdout is None:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    else:
        with stdout.open("w", encoding="utf-8") as handle:
            result = subprocess.run(command, cwd=ROOT, stdout=handle, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, result


def _report(out: Path) -> dict[str, object]:
    (path,) = (out / "_reports").glob("*.json")
    report = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(report, dict)
    return report


def single_machine(dump: Path, work: Path, count: int, workers: int) -> float:
    """`geokg extract --workers N`: with 1, the single process Spark is compared with."""
    before = _load()
    seconds, _ = _timed([*GEOKG, "extract", str(dump), "--workers", str(workers)], stdout=work / "triples.jsonl")
    triples = sum(1 for _ in (work / "triples.jsonl").open(encoding="utf-8"))
    print(f"geokg extract --workers {workers}       : {seconds:7.1f} s wall, {count / seconds:5.2f} articles/s, "
          f"{triples} triples; load {before:.1f} -> {_load():.1f}")
    return seconds


def spark(dump: Path, work: Path, count: int, cores: int, partitions: int) -> float:
    out = work / f"spark-local{cores}-{partitions}"
    before = _load()
    seconds, _ = _timed([*GEOKG, "spark", "extract", str(dump), "--master", f"local[{cores}]",
                         "--partitions", str(partitions), "--out", str(out)])
    report = _report(out)
    print(f"geokg spark extract local[{cores}] ({partitions:2d} partitions): {seconds:7.1f} s wall "
          f"({report['seconds']} s in the job), {count / seconds:5.2f} articles/s, {report['events']} triples; "
          f"load {before:.1f} -> {_load():.1f}")
    return seconds


def worker_start_up() -> float:
    code = ("import time; t = time.monotonic(); from extract.extractor import create_extractor; "
            "create_extractor('geokg-rules'); print(time.monotonic() - t)")
    _, result = _timed([sys.executable, "-c", code])
    seconds = float(result.stdout.strip())
    print(f"extractor start-up per Python worker (spaCy + knowledge): {seconds:.1f} s")
    return seconds


def per_partition(work: Path) -> float:
    small = write_jsonl(work / "small.jsonl", 16)
    few = spark(small, work, 16, 2, 2)
    many = spark(small, work, 16, 2, 16)
    cost = (many - few) / 14
    print(f"one more partition (task) costs {cost:.2f} s on local[2]")
    return cost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=SCALE_ARTICLES, help="articles in the JSONL corpus")
    parser.add_argument("--join", type=int, default=1,
                        help="examples joined into one article (6: about the length of a news article)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="spark-bench-") as folder:
        work = Path(folder)
        dump = write_jsonl(work / "corpus.jsonl", args.count, args.join)
        words = sum(len(a.text.split()) for a in bundled_articles(args.count, args.join))
        print(f"corpus: {args.count} articles of {args.join} example(s) each, {words} words, "
              f"{dump.stat().st_size / 1e6:.1f} MB of JSONL")
        worker_start_up()
        per_partition(work)
        single = single_machine(dump, work, args.count, 1)
        both = single_machine(dump, work, args.count, 2)
        one = spark(dump, work, args.count, 1, 4)
        two = spark(dump, work, args.count, 2, 4)
        print(f"Spark's overhead on one core, local[1] / one process (wall): {one / single:.2f} (target <= 1.3)")
        print(f"local[2] speed-up over local[1] (wall): {one / two:.2f} (target >= 1.6); "
              f"geokg extract --workers 2 over --workers 1: {single / both:.2f}")


if __name__ == "__main__":
    main()
