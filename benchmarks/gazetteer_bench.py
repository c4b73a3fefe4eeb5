"""Start-up cost of the gazetteer, curated only vs + Phoenix vs + GeoNames places, measured in one run.

    .venv/bin/python benchmarks/gazetteer_bench.py            # about 3 minutes on 2 cores
    .venv/bin/python benchmarks/gazetteer_bench.py --quick    # smoke run

Each configuration is a copy of extract/data in a temporary folder, run in a fresh process (same
model, same articles):
- ``curated``: without the Phoenix and GeoNames files (``phoenix_*``, ``geonames_*``), i.e. the
  gazetteer of the hand-made files only, with every other knowledge file as shipped;
- ``curated+phoenix``: without the GeoNames files;
- ``curated+phoenix+geonames``: extract/data as shipped (when it has geonames_places.tsv).
Printed per configuration: ``Knowledge.load`` time (all the knowledge files, the gazetteer most of
it) and SurfaceIndex.build time, index sizes, peak RSS of the process, and full extraction time over
bare ``nlp.pipe`` on the same blocks (target <= 1.3); ``wall s`` is the first (cold) load and index
build in wall seconds. Other times are CPU seconds of the process (median of 3 after a warm-up): on
a shared machine wall time mostly measures the neighbours.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.gazetteer import SurfaceIndex  # noqa: E402
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from extract.nlp import load_model  # noqa: E402
from extract.pipeline import Extractor, Knowledge  # noqa: E402
from extract.text import split_blocks  # noqa: E402
from graph.model import Article  # noqa: E402
from loaders.sources import read_inputs  # noqa: E402

PHOENIX_FILES = "phoenix_*"  # tools/build_phoenix_*.py
GEONAMES_FILES = "geonames_*"  # tools/build_geonames_places.py
GEONAMES_PLACES = "geonames_places.tsv"
BATCH = 64


def median_seconds(run: Callable[[], object], repeats: int = 3) -> float:
    """Median CPU seconds of the process (the machine is shared: wall time is noisier)."""
    run()  # warm-up (file cache)
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        timings.append(time.process_time() - start)
    return statistics.median(timings)


def articles(count: int) -> list[Article]:
    base = [a for a in read_inputs([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
    return [Article(f"{base[i % len(base)].id}#{i}", base[i % len(base)].text, None, base[i % len(base)].date)
            for i in range(count)]


def child(data_dir: Path, count: int) -> None:
    """In a fresh process: time loading the knowledge of ``data_dir`` and indexing its gazetteer,
    then extraction vs bare."""
    nlp = load_model()

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    wall = time.perf_counter()
    SurfaceIndex.build(Knowledge.load(data_dir).gazetteer, tokenize)
    wall_s = time.perf_counter() - wall  # the first, cold start-up, in wall seconds
    load_s = median_seconds(lambda: Knowledge.load(data_dir))
    knowledge = Knowledge.load(data_dir)
    gazetteer = knowledge.gazetteer
    index_s = median_seconds(lambda: SurfaceIndex.build(gazetteer, tokenize))
    extractor = Extractor(nlp, knowledge)
    peak_after_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    corpus = articles(count)
    blocks = [b.text for a in corpus for b in split_blocks(a.text)]

    def full() -> None:
        for extraction in extractor.extract_many(corpus, batch_size=BATCH):
            for _ in extraction.events:
                pass

    def bare() -> None:
        for _ in nlp.pipe(blocks, batch_size=BATCH):
            pass

    full_s, bare_s = median_seconds(full), median_seconds(bare)
    print(json.dumps({
        "knowledge_load_s": load_s, "surface_index_build_s": index_s,
        "start_up_s": load_s + index_s, "first_start_up_wall_s": wall_s,
        "index_entries": len(extractor.index.entries), "caseless_entries": len(extractor.index.caseless),
        "persons": len(gazetteer.offices) + len(gazetteer.dated_persons), "agents": len(gazetteer.agents),
        "peak_rss_mib_after_start": peak_after_start,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "words": sum(len(a.text.split()) for a in corpus), "full_over_bare_time": full_s / bare_s,
    }))


def copy_without(target: Path, left_out: tuple[str, ...]) -> None:
    """Copy the shipped knowledge folder's files to ``target``, but those matching ``left_out``."""
    for path in DEFAULT_KNOWLEDGE_DIR.iterdir():
        if path.is_file() and not any(fnmatch.fnmatchcase(path.name, pattern) for pattern in left_out):
            shutil.copy(path, target / path.name)


def measure(data_dir: Path, count: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", str(data_dir), "--count", str(count)],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles, for a smoke run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=160, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.count)
        return
    count = 16 if args.quick else 96
    with tempfile.TemporaryDirectory() as curated, tempfile.TemporaryDirectory() as phoenix:
        copy_without(Path(curated), (PHOENIX_FILES, GEONAMES_FILES))
        copy_without(Path(phoenix), (GEONAMES_FILES,))
        figures = {"curated": measure(Path(curated), count), "curated+phoenix": measure(Path(phoenix), count)}
        if (DEFAULT_KNOWLEDGE_DIR / GEONAMES_PLACES).exists():
            figures["curated+phoenix+geonames"] = measure(DEFAULT_KNOWLEDGE_DIR, count)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{count} bundled articles ({figures['curated']['words']:.0f} words), each configuration in a fresh process")
    print(f"{'':26}{'load s':>8}{'index s':>9}{'start s':>9}{'wall s':>8}{'entries':>10}{'persons':>9}{'agents':>8}"
          f"{'RSS MiB':>9}{'full/bare':>11}")
    for name, row in figures.items():
        print(f"{name:26}{row['knowledge_load_s']:8.2f}{row['surface_index_build_s']:9.2f}{row['start_up_s']:9.2f}"
              f"{row['first_start_up_wall_s']:8.2f}"
              f"{row['index_entries'] + row['caseless_entries']:10.0f}{row['persons']:9.0f}{row['agents']:8.0f}"
              f"{row['peak_rss_mib']:9.0f}{row['full_over_bare_time']:11.2f}")


if __name__ == "__main__":
    main()
